import { z } from 'astro/zod';
import { IdSchema, IsoDateSchema, LocalisedTextSchema, SourceLinkSchema, WebUrlSchema } from './common.ts';

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
  /** Anything a reader should know about the document or its sources. */
  notes: LocalisedTextSchema.optional(),
  /** Where the facts about it come from. */
  sources: z.array(SourceLinkSchema).optional(),
});

/** `programmes.yaml`: a list of programmes. */
export const ProgrammeListSchema = z.array(ProgrammeSchema);

export type Programme = z.output<typeof ProgrammeSchema>;
