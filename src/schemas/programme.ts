import { z } from 'astro/zod';
import { IdSchema, IsoDateSchema, LocalisedTextSchema, SourceLinkSchema, WebUrlSchema, oneOf } from './common.ts';

/** How much of a programme's tasks the registry holds. */
export const REGISTRY_COVERAGES = ['complete', 'partial'] as const;

/** A document whose tasks are tracked (a resolution, an action programme). */
export const ProgrammeSchema = z.object({
  /** Id such as `nq-57`. */
  id: IdSchema,
  /** Its title. */
  title: LocalisedTextSchema,
  /** The document's number, e.g. `57-NQ/TW`. */
  number: z.string().min(1),
  /** Who issued it. */
  issuer: LocalisedTextSchema,
  /** Date it was issued; left out only where no source gives it (the validator warns). */
  issued: IsoDateSchema.optional(),
  /** Where to read it. */
  url: WebUrlSchema.optional(),
  /** `national`, or the site's jurisdiction id. */
  scope: IdSchema,
  /**
   * `complete` when every task of the programme is in the registry; `partial` when the registry holds
   * only the tasks that the public record names: its counts are then never the programme's progress.
   */
  registry: oneOf(REGISTRY_COVERAGES).default('complete'),
  /** Anything a reader should know about the document or its sources. */
  notes: LocalisedTextSchema.optional(),
  /** Where the facts about it come from. */
  sources: z.array(SourceLinkSchema).optional(),
});

/** `programmes.yaml`: a list of programmes. */
export const ProgrammeListSchema = z.array(ProgrammeSchema);

export type Programme = z.output<typeof ProgrammeSchema>;
export type RegistryCoverage = Programme['registry'];
