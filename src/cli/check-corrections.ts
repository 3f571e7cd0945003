// `npm run check:corrections` (scripts/check-corrections.ts): published content changed without an
// `updates` entry, compared with a git revision.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readContent } from '../content/reader.ts';
import { chooseMessageLang } from '../content/site-config.ts';
import { checkCorrections } from '../lib/corrections.ts';
import { msg, msgCount, splitLangArg } from '../lib/messages.ts';
import { formatProblems } from './report.ts';
import { parseFlags } from './flags.ts';

/** Where the command writes: its report, and its lines for a person. */
export interface CommandOutput {
  out(text: string): void;
  err(line: string): void;
}

function git(args: string[], cwd: string) {
  return spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/**
 * Compares the content folder `dir` with the same folder at the revision `--base` names. Returns
 * the exit status: 0 when nothing published was changed silently, 1 when something was or when there
 * is nothing to compare with (no git repository, or no such revision).
 */
export function checkCorrectionsCommand(argv: string[], dir: string, output: CommandOutput): number {
  const { lang, rest } = splitLangArg(argv);
  const flags = parseFlags(rest);
  const base = flags.base ?? 'origin/main';
  const format = (flags.format ?? 'text') as 'text' | 'json' | 'github';
  chooseMessageLang(lang, dir);
  // The repository holding the content folder: the project's, or the folder's own, or one it is inside.
  const top = existsSync(dir) ? git(['rev-parse', '--show-toplevel'], dir).stdout.trim() : '';
  if (!top) {
    output.err(msg('correction.notRepo', { dir }));
    return 1;
  }
  if (git(['rev-parse', '--verify', '--quiet', `${base}^{commit}`], top).status !== 0) {
    output.err(msg('correction.noBase', { base, repo: top }));
    return 1;
  }
  // `git archive` takes the folder's path inside the repository: `.` when it is the repository itself.
  const relative = path.relative(realpathSync(top), realpathSync(dir)).split(path.sep).join('/') || '.';
  if (git(['cat-file', '-e', `${base}:${relative === '.' ? '' : relative}`], top).status !== 0) {
    output.err(msg('correction.newFolder', { dir: relative, base }));
    return 0;
  }
  const work = mkdtempSync(path.join(tmpdir(), 'nq57-base-'));
  try {
    const archive = spawnSync('sh', ['-c', 'git archive "$1" -- "$2" | tar -x -C "$3"', 'sh', base, relative, work], { cwd: top, encoding: 'utf8' });
    if (archive.status !== 0) throw new Error(`git archive ${base} -- ${relative}: ${archive.stderr.trim()}`);
    const before = readContent(path.join(work, relative)).model;
    const after = readContent(dir);
    if (!before || !after.model) {
      output.err(msg('correction.invalid'));
      return before ? 1 : 0;
    }
    const problems = checkCorrections(before, after.model).map(after.position);
    const report = formatProblems(problems, format, dir);
    if (report) output.out(report);
    if (format !== 'json') output.err(problems.length ? msgCount('correction.count', problems.length) : msg('correction.ok', { base }));
    return problems.length ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
