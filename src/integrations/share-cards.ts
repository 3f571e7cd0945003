// Share images for link previews (1200×630 PNG, the page's og:image), one per meeting per language:
// what a link shared on Zalo or Facebook shows. Drawn (card-image.ts) from the built site's own list
// of meetings once its pages are written, kept in a cache between builds, and placed in the site.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { drawShareImages, placeShareImages, pruneShareImages } from './card-image.ts';
import type { Card, ShareImages } from './card-image.ts';
import { readSiteConfig } from '../content/site-config.ts';
import { localise } from '../lib/text.ts';
import { formatDate, translator } from '../i18n/translate.ts';
import type { UiKey } from '../i18n/translate.ts';

interface PublishedMeeting {
  date: string;
  level: string;
  translations: Record<string, { title: string; url: string }>;
}

/** Every meeting's card, from the site's own list of meetings (`data/meetings.json`). */
export function cardsOfSite(siteDir: string, base: string): Card[] {
  const meetings = JSON.parse(readFileSync(path.join(siteDir, 'data/meetings.json'), 'utf8')) as PublishedMeeting[];
  const site = readSiteConfig();
  const prefix = base.replace(/\/?$/, '/');
  return meetings.flatMap((meeting) =>
    Object.entries(meeting.translations).map(([lang, { title, url }]) => ({
      file: `${url.startsWith(prefix) ? url.slice(prefix.length) : url.replace(/^\//, '')}share.png`,
      card: {
        site: localise(site.name, lang, site.defaultLocale),
        kicker: translator(lang)(`level.${meeting.level}` as UiKey),
        title,
        date: formatDate(meeting.date.slice(0, 10), lang),
      },
    })),
  );
}

/**
 * The integration: once the pages are written, the cards of `data/meetings.json` not in the cache
 * (`node_modules/.astro/share-cards/`, kept between builds as Astro keeps its own) are drawn into
 * it, while the integrations after this one (the search index) work, and then placed in the site.
 */
export default function shareCards(): AstroIntegration {
  let base = '/';
  let drawing: Promise<{ images: ShareImages; drawn: number }> | undefined;
  const cacheDir = path.resolve('node_modules/.astro/share-cards');
  return {
    name: 'nq57:share-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:generated': ({ dir }) => {
        drawing = drawShareImages(cardsOfSite(fileURLToPath(dir), base), cacheDir);
        // Its error, if any, is reported where it is awaited.
        drawing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { images, drawn } = await (drawing ?? drawShareImages(cardsOfSite(fileURLToPath(dir), base), cacheDir));
        placeShareImages(images, fileURLToPath(dir));
        const pruned = pruneShareImages(cacheDir, images);
        logger.info(`${images.length} share images (${drawn} drawn, ${pruned} unused ones deleted from the cache) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
