import { z } from 'astro/zod';
import { checkFigureArithmetic } from '../lib/reconcile.ts';
import {
  DateOrDateTimeSchema,
  IdSchema,
  IsoDateSchema,
  SourceLinkSchema,
  SourceRefSchema,
  UpdateSchema,
  oneOf,
} from './common.ts';

/** Levels of government a meeting belongs to. */
export const MEETING_LEVELS = ['national', 'province', 'commune'] as const;

/** A person at a meeting, with the role held on the meeting's date. */
export const PersonSchema = z.object({
  /** Full name. */
  name: z.string().trim().min(1),
  /** Post held on the meeting's date. */
  role: z.string().trim().min(1).optional(),
});

const countSchema = z
  .number({ error: 'problem.schema.wholeNumber' })
  .int({ error: 'problem.schema.wholeNumber' })
  .nonnegative({ error: 'problem.schema.notNegative' });

/** A period of a reported figure: `cumulative`, a year (`2025`) or a quarter (`2025-Q3`). */
export const PeriodSchema = z.union(
  [
    z.literal('cumulative'),
    z.number().int().min(1900).max(2200),
    z.string().regex(/^\d{4}(-Q[1-4])?$/),
  ],
  { error: 'problem.schema.period' },
);

/** What a meeting stated about progress, kept as stated. */
export const ReportedFigureSchema = z
  .object({
    /** Id from programmes.yaml. */
    programme: IdSchema,
    /** `national` or a jurisdiction id; default the site's jurisdiction. */
    scope: IdSchema.optional(),
    /** `cumulative` (default), a year or a quarter. */
    period: PeriodSchema.optional(),
    /** Date the figure is as of; default the meeting's date. */
    as_of: IsoDateSchema.optional(),
    /** Number of tasks; when absent, the sum of the parts given. */
    total: countSchema.optional(),
    /** Number completed. */
    completed: countSchema.optional(),
    /** Number in progress and not overdue. */
    on_schedule: countSchema.optional(),
    /** Number overdue. */
    overdue: countSchema.optional(),
    /** The percentage completed as stated, e.g. 53.66 or 43. */
    percent_completed: z.number({ error: 'problem.schema.percent' }).min(0).max(100).optional(),
  })
  .superRefine((figure, ctx) => {
    const stated = ['total', 'completed', 'on_schedule', 'overdue', 'percent_completed'] as const;
    if (!stated.some((field) => figure[field] !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'problem.schema.noFigure',
      });
    }
    for (const problem of checkFigureArithmetic(figure)) {
      ctx.addIssue({ code: 'custom', path: [problem.field], ...describeFigureProblem(problem) });
    }
  });

/** The message key for an arithmetic problem of a figure, with its numbers. */
function describeFigureProblem(problem: ReturnType<typeof checkFigureArithmetic>[number]): { message: string; params: Record<string, unknown> } {
  const p = problem.params as Record<string, number | string>;
  switch (problem.code) {
    case 'partExceedsTotal':
      return { message: 'problem.schema.partExceedsTotal', params: p };
    case 'partsExceedTotal':
      return { message: 'problem.schema.partsExceedTotal', params: { ...p, sum: p.sum ?? p.value } };
    case 'percentMismatch':
      return { message: 'problem.schema.percentMismatch', params: p };
    default:
      return { message: 'problem.schema.inconsistent', params: { code: problem.code } };
  }
}

/** A report on carrying out a direction. */
export const FollowUpSchema = z.object({
  /** When it was reported. */
  date: IsoDateSchema,
  /** What was reported, in the file's language. */
  note: z.string().trim().min(1),
  /** Where: a source link, or the id of the meeting that reported it. */
  source: SourceRefSchema.optional(),
});

/** Something the meeting asked for. */
export const DirectionSchema = z.object({
  /** The direction, in the file's language. */
  text: z.string().trim().min(1),
  /** Ids of registry tasks it concerns. */
  tasks: z.array(IdSchema).optional(),
  /** Date it is to be done by. */
  deadline: IsoDateSchema.optional(),
  /** What has been reported since on carrying it out, oldest first. */
  follow_up: z.array(FollowUpSchema).optional(),
});

/** A photo of the meeting. */
export const ImageSchema = z.object({
  /** Path relative to the content folder, e.g. `media/2025-09-18-hop.jpg`. */
  src: z.string().trim().min(1),
  /** What the photo shows, for readers who cannot see it: required. */
  alt: z.string({ error: 'problem.schema.altRequired' }).trim().min(1, {
    error: 'problem.schema.altEmpty',
  }),
  /** One-line caption naming the people and their posts. */
  caption: z.string().optional(),
  /** Who took the photo. */
  credit: z.string().optional(),
});

/** Frontmatter of a meeting file. */
export const MeetingSchema = z.object({
  /** Title in the file's language. */
  title: z.string().trim().min(1),
  /** Date, or date-time with offset. */
  date: DateOrDateTimeSchema,
  /** The lead paragraph (sapo). */
  summary: z.string().trim().min(1),
  /** `national`, `province` (default) or `commune`. */
  level: oneOf(MEETING_LEVELS).default('province'),
  /** The meeting body, e.g. the provincial steering committee. */
  body: z.string().optional(),
  /** Where it was held. */
  location: z.string().optional(),
  /** Who chaired it. */
  chair: PersonSchema.optional(),
  /** Who attended, with their roles on the day. */
  attendees: z.array(PersonSchema).optional(),
  /** Progress figures the meeting stated. */
  reported: z.array(ReportedFigureSchema).optional(),
  /** Ids of registry tasks discussed. */
  tasks: z.array(IdSchema).optional(),
  /** What the meeting asked for. */
  directions: z.array(DirectionSchema).optional(),
  /** Where it was reported. */
  sources: z.array(SourceLinkSchema).optional(),
  /** Photos. */
  images: z.array(ImageSchema).optional(),
  /** Keywords. */
  tags: z.array(z.string().trim().min(1)).optional(),
  /** Corrections and changes after publication. */
  updates: z.array(UpdateSchema).optional(),
  /** `true` keeps it out of the build. */
  draft: z.boolean({ error: 'problem.schema.boolean' }).optional(),
});

export type Person = z.output<typeof PersonSchema>;
export type ReportedFigure = z.output<typeof ReportedFigureSchema>;
export type Direction = z.output<typeof DirectionSchema>;
export type MeetingImage = z.output<typeof ImageSchema>;
export type Meeting = z.output<typeof MeetingSchema>;
export type MeetingInput = z.input<typeof MeetingSchema>;
