import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { contentLoader } from './content/loaders.ts';
import { ImageSchema, MeetingSchema, ProgrammeSchema, SiteObjectSchema, TaskSchema, UnitSchema, refineSite } from './schemas/index.ts';

const site = defineCollection({
  loader: contentLoader('site'),
  schema: ({ image }) =>
    SiteObjectSchema.extend({
      logo: image().optional(),
      /** How many entries each other collection holds, as the loaders found them. */
      entries: z.object({ programmes: z.number(), units: z.number(), tasks: z.number(), meetings: z.number() }),
    }).superRefine(refineSite),
});
const programmes = defineCollection({ loader: contentLoader('programmes'), schema: ProgrammeSchema });
const units = defineCollection({ loader: contentLoader('units'), schema: UnitSchema });
const tasks = defineCollection({
  loader: contentLoader('tasks'),
  schema: TaskSchema.safeExtend({ file: z.string() }),
});
const meetings = defineCollection({
  loader: contentLoader('meetings'),
  schema: ({ image }) =>
    MeetingSchema.extend({
      images: z.array(ImageSchema.extend({ src: image() })).optional(),
      meeting: z.string(),
      lang: z.string(),
      file: z.string(),
    }),
});

export const collections = { site, programmes, units, tasks, meetings };
