import { describe, expect, it } from 'vitest';
import vi from '../../../src/i18n/vi.json' with { type: 'json' };
import en from '../../../src/i18n/en.json' with { type: 'json' };
import { formatDate, formatNumber, formatPeriod, translator } from '../../../src/i18n/translate.ts';

describe('UI dictionaries', () => {
  it('have the same keys in every language', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('have no empty string', () => {
    for (const dict of [vi, en]) for (const [key, value] of Object.entries(dict)) expect(value.trim(), key).not.toBe('');
  });
});

describe(translator, () => {
  it('fills parameters', () => {
    expect(translator('vi')('asOf', { date: '18/9/2025' })).toBe('Số liệu tính đến ngày 18/9/2025');
    expect(translator('en')('asOf', { date: '18 Sep 2025' })).toBe('Figures as of 18 Sep 2025');
  });
});

describe(formatDate, () => {
  it('writes dates per locale', () => {
    expect(formatDate('2025-09-18', 'vi')).toBe('18/9/2025');
    expect(formatDate('2025-09-18', 'en')).toBe('18 Sep 2025');
    expect(formatDate('2025-09-18T14:00:00+07:00', 'vi')).toBe('18/9/2025');
  });
});

describe(formatPeriod, () => {
  it('names a reported figure’s period as the portal does', () => {
    expect(['cumulative', '2025', '2025-Q3', '2026-Q1'].map((p) => formatPeriod(p, 'vi'))).toEqual(['Lũy kế', 'Năm 2025', 'Quý III/2025', 'Quý I/2026']);
    expect(['cumulative', '2025', '2025-Q3'].map((p) => formatPeriod(p, 'en'))).toEqual(['Cumulative', '2025', 'Q3 2025']);
  });
});

describe(formatNumber, () => {
  it('writes numbers per locale', () => {
    expect(formatNumber(53.66, 'vi')).toBe('53,66');
    expect(formatNumber(53.66, 'en')).toBe('53.66');
    expect(formatNumber(1132, 'vi')).toBe('1.132');
  });

  it('writes counts below a thousand as Intl does in either style, and larger ones with separators', () => {
    for (const lang of ['vi', 'en']) {
      const intl = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
      for (const n of [0, 7, 42, 999, 1000, 0.5, -3]) expect(formatNumber(n, lang)).toBe(intl.format(n));
    }
    expect(formatNumber(1000, 'en')).toBe('1,000');
  });
});
