import { percentOf } from '../reconcile.ts';
import type { MeetingFigure, SiteModel } from '../site-model.ts';
import { PROGRESS_DATA_FILE, withEmptyReason } from './types.ts';
import type { ChartData, ChartSeries } from './types.ts';

/** Which reported figures to compare. */
export interface NationalVsProvinceOptions {
  /** Only figures of these programmes; every programme when absent. */
  programmes?: readonly string[] | undefined;
}

/** A reported figure's completion rate in percent: the stated percentage, else completed / total to two decimals; null when neither can be read. */
export function completionRate(figure: Pick<MeetingFigure, 'figures'>): number | null {
  const { percent_completed, completed, total } = figure.figures;
  if (percent_completed !== undefined) return percent_completed;
  return completed === undefined || total === undefined ? null : percentOf(completed, total);
}

/**
 * Completion rates that meetings reported nationwide and for this province, one line each over the reported
 * as-of dates (cumulative figures only); each value is a reported figure, with the meeting that reported it.
 */
export function toNationalVsProvinceData(model: SiteModel, options: NationalVsProvinceOptions = {}): ChartData {
  const jurisdiction = model.site.jurisdiction.id;
  const scopes = ['national', jurisdiction];
  const scopeLabelKey = (scope: string) => (scope === 'national' ? 'scope.national' : 'scope.province');
  // The rate per scope and as-of date; where several figures give one, the latest meeting's (the list is chronological) wins.
  const rates = new Map<string, { value: number; meeting: string }>();
  for (const figure of model.progress.reported) {
    if (!scopes.includes(figure.scope) || figure.period !== 'cumulative') continue;
    if (options.programmes && !options.programmes.includes(figure.programme)) continue;
    const value = completionRate(figure);
    if (value !== null) rates.set(`${figure.scope}\u0000${figure.as_of}`, { value, meeting: figure.meeting });
  }
  const labels = [...new Set([...rates.keys()].map((k) => k.split('\u0000')[1]!))].sort();
  const line = (scope: string): ChartSeries => {
    const at = labels.map((d) => rates.get(`${scope}\u0000${d}`));
    return { key: scope, labelKey: scopeLabelKey(scope), values: at.map((rate) => rate?.value ?? null), meetings: at.map((rate) => rate?.meeting ?? null) };
  };
  const data: ChartData = {
    id: 'national-vs-province',
    kind: 'line',
    captionKey: 'chart.nationalVsProvince.caption',
    asOf: model.asOf,
    labels,
    labelKind: 'date',
    labelsKey: 'chart.labels.date',
    series: scopes.map(line),
    dataFile: PROGRESS_DATA_FILE,
  };
  return rates.size === 0 ? withEmptyReason(data, 'noReportedFigures') : data;
}
