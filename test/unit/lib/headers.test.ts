// The security headers for static hosts (public/_headers) and for nginx (README): framing refused on
// every page but the embeddable charts; WebAssembly allowed on the search page only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFor, readHeadersFile } from '../../helpers/headers.ts';
import { ROOT } from '../../helpers/run.ts';

/** Pages of every kind the site builds, in both languages. */
const PAGES = ['', 'meetings/', 'meetings/2025-06-15-hop/', 'meetings/level/province/', 'tasks/', 'tasks/K1/', 'tasks/status/overdue/', 'units/', 'units/so-khcn/', 'programmes/ctr-97/', 'charts/', 'data/', 'about/', 'reconciliation/', 'directions/', 'search/', 'embed/progress-over-time/'].flatMap((p) => [`/${p}`, `/en/${p}`]);

describe('public/_headers', () => {
  const rules = readHeadersFile();

  it.each(PAGES)('gives %s one CSP, framing refused unless it is an embed, WebAssembly only on search', (page) => {
    const headers = headersFor(rules, page);
    const csp = headers.filter(([name]) => name === 'content-security-policy').map(([, value]) => value);
    expect(csp).toHaveLength(1);
    const embed = page.includes('/embed/');
    expect(csp[0]!.includes("frame-ancestors 'none'")).toBe(!embed);
    expect(headers.filter(([name]) => name === 'x-frame-options')).toEqual(embed ? [] : [['x-frame-options', 'DENY']]);
    expect(csp[0]!.includes("'wasm-unsafe-eval'")).toBe(page.includes('/search/'));
    // No page has an inline style or script, as its own CSP <meta> says (src/lib/csp.ts).
    expect(csp[0]).not.toContain("'unsafe-inline'");
    expect(headers.filter(([name]) => name === 'x-content-type-options')).toEqual([['x-content-type-options', 'nosniff']]);
  });

  it('covers the 404 page', () => {
    expect(headersFor(rules, '/404.html').some(([name, value]) => name === 'content-security-policy' && value.includes("frame-ancestors 'none'"))).toBe(true);
  });
});

describe("the README's nginx example", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(readme)![1]!;
  const server = block.replace(/location[^{]*\{[^}]*\}/g, '');
  const location = (name: string) => new RegExp(`location ~ \\^/\\(en/\\)\\?${name}/ \\{([^}]*)\\}`).exec(block)![1]!;

  it('refuses framing and WebAssembly on every page but the embeds and search', () => {
    expect(server).toContain("frame-ancestors 'none'\" always;");
    expect(server).toContain('add_header X-Frame-Options DENY always;');
    expect(server).not.toContain('wasm-unsafe-eval');
    // Inline styles and scripts for the web editor only (Decap CMS), as in public/_headers.
    for (const part of [server, location('search'), location('embed')]) expect(part).not.toContain("'unsafe-inline'");
    expect(/location \^~ \/admin\/ \{([^}]*)\}/.exec(block)?.[1]).toContain(`"${headersFor(readHeadersFile(), '/admin/').find(([name]) => name === 'content-security-policy')![1]}"`);
  });

  it('lets embeds be framed, and search run WebAssembly, each with the other headers repeated', () => {
    expect(location('embed')).not.toMatch(/frame-ancestors|X-Frame-Options|wasm/);
    expect(location('search')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(location('search')).toContain("frame-ancestors 'none'");
    for (const part of [location('embed'), location('search')]) expect(part).toContain('add_header X-Content-Type-Options nosniff always;');
  });
});
