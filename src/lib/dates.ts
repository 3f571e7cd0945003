/** A calendar date written `YYYY-MM-DD`, in the site's timezone; such strings sort and compare as dates. */
export type IsoDate = string;

/** A reporting period: everything so far, a calendar year or a calendar quarter. */
export type Period =
  | { kind: 'cumulative' }
  | { kind: 'year'; year: number; start: IsoDate; end: IsoDate }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4; start: IsoDate; end: IsoDate };

/** The site's offset from UTC in minutes: Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving). */
export const SITE_UTC_OFFSET_MINUTES = 7 * 60;

const MINUTES_PER_DAY = 24 * 60;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// Proleptic Gregorian day numbers (Howard Hinnant's days_from_civil), so that years 0000–0099
// work too, which Date.UTC would map to 1900–1999.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatDate(year, month, day);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDate(year: number, month: number, day: number): IsoDate {
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} is outside 0000–9999`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function parseDate(s: IsoDate): [number, number, number] {
  const m = DATE_RE.exec(s);
  const parts = m ? ([Number(m[1]), Number(m[2]), Number(m[3])] as [number, number, number]) : undefined;
  if (!parts || !isRealDate(...parts)) throw new RangeError(`'${s}' is not a real date written YYYY-MM-DD`);
  return parts;
}

interface DateTimeParts {
  date: [number, number, number];
  hour: number;
  minute: number;
  /** Offset from UTC in minutes, as written. */
  offset: number;
}

function parseDateTime(s: string): DateTimeParts | undefined {
  const m = DATE_TIME_RE.exec(s);
  if (!m) return undefined;
  const date: [number, number, number] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  const [offsetHours, offsetMinutes] = [Number(m[9] ?? 0), Number(m[10] ?? 0)];
  if (!isRealDate(...date) || hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) {
    return undefined;
  }
  const sign = m[8] === '-' ? -1 : 1;
  return { date, hour, minute, offset: sign * (offsetHours * 60 + offsetMinutes) };
}

// Minutes since 1970-01-01T00:00 in the site's timezone.
function siteMinutes(parts: DateTimeParts): number {
  const utc = daysFromCivil(...parts.date) * MINUTES_PER_DAY + parts.hour * 60 + parts.minute - parts.offset;
  return utc + SITE_UTC_OFFSET_MINUTES;
}

/** Whether `s` is written `YYYY-MM-DD` and is a real calendar date (`2024-02-29` yes, `2025-02-29` no). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Whether `s` is a real date-time with an offset: `YYYY-MM-DDTHH:MM[:SS[.sss]](Z|±HH:MM)`. */
export function isIsoDateTime(s: unknown): s is string {
  return typeof s === 'string' && parseDateTime(s) !== undefined;
}

/** The calendar date in the site's timezone (UTC+7) of a date or a date-time with offset. */
export function toLocalDate(s: string): IsoDate {
  if (isIsoDate(s)) return s;
  const parts = parseDateTime(s);
  if (!parts) throw new RangeError(`'${s}' is not a date (YYYY-MM-DD) or a date-time with offset`);
  return civilFromDays(Math.floor(siteMinutes(parts) / MINUTES_PER_DAY));
}

/** The time `HH:MM` in the site's timezone (UTC+7) of a date-time; undefined for a plain date. */
export function toLocalTime(s: string): string | undefined {
  if (isIsoDate(s)) return undefined;
  const parts = parseDateTime(s);
  if (!parts) throw new RangeError(`'${s}' is not a date (YYYY-MM-DD) or a date-time with offset`);
  const minutes = ((siteMinutes(parts) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
}

/** Reads a reported figure's `period`: absent or `cumulative`, a year (`2025`, `'2025'`) or a quarter (`'2025-Q3'`); null when malformed. */
export function parsePeriod(value: string | number | undefined): Period | null {
  if (value === undefined || value === 'cumulative') return { kind: 'cumulative' };
  // A number is a year only when it is written with four digits, so that its key reads back the same.
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1000 && value <= 9999 ? yearPeriod(value) : null;
  }
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return yearPeriod(year);
  const quarter = Number(m[2]) as 1 | 2 | 3 | 4;
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return {
    kind: 'quarter',
    year,
    quarter,
    start: formatDate(year, firstMonth, 1),
    end: formatDate(year, lastMonth, daysInMonth(year, lastMonth)),
  };
}

function yearPeriod(year: number): Period {
  return { kind: 'year', year, start: formatDate(year, 1, 1), end: formatDate(year, 12, 31) };
}

/** The period as written in data files: `cumulative`, `2025` or `2025-Q3`. */
export function periodKey(period: Period): string {
  switch (period.kind) {
    case 'cumulative':
      return 'cumulative';
    case 'year':
      return pad(period.year, 4);
    case 'quarter':
      return `${pad(period.year, 4)}-Q${period.quarter}`;
  }
}

/** Whether a date falls in a period, first and last day included; every date is in `cumulative`. */
export function isInPeriod(date: IsoDate, period: Period): boolean {
  return period.kind === 'cumulative' || (date >= period.start && date <= period.end);
}

/** The date `n` days after `date` (before it when `n` is negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`${n} is not a whole number of days`);
  return civilFromDays(daysFromCivil(...parseDate(date)) + n);
}

/** The month `YYYY-MM` of a date. */
export function monthKey(date: IsoDate): string {
  const [year, month] = parseDate(date);
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

/** The month `YYYY-MM` that is `n` months after `month` (before it when `n` is negative). */
export function addMonths(month: string, n: number): string {
  const m = MONTH_RE.exec(month);
  const [year, mon] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!m || mon < 1 || mon > 12) throw new RangeError(`'${month}' is not a month written YYYY-MM`);
  if (!Number.isInteger(n)) throw new RangeError(`${n} is not a whole number of months`);
  const index = year * 12 + (mon - 1) + n;
  const [y, mo] = [Math.floor(index / 12), (index % 12) + 1];
  if (y < 0 || y > 9999) throw new RangeError(`year ${y} is outside 0000–9999`);
  return `${pad(y, 4)}-${pad(mo, 2)}`;
}

/** The calendar date in the site's timezone (UTC+7) of a Unix time in seconds, e.g. `SOURCE_DATE_EPOCH`. */
export function dateFromEpochSeconds(seconds: number): IsoDate {
  if (!Number.isFinite(seconds)) throw new RangeError(`${seconds} is not a number of seconds`);
  const minutes = Math.floor(seconds / 60) + SITE_UTC_OFFSET_MINUTES;
  return civilFromDays(Math.floor(minutes / MINUTES_PER_DAY));
}

/** The position of the first item of `sorted` (in date order) dated on or after `d`, or strictly after it with `after`. */
export function firstIndexFrom<T>(sorted: readonly T[], d: IsoDate, dateOf: (item: T) => IsoDate, after = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const date = dateOf(sorted[mid]!);
    if (date < d || (after && date === d)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
