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
  // Most strings have no parameters, and a page of the registry asks for thousands of them.
  return (key: UiKey, params?: Record<string, string | number>): string => {
    const text = dict[key] ?? key;
    return text.includes('{') ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`)) : text;
  };
}

/** How dates and numbers are written: the Vietnamese way, or the English way for every other language. */
function numberStyle(lang: string): 'vi' | 'en' {
  return uiLang(lang) === 'vi' ? 'vi' : 'en';
}

const MONTHS_SHORT_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Dates already formatted, per style: listings show the same few hundred days thousands of times. */
const formattedDates: Record<'vi' | 'en', Map<string, string>> = { vi: new Map(), en: new Map() };

/** Date per locale: `18/9/2025` in Vietnamese, `18 Sep 2025` in English. */
export function formatDate(date: string, lang: string): string {
  const style = numberStyle(lang);
  const day = date.slice(0, 10);
  let text = formattedDates[style].get(day);
  if (text === undefined) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    text = style === 'vi' ? `${d}/${m}/${y}` : `${d} ${MONTHS_SHORT_EN[m - 1]} ${y}`;
    formattedDates[style].set(day, text);
  }
  return text;
}

/** Number per locale: `53,66` in Vietnamese, `53.66` in English. */
export function formatNumber(value: number, lang: string): string {
  // Most numbers shown are counts below a thousand, written alike in every style: no formatter needed.
  if (Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
  return numberFormats[numberStyle(lang)].format(value);
}

// Made once: an Intl formatter costs far more to create than to use.
const numberFormats = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** Day of the week of a calendar date, 0 = Sunday. */
function weekday(date: string): number {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/**
 * A meeting's date as the portal writes it: `Thứ Năm, 18/9/2025 14:00` or `Thu 18 Sep 2025, 14:00`.
 * `day` is the calendar date in the site's timezone and `time` its `HH:MM`, when known.
 */
export function formatDateTime(day: string, time: string | undefined, lang: string): string {
  const t = translator(lang);
  const name = t(`weekday.${weekday(day)}` as UiKey);
  const date = formatDate(day, lang);
  if (numberStyle(lang) === 'vi') return `${name}, ${date}${time ? ` ${time}` : ''}`;
  return `${name} ${date}${time ? `, ${time}` : ''}`;
}

/** A percentage per locale: `53,66%` or `53.66%`; a dash where there is none (a share of a total of 0). */
export function formatPercent(value: number | null, lang: string): string {
  return value === null ? '—' : `${formatNumber(value, lang)}%`;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A month heading: `Tháng 9/2025` or `September 2025`. */
export function formatMonth(monthKey: string, lang: string): string {
  const [year, month] = monthKey.split('-').map(Number) as [number, number];
  return translator(lang)('meetings.month', { month, year, monthName: MONTHS_EN[month - 1]! });
}

const QUARTERS_ROMAN = ['I', 'II', 'III', 'IV'];

/** A reported figure's period: `Lũy kế`, `Năm 2025`, `Quý III/2025`, or `Cumulative`, `2025`, `Q3 2025`. */
export function formatPeriod(period: string, lang: string): string {
  const t = translator(lang);
  if (period === 'cumulative') return t('period.cumulative');
  const [year, quarter] = period.split('-Q');
  if (quarter === undefined) return t('period.year', { year: year! });
  return t('period.quarter', { year: year!, quarter, roman: QUARTERS_ROMAN[Number(quarter) - 1] ?? quarter });
}
