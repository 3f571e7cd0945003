// Builds the `valid` fixture, serves it on loopback and looks at every page in Chromium:
// status, console, network, accessibility (axe-core, WCAG 2.2 AA), links, languages,
// layout at phone and desktop widths, and what is left without JavaScript.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.ts';
import { allowAxe, buildAndServe, formatViolations, inPool, launchChromium, listPages, offlineContext, runAxe } from './support.ts';
import type { AxeViolation, BuiltSite } from './support.ts';

const SCREENSHOTS = path.join(ROOT, 'test/e2e/screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** Pages open at once during the crawl (the suite must stay quick on two cores). */
const CONCURRENCY = 3;

/** What the crawl saw on one page. */
interface PageReport {
  path: string;
  status: number | null;
  lang: string;
  consoleErrors: string[];
  foreignRequests: string[];
  violations: AxeViolation[];
  /** Absolute URLs of every a[href] and link[rel~=alternate], hash included. */
  links: string[];
  ids: string[];
  /** Set when the page could not be audited at all. */
  failure?: string;
}

interface TaskJson {
  id: string;
  url: string;
  /** One title, or one per language. */
  title: string | Record<string, string>;
}
interface MeetingJson {
  id: string;
  tasks: string[];
  translations: Record<string, { title: string; url: string }>;
}

let site: BuiltSite | undefined;
let browser: Browser | undefined;
let crawlContext: BrowserContext | undefined;
let pages: string[] = [];
const reports = new Map<string, PageReport>();

function built(): BuiltSite {
  if (!site) throw new Error('the fixture was not built (see the error of beforeAll)');
  return site;
}

function chrome(): Browser {
  if (!browser) throw new Error('Chromium was not launched (see the error of beforeAll)');
  return browser;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(built().out, file), 'utf8')) as T;
}

/** Where a link lands in the build, or undefined when it leaves the site. */
function localTarget(href: string): URL | undefined {
  const { base, siteOrigin } = built();
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.origin === new URL(base).origin) return url;
  // Absolute links to the published site (canonical, hreflang alternates, embeds) are links into this build.
  if (url.origin === siteOrigin) return new URL(url.pathname + url.search + url.hash, base);
  return undefined;
}

async function auditPage(context: BrowserContext, pagePath: string): Promise<PageReport> {
  const { base } = built();
  const report: PageReport = { path: pagePath, status: null, lang: '', consoleErrors: [], foreignRequests: [], violations: [], links: [], ids: [] };
  const page = await context.newPage();
  const origin = new URL(base).origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error') report.consoleErrors.push(`console.error: ${msg.text()} (${msg.location().url || 'inline'})`);
  });
  page.on('pageerror', (err) => report.consoleErrors.push(`uncaught: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== origin) report.foreignRequests.push(url);
  });
  try {
    await allowAxe(page, base);
    const response = await page.goto(base + pagePath, { waitUntil: 'load' });
    report.status = response?.status() ?? null;
    // Let the site's scripts (charts, search) load their lazy chunks and run, so their errors and
    // requests are seen; pages without scripts are done at `load`.
    if (await page.locator('script[src]').count()) await page.waitForLoadState('networkidle');
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.getAttribute('lang') ?? '',
      links: [
        ...Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'), (a) => a.href),
        ...Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~="alternate"][href]'), (l) => l.href),
      ],
      ids: Array.from(document.querySelectorAll('[id]'), (e) => e.id).concat(
        Array.from(document.querySelectorAll('a[name]'), (e) => e.getAttribute('name') ?? ''),
      ),
    }));
    Object.assign(report, facts);
    report.violations = await runAxe(page);
  } catch (e) {
    report.failure = e instanceof Error ? e.message.split('\n')[0] : String(e);
  } finally {
    await page.close();
  }
  return report;
}

beforeAll(async () => {
  site = await buildAndServe('valid');
  browser = await launchChromium();
  pages = listPages(site.out);
  const { context } = await offlineContext(browser, site.base);
  crawlContext = context;
  for (const report of await inPool(pages, CONCURRENCY, (p) => auditPage(context, p))) reports.set(report.path, report);
}, 300_000);

afterAll(async () => {
  await crawlContext?.close();
  await browser?.close();
  await site?.dispose();
});

function everyReport(): PageReport[] {
  expect(reports.size, 'the crawl saw no page').toBeGreaterThan(0);
  return [...reports.values()];
}

describe('every page of the built site, in Chromium', () => {
  it('finds the pages of the build (home, English home, meetings, tasks)', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/en/', '/meetings/', '/tasks/', '/tasks/K3/', '/meetings/2025-06-15-hop-quy-2/']));
    expect(pages.length).toBeGreaterThan(20);
  });

  it('loads every page with HTTP 200', () => {
    const bad = everyReport()
      .filter((r) => r.failure || r.status !== 200)
      .map((r) => `${r.path}: ${r.failure ?? `HTTP ${r.status}`}`);
    expect(bad).toEqual([]);
  });

  it('logs no console error and throws no uncaught exception on any page', () => {
    const errors = everyReport().flatMap((r) => r.consoleErrors.map((e) => `${r.path}: ${e}`));
    expect(errors).toEqual([]);
  });

  it('requests nothing from any origin but its own', () => {
    const foreign = everyReport().flatMap((r) => r.foreignRequests.map((u) => `${r.path}: ${u}`));
    expect(foreign).toEqual([]);
  });

  it('has no axe-core violation of WCAG 2.2 A/AA on any page', () => {
    const reportsWithAxe = everyReport().filter((r) => !r.failure);
    expect(reportsWithAxe.length).toBe(reports.size);
    const lines = reportsWithAxe.flatMap((r) => formatViolations(r.path, r.violations));
    if (lines.length) console.log(`axe-core violations (${lines.length}):\n${lines.join('\n')}`);
    expect(lines).toEqual([]);
  });

  it("sets <html lang>: 'vi' at the root, 'en' under /en/", () => {
    const wrong = everyReport()
      .map((r) => ({ r, want: r.path.startsWith('/en/') ? 'en' : 'vi' }))
      .filter(({ r, want }) => r.lang !== want)
      .map(({ r, want }) => `${r.path}: lang="${r.lang}", want "${want}"`);
    expect(wrong).toEqual([]);
  });
});

describe('links', () => {
  it('has no broken internal link (a[href] and link[rel=alternate] on every page, and #fragments)', async () => {
    const linkedFrom = new Map<string, Set<string>>();
    const fragments: { from: string; target: URL }[] = [];
    for (const r of everyReport()) {
      for (const href of r.links) {
        const target = localTarget(href);
        if (!target) continue;
        if (target.hash.length > 1) fragments.push({ from: r.path, target });
        const key = target.origin + target.pathname + target.search;
        if (!linkedFrom.has(key)) linkedFrom.set(key, new Set());
        linkedFrom.get(key)!.add(r.path);
      }
    }
    expect(linkedFrom.size, 'no internal link found at all').toBeGreaterThan(20);
    const request = crawlContext!.request;
    const statuses = await inPool([...linkedFrom.keys()], 8, async (url) => {
      const response = await request.get(url, { maxRedirects: 5, failOnStatusCode: false });
      return { url, status: response.status() };
    });
    const broken = statuses
      .filter((s) => s.status !== 200)
      .map((s) => `${new URL(s.url).pathname}: HTTP ${s.status}, linked from ${[...linkedFrom.get(s.url)!].slice(0, 5).join(', ')}`);
    // A #fragment must name an element of the page it points to.
    const missing = fragments
      .filter(({ target }) => reports.has(target.pathname))
      .filter(({ target }) => !reports.get(target.pathname)!.ids.includes(decodeURIComponent(target.hash.slice(1))))
      .map(({ from, target }) => `${from}: link to ${target.pathname}${target.hash}, no element with that id`);
    expect([...broken, ...[...new Set(missing)]]).toEqual([]);
  });

  it('serves every url of /data/meetings.json translations and /data/tasks.json', async () => {
    const meetings = readJson<MeetingJson[]>('data/meetings.json');
    const tasks = readJson<TaskJson[]>('data/tasks.json');
    const urls = [...meetings.flatMap((m) => Object.values(m.translations).map((t) => t.url)), ...tasks.map((t) => t.url)];
    expect(urls.length).toBe(tasks.length + meetings.reduce((n, m) => n + Object.keys(m.translations).length, 0));
    const request = crawlContext!.request;
    const bad: string[] = [];
    for (const url of urls) {
      const response = await request.get(built().base + url, { maxRedirects: 0, failOnStatusCode: false });
      if (response.status() !== 200) bad.push(`${url}: HTTP ${response.status()}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('layout at 390 px and 1280 px', () => {
  const required: [string, string][] = [
    ['home', '/'],
    ['en-home', '/en/'],
    ['meeting', '/meetings/2025-06-15-hop-quy-2/'],
    ['en-meeting', '/en/meetings/2025-06-15-hop-quy-2/'],
    ['meetings', '/meetings/'],
    ['tasks', '/tasks/'],
    ['task-K3', '/tasks/K3/'],
  ];
  const optional: [string, string][] = [
    ['units', '/units/'],
    ['programmes', '/programmes/'],
    ['about', '/about/'],
    ['data', '/data/'],
  ];

  it('renders one page of each type without horizontal overflow on a phone, and saves screenshots', async () => {
    const shots = [...required, ...optional.filter(([, p]) => pages.includes(p))];
    expect(required.filter(([, p]) => !pages.includes(p)).map(([, p]) => `${p} was not built`)).toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const overflow: string[] = [];
    const failures: string[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      const { context, foreign } = await offlineContext(chrome(), built().base, { viewport, deviceScaleFactor: 1 });
      try {
        await inPool(shots, 2, async ([name, pagePath]) => {
          const page = await context.newPage();
          try {
            const response = await page.goto(built().base + pagePath, { waitUntil: 'load' });
            if (response?.status() !== 200) failures.push(`${pagePath} at ${viewport.width}px: HTTP ${response?.status()}`);
            await page.waitForLoadState('networkidle');
            await page.evaluate(() => document.fonts.ready.then(() => undefined));
            await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${viewport.width}.png`), fullPage: true });
            if (viewport.width === PHONE.width) {
              const { scrollWidth, culprits } = await page.evaluate((limit) => {
                const describe = (e: Element) =>
                  e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (e.classList.length ? `.${[...e.classList].join('.')}` : '');
                // The outermost elements that stick out past the viewport: where a fix would go.
                const wide = Array.from(document.body.querySelectorAll('*')).filter((e) => e.getBoundingClientRect().right > limit + 1);
                const outermost = wide.filter((e) => !wide.some((o) => o !== e && o.contains(e) && o.getBoundingClientRect().right >= e.getBoundingClientRect().right));
                return {
                  scrollWidth: document.documentElement.scrollWidth,
                  culprits: outermost.slice(0, 5).map((e) => `${describe(e)} (right edge ${Math.round(e.getBoundingClientRect().right)}px)`),
                };
              }, PHONE.width);
              if (scrollWidth > PHONE.width + 1) {
                overflow.push(`${pagePath}: scrollWidth ${scrollWidth}px > ${PHONE.width}px; widest: ${culprits.join(', ') || 'n/a'}`);
              }
            }
          } finally {
            await page.close();
          }
        });
      } finally {
        await context.close();
      }
      expect(foreign, `pages at ${viewport.width}px requested other origins`).toEqual([]);
    }
    expect(failures).toEqual([]);
    expect(overflow).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('shows the heading and content of the home page, a meeting and the task registry', async () => {
    const { base } = built();
    const tasks = readJson<TaskJson[]>('data/tasks.json');
    const meetings = readJson<MeetingJson[]>('data/meetings.json');
    const progress = readJson<{ programmes: Record<string, { counts: { total: number; completed: number } }> }>('data/progress.json');
    const { context, foreign } = await offlineContext(chrome(), base, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();

      // Home: the site's name as h1 and the headline figure of the first programme.
      await page.goto(`${base}/`);
      expect((await page.locator('main h1').first().textContent())?.trim()).toBe(built().siteName.vi);
      const kh12 = progress.programmes['kh-12']!.counts;
      await expect.poll(() => page.locator('main').innerText()).toContain(`${kh12.completed}/${kh12.total}`);
      // Chart figures keep their data tables.
      expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(0);

      // A meeting: its title, its body (a Markdown table) and links to the tasks it discussed.
      const meeting = meetings.find((m) => m.id === '2025-06-15-hop-quy-2')!;
      await page.goto(base + meeting.translations.vi!.url);
      expect((await page.locator('main h1').textContent())?.trim()).toBe(meeting.translations.vi!.title);
      expect(await page.locator('main').innerText()).toContain('Cuộc họp đánh giá tiến độ Kế hoạch 12.');
      expect(await page.locator('main table').filter({ hasText: 'Hoàn thành' }).count()).toBeGreaterThan(0);
      for (const id of meeting.tasks) {
        const url = tasks.find((t) => t.id === id)!.url;
        expect(await page.locator(`main a[href="${url}"]`).count(), `meeting page links to ${url}`).toBeGreaterThan(0);
      }

      // The registry: one row per task of /data/tasks.json.
      await page.goto(`${base}/tasks/`);
      expect((await page.locator('main h1').textContent())?.trim()).toBeTruthy();
      const table = page.locator('main table').filter({ has: page.locator(`a[href="${tasks[0]!.url}"]`) });
      expect(await table.count()).toBe(1);
      expect(await table.locator('tbody tr').count()).toBe(tasks.length);
      const missing: string[] = [];
      for (const task of tasks) {
        if ((await table.locator(`tbody tr:has(a[href="${task.url}"])`).count()) !== 1) missing.push(task.id);
        const title = typeof task.title === 'string' ? task.title : task.title.vi!;
        if (!(await table.innerText()).includes(title)) missing.push(`${task.id} title '${title}'`);
      }
      expect(missing).toEqual([]);
    } finally {
      await context.close();
    }
    expect(foreign).toEqual([]);
  });
});
