import type { APIRoute } from 'astro';
import { model, paths } from '../../../data/content.ts';
import { PUBLISHED_SCHEMAS, jsonSchemaFor } from '../../../lib/json-schemas.ts';
import { filePath } from '../../../lib/paths.ts';
import { stringifyJson } from '../../../lib/outputs.ts';

export function getStaticPaths() {
  return Object.keys(PUBLISHED_SCHEMAS).map((name) => ({ params: { name } }));
}

export const GET: APIRoute = ({ params }) => {
  const name = params.name as keyof typeof PUBLISHED_SCHEMAS;
  const id = new URL(filePath(paths, `data/schema/${name}.json`), model.site.url).href;
  return new Response(stringifyJson(jsonSchemaFor(name, id)), { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
