import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { cardTitle, drawShareImages, pruneShareImages } from '../../../src/integrations/card-image.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'nq57-cards-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const card = {
  site: 'Nghị quyết 57 · Cà Mau',
  kicker: 'Ban Chỉ đạo tỉnh',
  title: 'Ban Chỉ đạo tỉnh họp: 66/123 nhiệm vụ hoàn thành, đạt 53,66%',
  date: 'Thứ Năm, 18/9/2025',
};

/** The card's pixels as RGB, read back by libvips' own PNG decoder. */
async function pixels(file: string) {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { info, at: (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)] };
}

describe(drawShareImages, () => {
  it('draws a 1200×630 PNG with the band, the text and the bar where the design puts them', async () => {
    const { images, drawn } = await drawShareImages([{ file: 'meetings/a/share.png', card }], path.join(scratch, 'design'));
    expect(drawn).toBe(1);
    const { info, at } = await pixels(images[0]!.cached);
    expect([info.width, info.height]).toEqual([1200, 630]);
    expect(at(5, 5)).toEqual([0x9e, 0x1b, 0x1b]);
    expect(at(600, 150)).toEqual([0xff, 0xff, 0xff]);
    expect(at(5, 625)).toEqual([0x7a, 0x12, 0x12]);
    // The title's ink: its darkest pixels are the title's colour, with shades between it and white.
    const title = Array.from({ length: 60 }, (_, dy) => Array.from({ length: 900 }, (_, dx) => at(72 + dx, 212 + dy)[0]!)).flat();
    expect(Math.min(...title)).toBe(0x1a);
    expect(new Set(title).size).toBeGreaterThan(8);
  });

  it('draws the same bytes every time, and only the cards its cache does not hold', async () => {
    const cache = path.join(scratch, 'cache');
    const first = await drawShareImages([{ file: 'a/share.png', card }], cache);
    const bytes = readFileSync(first.images[0]!.cached);
    rmSync(cache, { recursive: true });
    const again = await drawShareImages([{ file: 'a/share.png', card }], cache);
    expect(readFileSync(again.images[0]!.cached).equals(bytes)).toBe(true);
    // A half-written card that a stopped build left is removed; whole ones are kept.
    writeFileSync(path.join(cache, 'abc.png.123.part'), 'half');
    const other = { ...card, title: 'Another meeting' };
    const later = await drawShareImages([{ file: 'a/share.png', card }, { file: 'b/share.png', card: other }], cache);
    expect(later.drawn).toBe(1);
    expect(readdirSync(cache).sort()).toEqual(later.images.map((image) => path.basename(image.cached)).sort());
  });

  it('draws each card as it would alone when many are drawn together, sharing dates and rows', async () => {
    const titles = ['Họp quý 1', 'Phiên họp thứ hai của Ban Chỉ đạo tỉnh về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số', 'Họp', 'Sơ kết 6 tháng'];
    const dates = ['Thứ Hai, 6/1/2025', 'Thứ Hai, 6/1/2025', 'Thứ Ba, 7/1/2025', 'Thứ Hai, 6/1/2025'];
    const cards = titles.map((title, i) => ({ file: `m${i}/share.png`, card: { ...card, title, date: dates[i]!, kicker: i % 2 ? 'Ban Chỉ đạo tỉnh' : 'Tỉnh ủy' } }));
    const together = await drawShareImages(cards, path.join(scratch, 'together'));
    expect(together.drawn).toBe(cards.length);
    for (const [i, one] of cards.entries()) {
      const alone = await drawShareImages([one], path.join(scratch, `alone-${i}`));
      expect(readFileSync(alone.images[0]!.cached).equals(readFileSync(together.images[i]!.cached))).toBe(true);
    }
  });
});

/** The PNG's image data, one zlib stream whose Adler-32 `inflateSync` checks: a filter byte and 1,200 palette entries a row. */
function imageRows(png: Buffer): Buffer {
  const data: Buffer[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') data.push(png.subarray(at + 8, at + 8 + png.readUInt32BE(at)));
  }
  return zlib.inflateSync(Buffer.concat(data));
}

describe('share image encoding', () => {
  it('writes one valid zlib stream from bands drawn apart, for titles of one to four lines and one that overflows', async () => {
    const titles = ['Họp', 'Phiên họp thứ hai của Ban Chỉ đạo tỉnh về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2025', 'Ban Chỉ đạo '.repeat(10)];
    // Words too long for two to share a line: six lines, into the date's band.
    const overflowing = 'Chuyểnđổisốtoàndiện '.repeat(7);
    const cards = [...titles, overflowing].map((title, i) => ({ file: `e${i}/share.png`, card: { ...card, title, date: `Thứ Hai, ${i + 1}/1/2025` } }));
    const { images } = await drawShareImages(cards, path.join(scratch, 'encoding'));
    for (const image of images) {
      const rows = imageRows(readFileSync(image.cached));
      expect(rows.length).toBe(630 * 1201);
      // Every row unfiltered; the band at the top and the bar at the foot where the design puts them.
      expect(Array.from({ length: 630 }, (_, y) => rows[y * 1201]).every((filter) => filter === 0)).toBe(true);
      expect(rows[1]).toBe(1);
      expect(rows[629 * 1201 + 1]).toBe(2);
    }
  });
});

describe(pruneShareImages, () => {
  it('deletes the cards a build does not use that were drawn more than 30 days before, and keeps the rest', async () => {
    const cache = path.join(scratch, 'prune');
    const cards = ['Họp quý 1', 'Họp quý 2', 'Họp quý 3', 'Họp quý 4'].map((title, i) => ({ file: `p${i}/share.png`, card: { ...card, title } }));
    const { images } = await drawShareImages(cards, cache);
    const now = Date.now();
    const daysAgo = (days: number) => new Date(now - days * 86_400_000);
    // In use and old; not in use and old; not in use, drawn 29 days ago; in use and new.
    for (const [i, days] of [40, 31, 29, 0].entries()) utimesSync(images[i]!.cached, daysAgo(days), daysAgo(days));
    writeFileSync(path.join(cache, 'notes.txt'), 'not a card');
    const used = [images[0]!, images[3]!];
    expect(pruneShareImages(cache, used, 30, now)).toBe(1);
    expect(readdirSync(cache).sort()).toEqual([images[0], images[2], images[3]].map((image) => path.basename(image!.cached)).concat('notes.txt').sort());
    expect(pruneShareImages(cache, used, 30, now)).toBe(0);
  });
});

describe(cardTitle, () => {
  it('keeps a short title and cuts a long one at a word, with an ellipsis', () => {
    expect(cardTitle('Họp quý 3')).toBe('Họp quý 3');
    const long = 'chuyển đổi số '.repeat(20);
    const cut = cardTitle(long);
    expect(cut.length).toBeLessThanOrEqual(121);
    expect(cut.endsWith('…')).toBe(true);
    const kept = cut.slice(0, -1);
    expect(long.startsWith(kept)).toBe(true);
    expect(long[kept.length]).toBe(' ');
  });
});
