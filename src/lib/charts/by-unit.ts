import type { SiteModel, TaskView } from '../site-model.ts';
import { taskState } from '../site-views.ts';
import { statusSeries, TASKS_DATA_FILE, withEmptyReason } from './types.ts';
import type { ChartData, StatusKey } from './types.ts';

/** The label of tasks that have no category. */
export const UNCATEGORISED = 'uncategorised';

type StatusCounts = Record<StatusKey, number>;

// The counted state of a task as of the as-of date; cancelled tasks and tasks not yet assigned are not counted.
function countedKey(view: TaskView): StatusKey | null {
  switch (taskState(view)) {
    case 'completed':
      return 'completed';
    case 'on-schedule':
      return 'on_schedule';
    case 'overdue':
      return 'overdue';
    case 'unknown':
      return 'unknown';
    default:
      return null;
  }
}

// Counts per group, in the order `order` gives; groups with no counted task are left out.
function countByGroup(model: SiteModel, groupOf: (view: TaskView) => string, order: readonly string[]): Map<string, StatusCounts> {
  const groups = new Map<string, StatusCounts>(order.map((key) => [key, { completed: 0, on_schedule: 0, overdue: 0, unknown: 0 }]));
  for (const view of model.tasks) {
    const key = countedKey(view);
    if (key === null) continue;
    const group = groupOf(view);
    let counts = groups.get(group);
    if (!counts) groups.set(group, (counts = { completed: 0, on_schedule: 0, overdue: 0, unknown: 0 }));
    counts[key] += 1;
  }
  return new Map([...groups].filter(([, c]) => c.completed + c.on_schedule + c.overdue > 0));
}

function stackedChart(model: SiteModel, id: string, captionKey: string, labelsKey: string, groups: Map<string, StatusCounts>): ChartData {
  const data: ChartData = {
    id,
    kind: 'stacked-bar',
    captionKey,
    asOf: model.asOf,
    labels: [...groups.keys()],
    labelKind: 'id',
    labelsKey,
    series: statusSeries([...groups.values()]),
    dataFile: TASKS_DATA_FILE,
  };
  return groups.size === 0 ? withEmptyReason(data, 'noTasks') : data;
}

/** Completed, on schedule and overdue tasks of each owning unit as of the as-of date, units in `model.units` order; cancelled tasks left out. */
export function toByUnitData(model: SiteModel): ChartData {
  // An owner missing from units.yaml (the validator reports it) still counts, after the listed units.
  const owners = [...new Set(model.tasks.map((v) => v.task.owner))].sort();
  const order = [...model.units.map((u) => u.id), ...owners.filter((id) => !model.units.some((u) => u.id === id))];
  return stackedChart(model, 'by-unit', 'chart.byUnit.caption', 'task.owner', countByGroup(model, (v) => v.task.owner, order));
}

/** Completed, on schedule and overdue tasks of each category as of the as-of date, categories by id and `uncategorised` last; cancelled tasks left out. */
export function toByCategoryData(model: SiteModel): ChartData {
  const categories = [...new Set(model.tasks.flatMap((v) => (v.task.category === undefined ? [] : [v.task.category])))].sort();
  const order = [...categories.filter((c) => c !== UNCATEGORISED), UNCATEGORISED];
  return stackedChart(model, 'by-category', 'chart.byCategory.caption', 'task.category', countByGroup(model, (v) => v.task.category ?? UNCATEGORISED, order));
}
