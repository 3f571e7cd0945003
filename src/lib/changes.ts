import type { IsoDate } from './dates.ts';
import { firstIndexFrom } from './dates.ts';
import { oncePer } from './memo.ts';
import { existsOn, isOverdue, stateChanges, statusOn } from './progress.ts';
import type { RegistryTask } from './progress.ts';
import { meetingsById, reportedByMeeting } from './site-views.ts';
import { FIGURE_FIELDS, statedDecimals } from './reconcile.ts';
import type { FigureField } from './reconcile.ts';
import type { MeetingFigure, MeetingGroup, SiteModel } from './site-model.ts';

/** How one stated field moved between two meetings' figures. */
export interface FieldChange {
  field: FigureField;
  previous: number;
  current: number;
  /** current − previous, to the precision the two were stated in. */
  delta: number;
}

/** A figure this meeting reported beside the previous meeting's figure for the same programme, scope and period. */
export interface FigureChange {
  programme: string;
  scope: string;
  period: string;
  as_of: IsoDate;
  /** As-of date of the previous meeting's figure; null when it reported none to compare. */
  previousAsOf: IsoDate | null;
  /** Only fields stated in both figures, in the order data files list them. */
  changes: FieldChange[];
}

/** The meeting before this one, at the same level. */
export interface PreviousMeeting {
  id: string;
  /** Its date as written. */
  date: string;
  day: IsoDate;
}

/** What moved since the previous meeting of the same level: nothing to compare when there is none. */
export type MeetingChanges =
  | { meeting: string; previous: null }
  | {
      meeting: string;
      previous: PreviousMeeting;
      /** The previous meeting's day: changes are counted after it. */
      from: IsoDate;
      /** This meeting's day: changes are counted up to and including it. */
      to: IsoDate;
      /** Ids of tasks completed after `from`, by `to`. */
      completed: string[];
      /** Ids of tasks overdue on `to` and not on `from`. */
      becameOverdue: string[];
      /** Ids of tasks that exist on `to` and did not on `from`. */
      added: string[];
      figures: FigureChange[];
    };

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fieldChanges(previous: MeetingFigure, current: MeetingFigure): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIGURE_FIELDS) {
    const [p, c] = [previous.figures[field], current.figures[field]];
    if (p === undefined || c === undefined) continue;
    // 53.66 − 43.1 is 10.559999… in binary floating point; the difference is only as precise as the figures.
    const decimals = Math.min(Math.max(statedDecimals(p), statedDecimals(c)), 100);
    changes.push({ field, previous: p, current: c, delta: Number((c - p).toFixed(decimals)) });
  }
  return changes;
}

/** The published meeting before this one at the same level, in the model's date order; undefined when there is none. */
export function previousMeetingOfLevel(model: SiteModel, meeting: MeetingGroup): MeetingGroup | undefined {
  return indexOf(model).previous.get(meeting.id);
}

/** What a build asks of the model for every meeting, worked out once per model. */
interface ChangeIndex {
  previous: Map<string, MeetingGroup>;
  /** Every date on which some task's state can change, with the task, by date. */
  events: Array<{ date: IsoDate; task: RegistryTask }>;
  changes: Map<string, MeetingChanges>;
}

const indexOf = oncePer((model: SiteModel): ChangeIndex => {
  const previous = new Map<string, MeetingGroup>();
  const newerOfLevel = new Map<string, MeetingGroup>();
  // Meetings are newest first: each one is the previous meeting of the last one seen at its level.
  for (const meeting of model.meetings) {
    const newer = newerOfLevel.get(meeting.level);
    if (newer) previous.set(newer.id, meeting);
    newerOfLevel.set(meeting.level, meeting);
  }
  // A task reads the same on two days unless one of its change dates falls between them, both ends
  // included (the deadline itself stands for the day after it, which is then still covered).
  const events: ChangeIndex['events'] = [];
  for (const { task } of model.tasks) {
    const { on, after } = stateChanges(task);
    for (const date of new Set(after === undefined ? on : [...on, after])) events.push({ date, task });
  }
  events.sort((a, b) => compare(a.date, b.date));
  return { previous, events, changes: new Map() };
});

/** Tasks whose state may differ between days `d0` ≤ `d1`: those with an event in [d0, d1]. */
function tasksChangingBetween({ events }: ChangeIndex, d0: IsoDate, d1: IsoDate): Set<RegistryTask> {
  const tasks = new Set<RegistryTask>();
  for (let i = firstIndexFrom(events, d0, (e) => e.date); i < events.length && events[i]!.date <= d1; i++) tasks.add(events[i]!.task);
  return tasks;
}

/** What moved in the registry and the reported figures between the previous meeting of the same level and this one; throws for an unknown meeting. */
export function changesSinceLastMeeting(model: SiteModel, meetingId: string): MeetingChanges {
  const index = indexOf(model);
  let changes = index.changes.get(meetingId);
  if (!changes) index.changes.set(meetingId, (changes = computeChanges(model, index, meetingId)));
  return changes;
}

function computeChanges(model: SiteModel, index: ChangeIndex, meetingId: string): MeetingChanges {
  const meeting = meetingsById(model).get(meetingId);
  if (!meeting) throw new RangeError(`'${meetingId}' is not a published meeting`);
  const previous = index.previous.get(meetingId);
  if (!previous) return { meeting: meetingId, previous: null };
  const [d0, d1] = [previous.day, meeting.day];
  const completed: string[] = [];
  const becameOverdue: string[] = [];
  const added: string[] = [];
  // Only tasks with an event between the two days can have moved; every other task reads the same on both.
  const candidates = d0 <= d1 ? tasksChangingBetween(index, d0, d1) : model.tasks.map((v) => v.task);
  for (const task of candidates) {
    if (statusOn(task, d0) !== 'completed' && statusOn(task, d1) === 'completed') completed.push(task.id);
    if (isOverdue(task, d1) && !isOverdue(task, d0)) becameOverdue.push(task.id);
    if (existsOn(task, d1) && !existsOn(task, d0)) added.push(task.id);
  }
  const figuresOf = reportedByMeeting(model);
  const before = figuresOf.get(previous.id) ?? [];
  const figures: FigureChange[] = (figuresOf.get(meetingId) ?? [])
    .map((current) => {
      // Where the previous meeting gave several figures for the same programme, scope and period, the latest as-of date (then the last written) is compared.
      const match = before
        .filter((f) => f.programme === current.programme && f.scope === current.scope && f.period === current.period)
        .reduce<MeetingFigure | undefined>((best, f) => (!best || f.as_of >= best.as_of ? f : best), undefined);
      return {
        programme: current.programme,
        scope: current.scope,
        period: current.period,
        as_of: current.as_of,
        previousAsOf: match?.as_of ?? null,
        changes: match ? fieldChanges(match, current) : [],
      };
    })
    .sort((a, b) => compare(a.programme, b.programme) || compare(a.scope, b.scope) || compare(a.period, b.period) || compare(a.as_of, b.as_of));
  return {
    meeting: meetingId,
    previous: { id: previous.id, date: previous.date, day: previous.day },
    from: d0,
    to: d1,
    completed: completed.sort(compare),
    becameOverdue: becameOverdue.sort(compare),
    added: added.sort(compare),
    figures,
  };
}
