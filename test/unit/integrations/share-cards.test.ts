import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardsOf } from '../../../src/integrations/share-cards.ts';
import { readContent } from '../../../src/content/reader.ts';
import { buildSiteModel, siteInputFromContent } from '../../../src/lib/site-model.ts';

const read = readContent(path.resolve('test/fixtures/content/valid'));
const model = buildSiteModel(siteInputFromContent(read.model!), '2025-12-31');
const paths = { base: '/tien-do/', defaultLocale: 'vi' };

describe(cardsOf, () => {
  const cards = cardsOf({ model, paths });

  it('gives one card per published meeting per language, beside its page, without the base path', () => {
    expect(cards.length).toBe(model.meetings.reduce((n, m) => n + m.langs.length, 0));
    const files = cards.map((c) => c.file);
    expect(files).toContain('meetings/2025-06-15-hop-quy-2/share.png');
    expect(files).toContain('en/meetings/2025-06-15-hop-quy-2/share.png');
    // The draft is not published, so it has no card.
    expect(files.some((f) => f.includes('ban-nhap'))).toBe(false);
  });

  it('says what the page says, in the page’s language', () => {
    const vi = cards.find((c) => c.file === 'meetings/2025-06-15-hop-quy-2/share.png')!.card;
    const en = cards.find((c) => c.file === 'en/meetings/2025-06-15-hop-quy-2/share.png')!.card;
    const meeting = model.meetings.find((m) => m.id === '2025-06-15-hop-quy-2')!;
    expect(vi.title).toBe(meeting.translations.vi!.title);
    expect(en.title).toBe(meeting.translations.en!.title);
    // The date in each language, without the time of day.
    expect(vi.date).not.toBe(en.date);
    expect(en.date).toContain('2025');
    expect(vi.kicker).not.toBe('');
    expect(vi.kicker).not.toBe(en.kicker);
  });
});
