// Sveltia CMS's script, from its npm package, served from the site itself. What it asks a CDN for is
// served from the site too: its fonts (./fonts/) and its package's other files (./cms…).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { ADMIN_FONTS } from '../../lib/admin-fonts.ts';
import { CMS_CDN, CMS_LOCAL, CMS_PACKAGE } from '../../lib/admin-files.ts';

export const GET: APIRoute = () => {
  const admin = `${import.meta.env.BASE_URL}admin/`;
  let script = readFileSync(path.join(CMS_PACKAGE, 'dist/sveltia-cms.js'), 'utf8');
  for (const [from, to] of [...ADMIN_FONTS.map((font) => [font.cdn, `${admin}fonts/${font.name}.woff2`] as const), [CMS_CDN, `${admin}${CMS_LOCAL}`] as const]) {
    if (!script.includes(from)) throw new Error(`Sveltia CMS no longer asks for ${from}: update src/lib/admin-fonts.ts or src/lib/admin-files.ts`);
    script = script.replaceAll(from, to);
  }
  return new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
