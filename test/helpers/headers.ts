import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './run.ts';

/** A rule of a `_headers` file: a path pattern and its headers. */
export interface HeaderRule {
  pattern: string;
  headers: Array<[string, string]>;
}

/** Reads `public/_headers` as Netlify and Cloudflare Pages do: a path line, then its indented headers. */
export function readHeadersFile(file = path.join(ROOT, 'public/_headers')): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const colon = line.indexOf(':');
      rules.at(-1)!.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** Every header that the rules give a path: a host applies each rule that matches (`*` matches anything). */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Array<[string, string]> {
  return rules
    .filter((rule) => new RegExp(`^${rule.pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(pathname))
    .flatMap((rule) => rule.headers);
}
