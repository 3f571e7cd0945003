import { z } from 'astro/zod';

// Error texts here are message keys (`problem.…` in src/i18n/*.json), written out by `describeIssue`
// (src/lib/schema-problems.ts) in the message language, with the value given as `{input}`.
import { isIsoDate, isIsoDateTime } from '../lib/dates.ts';

/** An id: letters, digits, dot, underscore and hyphen, starting with a letter or digit. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    error: 'problem.schema.id',
  });

/** A locale code such as `vi` or `en`. */
export const LocaleSchema = z.string().regex(/^[a-z]{2,3}$/, {
  error: 'problem.schema.locale',
});

/** A calendar date written `YYYY-MM-DD`, in the site's timezone. */
export const IsoDateSchema = z
  .string({ error: 'problem.schema.date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'problem.schema.date' })
  // Only a date written YYYY-MM-DD can be no real date; any other is refused above, once.
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isIsoDate(s), { error: 'problem.schema.notRealDate' });

/** A calendar date, or a date-time with its offset (`2025-09-18T14:00:00+07:00`). */
export const DateOrDateTimeSchema = z
  .string({ error: 'problem.schema.dateOrDateTime' })
  .refine((s) => isIsoDate(s) || isIsoDateTime(s), {
    // Written the right way but no real date: said so; written another way: the format asked for.
    error: (issue) => (/^\d{4}-\d{2}-\d{2}/.test(String(issue.input)) ? 'problem.schema.notRealDateTime' : 'problem.schema.dateOrDateTime'),
  });

const TEXT_ERROR = 'problem.schema.text';

/** Text in the site's default locale, or a map of locale to text: `{ vi: "…", en: "…" }`. */
export const LocalisedTextSchema = z.union(
  [z.string().trim().min(1, { error: 'problem.schema.notEmpty' }), z.record(LocaleSchema, z.string().trim().min(1))],
  { error: TEXT_ERROR },
);

/** A web address: `https:` (or `http:`); any other scheme is refused. */
export const WebUrlSchema = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'problem.schema.notUrl', params: { value } });
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    ctx.addIssue({ code: 'custom', message: 'problem.schema.badScheme', params: { scheme: url.protocol } });
  }
});

/** An absolute `https:` address. */
export const HttpsUrlSchema = z.string().superRefine((value, ctx) => {
  if (!/^https:\/\/[^/\s]+/.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'problem.schema.notHttps', params: { value } });
  }
});

/** A link to where a fact was published. */
export const SourceLinkSchema = z.object({
  /** Address of the source: `https:` or `http:` only. */
  url: WebUrlSchema,
  /** Title of the article or document. */
  title: LocalisedTextSchema.optional(),
  /** Who published it. */
  publisher: LocalisedTextSchema.optional(),
  /** Date it was published. */
  published: IsoDateSchema.optional(),
  /** Date it was last read. */
  accessed: IsoDateSchema.optional(),
});

/**
 * Where something was reported: a source link, or the id of a meeting of the site (its file name
 * without `.LANG.md`), whose page then says where it was reported.
 */
export const SourceRefSchema = z.union([SourceLinkSchema, IdSchema], {
  error: () => 'problem.schema.sourceRef',
});

/** A correction or change after publication. */
export const UpdateSchema = z.object({
  /** When the change was made. */
  date: IsoDateSchema,
  /** What changed and why. */
  note: LocalisedTextSchema,
});

export type LocalisedText = z.output<typeof LocalisedTextSchema>;
export type SourceLink = z.output<typeof SourceLinkSchema>;
export type SourceRef = z.output<typeof SourceRefSchema>;
export type Update = z.output<typeof UpdateSchema>;

/**
 * An enum whose error names the value given and every value allowed (and the value meant, when the
 * author wrote it in Vietnamese or misspelled it: see `describeIssue`).
 */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? 'problem.schema.requiredOneOf' : 'problem.schema.notOneOf'),
  });
}
