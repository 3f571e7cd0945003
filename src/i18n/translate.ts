import vi from './vi.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

/** A UI string's key. */
export type UiKey = keyof typeof vi;

/** UI strings per language; every language has every key (a unit test checks it). */
export const dictionaries: Record<string, Record<string, string>> = { vi, en };

/** The UI language for a content language: its own strings when we have them, else Vietnamese. */
export function uiLang(lang: string): string {
  return lang in dictionaries ? lang : 'vi';
}

/** A translator for one language: `t('asOf', { date })`. */
export function translator(lang: string) {
  const dict = dictionaries[uiLang(lang)]!;
  return (key: UiKey, params: Record<string, string | number> = {}): string =>
    (dict[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Date per locale: `18/9/2025` in Vietnamese, `18 Sep 2025` in English. */
export function formatDate(date: string, lang: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (uiLang(lang) === 'vi') return `${d}/${m}/${y}`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[m - 1]} ${y}`;
}

/** Number per locale: `53,66` in Vietnamese, `53.66` in English. */
export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(uiLang(lang) === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}
