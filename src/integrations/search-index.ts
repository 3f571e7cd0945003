// The site's search index, written by Pagefind's Node API into `pagefind/` once the pages are
// written, as Starlight does. Pagefind is given one record per meeting and task in each language
// (src/lib/search-records.ts), which the build writes as a file of the site (search-records.ts)
// from the same content and as-of date as the pages; that file is read here and removed.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../lib/search-records.ts';

/** Where in the built site the records are written, until they are read. */
const RECORDS_FILE = 'search-records.json';

/** Records sent to Pagefind before waiting for its answers. */
const IN_FLIGHT = 256;

/** Gives `records` to Pagefind and writes the index into `outputPath`; returns how many it holds. */
export async function writeSearchIndex(records: readonly SearchRecord[], outputPath: string): Promise<number> {
  try {
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
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
    return records.length;
  } finally {
    // Pagefind's service is stopped, and gives its memory back, whether it wrote the index or not.
    await pagefind.close();
  }
}

/** Reads the records the build wrote into the site at `siteDir`, and removes their file. */
function takeRecords(siteDir: string): SearchRecord[] {
  const file = path.join(siteDir, RECORDS_FILE);
  const records = JSON.parse(readFileSync(file, 'utf8')) as SearchRecord[];
  rmSync(file);
  return records;
}

/**
 * The integration: the records' route is added to the build; once the pages are written, Pagefind
 * indexes the records (beside the share cards being drawn), and the index is in the site when the
 * build is done.
 */
export default function searchIndex(): AstroIntegration {
  let indexing: Promise<number> | undefined;
  let started = 0;
  return {
    name: 'nq57:search-index',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'build') injectRoute({ pattern: `/${RECORDS_FILE}`, entrypoint: new URL('./search-records.ts', import.meta.url), prerender: true });
      },
      'astro:build:generated': ({ dir }) => {
        started = performance.now();
        const siteDir = fileURLToPath(dir);
        indexing = writeSearchIndex(takeRecords(siteDir), path.join(siteDir, 'pagefind'));
        // Its error, if any, is reported where it is awaited.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        if (!indexing) return;
        const records = await indexing;
        logger.info(`search index of ${records} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
