/**
 * The Content-Security-Policy every page carries in a `<meta>`: a second wall behind the sanitiser.
 * The site has no inline script or style (scripts and styles ship as files), so the policy needs no
 * hashes: only the site's own files may run, and nothing written into a page can.
 */
const DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
];

/** The policy as `<meta http-equiv>` content; `scriptSources` widens `script-src` on one page. */
export function contentSecurityPolicy(scriptSources: readonly string[] = []): string {
  return DIRECTIVES.map(([name, sources]) => `${name} ${[...sources, ...(name === 'script-src' ? scriptSources : [])].join(' ')}`).join('; ');
}
