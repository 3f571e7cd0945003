// Benchmark: builds synthetic content of every shape at two sizes and a bare Astro site of the same
// number of Markdown pages, and prints build time, pages per second, peak memory, validate time,
// growth and page weights, each next to its target, then every target on every shape in one list.
// Usage: npm run bench [-- --small 500 --large 2000 --shapes standard,long-bodies --settle 61]
import { execFileSync, spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateFixture, SHAPES } from './generate-fixture.ts';
import type { Shape } from './generate-fixture.ts';
import { parseFlags } from '../src/cli/flags.ts';

interface Run {
  seconds: number;
  peakRssMb: number;
  status: number | null;
  /** Seconds after it ended until the files it set aside were deleted, in the background. */
  cleanupSeconds?: number;
}

/**
 * Resident memory of a process and all its descendants, from /proc. A child that has the same
 * command line as its parent has been forked and has not yet started its own program: its pages are
 * its parent's, shared until either writes them, so they are counted once, in the parent. (Node
 * starts a process by forking itself first: a build of 1 GB starting Pagefind's service showed, for
 * the moment of the fork, a second process of 444 MB.)
 */
function treeRss(root: number): number {
  const parents: Array<{ pid: number; ppid: number }> = [];
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4096);
      parents.push({ pid, ppid });
    } catch {
      // The process ended while we looked.
    }
  }
  const children = Map.groupBy(parents, (p) => p.ppid);
  const commandLine = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'latin1');
    } catch {
      return undefined;
    }
  };
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    const own = children.has(pid) ? commandLine(pid) : undefined;
    for (const { pid: child } of children.get(pid) ?? []) if (own === undefined || commandLine(child) !== own) stack.push(child);
  }
  return total;
}

function run(args: string[], env: Record<string, string>, cwd = process.cwd()): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
    child.on('close', (status) => {
      clearInterval(timer);
      if (status !== 0) process.stderr.write(stderr.slice(-2000));
      resolve({ seconds: (performance.now() - started) / 1000, peakRssMb: peak / 1024 / 1024, status });
    });
  });
}

/**
 * Waits until the files deleted before now no longer slow the next run down. ext4 without a
 * journal (the file system of the machine these targets were set on) does not give a deleted file's
 * inode to a new file for 60 s (5 minutes while its inode table is not yet written), and creating a
 * file looks past each such inode one at a time: a build of 14,000 pages started just after 40,000
 * files were deleted spent 21 s in the kernel instead of 6 s, and took 36 s instead of 21 s
 * (`perf`: ext4's `recently_deleted`, under `ext4_create` and `ext4_mkdir`). So each timed build
 * starts once what the runs before it deleted is written out (`sync`) and a minute old; otherwise
 * a run's time would depend on how many files the one before it deleted.
 */
async function settle(seconds: number): Promise<void> {
  if (seconds <= 0) return;
  execFileSync('sync');
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}

/** `npm run build` as package.json gives it, Node's flags included, without npm in between. */
const BUILD_ARGS = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { build: string } }).scripts.build.split(/\s+/).slice(1);

/**
 * A build of ours, started once the file system has settled (see `settle`), and then the wait until
 * what it set aside is deleted (in a process of its own that the build does not wait for), so that
 * the deleting is not timed as part of the next run.
 */
async function build(content: string, site: string, pause: number): Promise<Run> {
  await settle(pause);
  const result = await run(BUILD_ARGS, { CONTENT_DIR: content, OUT_DIR: site });
  const work = path.join(path.dirname(site), '.build-tmp');
  const ended = performance.now();
  while (existsSync(work) && readdirSync(work).some((name) => name.startsWith('deleting-'))) await new Promise((resolve) => setTimeout(resolve, 50));
  return { ...result, cleanupSeconds: (performance.now() - ended) / 1000 };
}

/**
 * A content commit, which is what CI rebuilds on: a paragraph added at the end of one Markdown file
 * (`file`, or else the newest meeting's file in `dir`: the Vietnamese one, named last). Each call adds
 * another, so that every rebuild has a change to take in, as ours and bare Astro's both must.
 */
let commits = 0;
function commitOneChange(dir: string, file?: string): void {
  const target = file ?? readdirSync(dir).filter((name) => name.endsWith('.md')).sort().at(-1)!;
  appendFileSync(path.join(dir, target), `\nĐoạn bổ sung số ${++commits} của một lần sửa nội dung.\n`);
}

/** Every file under `dir`, as a path that starts with it. */
function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

function weights(site: string, page: string) {
  const html = readFileSync(path.join(site, page));
  const text = html.toString();
  const assets = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => readFileSync(path.join(site, m[1]!)));
  const css = assets(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+)"/g);
  const js = assets(/<script[^>]+src="\/([^"]+)"/g);
  // Scripts a page loads later (chart.js when a chart scrolls into view) count too.
  const lazy = js.flatMap((file) => [...file.toString().matchAll(/(?:import\(|from)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => readFileSync(path.join(site, '_astro', m[1]!))));
  const sum = (files: Buffer[]) => files.reduce((n, f) => n + f.length, 0);
  const gz = (files: Buffer[]) => files.reduce((n, f) => n + gzipSync(f).length, 0);
  return { html: html.length, htmlGz: gzipSync(html).length, css: sum(css), cssGz: gz(css), js: sum([...js, ...lazy]), jsGz: gz([...js, ...lazy]) };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');

/** The rows of one shape's table: every figure next to its target. */
async function benchShape(work: string, shape: Shape, small: number, large: number, pause: number): Promise<string[][]> {
  const rows: string[][] = [];
  const results: Record<string, { build: Run; rebuild: Run; validate: Run; pages: number; site: string }> = {};
  for (const [name, meetings] of [['small', small], ['large', large]] as const) {
    const tasks = Math.round(meetings * 2.5);
    const content = path.join(work, `${name}-content`);
    generateFixture(content, meetings, tasks, 1, shape);
    const validate = await run(['scripts/validate.ts'], { CONTENT_DIR: content });
    const site = path.join(work, `${name}-dist`);
    // A cold build: no share images or Astro caches from earlier runs.
    rmSync('node_modules/.astro', { recursive: true, force: true });
    const cold = await build(content, site, pause);
    // A rebuild as CI runs it on a content commit (one meeting's body changed): Astro's store and
    // the share images of the last build kept.
    commitOneChange(path.join(content, 'meetings'));
    const rebuild = await build(content, site, pause);
    const pages = walk(site).filter((f) => f.endsWith('.html')).length;
    results[name] = { build: cold, rebuild, validate, pages, site };
    process.stderr.write(`bench: ${shape}, ${name}: ${meetings} meetings, ${tasks} tasks, ${pages} pages, ${cold.seconds.toFixed(1)} s cold, ${rebuild.seconds.toFixed(1)} s rebuild\n`);
  }
  // The baseline: plain Astro with the same number of Markdown pages.
  const bare = path.join(work, 'bare');
  mkdirSync(bare);
  for (const file of ['astro.config.mjs', 'src/content.config.ts', 'src/pages/[...id].astro']) {
    mkdirSync(path.dirname(path.join(bare, file)), { recursive: true });
    writeFileSync(path.join(bare, file), readFileSync(path.join('test/bench/bare', file)));
  }
  symlinkSync(path.resolve('node_modules'), path.join(bare, 'node_modules'));
  const barePages = path.join(bare, 'pages');
  mkdirSync(barePages);
  const sample = readdirSync(path.join(work, 'large-content/meetings')).map((f) => readFileSync(path.join(work, 'large-content/meetings', f), 'utf8'));
  for (let i = 0; i < results.large!.pages; i++) writeFileSync(path.join(barePages, `p-${i}.md`), sample[i % sample.length]!.replace(/^---[\s\S]*?---/, `---\ntitle: Page ${i}\n---`));
  // Bare Astro empties its output folder as it starts; that is done here, before the wait, as
  // our build's deleting of the old site happens after it and is not in its time either.
  const bareBuild = async (cold = false) => {
    rmSync(path.join(bare, 'dist'), { recursive: true, force: true });
    if (cold) rmSync(path.join(bare, '.astro-cache'), { recursive: true, force: true });
    // A rebuild takes in a content commit, as ours does: one page's Markdown changed.
    else commitOneChange(barePages, 'p-0.md');
    await settle(pause);
    return run([path.resolve('node_modules/astro/bin/astro.mjs'), 'build'], { ASTRO_OUT_DIR: path.join(bare, 'dist'), ASTRO_CACHE_DIR: path.join(bare, '.astro-cache'), BARE_PAGES_DIR: barePages }, bare);
  };
  // The large builds are compared with bare Astro's: cold with cold (bare Astro without its
  // cache), rebuild with rebuild (bare Astro taking rendered Markdown from its cache). Each is
  // timed twice, turn about, and the faster time is kept: on a shared machine, noise only ever
  // adds time. Peak memory is the higher of the two.
  const largest = results.large!;
  const oursAgain = () => build(path.join(work, 'large-content'), largest.site, pause);
  const firstLargeCold = largest.build;
  const bareColds = [await bareBuild(true)];
  rmSync('node_modules/.astro', { recursive: true, force: true });
  const ourColds = [largest.build, await oursAgain()];
  bareColds.push(await bareBuild(true));
  const bareRebuilds = [await bareBuild()];
  commitOneChange(path.join(work, 'large-content/meetings'));
  const ourRebuilds = [largest.rebuild, await oursAgain()];
  bareRebuilds.push(await bareBuild());
  const best = (runs: Run[]): Run => ({ ...runs.reduce((a, b) => (a.seconds <= b.seconds ? a : b)), peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)) });
  largest.build = best(ourColds);
  largest.rebuild = best(ourRebuilds);
  const bareCold = best(bareColds);
  const bareRebuild = best(bareRebuilds);
  const runs = [...Object.values(results).flatMap((r) => [r.validate, r.build, r.rebuild]), ...bareColds, ...bareRebuilds, ...ourColds, ...ourRebuilds];
  if (runs.some((r) => r.status !== 0)) throw new Error('a build or validation failed (see above): no figures to show');

  const s = results.small!;
  const l = results.large!;
  // Growth compares single cold runs, each size's first.
  const growth = firstLargeCold.seconds / s.build.seconds;
  const contentRatio = large / small;
  rows.push(
    ['figure', 'small', 'large', 'target', 'result'],
    ['meetings / tasks', `${small} / ${Math.round(small * 2.5)}`, `${large} / ${Math.round(large * 2.5)}`, '', ''],
    ['pages built', String(s.pages), String(l.pages), '', ''],
    ['build seconds (cold: no caches; large: faster of 2)', s.build.seconds.toFixed(1), l.build.seconds.toFixed(1), '≤ 60 s (large)', verdict(l.build.seconds <= 60)],
    ['rebuild seconds (caches kept; large: faster of 2)', s.rebuild.seconds.toFixed(1), l.rebuild.seconds.toFixed(1), '≤ 60 s (large)', verdict(l.rebuild.seconds <= 60)],
    ['pages per second (cold · rebuild)', `${(s.pages / s.build.seconds).toFixed(0)} · ${(s.pages / s.rebuild.seconds).toFixed(0)}`, `${(l.pages / l.build.seconds).toFixed(0)} · ${(l.pages / l.rebuild.seconds).toFixed(0)}`, '', ''],
    ['peak memory, RSS (cold · rebuild)', `${s.build.peakRssMb.toFixed(0)} · ${s.rebuild.peakRssMb.toFixed(0)} MB`, `${l.build.peakRssMb.toFixed(0)} · ${l.rebuild.peakRssMb.toFixed(0)} MB`, '', ''],
    ['old site deleted, after the build (background s)', (s.rebuild.cleanupSeconds ?? 0).toFixed(1), (l.rebuild.cleanupSeconds ?? 0).toFixed(1), '', ''],
    ['validate seconds', s.validate.seconds.toFixed(1), l.validate.seconds.toFixed(1), '≤ 5 s (large)', verdict(l.validate.seconds <= 5)],
    ['growth (first cold build, large / small)', '', `${growth.toFixed(2)}× for ${contentRatio}× content`, `≤ ${(contentRatio * 1.1).toFixed(1)}×`, verdict(growth <= contentRatio * 1.1)],
    ['bare Astro, same pages: seconds (cold · rebuild)', '', `${bareCold.seconds.toFixed(1)} · ${bareRebuild.seconds.toFixed(1)}`, '', ''],
    ['bare Astro, same pages: peak RSS (cold · rebuild)', '', `${bareCold.peakRssMb.toFixed(0)} · ${bareRebuild.peakRssMb.toFixed(0)} MB`, '', ''],
    ['time vs bare Astro (cold)', '', `${(l.build.seconds / bareCold.seconds).toFixed(2)}×`, '≤ 1.3×', verdict(l.build.seconds / bareCold.seconds <= 1.3)],
    ['time vs bare Astro (rebuild)', '', `${(l.rebuild.seconds / bareRebuild.seconds).toFixed(2)}×`, '≤ 1.0×', verdict(l.rebuild.seconds / bareRebuild.seconds <= 1.0)],
    ['peak RSS vs bare Astro (cold)', '', `${(l.build.peakRssMb / bareCold.peakRssMb).toFixed(2)}×`, '≤ 1.3×', verdict(l.build.peakRssMb / bareCold.peakRssMb <= 1.3)],
    ['peak RSS vs bare Astro (rebuild)', '', `${(l.rebuild.peakRssMb / bareRebuild.peakRssMb).toFixed(2)}×`, '≤ 1.3×', verdict(l.rebuild.peakRssMb / bareRebuild.peakRssMb <= 1.3)],
  );
  const site = l.site;
  const meetingPage = path.relative(site, walk(path.join(site, 'meetings')).find((f) => /meetings\/[^/]+\/index\.html$/.test(f) && !f.includes('/level/'))!);
  const types: Array<[string, string, string, (w: ReturnType<typeof weights>) => boolean]> = [
    ['home', 'index.html', '≤ 100 KB gz with JS', (w) => w.htmlGz + w.cssGz + w.jsGz <= 100 * 1024],
    ['meeting', meetingPage, '≤ 30 KB gz', (w) => w.htmlGz + w.cssGz + w.jsGz <= 30 * 1024],
    ['task', 'tasks/T-00001/index.html', '', () => true],
    ['timeline', 'meetings/index.html', '', () => true],
    ['registry', 'tasks/index.html', '', () => true],
    ['search', 'search/index.html', '', () => true],
  ];
  rows.push(['page weights (large)', 'HTML raw / gz', 'CSS gz · JS gz', 'target', 'result']);
  for (const [name, page, target, ok] of types) {
    if (!existsSync(path.join(site, page))) continue;
    const w = weights(site, page);
    rows.push([name, `${kb(w.html)} / ${kb(w.htmlGz)}`, `${kb(w.cssGz)} · ${kb(w.jsGz)}`, target, target ? `${kb(w.htmlGz + w.cssGz + w.jsGz)} total, ${verdict(ok(w))}` : `${kb(w.htmlGz + w.cssGz + w.jsGz)} total`]);
  }
  const index = walk(path.join(site, 'pagefind')).reduce((n, f) => n + statSync(f).size, 0);
  rows.push(['search index (large)', kb(index), '', '', '']);
  return rows;
}

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  const small = Number(flags.small ?? 500);
  const large = Number(flags.large ?? 2000);
  const pause = Number(flags.settle ?? 61);
  const shapes = (flags.shapes ?? SHAPES.join(',')).split(',') as Shape[];
  const unknown = shapes.filter((shape) => !SHAPES.includes(shape));
  if (unknown.length > 0) throw new Error(`unknown shape ${unknown.join(', ')}; shapes: ${SHAPES.join(', ')}`);
  if (pause > 0) process.stderr.write(`bench: each build starts ${pause} s after the files deleted before it (--settle 0 to skip)\n`);
  const verdicts: string[][] = [];
  for (const shape of shapes) {
    const work = mkdtempSync(path.join(tmpdir(), `nq57-bench-${shape}-`));
    try {
      const rows = await benchShape(work, shape, small, large, pause);
      const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
      process.stdout.write(`\nshape: ${shape}\n`);
      for (const row of rows) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
      for (const row of rows) if (row[4] && row[4] !== 'result' && row[3]) verdicts.push([shape, row[0]!, row[3], row[4]]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  // Every target on every shape, in one list: a target met on one shape only is not met.
  process.stdout.write(`\nevery target on every shape\n`);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...verdicts.map((r) => r[i]!.length)));
  for (const row of verdicts) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
  const missed = verdicts.filter((row) => row[3]!.includes('NOT MET')).length;
  process.stdout.write(`${verdicts.length - missed} of ${verdicts.length} met\n`);
}

await main();
