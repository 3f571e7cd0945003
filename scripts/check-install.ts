// Run by `npm install` (postinstall), with the project's Node (node_modules/.bin is first on PATH).
// npm checks each package's `engines` against the Node that runs npm, which on Debian 12 is the
// system's Node 20, not the Node 24 that the project installs for itself and runs everything with:
// every warning it gives about engines is false, so .npmrc has npm show errors only. The checks that
// matter are made here instead, and what they find is printed:
// - every installed package's `engines.node` against the Node that runs the project;
// - the installed tree as `npm ls` sees it (missing, invalid or extraneous packages, peer ranges).
// Exits 0 either way: a problem is reported, not turned into a failed install.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

type Version = [number, number, number];

function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(text.trim());
  if (!m) return undefined;
  const part = (s: string | undefined) => (s === undefined || s === 'x' || s === '*' ? 0 : Number(s));
  return [Number(m[1]), part(m[2]), part(m[3])];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether `version` satisfies one comparator: `>=x`, `>x`, `<=x`, `<x`, `^x`, `~x`, `x.*` or `x`. */
function satisfiesOne(version: Version, comparator: string): boolean {
  const m = /^(>=|<=|>|<|\^|~|=)?\s*(.+)$/.exec(comparator.trim());
  if (!m) return true;
  const [, op = '', rest = ''] = m;
  if (rest === '*' || rest === 'x') return true;
  const target = parseVersion(rest);
  if (!target) return true;
  const c = compare(version, target);
  const given = rest.split('.').filter((p) => /^\d+$/.test(p)).length;
  switch (op) {
    case '>=': return c >= 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    case '<': return c < 0;
    case '^': return c >= 0 && version[0] === target[0] && (target[0] !== 0 || version[1] === target[1]);
    case '~': return c >= 0 && version[0] === target[0] && (given < 2 || version[1] === target[1]);
    default:
      // `20`, `20.x`, `20.1.*`: the parts given must match.
      return version.slice(0, Math.max(1, given)).every((n, i) => n === target[i]);
  }
}

/** A range as npm writes `engines`: alternatives with `||`, each a list of comparators (`>= 14.16.0` included). */
export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  if (!v) return true;
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => satisfiesOne(v, comparator)),
  );
}

function main(): void {
  const problems: string[] = [];
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string }; optional?: boolean }> };
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (!where || !entry.engines?.node) continue;
    let installed: { version?: string; engines?: { node?: string } };
    try {
      installed = JSON.parse(readFileSync(`${where}/package.json`, 'utf8')) as typeof installed;
    } catch {
      continue; // Not installed here: another platform's optional package.
    }
    const range = installed.engines?.node;
    if (range && !satisfies(process.version, range)) problems.push(`${where.replace(/^.*node_modules\//, '')}@${installed.version} needs Node ${range}; the project runs on ${process.version}`);
  }
  const ls = spawnSync('npm', ['ls', '--all', '--parseable'], { encoding: 'utf8' });
  if (ls.status !== 0) problems.push(...ls.stderr.split('\n').filter((line) => line.trim()).map((line) => line.replace(/^npm (error|ERR!) /, '')));
  for (const problem of problems) process.stderr.write(`install: ${problem}\n`);
}

if (import.meta.main) main();
