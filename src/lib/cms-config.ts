/**
 * The web editor's configuration (Decap CMS, `/admin/config.yml`), made from the zod schemas and the
 * content's ids (read by src/content/ids.ts) at build time, so that every field of the format has an editor field with a
 * Vietnamese and English label, required where the schema requires it, and the ids of tasks, units
 * and programmes offered as choices from the content itself.
 */
import path from 'node:path';
import type { z } from 'astro/zod';
import {
  DateOrDateTimeSchema,
  IsoDateSchema,
  LocalisedTextSchema,
  MeetingSchema,
  PeriodSchema,
  ProgrammeSchema,
  SiteObjectSchema,
  SourceLinkSchema,
  SourceRefSchema,
  TaskSchema,
  UnitSchema,
} from '../schemas/index.ts';

/** A Decap CMS field. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  i18n?: boolean | 'duplicate' | 'none';
  fields?: CmsField[];
  field?: CmsField;
  options?: Array<string | { label: string; value: string }>;
  multiple?: boolean;
  default?: unknown;
  [key: string]: unknown;
}

/** Label and help text of a field: Vietnamese first, English second. */
type Words = readonly [vi: string, en: string, hintVi?: string, hintEn?: string];

/**
 * Every field name the format has, with its label and hint. A schema field missing here gets its
 * bare name as label, and the test of the editor's configuration fails.
 */
export const FIELD_WORDS: Readonly<Record<string, Words>> = {
  title: ['Tiêu đề', 'Title', 'Viết bằng ngôn ngữ của bản tin này.', 'In this version’s language.'],
  date: ['Ngày', 'Date', 'Ngày họp; trong lịch sử và đính chính: ngày của sự việc.', 'The meeting’s date; in history and corrections: the date of the event.'],
  summary: ['Sapo (tóm tắt)', 'Lead paragraph', 'Đoạn mở đầu, một hai câu.', 'The opening paragraph, one or two sentences.'],
  level: ['Cấp', 'Level', 'Trung ương, tỉnh hay xã.', 'National, province or commune.'],
  meeting_body: ['Cơ quan họp', 'Meeting body', 'Ví dụ: Ban Chỉ đạo tỉnh.', 'E.g. the provincial steering committee.'],
  location: ['Địa điểm', 'Location'],
  chair: ['Chủ trì', 'Chair'],
  name: ['Họ tên / tên', 'Name'],
  role: ['Chức vụ', 'Role', 'Chức vụ vào ngày họp.', 'Post held on the meeting’s date.'],
  attendees: ['Thành phần dự họp', 'Attendees'],
  reported: ['Số liệu được báo cáo', 'Reported figures', 'Giữ đúng như cuộc họp công bố.', 'Kept as the meeting stated them.'],
  programme: ['Chương trình', 'Programme', 'Chọn từ programmes.yaml.', 'From programmes.yaml.'],
  scope: ['Phạm vi', 'Scope', '“national” hoặc mã địa phương (ví dụ ca-mau); để trống là địa phương của trang.', '“national” or a jurisdiction id; empty means the site’s own.'],
  period: ['Kỳ', 'Period', '“cumulative” (lũy kế), một năm (2025) hoặc một quý (2025-Q3).', '“cumulative”, a year (2025) or a quarter (2025-Q3).'],
  as_of: ['Số liệu tính đến ngày', 'As of', 'Để trống là ngày họp.', 'Empty means the meeting’s date.'],
  total: ['Tổng số nhiệm vụ', 'Total tasks'],
  completed: ['Đã hoàn thành', 'Completed'],
  on_schedule: ['Đang thực hiện, trong hạn', 'On schedule'],
  overdue: ['Quá hạn', 'Overdue'],
  percent_completed: ['Tỷ lệ hoàn thành (%)', 'Percent completed', 'Như được công bố, ví dụ 53,66 ghi là 53.66.', 'As stated, e.g. 53.66.'],
  tasks: ['Nhiệm vụ liên quan', 'Tasks', 'Chọn mã nhiệm vụ trong danh mục.', 'Task ids from the registry.'],
  directions: ['Chỉ đạo', 'Directions'],
  text: ['Nội dung chỉ đạo', 'Direction'],
  deadline: ['Thời hạn', 'Deadline'],
  sources: ['Nguồn', 'Sources'],
  source: ['Nguồn', 'Source', 'Bài báo hoặc văn bản cho biết trạng thái này.', 'The article or document that reports this status.'],
  url: ['Địa chỉ web', 'Web address', 'Bắt đầu bằng https://', 'Starting with https://'],
  publisher: ['Đơn vị đăng tải', 'Publisher'],
  published: ['Ngày đăng', 'Published'],
  accessed: ['Ngày truy cập', 'Accessed'],
  images: ['Ảnh', 'Photos'],
  src: ['Tệp ảnh', 'Photo file'],
  alt: ['Mô tả ảnh (bắt buộc)', 'Alt text (required)', 'Ảnh cho thấy gì, cho người không xem được ảnh.', 'What the photo shows, for readers who cannot see it.'],
  caption: ['Chú thích', 'Caption', 'Một dòng: tên và chức vụ những người trong ảnh.', 'One line naming the people and their posts.'],
  credit: ['Tác giả ảnh', 'Photo credit'],
  tags: ['Từ khóa', 'Tags'],
  updates: ['Đính chính, cập nhật', 'Corrections', 'Mỗi lần sửa nội dung đã đăng, thêm một dòng: ngày và lý do.', 'Each change to published content: date and why.'],
  note: ['Ghi chú', 'Note'],
  draft: ['Bản nháp (chưa đăng)', 'Draft (not published)'],
  body: ['Nội dung', 'Body'],
  id: ['Mã', 'Id', 'Chữ, số, dấu chấm, gạch dưới, gạch ngang; không đổi sau khi đăng.', 'Letters, digits, dot, underscore, hyphen; never changed once published.'],
  owner: ['Đơn vị chủ trì', 'Owner', 'Chọn từ units.yaml.', 'From units.yaml.'],
  partners: ['Đơn vị phối hợp', 'Partners'],
  category: ['Lĩnh vực', 'Category', 'Ví dụ: institutions, infrastructure, data.', 'E.g. institutions, infrastructure, data.'],
  assigned: ['Ngày giao', 'Assigned'],
  status: ['Trạng thái', 'Status', 'Khi đổi trạng thái, khi lưu sẽ tự thêm một dòng vào Lịch sử; hãy ghi nguồn ở dòng đó.', 'Changing it adds a History entry on save; give its source there.'],
  history: ['Lịch sử trạng thái', 'Status history', 'Cũ trước, mới sau. Dòng cuối là trạng thái hiện tại.', 'Oldest first. The last entry is the current status.'],
  notes: ['Ghi chú', 'Notes'],
  number: ['Số hiệu văn bản', 'Document number', 'Ví dụ: 57-NQ/TW.', 'E.g. 57-NQ/TW.'],
  issuer: ['Cơ quan ban hành', 'Issuer'],
  issued: ['Ngày ban hành', 'Issued'],
  short: ['Tên viết tắt', 'Short name'],
  jurisdiction: ['Địa phương', 'Jurisdiction'],
  locales: ['Ngôn ngữ', 'Languages'],
  default_locale: ['Ngôn ngữ chính', 'Default language'],
  description: ['Mô tả', 'Description'],
  logo: ['Logo', 'Logo'],
  contact: ['Liên hệ', 'Contact'],
  email: ['Thư điện tử', 'Email'],
  phone: ['Điện thoại', 'Phone'],
  address: ['Địa chỉ', 'Address'],
  licence: ['Giấy phép', 'Licence'],
  timezone: ['Múi giờ', 'Time zone'],
  items: ['Danh sách', 'List'],
  follow_up: ['Kết quả thực hiện', 'Follow-up', 'Những gì được báo cáo sau đó, cũ trước mới sau.', 'What was reported since, oldest first.'],
  registry: ['Danh mục nhiệm vụ', 'Registry', 'Đầy đủ: mọi nhiệm vụ của chương trình có trong danh mục; một phần: chỉ một số.', 'Complete: every task of the programme is listed; partial: only some.'],
};

/** Words of the enum values the editor shows as choices. */
export const VALUE_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  national: ['Trung ương', 'National'],
  province: ['Tỉnh', 'Province'],
  commune: ['Xã, phường', 'Commune'],
  'not-started': ['Chưa thực hiện', 'Not started'],
  'in-progress': ['Đang thực hiện', 'In progress'],
  completed: ['Hoàn thành', 'Completed'],
  cancelled: ['Hủy bỏ', 'Cancelled'],
  unknown: ['Chưa rõ', 'Unknown'],
  complete: ['Đầy đủ', 'Complete'],
  partial: ['Một phần', 'Partial'],
};

/** Ids the content offers as choices. */
export interface ContentIds {
  locales: string[];
  defaultLocale: string;
  tasks: string[];
  units: string[];
  programmes: string[];
  /** The task files' names in `tasks/`, in order: one list in the editor each. */
  taskFiles: string[];
}

/** How the walk treats fields with a given name. */
interface WalkContext {
  ids: ContentIds;
  /** Field name → i18n mode, for the meeting's fields (absent: not a translated collection). */
  i18n?: Readonly<Record<string, CmsField['i18n']>>;
}

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

function def(schema: z.ZodType): Record<string, unknown> & { type: string } {
  return (schema as AnySchema)._zod.def;
}

/** The schema inside `.optional()` / `.default()` / `.nullable()`, with whether it may be left out. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean; defaultValue?: unknown } {
  let inner = schema;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const d = def(inner);
    if (d.type === 'optional' || d.type === 'nullable') optional = true;
    else if (d.type === 'default') {
      optional = true;
      defaultValue = typeof d.defaultValue === 'function' ? (d.defaultValue as () => unknown)() : d.defaultValue;
    } else break;
    inner = d.innerType as z.ZodType;
  }
  return { inner, optional, defaultValue };
}

/** The fields of an object schema (its `shape`). */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const { inner } = unwrap(schema);
  const d = def(inner);
  if (d.type === 'array') return shapeOf(d.element as z.ZodType);
  if (d.type !== 'object') throw new Error(`not an object schema: ${d.type}`);
  return d.shape as Record<string, z.ZodType>;
}

function label(name: string, lang: 'vi' | 'en'): string {
  const words = FIELD_WORDS[name];
  if (!words) return name;
  return lang === 'vi' ? words[0] : words[1];
}

/** Vietnamese label, with the English one after it for a bilingual office. */
function bothLabels(name: string): string {
  const words = FIELD_WORDS[name];
  return words ? `${words[0]} · ${words[1]}` : name;
}

function hint(name: string): string | undefined {
  const words = FIELD_WORDS[name];
  if (!words || !words[2]) return undefined;
  return `${words[2]} — ${words[3]}`;
}

function choices(values: readonly string[]): Array<{ label: string; value: string }> {
  return values.map((value) => ({ label: VALUE_WORDS[value] ? `${VALUE_WORDS[value][0]} (${value})` : value, value }));
}

const DATE_WIDGET = { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true } as const;

/** Texts of a paragraph or more, edited in a text area; the others in a line. */
const LONG_TEXT = new Set(['summary', 'text', 'alt', 'caption', 'note', 'notes', 'description', 'address']);

/** Id fields whose values come from the content. */
function idChoices(name: string, ids: ContentIds): string[] | undefined {
  if (name === 'programme') return ids.programmes;
  if (name === 'owner' || name === 'partners') return ids.units;
  if (name === 'tasks') return ids.tasks;
  return undefined;
}

/** Whether the field is edited as a list widget (an array that is not a choice of ids). */
function isList(name: string, schema: z.ZodType, ids: ContentIds): boolean {
  return def(unwrap(schema).inner).type === 'array' && !idChoices(name, ids);
}

/** One editor field for one schema field. */
export function fieldFor(name: string, schema: z.ZodType, ctx: WalkContext): CmsField {
  const { inner, optional, defaultValue } = unwrap(schema);
  const d = def(inner);
  const base: CmsField = { name, label: bothLabels(name), widget: 'string' };
  const h = hint(name);
  if (h) base.hint = h;
  if (optional) base.required = false;
  if (defaultValue !== undefined) base.default = defaultValue;
  // Shared fields are entered once, in the default language: copied into each translation
  // ('duplicate'), or, for lists (which Decap copies only as a whole language or not at all),
  // kept in the default language's file alone, as the format allows ("where a translation gives them").
  if (ctx.i18n) base.i18n = ctx.i18n[name] ?? (isList(name, schema, ctx.ids) ? false : 'duplicate');
  // Parts of an object or list follow their field's i18n mode: only top-level fields carry one.
  const subContext = (_parent: CmsField): WalkContext => ({ ids: ctx.ids });

  if (inner === LocalisedTextSchema) {
    // Text in each language of the site: `{ vi: "…", en: "…" }`, the default language required.
    return {
      ...base,
      widget: 'object',
      collapsed: false,
      // Decap shows the object's own summary bar; the fields inside say what they are.
      summary: ctx.ids.locales.map((lang) => `{{fields.${lang}}}`).join(' · '),
      fields: ctx.ids.locales.map((lang) => ({
        name: lang,
        label: lang === 'vi' ? `${label(name, 'vi')} (tiếng Việt)` : `${label(name, 'vi')} (${lang}) · ${label(name, 'en')}`,
        widget: LONG_TEXT.has(name) ? 'text' : 'string',
        required: !optional && lang === ctx.ids.defaultLocale,
      })),
    };
  }
  // A source is a link or a meeting's id; the form offers the link (a meeting id is written in the file).
  if (inner === SourceRefSchema) return fieldFor(name, optional ? SourceLinkSchema.optional() : SourceLinkSchema, ctx);
  if (inner === IsoDateSchema || inner === DateOrDateTimeSchema) return { ...base, ...DATE_WIDGET };
  if (inner === PeriodSchema) return { ...base, widget: 'string', pattern: ['^(cumulative|\\d{4}(-Q[1-4])?)$', 'cumulative, 2025 hoặc 2025-Q3'] };
  const fromContent = idChoices(name, ctx.ids);
  switch (d.type) {
    case 'string':
      if (fromContent) return { ...base, widget: 'select', options: fromContent };
      return { ...base, widget: LONG_TEXT.has(name) ? 'text' : 'string' };
    case 'number': {
      const isInt = (inner as unknown as { format?: string | null }).format?.includes('int') ?? false;
      return { ...base, widget: 'number', value_type: isInt ? 'int' : 'float', ...(name === 'percent_completed' ? { step: 0.01 } : { min: 0 }) };
    }
    case 'boolean':
      return { ...base, widget: 'boolean', required: false };
    case 'enum':
      return { ...base, widget: 'select', options: choices(Object.values(d.entries as Record<string, string>)) };
    case 'literal':
      return { ...base, widget: 'select', options: (d.values as string[]).map(String) };
    case 'object': {
      const fields = objectFields(inner, subContext(base));
      // Decap checks an optional object's required parts even when the object is left empty, so
      // they are optional in the form; the validator still requires them once the object is given.
      if (optional) {
        const required = fields.filter((f) => f.required !== false).map((f) => f.label.split(' · ')[0]).join(', ');
        for (const f of fields) f.required = false;
        if (required) base.hint = `${base.hint ? `${base.hint} ` : ''}Nếu điền thì phải có: ${required}. — If given, it needs: ${required}.`;
      }
      return { ...base, widget: 'object', collapsed: name !== 'chair', fields };
    }
    case 'array': {
      const element = unwrap(d.element as z.ZodType).inner;
      const ed = def(element);
      if (fromContent) return { ...base, widget: 'select', multiple: true, options: fromContent };
      if (ed.type === 'object') {
        return { ...base, widget: 'list', collapsed: false, fields: objectFields(element, subContext(base)), ...listSummary(name) };
      }
      return { ...base, widget: 'list' };
    }
    default:
      return base;
  }
}

function listSummary(name: string): Record<string, string> {
  const summaries: Record<string, string> = {
    reported: '{{fields.programme}} · {{fields.period}} · {{fields.completed}}/{{fields.total}}',
    history: '{{fields.date}} · {{fields.status}}',
    images: '{{fields.src}}',
    attendees: '{{fields.name}}',
    sources: '{{fields.url}}',
    updates: '{{fields.date}}',
  };
  return summaries[name] ? { summary: summaries[name] } : {};
}

/** Editor fields of an object schema, in the schema's order. */
export function objectFields(schema: z.ZodType, ctx: WalkContext, rename: Record<string, string> = {}): CmsField[] {
  return Object.entries(shapeOf(schema)).map(([key, field]) => {
    const name = rename[key] ?? key;
    const made = fieldFor(name, field, ctx);
    if (name === 'src') return { ...made, widget: 'image', choose_url: false };
    return made;
  });
}

/** Meeting fields each language writes for itself; the others are entered once and copied. */
export const MEETING_TRANSLATED = ['title', 'summary', 'meeting_body', 'location', 'chair', 'attendees', 'directions', 'sources', 'images', 'tags', 'updates', 'body'] as const;

/** Where the editor saves, and how it signs in. */
export interface CmsBackend {
  /** `owner/name` of the GitHub repository; absent: local mode only. */
  repo?: string | undefined;
  branch?: string | undefined;
  /** The OAuth client's address (`base_url`), e.g. a small OAuth proxy for the GitHub app. */
  authBaseUrl?: string | undefined;
  authEndpoint?: string | undefined;
  /** `editorial_workflow`: every change is a branch and a pull request that CI checks first. */
  editorialWorkflow?: boolean | undefined;
  /** Local mode: the `decap-server` proxy that writes the working tree (`npm run dev`). */
  localBackendUrl?: string | undefined;
}

/**
 * The whole configuration. `contentPath` is the content folder as the repository sees it
 * (`content`), since the backends address files from the repository's root.
 */
export function cmsConfig(contentPath: string, backend: CmsBackend, ids: ContentIds): Record<string, unknown> {
  const join = (...parts: string[]) => path.posix.join(contentPath, ...parts);
  const meetingI18n = Object.fromEntries(MEETING_TRANSLATED.map((name) => [name, true as const]));
  const meetingFields = [
    ...objectFields(MeetingSchema, { ids, i18n: meetingI18n }, { body: 'meeting_body' }),
    { name: 'body', label: bothLabels('body'), widget: 'markdown', i18n: true, required: false, hint: 'Nội dung bản tin. — The news item’s text.' },
  ];
  const listField = (schema: z.ZodType, what: string): CmsField => ({
    name: 'items',
    label: what,
    widget: 'list',
    collapsed: true,
    summary: '{{fields.id}} · {{fields.status}}',
    fields: objectFields(schema, { ids }),
  });
  return {
    locale: ids.defaultLocale === 'vi' ? 'vi' : 'en',
    backend: backend.repo
      ? {
          name: 'github',
          repo: backend.repo,
          branch: backend.branch ?? 'main',
          ...(backend.authBaseUrl ? { base_url: backend.authBaseUrl } : {}),
          ...(backend.authEndpoint ? { auth_endpoint: backend.authEndpoint } : {}),
          commit_messages: {
            create: 'Nội dung: thêm {{collection}} “{{slug}}” (web editor)',
            update: 'Nội dung: sửa {{collection}} “{{slug}}” (web editor)',
            delete: 'Nội dung: xóa {{collection}} “{{slug}}” (web editor)',
            uploadMedia: 'Ảnh: thêm “{{path}}” (web editor)',
            deleteMedia: 'Ảnh: xóa “{{path}}” (web editor)',
          },
        }
      : { name: 'proxy', proxy_url: backend.localBackendUrl ?? 'http://localhost:8081/api/v1' },
    ...(backend.repo && backend.localBackendUrl ? { local_backend: { url: backend.localBackendUrl } } : {}),
    ...(backend.editorialWorkflow ? { publish_mode: 'editorial_workflow' } : {}),
    // File names in plain ASCII, as the format's `YYYY-MM-DD-slug` names are: "Ban Chỉ đạo" → ban-chi-dao.
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    media_folder: join('media'),
    public_folder: 'media',
    i18n: { structure: 'multiple_files', locales: ids.locales, default_locale: ids.defaultLocale },
    collections: [
      {
        name: 'meetings',
        label: 'Cuộc họp · Meetings',
        label_singular: 'cuộc họp',
        description: 'Mỗi cuộc họp là một bản tin, viết song song tiếng Việt và tiếng Anh. — One news item per meeting, in both languages side by side.',
        folder: join('meetings'),
        extension: 'md',
        format: 'nq57-frontmatter',
        create: true,
        i18n: true,
        slug: '{{fields.date}}-{{slug}}',
        identifier_field: 'title',
        summary: '{{date}} · {{title}}',
        sortable_fields: ['date', 'title'],
        fields: meetingFields,
      },
      {
        name: 'tasks',
        label: 'Nhiệm vụ · Tasks',
        description: 'Mỗi tệp là một danh sách nhiệm vụ. Đổi trạng thái sẽ thêm một dòng lịch sử. — Each file is a list of tasks; a status change adds a history entry.',
        format: 'nq57-yaml-list',
        extension: 'yaml',
        // The preview of a whole list file is a wall of text: the form alone has the room.
        editor: { preview: false },
        files: ids.taskFiles.map((file) => ({
          name: file.replace(/\.ya?ml$/, ''),
          label: `${file}`,
          file: join('tasks', file),
          fields: [listField(TaskSchema, 'Nhiệm vụ · Tasks')],
        })),
      },
      {
        name: 'lists',
        label: 'Đơn vị, chương trình · Units, programmes',
        editor: { preview: false },
        format: 'nq57-yaml-list',
        extension: 'yaml',
        files: [
          { name: 'units', label: 'Đơn vị · Units (units.yaml)', file: join('units.yaml'), fields: [{ ...listField(UnitSchema, 'Đơn vị · Units'), summary: '{{fields.id}}' }] },
          { name: 'programmes', label: 'Chương trình · Programmes (programmes.yaml)', file: join('programmes.yaml'), fields: [{ ...listField(ProgrammeSchema, 'Chương trình · Programmes'), summary: '{{fields.id}} · {{fields.number}}' }] },
        ],
      },
      {
        name: 'settings',
        label: 'Cài đặt trang · Site settings',
        format: 'nq57-yaml',
        extension: 'yaml',
        editor: { preview: false },
        files: [{ name: 'site', label: 'site.yaml', file: join('site.yaml'), fields: objectFields(SiteObjectSchema, { ids }) }],
      },
    ],
  };
}

/**
 * The order of the keys of every object the format has, so that the editor writes files in the
 * schema's order (the editor's data keeps no order for objects of more than eight keys).
 */
export function fieldOrders(): string[][] {
  const orders: string[][] = [];
  const walk = (schema: z.ZodType): void => {
    const d = def(unwrap(schema).inner);
    if (d.type === 'array') return walk(d.element as z.ZodType);
    if (d.type !== 'object') return;
    const shape = d.shape as Record<string, z.ZodType>;
    orders.push(Object.keys(shape));
    Object.values(shape).forEach(walk);
  };
  [MeetingSchema, TaskSchema, UnitSchema, ProgrammeSchema, SiteObjectSchema].forEach(walk);
  const seen = new Set<string>();
  return orders.filter((keys) => !seen.has(keys.join()) && seen.add(keys.join())).sort((a, b) => a.length - b.length);
}

/** Names of the fields of the YAML files (tasks, units, programmes, site) that hold text in each language. */
export function localisedFieldNames(): string[] {
  const names = new Set<string>();
  const walk = (schema: z.ZodType): void => {
    const { inner } = unwrap(schema);
    const d = def(inner);
    if (d.type === 'array') return walk(d.element as z.ZodType);
    if (inner === SourceRefSchema) return walk(SourceLinkSchema);
    if (d.type !== 'object') return;
    for (const [key, field] of Object.entries(d.shape as Record<string, z.ZodType>)) {
      if (unwrap(field).inner === LocalisedTextSchema) names.add(key);
      else walk(field);
    }
  };
  [TaskSchema, UnitSchema, ProgrammeSchema, SiteObjectSchema].forEach(walk);
  return [...names].sort();
}
