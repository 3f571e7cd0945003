import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/** Debian's Chromium (installed by `npm test` when missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * The Chromium features that playwright-core (1.65) switches off with its own `--disable-features`.
 * Chromium keeps only the last `--disable-features` it is given, so `DISABLED_FEATURES` repeats
 * them; `browser.test.ts` checks that the switch Chromium keeps still names every one Playwright passes.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Playwright's, and `RenderDocument`: with it, Chromium sets up a new host for the document of each
 * page a tab goes to, which was a fifth of the CPU time of going from page to page in these tests
 * (192 pages of the built fixture: 29.6 s of CPU without it, 37.4 s with it). What the pages show
 * does not change.
 */
export const DISABLED_FEATURES = [...PLAYWRIGHT_DISABLED_FEATURES, 'RenderDocument'];

/** Starts headless Chromium with the network quiet except for the pages under test. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ],
  });
}

const AXE = 'node_modules/axe-core/axe.min.js';

/**
 * Prints a line of a browser test's progress at once, so that a long pass through pages shows where it
 * is (Vitest prints the test's own result only at its end). `file` names the test file, since two
 * files run side by side.
 */
export function progress(file: string, line: string): void {
  process.stdout.write(`${file}: ${line}\n`);
}

/**
 * A context for `axeViolations`: the pages' CSP is bypassed (it would refuse axe), and axe-core is in
 * every page from its start, which costs a third of what adding it to each page once loaded does.
 */
export async function axeContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  await context.addInitScript({ path: AXE });
  return context;
}

/** The WCAG 2.x A and AA rules that axe-core runs. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The rules whose result follows from the styles and layout of each kind of element where it stands,
 * not from a page's text, ids or links: the costliest of axe's rules (colour contrast alone about 40 %
 * of a run). See `ElementKinds`.
 */
const LAYOUT_RULES = ['color-contrast', 'target-size', 'link-in-text-block'];

/**
 * Runs axe-core (WCAG 2.x A and AA) on the page and returns its violations, one line each; with
 * `layout: false`, every rule but `LAYOUT_RULES`. axe's `no-passes` reporter leaves out what passed,
 * which its default reporter describes node by node only to be thrown away here: a third less of
 * axe's time on the 96 pages of the test fixture.
 */
export async function axeViolations(page: Page, { layout = true }: { layout?: boolean } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const disabled = layout ? {} : Object.fromEntries(LAYOUT_RULES.map((rule) => [rule, { enabled: false }]));
  const result = await page.evaluate(
    ([tags, rules]) =>
      (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules,
        resultTypes: ['violations'],
        reporter: 'no-passes',
      }),
    [WCAG_TAGS, disabled] as const,
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * The kinds of element seen on the pages checked so far, for a pass through many pages drawn from a
 * few templates. A kind is an element's tag, classes, attribute names (and `role` and `type` values),
 * under its parent's: what decides its styles, and so what `LAYOUT_RULES` see. `isNew` tells whether
 * the page has a kind no page before it had; a pass runs the layout rules on those pages only, and
 * every other rule on every page.
 */
export class ElementKinds {
  readonly #seen = new Set<string>();

  async isNew(page: Page): Promise<boolean> {
    const kinds = await page.evaluate(() => {
      const kind = (e: Element | null) =>
        e ? `${e.tagName}.${[...e.classList].sort().join('.')}[${e.getAttributeNames().filter((a) => a !== 'class').map((a) => (a === 'role' || a === 'type' ? `${a}=${e.getAttribute(a)}` : a)).sort().join(',')}]` : '';
      return [...new Set([...document.querySelectorAll('*')].map((e) => `${kind(e.parentElement)} > ${kind(e)}`))];
    });
    const before = this.#seen.size;
    for (const kind of kinds) this.#seen.add(kind);
    return this.#seen.size > before;
  }
}
