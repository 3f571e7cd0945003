// A meeting whose body tries every way to run script: nothing of it runs in a real browser.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runScript } from '../helpers/run.ts';
import { buildAndOpen } from '../helpers/site.ts';
import { progress } from '../helpers/browser.ts';
import type { OpenSite } from '../helpers/site.ts';

const PAGE = '/meetings/2025-09-01-noi-dung-doc-hai/';
let site: OpenSite;

beforeAll(async () => {
  site = await buildAndOpen('hostile', () => fixture('hostile-bodies'));
}, 300_000);

afterAll(() => site?.close());

describe('a hostile meeting body', () => {
  it('publishes, with a warning at the line of each piece of markup removed', () => {
    const result = runScript('validate.ts', [], { CONTENT_DIR: fixture('hostile-bodies') });
    expect(result.status).toBe(0);
    const warnings = result.stdout.split('\n').filter((l) => l.includes(': warning: '));
    const lines = warnings.map((l) => Number(l.split(':')[1]));
    for (const line of [11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35]) expect(lines, `line ${line}\n${result.stdout}`).toContain(line);
  });

  it('reaches the page with no script, no event handler, no javascript: URL and no frame', () => {
    const html = readFileSync(path.join(site.out, PAGE, 'index.html'), 'utf8');
    const body = /<div class="app-article__body">([\s\S]*?)<\/div>/.exec(html)![1]!;
    expect(body).toContain('Đoạn mở đầu <sup>1</sup>');
    expect(body).not.toMatch(/<(script|iframe|object|embed|svg|math|style|form|img|details)\b/i);
    expect(body).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect([...html.matchAll(/<script\b[^>]*>/g)].every((m) => /type="application\/ld\+json"|src="\/_astro\//.test(m[0]))).toBe(true);
  });

  it('runs nothing in Chromium, even when hovered and clicked', async () => {
    const page = await site.browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(site.url + PAGE);
    const all = await page.locator('.app-article__body *').all();
    // What takes no room on the page cannot be pointed at; Playwright would wait a second for each.
    const elements = [];
    for (const element of all) if (await element.isVisible()) elements.push(element);
    progress('hostile', `hovering and clicking the ${elements.length} elements of the body that can be pointed at, of ${all.length}`);
    expect(elements.length).toBeGreaterThan(5);
    for (const element of elements) {
      await element.hover({ timeout: 1000 }).catch(() => undefined);
      await element.click({ timeout: 1000, noWaitAfter: true }).catch(() => undefined);
      if (page.url() !== site.url + PAGE) await page.goto(site.url + PAGE);
    }
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('body').isVisible()).toBe(true);
    await page.close();
  }, 120_000);
});
