import type { PathProblem } from './problems.ts';
import type { ContentModel, IdRef, MeetingEntry } from './content-model.ts';
import { defaultLocale } from './content-model.ts';
import { didYouMean } from './suggest.ts';
import { msg } from './messages.ts';
import { toLocalDate } from './dates.ts';
import { hasAnySource, isMeetingSource } from './sources.ts';

const PROGRAMMES_FILE = 'programmes.yaml';
const SITE_FILE = 'site.yaml';

/** Fields that translations of one meeting share. */
export const SHARED_MEETING_FIELDS = ['date', 'level', 'reported', 'tasks'] as const;

/** What a reference names. */
type RefKind = 'task' | 'programme' | 'unit' | 'meeting';

/** A list file that could not be read, and the ids it appears to define (none when none could be made out). */
export interface UnreadFile {
  file: string;
  kind: RefKind;
  ids: ReadonlySet<string>;
}

/**
 * Checks references. A reference to what a file that could not be read would have defined is not
 * reported where it is written: the cause is that file, and its one error. Such references are
 * counted, and summarised in one line at that file.
 */
class References {
  readonly #unread: readonly UnreadFile[];
  readonly #skipped = new Map<UnreadFile, number>();

  constructor(unread: readonly UnreadFile[]) {
    this.#unread = unread;
  }

  /** The message for a reference to no known id, or undefined when it is known or skipped. */
  check(kind: RefKind, value: string, known: ReadonlySet<string>): string | undefined {
    if (known.has(value)) return undefined;
    const unread = this.#unread.find((u) => u.kind === kind && u.ids.has(value)) ?? this.#unread.find((u) => u.kind === kind && u.ids.size === 0);
    if (unread) {
      this.#skipped.set(unread, (this.#skipped.get(unread) ?? 0) + 1);
      return undefined;
    }
    return `${msg('problem.unknownRef', { kind: msg(`problem.kind.${kind}`), value })}${didYouMean(value, known)}`;
  }

  /** One line at each unreadable file that references were skipped for. */
  summary(): PathProblem[] {
    return [...this.#skipped].map(([unread, count]) =>
      warning(unread.file, [], msg('problem.skippedRefs', { count, what: msg(`problem.kinds.${unread.kind}s`) })),
    );
  }
}

/** Checks across files: references, unique ids, translations, images, and warnings an author should see. */
export function checkContent(model: ContentModel, unread: readonly UnreadFile[] = []): PathProblem[] {
  const references = new References(unread);
  return [
    ...checkUniqueIds(model),
    ...checkProgrammes(model),
    ...checkTasks(model, references),
    ...checkMeetings(model, references),
    ...checkTranslations(model.meetings, defaultLocale(model.site)),
    ...checkSiteFiles(model),
    ...references.summary(),
  ];
}

function error(file: string, path: PathProblem['path'], message: string): PathProblem {
  return { file, path, severity: 'error', message };
}

function warning(file: string, path: PathProblem['path'], message: string): PathProblem {
  return { file, path, severity: 'warning', message };
}

function checkUniqueIds(model: ContentModel): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const [kind, refs] of [
    ['task', model.ids.tasks],
    ['programme', model.ids.programmes],
    ['unit', model.ids.units],
  ] as const) {
    const first = new Map<string, string>();
    for (const ref of refs) {
      const seen = first.get(ref.id);
      if (seen) problems.push(error(ref.file, [ref.index, 'id'], msg('problem.duplicateId', { kind: msg(`problem.kind.${kind}`), id: ref.id, file: seen })));
      else first.set(ref.id, ref.file);
    }
  }
  return problems;
}

function idSet(refs: readonly IdRef[]): ReadonlySet<string> {
  return new Set(refs.map((ref) => ref.id));
}

function checkProgrammes(model: ContentModel): PathProblem[] {
  const problems: PathProblem[] = [];
  const jurisdiction = model.site.jurisdiction.id;
  for (const { index, data } of model.programmes) {
    if (data.scope !== 'national' && data.scope !== jurisdiction) {
      problems.push(error(PROGRAMMES_FILE, [index, 'scope'], msg('problem.scope', { scope: data.scope, jurisdiction })));
    }
    if (!data.issued) {
      problems.push(warning(PROGRAMMES_FILE, [index], msg('problem.noIssued', { id: data.id })));
    }
  }
  return problems;
}

function checkTasks(model: ContentModel, references: References): PathProblem[] {
  const programmes = idSet(model.ids.programmes);
  const units = idSet(model.ids.units);
  const meetings: ReadonlySet<string> = new Set(model.meetings.map((m) => m.id));
  const problems: PathProblem[] = [];
  for (const { file, index, data: task } of model.tasks) {
    const at = (...path: Array<string | number>) => [index, ...path];
    const badProgramme = references.check('programme', task.programme, programmes);
    if (badProgramme) problems.push(error(file, at('programme'), `${badProgramme} ${msg('problem.programmesListed')}`));
    const badOwner = references.check('unit', task.owner, units);
    if (badOwner) problems.push(error(file, at('owner'), `${badOwner} ${msg('problem.unitsListed')}`));
    task.partners?.forEach((partner, i) => {
      const bad = references.check('unit', partner, units);
      if (bad) problems.push(error(file, at('partners', i), bad));
      else if (partner === task.owner) problems.push(warning(file, at('partners', i), msg('problem.partnerIsOwner', { partner })));
    });
    if (task.assigned && task.deadline && task.deadline < task.assigned) {
      problems.push(warning(file, at('deadline'), msg('problem.deadlineBeforeAssigned', { deadline: task.deadline, assigned: task.assigned })));
    }
    if (task.assigned && task.completed && task.completed < task.assigned) {
      problems.push(warning(file, at('completed'), msg('problem.completedBeforeAssigned', { completed: task.completed, assigned: task.assigned })));
    }
    const history = task.history ?? [];
    history.forEach((entry, i) => {
      if (entry.source === undefined || !isMeetingSource(entry.source)) return;
      const bad = references.check('meeting', entry.source, meetings);
      if (bad) problems.push(error(file, at('history', i, 'source'), `${bad} ${msg('problem.meetingIdHint')}`));
    });
    // A status or a deadline is a fact about the task, and a reader must be able to see where it was reported.
    if (!hasAnySource(task)) {
      if (task.status !== 'unknown') {
        problems.push(
          warning(file, at('status'), msg('problem.statusNoSource', { status: task.status })),
        );
      }
      if (task.deadline) {
        problems.push(warning(file, at('deadline'), msg('problem.deadlineNoSource', { deadline: task.deadline })));
      }
    }
    const last = history[history.length - 1];
    if (last && last.status !== task.status) {
      problems.push(
        warning(file, at('history', history.length - 1, 'status'), msg('problem.historyStatus', { last: last.status, status: task.status })),
      );
    }
    if (task.status === 'completed' && task.completed && last && last.status === 'completed' && last.date !== task.completed) {
      problems.push(warning(file, at('completed'), msg('problem.completedDiffers', { completed: task.completed, date: last.date })));
    }
  }
  return problems;
}

function checkMeetings(model: ContentModel, references: References): PathProblem[] {
  const known = { tasks: idSet(model.ids.tasks), programmes: idSet(model.ids.programmes), meetings: new Set(model.meetings.map((m) => m.id)) };
  return model.meetings.flatMap((meeting) => checkMeeting(model, meeting, known, references));
}

function checkMeeting(
  model: ContentModel,
  meeting: MeetingEntry,
  known: { tasks: ReadonlySet<string>; programmes: ReadonlySet<string>; meetings: ReadonlySet<string> },
  references: References,
): PathProblem[] {
  const { file, data } = meeting;
  const problems: PathProblem[] = [];
  const { tasks, programmes, meetings: meetingIds } = known;
  if (!model.site.locales.includes(meeting.lang)) {
    problems.push(error(file, [], msg('problem.meetingLang', { lang: meeting.lang, locales: model.site.locales.join(', ') })));
  }
  const day = toLocalDate(data.date);
  if (day !== meeting.fileDate) {
    problems.push(warning(file, ['date'], msg('problem.meetingDate', { day, fileDate: meeting.fileDate })));
  }
  data.tasks?.forEach((id, i) => {
    const bad = references.check('task', id, tasks);
    if (bad) problems.push(error(file, ['tasks', i], bad));
  });
  data.directions?.forEach((direction, i) => {
    direction.tasks?.forEach((id, j) => {
      const bad = references.check('task', id, tasks);
      if (bad) problems.push(error(file, ['directions', i, 'tasks', j], bad));
    });
    direction.follow_up?.forEach((entry, j) => {
      if (entry.source === undefined || !isMeetingSource(entry.source)) return;
      const bad = references.check('meeting', entry.source, meetingIds);
      if (bad) problems.push(error(file, ['directions', i, 'follow_up', j, 'source'], `${bad} ${msg('problem.meetingIdHint')}`));
    });
    if (direction.deadline && direction.deadline < day) {
      problems.push(warning(file, ['directions', i, 'deadline'], msg('problem.directionDeadline', { deadline: direction.deadline, day })));
    }
  });
  data.reported?.forEach((figure, i) => {
    const bad = references.check('programme', figure.programme, programmes);
    if (bad) problems.push(error(file, ['reported', i, 'programme'], bad));
    if (figure.as_of && figure.as_of > day) {
      problems.push(warning(file, ['reported', i, 'as_of'], msg('problem.asOfAfter', { asOf: figure.as_of, day })));
    }
  });
  // Images are checked as written: one image failing its schema must not hide the others' problems.
  const images = Array.isArray(meeting.raw.images) ? (meeting.raw.images as unknown[]) : [];
  images.forEach((image, i) => {
    const src = (image as { src?: unknown } | null)?.src;
    const problem = typeof src === 'string' ? checkContentPath(src, model.files, model.outside) : undefined;
    if (problem) problems.push(error(file, ['images', i, 'src'], problem));
  });
  if (!data.sources?.length) {
    problems.push(warning(file, [], msg('problem.noSources')));
  }
  return problems;
}

/** Why a path written in the content cannot be used, or undefined when it is a file inside the content folder. */
export function checkContentPath(src: string, files: ReadonlySet<string>, outside: readonly string[] = []): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return msg('problem.path.url', { src });
  }
  const parts: string[] = [];
  for (const part of src.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return msg('problem.path.outside', { src });
      parts.pop();
    } else parts.push(part);
  }
  if (src.startsWith('/')) return msg('problem.path.absolute', { src });
  const normalised = parts.join('/');
  const link = outside.find((o) => normalised === o || normalised.startsWith(`${o}/`));
  if (link !== undefined) return link === normalised ? msg('problem.path.link', { src }) : msg('problem.path.inLink', { src, link });
  if (!files.has(normalised)) return `${msg('problem.path.missing', { src })}${didYouMean(normalised, files)}`;
  return undefined;
}

function checkTranslations(meetings: readonly MeetingEntry[], defaultLang: string): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const group of Map.groupBy(meetings, (meeting) => meeting.id).values()) {
    const reference = group.find((m) => m.lang === defaultLang) ?? group[0]!;
    for (const other of group) {
      if (other === reference) continue;
      for (const field of SHARED_MEETING_FIELDS) {
        if (!other.given.has(field) || !reference.given.has(field)) continue;
        if (JSON.stringify(other.data[field]) !== JSON.stringify(reference.data[field])) {
          problems.push(error(other.file, [field], msg('problem.translationDiffers', { field, file: reference.file, fields: SHARED_MEETING_FIELDS.join(', ') })));
        }
      }
    }
  }
  return problems;
}

function checkSiteFiles(model: ContentModel): PathProblem[] {
  const logo = model.site.logo;
  const problem = logo ? checkContentPath(logo, model.files, model.outside) : undefined;
  return problem ? [error(SITE_FILE, ['logo'], problem)] : [];
}
