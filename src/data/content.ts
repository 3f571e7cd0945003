// The one module that reads the content collections. Everything is computed once per build.
import { getCollection } from 'astro:content';
import type { CollectionEntry } from 'astro:content';
import { getImage } from 'astro:assets';
import { buildSiteModel } from '../lib/site-model.ts';
import type { MeetingGroup } from '../lib/site-model.ts';
import { meetingsById } from '../lib/site-views.ts';
import type { PathContext } from '../lib/paths.ts';
import { filePath, meetingPath, pagePath } from '../lib/paths.ts';
import { defaultLocale } from '../lib/content-model.ts';
import { resolveAsOf } from '../content/as-of.ts';
import { inPreview } from '../lib/preview-problems.ts';
import { handOverSite } from '../integrations/handoff.ts';

const [siteEntry] = await getCollection('site');

if (!siteEntry) {
  // Only the dev server gets here: a build stops earlier, at the validator.
  throw new Error('The content folder has errors and nothing to show yet: see the terminal, or run `npm run validate`.');
}

const { logo: siteLogo, entries, ...site } = siteEntry.data;

/**
 * A collection's entries. One with none is not asked for: Astro would warn, in English, that its
 * configuration may be wrong, where an empty registry is what a programme whose tasks no source names
 * yet honestly has.
 */
function entriesOf<C extends keyof typeof entries>(collection: C): Promise<Array<CollectionEntry<C>>> {
  return entries[collection] > 0 ? getCollection(collection) : Promise.resolve([]);
}

const [programmeEntries, unitEntries, taskEntries, meetingEntries] = await Promise.all([
  entriesOf('programmes'),
  entriesOf('units'),
  entriesOf('tasks'),
  entriesOf('meetings'),
]);

/** The site's logo for the header, 48 pixels high, processed once by astro:assets, when site.yaml names one. */
export const logoImage = siteLogo && (await getImage({ src: siteLogo, height: 48, width: Math.round((48 * siteLogo.width) / siteLogo.height) }));

/** The date every derived state is computed as of. */
export const asOf = resolveAsOf(site, process.env, new Date());

/** The published site's data. */
export const model = buildSiteModel(
  {
    site,
    programmes: programmeEntries.map((e) => e.data),
    units: unitEntries.map((e) => e.data),
    tasks: taskEntries.map((e) => e.data),
    meetings: meetingEntries.map((e) => ({ id: e.data.meeting, lang: e.data.lang, data: { ...e.data, images: undefined } })),
  },
  asOf,
  // Drafts are shown in the preview (with a note saying so), never in a build.
  { drafts: inPreview() },
);

/** Where pages live. */
export const paths: PathContext = { base: import.meta.env.BASE_URL, defaultLocale: defaultLocale(site) };

/** A site-relative path as an absolute address. */
export function absoluteUrl(path: string): string {
  return new URL(path, model.site.url).href;
}

/** The publisher's logo for structured data: the site's logo when it has one, else its icon. */
export const publisherLogo = absoluteUrl(logoImage?.src ?? filePath(paths, 'favicon.svg'));

/** Meeting files by `id.lang`, for rendering their bodies and photos. */
export const meetingFiles = new Map(meetingEntries.map((e) => [e.id, e]));

// In a build, the search index and the share cards are made from the same model as the pages,
// beside them: their integrations take it from here (src/integrations/handoff.ts). The preview has
// neither, and keeps no model of an earlier state of the content there.
if (!inPreview()) handOverSite({ model, paths, bodies: new Map(meetingEntries.map((e) => [e.id, e.rendered?.html ?? ''])) });

/** `getStaticPaths` value for the language segment: none for the default language. */
export function langParam(lang: string): string | undefined {
  return lang === paths.defaultLocale ? undefined : lang;
}

/** The language of a page from its `[...lang]` parameter. */
export function pageLang(param: string | undefined): string {
  return param ?? paths.defaultLocale;
}

/** `getStaticPaths` for a page that exists once per language. */
export function localeStaticPaths() {
  return model.site.locales.map((lang) => ({ params: { lang: langParam(lang) } }));
}

/** The same page in each other language: language → address. */
export function alternatePages(lang: string, ...segments: string[]): Record<string, string> {
  return Object.fromEntries(model.site.locales.filter((l) => l !== lang).map((l) => [l, pagePath(paths, l, ...segments)]));
}

/** A published meeting by its id. */
export function meetingById(id: string): MeetingGroup | undefined {
  return meetingsById(model).get(id);
}

/** A meeting's page in the reader's language when it has that translation, else in its first language. */
export function meetingLink(id: string, lang: string): string {
  const meeting = meetingById(id);
  return meetingPath(paths, meeting && !meeting.langs.includes(lang) ? meeting.langs[0]! : lang, id);
}
