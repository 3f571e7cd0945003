import { z } from 'astro/zod';
import { MeetingSchema, ProgrammeListSchema, SiteSchema, TaskListSchema, UnitListSchema } from '../schemas/index.ts';
import { MeetingsJsonSchema, ProgressJsonSchema, TasksJsonSchema } from '../schemas/outputs.ts';

/** Every published JSON Schema: the content files authors write and the data files the site publishes. */
export const PUBLISHED_SCHEMAS = {
  site: { schema: SiteSchema, io: 'input', title: 'site.yaml' },
  programmes: { schema: ProgrammeListSchema, io: 'input', title: 'programmes.yaml' },
  units: { schema: UnitListSchema, io: 'input', title: 'units.yaml' },
  tasks: { schema: TaskListSchema, io: 'input', title: 'tasks/*.yaml' },
  meeting: { schema: MeetingSchema, io: 'input', title: 'meetings/*.md (frontmatter)' },
  'meetings-json': { schema: MeetingsJsonSchema, io: 'output', title: '/data/meetings.json' },
  'tasks-json': { schema: TasksJsonSchema, io: 'output', title: '/data/tasks.json' },
  'progress-json': { schema: ProgressJsonSchema, io: 'output', title: '/data/progress.json' },
} as const;

/** The JSON Schema (draft 2020-12) of one published file, generated from its zod schema. */
export function jsonSchemaFor(name: keyof typeof PUBLISHED_SCHEMAS, id: string): Record<string, unknown> {
  const { schema, io, title } = PUBLISHED_SCHEMAS[name];
  // Rules written as code (dates that exist, URL schemes) have no JSON Schema form: `npm run validate` checks them.
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return { $id: id, title, ...generated };
}
