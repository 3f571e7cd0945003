// What a task's or a meeting's page shows, as one digest: with Astro's incremental build (astro.config.mjs,
// `experimental.incrementalBuild`), a page whose code and key are both unchanged since the last build
// is copied from that build instead of being rendered again. A key must change whenever anything the
// page shows changes, so it is made from all the page reads, not from a list of its fields.
import { createHash } from 'node:crypto';
import { changesSinceLastMeeting, previousMeetingOfLevel } from './changes.ts';
import { oncePer } from './memo.ts';
import type { PathContext } from './paths.ts';
import type { MeetingGroup, SiteModel, TaskView } from './site-model.ts';
import { meetingsById, partialProgrammes, programmesById, reportedByMeeting, taskViewsById, unitsById } from './site-views.ts';

/** JSON with Maps and Sets written as their entries (JSON.stringify writes them as `{}`). */
function withCollections(_key: string, value: unknown): unknown {
  if (value instanceof Map) return [...value];
  if (value instanceof Set) return [...value];
  return value;
}

/** Every string in `value`, however deep. */
function stringsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') found.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, found);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, found);
  return found;
}

/** The items of `byId` whose id is among `ids`, in the order of `ids`. */
function named<T>(ids: readonly string[], byId: ReadonlyMap<string, T>): T[] {
  return ids.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
}

function sha256(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\n');
  return hash.digest('hex');
}

/**
 * A digest of a task's view, made once per view: the task's key and the key of every meeting that
 * names the task hold it, instead of each serialising the view (its whole history among it) again.
 */
const viewDigest = oncePer((view: TaskView) => sha256(JSON.stringify(view, withCollections)));

/**
 * The keys of a task's pages, one per language. Each holds the task's view, the site's settings and
 * as-of date, where pages live, the logo, and every meeting, unit and programme whose id appears
 * anywhere in the view: the page looks those up by id (its owner and partners, its programme, the
 * meetings that discussed it or are the source of a history entry). What the languages share is
 * serialised once.
 */
export function taskPageKeys(model: SiteModel, view: TaskView): (page: { lang: string; paths: PathContext; logo: string | undefined }) => string {
  const ids = [...stringsIn(view)];
  const shown = JSON.stringify(
    [model.site, model.asOf, viewDigest(view), named(ids, meetingsById(model)), named(ids, unitsById(model)), named(ids, programmesById(model))],
    withCollections,
  );
  return (page) => sha256(JSON.stringify(page), shown);
}

/** What a meeting's page shows in one language that its other languages do not. */
export interface MeetingPageInLanguage {
  lang: string;
  paths: PathContext;
  logo: string | undefined;
  publisherLogo: string;
  /** The meeting file's fields (its photos among them) and its rendered body. */
  file: unknown;
  /** The related meetings it lists. */
  related: readonly MeetingGroup[];
}

/**
 * The keys of a meeting's pages, one per language. Each holds the site's settings and as-of date,
 * whether the registry is empty or partial, the meeting, the figures it reported with the registry's
 * counts beside them, the changes since the previous meeting of its level and that meeting, and every
 * task and programme whose id appears in any of those (the page lists tasks with their state, and
 * names programmes by number); and, in each language, where pages live, the logos, the meeting file
 * with its rendered body, and the related meetings in that language.
 */
export function meetingPageKeys(model: SiteModel, group: MeetingGroup): (page: MeetingPageInLanguage) => string {
  const shared = [
    group,
    reportedByMeeting(model).get(group.id) ?? [],
    changesSinceLastMeeting(model, group.id),
    previousMeetingOfLevel(model, group) ?? null,
  ];
  const ids = [...stringsIn(shared)];
  const names = [named(ids, taskViewsById(model)).map(viewDigest), named(ids, programmesById(model))];
  const shown = JSON.stringify([model.site, model.asOf, model.tasks.length, partialProgrammes(model).length, shared, names], withCollections);
  return (page) => sha256(JSON.stringify(page, withCollections), shown);
}
