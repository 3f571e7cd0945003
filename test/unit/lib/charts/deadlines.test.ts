import { describe, expect, it } from 'vitest';
import { toDeadlinesData } from '../../../../src/lib/charts/deadlines.ts';
import { upcomingDeadlines } from '../../../../src/lib/site-views.ts';
import { makeModel, makeProgramme, makeTask, scenarioModel } from './model-factory.ts';

describe(toDeadlinesData, () => {
  it('counts open tasks due in each of the next twelve months, and the overdue ones apart', () => {
    expect(toDeadlinesData(scenarioModel())).toEqual({
      id: 'deadlines',
      kind: 'bar',
      captionKey: 'chart.deadlines.caption',
      captionParams: { months: 12 },
      asOf: '2025-10-01',
      labels: ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'],
      labelKind: 'month',
      labelsKey: 'chart.labels.month',
      // D is due on the as-of date and E on the month's last day; F on the next month's first day; H on the
      // last day of the twelfth month. I (2026-10-01) falls after it; K is not assigned yet; B is completed.
      series: [{ key: 'due', labelKey: 'chart.deadlines.due', values: [2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] }],
      dataFile: 'data/tasks.json',
      overdue: 1,
    });
  });

  it('agrees with the overdue count and the upcoming deadlines of the model', () => {
    const model = scenarioModel();
    const data = toDeadlinesData(model, 13);
    const overdue = Object.values(model.progress.programmes).reduce((a, p) => a + p.counts.overdue, 0);
    expect(data.overdue).toBe(overdue);
    expect(data.series[0]!.values.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(upcomingDeadlines(model, 100).length);
  });

  it('counts a deadline on the as-of date in the first month, and crosses a year', () => {
    const model = makeModel(
      {
        tasks: [
          makeTask({ id: 'today', deadline: '2025-12-31' }),
          makeTask({ id: 'next-year', deadline: '2026-01-01' }),
          makeTask({ id: 'month-after', deadline: '2026-02-01' }),
        ],
      },
      '2025-12-31',
    );
    const data = toDeadlinesData(model, 2);
    expect(data.labels).toEqual(['2025-12', '2026-01']);
    expect(data.series[0]!.values).toEqual([1, 1]);
    expect(data.overdue).toBe(0);
  });

  it('leaves out completed, cancelled, undated and overdue tasks', () => {
    const model = makeModel(
      {
        tasks: [
          makeTask({ id: 'done', status: 'completed', completed: '2025-09-01', deadline: '2025-10-15' }),
          makeTask({ id: 'cancelled', status: 'cancelled', deadline: '2025-10-15' }),
          makeTask({ id: 'undated' }),
          makeTask({ id: 'late', deadline: '2025-09-30' }),
        ],
      },
      '2025-10-01',
    );
    const data = toDeadlinesData(model, 3);
    expect(data.series[0]!.values).toEqual([0, 0, 0]);
    expect(data.overdue).toBe(1);
    expect(data.emptyReason).toBeUndefined();
  });

  it('says noDeadlines when nothing is due and nothing is overdue, and noTasks when the registry holds none', () => {
    const data = toDeadlinesData(makeModel({ tasks: [makeTask({ deadline: '2027-01-01' })] }));
    expect(data).toMatchObject({ captionKey: 'chart.deadlines.caption', emptyReason: 'noDeadlines', labels: [], series: [], overdue: 0 });
    expect(toDeadlinesData(makeModel()).emptyReason).toBe('noTasks');
  });

  it('counts the published tasks of a partial registry as such: none due says nothing of the others', () => {
    const programmes = [makeProgramme({ registry: 'partial' })];
    const due = toDeadlinesData(makeModel({ programmes, tasks: [makeTask({ deadline: '2025-11-15' })] }), 3);
    expect(due).toMatchObject({ captionKey: 'chart.deadlines.captionPublished', series: [{ values: [0, 1, 0] }] });
    expect(due.emptyReason).toBeUndefined();
    const none = toDeadlinesData(makeModel({ programmes, tasks: [makeTask({ deadline: '2027-01-01' })] }));
    expect(none).toMatchObject({ captionKey: 'chart.deadlines.captionPublished', emptyReason: 'noDeadlinesPublished', series: [] });
    expect(toDeadlinesData(makeModel({ programmes })).emptyReason).toBe('noTasks');
  });

  it('rejects a number of months that is not a whole number of at least 1', () => {
    const model = makeModel();
    expect(() => toDeadlinesData(model, 0)).toThrow(RangeError);
    expect(() => toDeadlinesData(model, 1.5)).toThrow(RangeError);
  });
});
