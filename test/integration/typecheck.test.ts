import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT } from '../helpers/run.ts';

const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

/**
 * What the type check reads: not the dependencies (linked), Astro's generated types (made again in the
 * copy), the built sites or the screenshots, nor the build lock (`.build.lock` and its helpers
 * `.build.lock.PID`, `.build.lock.takeover`), which a build of another test may delete while it is copied.
 */
const LEFT_OUT = new Set(['node_modules', '.astro', 'dist', '.build-tmp', '.git', 'test/e2e/screenshots'].map((name) => path.join(ROOT, name)));
const isBuildLock = (source: string) => path.dirname(source) === ROOT && path.basename(source).startsWith('.build.lock');

function astro(args: string[], cwd: string) {
  return spawnSync(process.execPath, [ASTRO, ...args], {
    cwd,
    env: { ...process.env, CONTENT_DIR: fixture('valid'), ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
}

describe('astro check', () => {
  it('finds no type error in the project (TypeScript strict)', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'nq57-check-'));
    try {
      // A copy of the project, its dependencies linked one by one, so that Astro's and Vite's caches
      // (node_modules/.astro/, .vite/) and generated types (.astro/) are the copy's own: the other tests'
      // builds, which write the project's, go on meanwhile.
      cpSync(ROOT, copy, { recursive: true, filter: (source) => !LEFT_OUT.has(source) && !isBuildLock(source) });
      mkdirSync(path.join(copy, 'node_modules'));
      for (const name of readdirSync(path.join(ROOT, 'node_modules'))) {
        if (!name.startsWith('.') || name === '.bin') symlinkSync(path.join(ROOT, 'node_modules', name), path.join(copy, 'node_modules', name));
      }
      // `astro check` makes Astro's generated types first, as `astro sync` does, in the same process.
      const result = astro(['check'], copy);
      // Every file of the project was in the copy that was checked.
      const sources = readdirSync(path.join(ROOT, 'src'), { recursive: true }).filter((file) => /\.(ts|astro)$/.test(String(file))).length;
      expect(Number(/Result \((\d+) files\)/.exec(result.stdout)?.[1])).toBeGreaterThanOrEqual(sources);
      expect(result.stdout).toMatch(/- 0 errors/);
      expect(result.status, result.stdout + result.stderr).toBe(0);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 900_000);
});
