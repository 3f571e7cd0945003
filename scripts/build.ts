// Builds the site into a fresh folder and only then swaps it into dist/,
// so that invalid content or a failed build never touches the last good site.
// Usage: npm run build   (CONTENT_DIR, SOURCE_DATE_EPOCH, BASE_PATH and OUT_DIR are read from the environment)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serialize } from 'node:v8';
import { contentDir, readContentInParallel } from '../src/loaders/content-reader.ts';
import { resolveAsOf } from '../src/loaders/as-of.ts';
import { buildSiteModel, siteInputFromContent } from '../src/lib/site-model.ts';
import { defaultLocale } from '../src/lib/content-model.ts';
import { formatProblems } from './lib/report.ts';
import { writeSearchIndex } from './lib/search-index.ts';
import { drawShareImages, placeShareImages, shareCards } from './lib/share-images.ts';

function say(message: string): void {
  process.stderr.write(`build: ${message}\n`);
}

const started = performance.now();
/** Seconds since the build started, for the log. */
function elapsed(): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

function runAstro(outDir: string, env: Record<string, string>): Promise<number | null> {
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const child = spawn(process.execPath, [astro, 'build'], { stdio: 'inherit', env: { ...process.env, ...env, ASTRO_OUT_DIR: outDir } });
  return new Promise((resolve) => child.on('close', resolve));
}

async function main(): Promise<number> {
  const dir = contentDir();
  const outDir = path.resolve(process.env.OUT_DIR || 'dist');
  const shown = path.relative(process.cwd(), outDir) || outDir;
  const { model: content, problems, html } = await readContentInParallel(dir);
  process.stderr.write(formatProblems(problems, 'text', dir));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0 || !content) {
    say(`${errors} content error${errors === 1 ? '' : 's'}; nothing was built and ${shown}/ is unchanged`);
    return 1;
  }
  const asOf = resolveAsOf(content.site, process.env, new Date());
  const base = process.env.BASE_PATH || '/';
  const ctx = { base, defaultLocale: defaultLocale(content.site) };
  const model = buildSiteModel(siteInputFromContent(content), asOf);
  say(`content checked at ${elapsed()}`);

  const work = path.join(path.dirname(outDir), '.build-tmp');
  const next = path.join(work, `site-${process.pid}`);
  const search = path.join(work, `pagefind-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const cleanUp = () => rmSync(work, { recursive: true, force: true });
  const done = <T>(what: string) => (value: T): T => (say(`${what} at ${elapsed()}`), value);
  try {
    // Astro's loaders take the content as checked here (its warnings were printed already) instead of
    // reading and rendering every file again.
    const snapshot = path.join(work, `content-${process.pid}.bin`);
    writeFileSync(snapshot, serialize({ model: content, problems: [], html }));
    const env = { CONTENT_DIR: dir, CONTENT_SNAPSHOT: snapshot, AS_OF: asOf, ASTRO_TELEMETRY_DISABLED: '1' };
    const astro = runAstro(next, env).then(done('pages rendered'));
    // Astro renders the pages on one core; the share images and the search index, which need only
    // the checked content, are made on the other meanwhile.
    const extras = Promise.all([
      drawShareImages(shareCards(model, ctx), path.resolve('node_modules/.astro/share-cards')).then(done('share images drawn')),
      writeSearchIndex(search, model, content, html, ctx).then(done('search index written')),
    ]).then(([cards, records]) => ({ cards, records }));
    // Astro is waited for even when the rest fails, so that nothing writes into the folder being removed.
    const [status, made] = await Promise.all([astro, extras.then((value) => ({ value }), (error: unknown) => ({ error }))]);
    if ('error' in made) throw made.error;
    const { cards, records } = made.value;
    if (status !== 0 || !existsSync(path.join(next, 'index.html'))) {
      say(`astro build failed; ${shown}/ is unchanged`);
      return 1;
    }
    placeShareImages(cards.images, next);
    renameSync(search, path.join(next, 'pagefind'));
    say(`${model.meetings.length} meetings, ${model.tasks.length} tasks; ${cards.drawn} share images drawn; search index of ${records} pages`);
    // Swap: two renames on one file system, so dist/ is never half-written.
    const old = path.join(work, `old-${process.pid}`);
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(next, outDir);
    say(`site for content ${path.relative(process.cwd(), dir) || dir} as of ${asOf} written to ${shown}/`);
    return 0;
  } catch (e) {
    say(`${e instanceof Error ? e.message : String(e)}; ${shown}/ is unchanged`);
    return 1;
  } finally {
    cleanUp();
  }
}

try {
  process.exitCode = await main();
} catch (e) {
  process.stderr.write(`build: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
