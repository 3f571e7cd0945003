// Share images for link previews (1200×630 PNG, the page's og:image), one per meeting per language:
// what a link shared on Zalo or Facebook shows. Drawn (card-image.ts) from the same model as the
// pages (src/integrations/handoff.ts) while Astro writes them, kept in a cache between builds, and
// placed in the site once it is written.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cachedShareImages, placeShareImages, pruneShareImages } from './card-image.ts';
import type { Card, ShareImages } from './card-image.ts';
import { builtSite } from './handoff.ts';
import type { BuiltSite } from './handoff.ts';
import { toMeetingsJson } from '../lib/outputs.ts';
import { localise } from '../lib/text.ts';
import { formatDate, translator } from '../i18n/translate.ts';
import type { UiKey } from '../i18n/translate.ts';

/** Every meeting's card in each of its languages, beside its page, saying what `data/meetings.json` says of it. */
export function cardsOf({ model, paths }: Pick<BuiltSite, 'model' | 'paths'>): Card[] {
  const prefix = paths.base.replace(/\/?$/, '/');
  return toMeetingsJson(model, paths).flatMap((meeting) =>
    Object.entries(meeting.translations).map(([lang, { title, url }]) => ({
      file: `${url.startsWith(prefix) ? url.slice(prefix.length) : url.replace(/^\//, '')}share.png`,
      card: {
        site: localise(model.site.name, lang, paths.defaultLocale),
        kicker: translator(lang)(`level.${meeting.level}` as UiKey),
        title,
        date: formatDate(meeting.date.slice(0, 10), lang),
      },
    })),
  );
}

/**
 * The cards not in the cache drawn into it on a thread of their own (card-worker.ts); none is
 * started when every card is there already, as in a rebuild where no meeting's card changed.
 */
async function drawOnItsOwnThread(cards: Card[], cacheDir: string): Promise<{ images: ShareImages; drawn: number }> {
  const { images, missing } = cachedShareImages(cards, cacheDir);
  if (missing.length === 0) return { images, drawn: 0 };
  await new Promise<void>((resolve, reject) => {
    const worker = new Worker(new URL('./card-worker.ts', import.meta.url), { workerData: { missing } });
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the share cards' thread stopped (exit code ${code})`)));
  });
  return { images, drawn: missing.length };
}

/**
 * The integration: once the first page has the site's model, the cards not in the cache
 * (`node_modules/.astro/share-cards/`, kept between builds as Astro keeps its own) are drawn into it,
 * libvips setting their text on threads of its own while Astro writes the pages; once the pages are
 * written, the cards are placed in the site.
 */
export default function shareCards(): AstroIntegration {
  let drawing: Promise<{ images: ShareImages; drawn: number }> | undefined;
  let started = 0;
  const cacheDir = path.resolve('node_modules/.astro/share-cards');
  return {
    name: 'nq57:share-cards',
    hooks: {
      'astro:build:start': () => {
        started = performance.now();
        drawing = builtSite().then((site) => drawOnItsOwnThread(cardsOf(site), cacheDir));
        // Its error, if any, is reported where it is awaited.
        drawing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!drawing) return;
        const { images, drawn } = await drawing;
        placeShareImages(images, fileURLToPath(dir));
        const pruned = pruneShareImages(cacheDir, images);
        logger.info(`${images.length} share images (${drawn} drawn, ${pruned} unused ones deleted from the cache) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
