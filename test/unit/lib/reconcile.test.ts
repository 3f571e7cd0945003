import { describe, expect, it } from 'vitest';
import {
  checkFigureArithmetic,
  normaliseFigure,
  percentOf,
  percentTolerance,
  reconcileFigure,
  statedDecimals,
} from '../../../src/lib/reconcile.ts';
import { contractExampleTasks, makeFigure, makeTask } from './factories.ts';

describe(normaliseFigure, () => {
  it('fills in scope, period and as-of date', () => {
    expect(normaliseFigure(makeFigure({ completed: 3 }), '2025-09-25', 'can-tho')).toEqual({
      programme: 'p',
      scope: 'can-tho',
      period: 'cumulative',
      as_of: '2025-09-25',
      figures: { completed: 3 },
    });
  });

  it('keeps what the meeting gave and lists stated figures in a fixed order', () => {
    const fig = makeFigure({
      scope: 'national',
      period: 2025,
      as_of: '2025-09-20',
      percent_completed: 43,
      overdue: 10,
      total: 1132,
      completed: 485,
    });
    const normalised = normaliseFigure(fig, '2025-09-25', 'can-tho');
    expect(normalised).toEqual({
      programme: 'p',
      scope: 'national',
      period: '2025',
      as_of: '2025-09-20',
      figures: { total: 1132, completed: 485, overdue: 10, percent_completed: 43 },
    });
    expect(Object.keys(normalised.figures)).toEqual(['total', 'completed', 'overdue', 'percent_completed']);
  });

  it('writes quarters as keys and takes the local date of a meeting date-time', () => {
    expect(normaliseFigure(makeFigure({ period: '2025-Q3', total: 1 }), '2025-09-18T23:30:00Z', 'x')).toMatchObject({
      period: '2025-Q3',
      as_of: '2025-09-19',
    });
  });
});

describe(reconcileFigure, () => {
  const tasks = contractExampleTasks();

  it('agrees when every stated count matches the registry', () => {
    const fig = makeFigure({ programme: 'kh-12', total: 11, completed: 3, overdue: 1 });
    expect(reconcileFigure(fig, '2025-09-25', tasks, 'can-tho')).toEqual({
      programme: 'kh-12',
      scope: 'can-tho',
      period: 'cumulative',
      as_of: '2025-09-25',
      figures: { total: 11, completed: 3, overdue: 1 },
      registry: { total: 11, completed: 3, on_schedule: 7, overdue: 1 },
      comparable: true,
      agrees: true,
      differences: [],
    });
  });

  it('lists the counts that differ, as in the contract example', () => {
    const fig = makeFigure({ programme: 'kh-12', scope: 'can-tho', total: 11, completed: 4, overdue: 1, percent_completed: 36.36 });
    expect(reconcileFigure(fig, '2025-09-25', tasks, 'can-tho')).toEqual({
      programme: 'kh-12',
      scope: 'can-tho',
      period: 'cumulative',
      as_of: '2025-09-25',
      figures: { total: 11, completed: 4, overdue: 1, percent_completed: 36.36 },
      registry: { total: 11, completed: 3, on_schedule: 7, overdue: 1 },
      comparable: true,
      agrees: false,
      differences: [{ field: 'completed', reported: 4, registry: 3 }],
    });
  });

  it('lists every differing count in field order', () => {
    const fig = makeFigure({ programme: 'kh-12', total: 12, completed: 4, on_schedule: 5, overdue: 2 });
    expect(reconcileFigure(fig, '2025-09-25', tasks, 'can-tho').differences).toEqual([
      { field: 'total', reported: 12, registry: 11 },
      { field: 'completed', reported: 4, registry: 3 },
      { field: 'on_schedule', reported: 5, registry: 7 },
      { field: 'overdue', reported: 2, registry: 1 },
    ]);
  });

  it('counts each list of tasks on its own, however many figures of one date it compares', () => {
    const fig = makeFigure({ programme: 'kh-12', total: 11 });
    expect(reconcileFigure(fig, '2025-09-25', tasks, 'can-tho').registry?.total).toBe(11);
    const fewer = tasks.filter((task) => task.id !== tasks.find((t) => t.programme === 'kh-12')!.id);
    expect(reconcileFigure(fig, '2025-09-25', fewer, 'can-tho').registry?.total).toBeLessThan(11);
    expect(reconcileFigure(fig, '2025-09-25', tasks, 'can-tho').registry?.total).toBe(11);
  });

  it('compares only stated counts, never the percentage', () => {
    // No total stated, and a percentage that the registry would not give: still agrees.
    const fig = makeFigure({ programme: 'kh-12', completed: 3, percent_completed: 99 });
    const result = reconcileFigure(fig, '2025-09-25', tasks, 'can-tho');
    expect(result.agrees).toBe(true);
    expect(result.differences).toEqual([]);
  });

  it('counts as of the figure as-of date rather than the meeting date', () => {
    const fig = makeFigure({ programme: 'kh-12', as_of: '2025-06-15', total: 10, completed: 2, on_schedule: 8, overdue: 0 });
    const result = reconcileFigure(fig, '2025-09-25', tasks, 'can-tho');
    expect(result.registry).toEqual({ total: 10, completed: 2, on_schedule: 8, overdue: 0 });
    expect(result.agrees).toBe(true);
  });

  it('counts only tasks due in the figure period', () => {
    const fig = makeFigure({ programme: 'kh-12', period: '2025-Q3', total: 3, completed: 1, overdue: 2 });
    const result = reconcileFigure(fig, '2025-10-01', tasks, 'can-tho');
    expect(result.registry).toEqual({ total: 3, completed: 1, on_schedule: 0, overdue: 2 });
    expect(result.agrees).toBe(true);
  });

  it('does not compare a figure of another scope', () => {
    const fig = makeFigure({ programme: 'kh-12', scope: 'national', total: 1132, completed: 485, percent_completed: 43 });
    expect(reconcileFigure(fig, '2025-09-25', tasks, 'can-tho')).toEqual({
      programme: 'kh-12',
      scope: 'national',
      period: 'cumulative',
      as_of: '2025-09-25',
      figures: { total: 1132, completed: 485, percent_completed: 43 },
      registry: null,
      comparable: false,
      reason: 'other-scope',
      agrees: null,
      differences: [],
    });
  });

  it('does not compare a figure with a partial registry, whose counts are of its published tasks only', () => {
    // 66 of 123 reported; the registry names 11 of the programme's tasks, 3 of them completed on the day.
    const fig = makeFigure({ programme: 'kh-12', total: 123, completed: 66, percent_completed: 53.66 });
    expect(reconcileFigure(fig, '2025-09-25', tasks, 'can-tho', 'partial')).toEqual({
      programme: 'kh-12',
      scope: 'can-tho',
      period: 'cumulative',
      as_of: '2025-09-25',
      figures: { total: 123, completed: 66, percent_completed: 53.66 },
      registry: { total: 11, completed: 3, on_schedule: 7, overdue: 1 },
      comparable: false,
      reason: 'partial-registry',
      agrees: null,
      differences: [],
    });
    // The same figure against the same registry taken as complete would differ.
    expect(reconcileFigure(fig, '2025-09-25', tasks, 'can-tho', 'complete')).toMatchObject({ comparable: true, agrees: false });
  });

  it('does not compare a figure whose period is malformed', () => {
    const result = reconcileFigure(makeFigure({ period: '2025-Q9', total: 1 }), '2025-09-25', [makeTask()], 'x');
    expect(result).toMatchObject({ period: '2025-Q9', registry: null, comparable: false, reason: 'invalid-period', agrees: null, differences: [] });
  });
});

describe(statedDecimals, () => {
  it('counts the decimals of the shortest written form', () => {
    expect(statedDecimals(43)).toBe(0);
    expect(statedDecimals(58.5)).toBe(1);
    expect(statedDecimals(53.66)).toBe(2);
    expect(statedDecimals(0.125)).toBe(3);
    expect(statedDecimals(1e-7)).toBe(7);
  });
});

describe(percentTolerance, () => {
  it('is half a unit of the last stated decimal', () => {
    expect(percentTolerance(43)).toBe(0.5);
    expect(percentTolerance(58.5)).toBe(0.05);
    expect(percentTolerance(53.66)).toBe(0.005);
  });
});

describe(percentOf, () => {
  it('is the share to two decimals, and none of a total of 0', () => {
    expect(percentOf(3, 11)).toBe(27.27);
    expect(percentOf(66, 123)).toBe(53.66);
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe(checkFigureArithmetic, () => {
  it('accepts a percentage within the precision it was stated in', () => {
    // 66 / 123 = 53.6585…%
    for (const stated of [53.66, 53.7, 54]) {
      expect(checkFigureArithmetic({ total: 123, completed: 66, percent_completed: stated }), String(stated)).toEqual([]);
    }
    // 485 / 1132 = 42.84…%; 38 / 65 = 58.4615…%; 4 / 11 = 36.3636…%
    expect(checkFigureArithmetic({ total: 1132, completed: 485, percent_completed: 43 })).toEqual([]);
    expect(checkFigureArithmetic({ total: 65, completed: 38, percent_completed: 58.46 })).toEqual([]);
    expect(checkFigureArithmetic({ total: 11, completed: 4, percent_completed: 36.36 })).toEqual([]);
    expect(checkFigureArithmetic({ total: 8, completed: 1, percent_completed: 12.5 })).toEqual([]);
  });

  it('reports a percentage outside that precision', () => {
    expect(checkFigureArithmetic({ total: 123, completed: 66, percent_completed: 53.6 })).toEqual([
      { field: 'percent_completed', code: 'percentMismatch', params: { stated: 53.6, computed: 53.6585, tolerance: 0.05 } },
    ]);
    expect(checkFigureArithmetic({ total: 123, completed: 66, percent_completed: 53.65 })).toEqual([
      { field: 'percent_completed', code: 'percentMismatch', params: { stated: 53.65, computed: 53.6585, tolerance: 0.005 } },
    ]);
    expect(checkFigureArithmetic({ total: 1132, completed: 485, percent_completed: 42 })).toEqual([
      { field: 'percent_completed', code: 'percentMismatch', params: { stated: 42, computed: 42.8445, tolerance: 0.5 } },
    ]);
    expect(checkFigureArithmetic({ total: 65, completed: 38, percent_completed: 58.5 })).toEqual([]);
    expect(checkFigureArithmetic({ total: 65, completed: 38, percent_completed: 58.47 })).toHaveLength(1);
  });

  it('uses the sum of the parts when the total is absent', () => {
    // 3 / (3 + 7 + 1) = 27.27…%
    expect(checkFigureArithmetic({ completed: 3, on_schedule: 7, overdue: 1, percent_completed: 27.27 })).toEqual([]);
    expect(checkFigureArithmetic({ completed: 3, on_schedule: 7, overdue: 1, percent_completed: 30 })).toEqual([
      { field: 'percent_completed', code: 'percentMismatch', params: { stated: 30, computed: 27.2727, tolerance: 0.5 } },
    ]);
  });

  it('cannot check a percentage without the completed count', () => {
    expect(checkFigureArithmetic({ total: 100, percent_completed: 12 })).toEqual([]);
    expect(checkFigureArithmetic({ percent_completed: 12 })).toEqual([]);
  });

  it('computes 0% for a total of 0', () => {
    expect(checkFigureArithmetic({ total: 0, completed: 0, percent_completed: 0 })).toEqual([]);
    expect(checkFigureArithmetic({ total: 0, completed: 0, percent_completed: 100 })).toEqual([
      { field: 'percent_completed', code: 'percentMismatch', params: { stated: 100, computed: 0, tolerance: 0.5 } },
    ]);
  });

  it('reports each part above the total', () => {
    expect(checkFigureArithmetic({ total: 10, completed: 12, overdue: 11 })).toEqual([
      { field: 'completed', code: 'partExceedsTotal', params: { part: 'completed', value: 12, total: 10 } },
      { field: 'overdue', code: 'partExceedsTotal', params: { part: 'overdue', value: 11, total: 10 } },
    ]);
  });

  it('reports parts that together exceed the total', () => {
    expect(checkFigureArithmetic({ total: 11, completed: 4, on_schedule: 7, overdue: 1 })).toEqual([
      { field: 'total', code: 'partsExceedTotal', params: { sum: 12, total: 11 } },
    ]);
  });

  it('accepts parts that add up to the total or less', () => {
    expect(checkFigureArithmetic({ total: 11, completed: 4, on_schedule: 5, overdue: 2 })).toEqual([]);
    expect(checkFigureArithmetic({ total: 11, completed: 4, overdue: 1 })).toEqual([]);
    expect(checkFigureArithmetic({ total: 11, completed: 11 })).toEqual([]);
    expect(checkFigureArithmetic({ completed: 4, on_schedule: 5 })).toEqual([]);
  });
});
