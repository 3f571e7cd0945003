// What a page of one task, meeting, programme or chart (the embeddable one) shows, as one digest:
// with Astro's incremental build (astro.config.mjs, `experimental.incrementalBuild`), a page whose
// code and key are both unchanged since the last build is copied from that build instead of being
// rendered again. A key must change whenever anything the page shows changes, so it is made from all
// the page reads, not from a list of its fields.
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
 * A digest of a task's view, made once per view: the key of every page that shows or names the task
 * holds it, instead of each serialising the view (its whole history among it) again.
 */
const viewDigest = oncePer((view: TaskView) => sha256(JSON.stringify(view, withCollections)));

/** A digest of a meeting, made once per meeting, for the keys of the pages that name it. */
const meetingDigest = oncePer((group: MeetingGroup) => sha256(JSON.stringify(group, withCollections)));

/** The model's task views, to tell them among what a page reads. */
const taskViews = oncePer((model: SiteModel): ReadonlySet<unknown> => new Set(model.tasks));

/** What every page shows in one language that its other languages do not. */
export interface PageInLanguage {
  lang: string;
  paths: PathContext;
  logo: string | undefined;
}

/**
 * The keys of the pages drawn from `read` (what the page takes from the model, but the site's settings
 * and as-of date), one per language. Each holds the site's settings and as-of date, `read` (a task's
 * view in it as its digest), every meeting, unit, programme and task whose id appears anywhere in
 * `read` (the page may look any of those up by id: a unit's name in a task table, a meeting's title
 * under a chart, a programme's number as a chart's label), and what the page shows in its language.
 * What the languages share is serialised once.
 */
export function pageKeys<Page extends PageInLanguage>(model: SiteModel, read: unknown): (page: Page) => string {
  const ids = [...stringsIn(read)];
  const views = taskViews(model);
  const viewsAsDigests = (key: string, value: unknown) => (views.has(value) ? viewDigest(value as TaskView) : withCollections(key, value));
  const shown = JSON.stringify(
    [
      model.site,
      model.asOf,
      read,
      named(ids, meetingsById(model)).map(meetingDigest),
      named(ids, unitsById(model)),
      named(ids, programmesById(model)),
      named(ids, taskViewsById(model)).map(viewDigest),
    ],
    viewsAsDigests,
  );
  return (page) => sha256(JSON.stringify(page, withCollections), shown);
}

/** What a meeting's page shows in one language that its other languages do not. */
export interface MeetingPageInLanguage extends PageInLanguage {
  publisherLogo: string;
  /** The meeting file's fields (its photos among them) and its rendered body. */
  file: unknown;
  /** The related meetings it lists. */
  related: readonly MeetingGroup[];
}

/**
 * The keys of a meeting's pages (`pageKeys`): what they read is the meeting, the figures it reported
 * with the registry's counts beside them, the changes since the previous meeting of its level and that
 * meeting, and whether the registry is empty or partial; and, in each language, the logos, the meeting
 * file with its rendered body, and the related meetings in that language.
 */
export function meetingPageKeys(model: SiteModel, group: MeetingGroup): (page: MeetingPageInLanguage) => string {
  return pageKeys(model, [
    group,
    reportedByMeeting(model).get(group.id) ?? [],
    changesSinceLastMeeting(model, group.id),
    previousMeetingOfLevel(model, group) ?? null,
    model.tasks.length,
    partialProgrammes(model).length,
  ]);
}
