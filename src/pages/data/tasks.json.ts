import type { APIRoute } from 'astro';
import { model, paths } from '../../data/content.ts';
import { stringifyJson, toTasksJson } from '../../lib/outputs.ts';

export const GET: APIRoute = () =>
  new Response(stringifyJson(toTasksJson(model, paths)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
