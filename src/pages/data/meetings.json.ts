import type { APIRoute } from 'astro';
import { model, paths } from '../../data/content.ts';
import { stringifyJson, toMeetingsJson } from '../../lib/outputs.ts';

export const GET: APIRoute = () =>
  new Response(stringifyJson(toMeetingsJson(model, paths)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
