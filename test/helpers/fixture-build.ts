// A fixture's built site for a test file: the one the global setup built once, when it did, or a
// build of the file's own, made before its tests and deleted after them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { fixture, runScript } from './run.ts';

/** A built site: its folder, and a file of it as text. */
export interface BuiltSite {
  out: string;
  read(file: string): string;
}

/** The built site of a fixture folder, for the test file that calls this at its top level. */
export function builtFixture(name: string): BuiltSite {
  const shared = inject('builtFixtures')?.[name];
  const read = (out: string) => (file: string) => readFileSync(path.join(out, file), 'utf8');
  if (shared) return { out: shared, read: read(shared) };
  const work = mkdtempSync(path.join(tmpdir(), `nq57-${name}-`));
  const out = path.join(work, 'dist');
  beforeAll(() => {
    const result = runScript('build.ts', [], { CONTENT_DIR: fixture(name), OUT_DIR: out });
    expect(result.status, result.stderr).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  return { out, read: read(out) };
}
