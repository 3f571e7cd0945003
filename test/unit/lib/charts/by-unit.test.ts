import { describe, expect, it } from 'vitest';
import { toByCategoryData, toByUnitData } from '../../../../src/lib/charts/by-unit.ts';
import { stackTotals } from '../../../../src/lib/charts/types.ts';
import type { ChartData } from '../../../../src/lib/charts/types.ts';
import type { SiteModel } from '../../../../src/lib/site-model.ts';
import { makeModel, makeTask, makeUnit, scenarioModel } from './model-factory.ts';

// Each status summed over the chart's labels, beside the same status summed over every programme of progress.json.
function sums(data: ChartData, model: SiteModel) {
  const programmes = Object.values(model.progress.programmes);
  return (['completed', 'on_schedule', 'overdue'] as const).map((key) => [
    data.series.find((s) => s.key === key)!.values.reduce<number>((a, v) => a + (v ?? 0), 0),
    programmes.reduce((a, p) => a + p.counts[key], 0),
  ]);
}

describe(toByUnitData, () => {
  it('stacks each owning unit’s tasks in units.yaml order, leaving out cancelled tasks and units without counted tasks', () => {
    expect(toByUnitData(scenarioModel())).toEqual({
      id: 'by-unit',
      kind: 'stacked-bar',
      captionKey: 'chart.byUnit.caption',
      asOf: '2025-10-01',
      // so-noi-vu owns only a cancelled task.
      labels: ['so-tttt', 'so-khcn'],
      labelKind: 'id',
      labelsKey: 'task.owner',
      series: [
        { key: 'completed', labelKey: 'count.completed', values: [1, 1] },
        { key: 'on_schedule', labelKey: 'count.on_schedule', values: [3, 3] },
        { key: 'overdue', labelKey: 'count.overdue', values: [0, 1] },
      ],
      dataFile: 'data/tasks.json',
    });
  });

  it('adds up to the counts of progress.json', () => {
    const model = scenarioModel();
    const data = toByUnitData(model);
    for (const [chart, registry] of sums(data, model)) expect(chart).toBe(registry);
    const total = Object.values(model.progress.programmes).reduce((a, p) => a + p.counts.total, 0);
    expect(stackTotals(data).reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('counts by owner, not partners, and keeps an owner missing from units.yaml after the listed units', () => {
    const model = makeModel({
      units: [makeUnit({ id: 'b' }), makeUnit({ id: 'a' })],
      tasks: [makeTask({ id: '1', owner: 'zz', partners: ['a'] }), makeTask({ id: '2', owner: 'a' })],
    });
    expect(toByUnitData(model).labels).toEqual(['a', 'zz']);
  });

  it('says noTasks when no task is counted', () => {
    expect(toByUnitData(makeModel()).emptyReason).toBe('noTasks');
    const onlyCancelledOrLater = makeModel({
      tasks: [makeTask({ id: '1', status: 'cancelled' }), makeTask({ id: '2', assigned: '2026-01-01' })],
    });
    const data = toByUnitData(onlyCancelledOrLater);
    expect(data).toMatchObject({ emptyReason: 'noTasks', labels: [], series: [] });
  });
});

describe(toByCategoryData, () => {
  it('stacks tasks by category, categories by id and uncategorised last, cancelled left out', () => {
    const data = toByCategoryData(scenarioModel());
    expect(data.labels).toEqual(['data', 'infrastructure', 'institutions', 'uncategorised']);
    expect(data.series).toEqual([
      { key: 'completed', labelKey: 'count.completed', values: [1, 0, 1, 0] },
      { key: 'on_schedule', labelKey: 'count.on_schedule', values: [0, 1, 0, 5] },
      { key: 'overdue', labelKey: 'count.overdue', values: [1, 0, 0, 0] },
    ]);
    expect(data.id).toBe('by-category');
    expect(data.captionKey).toBe('chart.byCategory.caption');
  });

  it('adds up to the counts of progress.json', () => {
    const model = scenarioModel();
    for (const [chart, registry] of sums(toByCategoryData(model), model)) expect(chart).toBe(registry);
  });

  it('leaves out a category whose tasks are all cancelled, and uncategorised when every task has one', () => {
    const model = makeModel({
      tasks: [makeTask({ id: '1', category: 'data' }), makeTask({ id: '2', category: 'gone', status: 'cancelled' })],
    });
    expect(toByCategoryData(model).labels).toEqual(['data']);
  });

  it('says noTasks for an empty registry', () => {
    expect(toByCategoryData(makeModel()).emptyReason).toBe('noTasks');
  });
});
