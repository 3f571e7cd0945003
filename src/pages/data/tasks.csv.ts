import type { APIRoute } from 'astro';
import { model, paths } from '../../data/content.ts';
import { toTasksCsv } from '../../lib/outputs.ts';

export const GET: APIRoute = () =>
  new Response(toTasksCsv(model, paths), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
