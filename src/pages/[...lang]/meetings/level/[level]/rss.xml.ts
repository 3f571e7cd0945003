import type { APIRoute } from 'astro';
import { langParam, model, pageLang } from '../../../../../data/content.ts';
import { meetingFeed } from '../../../../../data/feeds.ts';
import { MEETING_LEVELS } from '../../../../../schemas/meeting.ts';

export function getStaticPaths() {
  return model.site.locales.flatMap((lang) => MEETING_LEVELS.map((level) => ({ params: { lang: langParam(lang), level }, props: { level } })));
}

export const GET: APIRoute = ({ params, props }) => meetingFeed(pageLang(params.lang), props.level);
