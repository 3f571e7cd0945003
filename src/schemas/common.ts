import { z } from 'astro/zod';
import { isIsoDate, isIsoDateTime } from '../lib/dates.ts';

/** An id: letters, digits, dot, underscore and hyphen, starting with a letter or digit. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    error: 'must start with a letter or digit and use only letters, digits, ".", "_" and "-"',
  });

/** A locale code such as `vi` or `en`. */
export const LocaleSchema = z.string().regex(/^[a-z]{2,3}$/, {
  error: 'must be a two- or three-letter language code such as "vi" or "en"',
});

/** A calendar date written `YYYY-MM-DD`, in the site's timezone. */
export const IsoDateSchema = z
  .string({ error: 'must be a date written as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written as YYYY-MM-DD' })
  .refine(isIsoDate, { error: (issue) => `${String(issue.input)} is not a real calendar date` });

/** A calendar date, or a date-time with its offset (`2025-09-18T14:00:00+07:00`). */
export const DateOrDateTimeSchema = z
  .string({ error: 'must be a date (YYYY-MM-DD) or a date-time with offset (2025-09-18T14:00:00+07:00)' })
  .refine((s) => isIsoDate(s) || isIsoDateTime(s), {
    error: (issue) =>
      `${String(issue.input)} is not a real date (YYYY-MM-DD) or date-time with offset (2025-09-18T14:00:00+07:00)`,
  });

const TEXT_ERROR = 'must be text: a string, or a map of language to string such as { vi: "…", en: "…" }';

/** Text in the site's default locale, or a map of locale to text: `{ vi: "…", en: "…" }`. */
export const LocalisedTextSchema = z.union(
  [z.string().trim().min(1, { error: 'must not be empty' }), z.record(LocaleSchema, z.string().trim().min(1))],
  { error: TEXT_ERROR },
);

/** A web address: `https:` (or `http:`); any other scheme is refused. */
export const WebUrlSchema = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `'${value}' is not an absolute URL; write it in full, starting with https://` });
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    ctx.addIssue({ code: 'custom', message: `uses the scheme '${url.protocol}', which is not allowed; use https: (or http:)` });
  }
});

/** An absolute `https:` address. */
export const HttpsUrlSchema = z.string().superRefine((value, ctx) => {
  if (!/^https:\/\/[^/\s]+/.test(value)) {
    ctx.addIssue({ code: 'custom', message: `'${value}' must be an absolute URL starting with https://` });
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
  error: () => 'must be a source link ({ url: https://… }) or the id of a meeting (its file name without .LANG.md)',
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

/** An enum whose error names the value given and every value allowed. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `is required; allowed: ${values.join(', ')}`
        : `'${String(issue.input)}' is not one of: ${values.join(', ')}`,
  });
}
