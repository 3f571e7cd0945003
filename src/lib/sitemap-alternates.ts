import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** A sitemap entry as @astrojs/sitemap hands it to `serialize`. */
export interface SitemapItem {
  url: string;
  links?: Array<{ url: string; lang: string }>;
}

/**
 * The sitemap's hreflang links between a page's translations, for @astrojs/sitemap's `filter` and
 * `serialize` options. The integration's own `i18n` option compares every page with every other,
 * which takes seconds at ten thousand pages and grows with the square of the count; here `filter`
 * remembers each page as the integration offers it, and `serialize` looks up each page's other
 * languages directly. Pages under `/embed/` are left out: they are for other sites' frames.
 *
 * @param root the site's address with its base path, e.g. `https://example.org/` or `https://example.org/nq57/`
 */
export function sitemapAlternates(root: string, defaultLocale: string, locales: readonly string[]) {
  const base = root.endsWith('/') ? root : `${root}/`;
  const pages = new Set<string>();
  const address = (locale: string, rest: string) => (locale === defaultLocale ? base + rest : `${base}${locale}/${rest}`);
  return {
    filter(url: string): boolean {
      if (url.includes('/embed/')) return false;
      pages.add(url);
      return true;
    },
    serialize(item: SitemapItem): SitemapItem {
      if (!item.url.startsWith(base)) return item;
      const path = item.url.slice(base.length);
      const first = path.split('/')[0]!;
      const rest = first !== defaultLocale && locales.includes(first) ? path.slice(first.length + 1) : path;
      const links = locales.map((lang) => ({ url: address(lang, rest), lang })).filter((link) => pages.has(link.url));
      return links.length > 0 ? { ...item, links } : item;
    },
  };
}

/**
 * @astrojs/sitemap lists the pages Astro made from templates; this adds to its list the pages made
 * as `…/index.html` endpoints (a task's page), which Astro hands to integrations as files only.
 */
export function withEndpointPages(integration: AstroIntegration): AstroIntegration {
  const done = integration.hooks['astro:build:done'];
  if (!done) return integration;
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:build:done': (params) => {
        const root = fileURLToPath(params.dir);
        const known = new Set(params.pages.map((p) => p.pathname));
        const pages = [...params.assets.values()]
          .flat()
          .map((url) => path.relative(root, fileURLToPath(url)).split(path.sep).join('/'))
          .filter((file) => file.endsWith('/index.html'))
          .map((file) => file.slice(0, -'index.html'.length))
          .filter((pathname) => !known.has(pathname));
        return done({ ...params, pages: [...params.pages, ...pages.map((pathname) => ({ pathname }))] });
      },
    },
  };
}
