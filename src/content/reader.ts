import { statSync } from 'node:fs';
import type { z } from 'astro/zod';
import { ProgrammeSchema, SiteSchema, TaskSchema, UnitSchema } from '../schemas/index.ts';
import type { Meeting, Site } from '../schemas/index.ts';
import { checkContent, SHARED_MEETING_FIELDS } from '../lib/content-checks.ts';
import type { UnreadFile } from '../lib/content-checks.ts';
import type { ContentModel, IdRef, MeetingEntry, TaskEntry } from '../lib/content-model.ts';
import { defaultLocale } from '../lib/content-model.ts';
import { meetingSource, readMeetingFile } from './meeting-file.ts';
import type { MeetingFileRead, MeetingJob } from './meeting-file.ts';
import type { RenderedBody } from '../lib/markdown.ts';
import { checkAgainstSchema } from '../lib/schema-problems.ts';
import { parseYamlSource, positionProblem } from '../lib/yaml-source.ts';
import type { YamlSource } from '../lib/yaml-source.ts';
import { sortProblems } from '../lib/problems.ts';
import { msg } from '../lib/messages.ts';
import type { PathProblem, Problem } from '../lib/problems.ts';
import { contentDir } from './dir.ts';
import { listContentFiles, NotUtf8Error, readContentText } from './files.ts';

export { contentDir };

/** What reading a content folder gives: the model when the core files could be read, and every problem. */
export interface ContentRead {
  model?: ContentModel;
  problems: Problem[];
  /** Each meeting body rendered to sanitised HTML, with what the sanitiser removed, by file. */
  rendered: Map<string, RenderedBody>;
  /** Gives a problem found later (by another check) its line and column in these files. */
  position: (problem: PathProblem) => Problem;
}

/** What one YAML list file gives: the items that passed their schema, every id as written, and every problem, placed. */
interface ListRead<T> {
  items: Array<{ index: number; data: T }>;
  ids: IdRef[];
  problems: Problem[];
  /** When the file could not be parsed: the ids it appears to define, as far as they can be made out. */
  unreadIds?: string[];
}

/** `id:` values in a text that could not be parsed: what its references elsewhere most likely name. */
function idsInText(text: string): string[] {
  return [...text.matchAll(/^[ \t]*(?:-[ \t]+)?id:[ \t]*["']?([A-Za-z0-9][A-Za-z0-9._-]*)/gm)].map((m) => m[1]!);
}

/** What a list file lists. */
type ListKind = 'programmes' | 'units' | 'tasks';
const LIST_KIND = { programmes: 'programme', units: 'unit', tasks: 'task' } as const;

/** Checks each item of a parsed list file against its schema. */
function checkList<S extends z.ZodType>(schema: S, source: YamlSource, what: ListKind): ListRead<z.output<S>> {
  const problems = [...source.problems];
  const ids: IdRef[] = [];
  if (source.data === undefined) return { items: [], ids, problems, unreadIds: idsInText(source.text) };
  if (source.data === null || (Array.isArray(source.data) && source.data.length === 0)) {
    // A file with nothing in it (empty, or comments only) is likely a slip; an explicit `[]` says that no
    // task is published yet, as an honest partial registry may, and is not warned about.
    if (what === 'tasks' && source.data === null && source.problems.length === 0) {
      problems.push({ file: source.file, line: 1, column: 1, severity: 'warning', message: msg('problem.noTasks') });
    }
    return { items: [], ids, problems };
  }
  if (!Array.isArray(source.data)) {
    problems.push(positionProblem(source, { file: source.file, path: [], severity: 'error', message: msg('problem.notAList', { what: msg(`problem.kinds.${what}`) }) }));
    return { items: [], ids, problems };
  }
  const items = source.data.flatMap((item: unknown, index) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string' || typeof id === 'number') ids.push({ file: source.file, index, id: String(id) });
    const { value, partial, problems: found } = checkAgainstSchema(schema, item, source.file, [index]);
    problems.push(...found.map((problem) => positionProblem(source, problem)));
    // When the rest of an item passes, that rest is kept (the build stops anyway).
    const data = value ?? partial;
    return data === undefined ? [] : [{ index, data: data as z.output<S> }];
  });
  return { items, ids, problems };
}

class Reader {
  readonly problems: Problem[] = [];
  /** List files that could not be parsed. */
  readonly unread: UnreadFile[] = [];
  readonly sources = new Map<string, YamlSource>();
  readonly rendered = new Map<string, RenderedBody>();
  readonly files: Set<string>;
  readonly outside: string[];
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    const listed = listContentFiles(dir);
    this.files = new Set(listed.files);
    this.outside = listed.outside.map((link) => link.path);
    for (const link of listed.outside) {
      // What the reader reads by itself is an error; a photo is one where a meeting names it.
      const read = /^(site|programmes|units)\.ya?ml$|^(tasks|meetings)(\/|$)/.test(link.path);
      this.problemAt(link.path, 1, 1, msg(link.directory ? 'problem.outsideLink.folder' : 'problem.outsideLink.file'), read ? 'error' : 'warning');
    }
  }

  /** Reports a file that is not UTF-8 where its first bad byte is; rethrows anything else. */
  notUtf8(file: string, e: unknown): undefined {
    if (!(e instanceof NotUtf8Error)) throw e;
    this.problemAt(file, e.line, e.column, e.message);
    return undefined;
  }

  problemAt(file: string, line: number, column: number, message: string, severity: Problem['severity'] = 'error') {
    this.problems.push({ file, line, column, severity, message });
  }

  /**
   * Gives a problem its line and column. A meeting file's frontmatter, not kept once read, is
   * parsed again here, only when a check across files found a problem in it.
   */
  position = (problem: PathProblem): Problem => {
    let source = this.sources.get(problem.file);
    if (!source) {
      source = problem.file.startsWith('meetings/') ? meetingSource(this.dir, problem.file) : this.parseYaml(problem.file);
      if (source) this.sources.set(problem.file, source);
    }
    return source ? positionProblem(source, problem) : { file: problem.file, line: 1, column: 1, severity: problem.severity, message: problem.message };
  };

  addPathProblems(problems: readonly PathProblem[]) {
    for (const problem of problems) this.problems.push(this.position(problem));
  }

  /** A content file's text. Throws `NotUtf8Error` when it is not UTF-8. */
  text(file: string): string {
    return readContentText(this.dir, file);
  }

  /** A content file's text, or undefined (and the problem reported) when it is not UTF-8. */
  textOrReport(file: string): string | undefined {
    try {
      return this.text(file);
    } catch (e) {
      return this.notUtf8(file, e);
    }
  }

  parseYaml(file: string): YamlSource | undefined {
    try {
      return parseYamlSource(file, this.text(file));
    } catch {
      return undefined;
    }
  }

  /** Whether the content folder has `file`; a required file that it lacks is reported. */
  has(file: string, required: boolean): boolean {
    if (this.files.has(file)) return true;
    if (required && !this.outside.includes(file)) this.problemAt(file, 1, 1, msg('problem.missingFile', { file }));
    return false;
  }

  requireYaml(file: string): YamlSource | undefined {
    if (!this.has(file, true)) return undefined;
    const text = this.textOrReport(file);
    if (text === undefined) return undefined;
    const source = parseYamlSource(file, text);
    this.sources.set(file, source);
    this.problems.push(...source.problems);
    return source;
  }

  /** The value if it passed its schema; else, when the rest of it passes, that rest (the build stops anyway). */
  checkOne<S extends z.ZodType>(schema: S, data: unknown, file: string, path: Array<string | number> = []): z.output<S> | undefined {
    const { value, partial, problems } = checkAgainstSchema(schema, data, file, path);
    this.addPathProblems(problems);
    return value ?? partial;
  }

  /** Reads a list file (of programmes, units or tasks). */
  readList<S extends z.ZodType>(schema: S, file: string, what: ListKind, ids: IdRef[], required = false): Array<{ index: number; data: z.output<S> }> {
    if (!this.has(file, required)) return [];
    const text = this.textOrReport(file);
    if (text === undefined) return [];
    const source = parseYamlSource(file, text);
    this.sources.set(file, source);
    const read = checkList(schema, source, what);
    this.problems.push(...read.problems);
    ids.push(...read.ids);
    if (read.unreadIds) this.unread.push({ file, kind: LIST_KIND[what], ids: new Set(read.unreadIds) });
    return read.items;
  }

  /** The meeting files to read. */
  meetingFiles(): string[] {
    return [...this.files].filter((file) => file.startsWith('meetings/'));
  }

  /** Takes in what reading a meeting file gave. */
  addMeeting({ file, entry, problems, rendered }: MeetingFileRead): MeetingEntry | undefined {
    this.problems.push(...problems);
    if (rendered !== undefined) this.rendered.set(file, rendered);
    return entry;
  }
}

/** Translations that leave out a shared field take it from the translation that gives it. */
function shareTranslationFields(meetings: MeetingEntry[], defaultLang: string): MeetingEntry[] {
  const byId = Map.groupBy(meetings, (m) => m.id);
  return meetings.map((meeting) => {
    const group = byId.get(meeting.id)!;
    const ordered = [...group].sort((a, b) => Number(b.lang === defaultLang) - Number(a.lang === defaultLang));
    const data = { ...meeting.data } as Record<string, unknown>;
    for (const field of SHARED_MEETING_FIELDS) {
      if (meeting.given.has(field)) continue;
      const giver = ordered.find((other) => other.given.has(field));
      if (giver) data[field] = giver.data[field];
    }
    return { ...meeting, data: data as Meeting };
  });
}

/**
 * What the checks across files need from a site.yaml that failed its schema (jurisdiction and
 * languages), so that its own errors do not hide the problems in every other file.
 */
function siteForChecks(raw: unknown): Site | undefined {
  const data = raw as { jurisdiction?: { id?: unknown }; locales?: unknown } | undefined;
  const id = data?.jurisdiction?.id;
  const locales = Array.isArray(data?.locales) ? data.locales.filter((l): l is string => typeof l === 'string') : [];
  if (typeof id !== 'string' || locales.length === 0) return undefined;
  return { name: '', publisher: '', url: '', jurisdiction: { id, name: id }, locales };
}

/**
 * A meeting body rendered by an earlier read of the same file text, if there was one: its rendering
 * is taken rather than done again (the Astro loaders take it from Astro's data store).
 */
export type RenderedBefore = (file: string, text: string) => RenderedBody | undefined;

/**
 * What was done with a meeting file before it is read: its text, and its body's rendering when one was
 * done already or kept from an earlier read. Undefined for a file that is read as it is.
 */
export type PreparedMeeting = (file: string) => MeetingJob | undefined;

/** A meeting file's text, with its body's rendering when `renderedBefore` has one for that text. */
export function withRenderingBefore(dir: string, file: string, renderedBefore: RenderedBefore): MeetingJob {
  let text: string;
  try {
    text = readContentText(dir, file);
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
    // Read again, and reported, by readMeetingFile.
    return { file };
  }
  const rendered = renderedBefore(file, text);
  return rendered ? { file, text, rendered } : { file, text };
}

/** Reads and checks a whole content folder as `readContent` does, each meeting file as `prepared` gives it. */
export function readPrepared(dir: string, prepared: PreparedMeeting): ContentRead {
  const reader = new Reader(dir);
  const read = readFiles(reader);
  return finishRead(reader, read, reader.meetingFiles().map((file) => readMeetingFile(dir, prepared(file) ?? { file })));
}

/**
 * Reads and checks a whole content folder. Never throws for bad content: every problem is in
 * `problems`. A meeting body that `renderedBefore` gives is not rendered again.
 */
export function readContent(dir: string = contentDir(), { renderedBefore }: { renderedBefore?: RenderedBefore } = {}): ContentRead {
  return readPrepared(dir, renderedBefore ? (file) => withRenderingBefore(dir, file, renderedBefore) : () => undefined);
}

interface FilesRead {
  siteSource?: YamlSource | undefined;
  site?: Site | undefined;
  ids: ContentModel['ids'];
  programmes: ContentModel['programmes'];
  units: ContentModel['units'];
  tasks: TaskEntry[];
}

/** Reads the YAML files; the meeting files are read by the caller. */
function readFiles(reader: Reader): FilesRead | undefined {
  try {
    statSync(reader.dir);
  } catch {
    reader.problemAt('.', 1, 1, msg('problem.noContentDir', { dir: reader.dir }));
    return undefined;
  }
  const siteSource = reader.requireYaml('site.yaml');
  const site = siteSource?.data !== undefined ? reader.checkOne(SiteSchema, siteSource.data, 'site.yaml') : undefined;
  const ids: ContentModel['ids'] = { tasks: [], programmes: [], units: [] };
  const programmes = reader.readList(ProgrammeSchema, 'programmes.yaml', 'programmes', ids.programmes, true);
  const units = reader.readList(UnitSchema, 'units.yaml', 'units', ids.units, true);
  const tasks: TaskEntry[] = [];
  for (const file of reader.files) {
    if (!file.startsWith('tasks/')) continue;
    if (!/\.ya?ml$/.test(file)) {
      reader.problemAt(file, 1, 1, msg('problem.taskFileNotYaml'), 'warning');
      continue;
    }
    for (const entry of reader.readList(TaskSchema, file, 'tasks', ids.tasks)) tasks.push({ file, ...entry });
  }
  return { siteSource, site, ids, programmes, units, tasks };
}

function finishRead(reader: Reader, read: FilesRead | undefined, meetingReads: readonly MeetingFileRead[]): ContentRead {
  const meetings = meetingReads.flatMap((meeting) => reader.addMeeting(meeting) ?? []);
  const result = (model?: ContentModel): ContentRead => ({ model, problems: sortProblems(reader.problems), rendered: reader.rendered, position: reader.position });
  if (!read) return result();
  const { siteSource, site, ids, programmes, units, tasks } = read;
  const checkedSite = site ?? siteForChecks(siteSource?.data);
  if (!checkedSite) return result();
  const model: ContentModel = {
    site: checkedSite,
    programmes,
    units,
    tasks,
    meetings: shareTranslationFields(meetings, defaultLocale(checkedSite)),
    ids,
    files: reader.files,
    outside: reader.outside,
  };
  reader.addPathProblems(checkContent({ ...model, meetings }, reader.unread));
  return result(site ? model : undefined);
}
