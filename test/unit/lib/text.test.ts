import { describe, expect, it } from 'vitest';
import { foldDiacritics, hasLocale, localise, slugify } from '../../../src/lib/text.ts';

describe(foldDiacritics, () => {
  it('removes tone marks and folds đ', () => {
    expect(foldDiacritics('Cà Mau')).toBe('Ca Mau');
    expect(foldDiacritics('số hóa')).toBe('so hoa');
    expect(foldDiacritics('Đắk Lắk')).toBe('Dak Lak');
    expect(foldDiacritics('Điện Biên')).toBe('Dien Bien');
  });

  it('folds decomposed (NFD) input the same way', () => {
    expect(foldDiacritics('Đắk Lắk'.normalize('NFD'))).toBe('Dak Lak');
  });
});

describe(slugify, () => {
  it('makes a file-name slug from a Vietnamese title', () => {
    expect(slugify('Đẩy mạnh chuyển đổi số')).toBe('day-manh-chuyen-doi-so');
    expect(slugify('  Họp quý III/2025: kết quả!  ')).toBe('hop-quy-iii-2025-ket-qua');
  });
});

describe(localise, () => {
  it('picks the language, then the default, then any', () => {
    expect(localise({ vi: 'Cà Mau', en: 'Ca Mau' }, 'en', 'vi')).toBe('Ca Mau');
    expect(localise({ vi: 'Cà Mau' }, 'en', 'vi')).toBe('Cà Mau');
    expect(localise('Cà Mau', 'en', 'vi')).toBe('Cà Mau');
    expect(localise(undefined, 'en', 'vi')).toBe('');
  });
});

describe(hasLocale, () => {
  it('knows a plain string is in the default language', () => {
    expect(hasLocale('Cà Mau', 'vi', 'vi')).toBe(true);
    expect(hasLocale('Cà Mau', 'en', 'vi')).toBe(false);
    expect(hasLocale({ en: 'Ca Mau' }, 'en', 'vi')).toBe(true);
  });
});
