import type { SiteModel } from './site-model.ts';
import type { PathContext } from './paths.ts';
import { meetingPath, pagePath, taskPath } from './paths.ts';
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

type FieldType = 'string' | 'date' | 'boolean';

/** The columns of `tasks.csv`, with their Table Schema types. */
function tasksCsvColumns(locales: readonly string[]): Array<[string, FieldType]> {
  return [
    ['id', 'string'],
    ...locales.map((lang): [string, FieldType] => [`title_${lang}`, 'string']),
    ['programme', 'string'], ['owner', 'string'], ['partners', 'string'], ['category', 'string'],
    ['assigned', 'date'], ['deadline', 'date'], ['status', 'string'], ['completed', 'date'],
    ['overdue', 'boolean'], ['late', 'boolean'], ['on_schedule', 'boolean'], ['url', 'string'], ['meetings', 'string'],
  ];
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
  const header = tasksCsvColumns(locales).map(([name]) => name);
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

/**
 * `/data/datapackage.json`: a Frictionless Data Package (v2) describing the data files, so that
 * tools (frictionless, Open Data portals such as CKAN) can find, type and check them: the CSV with
 * a Table Schema, the JSON files with the JSON Schema the site publishes for each, and the licence
 * from site.yaml. Paths are relative to the package, which sits beside the files.
 */
export function toDataPackage(model: SiteModel, ctx: PathContext) {
  const lang = model.defaultLocale;
  const url = new URL(model.site.url);
  const licence = model.site.licence;
  const json = (name: string, file: string, schema: string, title: string) => ({
    name,
    path: file,
    format: 'json',
    mediatype: 'application/json',
    encoding: 'utf-8',
    title,
    jsonSchema: `schema/${schema}.json`,
  });
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: `${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase().replace(/[^a-z0-9._/-]/g, '-'),
    title: localise(model.site.name, lang, lang),
    ...(model.site.description ? { description: localise(model.site.description, lang, lang) } : {}),
    homepage: new URL(pagePath(ctx, lang, 'data'), model.site.url).href,
    created: `${model.asOf}T00:00:00+07:00`,
    contributors: [{ title: localise(model.site.publisher, lang, lang), roles: ['publisher'] }],
    ...(licence
      ? { licenses: [{ title: licence.name, ...(licence.url ? { path: licence.url } : {}), ...(/^[-a-zA-Z0-9._]+$/.test(licence.name) ? { name: licence.name } : {}) }] }
      : {}),
    resources: [
      json('meetings', 'meetings.json', 'meetings-json', 'meetings.json'),
      json('tasks', 'tasks.json', 'tasks-json', 'tasks.json'),
      {
        name: 'tasks-csv',
        path: 'tasks.csv',
        type: 'table',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        title: 'tasks.csv',
        dialect: { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
        schema: {
          fields: tasksCsvColumns(model.site.locales).map(([name, type]) => ({ name, type, ...(name === 'url' ? { format: 'uri' } : {}) })),
          missingValues: [''],
          primaryKey: ['id'],
        },
      },
      json('progress', 'progress.json', 'progress-json', 'progress.json'),
    ],
  };
}
