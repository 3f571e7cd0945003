import { readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import type { z } from 'astro/zod';
import {
  MeetingSchema,
  ProgrammeSchema,
  SiteSchema,
  TaskSchema,
  UnitSchema,
} from '../schemas/index.ts';
import type { Meeting, Site } from '../schemas/index.ts';
import { checkContent, SHARED_MEETING_FIELDS } from '../lib/content-checks.ts';
import type { ContentModel, IdRef, MeetingEntry, TaskEntry } from '../lib/content-model.ts';
import { defaultLocale } from '../lib/content-model.ts';
import { renderMeetingBody } from '../lib/markdown.ts';
import type { RenderedBody } from '../lib/markdown.ts';
import { MarkdownPool } from '../lib/markdown-pool.ts';
import { checkAgainstSchema } from '../lib/schema-problems.ts';
import { parseYamlSource, positionProblem } from '../lib/yaml-source.ts';
import type { YamlSource } from '../lib/yaml-source.ts';
import { sortProblems } from '../lib/problems.ts';
import type { PathProblem, Problem } from '../lib/problems.ts';

/** The content folder: `CONTENT_DIR`, default `content`, relative to the working directory. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.CONTENT_DIR || 'content');
}

/** What reading a content folder gives: the model when the core files could be read, and every problem. */
export interface ContentRead {
  model?: ContentModel;
  problems: Problem[];
  /** Sanitised HTML of each meeting body, by file. */
  html: Map<string, string>;
  /** Gives a problem found later (by another check) its line and column in these files. */
  position: (problem: PathProblem) => Problem;
}

/** `YYYY-MM-DD-slug.LANG.md` */
export const MEETING_FILE_PATTERN = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]{2,3})\.md$/;

function listFiles(dir: string, base = dir): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const full = path.join(dir, name);
    if (name.startsWith('.')) return [];
    return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** Renders a meeting body now, or later on another thread. */
type BodyRenderer = (markdown: string) => RenderedBody | Promise<RenderedBody>;

class Reader {
  readonly problems: Problem[] = [];
  readonly sources = new Map<string, YamlSource>();
  readonly html = new Map<string, string>();
  readonly files: Set<string>;
  readonly dir: string;
  readonly #render: BodyRenderer;
  readonly #rendering: Array<Promise<void>> = [];

  constructor(dir: string, render: BodyRenderer) {
    this.dir = dir;
    this.files = new Set(listFiles(dir));
    this.#render = render;
  }

  /** Renders a body into `html`, reporting what the sanitiser removed at its line in the file. */
  renderBody(file: string, markdown: string, lineOffset: number): void {
    const done = ({ html, removed }: RenderedBody) => {
      for (const r of removed) this.problemAt(file, r.line + lineOffset, r.column, r.message, 'warning');
      this.html.set(file, html);
    };
    // The file's place in `html` is taken now, so the order is the files' order however the bodies finish.
    this.html.set(file, '');
    const rendered = this.#render(markdown);
    if (rendered instanceof Promise) this.#rendering.push(rendered.then(done));
    else done(rendered);
  }

  /** Waits for the bodies being rendered elsewhere. */
  async rendered(): Promise<void> {
    await Promise.all(this.#rendering);
  }

  problemAt(file: string, line: number, column: number, message: string, severity: Problem['severity'] = 'error') {
    this.problems.push({ file, line, column, severity, message });
  }

  position = (problem: PathProblem): Problem => {
    const source = this.sources.get(problem.file);
    return source ? positionProblem(source, problem) : { file: problem.file, line: 1, column: 1, severity: problem.severity, message: problem.message };
  };

  addPathProblems(problems: readonly PathProblem[]) {
    for (const problem of problems) this.problems.push(this.position(problem));
  }

  readYaml(file: string): YamlSource | undefined {
    if (!this.files.has(file)) return undefined;
    const source = parseYamlSource(file, readFileSync(path.join(this.dir, file), 'utf8'));
    this.sources.set(file, source);
    this.problems.push(...source.problems);
    return source;
  }

  requireYaml(file: string): YamlSource | undefined {
    const source = this.readYaml(file);
    if (!source) this.problemAt(file, 1, 1, `${file} is missing from the content folder`);
    return source;
  }

  /** The value if it passed its schema; else, when the rest of it passes, that rest (the build stops anyway). */
  checkOne<S extends z.ZodType>(schema: S, data: unknown, file: string, path: Array<string | number> = []): z.output<S> | undefined {
    const { value, partial, problems } = checkAgainstSchema(schema, data, file, path);
    this.addPathProblems(problems);
    return value ?? partial;
  }

  checkList<S extends z.ZodType>(schema: S, source: YamlSource | undefined, what: string, ids: IdRef[]) {
    if (!source || source.data === undefined || source.data === null) return [];
    if (!Array.isArray(source.data)) {
      this.addPathProblems([{ file: source.file, path: [], severity: 'error', message: `the file must be a list of ${what} (each item starting with "- ")` }]);
      return [];
    }
    return source.data.flatMap((item: unknown, index) => {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string' || typeof id === 'number') ids.push({ file: source.file, index, id: String(id) });
      const value = this.checkOne(schema, item, source.file, [index]);
      return value === undefined ? [] : [{ index, data: value as z.output<S> }];
    });
  }

  readMeeting(file: string): MeetingEntry | undefined {
    const name = file.slice('meetings/'.length);
    const match = MEETING_FILE_PATTERN.exec(name);
    if (!match) {
      const hint = name.endsWith('.mdx')
        ? 'meetings are plain Markdown (.md): MDX can run code and is not accepted'
        : 'name it YYYY-MM-DD-slug.LANG.md, e.g. 2025-09-18-ban-chi-dao-tinh.vi.md (slug: lower-case letters, digits and hyphens)';
      this.problemAt(file, 1, 1, `meeting file name '${name}' is not valid: ${hint}`);
      return undefined;
    }
    const [, fileDate, slug, lang] = match as unknown as [string, string, string, string];
    const text = readFileSync(path.join(this.dir, file), 'utf8');
    // gray-matter only splits the file; the frontmatter is parsed with positions below.
    const split = matter(text, { engines: { yaml: { parse: () => ({}), stringify: () => '' } } });
    if (!/^\uFEFF?---/.test(text)) {
      this.problemAt(file, 1, 1, 'the file must start with frontmatter between two "---" lines (title, date, summary)');
      return undefined;
    }
    const frontmatterStart = text.indexOf(split.matter);
    const lineOffset = countLines(text.slice(0, Math.max(0, frontmatterStart)));
    const source = parseYamlSource(file, split.matter, lineOffset);
    this.sources.set(file, source);
    this.problems.push(...source.problems);
    if (source.data === undefined) return undefined;
    const frontmatter = (source.data ?? {}) as Record<string, unknown>;
    if (typeof frontmatter !== 'object' || Array.isArray(frontmatter)) {
      this.problemAt(file, lineOffset + 1, 1, 'the frontmatter must be a map of fields (title, date, summary, …)');
      return undefined;
    }
    const data = this.checkOne(MeetingSchema, frontmatter, file) as Meeting | undefined;
    const bodyStart = text.endsWith(split.content) ? text.length - split.content.length : text.length;
    const bodyLineOffset = countLines(text.slice(0, bodyStart));
    this.renderBody(file, split.content, bodyLineOffset);
    if (!data) return undefined;
    return { id: `${fileDate}-${slug}`, lang, file, fileDate, data, given: new Set(Object.keys(frontmatter)), body: split.content, raw: frontmatter };
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Translations that leave out a shared field take it from the translation that gives it. */
function shareTranslationFields(meetings: MeetingEntry[], defaultLang: string): MeetingEntry[] {
  const byId = new Map<string, MeetingEntry[]>();
  for (const m of meetings) byId.set(m.id, [...(byId.get(m.id) ?? []), m]);
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

/** Reads and checks a whole content folder. Never throws for bad content: every problem is in `problems`. */
export function readContent(dir: string = contentDir()): ContentRead {
  const reader = new Reader(dir, renderMeetingBody);
  return finishRead(reader, readFiles(reader));
}

/**
 * The same as `readContent`, with the meeting bodies rendered on worker threads while the YAML is
 * read and checked: for the command-line tools, where a province's whole history is read at once.
 * Small folders are read on one thread, where starting the workers would cost more than it saves.
 */
export async function readContentInParallel(dir: string = contentDir(), threads = availableParallelism()): Promise<ContentRead> {
  const bodies = [...listFiles(path.join(dir, 'meetings'))].length;
  if (threads < 2 || bodies < 200) return readContent(dir);
  const pool = new MarkdownPool(threads - 1);
  try {
    const reader = new Reader(dir, (markdown) => pool.render(markdown));
    const files = readFiles(reader);
    pool.flush();
    await reader.rendered();
    return finishRead(reader, files);
  } finally {
    await pool.close();
  }
}

interface FilesRead {
  siteSource?: YamlSource | undefined;
  site?: Site | undefined;
  ids: ContentModel['ids'];
  programmes: ContentModel['programmes'];
  units: ContentModel['units'];
  tasks: TaskEntry[];
  meetings: MeetingEntry[];
}

function readFiles(reader: Reader): FilesRead | undefined {
  try {
    statSync(reader.dir);
  } catch {
    reader.problemAt('.', 1, 1, `content folder ${reader.dir} does not exist (set CONTENT_DIR)`);
    return undefined;
  }
  const siteSource = reader.requireYaml('site.yaml');
  const site = siteSource?.data !== undefined ? reader.checkOne(SiteSchema, siteSource.data, 'site.yaml') : undefined;
  const ids: ContentModel['ids'] = { tasks: [], programmes: [], units: [] };
  const programmes = reader.checkList(ProgrammeSchema, reader.requireYaml('programmes.yaml'), 'programmes', ids.programmes);
  const units = reader.checkList(UnitSchema, reader.requireYaml('units.yaml'), 'units', ids.units);
  const tasks: TaskEntry[] = [];
  const meetings: MeetingEntry[] = [];
  for (const file of reader.files) {
    if (file.startsWith('tasks/')) {
      if (!/\.ya?ml$/.test(file)) {
        reader.problemAt(file, 1, 1, 'task files must be YAML (.yaml)', 'warning');
        continue;
      }
      for (const entry of reader.checkList(TaskSchema, reader.readYaml(file), 'tasks', ids.tasks)) tasks.push({ file, ...entry });
    } else if (file.startsWith('meetings/')) {
      const meeting = reader.readMeeting(file);
      if (meeting) meetings.push(meeting);
    }
  }
  return { siteSource, site, ids, programmes, units, tasks, meetings };
}

function finishRead(reader: Reader, read: FilesRead | undefined): ContentRead {
  const result = (model?: ContentModel): ContentRead => ({ model, problems: sortProblems(reader.problems), html: reader.html, position: reader.position });
  if (!read) return result();
  const { siteSource, site, ids, programmes, units, tasks, meetings } = read;
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
  };
  reader.addPathProblems(checkContent({ ...model, meetings }));
  return result(site ? model : undefined);
}
