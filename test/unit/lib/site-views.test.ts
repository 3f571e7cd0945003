import { describe, expect, it } from 'vitest';
import { relatedMeetings } from '../../../src/lib/site-views.ts';
import { makeMeeting, makeModel } from './charts/model-factory.ts';

describe(relatedMeetings, () => {
  // Many meetings share a day, so that ties at the edge of the nearest ones are broken by id.
  const days = [0, 0, 0, 3, 5, 5, 5, 5, 9, 12, 12, 20, 21, 21, 21, 30];
  const meetings = days.flatMap((offset, i) => {
    const date = new Date(Date.UTC(2025, 5, 1 + offset)).toISOString().slice(0, 10);
    const level = i % 5 === 4 ? 'national' : 'province';
    const id = `m-${String.fromCharCode(112 - i)}`;
    return [makeMeeting({ date, level }, { id }), ...(i % 3 === 0 ? [] : [makeMeeting({ date, level }, { id, lang: 'en' })])];
  });
  const model = makeModel({ meetings });

  it('gives the nearest meetings of the same level in the language, ties by id, as sorting them all would', () => {
    for (const meeting of model.meetings) {
      for (const lang of ['vi', 'en']) {
        for (const limit of [1, 3, 5]) {
          const day = Date.parse(meeting.day);
          const expected = model.meetings
            .filter((m) => m.id !== meeting.id && m.level === meeting.level && m.langs.includes(lang))
            .sort((a, b) => Math.abs(Date.parse(a.day) - day) - Math.abs(Date.parse(b.day) - day) || (a.id < b.id ? -1 : 1))
            .slice(0, limit)
            .map((m) => m.id);
          expect(relatedMeetings(model, meeting, lang, limit).map((m) => m.id)).toEqual(expected);
        }
      }
    }
  });

  it('never lists the meeting itself or another level', () => {
    const meeting = model.meetings.find((m) => m.level === 'national')!;
    const related = relatedMeetings(model, meeting, 'vi', 10);
    expect(related.length).toBeGreaterThan(0);
    expect(related.every((m) => m.level === 'national' && m.id !== meeting.id)).toBe(true);
  });
});
