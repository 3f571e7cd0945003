import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { cardTitle, drawShareImages } from '../../../scripts/lib/share-images.ts';

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
