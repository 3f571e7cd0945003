// A fast check of a built site, for publishing a content commit without the browser suite: the key
// pages and data files are there and parse, and every meeting and task the data lists has its page.
// Usage: npm run smoke [-- dist]   (BASE_PATH, when the site was built under one)
// Exits 1 and names each missing or broken file; 0 when the site looks whole.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** What is wrong with a built site, one line per problem; empty when nothing is. */
export function smokeProblems(dir: string, base = '/'): string[] {
  const problems: string[] = [];
  const file = (relative: string) => path.join(dir, relative);
  const has = (relative: string): boolean => {
    const ok = existsSync(file(relative)) && statSync(file(relative)).size > 0;
    if (!ok) problems.push(`${relative} is missing or empty`);
    return ok;
  };
  const text = (relative: string) => readFileSync(file(relative), 'utf8');
  const json = <T>(relative: string): T | undefined => {
    if (!has(relative)) return undefined;
    try {
      return JSON.parse(text(relative)) as T;
    } catch (e) {
      problems.push(`${relative} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };
  const page = (relative: string) => {
    if (has(relative) && !/^<!DOCTYPE html>/i.test(text(relative).trimStart())) problems.push(`${relative} is not an HTML page`);
  };
  /** A URL of the site as a file in the built folder. */
  const pageOf = (url: string) => {
    const local = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '');
    return path.posix.join(local, 'index.html');
  };

  for (const relative of ['index.html', 'en/index.html', 'meetings/index.html', 'tasks/index.html', 'about/index.html', 'data/index.html', '404.html']) {
    if (relative === '404.html' && !existsSync(file(relative))) continue;
    page(relative);
  }
  for (const feed of ['rss.xml', 'en/rss.xml', 'sitemap-index.xml']) {
    if (has(feed) && !text(feed).trimStart().startsWith('<?xml')) problems.push(`${feed} is not XML`);
  }
  if (has('calendar/deadlines.ics') && !text('calendar/deadlines.ics').startsWith('BEGIN:VCALENDAR')) problems.push('calendar/deadlines.ics is not an iCalendar file');
  if (has('data/tasks.csv') && !text('data/tasks.csv').startsWith('id,')) problems.push('data/tasks.csv has no header row');
  json<Record<string, unknown>>('data/progress.json');
  const meetings = json<Array<{ id: string; translations: Record<string, { url: string }> }>>('data/meetings.json') ?? [];
  const tasks = json<Array<{ id: string; url: string }>>('data/tasks.json') ?? [];
  // A registry may hold no task yet (a programme whose tasks no source lists): none is not a problem.
  for (const meeting of meetings) for (const { url } of Object.values(meeting.translations)) page(pageOf(url));
  for (const task of tasks) page(pageOf(task.url));
  return problems;
}

if (import.meta.main) {
  const dir = path.resolve(process.argv[2] ?? process.env.OUT_DIR ?? 'dist');
  const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const started = performance.now();
  const problems = smokeProblems(dir, base);
  for (const problem of problems) process.stderr.write(`smoke: ${problem}\n`);
  process.stderr.write(problems.length ? `smoke: ${problems.length} problem(s) in ${dir}\n` : `smoke: ${path.relative(process.cwd(), dir) || dir} looks whole (${((performance.now() - started) / 1000).toFixed(2)} s)\n`);
  process.exitCode = problems.length ? 1 : 0;
}
