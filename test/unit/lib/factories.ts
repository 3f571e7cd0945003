import type { HistoryEntry, RegistryTask } from '../../../src/lib/progress.ts';
import type { ReportedFigure } from '../../../src/lib/reconcile.ts';

/** A registry task with sensible defaults: id `T-1`, programme `p`, status `in-progress`. */
export function makeTask(overrides: Partial<RegistryTask> = {}): RegistryTask {
  return { id: 'T-1', programme: 'p', status: 'in-progress', ...overrides };
}

/** A reported figure for programme `p` with nothing stated unless given. */
export function makeFigure(overrides: Partial<ReportedFigure> = {}): ReportedFigure {
  return { programme: 'p', ...overrides };
}

/**
 * Twelve tasks of programme `kh-12` (plus one of another programme) that reproduce the example in
 * CONTENT-FORMAT.md's progress.json. As of 2025-10-01: total 11, completed 4, on schedule 5,
 * overdue 2, cancelled 1, late 1. On 2025-09-25: total 11, completed 3, on schedule 7, overdue 1.
 * On 2025-06-15: total 10, completed 2, on schedule 8, overdue 0.
 */
export function contractExampleTasks(): RegistryTask[] {
  const kh = (id: string, rest: Partial<RegistryTask>) => makeTask({ id, programme: 'kh-12', assigned: '2025-01-15', ...rest });
  return [
    // Completed well before its deadline.
    kh('A', { status: 'completed', completed: '2025-03-10', deadline: '2025-06-30' }),
    // Completed on its deadline: not late.
    kh('B', { status: 'completed', completed: '2025-05-31', deadline: '2025-05-31' }),
    // Completed after its deadline: late; its history never records the completion.
    kh('C', { status: 'completed', completed: '2025-08-15', deadline: '2025-07-31', history: [{ date: '2025-02-01', status: 'in-progress' }] }),
    // Completed the day before the as-of date, with a full history.
    kh('D', {
      status: 'completed',
      completed: '2025-09-30',
      deadline: '2025-12-31',
      history: [
        { date: '2025-01-15', status: 'not-started' },
        { date: '2025-04-01', status: 'in-progress' },
        { date: '2025-09-30', status: 'completed' },
      ],
    }),
    // Deadline the day before the as-of date: overdue on 2025-10-01, on schedule on 2025-09-25.
    kh('E', { status: 'in-progress', deadline: '2025-09-30' }),
    // Overdue since 2025-09-16.
    kh('F', { status: 'not-started', deadline: '2025-09-15' }),
    kh('G', { status: 'in-progress', deadline: '2025-12-31' }),
    // No deadline: never overdue.
    kh('H', { status: 'not-started' }),
    // Deadline on the as-of date itself: not overdue.
    kh('I', { status: 'in-progress', deadline: '2025-10-01' }),
    // Assigned after 2025-06-15: not counted on that date.
    kh('J', { status: 'in-progress', assigned: '2025-07-01', deadline: '2026-03-31' }),
    kh('K', {
      status: 'in-progress',
      deadline: '2025-11-30',
      history: [
        { date: '2025-02-01', status: 'not-started' },
        { date: '2025-06-01', status: 'in-progress' },
      ],
    }),
    // Cancelled with no history: cancelled throughout, and counted apart although its deadline has passed.
    kh('L', { status: 'cancelled', deadline: '2025-08-31' }),
    // Another programme: never in kh-12's figures.
    makeTask({ id: 'M', programme: 'nq-57', status: 'not-started', deadline: '2025-03-31' }),
  ];
}

/** A day counted from 2025-01-01. */
export function dayOf2025(offset: number): string {
  return new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
}

/**
 * A registry of `count` tasks with every combination of assigned, deadline, completion and history
 * that the counting rules tell apart, drawn from a fixed seed so that a failure can be replayed.
 */
export function randomTasks<T = RegistryTask>(
  count: number,
  seed = 7,
  make: (fields: Omit<Partial<RegistryTask>, 'history'> & { history?: HistoryEntry[] }) => T = makeTask as (fields: Partial<RegistryTask>) => T,
): { tasks: T[]; next: (n: number) => number } {
  // mulberry32: 32-bit integer arithmetic throughout, so the sequence is exact and the same everywhere.
  const next = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), seed | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * n);
  };
  const statuses = ['not-started', 'in-progress', 'completed', 'cancelled', 'unknown'] as const;
  const tasks = Array.from({ length: count }, (_, i) => {
    const status = statuses[next(statuses.length)]!;
    const assigned = next(3) === 0 ? undefined : dayOf2025(next(200));
    const history = Array.from({ length: next(3) }, () => ({ date: dayOf2025(next(300)), status: statuses[next(statuses.length)]! })).sort((a, b) => (a.date < b.date ? -1 : 1));
    return make({
      id: `T-${String(i).padStart(3, '0')}`,
      status,
      ...(assigned && { assigned }),
      ...(next(4) > 0 && { deadline: dayOf2025(next(300)) }),
      ...(status === 'completed' && next(2) === 0 && { completed: dayOf2025(next(300)) }),
      ...(history.length > 0 && { history }),
    });
  });
  return { tasks, next };
}
