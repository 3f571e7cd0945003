import path from 'node:path';
import { formatProblem } from '../lib/problems.ts';
import type { Problem } from '../lib/problems.ts';
import type { UiKey } from '../i18n/translate.ts';

/** Output formats of the validator. */
export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** Parsed command line of the validator. */
export interface ValidateArgs {
  format: Format;
  dir?: string;
  /** `--help` or `-h`: the usage line is all that is asked for. */
  help?: boolean;
}

/** Reads `--format X`, `--format=X`, `--dir D` (or the folder given bare) and `--help`. An error is a message key and its values. */
export function parseValidateArgs(argv: readonly string[]): ValidateArgs | { error: UiKey; params: Record<string, string> } {
  const args: ValidateArgs = { format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === '--format' || flag === '--dir') {
      const value = inline ?? argv[++i];
      if (flag === '--dir' && value) args.dir = value;
      else if (flag === '--format' && FORMATS.includes(value as Format)) args.format = value as Format;
      else return flag === '--dir' ? { error: 'cli.args.dir', params: {} } : { error: 'cli.args.format', params: { choices: FORMATS.join(', ') } };
    } else if (arg === '--help' || arg === '-h') {
      args.help = true;
    } else if (!arg.startsWith('-') && args.dir === undefined) {
      args.dir = arg;
    } else {
      return { error: 'cli.args.unknown', params: { option: arg } };
    }
  }
  return args;
}

function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Problems as text lines, a JSON document, or GitHub workflow annotations. */
export function formatProblems(problems: readonly Problem[], format: Format, dir: string): string {
  if (format === 'json') {
    const errors = problems.filter((p) => p.severity === 'error').length;
    return `${JSON.stringify({ valid: errors === 0, errors, warnings: problems.length - errors, problems }, null, 2)}\n`;
  }
  if (format === 'github') {
    // Annotations name files relative to the repository, where GitHub shows them.
    const prefix = path.relative(process.cwd(), dir).split(path.sep).join('/');
    return problems
      .map((p) => {
        const file = prefix && !prefix.startsWith('..') ? `${prefix}/${p.file}` : p.file;
        return `::${p.severity} file=${escapeGithubProperty(file)},line=${p.line},col=${p.column}::${escapeGithubData(p.message)}\n`;
      })
      .join('');
  }
  return problems.map((p) => `${formatProblem(p)}\n`).join('');
}
