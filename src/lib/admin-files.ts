// Files of Sveltia CMS's package that its script asks unpkg.com for at run time (its interface in
// Vietnamese and the other languages, its version, its schema, its lazily loaded chunks), served from
// the site itself under admin/cms… so that the editor loads nothing from elsewhere.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The package's folder: it exports only its module entry, npm/index.js. */
export const CMS_PACKAGE = path.join(path.dirname(require.resolve('@sveltia/cms')), '..');

/** The package's version, as its script asks for its files. */
export const CMS_VERSION = (JSON.parse(readFileSync(path.join(CMS_PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;

/** Where the script asks for the package (`https://unpkg.com/@sveltia/cms`), and where the site serves it, under `admin/`. */
export const CMS_CDN = 'https://unpkg.com/@sveltia/cms';
export const CMS_LOCAL = 'cms';

/** Each served file: its path under `admin/`, and the package file it is. */
export function adminPackageFiles(): Array<{ route: string; file: string }> {
  const versioned = `${CMS_LOCAL}@${CMS_VERSION}`;
  const list = (dir: string, ext: string) => readdirSync(path.join(CMS_PACKAGE, dir)).filter((f) => f.endsWith(ext));
  return [
    { route: `${CMS_LOCAL}/package.json`, file: 'package.json' },
    { route: `${CMS_LOCAL}/schema/sveltia-cms.json`, file: 'schema/sveltia-cms.json' },
    ...list('locales', '.json').map((f) => ({ route: `${versioned}/locales/${f}`, file: `locales/${f}` })),
    ...list('dist/chunks', '.js').map((f) => ({ route: `${versioned}/dist/chunks/${f}`, file: `dist/chunks/${f}` })),
  ];
}
