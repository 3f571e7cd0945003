// Reading a built site (its files, its pages, a page's visible text), and checking it with outside
// tools: every page against html-validate with the project's configuration, and every data file
// against the JSON Schema the site publishes for it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { ConfigData } from 'html-validate';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT } from './run.ts';

/** Every file of a folder, relative to it, with `/`. */
export function filesIn(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesIn(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** The SHA-256 of every file of a folder, by its path from the folder (as `filesIn` gives it), in order. */
export function fileDigests(dir: string): Record<string, string> {
  return Object.fromEntries(filesIn(dir).sort().map((file) => [file, createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex')]));
}

/**
 * The pages of a built site (each folder's `index.html`) as paths from its root: `/`, `/en/`,
 * `/tasks/K3/`. The web editor (`admin/`) is no page of the site.
 */
export function sitePages(out: string): string[] {
  return filesIn(out)
    .filter((file) => (file === 'index.html' || file.endsWith('/index.html')) && !file.startsWith('admin/'))
    .map((file) => `/${file.slice(0, -'index.html'.length)}`);
}

/** The visible text of a page's main element: tags dropped, `&amp;` and `&#39;` read, spaces collapsed. */
export function mainText(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
}

/** The committed html-validate configuration. */
export function htmlValidateConfig(): ConfigData {
  return JSON.parse(readFileSync(path.join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;
}

/** What html-validate finds in every page of a built site, as `file:line:column: rule: message`. */
export async function htmlValidateSite(out: string): Promise<string[]> {
  const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig()));
  const found: string[] = [];
  for (const file of filesIn(out).filter((f) => f.endsWith('.html'))) {
    const report = await validator.validateString(readFileSync(path.join(out, file), 'utf8'), file);
    for (const result of report.results) for (const m of result.messages) found.push(`${file}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
  }
  return found;
}

/** The data files of a built site and the published schema each must pass. */
export const DATA_FILES = [
  ['data/meetings.json', 'data/schema/meetings-json.json'],
  ['data/tasks.json', 'data/schema/tasks-json.json'],
  ['data/progress.json', 'data/schema/progress-json.json'],
] as const;

/** What ajv finds wrong with each data file of a built site against the schema published beside it. */
export function dataFileErrors(out: string): string[] {
  const ajv = new Ajv2020({ allErrors: true });
  return DATA_FILES.flatMap(([file, schema]) => {
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(out, schema), 'utf8')));
    const data = JSON.parse(readFileSync(path.join(out, file), 'utf8'));
    return validate(data) ? [] : (validate.errors ?? []).map((e) => `${file}${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`);
  });
}
