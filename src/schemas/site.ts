import { z } from 'astro/zod';
import { HttpsUrlSchema, IdSchema, IsoDateSchema, LocaleSchema, LocalisedTextSchema, WebUrlSchema } from './common.ts';

/** The fields of `site.yaml`, before the rules that tie them together. */
export const SiteObjectSchema = z.object({
  /** The site's title. */
  name: LocalisedTextSchema,
  /** Who publishes the site. */
  publisher: LocalisedTextSchema,
  /** The province this site reports on. */
  jurisdiction: z.object({
    /** Id such as `ca-mau`; reported figures with this scope are compared with the registry. */
    id: IdSchema,
    /** Its name. */
    name: LocalisedTextSchema,
  }),
  /** Absolute https URL where the site is deployed. */
  url: HttpsUrlSchema,
  /** Languages, the first one the default unless `default_locale` is set. */
  locales: z.array(LocaleSchema).min(1, { error: 'problem.schema.locales' }),
  /** The default language: one of `locales`. */
  default_locale: LocaleSchema.optional(),
  /** When set, derived states are computed as of this date. */
  as_of: IsoDateSchema.optional(),
  /** Short description for search engines and link previews. */
  description: LocalisedTextSchema.optional(),
  /** Logo image, relative to the content folder (e.g. `media/logo.svg`). */
  logo: z.string().min(1).optional(),
  /** How to reach the publisher. */
  contact: z
    .object({
      email: z.string().optional(),
      phone: z.string().optional(),
      address: LocalisedTextSchema.optional(),
      url: WebUrlSchema.optional(),
    })
    .optional(),
  /** Licence of the published data. */
  licence: z.object({ name: z.string().min(1), url: WebUrlSchema.optional() }).optional(),
  /** The site's timezone; dates without a time are calendar dates in it. */
  timezone: z.literal('Asia/Ho_Chi_Minh', { error: 'problem.schema.timezone' }).optional(),
});

/** Rules across the fields of site.yaml. */
export function refineSite(site: { default_locale?: string | undefined; locales: string[] }, ctx: z.RefinementCtx): void {
  if (site.default_locale && !site.locales.includes(site.default_locale)) {
    ctx.addIssue({
      code: 'custom',
      path: ['default_locale'],
      message: 'problem.schema.defaultLocale',
      params: { value: site.default_locale, locales: site.locales.join(', ') },
    });
  }
}

/** `site.yaml`: the identity of the site. */
export const SiteSchema = SiteObjectSchema.superRefine(refineSite);

export type Site = z.output<typeof SiteSchema>;
