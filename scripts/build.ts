// Builds the site into a fresh folder and only then swaps it into dist/,
// so that invalid content or a failed build never touches the last good site.
// Usage: npm run build [-- --lang vi|en]   (CONTENT_DIR, SOURCE_DATE_EPOCH, BASE_PATH and OUT_DIR are read from the environment)
// Content problems are written in the site's default language unless --lang asks for another.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';
import { contentDir } from '../src/loaders/content-dir.ts';
import { insideContentFolder } from '../src/loaders/content-files.ts';
import { resolveAsOf } from '../src/loaders/as-of.ts';
import { splitLangArg } from '../src/lib/messages.ts';
import { chooseMessageLang } from '../src/loaders/site-config.ts';
import { isRunning } from '../src/loaders/wait-for-file.ts';
import { preparedFiles, readPrepared, readSearchRecords } from './lib/prepared.ts';
import { closeSearchIndex, fillSearchIndex } from './lib/search-index.ts';
import { drawShareImages, placeShareImages, pruneShareImages } from './lib/share-images.ts';
import { acquireBuildLock, LockRefused } from './lib/build-lock.ts';

// Astro's bundler, rolldown, allocates with mimalloc, which by default keeps the memory it has freed
// for later use. Told to give it back at once, Astro's process peaks about 200 MB lower, in the same time.
const LEAN_BUNDLER = { MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ARENA_EAGER_COMMIT: '0' };

/**
 * Node options for Astro's process, each unless NODE_OPTIONS already gives it:
 * - a heap limit that fits the content. V8 lets its heap grow before it collects in proportion to
 *   the limit, and with its default (about 4 GB on a machine of 24 GB) Astro's process grew to
 *   1.1 GB on 14,000 pages that need 640 MB; with 1.5 GB it peaked at 750 MB. The limit is 1.5 GB,
 *   or 110 KB a page for larger content: more than twice what a page was measured to need. (A
 *   higher limit saves collecting: with 2 GB, Astro alone on those pages took 9.1 s instead of 9.7,
 *   and peaked 340 MB higher.)
 * - a young generation of 8 MB a semi-space instead of V8's default for that limit: Astro's
 *   process then peaked at 620–635 MB instead of 770 MB on the same pages, in the same time
 *   (8.9 s against 8.8–9.0 s, Astro alone on a snapshot), as what a page allocates dies young.
 */
function astroNodeOptions(pages: number): string {
  const given = process.env.NODE_OPTIONS ?? '';
  const heap = given.includes('--max-old-space-size') ? '' : ` --max-old-space-size=${Math.max(1536, Math.ceil(pages * 0.11))}`;
  const young = given.includes('--max-semi-space-size') ? '' : ' --max-semi-space-size=8';
  return `${given}${heap}${young}`.trim();
}

/**
 * V8 flags for the check's process and Astro's, which Node takes on its command line and not in
 * NODE_OPTIONS: the size the old generation may reach before V8 first collects it, 18 KB a page,
 * about what Astro's heap holds at its largest (250–300 MB on 14,000 pages), and at least 64 MB,
 * more than Astro holds once it has started (50 MB). V8 otherwise starts small and collects the
 * old generation again and again while the content and the pages' data are loaded: on 14,000
 * pages, 11 times in Astro's process against 6 with this, and 4 times in the check's against none.
 * Astro alone on them took 9.2–9.4 s instead of 9.7 s, and 0.6–0.9 CPU-seconds less, with the same
 * peak memory.
 */
function v8Flags(pages: number): string[] {
  return [`--initial-old-space-size=${Math.max(64, Math.ceil(pages * 0.018))}`];
}

/**
 * About how many pages the content makes, before it is read: one per meeting file, and one per task
 * in each of two languages. A task is an item of a tasks/*.yaml list, a line that starts with "- ".
 * Only the processes' memory settings need it (astroNodeOptions, v8Flags), and only roughly.
 */
function estimatePages(dir: string): number {
  const files = (folder: string, ext: string) => {
    try {
      // A file that links outside the content folder is never read (the check refuses it).
      return readdirSync(path.join(dir, folder)).filter((name) => name.endsWith(ext) && insideContentFolder(dir, path.join(folder, name))).map((name) => path.join(dir, folder, name));
    } catch {
      return [];
    }
  };
  const tasks = files('tasks', '.yaml').reduce((n, file) => n + (readFileSync(file, 'utf8').match(/^- /gm)?.length ?? 0), 0);
  return files('meetings', '.md').length + tasks * 2;
}

/**
 * Where Astro writes the site. Astro moves files from the project's .astro/ folder into its output
 * folder by renaming them, which works within one file system and fails across two (a /tmp or
 * /dev/shm in memory, a mounted volume: "EXDEV: cross-device link not permitted"). When the site goes
 * to another file system than the project's, Astro writes into the project's .astro/ folder, and the
 * site is copied to `next` when it is done. Such folders that a stopped build left are deleted.
 */
function astroOutput(next: string): { dir: string; leftOver: string[] } {
  mkdirSync(path.dirname(next), { recursive: true });
  if (statSync(path.dirname(next)).dev === statSync(process.cwd()).dev) return { dir: next, leftOver: [] };
  const inProject = path.resolve('.astro');
  mkdirSync(inProject, { recursive: true });
  const leftOver = readdirSync(inProject)
    .filter((name) => /^site-\d+$/.test(name) && !isRunning(Number(name.slice(5))))
    .map((name) => path.join(inProject, name));
  return { dir: path.join(inProject, path.basename(next)), leftOver };
}

function say(message: string): void {
  process.stderr.write(`build: ${message}\n`);
}

const started = performance.now();
/** Seconds since the build started, for the log. */
function elapsed(): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

/**
 * The processes this build started and that are still running, stopped when the build is: on a
 * signal, and whenever this process exits. A build killed outright (SIGKILL) cannot stop them; they
 * stop themselves when they see it gone (src/loaders/exit-with-parent.ts).
 */
const children = new Set<ChildProcess>();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    for (const child of children) child.kill(signal);
    say(`stopped by ${signal}; the last good site is unchanged`);
    process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143);
  });
}
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});

/** Starts a Node script; `exit` settles with its exit status. */
function start(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  children.add(child);
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve)).finally(() => children.delete(child));
  return { child, exit };
}

async function main(): Promise<number> {
  const dir = contentDir();
  const outDir = path.resolve(process.env.OUT_DIR || 'dist');
  const shown = path.relative(process.cwd(), outDir) || outDir;
  const work = path.join(path.dirname(outDir), '.build-tmp');
  const next = path.join(work, `site-${process.pid}`);
  const checkedDir = path.join(work, `checked-${process.pid}`);
  const searchDir = path.join(work, `pagefind-${process.pid}`);
  // The site that the last build replaced, kept until this one.
  const replaced = path.join(work, 'replaced');
  const done = <T>(what: string) => (value: T): T => (say(`${what} at ${elapsed()}`), value);
  let leftOver: string | undefined;
  // What runs beside Astro, settled before the work folders are deleted; and a way to stop drawing.
  const beside: Array<Promise<unknown>> = [];
  const alongside = <T>(running: Promise<T>): Promise<T> => {
    beside.push(running);
    // Its error, if any, is reported where it is awaited, not as an unhandled rejection meanwhile.
    running.catch(() => undefined);
    return running;
  };
  const stopDrawing = new AbortController();
  let astroProcess: ReturnType<typeof start> | undefined;
  // Where Astro writes the site: `next`, or a folder in the project (see astroOutput).
  let astroDir = next;
  try {
    // A site left in .build-tmp/replaced by a build stopped between the two renames of its swap is
    // put back first.
    if (!existsSync(outDir) && existsSync(replaced)) renameSync(replaced, outDir);
    leftOver = setAside(work, existsSync(work) ? readdirSync(work).map((name) => path.join(work, name)) : []);
    // Reading a province's whole history takes memory that a process gives back only when it ends:
    // it is read in a process of its own. Astro starts beside it, and its loaders wait for the
    // content the check writes for them (CONTENT_SNAPSHOT) while Astro's own start (its config,
    // its bundler) goes on; the check goes on preparing the share cards and search records
    // meanwhile, and ends soon after, before Astro is rendering pages. Both compute derived states
    // as of the same date, chosen here once (unless site.yaml sets it).
    const asOf = resolveAsOf({}, process.env, new Date());
    const pages = estimatePages(dir);
    const { lang } = splitLangArg(process.argv.slice(2));
    const check = start([...v8Flags(pages), path.resolve('scripts/lib/build-check.ts'), dir, shown, checkedDir], { AS_OF: asOf, BUILD_PID: String(process.pid), ...(lang ? { MESSAGES_LANG: lang } : {}) });
    // Astro's warnings and errors are shown, not its line per page (ASTRO_LOG_LEVEL=info shows them).
    const logLevel = process.env.ASTRO_LOG_LEVEL || 'warn';
    const astroOut = astroOutput(next);
    astroDir = astroOut.dir;
    deleteInBackground(astroOut.leftOver);
    const astroEnv = { CONTENT_DIR: dir, CONTENT_SNAPSHOT: preparedFiles(checkedDir).snapshot, BUILD_PID: String(process.pid), AS_OF: asOf, ASTRO_OUT_DIR: astroDir, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_LOG_LEVEL: logLevel, NODE_OPTIONS: astroNodeOptions(pages), ...LEAN_BUNDLER };
    astroProcess = start([...v8Flags(pages), path.resolve('node_modules/astro/bin/astro.mjs'), 'build'], astroEnv);
    const astro = astroProcess.exit.then((status) => (status === 0 ? done('pages rendered')(status) : status));
    const checkStatus = await check.exit;
    if (checkStatus !== 0) {
      // It has said what is wrong with the content (1), or failed itself (2). Astro, still waiting
      // for the content, is stopped below, in `finally`.
      if (checkStatus !== 1) say(`the content check failed; ${shown}/ is unchanged`);
      return checkStatus === 1 ? 1 : 2;
    }
    // This thread, and the processes it starts from now on (Pagefind), give way to Astro, whose pages
    // are what the build waits for. On Linux a priority is a thread's: Node's worker threads, started
    // before this, keep theirs, and so do libvips' threads, which they start to draw the share images
    // (lowering those too made no difference that could be measured).
    setPriority(10);
    const checked = readPrepared(checkedDir);
    const records = readSearchRecords(checkedDir);
    // Astro renders the pages on about one core. On the other, meanwhile, the share images not in
    // their cache are drawn into it, and Pagefind is given the search records to read, then writes
    // the index. Writing, Pagefind takes three times the memory it holds while reading (about
    // 350 MB for 14,000 pages); with Astro's process kept small (astroNodeOptions), both fit beside
    // each other within 1.2 times bare Astro's peak. Writing only after Astro kept the build's
    // processes within 1.05 times, but left 2 s of writing after the pages, every build.
    const cardCache = path.resolve('node_modules/.astro/share-cards');
    const drawn = alongside(drawShareImages(checked.cards, cardCache, stopDrawing.signal).then(done('share images drawn')));
    const indexed = alongside(
      fillSearchIndex(records)
        .then(done('search records read'))
        .then(async (index) => {
          await index.write(searchDir);
          // Pagefind's service is stopped as soon as it has written, and gives its memory back.
          await closeSearchIndex();
          return index.records;
        })
        .then(done('search index written')),
    );
    if ((await astro) !== 0 || !existsSync(path.join(astroDir, 'index.html'))) {
      say(`astro build failed; ${shown}/ is unchanged`);
      return 1;
    }
    if (astroDir !== next) cpSync(astroDir, next, { recursive: true });
    const [cards, indexedPages] = await Promise.all([drawn, indexed]);
    renameSync(searchDir, path.join(next, 'pagefind'));
    placeShareImages(cards.images, next);
    say(`${checked.summary}; ${cards.drawn} share images drawn; search index of ${indexedPages} pages`);
    // Swap: two renames on one file system, so dist/ is never half-written. The old site is kept
    // until the next build.
    if (existsSync(outDir)) renameSync(outDir, replaced);
    renameSync(next, outDir);
    say(`site for content ${path.relative(process.cwd(), dir) || dir} as of ${checked.asOf} written to ${shown}/`);
    const pruned = pruneShareImages(cardCache, cards.images);
    if (pruned > 0) say(`${pruned} share images unused for 30 days deleted from their cache`);
    return 0;
  } catch (e) {
    say(`${e instanceof Error ? e.message : String(e)}; ${shown}/ is unchanged`);
    return 1;
  } finally {
    // Astro is stopped if the build ends before it does, and the drawing too; both, and Pagefind,
    // are waited for before the folders they write into are deleted. Pagefind's service is stopped
    // too, whether it wrote the index or the build failed before.
    if (astroProcess && astroProcess.child.exitCode === null && astroProcess.child.signalCode === null) astroProcess.child.kill();
    stopDrawing.abort();
    await Promise.allSettled([astroProcess?.exit, ...beside]);
    await closeSearchIndex();
    deleteInBackground([leftOver, setAside(work, [next, checkedDir, searchDir]), ...(astroDir !== next && existsSync(astroDir) ? [astroDir] : [])]);
  }
}

/** Moves those of `paths` that exist into a new folder in `work`, to be deleted; returns that folder. */
function setAside(work: string, paths: string[]): string | undefined {
  const there = paths.filter((p) => existsSync(p));
  if (there.length === 0) return undefined;
  const trash = mkdtempSync(path.join(work, 'deleting-'));
  for (const p of there) renameSync(p, path.join(trash, path.basename(p)));
  return trash;
}

/**
 * Deletes folders set aside (the site the last build replaced, this build's temporary folders, what
 * a stopped build left) in a process of its own that the build does not wait for. Deleting some
 * 40,000 files and folders takes seconds, mostly of waiting on the disk, after the new site is in
 * place. If that process is stopped too, the next build finds what is left and deletes it.
 */
function deleteInBackground(folders: Array<string | undefined>): void {
  const trash = folders.filter((f): f is string => f !== undefined);
  if (trash.length === 0) return;
  try {
    spawn(process.execPath, [path.resolve('scripts/lib/delete-later.ts'), ...trash], { detached: true, stdio: 'ignore' }).unref();
  } catch (e) {
    say(`warning: could not start deleting ${trash.join(', ')}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * One build at a time in a project: two share Astro's folders and caches (.astro/, node_modules/.astro/),
 * and at once one hung or failed with ENOTEMPTY. A second build waits for the first, saying so, for
 * up to BUILD_LOCK_WAIT seconds (600 by default), then refuses; a lock left by a killed build is taken over.
 */
const LOCK_FILE = path.resolve('.build.lock');

try {
  // The build's own messages, like the content check's, are in the site's language unless --lang says otherwise.
  chooseMessageLang(splitLangArg(process.argv.slice(2)).lang, contentDir());
  const release = await acquireBuildLock(LOCK_FILE, { wait: Number(process.env.BUILD_LOCK_WAIT ?? 600) * 1000, say });
  process.on('exit', release);
  process.exitCode = await main();
} catch (e) {
  if (e instanceof LockRefused) {
    say(e.message);
    process.exit(1);
  }
  process.stderr.write(`build: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
