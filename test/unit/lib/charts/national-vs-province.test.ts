import { describe, expect, it } from 'vitest';
import { completionRate, toNationalVsProvinceData } from '../../../../src/lib/charts/national-vs-province.ts';
import { makeMeeting, makeModel, makeProgramme, scenarioModel } from './model-factory.ts';

describe(completionRate, () => {
  it('takes the stated percentage, else completed / total to two decimals', () => {
    expect(completionRate({ figures: { percent_completed: 43, completed: 1, total: 2 } })).toBe(43);
    expect(completionRate({ figures: { completed: 2, total: 3 } })).toBe(66.67);
    expect(completionRate({ figures: { completed: 41, total: 76 } })).toBe(53.95);
  });

  it('is null without a percentage or both counts, or with a total of 0', () => {
    expect(completionRate({ figures: { completed: 2 } })).toBeNull();
    expect(completionRate({ figures: { total: 2, overdue: 1 } })).toBeNull();
    expect(completionRate({ figures: { completed: 0, total: 0 } })).toBeNull();
  });
});

describe(toNationalVsProvinceData, () => {
  it('draws national and provincial rates from the reported figures over their as-of dates', () => {
    expect(toNationalVsProvinceData(scenarioModel())).toEqual({
      id: 'national-vs-province',
      kind: 'line',
      captionKey: 'chart.nationalVsProvince.caption',
      asOf: '2025-10-01',
      labels: ['2025-08-20', '2025-09-05', '2025-09-25'],
      labelKind: 'date',
      labelsKey: 'chart.labels.date',
      // Each value with the meeting that reported it.
      series: [
        { key: 'national', labelKey: 'scope.national', values: [30, 40, 43.1], meetings: ['2025-08-20-hop', '2025-09-10-hop-toan-quoc', '2025-09-25-hop'] },
        // The quarterly figure and another province's are not drawn.
        { key: 'tinh-mau', labelKey: 'scope.province', values: [14.29, null, 25], meetings: ['2025-08-20-hop', null, '2025-09-25-hop'] },
      ],
      dataFile: 'data/progress.json',
    });
  });

  it('never puts a national figure on the province series', () => {
    const model = makeModel({
      meetings: [makeMeeting({ date: '2025-09-01', reported: [{ programme: 'ctr-97', scope: 'national', percent_completed: 50 }] })],
    });
    const data = toNationalVsProvinceData(model);
    expect(data.series).toEqual([
      { key: 'national', labelKey: 'scope.national', values: [50], meetings: ['2025-09-01-hop'] },
      { key: 'tinh-mau', labelKey: 'scope.province', values: [null], meetings: [null] },
    ]);
  });

  it('keeps one value per scope and date: the latest meeting’s', () => {
    const model = makeModel({
      meetings: [
        makeMeeting({ date: '2025-09-01', reported: [{ programme: 'ctr-97', as_of: '2025-08-31', percent_completed: 10 }] }),
        makeMeeting({ date: '2025-09-05', reported: [{ programme: 'ctr-97', as_of: '2025-08-31', percent_completed: 12 }] }),
      ],
    });
    const data = toNationalVsProvinceData(model);
    expect(data.series[1]).toMatchObject({ values: [12], meetings: ['2025-09-05-hop'] });
  });

  it('keeps only the programmes asked for', () => {
    const data = toNationalVsProvinceData(scenarioModel(), { programmes: ['nq-57'] });
    expect(data.series.map((s) => s.values)).toEqual([[30, 40, 43.1], [null, null, null]]);
  });

  it('says noReportedFigures when no figure gives a rate', () => {
    expect(toNationalVsProvinceData(makeModel())).toMatchObject({ emptyReason: 'noReportedFigures', labels: [], series: [] });
    const noRate = makeModel({
      programmes: [makeProgramme()],
      meetings: [makeMeeting({ date: '2025-09-01', reported: [{ programme: 'ctr-97', overdue: 3 }] })],
    });
    expect(toNationalVsProvinceData(noRate).emptyReason).toBe('noReportedFigures');
  });
});
