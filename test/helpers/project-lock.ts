// One test at a time uses the project's own folders: a build and the dev server both
// write Astro's caches in the project (.astro/, node_modules/.astro/), so the test files that run side
// by side take this lock around each of them, and everything else (the unit tests, the tests that
// read a built site, drive a browser or run the validator) goes on meanwhile.
//
// The lock is a folder, made only if it does not exist, holding the pid of the process that has it.
// The global setup gives each run a folder of its own (NQ57_PROJECT_LOCK), so a run that was killed
// leaves nothing that the next one waits for; a holder that died within a run is an error, not a
// lock to take over.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** How long a test waits for the project before failing: longer than all of it in a slow run. */
const WAIT_MS = 900_000;

function lockDir(): string {
  return process.env.NQ57_PROJECT_LOCK || path.join(tmpdir(), `nq57-project-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`);
}

/** Nesting within this process: a holder that asks again already has it. */
let depth = 0;

/** Tries once: true when this process now holds the lock. Throws when its holder is gone. */
function tryTake(dir: string, what: string): boolean {
  try {
    mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    let holder = '';
    try {
      holder = readFileSync(path.join(dir, 'holder'), 'utf8');
    } catch {
      return false; // made and not yet written: its holder is taking it
    }
    const pid = Number.parseInt(holder, 10);
    if (pid > 0 && !running(pid)) throw new Error(`the project lock ${dir} is held by process ${pid} (${holder.trim()}), which is gone`);
    return false;
  }
  writeFileSync(path.join(dir, 'holder'), `${process.pid} ${what}\n`);
  return true;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function release(): void {
  if (depth === 0) return; // never taken: a hook before it failed
  if (--depth === 0) rmSync(lockDir(), { recursive: true, force: true });
}

function waited(started: number, what: string): void {
  if (Date.now() - started > WAIT_MS) throw new Error(`waited ${WAIT_MS / 1000} s for the project lock ${lockDir()} to ${what}`);
}

/** Takes the project for `what` (a test's words), waiting for another test that has it. */
export async function takeProject(what: string): Promise<void> {
  if (depth > 0) {
    depth++;
    return;
  }
  const dir = lockDir();
  for (const started = Date.now(); !tryTake(dir, what); await new Promise((resolve) => setTimeout(resolve, 100))) waited(started, what);
  depth = 1;
}

/** Gives the project back, after `takeProject`. */
export function giveProjectBack(): void {
  release();
}

/** Runs `run` (synchronous, such as a spawned build) holding the project. */
export function withProject<T>(what: string, run: () => T): T {
  if (depth === 0) {
    const dir = lockDir();
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (const started = Date.now(); !tryTake(dir, what); Atomics.wait(pause, 0, 0, 100)) waited(started, what);
  }
  depth++;
  try {
    return run();
  } finally {
    release();
  }
}
