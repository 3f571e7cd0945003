// Astro writes the lists of the images and modules that the content imports (.astro/content-assets.mjs,
// content-modules.mjs) only when the entries set in a run add to them, and otherwise keeps the file
// already there. The build and the dev server keep data stores of their own but share these lists, so
// a build after a preview of other content (another folder, or a photo since removed) could stop on an
// image that is not there (ImageNotFound), and the dev server after such a build. Deleted as Astro
// starts, they are written from its store.
import { rmSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

export default function contentImports(): AstroIntegration {
  return {
    name: 'nq57:content-imports',
    hooks: {
      'astro:config:setup': ({ config }) => {
        for (const file of ['content-assets.mjs', 'content-modules.mjs']) rmSync(new URL(`.astro/${file}`, config.root), { force: true });
      },
    },
  };
}
