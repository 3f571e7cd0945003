import matter from 'gray-matter';
import { MeetingSchema } from '../schemas/index.ts';
import type { Meeting } from '../schemas/index.ts';
import type { MeetingEntry } from '../lib/content-model.ts';
import { headingsLikePageSections, renderMeetingBody } from '../lib/markdown.ts';
import type { RenderedBody } from '../lib/markdown.ts';
import { checkAgainstSchema } from '../lib/schema-problems.ts';
import { parseYamlSource, positionProblem } from '../lib/yaml-source.ts';
import type { YamlSource } from '../lib/yaml-source.ts';
import type { Problem } from '../lib/problems.ts';
import { messageLang, msg } from '../lib/messages.ts';
import { formatNumber } from '../i18n/translate.ts';
import { NotUtf8Error, readContentText } from './files.ts';

/** `YYYY-MM-DD-slug.LANG.md` */
export const MEETING_FILE_PATTERN = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]{2,3})\.md$/;

/** A meeting file's date, slug and language, from its path in the content folder (`meetings/…`); undefined for a name that breaks the pattern. */
function meetingFileName(file: string): { fileDate: string; slug: string; lang: string } | undefined {
  const match = MEETING_FILE_PATTERN.exec(file.slice('meetings/'.length));
  return match ? { fileDate: match[1]!, slug: match[2]!, lang: match[3]! } : undefined;
}

/** A meeting body longer than this (in bytes of UTF-8: 1 MB) is warned about: its page would be too heavy on a phone. */
export const MAX_BODY_BYTES = 1_000_000;

/** What one meeting file gives: its entry when it is usable, its problems, and its body rendered to safe HTML. */
export interface MeetingFileRead {
  file: string;
  entry?: MeetingEntry;
  problems: Problem[];
  rendered?: RenderedBody;
}

interface Parts {
  source: YamlSource;
  body: string;
  /** Lines before the body starts. */
  bodyLineOffset: number;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** A file whose opening `---` has no closing `---`. */
const UNCLOSED = 'unclosed';

/** A meeting file cut into its frontmatter's text and its body, with where each starts; nothing is parsed. */
function cutMeeting(text: string): { matter: string; matterStart: number; body: string; bodyStart: number } | typeof UNCLOSED | undefined {
  if (!/^\uFEFF?---/.test(text)) return undefined;
  // Without its closing line, the whole file would be read as frontmatter and its text as YAML.
  if (!/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(text.indexOf('---') + 3))) return UNCLOSED;
  // gray-matter only splits the file; the frontmatter is parsed with positions by the caller.
  const split = matter(text, { engines: { yaml: { parse: () => ({}), stringify: () => '' } } });
  const bodyStart = text.endsWith(split.content) ? text.length - split.content.length : text.length;
  return { matter: split.matter, matterStart: Math.max(0, text.indexOf(split.matter)), body: split.content, bodyStart };
}

/** Splits a meeting file into its frontmatter, parsed with positions, and its body. */
function splitMeeting(file: string, text: string): Parts | typeof UNCLOSED | undefined {
  const cut = cutMeeting(text);
  if (!cut || cut === UNCLOSED) return cut;
  const source = parseYamlSource(file, cut.matter, countLines(text.slice(0, cut.matterStart)));
  return { source, body: cut.body, bodyLineOffset: countLines(text.slice(0, cut.bodyStart)) };
}

/**
 * A meeting file's frontmatter parsed with positions, for placing a problem that a check across
 * files found in it. Read again from the file, as the parsed form is not kept.
 */
export function meetingSource(dir: string, file: string): YamlSource | undefined {
  try {
    const parts = splitMeeting(file, readContentText(dir, file));
    return parts === UNCLOSED ? undefined : parts?.source;
  } catch {
    return undefined;
  }
}

/**
 * A meeting file's body rendered as `readMeetingFile` renders it, with the text it was read from;
 * undefined for a file without a body to render (`readMeetingFile` reports why).
 */
export function renderMeetingFileBody(dir: string, file: string): { text: string; rendered: RenderedBody } | undefined {
  let text: string;
  try {
    text = readContentText(dir, file);
  } catch {
    return undefined;
  }
  // Only the body: its frontmatter is parsed once, by readMeetingFile.
  const cut = cutMeeting(text);
  const name = meetingFileName(file);
  return cut && cut !== UNCLOSED && name ? { text, rendered: renderMeetingBody(cut.body, name.lang) } : undefined;
}

/**
 * A meeting file to read: its path in the content folder, its text when the caller has read it
 * already, and its body's rendering when an earlier read of that text rendered it.
 */
export interface MeetingJob {
  file: string;
  text?: string;
  rendered?: RenderedBody;
}

/** Reads, checks and renders one meeting file; every problem found is positioned in the file. */
export function readMeetingFile(dir: string, { file, text, rendered: before }: MeetingJob): MeetingFileRead {
  const problems: Problem[] = [];
  const problemAt = (line: number, column: number, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file, line, column, severity, message });
  const named = meetingFileName(file);
  if (!named) {
    const name = file.slice('meetings/'.length);
    const hint = msg(name.endsWith('.mdx') ? 'problem.meetingName.mdx' : 'problem.meetingName.pattern');
    problemAt(1, 1, msg('problem.meetingName', { name, hint }));
    return { file, problems };
  }
  const { fileDate, slug, lang } = named;
  try {
    text ??= readContentText(dir, file);
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
    problemAt(e.line, e.column, e.message);
    return { file, problems };
  }
  const parts = splitMeeting(file, text);
  if (!parts) {
    problemAt(1, 1, msg('problem.noFrontmatter'));
    return { file, problems };
  }
  if (parts === UNCLOSED) {
    problemAt(1, 1, msg('problem.unclosedFrontmatter'));
    return { file, problems };
  }
  const { source, body, bodyLineOffset } = parts;
  problems.push(...source.problems);
  if (source.data === undefined) return { file, problems };
  const frontmatter = (source.data ?? {}) as Record<string, unknown>;
  if (typeof frontmatter !== 'object' || Array.isArray(frontmatter)) {
    problemAt(source.lineOffset + 1, 1, msg('problem.frontmatterNotMap'));
    return { file, problems };
  }
  const checked = checkAgainstSchema(MeetingSchema, frontmatter, file);
  problems.push(...checked.problems.map((problem) => positionProblem(source, problem)));
  const data = (checked.value ?? checked.partial) as Meeting | undefined;
  const size = Buffer.byteLength(body, 'utf8');
  if (size > MAX_BODY_BYTES) {
    problemAt(bodyLineOffset + 1, 1, msg('problem.longBody', { size: formatNumber(Math.round(size / 100_000) / 10, messageLang()) }), 'warning');
  }
  const rendered = before ?? renderMeetingBody(body, lang);
  for (const removed of rendered.removed) problemAt(removed.line + bodyLineOffset, removed.column, removed.message, 'warning');
  for (const { line, heading } of headingsLikePageSections(body, lang)) problemAt(line + bodyLineOffset, 1, msg('problem.headingLikeSection', { heading }), 'warning');
  if (!data) return { file, problems, rendered };
  const entry: MeetingEntry = { id: `${fileDate}-${slug}`, lang, file, fileDate, data, given: new Set(Object.keys(frontmatter)), body, raw: frontmatter };
  return { file, entry, problems, rendered };
}
