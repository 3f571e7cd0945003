import { describe, expect, it } from 'vitest';
import { toStatusChartData } from '../../../../src/lib/charts/status-breakdown.ts';
import { makeModel, makeProgramme, makeTask, scenarioModel } from './model-factory.ts';

describe(toStatusChartData, () => {
  it('gives the same numbers as progress.json for each programme', () => {
    const model = scenarioModel();
    for (const id of ['ctr-97', 'nq-57']) {
      const counts = model.progress.programmes[id]!.counts;
      const data = toStatusChartData(model, id);
      expect(data.labels).toEqual([id]);
      expect(data.series.map((s) => [s.key, s.values])).toEqual([
        ['completed', [counts.completed]],
        ['on_schedule', [counts.on_schedule]],
        ['overdue', [counts.overdue]],
      ]);
      expect(data.cancelled).toBe(counts.cancelled);
      expect(data.emptyReason).toBeUndefined();
    }
  });

  it('counts the scenario as of its as-of date, with the cancelled task apart', () => {
    expect(toStatusChartData(scenarioModel(), 'ctr-97')).toEqual({
      id: 'status-ctr-97',
      kind: 'doughnut',
      captionKey: 'chart.status.caption',
      captionParams: { programme: 'ctr-97', total: 7 },
      asOf: '2025-10-01',
      labels: ['ctr-97'],
      labelKind: 'id',
      labelsKey: 'task.programme',
      series: [
        { key: 'completed', labelKey: 'count.completed', values: [2] },
        { key: 'on_schedule', labelKey: 'count.on_schedule', values: [4] },
        { key: 'overdue', labelKey: 'count.overdue', values: [1] },
      ],
      dataFile: 'data/progress.json',
      programme: 'ctr-97',
      cancelled: 1,
    });
  });

  it('says noTasks, with nothing to draw, for a programme without tasks', () => {
    const data = toStatusChartData(makeModel(), 'ctr-97');
    expect(data.emptyReason).toBe('noTasks');
    expect(data.labels).toEqual([]);
    expect(data.series).toEqual([]);
    expect(data.cancelled).toBe(0);
  });

  it('is not empty when every task is cancelled', () => {
    const data = toStatusChartData(makeModel({ tasks: [makeTask({ status: 'cancelled' })] }), 'ctr-97');
    expect(data.emptyReason).toBeUndefined();
    expect(data.series.map((s) => s.values)).toEqual([[0], [0], [0]]);
    expect(data.cancelled).toBe(1);
  });

  it('rejects a programme the site does not have', () => {
    expect(() => toStatusChartData(makeModel(), 'nope')).toThrow(RangeError);
  });

  it('is plain JSON', () => {
    const data = toStatusChartData(scenarioModel(), 'ctr-97');
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('says in its caption that a partial registry counts its published tasks, with a slice for unknown ones', () => {
    const model = makeModel({ programmes: [makeProgramme({ registry: 'partial' })], tasks: [makeTask({ id: 'A' }), makeTask({ id: 'B', status: 'unknown' })] });
    const data = toStatusChartData(model, 'ctr-97');
    expect(data.captionKey).toBe('chart.status.captionPartial');
    expect(data.series.map((s) => [s.key, s.values])).toEqual([['completed', [0]], ['on_schedule', [1]], ['overdue', [0]], ['unknown', [1]]]);
    expect(toStatusChartData(makeModel({ tasks: [makeTask()] }), 'ctr-97').captionKey).toBe('chart.status.caption');
  });
});
