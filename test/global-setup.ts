// Builds once, before the site tests, each fixture that several test files read, so that each of
// them reads the same built site instead of building the same folder again. Test files take it with
// `builtFixture` (test/helpers/fixture-build.ts) and never change it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { fixture, runScript } from './helpers/run.ts';

/** Fixtures read by more than one test file. */
const SHARED = ['valid'] as const;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Built site folder by fixture name. */
    builtFixtures: Record<string, string>;
  }
}

export default function setup(project: TestProject): () => void {
  const work = mkdtempSync(path.join(tmpdir(), 'nq57-shared-'));
  // The lock of this run's builds and dev server (test/helpers/project-lock.ts): the
  // test files' processes, started after this, inherit it.
  process.env.NQ57_PROJECT_LOCK = path.join(work, 'project.lock');
  // Node keeps the code it compiles for the scripts the tests start again and again (validate, the
  // scaffolds, each build's Astro): the second start of each takes half the time.
  process.env.NODE_COMPILE_CACHE = path.join(work, 'node-compile-cache');
  const built: Record<string, string> = {};
  for (const name of SHARED) {
    const started = performance.now();
    const out = path.join(work, name);
    const result = runScript('build.ts', [], { CONTENT_DIR: fixture(name), OUT_DIR: out });
    if (result.status !== 0) throw new Error(`building the fixture '${name}' failed:\n${result.stderr}`);
    process.stdout.write(`built the fixture '${name}' for the site tests in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    built[name] = out;
  }
  project.provide('builtFixtures', built);
  return () => rmSync(work, { recursive: true, force: true });
}
