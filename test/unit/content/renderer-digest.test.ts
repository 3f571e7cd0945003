import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RENDERER_FOLDERS, codeDigest, rendererDigest } from '../../../src/content/renderer-digest.ts';
import { ROOT } from '../../helpers/run.ts';

const SRC = path.join(ROOT, 'src');

/** The project's modules that `file` imports, and theirs, as paths under src/. */
function localImports(file: string, found = new Set<string>()): Set<string> {
  for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = path.resolve(path.dirname(file), m[1]!);
    if (found.has(target)) continue;
    found.add(target);
    if (/\.[cm]?ts$/.test(target)) localImports(target, found);
  }
  return found;
}

describe(rendererDigest, () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'nq57-renderer-digest-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const src = path.join(work, 'src');
  for (const folder of [...RENDERER_FOLDERS, 'pages']) cpSync(path.join(SRC, folder), path.join(src, folder), { recursive: true });
  const lockfile = path.join(work, 'package-lock.json');
  writeFileSync(lockfile, '{"lockfileVersion": 3}\n');

  it('covers every module that reading and rendering a meeting file imports, and the messages', () => {
    const imported = [...localImports(path.join(SRC, 'content/two-threads.ts')), ...localImports(path.join(SRC, 'content/body-worker.ts'))];
    expect(imported).toContain(path.join(SRC, 'lib/markdown.ts'));
    const outside = imported.filter((file) => !RENDERER_FOLDERS.some((folder) => file.startsWith(path.join(SRC, folder) + path.sep)));
    expect(outside).toEqual([]);
  });

  it('is the digest of the project folder, the same each time', () => {
    expect(rendererDigest()).toBe(codeDigest(SRC, RENDERER_FOLDERS, path.join(ROOT, 'package-lock.json')));
    expect(codeDigest(src, RENDERER_FOLDERS, lockfile)).toBe(codeDigest(src, RENDERER_FOLDERS, lockfile));
  });

  it('changes with the renderer, the messages, a new module and the packages installed, not with the pages', () => {
    const before = codeDigest(src, RENDERER_FOLDERS, lockfile);
    const changes: Array<[string, () => void]> = [
      ['the sanitiser', () => appendFileSync(path.join(src, 'lib/markdown.ts'), '\n// changed\n')],
      ['a message', () => appendFileSync(path.join(src, 'i18n/vi.json'), ' ')],
      ['a new module', () => writeFileSync(path.join(src, 'content/new.ts'), 'export {};\n')],
      ['a package', () => appendFileSync(lockfile, ' ')],
    ];
    const seen = new Set([before]);
    for (const [what, change] of changes) {
      change();
      const after = codeDigest(src, RENDERER_FOLDERS, lockfile);
      expect(seen.has(after), what).toBe(false);
      seen.add(after);
    }
    const last = codeDigest(src, RENDERER_FOLDERS, lockfile);
    appendFileSync(path.join(src, 'pages/404.astro'), '\n');
    expect(codeDigest(src, RENDERER_FOLDERS, lockfile)).toBe(last);
  });
});
