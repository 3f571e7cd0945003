import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { isRunning } from '../../src/loaders/wait-for-file.ts';

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
      // English: a build (pid N) stopped without giving back its lock: taking it over
      say(`bản dựng trước (pid ${pid ?? '?'}) đã dừng mà không trả khóa ${file}: lấy lại khóa`);
      try {
        unlinkSync(file);
      } catch {
        // Another build took it over first: try again.
      }
      continue;
    }
    if (Date.now() - started >= wait) {
      // English: another build (pid N) is still running in this project; this build stops without changing anything: run it again when that one has finished
      throw new LockRefused(`một bản dựng khác (pid ${pid}) vẫn đang chạy trong dự án này sau ${Math.round(wait / 1000)} giây chờ; bản dựng này dừng, không thay đổi gì: hãy chạy lại khi bản dựng kia xong (hoặc đặt BUILD_LOCK_WAIT=giây để chờ lâu hơn)`);
    }
    if (waitingFor !== pid) {
      // English: another build (pid N) is running in this project: waiting for it to finish (at most S s)
      say(`một bản dựng khác (pid ${pid}) đang chạy trong dự án này: chờ nó xong (tối đa ${Math.round(wait / 1000)} giây)…`);
      waitingFor = pid;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
