import { addMonths, monthKey } from '../dates.ts';
import type { SiteModel } from '../site-model.ts';
import { hasPartialRegistry, taskState } from '../site-views.ts';
import { TASKS_DATA_FILE, withEmptyReason } from './types.ts';
import type { ChartData } from './types.ts';

/** Deadlines per month, with the tasks already overdue counted apart. */
export interface DeadlinesChartData extends ChartData {
  /** Tasks overdue on the as-of date: shown apart, never in a month. */
  overdue: number;
}

/**
 * Open tasks due in each of the `months` months from the as-of date's month on (deadlines on or after the
 * as-of date), and the overdue count apart. Where a programme's registry is partial, the chart counts the
 * published tasks and says so: that none of them is due or overdue says nothing of the programme's other tasks.
 */
export function toDeadlinesData(model: SiteModel, months = 12): DeadlinesChartData {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`${months} is not a whole number of months of at least 1`);
  const first = monthKey(model.asOf);
  const labels = Array.from({ length: months }, (_, i) => addMonths(first, i));
  const values = labels.map(() => 0);
  let overdue = 0;
  for (const view of model.tasks) {
    const state = taskState(view);
    if (state === 'overdue') overdue += 1;
    const deadline = view.task.deadline;
    if (state !== 'on-schedule' || deadline === undefined || deadline < model.asOf) continue;
    const index = labels.indexOf(monthKey(deadline));
    if (index >= 0) values[index]! += 1;
  }
  const partial = hasPartialRegistry(model);
  const data: DeadlinesChartData = {
    id: 'deadlines',
    kind: 'bar',
    captionKey: partial ? 'chart.deadlines.captionPublished' : 'chart.deadlines.caption',
    captionParams: { months },
    asOf: model.asOf,
    labels,
    labelKind: 'month',
    labelsKey: 'chart.labels.month',
    series: [{ key: 'due', labelKey: 'chart.deadlines.due', values }],
    dataFile: TASKS_DATA_FILE,
    overdue,
  };
  if (overdue > 0 || values.some((v) => v > 0)) return data;
  return withEmptyReason(data, model.tasks.length === 0 ? 'noTasks' : partial ? 'noDeadlinesPublished' : 'noDeadlines');
}
