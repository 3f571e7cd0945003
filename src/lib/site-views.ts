import type { MeetingFigure, MeetingGroup, SiteModel, TaskView } from './site-model.ts';
import { compareTaskIds } from './site-model.ts';
import { monthKey } from './dates.ts';
import { oncePer } from './memo.ts';

/** What a reader sees as a task's state on the as-of date. */
export type TaskState = 'completed' | 'on-schedule' | 'overdue' | 'unknown' | 'cancelled' | 'not-yet';

/** The UI string key that names each task state. */
export const TASK_STATE_KEYS = {
  completed: 'status.completed',
  'on-schedule': 'status.on_schedule',
  overdue: 'status.overdue',
  unknown: 'status.unknown',
  cancelled: 'status.cancelled',
  'not-yet': 'status.notYet',
} as const satisfies Record<TaskState, string>;

/** Task states that have a page of their own, in reading order. */
export const TASK_STATES: readonly TaskState[] = ['overdue', 'on-schedule', 'completed', 'unknown', 'cancelled'];

/** A task's state as of the as-of date. */
export function taskState(view: TaskView): TaskState {
  if (view.status === null) return 'not-yet';
  if (view.status === 'completed') return 'completed';
  if (view.status === 'cancelled') return 'cancelled';
  if (view.status === 'unknown') return 'unknown';
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
    .sort((a, b) => (a.task.deadline! < b.task.deadline! ? -1 : a.task.deadline! > b.task.deadline! ? 1 : compareTaskIds(a.task.id, b.task.id)))
    .slice(0, limit);
}

/** Meetings of the same level, nearest in date first. */
export function relatedMeetings(model: SiteModel, meeting: MeetingGroup, lang: string, limit: number): MeetingGroup[] {
  const day = Date.parse(meeting.day);
  const level = meetingsOfLevel(model, meeting.level, lang);
  // The list is in date order, so the nearest ones stand next to the meeting in it; meetings as far as
  // the farthest of those are added too, so that ties are broken by id as over the whole list.
  const at = level.findIndex((entry) => entry.m === meeting);
  const from = at < 0 ? 0 : Math.max(0, at - limit);
  const to = at < 0 ? level.length : Math.min(level.length, at + limit + 1);
  const distance = (entry: { time: number }) => Math.abs(entry.time - day);
  const reach = Math.max(from > 0 ? distance(level[from]!) : 0, to < level.length ? distance(level[to - 1]!) : 0);
  let start = from;
  let end = to;
  while (start > 0 && distance(level[start - 1]!) <= reach) start--;
  while (end < level.length && distance(level[end]!) <= reach) end++;
  return level
    .slice(start, end)
    .filter((entry) => entry.m.id !== meeting.id)
    .map((entry) => ({ m: entry.m, distance: distance(entry) }))
    .sort((a, b) => a.distance - b.distance || (a.m.id < b.m.id ? -1 : 1))
    .slice(0, limit)
    .map(({ m }) => m);
}

const levelLists = oncePer((_: SiteModel) => new Map<string, Array<{ m: MeetingGroup; time: number }>>());

/** Meetings of a level that have a translation in `lang`, in the model's order (by date), with their day as a time. */
function meetingsOfLevel(model: SiteModel, level: string, lang: string): Array<{ m: MeetingGroup; time: number }> {
  const lists = levelLists(model);
  const key = `${level}\n${lang}`;
  let list = lists.get(key);
  if (!list) {
    list = model.meetings.filter((m) => m.level === level && m.langs.includes(lang)).map((m) => ({ m, time: Date.parse(m.day) }));
    lists.set(key, list);
  }
  return list;
}

/** Published meetings by id, made once per model. */
export const meetingsById: (model: SiteModel) => ReadonlyMap<string, MeetingGroup> = oncePer((model: SiteModel) => new Map(model.meetings.map((m) => [m.id, m])));

/** Reported figures by the meeting that gave them, in the model's order; made once per model. */
export const reportedByMeeting: (model: SiteModel) => ReadonlyMap<string, readonly MeetingFigure[]> = oncePer((model: SiteModel) =>
  Map.groupBy(model.progress.reported, (figure) => figure.meeting),
);

/** Programmes whose registry holds only the tasks the public record names, made once per model. */
export const partialProgrammes: (model: SiteModel) => SiteModel['programmes'] = oncePer((model: SiteModel) => model.programmes.filter((p) => p.registry === 'partial'));

/**
 * Whether some programme's registry is partial: the site's lists, counts and deadlines of the registry
 * are then of the published tasks, and none listed is no word that there are none.
 */
export function hasPartialRegistry(model: SiteModel): boolean {
  return partialProgrammes(model).length > 0;
}

/** Units by id, made once per model. */
export const unitsById: (model: SiteModel) => ReadonlyMap<string, SiteModel['units'][number]> = oncePer((model: SiteModel) => new Map(model.units.map((u) => [u.id, u])));

/** Programmes by id, made once per model. */
export const programmesById: (model: SiteModel) => ReadonlyMap<string, SiteModel['programmes'][number]> = oncePer((model: SiteModel) => new Map(model.programmes.map((p) => [p.id, p])));

/** Task views by id, made once per model. */
export const taskViewsById: (model: SiteModel) => ReadonlyMap<string, TaskView> = oncePer((model: SiteModel) => new Map(model.tasks.map((v) => [v.task.id, v])));

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
