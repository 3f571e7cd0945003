import { stringify } from 'yaml';
import { slugify } from '../lib/text.ts';
import { isIsoDate } from '../lib/dates.ts';
import { msg, splitLangArg } from '../lib/messages.ts';
import { suggestIsoDate, suggestValue } from '../lib/suggest.ts';
import { defaultLocale } from '../lib/content-model.ts';
import type { ContentModel } from '../lib/content-model.ts';
import { contentDir, readContent } from '../content/reader.ts';
import { NOT_RENDERED } from '../lib/markdown.ts';
import { chooseMessageLang } from '../content/site-config.ts';
import type { Site } from '../schemas/index.ts';
import type { Question } from './prompt.ts';
import type { UiKey } from '../i18n/translate.ts';
import { parseFlags } from './flags.ts';

/** The scaffold commands, each with its usage line. */
const USAGE = { 'new:meeting': 'scaffold.usage.meeting', 'new:task': 'scaffold.usage.task' } as const satisfies Record<string, UiKey>;

/** What a scaffold command starts from, or the exit code it ends with at once. */
export type ScaffoldStart =
  | { exitCode: number }
  | {
      /** The content folder. */
      dir: string;
      /** The command line's flags, `--lang` taken out. */
      flags: Record<string, string>;
      /** Writes a problem on standard error after the command's name; returns the exit code, 1. */
      fail: (problem: string) => number;
      /** The content, its meeting bodies not rendered: a scaffold needs the site, the ids and the tasks. */
      model: ContentModel;
      /** The site's languages, its default one first. */
      langs: [string, ...string[]];
    };

/**
 * Starts a scaffold command: messages in the site's language (or `--lang`), the flags of `argv`, and
 * the content read. `--help` prints the usage line and ends the command before the content is read;
 * content whose core files cannot be read ends it with a message.
 */
export function startScaffold(command: keyof typeof USAGE, argv: readonly string[]): ScaffoldStart {
  const { lang, rest } = splitLangArg(argv);
  const dir = contentDir();
  chooseMessageLang(lang, dir);
  const flags = parseFlags(rest);
  const fail = (problem: string) => (process.stderr.write(`${command}: ${problem}\n`), 1);
  if (flags.help) {
    process.stdout.write(`${msg(USAGE[command])}\n`);
    return { exitCode: 0 };
  }
  // No body rendered: a meeting body's rendering is most of a read's time, and no scaffold uses it.
  const { model } = readContent(dir, { renderedBefore: () => NOT_RENDERED });
  if (!model) return { exitCode: fail(msg('scaffold.siteInvalid')) };
  return { dir, flags, fail, model, langs: siteLanguages(model.site) };
}

/** What a new meeting needs. */
export interface NewMeeting {
  date: string;
  level: string;
  /** Title per language; the first language's title names the file. */
  titles: Record<string, string>;
}

/** Why an answer is not a real date written `YYYY-MM-DD` (with the ISO form of `18/9/2025`), or undefined. */
export function checkDate(value: string): string | undefined {
  if (isIsoDate(value)) return undefined;
  const date = suggestIsoDate(value);
  return date ? msg('scaffold.badDateSuggest', { value, date }) : msg('scaffold.badDate', { value });
}

/** Why an answer is not one of `choices` (with the one meant, for a Vietnamese word or a typo), or undefined. */
export function checkChoice(value: string, choices: readonly string[]): string | undefined {
  if (choices.includes(value)) return undefined;
  const match = suggestValue(value, choices);
  return msg('scaffold.notOneOf', { value, choices: choices.join(', ') }) + (match ? msg('problem.didYouMean', { match }) : '');
}

/** Why a title cannot name a file or a task, or undefined. */
export function checkTitle(value: string): string | undefined {
  return slugify(value) ? undefined : msg('scaffold.noLetters');
}

/** The site's languages, its default one first. */
function siteLanguages(site: Site): [string, ...string[]] {
  const first = defaultLocale(site);
  return [first, ...site.locales.filter((l) => l !== first)];
}

/**
 * The titles a new file asks for: in the site's default language (`--title`, or `--title-<lang>`),
 * required, and in each other language (`--title-<lang>`), optional; each checked as a title.
 */
export function titleQuestions(langs: readonly [string, ...string[]], flags: Record<string, string>): { given: Record<string, string | undefined>; questions: Question[] } {
  const [first, ...others] = langs;
  return {
    given: { [`title-${first}`]: flags.title ?? flags[`title-${first}`], ...Object.fromEntries(others.map((l) => [`title-${l}`, flags[`title-${l}`]])) },
    questions: langs.map((l, i) => ({ key: `title-${l}`, message: msg('scaffold.ask.title', { lang: l }), ...(i > 0 ? { optional: true } : {}), check: checkTitle })),
  };
}

/** The titles answered, by language, in the order of `langs`. */
export function titlesAnswered(langs: readonly string[], answers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(langs.flatMap((l) => (answers[`title-${l}`] ? [[l, answers[`title-${l}`]!]] : [])));
}

/** Why an id cannot be a new task's, or undefined. */
export function checkNewId(value: string, used: ReadonlySet<string>): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value)) return msg('scaffold.badId', { value });
  return used.has(value) ? msg('scaffold.idTaken', { value }) : undefined;
}

/** The meeting's id, from its date and the slug of its first title. */
export function meetingStem(m: NewMeeting): string {
  return `${m.date}-${slugify(Object.values(m.titles)[0]!).slice(0, 60).replace(/-+$/, '')}`;
}

const PLACEHOLDER: Record<string, { summary: string; body: string }> = {
  vi: { summary: 'Viết sapo (đoạn mở đầu) ở đây.', body: 'Viết nội dung tin ở đây. Xóa dòng `draft: true` ở trên khi tin đã sẵn sàng đăng.' },
  en: { summary: 'Write the lead paragraph here.', body: 'Write the news item here. Remove the `draft: true` line above when it is ready to publish.' },
};

/** The text of one language's meeting file: a draft that validates, with every field an author fills in. */
export function renderMeetingFile(m: NewMeeting, lang: string, isFirst: boolean): string {
  const text = PLACEHOLDER[lang] ?? PLACEHOLDER.en!;
  const frontmatter: Record<string, unknown> = { title: m.titles[lang], date: m.date, summary: text.summary };
  // Shared fields live in one translation; the others take them from it.
  if (isFirst) frontmatter.level = m.level;
  frontmatter.draft = true;
  const yaml = stringify(frontmatter, { lineWidth: 0 }).replace(/^date: '(\d{4}-\d{2}-\d{2})'$/m, 'date: $1');
  const hints = [
    '# chair: { name: "…", role: "…" }',
    '# attendees:',
    '#   - { name: "…", role: "…" }',
    ...(isFirst ? ['# reported:', '#   - { programme: …, total: …, completed: …, percent_completed: … }', '# tasks: [ … ]'] : []),
    '# directions:',
    '#   - { text: "…", tasks: [ … ], deadline: YYYY-MM-DD }',
    '# sources:',
    '#   - { url: https://…, title: "…", publisher: "…" }',
    '# images:',
    '#   - { src: media/…, alt: "…", caption: "…" }',
  ];
  return `---\n${yaml}${hints.join('\n')}\n---\n\n${text.body}\n`;
}

/** The next free id for a programme's tasks: its letters and digits, a hyphen, and a three-digit number. */
export function nextTaskId(programme: string, used: ReadonlySet<string>): string {
  const prefix = programme.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  const numbers = [...used]
    .map((id) => new RegExp(`^${prefix}-(\\d+)$`).exec(id)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  const next = numbers.length ? Math.max(...numbers) + 1 : 1;
  return `${prefix}-${String(next).padStart(3, '0')}`;
}

/**
 * An id for a new task in the programme's existing pattern: the next number when its ids are
 * numbered (`KH12-007` → `KH12-008`), the first words of the title when they are words
 * (`CTR97-GEN-CUA` → `CTR97-CONG-DU-LIEU` for "Cổng dữ liệu mở tỉnh"), and numbered when the
 * programme has no task yet.
 */
export function proposeTaskId(programme: string, title: string, used: ReadonlySet<string>): string {
  const prefix = programme.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  const own = [...used].filter((id) => id.startsWith(`${prefix}-`)).map((id) => id.slice(prefix.length + 1));
  const worded = own.length > 0 && own.some((rest) => !/^\d+$/.test(rest));
  if (!worded) return nextTaskId(programme, used);
  const words = slugify(title).toUpperCase().split('-').filter(Boolean).slice(0, 3);
  const stem = `${prefix}-${words.join('-')}`;
  let id = stem;
  for (let n = 2; used.has(id); n++) id = `${stem}-${n}`;
  return id;
}

/** What a new task needs. */
export interface NewTask {
  id: string;
  /** In the site's default language, or per language. */
  title: string | Record<string, string>;
  programme: string;
  owner: string;
  deadline?: string;
  assigned?: string;
}

/** A task as a YAML list item, ready to append to a task file. */
export function renderTask(task: NewTask): string {
  const entry: Record<string, unknown> = { id: task.id, title: task.title, programme: task.programme, owner: task.owner };
  if (task.assigned) entry.assigned = task.assigned;
  if (task.deadline) entry.deadline = task.deadline;
  // Until a source reports where it stands (see the guide): unknown, not a claim that it has not started.
  entry.status = 'unknown';
  const yaml = stringify([entry], { lineWidth: 0 }).replace(/^(\s+(?:assigned|deadline)): '(\d{4}-\d{2}-\d{2})'$/gm, '$1: $2');
  return `${yaml}  # history:\n  #   - { date: YYYY-MM-DD, status: in-progress, note: "…" }\n  # sources:\n  #   - { url: https://…, title: "…" }\n`;
}
