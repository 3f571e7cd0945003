import type { APIRoute } from 'astro';
import { model, paths } from '../data/content.ts';
import { filePath } from '../lib/paths.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(filePath(paths, 'sitemap-index.xml'), model.site.url).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
