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
      series: [
        { key: 'national', labelKey: 'scope.national', values: [30, 40, 43.1] },
        // The quarterly figure and another province's are not drawn.
        { key: 'tinh-mau', labelKey: 'scope.province', values: [14.29, null, 25] },
      ],
      points: [
        { seriesKey: 'national', labelKey: 'scope.national', label: '2025-08-20', value: 30, meeting: '2025-08-20-hop' },
        { seriesKey: 'national', labelKey: 'scope.national', label: '2025-09-05', value: 40, meeting: '2025-09-10-hop-toan-quoc' },
        { seriesKey: 'national', labelKey: 'scope.national', label: '2025-09-25', value: 43.1, meeting: '2025-09-25-hop' },
        { seriesKey: 'tinh-mau', labelKey: 'scope.province', label: '2025-08-20', value: 14.29, meeting: '2025-08-20-hop' },
        { seriesKey: 'tinh-mau', labelKey: 'scope.province', label: '2025-09-25', value: 25, meeting: '2025-09-25-hop' },
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
      { key: 'national', labelKey: 'scope.national', values: [50] },
      { key: 'tinh-mau', labelKey: 'scope.province', values: [null] },
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
    expect(data.series[1]!.values).toEqual([12]);
    expect(data.points).toEqual([{ seriesKey: 'tinh-mau', labelKey: 'scope.province', label: '2025-08-31', value: 12, meeting: '2025-09-05-hop' }]);
  });

  it('keeps only the programmes asked for, and links points when asked', () => {
    const data = toNationalVsProvinceData(scenarioModel(), { programmes: ['nq-57'], meetingHref: (id) => `/en/meetings/${id}/` });
    expect(data.series.map((s) => s.values)).toEqual([[30, 40, 43.1], [null, null, null]]);
    expect(data.points![0]).toEqual({ seriesKey: 'national', labelKey: 'scope.national', label: '2025-08-20', value: 30, meeting: '2025-08-20-hop', href: '/en/meetings/2025-08-20-hop/' });
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
