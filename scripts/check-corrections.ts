// Fails when published content was changed without an `updates` entry, compared with a git revision:
// the last published commit (see .github/workflows/publish.yml), or the branch a pull request targets.
// Usage: npm run check:corrections -- --base origin/main [--format text|json|github] [--lang vi|en]
// Exit status: 0 when nothing published was changed silently, 1 when something was (or when there is
// nothing to compare with: no git repository, or no such revision), 2 on a failure of its own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function git(args: string[], cwd: string) {
  return spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

async function main(): Promise<number> {
  const { contentDir, readContent } = await import('../src/content/reader.ts');
  const { checkCorrections } = await import('../src/lib/corrections.ts');
  const { formatProblems } = await import('../src/cli/report.ts');
  const { parseFlags } = await import('../src/cli/scaffold.ts');
  const { msg, msgCount, splitLangArg } = await import('../src/lib/messages.ts');
  const { chooseMessageLang } = await import('../src/content/site-config.ts');
  const { lang, rest } = splitLangArg(process.argv.slice(2));
  const flags = parseFlags(rest);
  const base = flags.base ?? 'origin/main';
  const format = (flags.format ?? 'text') as 'text' | 'json' | 'github';
  const dir = contentDir();
  chooseMessageLang(lang, dir);
  const say = (line: string) => process.stderr.write(`${line}\n`);
  // The repository holding the content folder: the project's, or the folder's own, or one it is inside.
  const top = existsSync(dir) ? git(['rev-parse', '--show-toplevel'], dir).stdout.trim() : '';
  if (!top) {
    say(msg('correction.notRepo', { dir }));
    return 1;
  }
  if (git(['rev-parse', '--verify', '--quiet', `${base}^{commit}`], top).status !== 0) {
    say(msg('correction.noBase', { base, repo: top }));
    return 1;
  }
  // `git archive` takes the folder's path inside the repository: `.` when it is the repository itself.
  const relative = path.relative(realpathSync(top), realpathSync(dir)).split(path.sep).join('/') || '.';
  if (git(['cat-file', '-e', `${base}:${relative === '.' ? '' : relative}`], top).status !== 0) {
    say(msg('correction.newFolder', { dir: relative, base }));
    return 0;
  }
  const work = mkdtempSync(path.join(tmpdir(), 'nq57-base-'));
  try {
    const archive = spawnSync('sh', ['-c', 'git archive "$1" -- "$2" | tar -x -C "$3"', 'sh', base, relative, work], { cwd: top, encoding: 'utf8' });
    if (archive.status !== 0) throw new Error(`git archive ${base} -- ${relative}: ${archive.stderr.trim()}`);
    const before = readContent(path.join(work, relative)).model;
    const after = readContent(dir);
    if (!before || !after.model) {
      say(msg('correction.invalid'));
      return before ? 1 : 0;
    }
    const problems = checkCorrections(before, after.model).map(after.position);
    const output = formatProblems(problems, format, dir);
    if (output) process.stdout.write(output);
    if (format !== 'json') say(problems.length ? msgCount('correction.count', problems.length) : msg('correction.ok', { base }));
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
