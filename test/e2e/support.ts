// Shared pieces of the browser tests: building a fixture into a temporary folder, launching
// Debian's Chromium, keeping pages off the network, and running axe-core under the site's CSP.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { fixture, ROOT, runScript } from '../helpers/run.ts';
import { serveStatic } from '../helpers/static-server.ts';
import type { StaticServer } from '../helpers/static-server.ts';

/** Where the browser is: Debian's package, or CHROMIUM_PATH (as scripts/ensure-browser.ts). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Launches Chromium, or fails with a message that says what to install. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `browser tests need Chromium at ${CHROMIUM}, which is missing: install it with ` +
        '`sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A fixture built into a temporary folder and served on loopback. */
export interface BuiltSite {
  /** The build output folder. */
  out: string;
  /** The local server's origin, e.g. http://127.0.0.1:40123 (no trailing slash). */
  base: string;
  /** The origin the fixture's site.yaml publishes at (links to it are links into the build). */
  siteOrigin: string;
  /** The site's name by language, from site.yaml. */
  siteName: Record<string, string>;
  /** Stops the server and removes the temporary folder. */
  dispose: () => Promise<void>;
}

/** Builds test/fixtures/content/<name> with `scripts/build.ts` and serves the result. */
export async function buildAndServe(name: string): Promise<BuiltSite> {
  const work = mkdtempSync(path.join(tmpdir(), `nq57-e2e-${name}-`));
  const out = path.join(work, 'dist');
  const build = runScript('build.ts', [], { CONTENT_DIR: fixture(name), OUT_DIR: out });
  if (build.status !== 0 || !existsSync(path.join(out, 'index.html'))) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`npm run build of fixture '${name}' failed (exit ${build.status}):\n${build.stderr.slice(-4000)}`);
  }
  const site = parseYaml(readFileSync(path.join(fixture(name), 'site.yaml'), 'utf8')) as { url: string; name: Record<string, string> };
  let server: StaticServer;
  try {
    server = await serveStatic(out);
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    throw e;
  }
  return {
    out,
    base: server.url,
    siteOrigin: new URL(site.url).origin,
    siteName: site.name,
    dispose: async () => {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Every page of a build: the URL path of each index.html, e.g. `/`, `/en/tasks/K3/`. */
export function listPages(out: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') {
        const rel = path.relative(out, dir).split(path.sep).join('/');
        pages.push(rel ? `/${rel}/` : '/');
      }
    }
  };
  walk(out);
  return pages.sort();
}

/** Every HTML file of a build, relative to it. */
export function listHtmlFiles(out: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) files.push(path.relative(out, full).split(path.sep).join('/'));
    }
  };
  walk(out);
  return files.sort();
}

/**
 * A browser context that never reaches the network: requests to any origin but the local server
 * are aborted and recorded in `foreign` (page-level listeners say which page made them).
 */
export async function offlineContext(
  browser: Browser,
  base: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; foreign: string[] }> {
  const context = await browser.newContext(options);
  const foreign: string[] = [];
  const origin = new URL(base).origin;
  await context.route(
    (url) => url.origin !== origin && (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:'),
    (route) => {
      foreign.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return { context, foreign };
}

/** What axe-core reports for one violated rule. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[] }[];
}

const AXE_PATH = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const AXE_URL_PATH = '/__e2e__/axe.min.js';
let axeSource: string | undefined;

/** The tags of the rules the site must pass: WCAG 2.2 level AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Serves axe-core to `page` from its own origin, so that the site's Content-Security-Policy
 * (`script-src 'self'`) lets it run and stays in force: a CSP violation of the site's own
 * scripts is still reported as a console error.
 */
export async function allowAxe(page: Page, base: string): Promise<void> {
  axeSource ??= readFileSync(AXE_PATH, 'utf8');
  const source = axeSource;
  await page.route(`${base}${AXE_URL_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: source }),
  );
}

/** Runs axe-core on the loaded page (after allowAxe) and returns its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ url: AXE_URL_PATH });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, AXE_TAGS);
}

/** One line per violation: what a developer needs to find and fix it. */
export function formatViolations(page: string, violations: readonly AxeViolation[]): string[] {
  return violations.map((v) => {
    const targets = v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ');
    const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
    return `${page}: ${v.id} [${v.impact ?? 'n/a'}] ${v.help} — ${targets}${more} (${v.helpUrl})`;
  });
}

/** Runs `work` on every item with at most `limit` running at once. */
export async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
