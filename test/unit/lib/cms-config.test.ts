import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { cmsConfig, FIELD_WORDS, shapeOf, type CmsField } from '../../../src/lib/cms-config.ts';
import { readContentIds } from '../../../src/content/ids.ts';
import { fixture } from '../../helpers/run.ts';
import { MeetingSchema, ProgrammeSchema, SiteObjectSchema, TaskSchema, UnitSchema } from '../../../src/schemas/index.ts';

const config = cmsConfig('content', {}, readContentIds(fixture('valid'))) as { collections: Array<{ name: string; fields?: CmsField[]; files?: Array<{ name: string; fields: CmsField[] }> }>; i18n: unknown; locale: string };
const collection = (name: string) => config.collections.find((c) => c.name === name)!;
const listItems = (fields: CmsField[]) => fields.find((f) => f.name === 'items')!.fields!;

/** The schema's own structure: optional / default wrappers, arrays and objects, as zod holds them. */
function inner(schema: z.ZodType): { type: string; optional: boolean; schema: z.ZodType } {
  let s = schema as z.ZodType & { _zod: { def: { type: string; innerType?: z.ZodType } } };
  let optional = false;
  while (['optional', 'default', 'nullable'].includes(s._zod.def.type)) {
    optional = true;
    s = s._zod.def.innerType as typeof s;
  }
  return { type: s._zod.def.type, optional, schema: s };
}

/** Every schema field, at any depth, has an editor field of the same name, labelled in Vietnamese, required as the schema says. */
function expectCovered(schema: z.ZodType, fields: CmsField[], where: string, rename: Record<string, string> = {}, inOptionalObject = false): number {
  let count = 0;
  for (const [key, fieldSchema] of Object.entries(shapeOf(schema))) {
    const name = rename[key] ?? key;
    const field = fields.find((f) => f.name === name);
    expect(field, `${where}.${key} has no editor field`).toBeDefined();
    expect(FIELD_WORDS[name], `${where}.${key} has no Vietnamese label`).toBeDefined();
    expect(field!.label.startsWith(FIELD_WORDS[name]![0])).toBe(true);
    const { type, optional, schema: s } = inner(fieldSchema);
    expect(field!.required === false, `${where}.${key}: required should be ${!optional}`).toBe(optional || inOptionalObject || field!.widget === 'boolean');
    count += 1;
    const element = type === 'array' ? inner((s as unknown as { _zod: { def: { element: z.ZodType } } })._zod.def.element) : { type, schema: s };
    if (element.type === 'object') count += expectCovered(element.schema, field!.fields!, `${where}.${key}`, {}, type === 'object' && optional);
    if (type === 'enum') expect(field!.widget).toBe('select');
  }
  return count;
}

describe('web editor configuration made from the schemas', () => {
  it('gives every field of every schema an editor field, labelled in Vietnamese and required as the schema says', () => {
    const n =
      expectCovered(MeetingSchema, collection('meetings').fields!, 'meeting', { body: 'meeting_body' }) +
      expectCovered(TaskSchema, listItems(collection('tasks').files![0]!.fields), 'task') +
      expectCovered(UnitSchema, listItems(collection('lists').files!.find((f) => f.name === 'units')!.fields), 'unit') +
      expectCovered(ProgrammeSchema, listItems(collection('lists').files!.find((f) => f.name === 'programmes')!.fields), 'programme') +
      expectCovered(SiteObjectSchema, collection('settings').files![0]!.fields, 'site');
    expect(n).toBeGreaterThan(100);
  });

  it('offers ids from the content as choices, dates as date pickers, enums as selects, photos with required alt text', () => {
    const meeting = collection('meetings').fields!;
    const task = listItems(collection('tasks').files![0]!.fields);
    expect(meeting.find((f) => f.name === 'tasks')).toMatchObject({ widget: 'select', multiple: true });
    expect(meeting.find((f) => f.name === 'tasks')!.options).toContain('K3');
    expect(task.find((f) => f.name === 'owner')!.options).toContain('u-khcn');
    expect(task.find((f) => f.name === 'programme')!.options).toEqual(['kh-12', 'nq-57']);
    expect(meeting.find((f) => f.name === 'date')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
    expect(meeting.find((f) => f.name === 'level')!.options).toContainEqual({ label: 'Tỉnh (province)', value: 'province' });
    const images = meeting.find((f) => f.name === 'images')!;
    expect(images.fields!.find((f) => f.name === 'src')!.widget).toBe('image');
    expect(images.fields!.find((f) => f.name === 'alt')!.required).not.toBe(false);
    expect(meeting.find((f) => f.name === 'reported')!.widget).toBe('list');
    expect(task.find((f) => f.name === 'history')!.fields!.map((f) => f.name)).toEqual(['date', 'status', 'note', 'source']);
  });

  it('edits both languages of a meeting side by side, with date, level, reported figures and tasks entered once', () => {
    expect(config.i18n).toEqual({ structure: 'multiple_files', locales: ['vi', 'en'], default_locale: 'vi' });
    expect(config.locale).toBe('vi');
    const meeting = collection('meetings').fields!;
    for (const shared of ['date', 'level', 'tasks']) expect(meeting.find((f) => f.name === shared)!.i18n).toBe('duplicate');
    expect(meeting.find((f) => f.name === 'reported')!.i18n).toBe(false);
    for (const own of ['title', 'summary', 'body', 'images']) expect(meeting.find((f) => f.name === own)!.i18n).toBe(true);
  });
});
