import rss from '@astrojs/rss';
import { model, paths } from './content.ts';
import type { MeetingGroup } from '../lib/site-model.ts';
import { localise } from '../lib/text.ts';
import { meetingPath } from '../lib/paths.ts';
import { translator } from '../i18n/translate.ts';

/** When a meeting was held, as an instant: a plain date is midnight in Vietnam. */
export function meetingInstant(meeting: MeetingGroup): Date {
  return new Date(meeting.date.length > 10 ? meeting.date : `${meeting.day}T00:00:00+07:00`);
}

/** The RSS 2.0 feed of meetings in one language, for one level or for all. */
export function meetingFeed(lang: string, level?: MeetingGroup['level']): Promise<Response> {
  const t = translator(lang);
  const name = localise(model.site.name, lang, paths.defaultLocale);
  const meetings = model.meetings.filter((m) => m.langs.includes(lang) && (!level || m.level === level));
  return rss({
    title: level ? `${name}: ${t('feed.level', { level: t(`level.${level}`) })}` : `${name}: ${t('feed.title')}`,
    description: localise(model.site.description ?? model.site.name, lang, paths.defaultLocale),
    site: model.site.url,
    customData: `<language>${lang}</language>`,
    items: meetings.map((meeting) => ({
      title: meeting.translations[lang]!.title,
      link: meetingPath(paths, lang, meeting.id),
      pubDate: meetingInstant(meeting),
      description: meeting.translations[lang]!.summary,
      categories: [t(`level.${meeting.level}`), ...(meeting.translations[lang]!.tags ?? [])],
    })),
  });
}
