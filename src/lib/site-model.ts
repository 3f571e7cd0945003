import type { Meeting, Programme, Site, Task, Unit } from '../schemas/index.ts';
import { toLocalDate } from './dates.ts';
import { computeProgrammeProgress, deriveFlags, seriesDates, statusOn } from './progress.ts';
import type { Counts, SeriesPoint, TaskStatus } from './progress.ts';
import { reconcileFigure } from './reconcile.ts';
import type { ReconciledFigure, RegistryCoverage } from './reconcile.ts';
import { defaultLocale } from './content-model.ts';
import type { ContentModel } from './content-model.ts';

/** What the site is built from: the checked content, with drafts still in. */
export interface SiteInput {
  site: Site;
  programmes: readonly Programme[];
  units: readonly Unit[];
  tasks: readonly Task[];
  meetings: ReadonlyArray<{ id: string; lang: string; data: Meeting }>;
}

/** A published meeting with all its translations. */
export interface MeetingGroup {
  id: string;
  /** The date as written (date or date-time). */
  date: string;
  /** Its calendar date in the site's timezone. */
  day: string;
  level: Meeting['level'];
  reported: NonNullable<Meeting['reported']>;
  tasks: string[];
  /** Languages in which it is published, default language first. */
  langs: string[];
  translations: Record<string, Meeting>;
}

/** A task with what the registry derives from it as of the as-of date. */
export interface TaskView {
  task: Task;
  /** Status as of the as-of date; null when it was assigned later. */
  status: TaskStatus | null;
  overdue: boolean;
  late: boolean;
  on_schedule: boolean;
  /** Ids of published meetings that list it in `tasks`. */
  meetings: string[];
  /** Ids of published meetings that list it in `tasks` or in a direction. */
  discussedIn: string[];
}

/** A reported figure of a published meeting, beside the registry's figure. */
export interface MeetingFigure extends ReconciledFigure {
  /** Id of the meeting that reported it. */
  meeting: string;
}

/** The machine-readable progress: registry counts and reported figures side by side. */
export interface ProgressData {
  as_of: string;
  /** Per programme: how much of it the registry holds, its counts as of `as_of` and its series. */
  programmes: Record<string, { registry: RegistryCoverage; counts: Counts; series: SeriesPoint[] }>;
  reported: MeetingFigure[];
}

/** Everything the pages and data files show, computed once per build. */
export interface SiteModel {
  site: Site;
  asOf: string;
  defaultLocale: string;
  programmes: readonly Programme[];
  units: readonly Unit[];
  /** Tasks in id order. */
  tasks: TaskView[];
  /** Published meetings, newest first. */
  meetings: MeetingGroup[];
  progress: ProgressData;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Task ids in the order a reader counts them: numbers within an id compared as numbers (K2 before
 * K10, CTR97-9 before CTR97-10), the rest character by character; ids that tie so (K01, K1) by their text.
 */
export function compareTaskIds(a: string, b: string): number {
  const as = a.match(/\d+|\D+/g) ?? [];
  const bs = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i]!;
    const y = bs[i]!;
    if (x === y) continue;
    const digits = /^\d/.test(x) && /^\d/.test(y);
    if (!digits) return compareIds(x, y);
    // Numbers of any length: fewer significant digits is smaller, then digit by digit.
    const [p, q] = [x.replace(/^0+(?=\d)/, ''), y.replace(/^0+(?=\d)/, '')];
    if (p.length !== q.length) return p.length - q.length;
    if (p !== q) return compareIds(p, q);
  }
  return as.length - bs.length || compareIds(a, b);
}

/** Groups translations of each published meeting, newest first; drafts are left out unless `drafts` (the preview). */
export function groupMeetings(meetings: SiteInput['meetings'], defaultLang: string, locales: readonly string[], drafts = false): MeetingGroup[] {
  const groups = Map.groupBy(drafts ? meetings : meetings.filter((m) => !m.data.draft), (m) => m.id);
  const order = (lang: string) => (lang === defaultLang ? -1 : locales.indexOf(lang));
  return [...groups.entries()]
    .map(([id, files]) => {
      const sorted = [...files].sort((a, b) => order(a.lang) - order(b.lang));
      const first = sorted[0]!.data;
      return {
        id,
        date: first.date,
        day: toLocalDate(first.date),
        level: first.level,
        reported: first.reported ?? [],
        tasks: first.tasks ?? [],
        langs: sorted.map((f) => f.lang),
        translations: Object.fromEntries(sorted.map((f) => [f.lang, f.data])),
      };
    })
    .sort((a, b) => compareIds(b.date.length > 10 ? b.date : b.day, a.date.length > 10 ? a.date : a.day) || compareIds(b.day, a.day) || compareIds(a.id, b.id));
}

/** What the site is built from, taken from a checked content folder. */
export function siteInputFromContent(content: ContentModel): SiteInput {
  return {
    site: content.site,
    programmes: content.programmes.map((p) => p.data),
    units: content.units.map((u) => u.data),
    tasks: content.tasks.map((t) => t.data),
    meetings: content.meetings.map((m) => ({ id: m.id, lang: m.lang, data: m.data })),
  };
}

/** Computes the published site's data as of a date. */
export function buildSiteModel(input: SiteInput, asOf: string, { drafts = false }: { drafts?: boolean } = {}): SiteModel {
  const lang = defaultLocale(input.site);
  const meetings = groupMeetings(input.meetings, lang, input.site.locales, drafts);
  const listing = new Map<string, string[]>();
  const discussing = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, task: string, meeting: string) => {
    const list = map.get(task) ?? [];
    if (!list.includes(meeting)) list.push(meeting);
    map.set(task, list);
  };
  for (const meeting of [...meetings].reverse()) {
    for (const id of meeting.tasks) {
      add(listing, id, meeting.id);
      add(discussing, id, meeting.id);
    }
    for (const translation of Object.values(meeting.translations)) {
      for (const direction of translation.directions ?? []) for (const id of direction.tasks ?? []) add(discussing, id, meeting.id);
    }
  }
  const tasks = [...input.tasks]
    .sort((a, b) => compareTaskIds(a.id, b.id))
    .map((task) => ({
      task,
      status: statusOn(task, asOf),
      ...deriveFlags(task, asOf),
      meetings: listing.get(task.id) ?? [],
      discussedIn: discussing.get(task.id) ?? [],
    }));
  const jurisdiction = input.site.jurisdiction.id;
  const chronological = [...meetings].reverse();
  // A figure is about one programme, and counting filters by it: handing the count only that
  // programme's tasks spares it going through every other one's, for each figure.
  const tasksOf = Map.groupBy(input.tasks, (task) => task.programme);
  const coverage = new Map(input.programmes.map((p) => [p.id, p.registry ?? 'complete']));
  const reported: MeetingFigure[] = chronological.flatMap((meeting) =>
    meeting.reported.map((figure) => ({
      meeting: meeting.id,
      ...reconcileFigure(figure, meeting.day, tasksOf.get(figure.programme) ?? [], jurisdiction, coverage.get(figure.programme)),
    })),
  );
  const dates = seriesDates(
    meetings.map((m) => m.day),
    reported.map((r) => r.as_of),
    asOf,
  );
  const progress = computeProgrammeProgress(input.tasks, input.programmes.map((p) => p.id), asOf, dates);
  const programmes = Object.fromEntries(
    Object.entries(progress).map(([id, { counts, series }]) => [id, { registry: coverage.get(id) ?? 'complete', counts, series }]),
  );
  return {
    site: input.site,
    asOf,
    defaultLocale: lang,
    programmes: input.programmes,
    units: input.units,
    tasks,
    meetings,
    progress: { as_of: asOf, programmes, reported },
  };
}
