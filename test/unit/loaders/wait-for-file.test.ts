import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitForFile } from '../../../src/loaders/wait-for-file.ts';

const work = mkdtempSync(path.join(tmpdir(), 'nq57-wait-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('waitForFile (Astro waiting for the content the build checks beside it)', () => {
  it('settles at once when the file is there', async () => {
    const file = path.join(work, 'there.bin');
    writeFileSync(file, 'x');
    await expect(waitForFile(file, process.pid)).resolves.toBeUndefined();
  });

  it('settles once the file appears, and not before', async () => {
    const file = path.join(work, 'later.bin');
    let settled = false;
    const waiting = waitForFile(file, process.pid, 1).then(() => (settled = true));
    // Several looks find nothing.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toBe(false);
    writeFileSync(file, 'x');
    await waiting;
    expect(settled).toBe(true);
  });

  it('fails, naming the file, once the process that was to write it has stopped', async () => {
    // A process that has ended: its id is no longer in use (it was waited for).
    const ended = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const pid = Number(ended.stdout.trim());
    const file = path.join(work, 'never.bin');
    await expect(waitForFile(file, pid)).rejects.toThrow(`${file} was never written: the process that was to write it (${pid}) has stopped`);
  });
});
