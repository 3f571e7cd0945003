import type { APIRoute } from 'astro';
import { langParam, model, pageLang } from '../../data/content.ts';
import { meetingFeed } from '../../data/feeds.ts';

export function getStaticPaths() {
  return model.site.locales.map((lang) => ({ params: { lang: langParam(lang) } }));
}

export const GET: APIRoute = ({ params }) => meetingFeed(pageLang(params.lang));
