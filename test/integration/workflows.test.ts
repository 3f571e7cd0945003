import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.ts';

const dir = path.join(ROOT, '.github/workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

describe('GitHub Actions workflows', () => {
  it.each(files)('%s passes the published workflow schema', (file) => {
    const state = validateWorkflow(read(file));
    expect(state.errors, JSON.stringify(state.errors, null, 2)).toEqual([]);
  });

  it('is a real check: a broken workflow fails it', () => {
    const broken = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo hi\n';
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it('checks pull requests with annotations, a build and every test', () => {
    const check = parse(read('check.yml'));
    expect(Object.keys(check.on)).toContain('pull_request');
    const runs = check.jobs.check.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    expect(runs).toContain('npm run validate -- --format github');
    expect(runs).toContain('npm run build');
    expect(runs).toContain('npm test');
  });

  it('publishes main and rebuilds daily, never deploying a failed build', () => {
    const publish = parse(read('publish.yml'));
    expect(publish.on.push.branches).toEqual(['main']);
    expect(publish.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(publish.concurrency.group).toBe('pages');
    expect(publish.jobs.deploy.needs).toBe('build');
    const steps = publish.jobs.build.steps as Array<{ uses?: string; run?: string }>;
    const order = (match: (s: { uses?: string; run?: string }) => boolean) => steps.findIndex(match);
    const build = order((s) => s.run?.includes('npm run build') ?? false);
    expect(build).toBeGreaterThan(-1);
    expect(steps[build]!.run).toContain('SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"');
    expect(order((s) => s.uses?.startsWith('actions/upload-pages-artifact') ?? false)).toBeGreaterThan(build);
    expect(publish.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
    expect(steps.some((s) => s.uses?.startsWith('actions/cache') && JSON.stringify(s).includes('node_modules/.astro'))).toBe(true);
  });

  it('publishes a content-only commit without the browser suite, a code change after every test', () => {
    const publish = parse(read('publish.yml'));
    const steps = publish.jobs.build.steps as Array<{ id?: string; if?: string; uses?: string; run?: string }>;
    const at = (text: string) => steps.findIndex((s) => s.run?.includes(text) ?? false);
    const upload = steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact') ?? false);
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@/);
    expect(JSON.stringify(steps[0])).toContain('"fetch-depth":0');
    const changes = steps.findIndex((s) => s.id === 'changes');
    expect(steps[changes]!.run).toBe('node scripts/ci-changes.ts');
    expect(changes).toBeLessThan(at('npm install'));
    for (const run of ['npm run validate', 'npm run check:corrections', 'npm run build', 'npm run smoke', 'npm test']) {
      expect(at(run), run).toBeGreaterThan(changes);
      expect(at(run), run).toBeLessThan(upload);
    }
    expect(steps[at('npm run check:corrections')]!.run).toContain('--base "${{ steps.changes.outputs.base }}"');
    expect(steps[at('npm test')]!.if).toBe("steps.changes.outputs.code == 'true'");
    expect(steps[at('npm run smoke')]!.if).toBeUndefined();
    expect(publish.permissions.actions).toBe('write');
  });
});
