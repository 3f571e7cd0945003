import type { ContentModel, MeetingEntry, TaskEntry } from './content-model.ts';
import type { PathProblem } from './problems.ts';

/** Meeting fields that, once published, change only with an `updates` entry. */
export const PROTECTED_MEETING_FIELDS = ['date', 'reported', 'directions'] as const;

/** Task fields that, once published, change only with an `updates` entry. */
export const PROTECTED_TASK_FIELDS = ['deadline', 'completed'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function hasNewUpdate(before: { updates?: unknown[] | undefined }, after: { updates?: unknown[] | undefined }): boolean {
  return (after.updates?.length ?? 0) > (before.updates?.length ?? 0);
}

function correctionNeeded(file: string, path: PathProblem['path'], what: string): PathProblem {
  return {
    file,
    path,
    severity: 'error',
    message: `${what} changed after publication: add an entry to 'updates' ({ date, note }) saying what changed and why`,
  };
}

function checkMeeting(before: MeetingEntry, after: MeetingEntry): PathProblem[] {
  if (before.data.draft || hasNewUpdate(before.data, after.data)) return [];
  return PROTECTED_MEETING_FIELDS.filter((field) => !same(before.raw[field], after.raw[field])).map((field) =>
    correctionNeeded(after.file, [field], field),
  );
}

function checkTask(before: TaskEntry, after: TaskEntry): PathProblem[] {
  if (hasNewUpdate(before.data, after.data)) return [];
  const at = (...path: Array<string | number>) => [after.index, ...path];
  const problems = PROTECTED_TASK_FIELDS.filter((field) => !same(before.data[field], after.data[field])).map((field) =>
    correctionNeeded(after.file, at(field), `${field} of task ${after.data.id}`),
  );
  // History may grow; what it already said stays as it was.
  const old = before.data.history ?? [];
  const now = after.data.history ?? [];
  const rewritten = old.findIndex((entry, i) => !now[i] || now[i]!.date !== entry.date || now[i]!.status !== entry.status);
  if (rewritten !== -1) {
    problems.push(correctionNeeded(after.file, at('history', Math.min(rewritten, Math.max(0, now.length - 1))), `history of task ${after.data.id}`));
  }
  return problems;
}

/**
 * What was changed in published content without saying so: reported figures, dates and directions
 * of published meetings, and the deadlines, completion dates and past history of tasks.
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
      problems.push({ file: old.file, path: [], severity: 'error', message: 'a published meeting was removed; keep it and add an updates entry that explains the withdrawal' });
    }
  }
  for (const task of after.tasks) {
    const old = tasks.get(task.data.id);
    if (old) problems.push(...checkTask(old, task));
  }
  return problems;
}
