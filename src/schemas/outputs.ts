import { z } from 'astro/zod';
import { IsoDateSchema, MEETING_LEVELS, REGISTRY_COVERAGES, ReportedFigureSchema, TaskSchema } from './index.ts';

/** One entry of `/data/meetings.json`. */
export const MeetingsJsonItemSchema = z.object({
  /** The file name without `.LANG.md`. */
  id: z.string(),
  /** Date or date-time, as written. */
  date: z.string(),
  level: z.enum(MEETING_LEVELS),
  /** Title and page address in each language. */
  translations: z.record(z.string(), z.object({ title: z.string(), url: z.string() })),
  /** Figures as the meeting stated them. */
  reported: z.array(ReportedFigureSchema),
  /** Ids of tasks discussed. */
  tasks: z.array(z.string()),
});

/** `/data/meetings.json`: every published meeting, newest first. */
export const MeetingsJsonSchema = z.array(MeetingsJsonItemSchema);

/** `/data/tasks.json`: every task as in the registry, with what is derived from it. */
export const TasksJsonSchema = z.array(
  TaskSchema.safeExtend({
    /** Not completed or cancelled, and the as-of date is after the deadline. */
    overdue: z.boolean(),
    /** Completed after the deadline. */
    late: z.boolean(),
    /** In progress or not started, and not overdue. */
    on_schedule: z.boolean(),
    /** Its page. */
    url: z.string(),
    /** Ids of published meetings that list it. */
    meetings: z.array(z.string()),
  }),
);

const CountsSchema = z.object({
  total: z.number().int(),
  completed: z.number().int(),
  on_schedule: z.number().int(),
  overdue: z.number().int(),
  /** Tasks whose status no source reports. */
  unknown: z.number().int(),
  cancelled: z.number().int(),
  late: z.number().int(),
});

const SeriesPointSchema = z.object({
  date: IsoDateSchema,
  total: z.number().int(),
  completed: z.number().int(),
  on_schedule: z.number().int(),
  overdue: z.number().int(),
  unknown: z.number().int(),
});

const RegistryFiguresSchema = z.object({
  total: z.number().int(),
  completed: z.number().int(),
  on_schedule: z.number().int(),
  overdue: z.number().int(),
});

/** `/data/progress.json`: the registry's counts and the reported figures side by side. */
export const ProgressJsonSchema = z.object({
  /** The date every derived state is computed as of. */
  as_of: IsoDateSchema,
  /**
   * Per programme: how much of it the registry holds (`partial`: only the tasks that the public record
   * names, so its counts are counts of those tasks, never the programme's progress), its counts as of
   * `as_of`, and the series over meeting dates.
   */
  programmes: z.record(
    z.string(),
    z.object({ registry: z.enum(REGISTRY_COVERAGES), counts: CountsSchema, series: z.array(SeriesPointSchema) }),
  ),
  /** Every reported figure of a published meeting, beside the registry's. */
  reported: z.array(
    z.object({
      meeting: z.string(),
      programme: z.string(),
      scope: z.string(),
      period: z.string(),
      as_of: IsoDateSchema,
      figures: z.record(z.string(), z.number()),
      /** Null when the registry cannot compute it (another scope); for a partial registry, the counts of its published tasks. */
      registry: RegistryFiguresSchema.nullable(),
      /** Whether the registry can check the figure. */
      comparable: z.boolean(),
      /** Why it cannot, when `comparable` is false. */
      reason: z.enum(['other-scope', 'partial-registry', 'invalid-period']).optional(),
      /** Null when not comparable. */
      agrees: z.boolean().nullable(),
      differences: z.array(z.object({ field: z.string(), reported: z.number(), registry: z.number() })),
    }),
  ),
});
