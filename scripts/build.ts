// Builds the site into a fresh folder and only then swaps it into dist/,
// so that invalid content or a failed build never touches the last good site.
// Usage: npm run build   (CONTENT_DIR, SOURCE_DATE_EPOCH, BASE_PATH and OUT_DIR are read from the environment)
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../src/loaders/content-dir.ts';
import { preparedFiles, readPrepared, readSearchRecords } from './lib/prepared.ts';
import { writeSearchIndex } from './lib/search-index.ts';
import { drawShareImages, placeShareImages } from './lib/share-images.ts';

function say(message: string): void {
  process.stderr.write(`build: ${message}\n`);
}

const started = performance.now();
/** Seconds since the build started, for the log. */
function elapsed(): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

function run(args: string[], env: Record<string, string> = {}): Promise<number | null> {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return new Promise((resolve) => child.on('close', resolve));
}

async function main(): Promise<number> {
  const dir = contentDir();
  const outDir = path.resolve(process.env.OUT_DIR || 'dist');
  const shown = path.relative(process.cwd(), outDir) || outDir;
  const work = path.join(path.dirname(outDir), '.build-tmp');
  const next = path.join(work, `site-${process.pid}`);
  const checkedDir = path.join(work, `checked-${process.pid}`);
  const cleanUp = () => rmSync(work, { recursive: true, force: true });
  const done = <T>(what: string) => (value: T): T => (say(`${what} at ${elapsed()}`), value);
  try {
    rmSync(next, { recursive: true, force: true });
    // Reading a province's whole history takes memory that a process gives back only when it ends:
    // it is read in a process of its own, before Astro, which needs the most, gets going.
    const status = await run([path.resolve('scripts/lib/build-check.ts'), dir, shown, checkedDir]);
    if (status !== 0) return status === 1 ? 1 : 2;
    const checked = readPrepared(checkedDir);
    const astroEnv = { CONTENT_DIR: dir, CONTENT_SNAPSHOT: preparedFiles(checkedDir).snapshot, AS_OF: checked.asOf, ASTRO_OUT_DIR: next, ASTRO_TELEMETRY_DISABLED: '1' };
    const astro = run([path.resolve('node_modules/astro/bin/astro.mjs'), 'build'], astroEnv).then(done('pages rendered'));
    // Astro renders the pages on one core; the share images are drawn on the other meanwhile, into
    // their cache, and go on being drawn while the search index is written.
    const drawn = drawShareImages(checked.cards, path.resolve('node_modules/.astro/share-cards')).then(done('share images drawn'));
    // Settles without an error, for waiting on the drawing when Astro fails; the error is reported below.
    const drawing = drawn.catch(() => undefined);
    if ((await astro) !== 0 || !existsSync(path.join(next, 'index.html'))) {
      await drawing;
      say(`astro build failed; ${shown}/ is unchanged`);
      return 1;
    }
    // The search index is written after Astro rather than beside it: together they would need
    // a third more memory at Astro's peak, for a few seconds saved.
    const indexed = writeSearchIndex(path.join(next, 'pagefind'), readSearchRecords(checkedDir)).then(done('search index written'));
    const [records, cards] = await Promise.all([indexed, drawn]);
    placeShareImages(cards.images, next);
    say(`${checked.summary}; ${cards.drawn} share images drawn; search index of ${records} pages`);
    // Swap: two renames on one file system, so dist/ is never half-written.
    const old = path.join(work, `old-${process.pid}`);
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(next, outDir);
    say(`site for content ${path.relative(process.cwd(), dir) || dir} as of ${checked.asOf} written to ${shown}/`);
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
