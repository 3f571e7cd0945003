// A meeting's news item in one language, in the portal's order: category, title, date, lead, photos,
// people, body, figures reported, changes since the last meeting, directions, tasks, tags, sources,
// updates, related items. There is one for each meeting in each language, so, like a task's page, it
// is made as markup directly (src/lib/html.ts escapes every value; the body is the sanitised HTML the
// content check rendered) rather than through Astro's templates.
import type { APIRoute } from 'astro';
import { getImage } from 'astro:assets';
import { langParam, meetingFiles, model, pageLang, paths } from '../../../../data/content.ts';
import { meetingInstant } from '../../../../data/feeds.ts';
import { breadcrumb, figureTable, followUpList, meetingChanges, statusTag } from '../../../../components/parts.ts';
import { publisherLogo, shellPage } from '../../../../layouts/shell.ts';
import { attr, html, Html } from '../../../../lib/html.ts';
import { localise } from '../../../../lib/text.ts';
import { meetingPath, pagePath, taskPath } from '../../../../lib/paths.ts';
import { toLocalTime } from '../../../../lib/dates.ts';
import type { MeetingGroup } from '../../../../lib/site-model.ts';
import { relatedMeetings, reportedByMeeting, taskViewsById } from '../../../../lib/site-views.ts';
import { formatDate, formatDateTime, translator } from '../../../../i18n/translate.ts';

export function getStaticPaths() {
  return model.meetings.flatMap((meeting) => meeting.langs.map((lang) => ({ params: { lang: langParam(lang), id: meeting.id }, props: { meeting } })));
}

type Photo = NonNullable<NonNullable<ReturnType<typeof meetingFiles.get>>['data']['images']>[number];

/** A photo in the sizes a phone and a wide screen need, with its caption and credit. */
async function photo(image: Photo): Promise<Html> {
  const widths = [360, 720, 1080].filter((w) => w <= image.src.width);
  const sizes = '(min-width: 48rem) 46rem, 100vw';
  const made = await getImage({ src: image.src, alt: image.alt, ...(widths.length > 0 ? { widths } : {}), sizes });
  const img = html`<img src="${made.src}"${attr('srcset', made.srcSet.attribute || undefined)} alt="${image.alt}" sizes="${sizes}" loading="lazy" decoding="async"${attr('width', made.attributes.width as number | undefined)}${attr('height', made.attributes.height as number | undefined)}>`;
  const caption = (image.caption || image.credit) && html`<figcaption>${image.caption}${image.credit && html`<span class="app-photo__credit"> (${image.credit})</span>`}</figcaption>`;
  return html`<figure class="app-photo">${img} ${caption}</figure>`;
}

async function meetingPage(group: MeetingGroup, lang: string): Promise<string> {
  const t = translator(lang);
  const L = (text: Parameters<typeof localise>[0]) => localise(text, lang, paths.defaultLocale);
  const meeting = group.translations[lang]!;
  const entry = meetingFiles.get(`${group.id}.${lang}`)!;
  const photos = await Promise.all((entry.data.images ?? []).map(photo));
  const figures = reportedByMeeting(model).get(group.id) ?? [];
  const tasks = taskViewsById(model);
  const related = relatedMeetings(model, group, lang, 5);
  const alternates = Object.fromEntries(group.langs.filter((l) => l !== lang).map((l) => [l, meetingPath(paths, l, group.id)]));
  const levelPath = pagePath(paths, lang, 'meetings', 'level', group.level);
  const level = t(`level.${group.level}`);
  const person = (p: { name: string; role?: string | undefined }) => (p.role ? `${p.name}, ${p.role}` : p.name);
  const path = meetingPath(paths, lang, group.id);
  const instant = meetingInstant(group).toISOString();
  const jsonLd = {
    '@type': 'NewsArticle',
    headline: meeting.title,
    description: meeting.summary,
    datePublished: instant,
    dateModified: meeting.updates?.length ? meeting.updates[meeting.updates.length - 1]!.date : instant,
    inLanguage: lang,
    url: new URL(path, model.site.url).href,
    articleSection: level,
    keywords: meeting.tags,
    // The publisher writes the news items: it is their author too.
    author: { '@type': 'Organization', name: L(model.site.publisher), url: new URL(pagePath(paths, lang), model.site.url).href },
    publisher: { '@type': 'Organization', name: L(model.site.publisher), logo: { '@type': 'ImageObject', url: publisherLogo() } },
    isBasedOn: meeting.sources?.map((source) => source.url),
    image: new URL(`${path}share.png`, model.site.url).href,
  };
  const header = html`<header class="app-article__header"><p class="app-article__category"><a href="${levelPath}">${level}</a>${meeting.body && html` · ${meeting.body}`}</p><h1 class="app-article__title">${meeting.title}</h1><p class="app-article__date"><time datetime="${group.date}">${formatDateTime(group.day, toLocalTime(group.date), lang)}</time>${meeting.location && html` · ${meeting.location}`}</p>${Object.entries(alternates).map(
    ([other, href]) => html`<p class="app-article__translation"><a href="${href}" hreflang="${other}" lang="${other}">${translator(other)('lang.name')}</a></p>`,
  )}</header>`;
  const people =
    (meeting.chair || meeting.attendees?.length) &&
    html`<dl class="app-people">${meeting.chair && html`<dt>${t('meeting.chair')}</dt><dd>${person(meeting.chair)}</dd>`}${
      meeting.attendees?.length ? html`<dt>${t('meeting.attendees')}</dt><dd><ul>${meeting.attendees.map((p) => html`<li>${person(p)}</li>`)}</ul></dd>` : null
    }</dl>`;
  const reported =
    figures.length > 0 && html`<section aria-labelledby="reported-title"><h2 id="reported-title">${t('meeting.reported')}</h2>${figures.map((figure) => figureTable(figure, lang))}</section>`;
  const taskLink = (id: string) => html`<a href="${taskPath(paths, lang, id)}">${id}</a>`;
  const directions = meeting.directions?.length
    ? html`<section aria-labelledby="directions-title"><h2 id="directions-title">${t('meeting.directions')}</h2><ol class="app-directions">${meeting.directions.map(
        (direction) =>
          html`<li>${direction.text}${direction.deadline && html` <span class="app-meta">(${t('meeting.deadline', { date: formatDate(direction.deadline, lang) })})</span>`}${
            direction.tasks?.length
              ? html`<ul class="app-inline-list">${direction.tasks.map((id) => html`<li>${taskLink(id)}${tasks.get(id) && html` ${statusTag(tasks.get(id)!, lang)}`}</li>`)}</ul>`
              : null
          }${followUpList(direction, lang)}</li>`,
      )}</ol></section>`
    : null;
  const taskList =
    group.tasks.length > 0 &&
    html`<section aria-labelledby="tasks-title"><h2 id="tasks-title">${t('meeting.tasks')}</h2><ul>${group.tasks.map((id) => {
      const view = tasks.get(id);
      return html`<li>${taskLink(id)}${view && html` — ${L(view.task.title)} ${statusTag(view, lang)}`}</li>`;
    })}</ul></section>`;
  const tags = meeting.tags?.length
    ? html`<p class="app-tags"><span class="app-meta">${t('meeting.tags')}:</span> ${meeting.tags.map((tag) => html`<span class="app-tags__tag">${tag}</span>`)}</p>`
    : null;
  const sources = html`<footer class="app-source">${
    meeting.sources?.length
      ? meeting.sources.map(
          (source) =>
            html`<p>${t('meeting.source')}: <a href="${source.url}">${L(source.title) || source.url}</a>${source.publisher && html` — ${L(source.publisher)}`}${source.published && html` (${formatDate(source.published, lang)})`}<br><span class="app-source__url">${source.url}</span></p>`,
        )
      : html`<p>${t('meeting.noSource')}</p>`
  }</footer>`;
  const updates = meeting.updates?.length
    ? html`<section aria-labelledby="updates-title"><h2 id="updates-title">${t('meeting.updates')}</h2><ul>${meeting.updates.map((u) => html`<li><time datetime="${u.date}">${formatDate(u.date, lang)}</time>: ${L(u.note)}</li>`)}</ul></section>`
    : null;
  const relatedList =
    related.length > 0 &&
    html`<aside class="app-related" aria-labelledby="related-title"><h2 id="related-title" class="app-section-title">${t('meeting.related')}</h2><ul>${related.map(
      (m) => html`<li><a href="${meetingPath(paths, lang, m.id)}">${m.translations[lang]!.title}</a> <span class="app-meta">(${formatDate(m.day, lang)})</span></li>`,
    )}</ul></aside>`;
  // The body was rendered from Markdown and sanitised by the content check, as Astro's render() would show it.
  const body = new Html(entry.rendered?.html ?? '');
  const main = html`${breadcrumb(lang, [
    { label: t('nav.home'), href: pagePath(paths, lang) },
    { label: t('nav.meetings'), href: pagePath(paths, lang, 'meetings') },
    { label: level, href: levelPath },
  ])}<article class="app-article">${header}<p class="app-article__lead">${meeting.summary}</p>${photos}${people}<div class="app-article__body">${body}</div>${reported}${meetingChanges(group.id, lang)}${directions}${taskList}${tags}${sources}${updates}</article>${relatedList}`;
  return shellPage({ lang, title: meeting.title, description: meeting.summary, alternates, section: 'meetings', type: 'article', jsonLd, image: `${path}share.png`, pathname: path, draft: meeting.draft }, main);
}

// The dev server asks for any id; one that is not a meeting in that language has no page.
export const GET: APIRoute<{ meeting?: MeetingGroup }> = async ({ params, props }) => {
  const lang = pageLang(params.lang);
  if (!props.meeting?.translations[lang]) return new Response('no such meeting', { status: 404 });
  return new Response(await meetingPage(props.meeting, lang), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
