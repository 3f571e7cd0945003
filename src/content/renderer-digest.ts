// A digest of the code that turns a meeting file into its body's HTML and warnings: the project's
// reading, checking and rendering code (src/content, src/lib, src/schemas), its messages (src/i18n),
// and the packages installed (package-lock.json). The build takes a body from the last build's store
// only where this digest is the same as when the body was rendered, so that a change to the renderer
// (a fix to the sanitiser among them) reaches every meeting at the next build, also where CI restores
// the store of an earlier build. The folders are taken whole rather than the files the renderer
// imports: a change elsewhere in them renders the bodies once more, which is only slower. The share
// cards' cache is named the same way (`codeDigest`, src/integrations/card-image.ts).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders of `src/` that the rendering of a body may read code or messages from. */
export const RENDERER_FOLDERS = ['content', 'lib', 'schemas', 'i18n'] as const;

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** The project's lockfile: which packages are installed. */
export const LOCKFILE = path.join(SRC, '..', 'package-lock.json');

let digest: string | undefined;

/** The digest of the project's rendering code and installed packages, made once per process. */
export function rendererDigest(): string {
  digest ??= codeDigest(SRC, RENDERER_FOLDERS, LOCKFILE);
  return digest;
}

/**
 * A digest of code: each of `paths` in `root` (a file, or a folder with every file in it), by its path
 * there and its content, and `lockfile`, which says which packages are installed.
 */
export function codeDigest(root: string, paths: readonly string[], lockfile: string): string {
  const hash = createHash('sha256');
  for (const name of paths) {
    const at = path.join(root, name);
    const files = statSync(at).isDirectory()
      ? readdirSync(at, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => path.join(entry.parentPath, entry.name))
          .sort()
      : [at];
    for (const file of files) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  hash.update(existsSync(lockfile) ? readFileSync(lockfile) : 'no package-lock.json');
  return hash.digest('hex');
}
