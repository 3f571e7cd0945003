/**
 * The web editor's own code, loaded only on /admin/ after Decap CMS: the file formats of the
 * content folder (task, unit and programme files are YAML lists; a meeting's `body` field is the
 * meeting body, not the text), and the status rule (a changed status adds a history entry).
 */
import { parse, stringify } from 'yaml';

interface ImmutableMap {
  get(key: string): any;
  set(key: string, value: unknown): ImmutableMap;
  clear(): ImmutableMap;
  toJS(): any;
}

interface Cms {
  registerCustomFormat(name: string, extension: string, format: { fromFile(text: string): unknown; toFile(data: unknown): string }): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: ImmutableMap }) => unknown }): void;
  init(options?: unknown): void;
}

const CMS = (window as unknown as { CMS: Cms }).CMS;

/** Leaves out what the form left empty, so that optional fields stay absent, as the format wants. */
export function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, prune(v)] as const).filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  if (value === '' || value === null || value === undefined) return undefined;
  return value;
}

/** Key orders of the format's objects, smallest first (made from the schemas at build time). */
declare const __NQ57_FIELD_ORDERS__: string[][];

/** Puts each object's keys in the schema's order: the smallest known object that has all its keys. */
export function ordered(value: unknown, orders: string[][] = __NQ57_FIELD_ORDERS__): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, orders));
  if (!value || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  const order = orders.find((o) => keys.every((k) => o.includes(k)));
  const sorted = order ? [...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b)) : keys;
  return Object.fromEntries(sorted.map((k) => [k, ordered((value as Record<string, unknown>)[k], orders)]));
}

/** Fields of the YAML files that hold text per language, and the site's first language. */
declare const __NQ57_LOCALISED__: { fields: string[]; locale: string };

/**
 * Text in the site's first language may be written as a plain string (`title: "…"`); the form edits
 * it as `{ vi: "…" }` and writes it back as it was when no other language was added.
 */
export function localised(value: unknown, toForm: boolean, { fields, locale } = __NQ57_LOCALISED__): unknown {
  if (Array.isArray(value)) return value.map((v) => localised(v, toForm, { fields, locale }));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (!fields.includes(k)) return [k, localised(v, toForm, { fields, locale })];
      if (toForm && typeof v === 'string') return [k, { [locale]: v }];
      if (!toForm && v && typeof v === 'object' && Object.keys(v).length === 1 && locale in v) return [k, (v as Record<string, unknown>)[locale]];
      return [k, v];
    }),
  );
}

const YAML_OPTIONS = { lineWidth: 0, indentSeq: true } as const;

CMS.registerCustomFormat('nq57-yaml-list', 'yaml', {
  fromFile: (text) => ({ items: localised((parse(text) as unknown[] | null) ?? [], true) }),
  toFile: (data) => stringify(ordered(localised(prune((data as { items?: unknown[] }).items) ?? [], false)), YAML_OPTIONS),
});

CMS.registerCustomFormat('nq57-yaml', 'yaml', {
  fromFile: (text) => localised((parse(text) as unknown) ?? {}, true),
  toFile: (data) => stringify(ordered(localised(prune(data) ?? {}, false)), YAML_OPTIONS),
});

CMS.registerCustomFormat('nq57-frontmatter', 'md', {
  fromFile(text) {
    const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
    const front = ((match ? parse(match[1]!) : {}) as Record<string, unknown> | null) ?? {};
    const { body: meetingBody, ...rest } = front;
    return { ...rest, ...(meetingBody !== undefined ? { meeting_body: meetingBody } : {}), body: match ? match[2]!.replace(/^\r?\n/, '') : text };
  },
  toFile(data) {
    const { body, meeting_body: meetingBody, ...rest } = data as Record<string, unknown>;
    const front = { ...rest, ...(meetingBody !== undefined ? { body: meetingBody } : {}) };
    const text = typeof body === 'string' ? body.trim() : '';
    return `---\n${stringify(ordered(prune(front) ?? {}), YAML_OPTIONS)}---\n${text ? `\n${text}\n` : ''}`;
  },
});

/** Today's date in Vietnam, YYYY-MM-DD. */
function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/**
 * A task whose status differs from its last history entry gets a new entry (today, the new
 * status), so a status is never overwritten silently; completing a task without a date dates it.
 */
export function recordStatusChanges<T extends { status?: string; history?: Array<{ date: string; status: string }>; completed?: string }>(tasks: T[], today: string): T[] {
  return tasks.map((task) => {
    if (!task.status) return task;
    const history = task.history ?? [];
    const last = history[history.length - 1];
    const next: T = last?.status === task.status ? task : { ...task, history: [...history, { date: today, status: task.status }] };
    if (next.status === 'completed' && !next.completed) return { ...next, completed: today };
    return next;
  });
}

CMS.registerEventListener({
  name: 'preSave',
  handler({ entry }) {
    if (entry.get('collection') !== 'tasks') return undefined;
    const data = entry.get('data');
    const items = data.get('items');
    if (!items) return data;
    const changed = recordStatusChanges(items.toJS(), todayInVietnam());
    // Rebuild the list from plain values with the immutable types the editor already uses.
    const emptyMap = data.clear();
    const toImmutable = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.reduce((list: any, v) => list.push(toImmutable(v)), items.clear());
      if (value && typeof value === 'object') return Object.entries(value).reduce((map: ImmutableMap, [k, v]) => map.set(k, toImmutable(v)), emptyMap);
      return value;
    };
    return data.set('items', toImmutable(changed));
  },
});

CMS.init();
