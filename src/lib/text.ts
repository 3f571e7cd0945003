import type { LocalisedText } from '../schemas/common.ts';

/** The text in `lang`, else in the default language, else the first one given. */
export function localise(text: LocalisedText | undefined, lang: string, defaultLang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text[defaultLang] ?? Object.values(text)[0] ?? '';
}

/** Whether the text has a version written in `lang` (a plain string is in the default language). */
export function hasLocale(text: LocalisedText | undefined, lang: string, defaultLang: string): boolean {
  if (text === undefined) return false;
  return typeof text === 'string' ? lang === defaultLang : text[lang] !== undefined;
}

/** Vietnamese without diacritics, `đ` included: "Đắk Lắk" → "Dak Lak". */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** A file-name slug: "Đẩy mạnh chuyển đổi số" → "day-manh-chuyen-doi-so". */
export function slugify(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
