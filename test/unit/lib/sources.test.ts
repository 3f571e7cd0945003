import { describe, expect, it } from 'vitest';
import { hasAnySource, statusSource } from '../../../src/lib/sources.ts';

const link = { url: 'https://baocamau.vn/a.html', publisher: 'Báo Cà Mau' };
const other = { url: 'https://camau.gov.vn/b.html' };

describe(statusSource, () => {
  it('is the newest history entry with the current status and a source', () => {
    const task = {
      status: 'in-progress' as const,
      history: [
        { date: '2025-05-08', status: 'in-progress' as const, source: other },
        { date: '2025-09-18', status: 'in-progress' as const, source: '2025-09-18-phien-hop' },
      ],
    };
    expect(statusSource(task)).toEqual({ meeting: '2025-09-18-phien-hop' });
  });

  it('falls back to any history entry with a source, then to the task sources', () => {
    expect(statusSource({ status: 'completed', history: [{ date: '2025-05-08', status: 'in-progress', source: other }] })).toEqual({ link: other });
    expect(statusSource({ status: 'unknown', history: [{ date: '2025-05-08', status: 'unknown' }], sources: [link] })).toEqual({ link });
    expect(statusSource({ status: 'unknown' })).toBeUndefined();
  });
});

describe(hasAnySource, () => {
  it('is true for a source on the task or on any history entry', () => {
    expect(hasAnySource({ sources: [link] })).toBe(true);
    expect(hasAnySource({ history: [{ date: '2025-01-01', status: 'in-progress', source: 'm' }] })).toBe(true);
    expect(hasAnySource({ history: [{ date: '2025-01-01', status: 'in-progress' }], sources: [] })).toBe(false);
  });
});
