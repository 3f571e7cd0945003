import type { SiteModel } from '../site-model.ts';
import { programmeProgress } from './status-breakdown.ts';
import { countLabelKey, PROGRESS_DATA_FILE, STATUS_KEYS, withEmptyReason, withoutEmptyUnknown } from './types.ts';
import type { ChartData, ChartPoint } from './types.ts';

// The counts a reported figure is drawn for, beside the registry's line of the same name.
const POINT_FIELDS = ['completed', 'total'] as const;

/**
 * A programme's registry counts at each series date as lines, with the cumulative figures its meetings
 * reported for this jurisdiction as points; for a partial registry, the reported figures alone.
 */
export function toProgressOverTimeData(model: SiteModel, programmeId: string): ChartData {
  const { series, registry } = programmeProgress(model, programmeId);
  const jurisdiction = model.site.jurisdiction.id;
  const points: ChartPoint[] = [];
  for (const figure of model.progress.reported) {
    if (figure.programme !== programmeId || figure.scope !== jurisdiction || figure.period !== 'cumulative') continue;
    for (const field of POINT_FIELDS) {
      const value = figure.figures[field];
      if (value === undefined) continue;
      points.push({ seriesKey: field, labelKey: countLabelKey(field), label: figure.as_of, value, meeting: figure.meeting });
    }
  }
  // Reported figures are in meeting order; the chart reads along its dates.
  points.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  // A partial registry's lines would show how many of the published tasks stand where, which is not the
  // programme's progress: the chart then shows only what the meetings reported, at the dates they give.
  const partial = registry === 'partial';
  const data: ChartData = {
    id: `progress-${programmeId}`,
    kind: 'line',
    captionKey: partial ? 'chart.progressOverTime.captionReported' : 'chart.progressOverTime.caption',
    captionParams: { programme: programmeId },
    asOf: model.asOf,
    labels: partial ? [...new Set(points.map((p) => p.label))] : series.map((p) => p.date),
    labelKind: 'date',
    labelsKey: 'chart.labels.date',
    series: partial
      ? []
      : withoutEmptyUnknown([...STATUS_KEYS, 'total' as const].map((key) => ({ key, labelKey: countLabelKey(key), values: series.map((p) => p[key]) }))),
    points,
    dataFile: PROGRESS_DATA_FILE,
  };
  if (partial) return points.length === 0 ? withEmptyReason(data, 'noReportedFigures') : data;
  const allZero = series.every((p) => p.total === 0);
  return allZero && points.length === 0 ? withEmptyReason(data, 'noTasks') : data;
}
