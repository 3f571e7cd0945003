// The README's "How the code is laid out" names every folder of src/ and every file the build is
// made of, and everything it names is there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## How the code is laid out'), readme.indexOf('\n## ', readme.indexOf('## How the code is laid out') + 1));

/** Paths written in the section, e.g. `src/content/`, `src/layouts/BaseLayout.astro`, `src/i18n/`. */
function named(): string[] {
  const paths = [...section.matchAll(/(?:^|[\s`(,])((?:src|scripts|test)\/[\w./[\]-]*)/gm)].map((m) => m[1]!.replace(/[.,]$/, ''));
  return [...new Set(paths)];
}

describe("the README's code layout", () => {
  it('names every folder of src/', () => {
    const folders = readdirSync(path.join(ROOT, 'src'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `src/${d.name}/`);
    const missing = folders.filter((folder) => !named().some((p) => p === folder || p.startsWith(folder)));
    expect(missing).toEqual([]);
  });

  it('names only paths that exist', () => {
    const gone = named().filter((p) => !existsSync(path.join(ROOT, p)));
    expect(named().length).toBeGreaterThan(10);
    expect(gone).toEqual([]);
  });
});
