import { z } from 'astro/zod';
import { IdSchema, LocalisedTextSchema, WebUrlSchema } from './common.ts';

/** An agency that owns tasks. */
export const UnitSchema = z.object({
  /** Id such as `so-khcn`. */
  id: IdSchema,
  /** Its full name. */
  name: LocalisedTextSchema,
  /** Its short name. */
  short: LocalisedTextSchema.optional(),
  /** Its website. */
  url: WebUrlSchema.optional(),
});

/** `units.yaml`: a list of units. */
export const UnitListSchema = z.array(UnitSchema);

export type Unit = z.output<typeof UnitSchema>;
