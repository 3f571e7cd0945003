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
