import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT } from '../helpers/run.ts';
import { withProject } from '../helpers/project-lock.ts';

describe('astro check', () => {
  it('finds no type error in the project (TypeScript strict)', () => {
    // `astro check` syncs Astro's generated files in the project first, as a build does.
    const result = withProject('astro check', () =>
      spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'check'], {
        cwd: ROOT,
        env: { ...process.env, CONTENT_DIR: fixture('valid'), ASTRO_TELEMETRY_DISABLED: '1' },
        encoding: 'utf8',
      }),
    );
    expect(result.stdout).toMatch(/- 0 errors/);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  }, 900_000);
});
