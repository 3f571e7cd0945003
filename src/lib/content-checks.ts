import type { PathProblem } from './problems.ts';
import type { ContentModel, IdRef, MeetingEntry } from './content-model.ts';
import { defaultLocale } from './content-model.ts';
import { didYouMean } from './suggest.ts';
import { toLocalDate } from './dates.ts';
import { hasAnySource, isMeetingSource } from './sources.ts';

const PROGRAMMES_FILE = 'programmes.yaml';
const SITE_FILE = 'site.yaml';

/** Fields that translations of one meeting share. */
export const SHARED_MEETING_FIELDS = ['date', 'level', 'reported', 'tasks'] as const;

/** Checks across files: references, unique ids, translations, images, and warnings an author should see. */
export function checkContent(model: ContentModel): PathProblem[] {
  return [
    ...checkUniqueIds(model),
    ...checkProgrammes(model),
    ...checkTasks(model),
    ...checkMeetings(model),
    ...checkTranslations(model.meetings, defaultLocale(model.site)),
    ...checkSiteFiles(model),
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
      if (seen) problems.push(error(ref.file, [ref.index, 'id'], `duplicate ${kind} id '${ref.id}' (first defined in ${seen})`));
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
      problems.push(error(PROGRAMMES_FILE, [index, 'scope'], `scope '${data.scope}' is not one of: national, ${jurisdiction}`));
    }
    if (!data.issued) {
      problems.push(warning(PROGRAMMES_FILE, [index], `programme '${data.id}' has no 'issued' date; add it when a source gives it`));
    }
  }
  return problems;
}

function reference(kind: string, value: string, known: ReadonlySet<string>): string | undefined {
  return known.has(value) ? undefined : `unknown ${kind} '${value}'${didYouMean(value, known)}`;
}

function checkTasks(model: ContentModel): PathProblem[] {
  const programmes = idSet(model.ids.programmes);
  const units = idSet(model.ids.units);
  const meetings: ReadonlySet<string> = new Set(model.meetings.map((m) => m.id));
  const problems: PathProblem[] = [];
  for (const { file, index, data: task } of model.tasks) {
    const at = (...path: Array<string | number>) => [index, ...path];
    const badProgramme = reference('programme', task.programme, programmes);
    if (badProgramme) problems.push(error(file, at('programme'), `${badProgramme} (programmes are listed in programmes.yaml)`));
    const badOwner = reference('unit', task.owner, units);
    if (badOwner) problems.push(error(file, at('owner'), `${badOwner} (units are listed in units.yaml)`));
    task.partners?.forEach((partner, i) => {
      const bad = reference('unit', partner, units);
      if (bad) problems.push(error(file, at('partners', i), bad));
      else if (partner === task.owner) problems.push(warning(file, at('partners', i), `'${partner}' is the owner; it need not be a partner too`));
    });
    if (task.assigned && task.deadline && task.deadline < task.assigned) {
      problems.push(warning(file, at('deadline'), `deadline ${task.deadline} is before the assigned date ${task.assigned}`));
    }
    if (task.assigned && task.completed && task.completed < task.assigned) {
      problems.push(warning(file, at('completed'), `completed ${task.completed} is before the assigned date ${task.assigned}`));
    }
    const history = task.history ?? [];
    history.forEach((entry, i) => {
      if (entry.source === undefined || !isMeetingSource(entry.source)) return;
      const bad = reference('meeting', entry.source, meetings);
      if (bad) problems.push(error(file, at('history', i, 'source'), `${bad} (a meeting id is its file name without .LANG.md)`));
    });
    // A status or a deadline is a fact about the task, and a reader must be able to see where it was reported.
    if (!hasAnySource(task)) {
      if (task.status !== 'unknown') {
        problems.push(
          warning(file, at('status'), `status '${task.status}' has no source; add a history entry with source (a link or a meeting id) or the task's sources, or write status: unknown when no source reports where it stands`),
        );
      }
      if (task.deadline) {
        problems.push(warning(file, at('deadline'), `deadline ${task.deadline} has no source; add the task's sources, or remove the deadline when no source gives it`));
      }
    }
    const last = history[history.length - 1];
    if (last && last.status !== task.status) {
      problems.push(
        warning(file, at('history', history.length - 1, 'status'), `the last history entry says '${last.status}' but status is '${task.status}'; add a history entry for the change`),
      );
    }
    if (task.status === 'completed' && task.completed && last && last.status === 'completed' && last.date !== task.completed) {
      problems.push(warning(file, at('completed'), `completed ${task.completed} differs from the history's completion on ${last.date}`));
    }
  }
  return problems;
}

function checkMeetings(model: ContentModel): PathProblem[] {
  const known = { tasks: idSet(model.ids.tasks), programmes: idSet(model.ids.programmes), meetings: new Set(model.meetings.map((m) => m.id)) };
  return model.meetings.flatMap((meeting) => checkMeeting(model, meeting, known));
}

function checkMeeting(
  model: ContentModel,
  meeting: MeetingEntry,
  known: { tasks: ReadonlySet<string>; programmes: ReadonlySet<string>; meetings: ReadonlySet<string> },
): PathProblem[] {
  const { file, data } = meeting;
  const problems: PathProblem[] = [];
  const { tasks, programmes, meetings: meetingIds } = known;
  if (!model.site.locales.includes(meeting.lang)) {
    problems.push(error(file, [], `language '${meeting.lang}' in the file name is not one of the site's locales: ${model.site.locales.join(', ')}`));
  }
  const day = toLocalDate(data.date);
  if (day !== meeting.fileDate) {
    problems.push(warning(file, ['date'], `date ${day} differs from the date in the file name (${meeting.fileDate})`));
  }
  data.tasks?.forEach((id, i) => {
    const bad = reference('task', id, tasks);
    if (bad) problems.push(error(file, ['tasks', i], bad));
  });
  data.directions?.forEach((direction, i) => {
    direction.tasks?.forEach((id, j) => {
      const bad = reference('task', id, tasks);
      if (bad) problems.push(error(file, ['directions', i, 'tasks', j], bad));
    });
    direction.follow_up?.forEach((entry, j) => {
      if (entry.source === undefined || !isMeetingSource(entry.source)) return;
      const bad = reference('meeting', entry.source, meetingIds);
      if (bad) problems.push(error(file, ['directions', i, 'follow_up', j, 'source'], `${bad} (a meeting id is its file name without .LANG.md)`));
    });
    if (direction.deadline && direction.deadline < day) {
      problems.push(warning(file, ['directions', i, 'deadline'], `deadline ${direction.deadline} is before the meeting (${day})`));
    }
  });
  data.reported?.forEach((figure, i) => {
    const bad = reference('programme', figure.programme, programmes);
    if (bad) problems.push(error(file, ['reported', i, 'programme'], bad));
    if (figure.as_of && figure.as_of > day) {
      problems.push(warning(file, ['reported', i, 'as_of'], `as_of ${figure.as_of} is after the meeting (${day})`));
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
    problems.push(warning(file, [], 'meeting has no sources; add the link where it was reported'));
  }
  return problems;
}

/** Why a path written in the content cannot be used, or undefined when it is a file inside the content folder. */
export function checkContentPath(src: string, files: ReadonlySet<string>, outside: readonly string[] = []): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return `'${src}' must be a file inside the content folder (e.g. media/photo.jpg), not a URL`;
  }
  const parts: string[] = [];
  for (const part of src.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return `'${src}' points outside the content folder`;
      parts.pop();
    } else parts.push(part);
  }
  if (src.startsWith('/')) return `'${src}' must be relative to the content folder (e.g. media/photo.jpg)`;
  const normalised = parts.join('/');
  const link = outside.find((o) => normalised === o || normalised.startsWith(`${o}/`));
  // English: '…' is a symbolic link that leaves the content folder (…): it is not read or published; copy the file into the content folder instead of linking to it
  if (link !== undefined) return `'${src}' ${link === normalised ? 'là liên kết tượng trưng' : `nằm trong '${link}/', một liên kết tượng trưng`} trỏ ra ngoài thư mục nội dung: tệp không được đọc và không được đăng; hãy chép tệp vào thư mục nội dung thay cho liên kết`;
  if (!files.has(normalised)) return `'${src}' does not exist in the content folder${didYouMean(normalised, files)}`;
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
          problems.push(error(other.file, [field], `${field} differs from the translation ${reference.file}; translations of one meeting share ${SHARED_MEETING_FIELDS.join(', ')}`));
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
