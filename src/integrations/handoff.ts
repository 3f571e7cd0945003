// What the site's own modules hand to the integrations during a build. Astro loads pages and the
// modules they import through Vite, and the integrations through Node: the two share no module, only
// the process's global object, where the value waits under a registered symbol.
import type { SiteModel } from '../lib/site-model.ts';
import type { PathContext } from '../lib/paths.ts';

/** The site as the pages see it: what the search index and the share cards are made from. */
export interface BuiltSite {
  model: SiteModel;
  paths: PathContext;
  /** Each meeting's rendered body, by `id.lang`. */
  bodies: ReadonlyMap<string, string>;
}

interface Slot {
  value: Promise<BuiltSite>;
  resolve: (site: BuiltSite) => void;
}

const KEY = Symbol.for('nq57.built-site');
type Global = typeof globalThis & { [KEY]?: Slot };

function slot(): Slot {
  const global = globalThis as Global;
  if (!global[KEY]) {
    let resolve!: (site: BuiltSite) => void;
    const value = new Promise<BuiltSite>((r) => (resolve = r));
    global[KEY] = { value, resolve };
  }
  return global[KEY];
}

/** Called by the data module once it has the site's model (src/data/content.ts). */
export function handOverSite(site: BuiltSite): void {
  slot().resolve(site);
}

/** The site's model, once a page has first asked for it: early in the build, before pages are written. */
export function builtSite(): Promise<BuiltSite> {
  return slot().value;
}
