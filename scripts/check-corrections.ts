// Fails when published content was changed without an `updates` entry, compared with a git revision.
// Usage: npm run check:corrections -- --base origin/main [--format text|json|github]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function git(args: string[], cwd: string) {
  return spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

async function main(): Promise<number> {
  const { contentDir, readContent } = await import('../src/loaders/content-reader.ts');
  const { checkCorrections } = await import('../src/lib/corrections.ts');
  const { formatProblems } = await import('./lib/report.ts');
  const { parseFlags } = await import('./lib/scaffold.ts');
  const flags = parseFlags(process.argv.slice(2));
  const base = flags.base ?? 'origin/main';
  const format = (flags.format ?? 'text') as 'text' | 'json' | 'github';
  const dir = contentDir();
  const top = git(['rev-parse', '--show-toplevel'], dir).stdout.trim();
  if (!top) {
    process.stderr.write('check:corrections: the content folder is not in a git repository; nothing to compare\n');
    return 0;
  }
  if (git(['rev-parse', '--verify', '--quiet', `${base}^{commit}`], top).status !== 0) {
    process.stderr.write(`check:corrections: revision '${base}' not found; nothing to compare\n`);
    return 0;
  }
  const relative = path.relative(top, dir).split(path.sep).join('/');
  const work = mkdtempSync(path.join(tmpdir(), 'nq57-base-'));
  try {
    const archive = spawnSync('sh', ['-c', `git archive "$1" -- "$2" | tar -x -C "$3"`, 'sh', base, relative, work], { cwd: top, encoding: 'utf8' });
    if (archive.status !== 0) {
      process.stderr.write(`check:corrections: ${relative} does not exist at ${base}; nothing to compare\n`);
      return 0;
    }
    const before = readContent(path.join(work, relative)).model;
    const after = readContent(dir);
    if (!before || !after.model) {
      process.stderr.write('check:corrections: the content does not validate; run npm run validate first\n');
      return before ? 1 : 0;
    }
    const problems = checkCorrections(before, after.model).map(after.position);
    const output = formatProblems(problems, format, dir);
    if (output) process.stdout.write(output);
    if (format !== 'json') process.stderr.write(problems.length ? `${problems.length} change(s) without an updates entry\n` : `published content unchanged or corrections recorded (compared with ${base})\n`);
    return problems.length ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (e) {
  process.stderr.write(`check:corrections: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
