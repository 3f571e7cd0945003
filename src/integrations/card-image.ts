// The share cards' images (1200×630 PNG), drawn with the Noto Sans files shipped as a package so
// that they look the same, byte for byte, on every machine. Text is set by sharp (libvips, Pango);
// the card is painted and encoded here as a palette PNG. sharp's own PNG output took 5 to 6 times as
// long a card (see docs/performance.md), for 4,000 cards of a large province on every cold build.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { LOCKFILE, codeDigest } from '../content/renderer-digest.ts';

const require = createRequire(import.meta.url);
const FONTS = {
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
};
const WIDTH = 1200;
const HEIGHT = 630;
const MARGIN = 72;
let design: string | undefined;

/**
 * What draws a card: this file and the packages installed (sharp, the fonts), as a digest made once. A
 * cached card is named by it and by what the card says, so a change to either draws the cards again.
 */
function designDigest(): string {
  const here = fileURLToPath(import.meta.url);
  design ??= codeDigest(path.dirname(here), [path.basename(here)], LOCKFILE);
  return design;
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type Rgb = readonly [number, number, number];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const RED: Rgb = [0x9e, 0x1b, 0x1b];
const DARK_RED: Rgb = [0x7a, 0x12, 0x12];

/** How a piece of text is set on the card: its font, its colour, the colour under it, and where its top is. */
interface TextStyle {
  weight: 'bold' | 'regular';
  size: number;
  colour: Rgb;
  over: Rgb;
  top: number;
}

const STYLES = {
  site: { weight: 'bold', size: 34, colour: WHITE, over: RED, top: 44 },
  kicker: { weight: 'bold', size: 28, colour: RED, over: WHITE, top: 168 },
  title: { weight: 'bold', size: 56, colour: [0x1a, 0x1a, 0x1a], over: WHITE, top: 212 },
  date: { weight: 'regular', size: 30, colour: [0x4d, 0x4d, 0x4d], over: WHITE, top: HEIGHT - 82 },
} satisfies Record<string, TextStyle>;
type Style = keyof typeof STYLES;

/**
 * The card has a handful of colours known in advance: the background's, and for each style of text,
 * shades from the colour under it to its own, as many as its edges need to look smooth. So it is
 * drawn as a palette image, one byte a pixel, with no colour quantising: a third of the bytes of an
 * RGB image to compress, and a smaller file.
 */
const SHADES = 32;
const BACKGROUND = [WHITE, RED, DARK_RED];
const PALETTE = Buffer.from([...BACKGROUND, ...Object.values(STYLES).flatMap(({ colour, over }) => Array.from({ length: SHADES }, (_, k) => over.map((v, i) => Math.round((colour[i]! * k + v * (SHADES - 1 - k)) / (SHADES - 1)))))].flat());
/** Where each style's shades start in the palette; its first is the colour under it. */
const FIRST_SHADE = Object.fromEntries(Object.keys(STYLES).map((style, i) => [style, BACKGROUND.length + i * SHADES])) as Record<Style, number>;

/** A row of the image as PNG stores it: a filter byte (0, none), then a palette index per pixel. */
const ROW = WIDTH + 1;
/** The background: a red band with the site's name, white, and a dark red bar at the foot. */
function backgroundRows(): Buffer {
  const rows = Buffer.alloc(ROW * HEIGHT);
  const colourAt = (y: number) => BACKGROUND.indexOf(y < 130 ? RED : y >= HEIGHT - 12 ? DARK_RED : WHITE);
  for (let y = 0; y < HEIGHT; y++) rows.fill(colourAt(y), y * ROW + 1, (y + 1) * ROW);
  return rows;
}

/** A piece of text set in its style: how much ink covers each pixel, 0 to 255. */
interface Mask {
  text: string;
  ink: Buffer;
  width: number;
  height: number;
  style: Style;
}

async function setText(text: string, style: Style): Promise<Mask> {
  const { weight, size } = STYLES[style];
  const { data, info } = await sharp({
    text: {
      text: escapeMarkup(text),
      font: `Noto Sans ${weight === 'bold' ? 'Bold' : 'Regular'} ${size}`,
      fontfile: FONTS[weight],
      width: WIDTH - MARGIN * 2,
      dpi: 72,
      wrap: 'word',
      // With an alpha channel, which is the ink's coverage: a third less work than the grey image.
      rgba: true,
    },
  })
    .extractChannel(3)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { text, ink: data, width: info.width, height: info.height, style };
}

/** The shade of a style's colour for each amount of ink, 0 to 255: an offset from its first shade. */
const SHADE_OF_INK = Uint8Array.from({ length: 256 }, (_, coverage) => Math.round((coverage * (SHADES - 1)) / 255));

/** The rows of the image that a piece of text covers. */
function rowsCovered({ height, style }: Mask): [number, number] {
  const top = STYLES[style].top;
  return [top, Math.min(top + height, HEIGHT)];
}

/**
 * Paints a piece of text, in the shade of its style that its ink calls for, into rows of the image
 * that start at row `first`. Returns the Adler-32 sums of what it painted, as if on bytes of 0.
 */
function paint(rows: Buffer, mask: Mask, first = 0): { sum: number; weighted: number } {
  const { ink, width, style } = mask;
  const shade = FIRST_SHADE[style];
  const [top, bottom] = rowsCovered(mask);
  const length = rows.length;
  let sum = 0;
  let weighted = 0;
  for (let y = 0; y < bottom - top; y++) {
    const row = (top - first + y) * ROW + 1 + MARGIN;
    let rowSum = 0;
    let rowWeighted = 0;
    for (let x = 0, from = y * width; x < width; x++) {
      const coverage = ink[from + x]!;
      if (coverage === 0) continue;
      const value = shade + SHADE_OF_INK[coverage]!;
      rows[row + x] = value;
      rowSum += value;
      rowWeighted += (length - row - x) * value;
    }
    sum = (sum + rowSum) % ADLER_BASE;
    weighted = (weighted + rowWeighted) % ADLER_BASE;
  }
  return { sum, weighted };
}

/**
 * Adler-32, which ends a zlib stream, kept as its two sums and the length of the bytes they sum, so
 * that the sums of bands of the image can be put together (`adlerThen`) without reading them again.
 */
interface Adler {
  a: number;
  b: number;
  length: number;
}
const ADLER_BASE = 65521;

function adler32(data: Uint8Array): Adler {
  let a = 1;
  let b = 0;
  // The sums are reduced every 5,552 bytes, the most that cannot take `b` past 2^32 (as zlib does).
  for (let i = 0; i < data.length; ) {
    for (const end = Math.min(i + 5552, data.length); i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= ADLER_BASE;
    b %= ADLER_BASE;
  }
  return { a, b, length: data.length };
}

/** The Adler-32 of `first`'s bytes followed by `next`'s. */
function adlerThen(first: Adler, next: Adler): Adler {
  return {
    a: (first.a + next.a - 1) % ADLER_BASE,
    b: (first.b + next.b + (next.length % ADLER_BASE) * ((first.a + ADLER_BASE - 1) % ADLER_BASE)) % ADLER_BASE,
    length: first.length + next.length,
  };
}

/**
 * Rows of the image compressed on their own, with zlib's RLE strategy (runs of one colour make up
 * most of a card): a raw deflate stream flushed to a whole byte and, but for the card's last band,
 * not final, so that bands can follow one another in one zlib stream.
 */
interface Band {
  deflated: Buffer;
  adler: Adler;
}

function deflateBand(rows: Buffer, last: boolean, adler = adler32(rows)): Band {
  const finishFlush = last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH;
  return { deflated: zlib.deflateRawSync(rows, { strategy: zlib.constants.Z_RLE, finishFlush }), adler };
}

/** zlib's two header bytes: deflate with a 32 KB window, no dictionary (and a check that makes them a multiple of 31). */
const ZLIB_HEADER = Buffer.from([0x78, 0x01]);

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(type)), 0);
  return Buffer.concat([head, data, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Bands of the image, in order, as an 8-bit palette PNG: one zlib stream of the bands, then their Adler-32. */
function encodePng(bands: Band[]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8;
  header[9] = 3;
  const { a, b } = bands.map((band) => band.adler).reduce(adlerThen);
  const check = Buffer.alloc(4);
  check.writeUInt32BE(b * 0x10000 + a, 0);
  const data = Buffer.concat([ZLIB_HEADER, ...bands.map((band) => band.deflated), check]);
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('PLTE', PALETTE), pngChunk('IDAT', data), pngChunk('IEND', Buffer.alloc(0))]);
}

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

/** A map that forgets the entry set longest ago once it holds more than `size` (Infinity: never). */
class Recent<T> {
  private readonly entries = new Map<string, T>();
  private readonly size: number;
  constructor(size: number) {
    this.size = size;
  }

  get(key: string, make: () => T): T {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = make();
      this.entries.set(key, value);
      // A Map keeps the order in which keys were set.
      if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }
}

/** Where the title's band starts, and the date's: above, between and below, every card has the same rows. */
const TITLE_TOP = STYLES.title.top;
const DATE_TOP = STYLES.date.top;

/**
 * What cards share, made once: pieces of text set (the site's name and the kickers, a handful, and
 * the dates of the cards drawn last: cards come in date order, and meetings share dates), and the
 * bands of the image that hold them, compressed, with the white rows between title and date.
 */
class Shared {
  private readonly kept = { lasting: new Recent<Promise<unknown>>(Infinity), recent: new Recent<Promise<unknown>>(32) };
  readonly background = backgroundRows();

  private keep<T>(key: string, keep: 'lasting' | 'recent', make: () => Promise<T>): Promise<T> {
    return this.kept[keep].get(key, make) as Promise<T>;
  }

  text(text: string, style: Style, keep: 'lasting' | 'recent'): Promise<Mask> {
    return this.keep(`${style}:${text}`, keep, () => setText(text, style));
  }

  /** The band above the title: the red band with the site's name, and the kicker. */
  top(site: Mask, kicker: Mask): Promise<Band> {
    return this.keep(`top:${site.text}\0${kicker.text}`, 'lasting', async () => this.band(0, TITLE_TOP, [site, kicker], false));
  }

  /** White rows from the title's end to the date's band. */
  gap(from: number): Promise<Band> {
    return this.keep(`gap:${from}`, 'lasting', async () => this.band(from, DATE_TOP, [], false));
  }

  /** The band from the date down: the date, and the dark red bar; the card's last. */
  bottom(date: Mask): Promise<Band> {
    return this.keep(`bottom:${date.text}`, 'recent', async () => this.band(DATE_TOP, HEIGHT, [date], true));
  }

  private band(from: number, to: number, masks: Mask[], last: boolean): Band {
    const rows = this.background.subarray(from * ROW, to * ROW);
    const painted = Buffer.from(rows);
    for (const mask of masks) paint(painted, mask, from);
    return deflateBand(painted, last);
  }
}

/**
 * Draws a card and encodes it. Text is set by libvips (Pango, with the bundled fonts), and painted
 * and encoded here: the title's rows alone are compressed for each card, the bands above and
 * below it, which cards share, once. A title too long for its room (which `cardTitle` keeps it
 * from) overlaps the date, and is drawn into the whole image instead.
 */
async function drawCard(card: CardText, shared: Shared): Promise<Buffer> {
  const [site, kicker, title, date] = await Promise.all([
    shared.text(card.site, 'site', 'lasting'),
    shared.text(card.kicker.toUpperCase(), 'kicker', 'lasting'),
    setText(cardTitle(card.title), 'title'),
    shared.text(card.date, 'date', 'recent'),
  ]);
  const end = TITLE_TOP + title.height;
  if (end > DATE_TOP) {
    const rows = Buffer.from(shared.background);
    for (const mask of [site, kicker, title, date]) paint(rows, mask);
    return encodePng([deflateBand(rows, true)]);
  }
  // The title's rows are white, palette entry 0, where there is no ink: their Adler-32 sums follow
  // from the ink painted.
  const rows = Buffer.alloc((end - TITLE_TOP) * ROW);
  const ink = paint(rows, title, TITLE_TOP);
  const adler = { a: (1 + ink.sum) % ADLER_BASE, b: ((rows.length % ADLER_BASE) + ink.weighted) % ADLER_BASE, length: rows.length };
  const [top, gap, bottom] = await Promise.all([shared.top(site, kicker), shared.gap(end), shared.bottom(date)]);
  return encodePng([top, deflateBand(rows, false, adler), gap, bottom]);
}

/** One card: where its image goes in the site and what it says. */
export interface Card {
  file: string;
  card: CardText;
}

/** Where each card's image goes in the site, and the file in the cache that holds it. */
export type ShareImages = Array<{ file: string; cached: string }>;

/** Cards drawn at once: libvips sets each one's text on threads of its own, so a second keeps both cores busy. */
const LANES = 2;

/** A card not in the cache yet: the file it is drawn into, and what it says. */
export type MissingCard = ShareImages[number] & { card: CardText };

/**
 * Each card's file in `cacheDir`, named by a digest of what it says, and the cards that are not
 * there yet. What a stopped build left half-written there is deleted.
 */
export function cachedShareImages(cards: readonly Card[], cacheDir: string): { images: ShareImages; missing: MissingCard[] } {
  mkdirSync(cacheDir, { recursive: true });
  for (const name of readdirSync(cacheDir)) if (name.endsWith('.part')) rmSync(path.join(cacheDir, name), { force: true });
  const images: ShareImages = cards.map(({ file, card }) => ({
    file,
    cached: path.join(cacheDir, `${createHash('sha256').update(JSON.stringify([designDigest(), card])).digest('hex')}.png`),
  }));
  return { images, missing: images.flatMap((image, i) => (existsSync(image.cached) ? [] : [{ ...image, card: cards[i]!.card }])) };
}

/**
 * Draws the cards not already in `cacheDir` into it, each named by a digest of what it says.
 * Returns every card's cached file and how many were drawn anew.
 */
export async function drawShareImages(cards: readonly Card[], cacheDir: string): Promise<{ images: ShareImages; drawn: number }> {
  const { images, missing } = cachedShareImages(cards, cacheDir);
  await drawMissingCards(missing);
  return { images, drawn: missing.length };
}

/** Draws each of `missing` (from `cachedShareImages`) into its file in the cache. */
export async function drawMissingCards(missing: readonly MissingCard[]): Promise<void> {
  // Every card is drawn once: libvips' cache of recent operations would only hold memory.
  sharp.cache(false);
  const shared = new Shared();
  let next = 0;
  const lane = async () => {
    for (let item = missing[next++]; item; item = missing[next++]) {
      // Written under another name first, so that a build stopped halfway never leaves half a card
      // in the cache under the name of a whole one.
      const partial = `${item.cached}.${process.pid}.part`;
      writeFileSync(partial, await drawCard(item.card, shared));
      renameSync(partial, item.cached);
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
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

/**
 * Deletes the cached cards that `used` (this build's) does not name and that were drawn more than
 * `days` ago: cards of titles since changed, which would otherwise pile up in the cache that CI
 * keeps from one build to the next. A card still in use is kept however old; one only another
 * content folder uses (a test fixture, another province built on the same machine) is drawn again
 * by that one's next build. Returns how many were deleted.
 */
export function pruneShareImages(cacheDir: string, used: ShareImages, days = 30, now = Date.now()): number {
  const keep = new Set(used.map((image) => path.basename(image.cached)));
  let deleted = 0;
  for (const name of readdirSync(cacheDir)) {
    if (!name.endsWith('.png') || keep.has(name)) continue;
    const file = path.join(cacheDir, name);
    try {
      if (now - statSync(file).mtimeMs <= days * 86_400_000) continue;
      rmSync(file, { force: true });
      deleted++;
    } catch {
      // Deleted meanwhile by another build.
    }
  }
  return deleted;
}
