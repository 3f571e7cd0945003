import type { Plugin } from 'vite';

/**
 * A task's or a meeting's page is made by an endpoint as the file …/tasks/ID/index.html, which a
 * static host serves at …/tasks/ID/. The dev server answers only the file's name; this makes it
 * answer the address too, so that a preview has the same links as the site. The request is given
 * the file's name before Astro sees it: Astro would first try the address against the catch-all
 * language route, and print a warning for every such page an author opens. The listings beside
 * them (…/tasks/status/…, …/meetings/level/…) are pages of their own and are left alone. The web
 * editor's page (…/admin/) is an endpoint page too.
 */
const ENDPOINT_PAGE = /^((?:\/[^/?#]+)*\/(?:(?:tasks\/(?!status\/)|meetings\/(?!level\/))[^/?#]+\/|admin\/))(\?.*)?$/;

/** The address a request should be answered at, or undefined if it is not an endpoint page's. */
export function endpointPageUrl(url: string): string | undefined {
  const match = ENDPOINT_PAGE.exec(url);
  return match ? `${match[1]}index.html${match[2] ?? ''}` : undefined;
}

/** Vite plugin for the dev server only; a build is untouched. */
export function devEndpointPages(): Plugin {
  return {
    name: 'nq57:dev-endpoint-pages',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const rewritten = req.url && endpointPageUrl(req.url);
        if (rewritten) req.url = rewritten;
        next();
      });
    },
  };
}
