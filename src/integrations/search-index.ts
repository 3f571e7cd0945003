// The site's search index, written by Pagefind's Node API into `pagefind/`, as Starlight does. Pagefind
// is given one record per meeting and task in each language (src/lib/search-records.ts), from the same
// model as the pages (src/integrations/handoff.ts): it reads them in its own process while Astro
// writes the pages, and writes the index as soon as it has them, as the pages go on being written.
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
export async function fillSearchIndex(records: readonly SearchRecord[]): Promise<PagefindIndex> {
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

/** Writes the index into `outputPath`. */
export async function writeSearchIndex(index: PagefindIndex, outputPath: string): Promise<void> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
}

/**
 * The integration: once the first page has the site's model, its records are given to Pagefind, and
 * the index is written into the site's folder as soon as Pagefind has them all. The records are made
 * from the model, not read from the pages, so the index need not wait for the last page; and the
 * model is there only once Astro renders pages, after it has emptied that folder. Pagefind's service
 * is stopped, and gives its memory back (some 300 MB at the large size), as soon as the index is
 * written, while Astro goes on writing pages; or, where the index was not written, when the build ends.
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
          await writeSearchIndex(await fillSearchIndex(records), path.join(outDir!, 'pagefind'));
          await pagefind.close();
          return records.length;
        });
        // Its error, if any, is reported where it is awaited.
        writing.catch(() => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        try {
          if (!writing) return;
          const records = await writing;
          logger.info(`search index of ${records} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
