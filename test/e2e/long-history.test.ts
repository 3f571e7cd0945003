// A province with a long history, as the synthetic content makes it: the home page stays short for
// a reader on a phone. The chart over time has a row per report date, so its table is folded away
// behind a summary that opens without JavaScript; its source line names the newest meetings and
// counts the rest; and the upcoming deadlines are a list that fits the narrow column.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFixture } from '../../scripts/generate-fixture.ts';
import { axeViolations } from '../helpers/browser.ts';
import { buildAndOpen } from '../helpers/site.ts';
import type { OpenSite } from '../helpers/site.ts';

let site: OpenSite;
let home: string;

beforeAll(async () => {
  site = await buildAndOpen('long', (work) => {
    const content = path.join(work, 'content');
    generateFixture(content, 60, 30);
    return content;
  });
  home = readFileSync(path.join(site.out, 'index.html'), 'utf8');
}, 300_000);

afterAll(() => site?.close());

/** A chart's figure on the home page, by the id its table carries. */
function chartFigure(id: string): string {
  const at = home.indexOf(`id="table-${id}"`);
  expect(at, id).toBeGreaterThan(0);
  return home.slice(home.lastIndexOf('<figure', at), home.indexOf('</figure>', at));
}

describe('the home page of a long history', () => {
  it('folds a long chart table behind a summary that counts its rows, and leaves a short one open', () => {
    const overTime = chartFigure(home.match(/id="table-(progress-[^"]*)"/)![1]!);
    const rows = overTime.match(/<tr>/g)!.length - 1;
    expect(rows).toBeGreaterThan(12);
    expect(overTime).toMatch(new RegExp(`<details class="app-chart__data"><summary>Bảng số liệu của biểu đồ: ${rows} dòng</summary>`));
    const status = chartFigure(home.match(/id="table-(status[^"]*)"/)![1]!);
    expect(status).not.toContain('<details');
  });

  it('names the five newest meetings a chart draws its reported figures from, and counts the rest', () => {
    const overTime = chartFigure(home.match(/id="table-(progress-[^"]*)"/)![1]!);
    const linkedFromTable = new Set([...overTime.slice(0, overTime.indexOf('app-chart__source')).matchAll(/href="([^"]*\/meetings\/[^"]+)"/g)].map((m) => m[1]));
    const source = overTime.slice(overTime.indexOf('app-chart__source'));
    const named = [...source.matchAll(/href="([^"]*\/meetings\/[^"]+)"/g)].map((m) => m[1]);
    expect(named).toHaveLength(5);
    expect(source).toContain(`và ${linkedFromTable.size - 5} cuộc họp trước đó, có liên kết trong bảng`);
  });

  it('lists the upcoming deadlines with each task linked, its deadline and its state', () => {
    const list = home.slice(home.indexOf('<ul class="app-task-list">'), home.indexOf('</ul>', home.indexOf('<ul class="app-task-list">')));
    const items = list.match(/<li class="app-task-list__item">/g) ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(8);
    expect(list.match(/href="\/tasks\/T-\d+\/"/g)).toHaveLength(items.length);
    expect(list.match(/Hạn hoàn thành: <time datetime="\d{4}-\d{2}-\d{2}">/g)).toHaveLength(items.length);
    expect(list.match(/class="app-tag /g)).toHaveLength(items.length);
  });

  it('opens the folded table with a click, with JavaScript off, and fits a phone without scrolling sideways', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    const table = page.locator('details.app-chart__data table').first();
    expect(await table.isVisible()).toBe(false);
    await page.locator('details.app-chart__data > summary').first().click();
    expect(await table.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('passes axe with the table folded and opened', async () => {
    // axe is injected into the page, which the page's own CSP would refuse.
    const context = await site.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('details.app-chart__data > summary').first().click();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
