import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine } from '../../../src/lib/ical.ts';

describe(escapeText, () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});

describe(foldLine, () => {
  it('keeps every line within 75 octets and never splits a Vietnamese character', () => {
    const line = `SUMMARY:${'Hoàn thành số hóa hồ sơ một cửa đúng, đủ, sạch, sống. '.repeat(4)}`;
    const folded = foldLine(line);
    const encoder = new TextEncoder();
    for (const part of folded.split('\r\n')) expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('leaves short lines alone', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
  });

  it('counts four-octet characters whole, at any length around the limit', () => {
    const encoder = new TextEncoder();
    for (let n = 20; n <= 80; n++) {
      const line = `X:${Array.from('a🇻🇳đ'.repeat(n)).slice(0, n).join('')}`;
      const folded = foldLine(line);
      for (const part of folded.split('\r\n')) {
        expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
        expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
      }
      expect(folded.replace(/\r\n /g, '')).toBe(line);
    }
  });
});

describe(buildCalendar, () => {
  const text = buildCalendar({
    name: 'Hạn nhiệm vụ',
    prodId: '-//nq57//vi',
    stamp: '2025-10-01',
    events: [
      { uid: 'task-K6@tien-do.example', date: '2025-09-30', summary: 'K6: Kết nối cơ sở dữ liệu đất đai, giai đoạn 1', description: 'Đơn vị: Văn phòng UBND tỉnh; quá hạn', url: 'https://tien-do.example/tasks/K6/', categories: ['kh-12'] },
      { uid: 'task-K9@tien-do.example', date: '2026-03-31', summary: 'K9' },
    ],
  });

  it('parses with a real iCalendar parser, with all-day dates and stable UIDs', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(['task-K6@tien-do.example', 'task-K9@tien-do.example']);
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[0]!.startDate.toString()).toBe('2025-09-30');
    expect(events[0]!.endDate.toString()).toBe('2025-10-01');
    expect(events[0]!.summary).toBe('K6: Kết nối cơ sở dữ liệu đất đai, giai đoạn 1');
    expect(events[0]!.description).toBe('Đơn vị: Văn phòng UBND tỉnh; quá hạn');
  });

  it('writes DTSTART;VALUE=DATE and CRLF line ends', () => {
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20250930\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});

describe('hostile values in a calendar', () => {
  it('cannot start a line of their own: CR, LF, CRLF and Unicode separators are escaped, control characters dropped', () => {
    const summary = 'K1\rEND:VEVENT\rBEGIN:VEVENT\nUID:evil\r\nSUMMARY:x\u2028DTSTART:1\u0000\u001b';
    const text = buildCalendar({ name: 'a\rMETHOD:CANCEL', prodId: '-//t//vi', stamp: '2025-10-01', events: [{ uid: 'task-K1@t', date: '2025-09-30', summary, description: summary }] });
    const lines = text.split(/\r\n|[\r\n\u2028]/);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.some((l) => /^(UID:evil|METHOD:CANCEL|DTSTART:1)$/.test(l))).toBe(false);
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(['task-K1@t']);
    expect(events[0]!.summary).toBe('K1\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\nSUMMARY:x\nDTSTART:1');
  });
});

describe('a calendar with no deadline', () => {
  it('still holds a component, as RFC 5545 requires: the time zone', () => {
    const text = buildCalendar({ name: 'Sở Nội vụ', prodId: '-//t//vi', stamp: '2025-10-01', events: [] });
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getAllSubcomponents().map((c) => c.name)).toEqual(['vtimezone']);
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(zone.getFirstPropertyValue('tzid')).toBe('Asia/Ho_Chi_Minh');
    expect(zone.getFirstSubcomponent('standard')!.getFirstPropertyValue('tzoffsetto')!.toString()).toBe('+07:00');
  });
});
