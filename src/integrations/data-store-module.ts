// In a build, Astro gives the pages its content store (node_modules/.astro/data-store.json) as a
// module holding the whole file as one string literal: `export default JSON.parse("…")`. Node then
// compiles that literal on every build, some 3.5 s for the 22 MB store of a large registry with long
// task histories, against 0.3 s to parse the same text as JSON; before that, Astro's plugin parses
// the file once and writes it out again as that literal, and the bundler copies it into a chunk.
// This integration loads that module first, as code that reads the store's file when the pages'
// code is loaded: the same text, parsed the same way. A store kept in chunks, or none written, is
// left to Astro.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The id Astro's content plugin gives its data store module once resolved. */
const DATA_STORE_MODULE = '\0astro:data-layer-content';

/**
 * How Astro marks that module, so that its build compares pages by their content's keys and not by
 * this module's code (astro/dist/core/build/incremental-metadata.js). The code here is the same on
 * every build, so without the mark only the first build after this one changes would render again.
 */
const CONTENT_DATA = { astroIncremental: { kind: 'content-data' } };

/** The module's code, reading the store `file` when the pages' code is loaded; undefined when there is no such file. */
export function readingDataStore(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
}

export default function dataStoreModule(): AstroIntegration {
  let read: string | undefined;
  return {
    name: 'nq57:data-store-module',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const storage = config.experimental.collectionStorage;
        if (command !== 'build' || (storage !== undefined && storage !== 'single-file')) return;
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        read = undefined;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'nq57:data-store-module',
                // Before Astro's own plugin, which would otherwise make the literal first.
                load: {
                  order: 'pre',
                  handler(id) {
                    if (id !== DATA_STORE_MODULE) return null;
                    const code = readingDataStore(file);
                    if (code === undefined) return null;
                    read = file;
                    return { code, map: { mappings: '' }, meta: CONTENT_DATA };
                  },
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ logger }) => {
        logger.info(read ? `the pages read the content store from ${path.relative(process.cwd(), read)}` : 'the pages had the content store as Astro made its module');
      },
    },
  };
}
