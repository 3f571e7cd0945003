// In a build, Astro gives the pages its content store (node_modules/.astro/data-store.json) as a
// module holding the whole file as one string literal: `export default JSON.parse("…")`. Node then
// compiles that literal on every build, some 3.5 s for the 22 MB store of a large registry with long
// task histories, against 0.3 s to parse the same text as JSON, and the bundler copies it into a
// chunk first. This integration has the module read the store's file as the pages' code is loaded
// instead: the same text, parsed the same way. Anything else in that module (another way of
// storing, a store not written) is left as Astro made it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The id Astro's content plugin gives its data store module once resolved. */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** What that module's code starts with when it holds the whole store as one string. */
const INLINED = 'export default JSON.parse(';

/** The module's code, reading `file` when the pages' code is loaded; undefined to leave `code` as it is. */
export function readingDataStore(code: string, file: string): string | undefined {
  if (!code.startsWith(INLINED) || !existsSync(file)) return undefined;
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
}

export default function dataStoreModule(): AstroIntegration {
  let read: string | undefined;
  return {
    name: 'nq57:data-store-module',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        read = undefined;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'nq57:data-store-module',
                transform(code, id) {
                  if (id !== DATA_STORE_MODULE) return undefined;
                  const reading = readingDataStore(code, file);
                  if (reading === undefined) return undefined;
                  read = file;
                  return { code: reading, map: { mappings: '' } };
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
