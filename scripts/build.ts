// Builds the site with Astro into a fresh folder and only then swaps it into dist/, so that invalid
// content or a failed build never touches the last good site.
// Usage: npm run build [-- --lang vi|en]   (CONTENT_DIR, SOURCE_DATE_EPOCH, BASE_PATH, OUT_DIR and
// ASTRO_LOG_LEVEL are read from the environment)
// Messages are written in the site's default language unless --lang asks for another.
// Astro does the rest in this process: its content loaders read and check the content folder
// (src/content/loaders.ts) and stop the build on any error, and its integrations write the
// search index and the share cards once the pages are written (src/integrations/).
// `npm run build` starts this with V8's young generation capped at 8 MB a semi-space: V8 sizes it
// by the machine's memory (64 MB on 24 GiB), in each thread, and reads the cap only as Node starts,
// so it is given on the command line (package.json), where `npm run bench` reads it too. Builds at the
// large size peak 140-200 MB lower, for more of the collector's time in a cold build: 1.02-1.07x the
// time on deep history, some 1.2x on long bodies; rebuilds no slower (docs/performance.md).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contentDir } from '../src/content/dir.ts';
import { msg, splitLangArg } from '../src/lib/messages.ts';
import { chooseMessageLang } from '../src/content/site-config.ts';
import { acquireBuildLock, LockRefused } from '../src/cli/build-lock.ts';

function say(message: string): void {
  process.stderr.write(`build: ${message}\n`);
}

/**
 * Where Astro writes the site. Astro moves files from the project's .astro/ folder into its output
 * folder by renaming them, which works within one file system and fails across two (a /tmp or
 * /dev/shm in memory, a mounted volume: "EXDEV: cross-device link not permitted"). When the site goes
 * to another file system than the project's, Astro writes into the project's .astro/ folder, and the
 * site is copied to `next` when it is done. What a stopped build left there is set aside, to be
 * deleted (`stale`).
 */
function astroOutput(next: string): { dir: string; stale?: string | undefined } {
  mkdirSync(path.dirname(next), { recursive: true });
  if (statSync(path.dirname(next)).dev === statSync(process.cwd()).dev) return { dir: next };
  const inProject = path.resolve('.astro');
  mkdirSync(inProject, { recursive: true });
  // Builds take turns (the build lock), so no other build is using these.
  const left = readdirSync(inProject).filter((name) => /^(site|site-\d+|deleting-.+)$/.test(name));
  return { dir: path.join(inProject, path.basename(next)), stale: setAside(inProject, left.map((name) => path.join(inProject, name))) };
}

/** Astro's incremental build's list of the pages it keeps (astro.config.mjs), and a mark of a build under way. */
const KEPT_PAGES = path.resolve('node_modules/.astro/incremental-build.json');
const UNFINISHED = path.resolve('node_modules/.astro/build-unfinished');

/**
 * Astro's incremental build keeps each task's and meeting's page as last rendered in node_modules/.astro/dist/, and
 * in KEPT_PAGES the key each was rendered for. It rewrites a rendering as it renders the page, and
 * the list once all pages are written: a build stopped or failed in between leaves a list that no
 * longer matches the renderings. So a build marks that it is under way, and a build that finds the
 * mark of one that did not finish deletes the list, and renders every page.
 */
function startRendering(): void {
  if (existsSync(UNFINISHED)) rmSync(KEPT_PAGES, { force: true });
  mkdirSync(path.dirname(UNFINISHED), { recursive: true });
  writeFileSync(UNFINISHED, `${process.pid}\n`);
}

/** Moves those of `paths` that exist into a new folder in `work`, to be deleted; returns that folder. */
function setAside(work: string, paths: string[]): string | undefined {
  const there = paths.filter((p) => existsSync(p));
  if (there.length === 0) return undefined;
  const trash = mkdtempSync(path.join(work, 'deleting-'));
  for (const p of there) renameSync(p, path.join(trash, path.basename(p)));
  return trash;
}

/** Whether an error is the content loaders' report that the content has errors (printed already). */
function isContentErrors(e: unknown): e is Error {
  for (let cause: unknown = e; cause instanceof Error; cause = cause.cause) if (cause.name === 'ContentErrors') return true;
  return false;
}

async function main(lang: string | undefined): Promise<number> {
  const dir = contentDir();
  const outDir = path.resolve(process.env.OUT_DIR || 'dist');
  const shown = path.relative(process.cwd(), outDir) || outDir;
  const work = path.join(path.dirname(outDir), '.build-tmp');
  // The same folder every build: Astro's incremental build compares each page's code, in which
  // Astro writes where the site goes, with the last build's.
  const next = path.join(work, 'site');
  // The site that the last build replaced, kept until this one.
  const replaced = path.join(work, 'replaced');
  let astroDir = next;
  let trash: string | undefined;
  let stale: string | undefined;
  try {
    // A site left in .build-tmp/replaced by a build stopped between the two renames of its swap is
    // put back first; what else is in the work folder (the site the last build replaced, what a
    // stopped build left) is deleted once this build is done.
    if (!existsSync(outDir) && existsSync(replaced)) renameSync(replaced, outDir);
    trash = setAside(work, existsSync(work) ? readdirSync(work).map((name) => path.join(work, name)) : []);
    const output = astroOutput(next);
    astroDir = output.dir;
    stale = output.stale;
    // The content loaders, which run in Astro's module graph, take the message language from here.
    if (lang) process.env.MESSAGES_LANG = lang;
    process.env.CONTENT_DIR = dir;
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    // Rolldown, Astro's bundler, allocates with mimalloc, which reads these when Astro loads it below.
    // By default it keeps what it has freed for later use: some 200 MB once the pages' code is
    // bundled, held to the end of the build (docs/performance.md). Told so, it gives it back at once.
    process.env.MIMALLOC_PURGE_DELAY ??= '0';
    process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';
    // Astro's warnings and errors are shown, not its line per page (ASTRO_LOG_LEVEL=info shows them).
    const logLevel = (process.env.ASTRO_LOG_LEVEL || 'warn') as 'debug' | 'info' | 'warn' | 'error' | 'silent';
    try {
      startRendering();
      // Loaded here, so that a build refused by the lock says so at once.
      const { build } = await import('astro');
      await build({ root: process.cwd(), outDir: astroDir, logLevel });
      rmSync(UNFINISHED);
    } catch (e) {
      if (isContentErrors(e)) {
        // The content is read before any page is rendered: the kept pages still match their list.
        rmSync(UNFINISHED, { force: true });
        process.stderr.write(`${msg('cli.buildFailed', { errors: e.message, dir: shown })}\n`);
      } else say(msg('cli.astroFailed', { reason: e instanceof Error ? e.message : String(e), dir: shown }));
      return 1;
    }
    if (!existsSync(path.join(astroDir, 'index.html'))) {
      say(msg('cli.astroFailed', { reason: 'index.html', dir: shown }));
      return 1;
    }
    if (astroDir !== next) cpSync(astroDir, next, { recursive: true });
    // Swap: two renames on one file system, so dist/ is never half-written. The old site is kept
    // until the next build.
    if (existsSync(outDir)) renameSync(outDir, replaced);
    renameSync(next, outDir);
    const { as_of: asOf } = JSON.parse(readFileSync(path.join(outDir, 'data/progress.json'), 'utf8')) as { as_of: string };
    say(msg('cli.built', { dir: path.relative(process.cwd(), dir) || dir, asOf, out: shown }));
    return 0;
  } finally {
    // This build's folders are moved aside at once: the next build uses the same names.
    deleteInBackground([trash, stale, setAside(work, [next]), astroDir !== next ? setAside(path.dirname(astroDir), [astroDir]) : undefined]);
  }
}

/**
 * Deletes folders set aside (the site the last build replaced, this build's temporary folders, what a
 * stopped build left) in a process of its own that the build does not wait for (src/cli/delete-later.ts).
 * Deleting a large province's site (some 40,000 files and folders) took 10 to 14 s, mostly of waiting
 * on the disk, that every build after the first would otherwise spend after its site is in place. If
 * that process is stopped too, the next build finds what is left in the work folder and deletes it.
 */
function deleteInBackground(folders: Array<string | undefined>): void {
  const trash = folders.filter((f): f is string => f !== undefined);
  if (trash.length === 0) return;
  try {
    spawn(process.execPath, [path.resolve('src/cli/delete-later.ts'), ...trash], { detached: true, stdio: 'ignore' }).unref();
  } catch {
    for (const folder of trash) rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * One build at a time in a project: two share Astro's folders and caches (.astro/, node_modules/.astro/).
 * A second build waits for the first, saying so, for up to BUILD_LOCK_WAIT seconds (600 by
 * default), then refuses; a lock left by a killed build is taken over.
 */
const LOCK_FILE = path.resolve('.build.lock');

/**
 * Node keeps the code it compiles for the modules loaded from here on (Astro's, Vite's, the pages'),
 * and the next build takes it instead of compiling them again, as Astro's own command does (its
 * bin/astro.mjs), in the same folder; and, like it, not in CI, whose one build would only write it.
 * Given in the environment, it also holds for the build's threads and processes.
 */
function keepCompiledCode(): void {
  if (process.env.CI) return;
  process.env.NODE_COMPILE_CACHE ??= path.join(tmpdir(), 'node-compile-cache');
  module.enableCompileCache();
}

const { lang } = splitLangArg(process.argv.slice(2));
keepCompiledCode();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    say(msg('cli.stopped', { signal }));
    // Exiting gives the lock back; the folders of this build are deleted by the next one.
    process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143);
  });
}
try {
  chooseMessageLang(lang, contentDir());
  const release = await acquireBuildLock(LOCK_FILE, { wait: Number(process.env.BUILD_LOCK_WAIT ?? 600) * 1000, say });
  process.on('exit', release);
  process.exitCode = await main(lang);
} catch (e) {
  if (e instanceof LockRefused) {
    say(e.message);
    process.exitCode = 1;
  } else {
    say(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  }
}
// Nothing of the build is left to wait for: whatever a library keeps open does not keep it running.
process.exit();
