import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { runScript } from './run.ts';
import { serve } from './serve.ts';
import { launchBrowser } from './browser.ts';

/** A content folder built into a temporary folder, served on loopback, with Chromium started. */
export interface OpenSite {
  /** The built site's folder. */
  out: string;
  url: string;
  browser: Browser;
  /** Stops Chromium and the server, and deletes the temporary folder. */
  close(): Promise<void>;
}

/** Serves a site already built into `out` and starts Chromium; closing stops both and leaves `out` alone. */
export async function openBuilt(out: string): Promise<OpenSite> {
  const site = await serve(out);
  try {
    const browser = await launchBrowser();
    return { out, url: site.url, browser, close: async () => { await browser.close(); await site.close(); } };
  } catch (e) {
    await site.close();
    throw e;
  }
}

/**
 * Builds the content folder that `content` gives (it may write one into the temporary folder it is
 * handed), serves the site and starts Chromium, as a reader's visit needs.
 */
export async function buildAndOpen(name: string, content: (work: string) => string): Promise<OpenSite> {
  const work = mkdtempSync(path.join(tmpdir(), `nq57-${name}-`));
  const out = path.join(work, 'dist');
  let site: Awaited<ReturnType<typeof serve>> | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await site?.close();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    const build = runScript('build.ts', [], { CONTENT_DIR: content(work), OUT_DIR: out });
    expect(build.status, build.stderr).toBe(0);
    site = await serve(out);
    browser = await launchBrowser();
    return { out, url: site.url, browser, close };
  } catch (e) {
    await close();
    throw e;
  }
}
