// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { readSiteConfig } from './src/content/site-config.ts';
import { sitemapAlternates } from './src/lib/sitemap-alternates.ts';
import webEditor from './src/integrations/cms.ts';
import searchIndex from './src/integrations/search-index.ts';
import shareCards from './src/integrations/share-cards.ts';
import contentImports from './src/integrations/content-imports.ts';
import dataStoreModule from './src/integrations/data-store-module.ts';

// The site's own identity (canonical URL, locales) comes from the content folder,
// so another province deploys the same code with nothing to edit here.
const site = readSiteConfig();
const base = process.env.BASE_PATH || '/';
// Each page with its translations, so search engines send readers to their language.
const alternates = sitemapAlternates(new URL(base, site.url).href, site.defaultLocale, site.locales);

export default defineConfig({
  site: site.url,
  base,
  trailingSlash: 'always',
  compressHTML: true,
  // Each page's Content-Security-Policy is written by its layout (src/lib/csp.ts). Astro's own
  // `security.csp` would hash every page's head elements again, some 14,000 times for a large
  // province, for a site that has no inline script or style to hash.
  // Scripts ship as files, never inline, so a host's header CSP (script-src 'self') allows them.
  vite: { build: { assetsInlineLimit: 0 } },
  // Several pages at once, so that rendering one overlaps writing another to disk.
  build: { format: 'directory', concurrency: 4 },
  // No code highlighting: Shiki's inline styles would need 'unsafe-inline' under the CSP.
  markdown: { syntaxHighlight: false },
  integrations: [
    // Astro's lists of what the content imports, written afresh by each build and dev server.
    contentImports(),
    // The pages read Astro's content store from its file, rather than compile it as a string literal.
    dataStoreModule(),
    mdx(),
    sitemap({ filter: alternates.filter, serialize: alternates.serialize }),
    // Once the pages are written: the search index (Pagefind) and the share cards, side by side.
    searchIndex(),
    shareCards(),
    // The web editor at /admin/ (Decap CMS), its configuration made from the schemas. Written after
    // the pages, it is in no sitemap, feed or search index.
    webEditor(),
  ],
  devToolbar: { enabled: false },
  // A task's or meeting's page whose code and content are unchanged since the last build is copied
  // from it (node_modules/.astro/dist/) rather than rendered again: its key is src/lib/page-keys.ts.
  experimental: { incrementalBuild: true },
});
