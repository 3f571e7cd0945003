import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dateFromEpochSeconds,
  isInPeriod,
  isIsoDate,
  isIsoDateTime,
  monthKey,
  parsePeriod,
  periodKey,
  toLocalDate,
  toLocalTime,
} from '../../../src/lib/dates.ts';
import type { Period } from '../../../src/lib/dates.ts';

describe(isIsoDate, () => {
  it('accepts real calendar dates', () => {
    expect(isIsoDate('2025-09-18')).toBe(true);
    expect(isIsoDate('2025-01-31')).toBe(true);
    expect(isIsoDate('2025-12-31')).toBe(true);
  });

  it('rejects impossible dates', () => {
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-00-10')).toBe(false);
    expect(isIsoDate('2025-01-00')).toBe(false);
    expect(isIsoDate('2025-01-32')).toBe(false);
  });

  it('knows leap years, including the century rules', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
  });

  it('rejects other spellings and non-strings', () => {
    expect(isIsoDate('2025-9-18')).toBe(false);
    expect(isIsoDate('18/09/2025')).toBe(false);
    expect(isIsoDate(' 2025-09-18')).toBe(false);
    expect(isIsoDate('2025-09-18T14:00:00+07:00')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(isIsoDate(20250918)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
});

describe(isIsoDateTime, () => {
  it('accepts date-times with an offset, with or without seconds and fractions', () => {
    expect(isIsoDateTime('2025-09-18T14:00:00+07:00')).toBe(true);
    expect(isIsoDateTime('2025-09-18T14:00+07:00')).toBe(true);
    expect(isIsoDateTime('2025-09-18T07:00:00Z')).toBe(true);
    expect(isIsoDateTime('2025-09-18T07:00:00.123Z')).toBe(true);
    expect(isIsoDateTime('2025-09-18T23:59:59-05:30')).toBe(true);
    expect(isIsoDateTime('2024-02-29T00:00Z')).toBe(true);
  });

  it('requires the offset', () => {
    expect(isIsoDateTime('2025-09-18T14:00:00')).toBe(false);
    expect(isIsoDateTime('2025-09-18T14:00')).toBe(false);
  });

  it('rejects impossible dates and times', () => {
    expect(isIsoDateTime('2025-02-29T10:00:00Z')).toBe(false);
    expect(isIsoDateTime('2025-09-18T24:00:00Z')).toBe(false);
    expect(isIsoDateTime('2025-09-18T14:60:00Z')).toBe(false);
    expect(isIsoDateTime('2025-09-18T14:00:60Z')).toBe(false);
    expect(isIsoDateTime('2025-09-18T14:00:00+07:60')).toBe(false);
  });

  it('rejects plain dates and other spellings', () => {
    expect(isIsoDateTime('2025-09-18')).toBe(false);
    expect(isIsoDateTime('2025-09-18 14:00:00+07:00')).toBe(false);
    expect(isIsoDateTime('2025-09-18T14:00:00+0700')).toBe(false);
    expect(isIsoDateTime('2025-09-18T1400Z')).toBe(false);
    expect(isIsoDateTime(null)).toBe(false);
  });
});

describe(toLocalDate, () => {
  it('returns a plain date as it is', () => {
    expect(toLocalDate('2025-09-18')).toBe('2025-09-18');
  });

  it('gives the calendar date in UTC+7', () => {
    expect(toLocalDate('2025-09-18T14:00:00+07:00')).toBe('2025-09-18');
    expect(toLocalDate('2025-09-18T23:30:00Z')).toBe('2025-09-19');
    expect(toLocalDate('2025-09-18T16:59:59Z')).toBe('2025-09-18');
    expect(toLocalDate('2025-09-18T17:00:00Z')).toBe('2025-09-19');
    // 00:30 in UTC+9 is 22:30 the day before in UTC+7.
    expect(toLocalDate('2025-09-18T00:30:00+09:00')).toBe('2025-09-17');
    expect(toLocalDate('2025-09-18T20:00:00-05:00')).toBe('2025-09-19');
  });

  it('carries over month, year and leap-day boundaries', () => {
    expect(toLocalDate('2024-12-31T20:00:00Z')).toBe('2025-01-01');
    expect(toLocalDate('2024-02-28T18:00Z')).toBe('2024-02-29');
    expect(toLocalDate('2025-02-28T18:00Z')).toBe('2025-03-01');
    expect(toLocalDate('2025-03-01T05:00+12:00')).toBe('2025-03-01');
    expect(toLocalDate('2025-03-01T04:59+12:00')).toBe('2025-02-28');
  });

  it('throws on anything else', () => {
    expect(() => toLocalDate('2025-02-30')).toThrow(RangeError);
    expect(() => toLocalDate('2025-09-18T14:00:00')).toThrow(RangeError);
  });
});

describe(toLocalTime, () => {
  it('gives the time in UTC+7', () => {
    expect(toLocalTime('2025-09-18T14:00:00+07:00')).toBe('14:00');
    expect(toLocalTime('2025-09-18T23:30:00Z')).toBe('06:30');
    expect(toLocalTime('2025-09-18T09:15:45.5-04:30')).toBe('20:45');
    expect(toLocalTime('2025-09-18T17:00Z')).toBe('00:00');
  });

  it('is undefined for a plain date', () => {
    expect(toLocalTime('2025-09-18')).toBeUndefined();
  });
});

describe(parsePeriod, () => {
  it('reads an absent period and `cumulative` as cumulative', () => {
    expect(parsePeriod(undefined)).toEqual({ kind: 'cumulative' });
    expect(parsePeriod('cumulative')).toEqual({ kind: 'cumulative' });
  });

  it('reads a year written as a number or a string', () => {
    const year = { kind: 'year', year: 2025, start: '2025-01-01', end: '2025-12-31' };
    expect(parsePeriod(2025)).toEqual(year);
    expect(parsePeriod('2025')).toEqual(year);
  });

  it('reads quarters with their first and last days', () => {
    expect(parsePeriod('2025-Q1')).toEqual({ kind: 'quarter', year: 2025, quarter: 1, start: '2025-01-01', end: '2025-03-31' });
    expect(parsePeriod('2025-Q2')).toMatchObject({ start: '2025-04-01', end: '2025-06-30' });
    expect(parsePeriod('2025-Q3')).toMatchObject({ start: '2025-07-01', end: '2025-09-30' });
    expect(parsePeriod('2025-Q4')).toMatchObject({ start: '2025-10-01', end: '2025-12-31' });
  });

  it('is null for anything malformed', () => {
    for (const bad of ['2025-Q5', '2025-Q0', '2025-q3', 'Q3', '25', '2025-', 'Cumulative', '', ' 2025']) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
    expect(parsePeriod(2025.5)).toBeNull();
    expect(parsePeriod(25)).toBeNull();
    expect(parsePeriod(Number.NaN)).toBeNull();
  });
});

describe(periodKey, () => {
  it('writes each kind of period back as data files spell it', () => {
    expect(periodKey({ kind: 'cumulative' })).toBe('cumulative');
    expect(periodKey(parsePeriod(2025)!)).toBe('2025');
    expect(periodKey(parsePeriod('2025')!)).toBe('2025');
    expect(periodKey(parsePeriod('2025-Q3')!)).toBe('2025-Q3');
  });
});

describe(isInPeriod, () => {
  const q3 = parsePeriod('2025-Q3') as Period;
  const y2025 = parsePeriod(2025) as Period;

  it('includes the first and last day and excludes the days either side', () => {
    expect(isInPeriod('2025-07-01', q3)).toBe(true);
    expect(isInPeriod('2025-09-30', q3)).toBe(true);
    expect(isInPeriod('2025-06-30', q3)).toBe(false);
    expect(isInPeriod('2025-10-01', q3)).toBe(false);
    expect(isInPeriod('2025-01-01', y2025)).toBe(true);
    expect(isInPeriod('2025-12-31', y2025)).toBe(true);
    expect(isInPeriod('2024-12-31', y2025)).toBe(false);
    expect(isInPeriod('2026-01-01', y2025)).toBe(false);
  });

  it('puts every date in the cumulative period', () => {
    expect(isInPeriod('1999-01-01', { kind: 'cumulative' })).toBe(true);
  });
});

describe(addDays, () => {
  it('crosses month ends, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2025-09-18', 0)).toBe('2025-09-18');
  });

  it('throws on an impossible date or a fraction of a day', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2025-09-18', 0.5)).toThrow(RangeError);
  });
});

describe(monthKey, () => {
  it('gives the month of a date', () => {
    expect(monthKey('2025-09-18')).toBe('2025-09');
    expect(() => monthKey('2025-02-30')).toThrow(RangeError);
  });
});

describe(addMonths, () => {
  it('crosses years both ways', () => {
    expect(addMonths('2025-09', 1)).toBe('2025-10');
    expect(addMonths('2025-11', 2)).toBe('2026-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-01', -13)).toBe('2023-12');
    expect(addMonths('2025-06', 24)).toBe('2027-06');
  });

  it('throws on a malformed month', () => {
    expect(() => addMonths('2025-13', 1)).toThrow(RangeError);
    expect(() => addMonths('2025-9', 1)).toThrow(RangeError);
  });
});

describe(dateFromEpochSeconds, () => {
  it('gives the calendar date in UTC+7', () => {
    expect(dateFromEpochSeconds(0)).toBe('1970-01-01');
    // 2025-09-18T17:00:00Z is midnight in UTC+7.
    expect(dateFromEpochSeconds(1758214800 - 1)).toBe('2025-09-18');
    expect(dateFromEpochSeconds(1758214800)).toBe('2025-09-19');
    // 2024-02-28T17:00:00Z is the leap day in UTC+7.
    expect(dateFromEpochSeconds(1709139600)).toBe('2024-02-29');
    expect(dateFromEpochSeconds(-7 * 3600 - 1)).toBe('1969-12-31');
  });

  it('throws on a non-number', () => {
    expect(() => dateFromEpochSeconds(Number.NaN)).toThrow(RangeError);
  });
});
