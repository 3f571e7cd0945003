import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../src/lib/dates.ts';
import type { Period } from '../../../src/lib/dates.ts';
import {
  completionDate,
  computeProgrammeProgress,
  computeSeries,
  countTasks,
  deriveFlags,
  figuresOnAnyDate,
  existsOn,
  isCountedInPeriod,
  isLate,
  isOverdue,
  seriesDates,
  statusOn,
} from '../../../src/lib/progress.ts';
import { contractExampleTasks, dayOf2025, makeTask, randomTasks } from './factories.ts';

const q3 = parsePeriod('2025-Q3') as Period;
const y2025 = parsePeriod(2025) as Period;

describe(existsOn, () => {
  it('exists from its assigned date on', () => {
    const task = makeTask({ assigned: '2025-03-01' });
    expect(existsOn(task, '2025-02-28')).toBe(false);
    expect(existsOn(task, '2025-03-01')).toBe(true);
    expect(existsOn(task, '2025-03-02')).toBe(true);
  });

  it('always exists without an assigned date', () => {
    expect(existsOn(makeTask(), '1900-01-01')).toBe(true);
  });
});

describe(statusOn, () => {
  it('is null before the task is assigned', () => {
    expect(statusOn(makeTask({ assigned: '2025-03-01' }), '2025-02-28')).toBeNull();
    expect(statusOn(makeTask({ assigned: '2025-03-01' }), '2025-03-01')).toBe('in-progress');
  });

  it('is the current open status throughout for an open task without history', () => {
    expect(statusOn(makeTask({ status: 'not-started' }), '2025-01-01')).toBe('not-started');
    expect(statusOn(makeTask({ status: 'in-progress' }), '2030-01-01')).toBe('in-progress');
  });

  it('is completed from the completed date and open before it', () => {
    const task = makeTask({ status: 'completed', completed: '2025-06-10' });
    expect(statusOn(task, '2025-06-09')).toBe('in-progress');
    expect(statusOn(task, '2025-06-10')).toBe('completed');
    expect(statusOn(task, '2025-12-31')).toBe('completed');
  });

  const history = makeTask({
    status: 'completed',
    completed: '2025-08-01',
    history: [
      { date: '2025-03-01', status: 'not-started' },
      { date: '2025-05-01', status: 'in-progress' },
      { date: '2025-08-01', status: 'completed' },
    ],
  });

  it('takes the last history entry dated on or before the date', () => {
    expect(statusOn(history, '2025-04-30')).toBe('not-started');
    expect(statusOn(history, '2025-07-31')).toBe('in-progress');
  });

  it('takes an entry dated on the date itself', () => {
    expect(statusOn(history, '2025-03-01')).toBe('not-started');
    expect(statusOn(history, '2025-05-01')).toBe('in-progress');
    expect(statusOn(history, '2025-08-01')).toBe('completed');
  });

  it('falls back to the completed rule before the history begins', () => {
    expect(statusOn(history, '2025-02-28')).toBe('in-progress');
    const startsLate = makeTask({ status: 'not-started', history: [{ date: '2025-05-01', status: 'not-started' }] });
    expect(statusOn(startsLate, '2025-04-01')).toBe('not-started');
  });

  it('uses the history where it disagrees with the completed date', () => {
    // Reopened after completion, then completed again: the history governs where it reaches.
    const reopened = makeTask({
      status: 'completed',
      completed: '2025-09-01',
      history: [
        { date: '2025-02-01', status: 'in-progress' },
        { date: '2025-04-01', status: 'completed' },
        { date: '2025-05-01', status: 'in-progress' },
        { date: '2025-09-01', status: 'completed' },
      ],
    });
    expect(statusOn(reopened, '2025-04-15')).toBe('completed');
    expect(statusOn(reopened, '2025-06-01')).toBe('in-progress');
    expect(statusOn(reopened, '2025-09-01')).toBe('completed');
  });

  it('reads the completed date as the last history entry when the history never records the completion', () => {
    const task = makeTask({
      status: 'completed',
      completed: '2025-07-20',
      history: [
        { date: '2025-03-01', status: 'not-started' },
        { date: '2025-05-01', status: 'in-progress' },
      ],
    });
    expect(statusOn(task, '2025-07-19')).toBe('in-progress');
    expect(statusOn(task, '2025-07-20')).toBe('completed');
  });

  it('lets the last of several entries on one date win, whatever order the dates were written in', () => {
    const sameDay = makeTask({
      status: 'in-progress',
      history: [
        { date: '2025-05-01', status: 'not-started' },
        { date: '2025-05-01', status: 'in-progress' },
      ],
    });
    expect(statusOn(sameDay, '2025-05-01')).toBe('in-progress');
    const unsorted = makeTask({
      status: 'in-progress',
      history: [
        { date: '2025-06-01', status: 'in-progress' },
        { date: '2025-02-01', status: 'not-started' },
      ],
    });
    expect(statusOn(unsorted, '2025-03-01')).toBe('not-started');
    expect(statusOn(unsorted, '2025-06-01')).toBe('in-progress');
  });

  it('is cancelled throughout for a cancelled task without history', () => {
    const task = makeTask({ status: 'cancelled', assigned: '2025-01-01' });
    expect(statusOn(task, '2024-12-31')).toBeNull();
    expect(statusOn(task, '2025-01-01')).toBe('cancelled');
    expect(statusOn(task, '2025-12-31')).toBe('cancelled');
  });

  it('is cancelled from the history entry that cancels it', () => {
    const task = makeTask({
      status: 'cancelled',
      history: [
        { date: '2025-02-01', status: 'in-progress' },
        { date: '2025-06-01', status: 'cancelled' },
      ],
    });
    expect(statusOn(task, '2025-01-15')).toBe('in-progress');
    expect(statusOn(task, '2025-05-31')).toBe('in-progress');
    expect(statusOn(task, '2025-06-01')).toBe('cancelled');
  });

  it('is cancelled throughout when the history never dates the cancellation', () => {
    const task = makeTask({ status: 'cancelled', history: [{ date: '2025-02-01', status: 'in-progress' }] });
    expect(statusOn(task, '2025-03-01')).toBe('cancelled');
  });
});

describe(completionDate, () => {
  it('is the completed date, else the first completion in the history', () => {
    expect(completionDate(makeTask({ status: 'completed', completed: '2025-06-10' }))).toBe('2025-06-10');
    const fromHistory = makeTask({
      status: 'completed',
      history: [
        { date: '2025-02-01', status: 'in-progress' },
        { date: '2025-04-01', status: 'completed' },
      ],
    });
    expect(completionDate(fromHistory)).toBe('2025-04-01');
    expect(completionDate(makeTask())).toBeUndefined();
  });
});

describe(isOverdue, () => {
  const task = makeTask({ deadline: '2025-06-30' });

  it('is not overdue on the deadline, and overdue the day after', () => {
    expect(isOverdue(task, '2025-06-29')).toBe(false);
    expect(isOverdue(task, '2025-06-30')).toBe(false);
    expect(isOverdue(task, '2025-07-01')).toBe(true);
  });

  it('applies to not-started tasks too', () => {
    expect(isOverdue(makeTask({ status: 'not-started', deadline: '2025-06-30' }), '2025-07-01')).toBe(true);
  });

  it('is never overdue without a deadline', () => {
    expect(isOverdue(makeTask(), '2099-12-31')).toBe(false);
  });

  it('is not overdue once completed or cancelled', () => {
    const done = makeTask({ status: 'completed', completed: '2025-07-10', deadline: '2025-06-30' });
    expect(isOverdue(done, '2025-07-09')).toBe(true);
    expect(isOverdue(done, '2025-07-10')).toBe(false);
    expect(isOverdue(makeTask({ status: 'cancelled', deadline: '2025-06-30' }), '2025-07-01')).toBe(false);
  });

  it('is not overdue before the task exists', () => {
    expect(isOverdue(makeTask({ assigned: '2025-08-01', deadline: '2025-06-30' }), '2025-07-15')).toBe(false);
  });
});

describe(isLate, () => {
  it('is not late when completed on the deadline, and late the day after', () => {
    expect(isLate(makeTask({ status: 'completed', completed: '2025-06-30', deadline: '2025-06-30' }))).toBe(false);
    expect(isLate(makeTask({ status: 'completed', completed: '2025-07-01', deadline: '2025-06-30' }))).toBe(true);
  });

  it('is never late without a deadline or before completion', () => {
    expect(isLate(makeTask({ status: 'completed', completed: '2025-07-01' }))).toBe(false);
    expect(isLate(makeTask({ status: 'in-progress', deadline: '2025-06-30' }))).toBe(false);
  });

  it('uses the history when there is no completed date', () => {
    const task = makeTask({ status: 'completed', deadline: '2025-03-31', history: [{ date: '2025-04-02', status: 'completed' }] });
    expect(isLate(task)).toBe(true);
  });
});

describe(deriveFlags, () => {
  it('marks an open task within its deadline on schedule', () => {
    expect(deriveFlags(makeTask({ deadline: '2025-06-30' }), '2025-06-30')).toEqual({ overdue: false, late: false, on_schedule: true });
    expect(deriveFlags(makeTask(), '2025-06-30')).toEqual({ overdue: false, late: false, on_schedule: true });
  });

  it('marks an open task past its deadline overdue and not on schedule', () => {
    expect(deriveFlags(makeTask({ deadline: '2025-06-30' }), '2025-07-01')).toEqual({ overdue: true, late: false, on_schedule: false });
  });

  it('marks a task completed after its deadline late, once it is completed', () => {
    const task = makeTask({ status: 'completed', completed: '2025-07-05', deadline: '2025-06-30' });
    expect(deriveFlags(task, '2025-07-10')).toEqual({ overdue: false, late: true, on_schedule: false });
    expect(deriveFlags(task, '2025-07-02')).toEqual({ overdue: true, late: false, on_schedule: false });
  });

  it('sets nothing for a cancelled task or one not yet assigned', () => {
    const none = { overdue: false, late: false, on_schedule: false };
    expect(deriveFlags(makeTask({ status: 'cancelled', deadline: '2025-06-30' }), '2025-07-01')).toEqual(none);
    expect(deriveFlags(makeTask({ assigned: '2025-08-01', deadline: '2025-06-30' }), '2025-07-01')).toEqual(none);
  });
});

describe(isCountedInPeriod, () => {
  it('counts every task cumulatively and only tasks due in a year or quarter otherwise', () => {
    expect(isCountedInPeriod(makeTask(), { kind: 'cumulative' })).toBe(true);
    expect(isCountedInPeriod(makeTask(), y2025)).toBe(false);
    expect(isCountedInPeriod(makeTask({ deadline: '2025-07-01' }), q3)).toBe(true);
    expect(isCountedInPeriod(makeTask({ deadline: '2025-10-01' }), q3)).toBe(false);
  });
});

describe(countTasks, () => {
  const zero = { total: 0, completed: 0, on_schedule: 0, overdue: 0, unknown: 0, cancelled: 0, late: 0 };

  it('counts nothing in an empty registry', () => {
    expect(countTasks([], '2025-10-01')).toEqual(zero);
  });

  it('reproduces the progress.json example of the contract', () => {
    const tasks = contractExampleTasks();
    expect(countTasks(tasks, '2025-10-01', { programme: 'kh-12' })).toEqual({
      total: 11,
      completed: 4,
      on_schedule: 5,
      overdue: 2,
      unknown: 0,
      cancelled: 1,
      late: 1,
    });
    expect(countTasks(tasks, '2025-09-25', { programme: 'kh-12' })).toEqual({
      total: 11,
      completed: 3,
      on_schedule: 7,
      overdue: 1,
      unknown: 0,
      cancelled: 1,
      late: 1,
    });
    expect(countTasks(tasks, '2025-06-15', { programme: 'kh-12' })).toEqual({
      total: 10,
      completed: 2,
      on_schedule: 8,
      overdue: 0,
      unknown: 0,
      cancelled: 1,
      late: 0,
    });
  });

  it('counts every programme when none is given', () => {
    expect(countTasks(contractExampleTasks(), '2025-10-01')).toEqual({
      total: 12,
      completed: 4,
      on_schedule: 5,
      overdue: 3,
      unknown: 0,
      cancelled: 1,
      late: 1,
    });
  });

  it('keeps total equal to completed + on schedule + overdue on every date', () => {
    const tasks = contractExampleTasks();
    for (const d of ['2025-01-01', '2025-03-10', '2025-06-15', '2025-08-15', '2025-09-30', '2025-10-01', '2026-06-01']) {
      const c = countTasks(tasks, d);
      expect(c.total, d).toBe(c.completed + c.on_schedule + c.overdue + c.unknown);
    }
  });

  it('counts a task assigned on the date and not one assigned the day after', () => {
    const tasks = [makeTask({ id: 'a', assigned: '2025-05-01' }), makeTask({ id: 'b', assigned: '2025-05-02' })];
    expect(countTasks(tasks, '2025-05-01')).toEqual({ ...zero, total: 1, on_schedule: 1 });
    expect(countTasks(tasks, '2025-05-02')).toEqual({ ...zero, total: 2, on_schedule: 2 });
  });

  it('counts overdue from the day after the deadline', () => {
    const tasks = [makeTask({ deadline: '2025-06-30' })];
    expect(countTasks(tasks, '2025-06-30')).toEqual({ ...zero, total: 1, on_schedule: 1 });
    expect(countTasks(tasks, '2025-07-01')).toEqual({ ...zero, total: 1, overdue: 1 });
  });

  it('counts late only among tasks completed by the date, and not those completed on the deadline', () => {
    const tasks = [
      makeTask({ id: 'on-time', status: 'completed', completed: '2025-06-30', deadline: '2025-06-30' }),
      makeTask({ id: 'late', status: 'completed', completed: '2025-07-01', deadline: '2025-06-30' }),
    ];
    expect(countTasks(tasks, '2025-06-30')).toEqual({ ...zero, total: 2, completed: 1, overdue: 0, on_schedule: 1 });
    expect(countTasks(tasks, '2025-07-01')).toEqual({ ...zero, total: 2, completed: 2, late: 1 });
  });

  it('counts cancelled tasks apart, with or without history', () => {
    const tasks = [
      makeTask({ id: 'open', deadline: '2025-12-31' }),
      makeTask({ id: 'cancelled', status: 'cancelled', deadline: '2025-03-31' }),
      makeTask({
        id: 'cancelled-later',
        status: 'cancelled',
        deadline: '2025-03-31',
        history: [
          { date: '2025-01-10', status: 'in-progress' },
          { date: '2025-05-01', status: 'cancelled' },
        ],
      }),
    ];
    expect(countTasks(tasks, '2025-04-15')).toEqual({ ...zero, total: 2, on_schedule: 1, overdue: 1, cancelled: 1 });
    expect(countTasks(tasks, '2025-05-01')).toEqual({ ...zero, total: 1, on_schedule: 1, cancelled: 2 });
  });

  it('counts only tasks whose deadline falls in a quarter', () => {
    const tasks = [
      makeTask({ id: 'before', deadline: '2025-06-30' }),
      makeTask({ id: 'first', deadline: '2025-07-01' }),
      makeTask({ id: 'last', status: 'completed', completed: '2025-09-01', deadline: '2025-09-30' }),
      makeTask({ id: 'after', deadline: '2025-10-01' }),
      makeTask({ id: 'none' }),
    ];
    expect(countTasks(tasks, '2025-09-15', { period: q3 })).toEqual({ ...zero, total: 2, completed: 1, on_schedule: 0, overdue: 1 });
    expect(countTasks(tasks, '2025-09-15', { period: { kind: 'cumulative' } })).toEqual({
      ...zero,
      total: 5,
      completed: 1,
      on_schedule: 2,
      overdue: 2,
    });
  });

  it('counts only tasks whose deadline falls in a year', () => {
    const tasks = [
      makeTask({ id: 'before', deadline: '2024-12-31' }),
      makeTask({ id: 'first', deadline: '2025-01-01' }),
      makeTask({ id: 'last', deadline: '2025-12-31' }),
      makeTask({ id: 'after', deadline: '2026-01-01' }),
      makeTask({ id: 'none' }),
      makeTask({ id: 'cancelled', status: 'cancelled', deadline: '2025-05-01' }),
    ];
    expect(countTasks(tasks, '2025-06-01', { period: y2025 })).toEqual({ ...zero, total: 2, on_schedule: 1, overdue: 1, cancelled: 1 });
  });

  it('combines programme and period', () => {
    const tasks = contractExampleTasks();
    // kh-12 tasks due in Q3 2025: C (completed late), E and F (overdue on 2025-10-01), L (cancelled).
    expect(countTasks(tasks, '2025-10-01', { programme: 'kh-12', period: q3 })).toEqual({
      total: 3,
      completed: 1,
      on_schedule: 0,
      overdue: 2,
      unknown: 0,
      cancelled: 1,
      late: 1,
    });
  });
});

describe(seriesDates, () => {
  it('sorts meeting dates, reported dates and the as-of date, once each', () => {
    expect(seriesDates(['2025-09-25', '2025-06-15', '2025-09-25'], ['2025-06-10', '2025-06-15'], '2025-10-01')).toEqual([
      '2025-06-10',
      '2025-06-15',
      '2025-09-25',
      '2025-10-01',
    ]);
    expect(seriesDates([], [], '2025-10-01')).toEqual(['2025-10-01']);
  });
});

describe(figuresOnAnyDate, () => {
  it('gives the same figures as counting the tasks on each date, for the whole programme, a year and a quarter', () => {
    const { tasks, next } = randomTasks(400, 13);
    // Before the first task, through the year and after it.
    const dates = Array.from({ length: 300 }, () => dayOf2025(next(400) - 30));
    const figures = (counts: { total: number; completed: number; on_schedule: number; overdue: number; unknown: number }) => {
      const { total, completed, on_schedule, overdue, unknown } = counts;
      return { total, completed, on_schedule, overdue, unknown };
    };
    const totals = new Set<number>();
    for (const written of [undefined, 2025, '2025-Q3']) {
      const period = parsePeriod(written)!;
      const on = figuresOnAnyDate(tasks, 'p', period);
      for (const date of dates) expect(figures(on(date)), `${date}, period ${written}`).toEqual(figures(countTasks(tasks, date, { programme: 'p', period })));
      totals.add(on('2025-12-31').total);
      expect(figuresOnAnyDate(tasks, 'other', period)('2025-06-30').total).toBe(0);
    }
    // The three periods count different tasks.
    expect(totals.size).toBe(3);
  });
});

describe(computeSeries, () => {
  it('gives the cumulative counts of one programme at each date', () => {
    expect(computeSeries(contractExampleTasks(), 'kh-12', ['2025-01-01', '2025-06-15', '2025-09-25', '2025-10-01'])).toEqual([
      { date: '2025-01-01', total: 0, completed: 0, on_schedule: 0, overdue: 0, unknown: 0 },
      { date: '2025-06-15', total: 10, completed: 2, on_schedule: 8, overdue: 0, unknown: 0 },
      { date: '2025-09-25', total: 11, completed: 3, on_schedule: 7, overdue: 1, unknown: 0 },
      { date: '2025-10-01', total: 11, completed: 4, on_schedule: 5, overdue: 2, unknown: 0 },
    ]);
  });

  it('gives the same figures as counting the tasks on each date, in the order the dates are given', () => {
    const { tasks, next } = randomTasks(400, 11);
    // Every day of the tasks' span and beyond, shuffled and with repeats.
    const dates = Array.from({ length: 500 }, () => dayOf2025(next(330) - 15));
    const series = computeSeries(tasks, 'p', dates);
    expect(series.map((point) => point.date)).toEqual(dates);
    expect(series).toEqual(
      dates.map((date) => {
        const { total, completed, on_schedule, overdue, unknown } = countTasks(tasks, date, { programme: 'p' });
        return { date, total, completed, on_schedule, overdue, unknown };
      }),
    );
    // The random registry must move through every state.
    expect(series.some((p) => p.overdue > 0 && p.completed > 0 && p.on_schedule > 0 && p.unknown > 0)).toBe(true);
    expect(computeSeries(tasks, 'other', dates).every((p) => p.total === 0)).toBe(true);
  });
});

describe(computeProgrammeProgress, () => {
  it('gives counts as of the as-of date and a series for each programme, in the order given', () => {
    const dates = seriesDates(['2025-06-15'], [], '2025-10-01');
    const progress = computeProgrammeProgress(contractExampleTasks(), ['nq-57', 'kh-12', 'empty'], '2025-10-01', dates);
    expect(Object.keys(progress)).toEqual(['nq-57', 'kh-12', 'empty']);
    expect(progress['kh-12']).toEqual({
      counts: { total: 11, completed: 4, on_schedule: 5, overdue: 2, unknown: 0, cancelled: 1, late: 1 },
      series: [
        { date: '2025-06-15', total: 10, completed: 2, on_schedule: 8, overdue: 0, unknown: 0 },
        { date: '2025-10-01', total: 11, completed: 4, on_schedule: 5, overdue: 2, unknown: 0 },
      ],
    });
    expect(progress['nq-57']?.counts).toEqual({ total: 1, completed: 0, on_schedule: 0, overdue: 1, unknown: 0, cancelled: 0, late: 0 });
    expect(progress['empty']).toEqual({
      counts: { total: 0, completed: 0, on_schedule: 0, overdue: 0, unknown: 0, cancelled: 0, late: 0 },
      series: [
        { date: '2025-06-15', total: 0, completed: 0, on_schedule: 0, overdue: 0, unknown: 0 },
        { date: '2025-10-01', total: 0, completed: 0, on_schedule: 0, overdue: 0, unknown: 0 },
      ],
    });
  });
});

describe('a task whose status no source reports (unknown)', () => {
  // Worked by hand, as of 2025-10-01:
  //   U1 unknown, deadline 2025-03-31 (passed)      → unknown, not overdue
  //   U2 unknown, no deadline                       → unknown
  //   U3 unknown until 2025-09-18, then in progress → on schedule (deadline 2025-12-31)
  //   C1 completed 2025-05-01                       → completed
  //   X1 cancelled                                  → counted apart
  //   O1 not started, deadline 2025-06-30           → overdue
  const tasks = [
    makeTask({ id: 'U1', status: 'unknown', deadline: '2025-03-31' }),
    makeTask({ id: 'U2', status: 'unknown' }),
    makeTask({ id: 'U3', status: 'in-progress', deadline: '2025-12-31', history: [{ date: '2025-01-10', status: 'unknown' }, { date: '2025-09-18', status: 'in-progress' }] }),
    makeTask({ id: 'C1', status: 'completed', completed: '2025-05-01' }),
    makeTask({ id: 'X1', status: 'cancelled' }),
    makeTask({ id: 'O1', status: 'not-started', deadline: '2025-06-30' }),
  ];

  it('is never overdue or on schedule, whatever its deadline', () => {
    expect(statusOn(tasks[0]!, '2025-10-01')).toBe('unknown');
    expect(isOverdue(tasks[0]!, '2025-10-01')).toBe(false);
    expect(deriveFlags(tasks[0]!, '2025-10-01')).toEqual({ overdue: false, late: false, on_schedule: false });
  });

  it('is unknown before its history begins, and takes the history from then on', () => {
    expect(statusOn(tasks[1]!, '2024-01-01')).toBe('unknown');
    expect(statusOn(tasks[2]!, '2025-09-17')).toBe('unknown');
    expect(statusOn(tasks[2]!, '2025-09-18')).toBe('in-progress');
  });

  it('is counted as unknown and in the total: total = completed + on schedule + overdue + unknown', () => {
    expect(countTasks(tasks, '2025-10-01')).toEqual({ total: 5, completed: 1, on_schedule: 1, overdue: 1, unknown: 2, cancelled: 1, late: 0 });
    expect(countTasks(tasks, '2025-09-01')).toEqual({ total: 5, completed: 1, on_schedule: 0, overdue: 1, unknown: 3, cancelled: 1, late: 0 });
  });

  it('is counted as unknown in the series too', () => {
    expect(computeSeries(tasks, 'p', ['2025-09-01', '2025-10-01'])).toEqual([
      { date: '2025-09-01', total: 5, completed: 1, on_schedule: 0, overdue: 1, unknown: 3 },
      { date: '2025-10-01', total: 5, completed: 1, on_schedule: 1, overdue: 1, unknown: 2 },
    ]);
  });
});
