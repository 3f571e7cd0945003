// Where the facts of a task or a direction come from: a source link, or a meeting of the site.
import type { SourceLink, SourceRef, Task } from '../schemas/index.ts';

/** Where a task's current status was reported: a meeting of the site, a source link, or nowhere. */
export type StatusSource = { meeting: string } | { link: SourceLink } | undefined;

/** Whether a history entry's source names a meeting (its id) rather than a link. */
export function isMeetingSource(source: SourceRef): source is string {
  return typeof source === 'string';
}

/**
 * Where the task's current status comes from: the newest history entry with that status and a
 * source, else the newest history entry with a source, else the task's first source link.
 */
export function statusSource(task: Pick<Task, 'status' | 'history' | 'sources'>): StatusSource {
  const history = task.history ?? [];
  const entry =
    history.findLast((e) => e.status === task.status && e.source !== undefined) ?? history.findLast((e) => e.source !== undefined);
  if (entry?.source !== undefined) return isMeetingSource(entry.source) ? { meeting: entry.source } : { link: entry.source };
  const link = task.sources?.[0];
  return link ? { link } : undefined;
}

/** Whether anything backs the task's facts: a history entry with a source, or a source link of its own. */
export function hasAnySource(task: Pick<Task, 'history' | 'sources'>): boolean {
  return (task.sources?.length ?? 0) > 0 || (task.history ?? []).some((e) => e.source !== undefined);
}
