// Builds the site into a fresh folder and only then swaps it into dist/,
// so that invalid content or a failed build never touches the last good site.
// Usage: npm run build   (CONTENT_DIR, SOURCE_DATE_EPOCH and OUT_DIR are read from the environment)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { contentDir, readContent } from '../src/loaders/content-reader.ts';
import { resolveAsOf } from '../src/loaders/as-of.ts';
import { formatProblems } from './lib/report.ts';
import { writeSearchIndex } from './lib/search-index.ts';

function fail(message: string): number {
  process.stderr.write(`build: ${message}\n`);
  return 1;
}

async function main(): Promise<number> {
  const dir = contentDir();
  const outDir = path.resolve(process.env.OUT_DIR || 'dist');
  const { model, problems, html } = readContent(dir);
  process.stderr.write(formatProblems(problems, 'text', dir));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0 || !model) {
    return fail(`${errors} content error${errors === 1 ? '' : 's'}; nothing was built and ${path.relative(process.cwd(), outDir) || outDir}/ is unchanged`);
  }
  const asOf = resolveAsOf(model.site, process.env, new Date());

  const work = path.join(path.dirname(outDir), '.build-tmp');
  const next = path.join(work, `site-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build'], {
    stdio: 'inherit',
    env: { ...process.env, CONTENT_DIR: dir, ASTRO_OUT_DIR: next, AS_OF: asOf, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0 || !existsSync(path.join(next, 'index.html'))) {
    rmSync(next, { recursive: true, force: true });
    return fail(`astro build failed; ${path.relative(process.cwd(), outDir) || outDir}/ is unchanged`);
  }
  try {
    const records = await writeSearchIndex(next, model, html, asOf, process.env.BASE_PATH || '/');
    process.stderr.write(`build: search index of ${records} pages written\n`);
  } catch (e) {
    rmSync(next, { recursive: true, force: true });
    return fail(`${e instanceof Error ? e.message : String(e)}; ${path.relative(process.cwd(), outDir) || outDir}/ is unchanged`);
  }

  // Swap: two renames on one file system, so dist/ is never half-written.
  const old = path.join(work, `old-${process.pid}`);
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(next, outDir);
  rmSync(old, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
  process.stderr.write(`build: site for content ${path.relative(process.cwd(), dir) || dir} as of ${asOf} written to ${path.relative(process.cwd(), outDir) || outDir}/\n`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  process.stderr.write(`build: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
