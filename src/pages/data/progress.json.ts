import type { APIRoute } from 'astro';
import { model } from '../../data/content.ts';
import { stringifyJson, toProgressJson } from '../../lib/outputs.ts';

export const GET: APIRoute = () =>
  new Response(stringifyJson(toProgressJson(model)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
