import { describe, expect, it } from 'vitest';
import { afterEach } from 'vitest';
import { closestMatch, didYouMean, editDistance, plainWords, suggestIsoDate, suggestValue } from '../../../src/lib/suggest.ts';
import { setMessageLang } from '../../../src/lib/messages.ts';

afterEach(() => setMessageLang('vi'));

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
  it('writes the hint in the message language', () => {
    expect(didYouMean('u-khnc', ['u-khcn', 'u-ubnd'])).toBe("; có phải là 'u-khcn'?");
    setMessageLang('en');
    expect(didYouMean('u-khnc', ['u-khcn', 'u-ubnd'])).toBe("; did you mean 'u-khcn'?");
    expect(didYouMean('x', [])).toBe('');
  });
});

describe(suggestValue, () => {
  const STATUSES = ['not-started', 'in-progress', 'completed', 'cancelled', 'unknown'];
  const LEVELS = ['national', 'province', 'commune'];

  it.each([
    ['hoàn thành', 'completed'],
    ['Hoàn Thành', 'completed'],
    ['hoan thanh', 'completed'],
    ['đang thực hiện', 'in-progress'],
    ['dang thuc hien', 'in-progress'],
    ['chưa bắt đầu', 'not-started'],
    ['đã hủy', 'cancelled'],
    ['hủy', 'cancelled'],
    ['huỷ', 'cancelled'],
    ['chưa có thông tin', 'unknown'],
    ['in progress', 'in-progress'],
    ['complete', 'completed'],
    ['done', 'completed'],
  ])('reads the status %s as %s', (word, value) => {
    expect(suggestValue(word, STATUSES)).toBe(value);
  });

  it.each([
    ['cấp tỉnh', 'province'],
    ['Trung ương', 'national'],
    ['cấp xã', 'commune'],
  ])('reads the level %s as %s', (word, value) => {
    expect(suggestValue(word, LEVELS)).toBe(value);
  });

  it('suggests only a value the field allows', () => {
    expect(suggestValue('chưa có thông tin', ['not-started', 'in-progress', 'completed', 'cancelled'])).toBeUndefined();
    expect(suggestValue('hoàn thành', LEVELS)).toBeUndefined();
  });

  it('folds diacritics and đ', () => {
    expect(plainWords('  Đã  Hủy ')).toBe('da-huy');
  });
});

describe(suggestIsoDate, () => {
  it.each([
    ['18/9/2025', '2025-09-18'],
    ['18-9-2025', '2025-09-18'],
    ['18.9.2025', '2025-09-18'],
    ['01/02/2026', '2026-02-01'],
    ['2025/9/18', '2025-09-18'],
  ])('reads %s as %s', (written, iso) => {
    expect(suggestIsoDate(written)).toBe(iso);
  });

  it('gives nothing for no real date or an ISO date already', () => {
    expect(suggestIsoDate('31/2/2025')).toBeUndefined();
    expect(suggestIsoDate('2025-09-18')).toBeUndefined();
    expect(suggestIsoDate('tháng 9')).toBeUndefined();
  });
});
