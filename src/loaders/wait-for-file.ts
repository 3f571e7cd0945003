import { existsSync } from 'node:fs';

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

/**
 * Settles once `file` exists, looking every `interval` ms. Fails if the process `writer` (the one
 * that is to write it, or to start what writes it) has gone first, as it then never will be.
 */
export async function waitForFile(file: string, writer: number, interval = 10): Promise<void> {
  while (!existsSync(file)) {
    if (!isRunning(writer)) throw new Error(`${file} was never written: the process that was to write it (${writer}) has stopped`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
