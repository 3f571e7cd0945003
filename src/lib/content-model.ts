import type { Meeting, Programme, Site, Task, Unit } from '../schemas/index.ts';

/** A task with where it was written. */
export interface TaskEntry {
  /** Path of its file relative to the content folder. */
  file: string;
  /** Its position in that file's list. */
  index: number;
  data: Task;
}

/** One meeting file: one meeting in one language. */
export interface MeetingEntry {
  /** The meeting's id: the file name without `.LANG.md`, shared by its translations. */
  id: string;
  /** The file's language. */
  lang: string;
  /** Path relative to the content folder. */
  file: string;
  /** The date in the file name. */
  fileDate: string;
  data: Meeting;
  /** Frontmatter fields the author wrote (others were inherited from a translation or defaulted). */
  given: ReadonlySet<string>;
  /** The Markdown body, as written. */
  body: string;
  /** The frontmatter as written, for checks that must not depend on the rest of an entry being valid. */
  raw: Readonly<Record<string, unknown>>;
}

/** An id as written in a list file, whether or not its entry passed the schema. */
export interface IdRef {
  file: string;
  index: number;
  id: string;
}

/** Everything in a content folder, parsed and checked against the schemas. */
export interface ContentModel {
  site: Site;
  programmes: Array<{ index: number; data: Programme }>;
  units: Array<{ index: number; data: Unit }>;
  tasks: TaskEntry[];
  meetings: MeetingEntry[];
  /** Ids as written, valid entries or not: for unique ids and references, so one mistake is not reported twice. */
  ids: { tasks: IdRef[]; programmes: IdRef[]; units: IdRef[] };
  /** Paths of every file in the content folder, relative to it. */
  files: ReadonlySet<string>;
  /** Paths of links in the content folder that lead outside it (files or folders): never read. */
  outside?: readonly string[];
}

/** The site's default language. */
export function defaultLocale(site: Site): string {
  return site.default_locale ?? site.locales[0] ?? 'vi';
}
