// The built site as a reader meets it, in Debian's Chromium: every page, every link, both widths,
// with JavaScript off, and search.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.ts';
import { DISABLED_FEATURES, ElementKinds, axeContext, axeViolations, progress } from '../helpers/browser.ts';
import { openBuilt } from '../helpers/site.ts';
import { builtFixture } from '../helpers/fixture-build.ts';
import { sitePages } from '../helpers/built-site.ts';
import type { OpenSite } from '../helpers/site.ts';

const SHOTS = path.join(ROOT, 'test/e2e/screenshots');
const built = builtFixture('valid');
const out = built.out;
let site: OpenSite;
let context: BrowserContext;

beforeAll(async () => {
  site = await openBuilt(out);
  // axe is injected into each page, which the pages' own CSP would refuse.
  context = await site.browser.newContext({ bypassCSP: true });
}, 300_000);

afterAll(() => site?.close());

describe('every page of the built site', () => {
  it('loads, passes axe (WCAG 2.2 AA: colour contrast on each kind of element), logs no error, asks no other origin, and has the right lang', async () => {
    const problems: string[] = [];
    const withAxe = await axeContext(site.browser);
    const page = await withAxe.newPage();
    let current = '';
    page.on('console', (m) => m.type() === 'error' && problems.push(`${current}: console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${current}: error: ${e.message}`));
    page.on('request', (r) => !r.url().startsWith(site.url) && !r.url().startsWith('data:') && problems.push(`${current}: other origin: ${r.url()}`));
    const list = sitePages(out);
    expect(list.length).toBeGreaterThan(50);
    // Colour contrast and the other layout rules on each page with a kind of element no page before
    // had, every other rule on every page (helpers/browser.ts).
    const kinds = new ElementKinds();
    let layoutChecked = 0;
    for (const [i, url] of list.entries()) {
      current = url;
      if (i % 20 === 0) progress('browser', `axe: page ${i + 1} of ${list.length} (${url})`);
      const response = await page.goto(site.url + url);
      if (response?.status() !== 200) problems.push(`${url}: HTTP ${response?.status()}`);
      // Read in the page's own world: a locator (`page.getAttribute`) first sets up Playwright's script
      // in a world of its own on each page (6.9 s of this pass's 21.8 s on the fixture's 96 pages; 1.6 s so).
      const lang = await page.evaluate(() => document.documentElement.lang);
      const expected = url.startsWith('/en/') ? 'en' : 'vi';
      if (lang !== expected) problems.push(`${url}: lang ${lang}, expected ${expected}`);
      const layout = await kinds.isNew(page);
      if (layout) layoutChecked++;
      for (const violation of await axeViolations(page, { layout })) problems.push(`${url}: ${violation}`);
    }
    progress('browser', `axe: ${list.length} pages, colour contrast, target size and links in text on the ${layoutChecked} of them with a kind of element the pages before had not`);
    await withAxe.close();
    expect(problems).toEqual([]);
  }, 600_000);

  it('links only to pages and files that exist', async () => {
    const targets = new Set<string>();
    for (const url of sitePages(out)) {
      const html = readFileSync(path.join(out, url, 'index.html'), 'utf8');
      for (const m of html.matchAll(/<(?:a|link)\b[^>]*\shref="([^"#]+)/g)) {
        const href = m[1]!.replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|tel:)/.test(href) && !href.startsWith('https://tien-do.tinh-mau.example')) continue;
        targets.add(new URL(href.replace('https://tien-do.tinh-mau.example', ''), site.url + url).pathname);
      }
    }
    for (const file of ['data/meetings.json', 'data/tasks.json']) {
      const data = JSON.parse(readFileSync(path.join(out, file), 'utf8')) as Array<{ url?: string; translations?: Record<string, { url: string }> }>;
      for (const item of data) for (const url of [item.url, ...Object.values(item.translations ?? {}).map((t) => t.url)]) if (url) targets.add(url);
    }
    const broken: string[] = [];
    for (const target of targets) {
      const response = await fetch(site.url + target);
      if (response.status !== 200) broken.push(`${target}: ${response.status}`);
    }
    expect(targets.size).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  }, 300_000);
});

describe('key pages at 390 px and 1280 px', () => {
  const KEY = ['/', '/en/', '/meetings/', '/meetings/2025-06-15-hop-quy-2/', '/en/meetings/2025-06-15-hop-quy-2/', '/tasks/', '/tasks/K3/', '/units/', '/programmes/kh-12/', '/charts/', '/about/', '/data/', '/search/'];

  it('fit a phone screen without sideways scrolling, and are saved as screenshots', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const width of [390, 1280]) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      // Charts drawn at once, without their 0.4 s animation, so that a screenshot shows them whole.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      progress('browser', `screenshots at ${width} px: ${KEY.length} pages`);
      for (const url of KEY) {
        await page.goto(site.url + url);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, `${url} at ${width}`).toBeLessThanOrEqual(width + 1);
        // On a page with charts, a screen as tall as the page, as a whole-page screenshot takes it:
        // every chart comes into view, and the screenshot waits until each one is drawn.
        const charts = await page.evaluate(() => document.querySelectorAll('app-chart').length);
        if (charts) {
          await page.setViewportSize({ width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
          await page.waitForFunction(() => [...document.querySelectorAll('app-chart')].every((chart) => chart.classList.contains('app-chart--drawn')), null, { timeout: 15_000 });
        }
        const name = url.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home';
        await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
        if (charts) await page.setViewportSize({ width, height: 900 });
      }
      await page.close();
    }
  }, 300_000);

  it('shade the side of a table where more of it lies beyond a phone screen, also with JavaScript off', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    const page = await noJs.newPage();
    await page.goto(`${site.url}/`);
    const at = await page.$$eval('.app-table-wrap', (boxes) => boxes.findIndex((box) => box.scrollWidth > box.clientWidth + 1));
    expect(at, 'a table on the home page wider than the phone').toBeGreaterThanOrEqual(0);
    const box = page.locator('.app-table-wrap').nth(at);
    await box.scrollIntoViewIfNeeded();
    /**
     * How much darker each edge of the box is, 8 px wide, than the same box drawn without its own
     * background (the covers and shadows): the text over it is the same in both.
     */
    const shade = async (scrollTo: 'start' | 'end') => {
      await box.evaluate((el, end) => { el.scrollLeft = end ? el.scrollWidth : 0; }, scrollTo === 'end');
      const styled = await box.screenshot();
      await box.evaluate((el) => { el.style.background = 'none'; });
      const bare = await box.screenshot();
      await box.evaluate((el) => { el.style.background = ''; });
      const grey = async (png: Buffer) => sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
      const [a, b] = [await grey(styled), await grey(bare)];
      const { width, height } = a.info;
      const edge = (from: number) => {
        let darker = 0;
        for (let y = 0; y < height; y++) for (let x = from; x < from + 8; x++) darker += b.data[y * width + x]! - a.data[y * width + x]!;
        return darker / (8 * height);
      };
      return { left: edge(0), right: edge(width - 8) };
    };
    const start = await shade('start');
    const end = await shade('end');
    // More of the table to the right at first: a shadow on the right edge only; at its end, on the left only.
    expect(start.right).toBeGreaterThan(3);
    expect(start.left).toBeLessThan(0.5);
    expect(end.left).toBeGreaterThan(3);
    expect(end.right).toBeLessThan(0.5);
    await noJs.close();
  }, 60_000);

  it('draw the charts when JavaScript is on, writing their numbers as the page’s language does, each clear of the others', async () => {
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // Each text the charts write on their canvases, and, per canvas, the values written in its last
    // frame (in the values' font) with where they stand, kept for the test to read.
    await page.addInitScript(() => {
      type Written = { text: string; left: number; right: number; top: number; bottom: number };
      const written: string[] = [];
      (window as unknown as { written: string[] }).written = written;
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      const clearRect = CanvasRenderingContext2D.prototype.clearRect;
      CanvasRenderingContext2D.prototype.clearRect = function (x: number, y: number, w: number, h: number) {
        if (x === 0 && y === 0) (this.canvas as unknown as { values: Written[] }).values = [];
        return clearRect.call(this, x, y, w, h);
      };
      CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
        written.push(text);
        if (this.font.startsWith('600 12px')) {
          const half = this.measureText(text).width / 2;
          const values = ((this.canvas as unknown as { values?: Written[] }).values ??= []);
          values.push({ text, left: x - half, right: x + half, top: y - 6, bottom: y + 6 });
        }
        return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
      };
    });
    const drawAll = async () => {
      const charts = await page.locator('app-chart').count();
      for (let i = 0; i < charts; i++) await page.locator('app-chart').nth(i).scrollIntoViewIfNeeded();
      await page.waitForFunction((n) => document.querySelectorAll('app-chart.app-chart--drawn').length === n, charts, { timeout: 15_000 });
      return charts;
    };
    for (const [url, rate] of [['/charts/', '36,36'], ['/en/charts/', '36.36']] as const) {
      await page.goto(site.url + url);
      expect(await drawAll(), url).toBeGreaterThan(4);
      // The province's rate of 25 September, 4 of 11 (national-vs-province).
      expect(await page.evaluate(() => (window as unknown as { written: string[] }).written), url).toContain(rate);
    }
    // On a phone, every chart of a programme's page and of the charts' page writes each value within its
    // canvas, none cut off at an edge, and no two over each other: on 25 September the registry counts 3
    // completed and the meeting reported 4, side by side.
    await page.setViewportSize({ width: 390, height: 900 });
    type Value = { text: string; left: number; right: number; top: number; bottom: number };
    for (const url of ['/programmes/kh-12/', '/charts/']) {
      await page.goto(site.url + url);
      await drawAll();
      const canvases = await page.evaluate(() =>
        [...document.querySelectorAll('app-chart canvas')].map((c) => ({ height: c.getBoundingClientRect().height, values: (c as unknown as { values?: Value[] }).values ?? [] })),
      );
      if (url === '/programmes/kh-12/') expect(canvases[1]!.values.map((v) => v.text)).toEqual(expect.arrayContaining(['3', '4', '7', '11']));
      for (const { height, values } of canvases) {
        for (const v of values) expect(v.top >= 0 && v.bottom <= height, `${url}: ${v.text} at ${v.top}–${v.bottom} of ${height}`).toBe(true);
        for (const [i, a] of values.entries()) {
          for (const b of values.slice(i + 1)) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, `${url}: ${a.text} and ${b.text}`).toBe(true);
        }
      }
    }
    await page.close();
  }, 60_000);
});

/** The arguments of each process this one started, by its command line in /proc. */
function childCommandLines(): string[][] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((pid) => {
    try {
      // The parent's pid is the fourth field of `stat`, after the name in parentheses.
      const parent = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
      return parent === process.pid ? [readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')] : [];
    } catch {
      return []; // ended meanwhile
    }
  });
}

describe('axe as the tests run it', () => {
  it('reports what a page gets wrong, the layout rules only when asked', async () => {
    const withAxe = await axeContext(site.browser);
    const page = await withAxe.newPage();
    await page.goto(`${site.url}/about/`);
    // An image with no text, a link with no name, and grey on white below 4.5:1, added to a built page.
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><a href="/"></a><p style="color: #aaa">Chữ nhạt</p>'));
    const rules = (violations: string[]) => violations.map((line) => line.split(' ')[0]).sort();
    expect(rules(await axeViolations(page))).toEqual(['color-contrast', 'image-alt', 'link-name']);
    expect(rules(await axeViolations(page, { layout: false }))).toEqual(['image-alt', 'link-name']);
    await withAxe.close();
  });
});

describe('Chromium as the tests start it', () => {
  it('switches off every feature Playwright switches off, and RenderDocument', () => {
    const chromium = childCommandLines().find((args) => args.some((arg) => arg.startsWith('--remote-debugging-pipe')));
    expect(chromium, 'the Chromium started for this file').toBeDefined();
    const lists = chromium!.filter((arg) => arg.startsWith('--disable-features=')).map((arg) => arg.slice('--disable-features='.length).split(','));
    // Playwright's own, then the one of helpers/browser.ts, which Chromium keeps, as it keeps the last.
    expect(lists.length).toBeGreaterThanOrEqual(2);
    const kept = lists.at(-1)!;
    expect(kept).toEqual(DISABLED_FEATURES);
    expect(lists.flat().filter((feature) => feature && !kept.includes(feature))).toEqual([]);
    expect(kept).toContain('RenderDocument');
  });
});

describe('with JavaScript off', () => {
  it('shows the home page, a meeting with its footnote and the whole registry', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${site.url}/`);
    expect(await page.locator('h2').first().textContent()).toContain('12/KH-UBND');
    // A footnote's number goes to its note, and the note's arrow back to the number.
    await page.goto(`${site.url}/meetings/2025-06-15-hop-quy-2/`);
    await page.locator('a[data-footnote-ref]').click();
    expect(await page.locator(':target').textContent()).toContain('Văn phòng Ban Chỉ đạo');
    await page.locator(':target a[data-footnote-backref]').click();
    expect(await page.locator(':target').textContent()).toBe('1');
    await page.goto(`${site.url}/meetings/2025-09-25-hop-quy-3/`);
    expect(await page.locator('h1').textContent()).toBe('Họp quý III về Kế hoạch 12');
    expect(await page.locator('.app-figure table').count()).toBe(4);
    await page.goto(`${site.url}/tasks/`);
    const tasks = JSON.parse(readFileSync(path.join(out, 'data/tasks.json'), 'utf8')) as unknown[];
    expect(await page.locator('.app-task-table tbody tr').count()).toBe(tasks.length);
    await page.goto(`${site.url}/charts/`);
    expect(await page.locator('figure.app-chart table').count()).toBeGreaterThan(4);
    await page.goto(`${site.url}/search/`);
    expect(await page.locator('.app-search__nojs').isVisible()).toBe(true);
    expect(await page.locator('.app-search__nojs a[href="/tasks/"]').count()).toBe(1);
    await noJs.close();
  }, 60_000);
});

describe('under the pages’ own Content-Security-Policy', () => {
  it('draws the charts and searches, with no violation reported', async () => {
    const strict = await site.browser.newContext();
    const page = await strict.newPage();
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(`${page.url()}: ${m.text()}`));
    await page.goto(`${site.url}/`);
    await page.locator('app-chart').first().scrollIntoViewIfNeeded();
    await page.waitForSelector('app-chart.app-chart--drawn', { timeout: 15_000 });
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('dat dai')}`);
    await page.waitForFunction(() => /\d/.test(document.querySelector('.app-search__status')?.textContent ?? ''), null, { timeout: 15_000 });
    expect(await page.$$eval('.app-search__result a', (links) => links.map((a) => a.getAttribute('href')))).toContain('/tasks/K6/');
    // A footnote's number goes to its note, and the note's arrow back to the number.
    await page.goto(`${site.url}/meetings/2025-06-15-hop-quy-2/`);
    await page.locator('a[data-footnote-ref]').click();
    expect(await page.locator(':target').textContent()).toContain('Văn phòng Ban Chỉ đạo');
    await page.locator(':target a[data-footnote-backref]').click();
    expect(await page.locator(':target').textContent()).toBe('1');
    await page.goto(`${site.url}/meetings/2025-09-25-hop-quy-3/`);
    expect(await page.locator('h1').textContent()).toBe('Họp quý III về Kế hoạch 12');
    await strict.close();
    expect(violations).toEqual([]);
  }, 60_000);
});

describe('search in the built index', () => {
  // One search page, as a reader keeps it open: each query is typed into its form and sent.
  let search: Page;
  beforeAll(async () => {
    search = await context.newPage();
    await search.goto(`${site.url}/search/`);
  });
  afterAll(() => search?.close());

  /** The links that a query typed into the search page's form finds. */
  async function found(page: Page, query: string): Promise<Array<string | null>> {
    await page.fill('#search-q', query);
    await page.press('#search-q', 'Enter');
    await page.waitForFunction((q) => { const status = document.querySelector('.app-search__status')?.textContent ?? ''; return status.includes(q) && /\d/.test(status); }, query, { timeout: 15_000 });
    return page.$$eval('.app-search__result a', (links) => links.map((a) => a.getAttribute('href')));
  }

  it.each([
    ['dak lak', '/meetings/2025-09-25-hop-quy-3/'],
    ['Đắk Lắk', '/meetings/2025-09-25-hop-quy-3/'],
    ['dien bien', '/meetings/2025-09-25-hop-quy-3/'],
    ['Điện Biên', '/meetings/2025-09-25-hop-quy-3/'],
    ['so hoa ho so', '/tasks/K2/'],
    ['số hóa hồ sơ', '/tasks/K2/'],
    ['tinh mau', '/meetings/2025-06-15-hop-quy-2/'],
    ['dat dai', '/tasks/K6/'],
  ])('finds %s', async (query, expected) => {
    expect(await found(search, query)).toContain(expected);
    // The address says what was searched, so that it can be shared.
    expect(new URL(search.url()).searchParams.get('q')).toBe(query);
  }, 60_000);

  it('filters by kind and searches the English index on English pages', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}/en/search/?q=review&kind=task`);
    await page.waitForFunction(() => /\d/.test(document.querySelector('.app-search__status')?.textContent ?? ''), null, { timeout: 15_000 });
    const hrefs = await page.$$eval('.app-search__result a', (links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/en/tasks/K7/');
    expect(hrefs.every((h) => h?.startsWith('/en/tasks/'))).toBe(true);
    await page.close();
  }, 60_000);
});
