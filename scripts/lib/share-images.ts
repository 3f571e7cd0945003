// Share images for link previews (1200×630 PNG), one per meeting per language, drawn with the
// Noto Sans files shipped as a package so that they look the same, byte for byte, on every machine.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import type { OutputInfo } from 'sharp';
import type { SiteModel } from '../../src/lib/site-model.ts';
import type { PathContext } from '../../src/lib/paths.ts';
import { meetingPath } from '../../src/lib/paths.ts';
import { localise } from '../../src/lib/text.ts';
import { formatDate, translator } from '../../src/i18n/translate.ts';

const require = createRequire(import.meta.url);
const FONTS = {
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
};
const WIDTH = 1200;
const HEIGHT = 630;
const MARGIN = 72;
// Bump when the design changes, so cached cards are drawn again. (3: caches from before cards were
// written under a temporary name first may hold half-written ones.)
const DESIGN = '3';

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A rendered piece of text as raw RGBA pixels, composited without a round trip through PNG. */
interface Layer {
  input: Buffer;
  raw: { width: number; height: number; channels: 4 };
}

async function textImage(text: string, weight: 'bold' | 'regular', size: number, colour: string, width = WIDTH - MARGIN * 2): Promise<Layer> {
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="${colour}">${escapeMarkup(text)}</span>`,
      font: `Noto Sans ${weight === 'bold' ? 'Bold' : 'Regular'} ${size}`,
      fontfile: FONTS[weight],
      width,
      dpi: 72,
      rgba: true,
      wrap: 'word',
    },
  })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { input: data, raw: { width: info.width, height: info.height, channels: 4 } };
}

const BACKGROUND_SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/><rect width="${WIDTH}" height="130" fill="#9e1b1b"/><rect y="${HEIGHT - 12}" width="${WIDTH}" height="12" fill="#7a1212"/></svg>`,
);

/** A title short enough for four lines on the card, cut at a word with "…". */
export function cardTitle(title: string, max = 120): string {
  if (title.length <= max) return title;
  return `${title.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

/** What one card says. */
export interface CardText {
  site: string;
  kicker: string;
  title: string;
  date: string;
}

// The background is drawn once per build, as raw pixels.
let background: Promise<{ data: Buffer; info: OutputInfo }> | undefined;

async function drawCard(card: CardText, reuse: Map<string, Promise<Layer>>): Promise<Buffer> {
  background ??= sharp(BACKGROUND_SVG).raw().toBuffer({ resolveWithObject: true });
  const once = (key: string, make: () => Promise<Layer>) => {
    if (!reuse.has(key)) reuse.set(key, make());
    return reuse.get(key)!;
  };
  const [site, kicker, title, date] = await Promise.all([
    once(`site:${card.site}`, () => textImage(card.site, 'bold', 34, '#ffffff')),
    once(`kicker:${card.kicker}`, () => textImage(card.kicker.toUpperCase(), 'bold', 28, '#9e1b1b')),
    textImage(cardTitle(card.title), 'bold', 56, '#1a1a1a'),
    textImage(card.date, 'regular', 30, '#4d4d4d'),
  ]);
  const { data, info } = await background;
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .composite([
      { ...site, top: 44, left: MARGIN },
      { ...kicker, top: 168, left: MARGIN },
      { ...title, top: 212, left: MARGIN },
      { ...date, top: HEIGHT - 82, left: MARGIN },
    ])
    .png({ compressionLevel: 6 })
    .toBuffer();
}

/** Every meeting's share card: where it goes in the site and what it says. */
export function shareCards(model: SiteModel, ctx: PathContext): Array<{ file: string; card: CardText }> {
  return model.meetings.flatMap((meeting) =>
    meeting.langs.map((lang) => {
      const t = translator(lang);
      return {
        file: `${meetingPath({ ...ctx, base: '/' }, lang, meeting.id).slice(1)}share.png`,
        card: {
          site: localise(model.site.name, lang, ctx.defaultLocale),
          kicker: t(`level.${meeting.level}`),
          title: meeting.translations[lang]!.title,
          date: formatDate(meeting.day, lang),
        },
      };
    }),
  );
}

/** Where each card's image goes in the site, and the file in the cache that holds it. */
export type ShareImages = Array<{ file: string; cached: string }>;

/** Cards drawn at once: libvips works on each in its own threads, so a second keeps both cores busy. */
const LANES = 2;

/**
 * Draws the cards not already in `cacheDir` into it. Returns every card's cached file and how many
 * were drawn anew. Stops between cards once `signal` is aborted (when the rest of the build failed).
 */
export async function drawShareImages(cards: ReadonlyArray<{ file: string; card: CardText }>, cacheDir: string, signal?: AbortSignal): Promise<{ images: ShareImages; drawn: number }> {
  mkdirSync(cacheDir, { recursive: true });
  // What a stopped build left half-written.
  for (const name of readdirSync(cacheDir)) if (name.endsWith('.part')) rmSync(path.join(cacheDir, name), { force: true });
  // Every card is drawn once: libvips' cache of recent operations would only hold memory while
  // Astro, beside this, needs the most.
  sharp.cache(false);
  const reuse = new Map<string, Promise<Layer>>();
  const images: ShareImages = cards.map(({ file, card }) => ({
    file,
    cached: path.join(cacheDir, `${createHash('sha256').update(JSON.stringify([DESIGN, card])).digest('hex')}.png`),
  }));
  const missing = images.flatMap((image, i) => (existsSync(image.cached) ? [] : [{ ...image, card: cards[i]!.card }]));
  let next = 0;
  const lane = async () => {
    for (let item = missing[next++]; item && !signal?.aborted; item = missing[next++]) {
      // Written under another name first, so that a build stopped halfway never leaves half a card
      // in the cache under the name of a whole one.
      const partial = `${item.cached}.${process.pid}.part`;
      writeFileSync(partial, await drawCard(item.card, reuse));
      renameSync(partial, item.cached);
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  return { images, drawn: missing.length };
}

/**
 * Puts the share images into the built site at `siteDir`: as hard links to the cached files, which
 * are named by what they hold and never written again, or as copies where the file system does not
 * allow a link (another device, or no hard links at all). With links, the site and the cache share
 * these files: a step that edits the built site's images in place would change the cache too.
 */
export function placeShareImages(images: ShareImages, siteDir: string): void {
  for (const { file, cached } of images) {
    const target = path.join(siteDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(cached, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw e;
      copyFileSync(cached, target);
    }
  }
}
