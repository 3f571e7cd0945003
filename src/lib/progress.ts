import { addDays, firstIndexFrom, isInPeriod } from './dates.ts';
import { oncePer } from './memo.ts';
import type { IsoDate, Period } from './dates.ts';

/** Date and period types, re-exported for callers that count tasks. */
export type { IsoDate, Period } from './dates.ts';

/** A task's status as authors write it. */
export type TaskStatus = 'not-started' | 'in-progress' | 'completed' | 'cancelled' | 'unknown';

/** One step of a task's history: its status from `date` on. */
export interface HistoryEntry {
  date: IsoDate;
  status: TaskStatus;
}

/** What the counting rules need of a registry task. */
export interface RegistryTask {
  id: string;
  programme: string;
  status: TaskStatus;
  assigned?: IsoDate | undefined;
  deadline?: IsoDate | undefined;
  completed?: IsoDate | undefined;
  history?: ReadonlyArray<HistoryEntry> | undefined;
}

/**
 * A programme's figures on one date: `total` = completed + on_schedule + overdue + unknown;
 * `cancelled` and `late` are counted apart from it.
 */
export interface Counts {
  total: number;
  completed: number;
  on_schedule: number;
  overdue: number;
  /** Tasks whose status no source reports: never overdue or on schedule. */
  unknown: number;
  cancelled: number;
  late: number;
}

/** The registry's figures for one programme on one date of a chart. */
export interface SeriesPoint {
  date: IsoDate;
  total: number;
  completed: number;
  on_schedule: number;
  overdue: number;
  unknown: number;
}

/** Flags derived for a task as of a date. */
export interface TaskFlags {
  overdue: boolean;
  late: boolean;
  on_schedule: boolean;
}

/** Which tasks to count: one programme, and a period that their deadlines fall in. */
export interface CountOptions {
  programme?: string | undefined;
  period?: Period | undefined;
}

function isOpen(status: TaskStatus | null): status is 'not-started' | 'in-progress' {
  return status === 'not-started' || status === 'in-progress';
}

// Entries by date; Array.prototype.sort is stable, so entries on the same date keep the author's
// order and the last one written wins.
// A build asks for each task's history thousands of times (once per meeting page and chart date);
// it is sorted once per task object. Tasks are not changed after they are read.
const sortedHistory: (task: RegistryTask) => readonly HistoryEntry[] = oncePer((task: RegistryTask) => {
  const history = [...(task.history ?? [])];
  // The history shows how the task got there; the completed date says when it finished. A completed
  // task whose history never records the completion is read as if it ended with that entry.
  if (task.status === 'completed' && task.completed && !history.some((entry) => entry.status === 'completed')) {
    history.push({ date: task.completed, status: 'completed' });
  }
  return history.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
});

/** Whether a task exists on `d`: from its `assigned` date on, or always when it has none. */
export function existsOn(task: RegistryTask, d: IsoDate): boolean {
  return task.assigned === undefined || task.assigned <= d;
}

/** The task's status on `d` under the contract's counting rules; null when it did not exist yet. */
export function statusOn(task: RegistryTask, d: IsoDate): TaskStatus | null {
  if (!existsOn(task, d)) return null;
  // A cancellation that the history does not date can only be read as cancelled throughout, as for a
  // cancelled task with no history: otherwise it would count as open on the as-of date against its status.
  if (task.status === 'cancelled' && !task.history?.some((entry) => entry.status === 'cancelled')) return 'cancelled';
  let status: TaskStatus | null = null;
  for (const entry of sortedHistory(task)) {
    if (entry.date > d) break;
    status = entry.status;
  }
  if (status !== null) return status;
  if (task.completed !== undefined && task.completed <= d) return 'completed';
  // Before its history begins and before completion, a task was open; its current status says how,
  // unless that is a closed status, which says nothing about earlier days. A task whose status no
  // source reports is not known on earlier days either.
  if (task.status === 'unknown') return 'unknown';
  return isOpen(task.status) ? task.status : 'in-progress';
}

/** The date the task was completed: its `completed` date, else its history's first completion. */
export function completionDate(task: RegistryTask): IsoDate | undefined {
  return task.completed ?? sortedHistory(task).find((entry) => entry.status === 'completed')?.date;
}

/** Whether the task is open on `d` and `d` is after its deadline (the deadline day itself is not overdue). */
export function isOverdue(task: RegistryTask, d: IsoDate): boolean {
  return task.deadline !== undefined && d > task.deadline && isOpen(statusOn(task, d));
}

function completedLate(task: RegistryTask): boolean {
  const done = completionDate(task);
  return task.deadline !== undefined && done !== undefined && done > task.deadline;
}

/** Whether the task is completed and was completed after its deadline (on the deadline is not late). */
export function isLate(task: RegistryTask): boolean {
  return task.status === 'completed' && completedLate(task);
}

function isLateOn(task: RegistryTask, d: IsoDate): boolean {
  return statusOn(task, d) === 'completed' && completedLate(task);
}

/** The task's derived flags as of `asOf`; all false when it did not exist yet. */
export function deriveFlags(task: RegistryTask, asOf: IsoDate): TaskFlags {
  const status = statusOn(task, asOf);
  const overdue = isOverdue(task, asOf);
  return { overdue, late: isLateOn(task, asOf), on_schedule: isOpen(status) && !overdue };
}

/** Whether a task is counted in a period: always for `cumulative`, else when its deadline falls in the period. */
export function isCountedInPeriod(task: RegistryTask, period: Period): boolean {
  return period.kind === 'cumulative' || (task.deadline !== undefined && isInPeriod(task.deadline, period));
}

/** The registry's figures on `d` among tasks that exist on `d`, optionally for one programme and period. */
export function countTasks(tasks: readonly RegistryTask[], d: IsoDate, options: CountOptions = {}): Counts {
  const counts: Counts = { total: 0, completed: 0, on_schedule: 0, overdue: 0, unknown: 0, cancelled: 0, late: 0 };
  for (const task of tasks) {
    if (options.programme !== undefined && task.programme !== options.programme) continue;
    if (options.period && !isCountedInPeriod(task, options.period)) continue;
    const status = statusOn(task, d);
    if (status === null) continue;
    if (status === 'cancelled') counts.cancelled += 1;
    else if (status === 'unknown') counts.unknown += 1;
    else if (status === 'completed') {
      counts.completed += 1;
      if (completedLate(task)) counts.late += 1;
    } else if (isOverdue(task, d)) counts.overdue += 1;
    else counts.on_schedule += 1;
  }
  counts.total = counts.completed + counts.on_schedule + counts.overdue + counts.unknown;
  return counts;
}

/** The dates a chart has points at: every meeting date, every reported as-of date and the as-of date, sorted, once each. */
export function seriesDates(meetingDates: readonly IsoDate[], reportedDates: readonly IsoDate[], asOf: IsoDate): IsoDate[] {
  return [...new Set([...meetingDates, ...reportedDates, asOf])].sort();
}

/**
 * When a task's state (existence, status, overdue flag) can change: on each of the `on` dates, and on
 * the day after `after`, its deadline. Between those days it reads the same.
 */
export function stateChanges(task: RegistryTask): { on: IsoDate[]; after: IsoDate | undefined } {
  const on = [task.assigned, task.completed, ...sortedHistory(task).map((entry) => entry.date)].filter((d): d is IsoDate => d !== undefined);
  return { on, after: task.deadline };
}

type SeriesState = 'completed' | 'on_schedule' | 'overdue' | 'unknown';

/** Where a task is counted in a chart on `d`: nowhere before it exists or once cancelled. */
function seriesState(task: RegistryTask, d: IsoDate): SeriesState | null {
  const status = statusOn(task, d);
  if (status === null || status === 'cancelled') return null;
  if (status === 'completed' || status === 'unknown') return status;
  return isOverdue(task, d) ? 'overdue' : 'on_schedule';
}

/**
 * A programme's cumulative figures at each of `dates`, among the tasks counted in `period` when one
 * is given: the same as counting the tasks on each date, done in one pass. A task's state can change
 * only on its assigned date, its history's dates, its completion date and the day after its deadline;
 * between those dates it is read once and added to the whole run of chart dates, so a chart of
 * thousands of dates costs little more than one date.
 */
export function computeSeries(tasks: readonly RegistryTask[], programme: string, dates: readonly IsoDate[], period?: Period): SeriesPoint[] {
  const sorted = [...new Set(dates)].sort();
  const same = (d: IsoDate) => d;
  const n = sorted.length;
  // Each state's count changes by this much at each sorted date.
  const steps: Record<SeriesState, Int32Array> = {
    completed: new Int32Array(n + 1),
    on_schedule: new Int32Array(n + 1),
    overdue: new Int32Array(n + 1),
    unknown: new Int32Array(n + 1),
  };
  for (const task of tasks) {
    if (task.programme !== programme) continue;
    if (period && !isCountedInPeriod(task, period)) continue;
    const { on, after } = stateChanges(task);
    const changes = new Set<number>([0, ...on.map((d) => firstIndexFrom(sorted, d, same))]);
    if (after !== undefined) changes.add(firstIndexFrom(sorted, after, same, true));
    const starts = [...changes].filter((i) => i < n).sort((a, b) => a - b);
    starts.forEach((from, k) => {
      const state = seriesState(task, sorted[from]!);
      if (state === null) return;
      steps[state][from]! += 1;
      steps[state][starts[k + 1] ?? n]! -= 1;
    });
  }
  const byDate = new Map<IsoDate, SeriesPoint>();
  let completed = 0;
  let on_schedule = 0;
  let overdue = 0;
  let unknown = 0;
  sorted.forEach((date, i) => {
    completed += steps.completed[i]!;
    on_schedule += steps.on_schedule[i]!;
    overdue += steps.overdue[i]!;
    unknown += steps.unknown[i]!;
    byDate.set(date, { date, total: completed + on_schedule + overdue + unknown, completed, on_schedule, overdue, unknown });
  });
  return dates.map((date) => ({ ...byDate.get(date)! }));
}

/** A date before any that a registry holds: the figures on it are those of every day before its first change. */
const BEFORE_ALL: IsoDate = '0000-01-01';

/**
 * The figures of a programme's tasks counted in `period`, on any date, the same as `countTasks` gives.
 * A task's state changes only on the dates `stateChanges` gives (the day after its deadline for the
 * deadline), so the tasks are counted once at each of those dates, and a date's figures are those
 * of the last of them on or before it: figures as of many dates cost about as much as one count.
 */
export function figuresOnAnyDate(tasks: readonly RegistryTask[], programme: string, period?: Period): (d: IsoDate) => Omit<SeriesPoint, 'date'> {
  const changes = new Set<IsoDate>([BEFORE_ALL]);
  for (const task of tasks) {
    if (task.programme !== programme || (period && !isCountedInPeriod(task, period))) continue;
    const { on, after } = stateChanges(task);
    for (const d of on) changes.add(d);
    if (after !== undefined) changes.add(addDays(after, 1));
  }
  const sorted = [...changes].sort();
  const series = computeSeries(tasks, programme, sorted, period);
  return (d) => series[firstIndexFrom(sorted, d, (date) => date, true) - 1]!;
}

/** Each programme's counts as of `asOf` and its series over `dates`, keyed by programme id in the order given. */
export function computeProgrammeProgress(
  tasks: readonly RegistryTask[],
  programmeIds: readonly string[],
  asOf: IsoDate,
  dates: readonly IsoDate[],
): Record<string, { counts: Counts; series: SeriesPoint[] }> {
  return Object.fromEntries(
    programmeIds.map((id) => [id, { counts: countTasks(tasks, asOf, { programme: id }), series: computeSeries(tasks, id, dates) }]),
  );
}
