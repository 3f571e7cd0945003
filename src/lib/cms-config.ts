// The web editor's configuration (Sveltia CMS, `/admin/config.yml`), made from the content format's
// own schemas and the content's ids, so that every field the validator knows has a form field and
// no field list is kept by hand. Pure: the caller gives the ids and the words.
import { jsonSchemaFor } from './json-schemas.ts';

/** The part of a JSON Schema this reads. */
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  const?: unknown;
  pattern?: string;
  default?: unknown;
  additionalProperties?: unknown;
}

/** A field of the editor's form. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  [option: string]: unknown;
}

/** What the configuration is made from, besides the schemas. */
export interface CmsInput {
  /** The content folder, relative to the repository's root (`content`). */
  contentPath: string;
  locales: readonly string[];
  defaultLocale: string;
  jurisdiction: string;
  /** Ids the content defines, offered as choices. */
  ids: { tasks: readonly string[]; units: readonly string[]; programmes: readonly string[] };
  /** Task files, by name (`ctr-97.yaml`). */
  taskFiles: readonly string[];
  /** `owner/name` of the repository on GitHub. */
  repo: string;
  branch: string;
  /** A field's label and help text, by the field's name; a collection's name, by `collection.NAME`. */
  words: (key: string) => { label: string; hint?: string | undefined };
}

/** Fields whose value is a calendar date (`YYYY-MM-DD`), or a date-time that the form writes as a date. */
const DATE_FIELDS = new Set(['date', 'as_of', 'assigned', 'deadline', 'completed', 'published', 'accessed', 'issued']);
/** Fields of more than a line of text. */
const LONG_TEXT = new Set(['summary', 'note', 'notes', 'text', 'description']);
/** Fields shared by a meeting's translations: entered once, written into each language's file. */
const SHARED_MEETING_FIELDS = new Set(['date', 'level', 'reported', 'tasks']);
/** The meeting body's key in the form: a meeting's frontmatter has a field of its own named `body`. */
export const MEETING_BODY_KEY = 'content';

function isLocalisedText(schema: JsonSchema): boolean {
  return schema.anyOf?.length === 2 && schema.anyOf.some((s) => s.type === 'string') && schema.anyOf.some((s) => s.type === 'object' && !s.properties && !!s.additionalProperties);
}

function isSourceRef(schema: JsonSchema): boolean {
  return !!schema.anyOf?.some((s) => s.type === 'object' && s.properties?.url) && !!schema.anyOf?.some((s) => s.type === 'string');
}

function isPeriod(schema: JsonSchema): boolean {
  return !!schema.anyOf?.some((s) => s.const === 'cumulative');
}

/** Makes the form fields of every property of an object schema. */
function fieldsOf(schema: JsonSchema, input: CmsInput, meeting = false): CmsField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const field = fieldFor(name, property, required.has(name), input);
    return meeting ? { ...field, i18n: SHARED_MEETING_FIELDS.has(name) ? 'duplicate' : true } : field;
  });
}

function base(name: string, required: boolean, input: CmsInput): Pick<CmsField, 'name' | 'label' | 'hint' | 'required'> {
  const { label, hint } = input.words(name);
  return { name, label, ...(hint ? { hint } : {}), required };
}

/** The ids a field chooses from; undefined when it is free, or when the content defines none yet (a select needs one). */
function choices(name: string, input: CmsInput): readonly string[] | undefined {
  const ids =
    name === 'programme' ? input.ids.programmes : name === 'owner' || name === 'partners' ? input.ids.units : name === 'tasks' ? input.ids.tasks : name === 'scope' ? ['national', input.jurisdiction] : undefined;
  return ids && ids.length > 0 ? ids : undefined;
}

/** The form field for one property, by its schema and name. */
function fieldFor(name: string, schema: JsonSchema, required: boolean, input: CmsInput): CmsField {
  const common = base(name, required, input);
  const options = choices(name, input);
  if (schema.type === 'array' && schema.items?.type === 'object') {
    return { ...common, widget: 'list', fields: fieldsOf(schema.items, input), ...(name === 'history' ? { add_to_top: false } : {}) };
  }
  if (schema.type === 'array' && options) return { ...common, widget: 'select', multiple: true, options: [...options] };
  if (schema.type === 'array') return { ...common, widget: 'list' };
  if (options) return { ...common, widget: 'select', options: [...options] };
  if (schema.enum) return { ...common, widget: 'select', options: schema.enum.map(String), ...(schema.default === undefined ? {} : { default: schema.default }) };
  if (isLocalisedText(schema)) {
    // Text in every language the site has, written as `{ vi: …, en: … }`; the default language's is the one required.
    return {
      ...common,
      widget: 'object',
      fields: input.locales.map((lang) => ({
        ...base(`lang.${lang}`, required && lang === input.defaultLocale, input),
        name: lang,
        widget: LONG_TEXT.has(name) ? 'text' : 'string',
      })),
    };
  }
  if (isSourceRef(schema)) {
    // The form writes a source link; a meeting id as a source is written in the file.
    const link = schema.anyOf!.find((s) => s.type === 'object')!;
    return { ...common, widget: 'object', fields: fieldsOf(link, input) };
  }
  if (isPeriod(schema)) return { ...common, widget: 'string', default: 'cumulative', pattern: ['^(cumulative|\\d{4}(-Q[1-4])?)$', input.words('period.pattern').label] };
  if (schema.type === 'object') return { ...common, widget: 'object', fields: fieldsOf(schema, input) };
  if (DATE_FIELDS.has(name)) return { ...common, widget: 'datetime', format: 'YYYY-MM-DD', time_format: false };
  if (schema.type === 'integer') return { ...common, widget: 'number', value_type: 'int', min: 0 };
  if (schema.type === 'number') return { ...common, widget: 'number', value_type: 'float', min: 0 };
  if (schema.type === 'boolean') return { ...common, widget: 'boolean' };
  if (name === 'src' || name === 'logo') return { ...common, widget: 'image' };
  return { ...common, widget: LONG_TEXT.has(name) ? 'text' : 'string', ...(schema.pattern ? { pattern: [schema.pattern, input.words('id.pattern').label] } : {}) };
}

/** A file holding a list at its top level, edited as one list of entries. */
function listFile(name: string, file: string, itemSchema: JsonSchema, input: CmsInput) {
  return {
    name,
    label: input.words(`collection.${name}`).label,
    file,
    fields: [{ ...base(name, true, input), name: 'items', widget: 'list', root: true, fields: fieldsOf(itemSchema, input) }],
  };
}

/** The whole configuration, as `/admin/config.yml` publishes it. */
export function cmsConfig(input: CmsInput): Record<string, unknown> {
  const at = (file: string) => `${input.contentPath}/${file}`;
  const meeting = jsonSchemaFor('meeting', 'meeting') as JsonSchema;
  const task = (jsonSchemaFor('tasks', 'tasks') as JsonSchema).items!;
  const programme = (jsonSchemaFor('programmes', 'programmes') as JsonSchema).items!;
  const unit = (jsonSchemaFor('units', 'units') as JsonSchema).items!;
  const site = jsonSchemaFor('site', 'site') as JsonSchema;
  return {
    backend: { name: 'github', repo: input.repo, branch: input.branch },
    media_folder: at('media'),
    // Photos are named in meetings relative to the content folder: `media/photo.jpg`.
    public_folder: 'media',
    slug: { encoding: 'ascii', clean_accents: true },
    i18n: { structure: 'multiple_files', locales: [...input.locales], default_locale: input.defaultLocale },
    collections: [
      {
        name: 'meetings',
        label: input.words('collection.meetings').label,
        label_singular: input.words('collection.meeting').label,
        folder: at('meetings'),
        extension: 'md',
        format: 'yaml-frontmatter',
        create: true,
        // File names are YYYY-MM-DD-slug.LANG.md: the meeting's date, then its title without diacritics.
        slug: '{{fields.date}}-{{slug}}',
        identifier_field: 'title',
        summary: '{{fields.date}} · {{fields.title}}',
        sortable_fields: ['date', 'title'],
        i18n: true,
        body_field: { key: MEETING_BODY_KEY },
        fields: [...fieldsOf(meeting, input, true), { ...base(MEETING_BODY_KEY, false, input), widget: 'markdown', i18n: true }],
      },
      {
        name: 'tasks',
        label: input.words('collection.tasks').label,
        // Each task file is one entry: the list of tasks it holds.
        files: input.taskFiles.map((file) => ({ ...listFile('tasks', at(`tasks/${file}`), task, input), name: `tasks-${file.replace(/\.ya?ml$/, '')}`, label: file })),
      },
      {
        name: 'settings',
        label: input.words('collection.settings').label,
        files: [
          listFile('programmes', at('programmes.yaml'), programme, input),
          listFile('units', at('units.yaml'), unit, input),
          { name: 'site', label: input.words('collection.site').label, file: at('site.yaml'), fields: fieldsOf(site, input) },
        ],
      },
    ],
  };
}

/** Every field name the configuration can ask a label for, from the schemas: the dictionaries must name each. */
export function cmsFieldNames(): string[] {
  const names = new Set<string>();
  const walk = (schema: JsonSchema | undefined) => {
    if (!schema) return;
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      names.add(name);
      walk(property);
    }
    walk(schema.items);
    for (const option of schema.anyOf ?? []) walk(option);
  };
  for (const name of ['meeting', 'tasks', 'programmes', 'units', 'site'] as const) walk(jsonSchemaFor(name, name) as JsonSchema);
  return [...names].sort();
}
