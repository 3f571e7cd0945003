import { describe, expect, it } from 'vitest';
import { compareTaskIds } from '../../../src/lib/site-model.ts';

describe(compareTaskIds, () => {
  it('orders ids as a reader counts them, numbers within them as numbers', () => {
    const ids = ['K10', 'K2', 'K1', 'CTR97-010', 'CTR97-9', 'K01', 'A', 'K1b', 'K1a', 'K', 'CTR97-GEN-CUA', 'CTR97-10', 'KH12-100', 'KH12-20'];
    expect([...ids].sort(compareTaskIds)).toEqual(['A', 'CTR97-9', 'CTR97-010', 'CTR97-10', 'CTR97-GEN-CUA', 'K', 'K01', 'K1', 'K1a', 'K1b', 'K2', 'K10', 'KH12-20', 'KH12-100']);
  });

  it('is a total order: the same list in any order sorts the same, and only an id ties with itself', () => {
    const ids = ['N1', 'K10', 'K01', 'K1', 'K2', 'CTR97-010', 'CTR97-10'];
    const sorted = [...ids].sort(compareTaskIds);
    expect([...ids].reverse().sort(compareTaskIds)).toEqual(sorted);
    for (const a of ids) for (const b of ids) expect(compareTaskIds(a, b) === 0, `${a} ${b}`).toBe(a === b);
  });
});
