import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from '../../../src/lib/suggest.ts';

describe(editDistance, () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('deadline', 'dealine')).toBe(1);
    expect(editDistance('so-khcn', 'so-khnc')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe(closestMatch, () => {
  it('suggests a near id and nothing for an unrelated one', () => {
    expect(closestMatch('atendees', ['attendees', 'title', 'tasks'])).toBe('attendees');
    expect(closestMatch('zzzzzz', ['attendees', 'title'])).toBeUndefined();
  });
});

describe(didYouMean, () => {
  it('writes the hint', () => {
    expect(didYouMean('u-khnc', ['u-khcn', 'u-ubnd'])).toBe("; did you mean 'u-khcn'?");
    expect(didYouMean('x', [])).toBe('');
  });
});
