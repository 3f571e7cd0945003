import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { contentLoader } from './loaders/astro-loaders.ts';
import { MeetingSchema, ProgrammeSchema, SiteSchema, TaskSchema, UnitSchema } from './schemas/index.ts';

const site = defineCollection({ loader: contentLoader('site'), schema: SiteSchema });
const programmes = defineCollection({ loader: contentLoader('programmes'), schema: ProgrammeSchema });
const units = defineCollection({ loader: contentLoader('units'), schema: UnitSchema });
const tasks = defineCollection({
  loader: contentLoader('tasks'),
  schema: TaskSchema.safeExtend({ file: z.string() }),
});
const meetings = defineCollection({
  loader: contentLoader('meetings'),
  schema: MeetingSchema.safeExtend({ meeting: z.string(), lang: z.string(), file: z.string() }),
});

export const collections = { site, programmes, units, tasks, meetings };
