import { describe, expect, it } from 'vitest';
import { toProgressOverTimeData } from '../../../../src/lib/charts/progress-over-time.ts';
import { makeMeeting, makeModel, makeProgramme, makeTask, scenarioModel } from './model-factory.ts';

describe(toProgressOverTimeData, () => {
  it('draws the registry series of progress.json as lines over its dates', () => {
    const model = scenarioModel();
    const series = model.progress.programmes['ctr-97']!.series;
    const data = toProgressOverTimeData(model, 'ctr-97');
    expect(data.labels).toEqual(['2025-08-20', '2025-09-05', '2025-09-10', '2025-09-25', '2025-10-01']);
    expect(data.labels).toEqual(series.map((p) => p.date));
    expect(data.labelKind).toBe('date');
    expect(data.series.map((s) => [s.key, s.labelKey])).toEqual([
      ['completed', 'count.completed'],
      ['on_schedule', 'count.on_schedule'],
      ['overdue', 'count.overdue'],
      ['total', 'count.total'],
    ]);
    for (const s of data.series) expect(s.values, s.key).toEqual(series.map((p) => p[s.key as 'completed' | 'on_schedule' | 'overdue' | 'total']));
    expect(data.series.find((s) => s.key === 'completed')!.values).toEqual([1, 1, 1, 2, 2]);
    expect(data.dataFile).toBe('data/progress.json');
    expect(data.id).toBe('progress-ctr-97');
  });

  it('labels the cumulative figures the province reported, each with its meeting', () => {
    const data = toProgressOverTimeData(scenarioModel(), 'ctr-97');
    // The quarterly figure, the national one and another province's are not drawn.
    expect(data.points).toEqual([
      { seriesKey: 'completed', labelKey: 'count.completed', label: '2025-08-20', value: 1, meeting: '2025-08-20-hop' },
      { seriesKey: 'total', labelKey: 'count.total', label: '2025-08-20', value: 7, meeting: '2025-08-20-hop' },
      { seriesKey: 'completed', labelKey: 'count.completed', label: '2025-09-25', value: 2, meeting: '2025-09-25-hop' },
      { seriesKey: 'total', labelKey: 'count.total', label: '2025-09-25', value: 8, meeting: '2025-09-25-hop' },
    ]);
    for (const point of data.points!) expect(data.labels).toContain(point.label);
  });

  it('is plain data, as a page passes it on', () => {
    const data = toProgressOverTimeData(scenarioModel(), 'ctr-97');
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('does not plot a national figure of the programme', () => {
    const model = makeModel({
      tasks: [makeTask()],
      meetings: [makeMeeting({ date: '2025-09-01', reported: [{ programme: 'ctr-97', scope: 'national', completed: 5, total: 10 }] })],
    });
    expect(toProgressOverTimeData(model, 'ctr-97').points).toEqual([]);
  });

  it('draws a point for a stated total without a stated completed', () => {
    const model = makeModel({ meetings: [makeMeeting({ date: '2025-09-01', reported: [{ programme: 'ctr-97', total: 10 }] })] });
    const data = toProgressOverTimeData(model, 'ctr-97');
    expect(data.emptyReason).toBeUndefined();
    expect(data.points).toEqual([{ seriesKey: 'total', labelKey: 'count.total', label: '2025-09-01', value: 10, meeting: '2025-09-01-hop' }]);
    expect(data.series.find((s) => s.key === 'total')!.values).toEqual([0, 0]);
  });

  it('says noTasks when the registry counts nothing and nothing was reported', () => {
    const data = toProgressOverTimeData(makeModel({ tasks: [makeTask({ status: 'cancelled' })] }), 'ctr-97');
    expect(data.emptyReason).toBe('noTasks');
    expect(data.labels).toEqual([]);
    expect(data.series).toEqual([]);
    expect(data.points).toBeUndefined();
  });

  it('is not empty for a programme with tasks only later than the first dates', () => {
    const model = makeModel({ tasks: [makeTask({ assigned: '2025-10-01' })], meetings: [makeMeeting({ date: '2025-09-01' })] });
    const data = toProgressOverTimeData(model, 'ctr-97');
    expect(data.emptyReason).toBeUndefined();
    expect(data.series.find((s) => s.key === 'total')!.values).toEqual([0, 1]);
  });

  it('draws only the reported figures, with no registry line, for a partial registry', () => {
    const model = makeModel({
      programmes: [makeProgramme({ registry: 'partial' })],
      tasks: [makeTask({ id: 'A' }), makeTask({ id: 'B', status: 'unknown' })],
      meetings: [
        makeMeeting({ date: '2025-05-08' }),
        makeMeeting({ date: '2025-09-18', reported: [{ programme: 'ctr-97', total: 123, completed: 66, percent_completed: 53.66 }] }),
      ],
    });
    const data = toProgressOverTimeData(model, 'ctr-97');
    expect(data.captionKey).toBe('chart.progressOverTime.captionReported');
    expect(data.series).toEqual([]);
    expect(data.labels).toEqual(['2025-09-18']);
    expect(data.points?.map((p) => [p.seriesKey, p.value])).toEqual([['completed', 66], ['total', 123]]);
  });

  it('says noReportedFigures for a partial registry that no meeting reported on', () => {
    const model = makeModel({ programmes: [makeProgramme({ registry: 'partial' })], tasks: [makeTask()] });
    expect(toProgressOverTimeData(model, 'ctr-97').emptyReason).toBe('noReportedFigures');
  });

  it('draws a line of unknown tasks only where there are some', () => {
    const known = toProgressOverTimeData(makeModel({ tasks: [makeTask()] }), 'ctr-97');
    expect(known.series.map((s) => s.key)).not.toContain('unknown');
    const unknown = toProgressOverTimeData(makeModel({ tasks: [makeTask(), makeTask({ id: 'U', status: 'unknown' })] }), 'ctr-97');
    expect(unknown.series.find((s) => s.key === 'unknown')?.values).toEqual([1]);
  });
});
