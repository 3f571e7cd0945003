// The charts of a built fixture: their tables hold the numbers of progress.json, and pages carry
// JavaScript only where a chart or search needs it, within the size budget.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtFixture } from '../helpers/fixture-build.ts';
import { sitePages } from '../helpers/built-site.ts';

const { out, read } = builtFixture('valid');
const JS_BUDGET = 70 * 1024;

/** Rows of a chart's table: [label, ...cells] as text. */
function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table[^>]*id="table-${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html)?.[1];
  expect(table, id).toBeDefined();
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table!)![1]!;
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()));
}

/** Each page's file, from the site's root (the web editor's are tested in web-editor.test.ts and below). */
function pages(): string[] {
  return sitePages(out).map((url) => `${url.slice(1)}index.html`);
}

/** Every script a page loads, including the chunks its scripts import later. */
function scriptsOf(page: string): string[] {
  const seen = new Set<string>();
  const queue = [...read(page).matchAll(/<script[^>]+src="\/([^"]+)"/g)].map((m) => m[1]!);
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of read(file).matchAll(/(?:import\(|from)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) queue.push(path.posix.join(path.posix.dirname(file), m[1]!));
  }
  return [...seen];
}

describe('charts', () => {
  const progress = () => JSON.parse(read('data/progress.json'));

  it('tabulate the state of each programme exactly as progress.json counts it', () => {
    const counts = progress().programmes['kh-12'].counts;
    expect(tableRows(read('charts/index.html'), 'status-kh-12')).toEqual([['12/KH-UBND', String(counts.completed), String(counts.on_schedule), String(counts.overdue)]]);
  });

  it('tabulate the series over time, with each reported figure beside it', () => {
    const rows = tableRows(read('charts/index.html'), 'progress-kh-12');
    const series = progress().programmes['kh-12'].series as Array<Record<string, number>>;
    expect(rows.map((r) => r.slice(1, 5).map(Number))).toEqual(series.map((p) => [p.completed!, p.on_schedule!, p.overdue!, p.total!]));
    // The mismatched figure of 25 September (4 reported, 3 in the registry) shows as a point.
    const sept = rows.find((r) => r[0] === '25/9/2025')!;
    expect(sept[1]).toBe('3');
    expect(sept.slice(5)).toEqual(['4', '11']);
  });

  it('tabulate the reported rates once, each linked to the meeting that reported it', () => {
    const html = read('charts/index.html');
    const table = html.slice(html.indexOf('id="table-national-vs-province"'), html.indexOf('</table>', html.indexOf('id="table-national-vs-province"')));
    expect([...table.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(['Ngày', 'Toàn quốc', 'Cấp tỉnh']);
    expect(tableRows(html, 'national-vs-province')).toEqual([['15/6/2025', '—', '9,09'], ['25/9/2025', '43', '36,36']]);
    expect(table).toContain('<a href="/meetings/2025-06-15-hop-quy-2/">9,09</a>');
    expect(table).toContain('<a href="/meetings/2025-09-25-hop-quy-3/">43</a>');
  });

  it('head the first column of each table with what its rows are, in the page’s language', () => {
    const firstHeadings = (page: string) =>
      Object.fromEntries([...read(page).matchAll(/<table class="app-table" id="table-([\w-]+)">[\s\S]*?<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => [m[1], m[2]]));
    expect(firstHeadings('charts/index.html')).toMatchObject({ 'status-kh-12': 'Chương trình', 'progress-kh-12': 'Ngày', 'by-unit': 'Đơn vị chủ trì', deadlines: 'Tháng', 'national-vs-province': 'Ngày' });
    expect(firstHeadings('en/charts/index.html')).toMatchObject({ 'status-kh-12': 'Programme', 'progress-kh-12': 'Date', 'by-unit': 'Lead unit', deadlines: 'Month' });
  });

  it('write their numbers on the page for readers without JavaScript, with the data file and sources', () => {
    const html = read('charts/index.html');
    expect(html).toContain('<a href="/data/progress.json">progress.json</a>');
    expect(html).toContain('href="/meetings/2025-09-25-hop-quy-3/"');
    expect(html).toMatch(/<figure class="app-chart"/);
  });

  it('have an embeddable page each, with the same table and a source line', () => {
    const embed = read('embed/status-kh-12/index.html');
    expect(tableRows(embed, 'status-kh-12')).toEqual(tableRows(read('charts/index.html'), 'status-kh-12'));
    expect(embed).toContain('noindex');
  });

  it('leave pages without charts or search with no JavaScript, and keep chart pages within 70 KB gzipped', () => {
    const report: string[] = [];
    for (const page of pages()) {
      const files = scriptsOf(page);
      const gz = files.reduce((n, f) => n + gzipSync(readFileSync(path.join(out, f))).length, 0);
      const html = read(page);
      const interactive = html.includes('<app-chart') || html.includes('<app-search');
      if (!interactive) expect(files, page).toEqual([]);
      else expect(gz, page).toBeLessThanOrEqual(JS_BUDGET);
      if (interactive) report.push(`${page}: ${(gz / 1024).toFixed(1)} KB gzipped`);
    }
    process.stdout.write(`JavaScript per interactive page:\n${[...new Set(report)].join('\n')}\n`);
    expect(report.length).toBeGreaterThan(0);
  });
});
