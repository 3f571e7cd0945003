import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
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
 * Creates `file` holding this process's pid, only if it does not exist: the pid is written to a file
 * of this process's own, which is then linked in, so that no other build ever reads the lock empty.
 * Returns false when `file` exists.
 */
function createHolding(file: string): boolean {
  const own = `${file}.${process.pid}`;
  writeFileSync(own, `${process.pid}\n`);
  try {
    linkSync(own, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return false;
  } finally {
    unlinkSync(own);
  }
}

/**
 * Deletes the lock `file` if it still holds `stale`, the pid of a build that is no longer running.
 * Two builds that find the same stale lock take turns through a second lock, so that the slower one
 * never deletes the lock the faster one has just taken.
 */
function removeStale(file: string, stale: number | undefined): void {
  const takeover = `${file}.takeover`;
  if (!createHolding(takeover)) {
    // Another build is taking it over; one killed while doing so (a moment's work) left this behind.
    const other = holder(takeover);
    if (other !== undefined && !isRunning(other)) rmSync(takeover, { force: true });
    return;
  }
  try {
    if (holder(file) === stale) rmSync(file, { force: true });
  } finally {
    unlinkSync(takeover);
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
    if (createHolding(file)) {
      return () => {
        if (holder(file) === process.pid) unlinkSync(file);
      };
    }
    const pid = holder(file);
    if (pid === undefined || pid === process.pid || !isRunning(pid)) {
      say(msg('cli.lock.stale', { pid: pid ?? '?', file }));
      removeStale(file, pid);
      await new Promise((resolve) => setTimeout(resolve, Math.min(interval, 50)));
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
