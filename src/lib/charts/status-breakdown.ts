import type { SiteModel } from '../site-model.ts';
import { PROGRESS_DATA_FILE, statusSeries, withEmptyReason } from './types.ts';
import type { ChartData } from './types.ts';

/** A programme's status breakdown, with its cancelled tasks counted apart. */
export interface StatusChartData extends ChartData {
  /** Programme id. */
  programme: string;
  /** Cancelled tasks on the as-of date: never in the chart's values, shown apart. */
  cancelled: number;
}

/** The programme's progress as `model.progress` records it; throws for a programme the model does not have. */
export function programmeProgress(model: SiteModel, programmeId: string): SiteModel['progress']['programmes'][string] {
  const progress = model.progress.programmes[programmeId];
  if (!progress) throw new RangeError(`'${programmeId}' is not a programme of this site`);
  return progress;
}

/** Completed, on schedule and overdue tasks of one programme as of the as-of date, as in `progress.json`. */
export function toStatusChartData(model: SiteModel, programmeId: string): StatusChartData {
  const { counts, registry } = programmeProgress(model, programmeId);
  const data: StatusChartData = {
    id: `status-${programmeId}`,
    kind: 'doughnut',
    // A partial registry's breakdown is of the tasks published so far, and its caption says so.
    captionKey: registry === 'partial' ? 'chart.status.captionPartial' : 'chart.status.caption',
    captionParams: { programme: programmeId, total: counts.total },
    asOf: model.asOf,
    // One label, the programme, and one series per state: each slice is a series, as in the stacked bars.
    labels: [programmeId],
    labelKind: 'id',
    labelsKey: 'task.programme',
    series: statusSeries([counts]),
    dataFile: PROGRESS_DATA_FILE,
    programme: programmeId,
    cancelled: counts.cancelled,
  };
  return counts.total === 0 && counts.cancelled === 0 ? withEmptyReason(data, 'noTasks') : data;
}
