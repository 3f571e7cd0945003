// The editor's fonts, from their npm packages (see src/lib/admin-fonts.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { APIRoute } from 'astro';
import { ADMIN_FONTS } from '../../../lib/admin-fonts.ts';

const require = createRequire(import.meta.url);

export function getStaticPaths() {
  return ADMIN_FONTS.map((font) => ({ params: { font: font.name }, props: { file: font.file } }));
}

export const GET: APIRoute<{ file: string }> = ({ props }) =>
  new Response(readFileSync(require.resolve(props.file)), { headers: { 'Content-Type': 'font/woff2' } });
