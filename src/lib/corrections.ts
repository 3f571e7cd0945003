import type { ContentModel, MeetingEntry, TaskEntry } from './content-model.ts';
import type { PathProblem } from './problems.ts';
import { msg } from './messages.ts';

/** Meeting fields that, once published, change only with an `updates` entry. */
export const PROTECTED_MEETING_FIELDS = ['date', 'reported', 'directions'] as const;

/** Task fields that, once published, change only with an `updates` entry. */
export const PROTECTED_TASK_FIELDS = ['deadline', 'completed'] as const;

/** A value as JSON with the keys of every map in order: how it was written (key order, quotes, flow or block) does not count. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Nothing published yet: a field left out, empty, or an empty list. */
function unset(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Whether a published value was changed: a first value given where there was none is not a change. */
function changed(before: unknown, after: unknown): boolean {
  return !unset(before) && canonical(before) !== canonical(after);
}

function hasNewUpdate(before: { updates?: unknown[] | undefined }, after: { updates?: unknown[] | undefined }): boolean {
  return (after.updates?.length ?? 0) > (before.updates?.length ?? 0);
}

function correctionNeeded(file: string, path: PathProblem['path'], what: string): PathProblem {
  return { file, path, severity: 'error', message: msg('correction.changed', { what }) };
}

function checkMeeting(before: MeetingEntry, after: MeetingEntry): PathProblem[] {
  if (before.data.draft || hasNewUpdate(before.data, after.data)) return [];
  return PROTECTED_MEETING_FIELDS.filter((field) => changed(before.raw[field], after.raw[field])).map((field) => correctionNeeded(after.file, [field], field));
}

function checkTask(before: TaskEntry, after: TaskEntry): PathProblem[] {
  if (hasNewUpdate(before.data, after.data)) return [];
  const id = after.data.id;
  const at = (...path: Array<string | number>) => [after.index, ...path];
  const problems = PROTECTED_TASK_FIELDS.filter((field) => changed(before.data[field], after.data[field])).map((field) =>
    correctionNeeded(after.file, at(field), msg('correction.taskField', { field, id })),
  );
  // History may grow; every entry it already had (date, status, note, source) stays as it was.
  const old = before.data.history ?? [];
  const now = after.data.history ?? [];
  old.forEach((entry, i) => {
    const kept = now[i];
    if (kept === undefined) {
      problems.push({ file: after.file, path: now.length ? at('history', now.length - 1) : at(), severity: 'error', message: msg('correction.historyRemoved', { id, n: i + 1 }) });
    } else if (canonical(kept) !== canonical(entry)) {
      problems.push(correctionNeeded(after.file, at('history', i), msg('correction.history', { n: i + 1, id })));
    }
  });
  return problems;
}

/**
 * What was changed in published content without saying so: reported figures, dates and directions
 * of published meetings, the deadlines, completion dates and past history of tasks, and published
 * meetings and tasks removed. A first value, given where there was none, is not a correction.
 */
export function checkCorrections(before: ContentModel, after: ContentModel): PathProblem[] {
  const meetings = new Map(before.meetings.map((m) => [m.file, m]));
  const tasks = new Map(before.tasks.map((t) => [t.data.id, t]));
  const problems: PathProblem[] = [];
  for (const meeting of after.meetings) {
    const old = meetings.get(meeting.file);
    if (old) problems.push(...checkMeeting(old, meeting));
  }
  const afterFiles = new Set(after.meetings.map((m) => m.file));
  for (const old of before.meetings) {
    if (!old.data.draft && !afterFiles.has(old.file)) {
      problems.push({ file: old.file, path: [], severity: 'error', message: msg('correction.meetingRemoved') });
    }
  }
  const afterTasks = new Set(after.tasks.map((t) => t.data.id));
  for (const task of after.tasks) {
    const old = tasks.get(task.data.id);
    if (old) problems.push(...checkTask(old, task));
  }
  for (const old of before.tasks) {
    if (!afterTasks.has(old.data.id)) problems.push({ file: old.file, path: [], severity: 'error', message: msg('correction.taskRemoved', { id: old.data.id }) });
  }
  return problems;
}
