import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT } from '../helpers/run.ts';
import { withProject } from '../helpers/project-lock.ts';

const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** What the type check reads: not the dependencies (linked), the built sites or the screenshots. */
const LEFT_OUT = new Set(['node_modules', 'dist', '.build-tmp', '.git', 'test/e2e/screenshots'].map((name) => path.join(ROOT, name)));

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
      // Astro's generated types are written in the project, as a build writes them, while this test
      // has it; the check then reads a copy, so that the other tests' builds go on meanwhile.
      withProject('astro sync', () => {
        const sync = astro(['sync'], ROOT);
        expect(sync.status, sync.stdout + sync.stderr).toBe(0);
        cpSync(ROOT, copy, { recursive: true, filter: (source) => !LEFT_OUT.has(source) });
      });
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
      const result = astro(['check', '--noSync'], copy);
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
