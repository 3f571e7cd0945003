import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cardsOfSite } from '../../../src/integrations/share-cards.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'nq57-share-cards-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A built site whose data/meetings.json lists `meetings`. */
function site(meetings: unknown[]): string {
  const dir = mkdtempSync(path.join(scratch, 'site-'));
  mkdirSync(path.join(dir, 'data'));
  writeFileSync(path.join(dir, 'data/meetings.json'), JSON.stringify(meetings));
  return dir;
}

describe(cardsOfSite, () => {
  const meeting = {
    id: '2025-06-15-hop-quy-2',
    date: '2025-06-15T14:00:00+07:00',
    level: 'province',
    translations: {
      vi: { title: 'Họp quý II', url: '/tien-do/meetings/2025-06-15-hop-quy-2/' },
      en: { title: 'Q2 meeting', url: '/tien-do/en/meetings/2025-06-15-hop-quy-2/' },
    },
  };

  it('gives one card per meeting per language, beside its page, saying what the page says', () => {
    const cards = cardsOfSite(site([meeting]), '/tien-do');
    expect(cards.map((c) => c.file)).toEqual(['meetings/2025-06-15-hop-quy-2/share.png', 'en/meetings/2025-06-15-hop-quy-2/share.png']);
    expect(cards[0]!.card.title).toBe('Họp quý II');
    expect(cards[1]!.card.title).toBe('Q2 meeting');
    // The date in each language, without the time of day.
    expect(cards[0]!.card.date).not.toBe(cards[1]!.card.date);
    expect(cards[1]!.card.date).toContain('2025');
    expect(cards[0]!.card.kicker).not.toBe('');
  });
});
