// Builds started at the same moment take the build lock one at a time, also when they all find a
// lock left by a build that was killed: two builds in a project at once would share Astro's caches,
// among them the task pages kept for the next build.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/run.ts';

const work = mkdtempSync(path.join(tmpdir(), 'nq57-lock-turns-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A build's turn: it takes the lock, notes that it is in, holds the lock a moment, notes that it is out, and gives it back. */
const TURN = `
import { appendFileSync } from 'node:fs';
import { acquireBuildLock } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'src/cli/build-lock.ts')).href)};
const [lock, log] = process.argv.slice(1);
const release = await acquireBuildLock(lock, { wait: 60_000, interval: 5, say: () => {} });
appendFileSync(log, 'in ' + process.pid + '\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
appendFileSync(log, 'out ' + process.pid + '\\n');
release();
`;

function turns(lock: string, log: string, count: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', TURN, lock, log], { stdio: 'inherit' });
        child.on('exit', (code) => resolve(code ?? -1));
      }),
    ),
  );
}

describe('the build lock', () => {
  it.each([
    ['free', undefined],
    ['left by a killed build', '2147483646\n'],
    ['left empty', ''],
  ])('is held by one build at a time when six start at once and it is %s', async (name, left) => {
    const lock = path.join(work, `${name.replace(/\W/g, '-')}.lock`);
    const log = path.join(work, `${name.replace(/\W/g, '-')}.log`);
    if (left !== undefined) writeFileSync(lock, left);
    expect(await turns(lock, log, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(12);
    // Each build's "in" is followed by its own "out" before any other build's "in".
    for (let i = 0; i < lines.length; i += 2) expect(lines[i + 1]).toBe(lines[i]!.replace('in', 'out'));
  }, 60_000);
});
