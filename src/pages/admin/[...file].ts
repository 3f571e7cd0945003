// The files of Sveltia CMS's package that its script loads after it starts (see src/lib/admin-files.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { adminPackageFiles, CMS_PACKAGE } from '../../lib/admin-files.ts';

export function getStaticPaths() {
  return adminPackageFiles().map(({ route, file }) => ({ params: { file: route }, props: { file } }));
}

export const GET: APIRoute<{ file?: string }> = ({ props }) => {
  if (!props.file) return new Response('not found', { status: 404 });
  const type = props.file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/json; charset=utf-8';
  return new Response(readFileSync(path.join(CMS_PACKAGE, props.file)), { headers: { 'Content-Type': type } });
};
