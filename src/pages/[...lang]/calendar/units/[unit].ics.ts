import type { APIRoute } from 'astro';
import { langParam, model, pageLang } from '../../../../data/content.ts';
import { calendarFile } from '../../../../data/calendars.ts';

export function getStaticPaths() {
  return model.site.locales.flatMap((lang) => model.units.map((unit) => ({ params: { lang: langParam(lang), unit: unit.id } })));
}

export const GET: APIRoute = ({ params }) => calendarFile(pageLang(params.lang), params.unit);
