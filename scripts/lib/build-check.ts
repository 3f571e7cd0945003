// The first step of `npm run build`, run in a process of its own so that the memory it takes to
// read a province's whole history is given back when it ends, soon after Astro starts.
// Usage: node scripts/lib/build-check.ts <content folder> <output folder, as shown> <work folder>
// Problems are written in MESSAGES_LANG when set, else in the site's default language.
// Reads and checks the content and prints its problems. When there is no error, writes into the
// work folder content.bin, the content as checked, for Astro's loaders (CONTENT_SNAPSHOT), so that
// they need not read and render every file again: Astro, started beside this check, waits for that
// file to appear (it is written under another name, then renamed). Then it writes prepared.bin, what
// the rest of the build needs (see `Prepared`), and search.bin, the search index's records.
// What reading each file gave is kept in node_modules/.astro/content-reads.bin, for the next build
// to take where the file has not changed.
// Exits with 1 when the content has errors, 2 on a failure of its own.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import path from 'node:path';
import { readContentInParallel } from '../../src/loaders/content-reader.ts';
import { ReadCache } from '../../src/loaders/read-cache.ts';
import { resolveAsOf } from '../../src/loaders/as-of.ts';
import { buildSiteModel, siteInputFromContent } from '../../src/lib/site-model.ts';
import { defaultLocale } from '../../src/lib/content-model.ts';
import { formatProblems } from './report.ts';
import { msg, msgCount } from '../../src/lib/messages.ts';
import { chooseMessageLang } from '../../src/loaders/site-config.ts';
import { searchIndexRecords } from './search-index.ts';
import { shareCards } from './share-images.ts';
import { preparedFiles } from './prepared.ts';
import { exitWithParent } from '../../src/loaders/exit-with-parent.ts';
import type { Prepared } from './prepared.ts';

async function main(dir: string, shown: string, work: string): Promise<number> {
  const started = performance.now();
  chooseMessageLang(process.env.MESSAGES_LANG || undefined, dir);
  const cache = ReadCache.open(path.resolve('node_modules/.astro/content-reads.bin'));
  const { model: content, problems, html } = await readContentInParallel(dir, { cache });
  process.stderr.write(formatProblems(problems, 'text', dir));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0 || !content) {
    cache.save();
    process.stderr.write(`${msg('cli.buildFailed', { errors: msgCount('cli.contentErrors', errors), dir: shown })}\n`);
    return 1;
  }
  const asOf = resolveAsOf(content.site, process.env, new Date());
  const files = preparedFiles(work);
  mkdirSync(work, { recursive: true });
  // The warnings were printed here; Astro's loaders are given none, so they are not printed twice.
  // Astro needs no more than this, and goes on as soon as the file has its name, while the rest is
  // prepared here.
  writeFileSync(`${files.snapshot}.part`, serialize({ model: content, problems: [], html }));
  renameSync(`${files.snapshot}.part`, files.snapshot);
  const ctx = { base: process.env.BASE_PATH || '/', defaultLocale: defaultLocale(content.site) };
  const model = buildSiteModel(siteInputFromContent(content), asOf);
  const prepared: Prepared = { asOf, summary: `${model.meetings.length} meetings, ${model.tasks.length} tasks`, cards: shareCards(model, ctx) };
  writeFileSync(files.prepared, serialize(prepared));
  writeFileSync(files.search, serialize(searchIndexRecords(model, content, html, ctx)));
  cache.save();
  process.stderr.write(`build: content checked in ${((performance.now() - started) / 1000).toFixed(1)} s (${cache.hits} files unchanged since the last build)\n`);
  return 0;
}

if (import.meta.main) {
  exitWithParent(Number(process.env.BUILD_PID) || undefined);
  const [dir, shown, work] = process.argv.slice(2) as [string, string, string];
  try {
    process.exitCode = await main(dir, shown, work);
  } catch (e) {
    process.stderr.write(`build: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}
