import { defineMiddleware } from 'astro:middleware';

// A task's or a meeting's page is made by an endpoint as the file …/tasks/ID/index.html, which a
// static host serves at …/tasks/ID/. The dev server answers only the file's name; this makes it answer
// the address too, so that a preview has the same links as the site. A build does nothing here.
const ENDPOINT_PAGE = /\/(?:tasks\/(?!status\/)|meetings\/(?!level\/))[^/]+\/$/;

export const onRequest = defineMiddleware(async (context, next) => {
  if (!import.meta.env.DEV || !ENDPOINT_PAGE.test(context.url.pathname)) return next();
  // An id that has no page fails the rewrite; the address then gets the dev server's own 404.
  // Any other error is the page's, and shows as such.
  return context.rewrite(`${context.url.pathname}index.html`).catch((e: unknown) => {
    if (e instanceof Error && e.name === 'NoMatchingStaticPathFound') return next();
    throw e;
  });
});
