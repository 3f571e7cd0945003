import { z } from 'astro/zod';
import {
  IdSchema,
  IsoDateSchema,
  LocalisedTextSchema,
  SourceLinkSchema,
  SourceRefSchema,
  UpdateSchema,
  oneOf,
} from './common.ts';

/**
 * Status values an author writes. `unknown`: no source reports where the task stands; `not-started`
 * only where a source says work has not started.
 */
export const TASK_STATUSES = ['not-started', 'in-progress', 'completed', 'cancelled', 'unknown'] as const;

/** A task's status. */
export const TaskStatusSchema = oneOf(TASK_STATUSES);

/** One step of a task's history: its status from `date` on. */
export const HistoryEntrySchema = z.object({
  /** From this date on, the task had `status`. */
  date: IsoDateSchema,
  /** The status from that date. */
  status: TaskStatusSchema,
  /** What happened. */
  note: LocalisedTextSchema.optional(),
  /** Where it was reported: a source link, or the id of the meeting that reported it. */
  source: SourceRefSchema.optional(),
});

/** A task of the registry. */
export const TaskSchema = z
  .object({
    /** Unique across all task files. */
    id: IdSchema,
    /** What is to be done. */
    title: LocalisedTextSchema,
    /** Id from programmes.yaml. */
    programme: IdSchema,
    /** Id from units.yaml: the unit in charge. */
    owner: IdSchema,
    /** Ids from units.yaml: units that take part. */
    partners: z.array(IdSchema).optional(),
    /** Free id such as `institutions`, `infrastructure`, `data`, `human-resources`, `digital-government`. */
    category: IdSchema.optional(),
    /** Date the task was assigned; it exists from then on. */
    assigned: IsoDateSchema.optional(),
    /** Date by which it is due; a task without one is never overdue. */
    deadline: IsoDateSchema.optional(),
    /** Current status. */
    status: TaskStatusSchema,
    /** Date it was completed: required when status is completed. */
    completed: IsoDateSchema.optional(),
    /** Status changes, oldest first. */
    history: z.array(HistoryEntrySchema).optional(),
    /** Where the facts come from. */
    sources: z.array(SourceLinkSchema).optional(),
    /** Anything a reader should know. */
    notes: LocalisedTextSchema.optional(),
    /** Corrections to the entry after publication. */
    updates: z.array(UpdateSchema).optional(),
  })
  .superRefine((task, ctx) => {
    if (task.status === 'completed' && !task.completed) {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'problem.schema.completedNoDate',
      });
    }
    if (task.completed && task.status !== 'completed') {
      ctx.addIssue({
        code: 'custom',
        path: ['completed'],
        message: 'problem.schema.completedNotDone',
        params: { status: task.status },
      });
    }
    task.history?.forEach((entry, i) => {
      const previous = task.history?.[i - 1];
      if (previous && entry.date < previous.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['history', i, 'date'],
          message: 'problem.schema.historyOrder',
          params: { date: entry.date, previous: previous.date },
        });
      }
    });
  });

/** A task file: a list of tasks. */
export const TaskListSchema = z.array(TaskSchema);

export type TaskStatus = z.output<typeof TaskStatusSchema>;
export type Task = z.output<typeof TaskSchema>;
export type TaskInput = z.input<typeof TaskSchema>;
