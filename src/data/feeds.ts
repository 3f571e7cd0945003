import rss from '@astrojs/rss';
import { model, paths } from './content.ts';
import type { MeetingGroup } from '../lib/site-model.ts';
import { localise } from '../lib/text.ts';
import { meetingPath, pagePath } from '../lib/paths.ts';
import { escapeHtml } from '../lib/html.ts';
import { translator } from '../i18n/translate.ts';

/** When a meeting was held, as an instant: a plain date is midnight in Vietnam. */
export function meetingInstant(meeting: MeetingGroup): Date {
  return new Date(meeting.date.length > 10 ? meeting.date : `${meeting.day}T00:00:00+07:00`);
}

/**
 * A meeting's lead as an RSS description. Readers take a description for HTML, so the text is
 * escaped as HTML here (and then as XML by the feed writer): markup in a lead shows as the text it is.
 */
export function feedDescription(text: string): string {
  return escapeHtml(text);
}

/**
 * The RSS 2.0 feed of meetings in one language, for one level or for all. It names its own address
 * (`atom:link rel="self"`), and its `lastBuildDate` is when its newest meeting was held (the as-of
 * date when it has none), so that the same content builds the same feed.
 */
export function meetingFeed(lang: string, level?: MeetingGroup['level']): Promise<Response> {
  const t = translator(lang);
  const name = localise(model.site.name, lang, paths.defaultLocale);
  const meetings = model.meetings.filter((m) => m.langs.includes(lang) && (!level || m.level === level));
  const self = new URL(`${level ? pagePath(paths, lang, 'meetings', 'level', level) : pagePath(paths, lang)}rss.xml`, model.site.url).href;
  const newest = meetings.reduce<Date | undefined>((latest, m) => {
    const held = meetingInstant(m);
    return latest && latest >= held ? latest : held;
  }, undefined) ?? new Date(`${model.asOf}T00:00:00+07:00`);
  return rss({
    title: level ? `${name}: ${t('feed.level', { level: t(`level.${level}`) })}` : `${name}: ${t('feed.title')}`,
    description: localise(model.site.description ?? model.site.name, lang, paths.defaultLocale),
    site: model.site.url,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${lang}</language><lastBuildDate>${newest.toUTCString()}</lastBuildDate><atom:link href="${escapeHtml(self)}" rel="self" type="application/rss+xml"/>`,
    items: meetings.map((meeting) => ({
      title: meeting.translations[lang]!.title,
      link: meetingPath(paths, lang, meeting.id),
      pubDate: meetingInstant(meeting),
      description: feedDescription(meeting.translations[lang]!.summary),
      categories: [t(`level.${meeting.level}`), ...(meeting.translations[lang]!.tags ?? [])],
    })),
  });
}
