import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { msg } from '../lib/messages.ts';

/** Whether a process is still running. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How `acquireBuildLock` waits for another build. */
export interface LockOptions {
  /** How long to wait for a build that holds the lock, in ms, before refusing. */
  wait: number;
  /** How often to look, in ms. */
  interval?: number;
  say: (message: string) => void;
}

/** Another build held the lock for longer than this build would wait. */
export class LockRefused extends Error {}

/** The pid written in the lock file, or undefined when it holds none. */
function holder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the project's build lock: a file that holds the pid of the build that has it, created only
 * if it does not exist, so that of two builds started at once one gets it. A build that finds it held
 * waits for it, saying so, and refuses after `wait` ms; a lock whose build is no longer running (it
 * was killed before it could remove it) is taken over. Returns the function that gives it back.
 */
export async function acquireBuildLock(file: string, { wait, interval = 500, say }: LockOptions): Promise<() => void> {
  const started = Date.now();
  let waitingFor: number | undefined;
  for (;;) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => {
        if (holder(file) === process.pid) unlinkSync(file);
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const pid = holder(file);
    if (pid === undefined || pid === process.pid || !isRunning(pid)) {
      say(msg('cli.lock.stale', { pid: pid ?? '?', file }));
      try {
        unlinkSync(file);
      } catch {
        // Another build took it over first: try again.
      }
      continue;
    }
    if (Date.now() - started >= wait) {
      throw new LockRefused(msg('cli.lock.refused', { pid, seconds: Math.round(wait / 1000) }));
    }
    if (waitingFor !== pid) {
      say(msg('cli.lock.waiting', { pid, seconds: Math.round(wait / 1000) }));
      waitingFor = pid;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
