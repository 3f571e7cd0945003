import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { smokeProblems } from '../../../scripts/smoke.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'nq57-smoke-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const HTML = '<!DOCTYPE html><html lang="vi"><title>x</title></html>';

/** A built site in miniature, under the base path `base`, with `changes` applied (undefined deletes). */
function site(name: string, base: string, changes: Record<string, string | undefined> = {}): string {
  const dir = path.join(scratch, name);
  const files: Record<string, string | undefined> = {
    'index.html': HTML,
    'en/index.html': HTML,
    'meetings/index.html': HTML,
    'tasks/index.html': HTML,
    'about/index.html': HTML,
    'data/index.html': HTML,
    'rss.xml': '<?xml version="1.0"?><rss/>',
    'en/rss.xml': '<?xml version="1.0"?><rss/>',
    'sitemap-index.xml': '<?xml version="1.0"?><sitemapindex/>',
    'calendar/deadlines.ics': 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
    'data/tasks.csv': 'id,title_vi\nK1,x\n',
    'data/progress.json': '{"as_of":"2025-10-01"}',
    'data/meetings.json': JSON.stringify([{ id: 'm', translations: { vi: { url: `${base}meetings/m/` }, en: { url: `${base}en/meetings/m/` } } }]),
    'data/tasks.json': JSON.stringify([{ id: 'K1', url: `${base}tasks/K1/` }]),
    'meetings/m/index.html': HTML,
    'en/meetings/m/index.html': HTML,
    'tasks/K1/index.html': HTML,
    ...changes,
  };
  for (const [file, text] of Object.entries(files)) {
    if (text === undefined) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe(smokeProblems, () => {
  it('finds nothing wrong with a whole site, at the root or under a base path', () => {
    expect(smokeProblems(site('whole', '/'))).toEqual([]);
    expect(smokeProblems(site('based', '/nq57/'), '/nq57/')).toEqual([]);
  });

  it('names a missing task page, a broken data file and an empty feed', () => {
    const dir = site('broken', '/', { 'tasks/K1/index.html': undefined, 'data/progress.json': '{"as_of":', 'rss.xml': '' });
    const problems = smokeProblems(dir);
    expect(problems).toContain('tasks/K1/index.html is missing or empty');
    expect(problems).toContain('rss.xml is missing or empty');
    expect(problems.some((p) => p.startsWith('data/progress.json is not valid JSON'))).toBe(true);
    expect(problems).toHaveLength(3);
  });
});
