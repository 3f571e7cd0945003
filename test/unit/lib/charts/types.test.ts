import { describe, expect, it } from 'vitest';
import { countLabelKey, isEmptyChart, stackTotals, statusSeries, withEmptyReason } from '../../../../src/lib/charts/types.ts';
import type { ChartData } from '../../../../src/lib/charts/types.ts';

const chart: ChartData = {
  id: 'x',
  kind: 'stacked-bar',
  captionKey: 'chart.x.caption',
  asOf: '2025-10-01',
  labels: ['a', 'b'],
  labelKind: 'id',
  labelsKey: 'task.owner',
  series: statusSeries([
    { completed: 1, on_schedule: 2, overdue: 3, unknown: 4 },
    { completed: 0, on_schedule: 5, overdue: 0, unknown: 0 },
  ]),
  points: [{ seriesKey: 'completed', labelKey: 'count.completed', label: 'a', value: 1, meeting: 'm' }],
  dataFile: 'data/tasks.json',
};

describe(countLabelKey, () => {
  it('names counts as progress.json does', () => {
    expect(countLabelKey('on_schedule')).toBe('count.on_schedule');
    expect(countLabelKey('total')).toBe('count.total');
  });
});

describe(statusSeries, () => {
  it('gives one series per status, one value per group', () => {
    expect(chart.series.map((s) => [s.key, s.values])).toEqual([
      ['completed', [1, 0]],
      ['on_schedule', [2, 5]],
      ['overdue', [3, 0]],
      ['unknown', [4, 0]],
    ]);
  });
});

describe(stackTotals, () => {
  it('sums the series at each label, nulls as nothing', () => {
    expect(stackTotals(chart)).toEqual([10, 5]);
    expect(stackTotals({ ...chart, series: [{ key: 'k', labelKey: 'k', values: [null, 2] }] })).toEqual([0, 2]);
  });
});

describe(withEmptyReason, () => {
  it('empties labels, series and points and keeps the rest', () => {
    const empty = withEmptyReason(chart, 'noTasks');
    expect(empty).toEqual({ ...chart, labels: [], series: [], points: undefined, emptyReason: 'noTasks' });
    expect('points' in empty).toBe(false);
    expect(isEmptyChart(empty)).toBe(true);
    expect(isEmptyChart(chart)).toBe(false);
  });
});
