// The site's search index, written by Pagefind's Node API into `pagefind/`, as Starlight does. Pagefind
// is given one record per meeting and task in each language (src/lib/search-records.ts), from the same
// model as the pages (src/integrations/handoff.ts): it reads them in its own process while Astro
// writes the pages, and writes the index as soon as it has them, as the pages go on being written;
// one language after the other, each by a process of its own.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { toSearchRecords } from '../lib/search-records.ts';
import type { SearchRecord } from '../lib/search-records.ts';
import { TASK_STATE_KEYS, taskState, taskViewsById } from '../lib/site-views.ts';
import { translator } from '../i18n/translate.ts';
import type { UiKey } from '../i18n/translate.ts';
import { builtSite } from './handoff.ts';
import type { BuiltSite } from './handoff.ts';

/** Records sent to Pagefind before waiting for its answers. */
const IN_FLIGHT = 256;

/** Every meeting and task of the site, in each language, as search records. */
export function recordsOf({ model, paths, bodies }: BuiltSite): SearchRecord[] {
  const views = taskViewsById(model);
  return toSearchRecords(model, paths, bodies, (lang) => {
    const t = translator(lang);
    return {
      meeting: t('search.meeting'),
      task: t('search.task'),
      level: (level) => t(`level.${level}` as UiKey),
      status: (id) => t(TASK_STATE_KEYS[taskState(views.get(id)!)]),
    };
  });
}

/** Gives `records` to a new Pagefind index, which holds them until it writes them. */
async function fillSearchIndex(records: readonly SearchRecord[]): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  // Sent many at a time rather than one answer at a time: Pagefind's service takes its messages in
  // the order they were sent, one after another, so the index is the same, in half the time. A few
  // hundred at a time keep it busy without queueing every record's message in memory at once.
  for (let from = 0; from < records.length; from += IN_FLIGHT) {
    const added = await Promise.all(records.slice(from, from + IN_FLIGHT).map((record) => index.addCustomRecord(record)));
    const failed = added.flatMap((result) => result.errors);
    if (failed.length) throw new Error(`search index: ${failed.join('; ')}`);
  }
  return index;
}

/** What `pagefind-entry.json` says: Pagefind's version, each language's index, and the characters it keeps in words. */
interface PagefindEntry {
  version: string;
  languages: Record<string, unknown>;
  include_characters?: string[];
}

/**
 * Writes the index of `records` into `outputPath`, one language at a time, each by a Pagefind
 * service of its own that is stopped once it has written it. Pagefind indexes each language apart
 * (its files are named by language), so the files are those one service given every record writes,
 * but for `pagefind-entry.json`, which each service writes with its own language only: it is written
 * last, with them all. A service holds every record it is given until it writes them, so its memory
 * at the end is that of one language's records rather than all of them (at the large size, some 240
 * MB against 350 MB, beside Astro's process).
 */
export async function writeSearchIndex(records: readonly SearchRecord[], outputPath: string): Promise<void> {
  const entryFile = path.join(outputPath, 'pagefind-entry.json');
  const languages = [...new Set(records.map((record) => record.language))].sort();
  let entry: PagefindEntry | undefined;
  // With no record at all, one index of none, as one service would write it: the search page still
  // finds Pagefind's script, and says that nothing was found.
  for (const language of languages.length ? languages : [undefined]) {
    try {
      const index = await fillSearchIndex(records.filter((record) => record.language === language));
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close();
    }
    const own = JSON.parse(readFileSync(entryFile, 'utf8')) as PagefindEntry;
    entry = entry ? { ...entry, languages: { ...entry.languages, ...own.languages } } : own;
  }
  if (entry) writeFileSync(entryFile, JSON.stringify(entry));
}

/**
 * The integration: once the first page has the site's model, its records are given to Pagefind, and
 * the index is written into the site's folder as soon as Pagefind has them all. The records are made
 * from the model, not read from the pages, so the index need not wait for the last page; and the
 * model is there only once Astro renders pages, after it has emptied that folder. Each language's
 * Pagefind service is stopped, and gives its memory back, as soon as it has written that language's
 * index (or failed to), while Astro goes on writing pages.
 */
export default function searchIndex(): AstroIntegration {
  let outDir: string | undefined;
  let writing: Promise<number> | undefined;
  let started = 0;
  return {
    name: 'nq57:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        started = performance.now();
        writing = builtSite().then(async (site) => {
          const records = recordsOf(site);
          await writeSearchIndex(records, path.join(outDir!, 'pagefind'));
          return records.length;
        });
        // Its error, if any, is reported where it is awaited.
        writing.catch(() => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        if (!writing) return;
        const records = await writing;
        logger.info(`search index of ${records} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
