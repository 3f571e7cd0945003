import type { APIRoute } from 'astro';
import { model, paths } from '../../data/content.ts';
import { stringifyJson, toDataPackage } from '../../lib/outputs.ts';

export const GET: APIRoute = () =>
  new Response(stringifyJson(toDataPackage(model, paths)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
