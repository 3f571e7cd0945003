import type { MeetingFigure, MeetingGroup, SiteModel, TaskView } from './site-model.ts';
import { monthKey } from './dates.ts';

/** What a reader sees as a task's state on the as-of date. */
export type TaskState = 'completed' | 'on-schedule' | 'overdue' | 'cancelled' | 'not-yet';

/** The UI string key that names each task state. */
export const TASK_STATE_KEYS = {
  completed: 'status.completed',
  'on-schedule': 'status.on_schedule',
  overdue: 'status.overdue',
  cancelled: 'status.cancelled',
  'not-yet': 'status.notYet',
} as const satisfies Record<TaskState, string>;

/** Task states that have a page of their own, in reading order. */
export const TASK_STATES: readonly TaskState[] = ['overdue', 'on-schedule', 'completed', 'cancelled'];

/** A task's state as of the as-of date. */
export function taskState(view: TaskView): TaskState {
  if (view.status === null) return 'not-yet';
  if (view.status === 'completed') return 'completed';
  if (view.status === 'cancelled') return 'cancelled';
  return view.overdue ? 'overdue' : 'on-schedule';
}

/** The programme the home page leads with: the first one of the site's own jurisdiction. */
export function headlineProgramme(model: SiteModel) {
  return model.programmes.find((p) => p.scope === model.site.jurisdiction.id) ?? model.programmes[0];
}

/** The newest reported figure for a programme in the site's own scope, cumulative ones first. */
export function latestFigure(model: SiteModel, programme: string): MeetingFigure | undefined {
  const own = model.progress.reported.filter((r) => r.programme === programme && r.scope === model.site.jurisdiction.id);
  const newest = (list: MeetingFigure[]) => list.reduce<MeetingFigure | undefined>((best, r) => (!best || r.as_of >= best.as_of ? r : best), undefined);
  return newest(own.filter((r) => r.period === 'cumulative')) ?? newest(own);
}

/** Open tasks due on or after the as-of date, soonest first. */
export function upcomingDeadlines(model: SiteModel, limit: number): TaskView[] {
  return model.tasks
    .filter((v) => v.task.deadline && v.task.deadline >= model.asOf && taskState(v) === 'on-schedule')
    .sort((a, b) => (a.task.deadline! < b.task.deadline! ? -1 : a.task.deadline! > b.task.deadline! ? 1 : a.task.id < b.task.id ? -1 : 1))
    .slice(0, limit);
}

/** Meetings of the same level, nearest in date first. */
export function relatedMeetings(model: SiteModel, meeting: MeetingGroup, lang: string, limit: number): MeetingGroup[] {
  const day = Date.parse(meeting.day);
  return model.meetings
    .filter((m) => m.id !== meeting.id && m.level === meeting.level && m.langs.includes(lang))
    .map((m) => ({ m, distance: Math.abs(Date.parse(m.day) - day) }))
    .sort((a, b) => a.distance - b.distance || (a.m.id < b.m.id ? -1 : 1))
    .slice(0, limit)
    .map(({ m }) => m);
}

/** Meetings grouped by year and month, newest first (the input is already newest first). */
export function groupByMonth(meetings: readonly MeetingGroup[]): Array<{ year: string; months: Array<{ month: string; meetings: MeetingGroup[] }> }> {
  const years: Array<{ year: string; months: Array<{ month: string; meetings: MeetingGroup[] }> }> = [];
  for (const meeting of meetings) {
    const month = monthKey(meeting.day);
    const year = month.slice(0, 4);
    let y = years[years.length - 1];
    if (y?.year !== year) years.push((y = { year, months: [] }));
    let m = y.months[y.months.length - 1];
    if (m?.month !== month) y.months.push((m = { month, meetings: [] }));
    m.meetings.push(meeting);
  }
  return years;
}

/** How many reported figures differ from the registry. */
export function countDisagreements(model: SiteModel): number {
  return model.progress.reported.filter((r) => r.agrees === false).length;
}
