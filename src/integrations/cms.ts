/**
 * The web editor at /admin/ (Decap CMS): its page, its configuration made from the schemas and the
 * content (src/lib/cms-config.ts), Decap's bundle copied from node_modules and our own code, all
 * served from the site's own origin. Written into the built site after Astro's pages (so it is in
 * no sitemap, feed or search index), and answered by the dev server in `npm run dev`.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { stringify } from 'yaml';
import { cmsConfig, fieldOrders, localisedFieldNames, type CmsBackend } from '../lib/cms-config.ts';
import { contentIdsOf, readContentIds } from '../content/ids.ts';
import type { ContentIds } from '../lib/cms-config.ts';
import { builtSite } from './handoff.ts';
import { contentDir } from '../content/dir.ts';

const require = createRequire(import.meta.url);

/** What the editor's page needs, and nothing more: Decap's bundle checks its configuration with
 * compiled validators ('unsafe-eval'), styles itself inline, reads GitHub's API or the local proxy. */
export function adminContentSecurityPolicy(connect: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://avatars.githubusercontent.com",
    // blob: the editor reads back the photos it has just picked before it uploads them.
    `connect-src 'self' blob: ${connect.join(' ')}`.trim(),
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The editor's page: a noindex shell that loads Decap's bundle and our code, both from /admin/. */
export function adminPage(connect: readonly string[]): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="${adminContentSecurityPolicy(connect)}">
<meta name="referrer" content="same-origin">
<title>Biên tập nội dung · Content editor</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<noscript>Trình biên tập cần JavaScript. Có thể sửa trực tiếp các tệp trong thư mục content/ (xem docs/authoring.vi.md). — The editor needs JavaScript; the files in content/ can be edited directly (docs/authoring.en.md).</noscript>
<script src="manual-init.js"></script>
<script src="decap-cms.js"></script>
<script src="cms-init.js"></script>
</body>
</html>
`;
}

/** Settings from the environment: the repository and OAuth client for production, the proxy for local mode. */
export function backendFromEnv(env: NodeJS.ProcessEnv = process.env, dev = false): CmsBackend {
  const local = env.CMS_LOCAL_BACKEND_URL || (dev ? 'http://localhost:8081/api/v1' : undefined);
  return {
    repo: env.CMS_REPO || env.GITHUB_REPOSITORY || undefined,
    branch: env.CMS_BRANCH || undefined,
    authBaseUrl: env.CMS_AUTH_BASE_URL || undefined,
    authEndpoint: env.CMS_AUTH_ENDPOINT || undefined,
    editorialWorkflow: env.CMS_EDITORIAL_WORKFLOW === '1' || env.CMS_EDITORIAL_WORKFLOW === 'true',
    localBackendUrl: local,
  };
}

/** Where the page may connect: GitHub's API in production, the local proxy's origin in local mode. */
function connectSources(backend: CmsBackend): string[] {
  const sources: string[] = [];
  if (backend.repo) sources.push('https://api.github.com');
  if (backend.localBackendUrl) sources.push(new URL(backend.localBackendUrl).origin);
  return sources;
}

/** Our code for the editor (src/client/cms-init.ts), bundled once per default language: the dev server asks for /admin/'s files on every request. */
const editorCodes = new Map<string, Promise<string>>();
function editorCode(locale: string): Promise<string> {
  let code = editorCodes.get(locale);
  if (!code) {
    code = build({
      entryPoints: [fileURLToPath(new URL('../client/cms-init.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'iife',
      minify: true,
      target: 'es2022',
      legalComments: 'none',
      define: {
        __NQ57_FIELD_ORDERS__: JSON.stringify(fieldOrders()),
        __NQ57_LOCALISED__: JSON.stringify({ fields: localisedFieldNames(), locale }),
      },
    }).then((bundled) => bundled.outputFiles[0]!.text);
    editorCodes.set(locale, code);
  }
  return code;
}

/**
 * The files of /admin/, by name. Decap's bundle is large and read from node_modules as it is. The
 * choices come from `ids` when given (a build has read the content already), else from the folder.
 */
export async function adminFiles(dev: boolean, env: NodeJS.ProcessEnv = process.env, known?: ContentIds): Promise<Map<string, string | { copy: string }>> {
  const dir = contentDir(env);
  const backend = backendFromEnv(env, dev);
  // Backends address files from the repository's root (CMS_REPO_DIR, default the working directory).
  const contentPath = path.relative(env.CMS_REPO_DIR ? path.resolve(env.CMS_REPO_DIR) : process.cwd(), dir).split(path.sep).join('/');
  // The content is read once for both the configuration and the editor's code.
  const ids = known ?? readContentIds(dir);
  const config = cmsConfig(contentPath, backend, ids);
  const decapDir = path.dirname(require.resolve('decap-cms/dist/decap-cms.js'));
  const files = new Map<string, string | { copy: string }>([
    ['index.html', adminPage(connectSources(backend))],
    ['config.yml', `# Made at build time from src/schemas and the content folder (src/lib/cms-config.ts); do not edit.\n${stringify(config, { lineWidth: 0 })}`],
    ['manual-init.js', 'window.CMS_MANUAL_INIT = true;\n'],
    ['cms-init.js', await editorCode(ids.defaultLocale)],
  ]);
  // Decap's bundle and the chunks it loads later from beside it.
  for (const file of readdirSync(decapDir)) {
    if (file === 'decap-cms.js' || /^\d+\.decap-cms\.js$/.test(file)) files.set(file, { copy: path.join(decapDir, file) });
  }
  return files;
}

/** Writes the editor's files into `out` (the built site's admin/ folder). */
export async function writeAdmin(out: string, dev: boolean, env: NodeJS.ProcessEnv = process.env, known?: ContentIds): Promise<void> {
  mkdirSync(out, { recursive: true });
  for (const [name, file] of await adminFiles(dev, env, known)) {
    if (typeof file === 'string') writeFileSync(path.join(out, name), file);
    else copyFileSync(file.copy, path.join(out, name));
  }
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.yml': 'text/yaml; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

export default function cmsIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'nq57-web-editor',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${base}admin/`;
        server.middlewares.use(async (req, res, next) => {
          const url = (req.url ?? '').split('?')[0]!;
          if (url === `${base}admin`) {
            res.statusCode = 301;
            res.setHeader('Location', prefix);
            return res.end();
          }
          if (!url.startsWith(prefix)) return next();
          const name = url.slice(prefix.length) || 'index.html';
          // Made on each request, so that a task added while editing shows up as a choice.
          const file = (await adminFiles(true)).get(name);
          if (!file) return next();
          res.setHeader('Content-Type', TYPES[path.extname(name)] ?? 'application/octet-stream');
          res.setHeader('X-Robots-Tag', 'noindex');
          res.setHeader('Cache-Control', 'no-store');
          res.end(typeof file === 'string' ? file : readFileSync(file.copy));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        // The choices from the model the pages were made from, rather than from parsing every file again.
        const { model } = await builtSite();
        await writeAdmin(path.join(fileURLToPath(dir), 'admin'), false, process.env, contentIdsOf(contentDir(), model));
        logger.info('web editor written to admin/');
      },
    },
  };
}
