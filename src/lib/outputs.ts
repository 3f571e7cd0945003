import type { SiteModel } from './site-model.ts';
import type { PathContext } from './paths.ts';
import { meetingPath, taskPath } from './paths.ts';
import { localise } from './text.ts';
import type { Task } from '../schemas/index.ts';

/** `/data/meetings.json`: every published meeting, newest first. */
export function toMeetingsJson(model: SiteModel, ctx: PathContext) {
  return model.meetings.map((meeting) => ({
    id: meeting.id,
    date: meeting.date,
    level: meeting.level,
    translations: Object.fromEntries(
      meeting.langs.map((lang) => [lang, { title: meeting.translations[lang]!.title, url: meetingPath(ctx, lang, meeting.id) }]),
    ),
    reported: meeting.reported,
    tasks: meeting.tasks,
  }));
}

/** `/data/tasks.json`: every task as in the registry, with what is derived from it. */
export function toTasksJson(model: SiteModel, ctx: PathContext) {
  return model.tasks.map((view) => ({
    ...publishedTask(view.task),
    overdue: view.overdue,
    late: view.late,
    on_schedule: view.on_schedule,
    url: taskPath(ctx, model.defaultLocale, view.task.id),
    meetings: view.meetings,
  }));
}

/**
 * A task as its schema publishes it: the build's collection adds the file it came from (`file`),
 * which is not part of the published data and would fail `tasks-json`'s schema.
 */
function publishedTask(task: Task & { file?: string }): Task {
  const { file: _file, ...published } = task;
  return published;
}

/**
 * A CSV field: a value that a spreadsheet would take for a formula (starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return) is given a leading `'`, as OWASP recommends against CSV
 * injection; then RFC 4180 quoting.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The byte order mark that makes spreadsheets (Excel) read a CSV file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/**
 * `/data/tasks.csv`: one row per task, UTF-8 with a byte order mark, header row, RFC 4180 quoting,
 * formulas neutralised, and each task's page as an absolute URL, usable outside the site.
 */
export function toTasksCsv(model: SiteModel, ctx: PathContext): string {
  const locales = model.site.locales;
  const header = [
    'id',
    ...locales.map((lang) => `title_${lang}`),
    'programme', 'owner', 'partners', 'category', 'assigned', 'deadline', 'status', 'completed',
    'overdue', 'late', 'on_schedule', 'url', 'meetings',
  ];
  const rows = model.tasks.map(({ task, overdue, late, on_schedule, meetings }) => [
    task.id,
    ...locales.map((lang) => localise(task.title, lang, model.defaultLocale)),
    task.programme,
    task.owner,
    (task.partners ?? []).join(';'),
    task.category ?? '',
    task.assigned ?? '',
    task.deadline ?? '',
    task.status,
    task.completed ?? '',
    String(overdue),
    String(late),
    String(on_schedule),
    new URL(taskPath(ctx, model.defaultLocale, task.id), model.site.url).href,
    meetings.join(';'),
  ]);
  return UTF8_BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** `/data/progress.json`. */
export function toProgressJson(model: SiteModel) {
  return model.progress;
}

/** JSON as the site publishes it: stable, indented, ending with a newline. */
export function stringifyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
