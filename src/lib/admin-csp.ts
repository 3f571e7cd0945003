// The web editor's Content-Security-Policy, apart from the public pages' (src/lib/csp.ts): what
// Sveltia CMS needs and nothing more. Its script and fonts come from the site itself; it talks to
// GitHub's API to read and commit the content, shows GitHub avatars, previews photos as blob: and
// data: URLs, and sets styles on its elements.
const DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'blob:', 'data:', 'https://avatars.githubusercontent.com']],
  ['media-src', ["'self'", 'blob:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'", 'blob:', 'data:', 'https://api.github.com']],
  ['frame-src', ["'self'", 'blob:']],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
];

/** The editor's policy; `framing` adds what only a header can say (who may frame the editor: nobody). */
export function adminContentSecurityPolicy(framing = false): string {
  return [...DIRECTIVES, ...(framing ? ([['frame-ancestors', ["'none'"]]] as const) : [])].map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
