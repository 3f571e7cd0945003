// A task's page: its state, facts, history, the directions and meetings about it, and its sources.
// There is one for each task in each language, most of a large province's pages, so it is made as
// markup directly (src/lib/html.ts escapes every value) rather than through Astro's templates, which
// would take about twice as long per page. Its head, header and footer are those of every page.
import type { APIRoute } from 'astro';
import { langParam, meetingById, model, pageLang, paths } from '../../../../data/content.ts';
import { breadcrumb, sourceRefLink, statusTag } from '../../../../components/parts.ts';
import { shellPage } from '../../../../layouts/shell.ts';
import { html } from '../../../../lib/html.ts';
import type { Html } from '../../../../lib/html.ts';
import { localise } from '../../../../lib/text.ts';
import { meetingPath, pagePath, programmePath, taskPath, unitPath } from '../../../../lib/paths.ts';
import type { TaskView } from '../../../../lib/site-model.ts';
import { unitsById } from '../../../../lib/site-views.ts';
import { statusSource } from '../../../../lib/sources.ts';
import type { Task } from '../../../../schemas/index.ts';
import { formatDate, translator } from '../../../../i18n/translate.ts';
import type { UiKey } from '../../../../i18n/translate.ts';

export function getStaticPaths() {
  return model.tasks.flatMap((view) => model.site.locales.map((lang) => ({ params: { lang: langParam(lang), id: view.task.id }, props: { view } })));
}

const units = unitsById(model);

/** Where the current status comes from, beside it: the meeting that reported it, or its source. */
function statusOrigin(task: Task, lang: string): Html | string {
  const t = translator(lang);
  const L = (text: Parameters<typeof localise>[0]) => localise(text, lang, paths.defaultLocale);
  const origin = statusSource(task);
  if (origin && 'meeting' in origin) {
    const meeting = meetingById(origin.meeting);
    if (meeting) {
      const shown = meeting.langs.includes(lang) ? lang : meeting.langs[0]!;
      return html`<a href="${meetingPath(paths, shown, meeting.id)}">${t('task.statusFromMeeting', { date: formatDate(meeting.day, lang) })}</a>`;
    }
  }
  if (origin && 'link' in origin) {
    const { link } = origin;
    return html`${t('task.statusFromSource')} <a href="${link.url}">${L(link.publisher) || L(link.title) || link.url}</a>${link.published && html` (${formatDate(link.published, lang)})`}`;
  }
  return task.status === 'unknown' ? '' : t('task.statusNoSource');
}
const programmes = new Map(model.programmes.map((p) => [p.id, p]));

function taskPage(view: TaskView, lang: string): string {
  const t = translator(lang);
  const task = view.task;
  const L = (text: Parameters<typeof localise>[0]) => localise(text, lang, paths.defaultLocale);
  const programme = programmes.get(task.programme);
  const meetings = view.discussedIn.map((id) => meetingById(id)!);
  const shownLang = (m: (typeof meetings)[number]) => (m.langs.includes(lang) ? lang : m.langs[0]!);
  const directions = meetings.flatMap((m) => (m.translations[shownLang(m)]!.directions ?? []).filter((d) => d.tasks?.includes(task.id)).map((direction) => ({ meeting: m, direction })));
  const date = (d: string | undefined) => (d ? formatDate(d, lang) : '—');
  const categoryName = (id: string) => (t(`category.${id}` as UiKey) === `category.${id}` ? id : t(`category.${id}` as UiKey));
  const title = L(task.title);
  const alternates = Object.fromEntries(model.site.locales.filter((l) => l !== lang).map((l) => [l, taskPath(paths, l, task.id)]));
  const statusOriginHtml = statusOrigin(task, lang);
  const unitLink = (id: string) => html`<a href="${unitPath(paths, lang, id)}">${L(units.get(id)?.name)}</a>`;
  const main = html`${breadcrumb(lang, [
    { label: t('nav.home'), href: pagePath(paths, lang) },
    { label: t('nav.tasks'), href: pagePath(paths, lang, 'tasks') },
    { label: task.id },
  ])}<p class="app-article__category">${programme ? html`<a href="${programmePath(paths, lang, programme.id)}">${programme.number}</a>` : task.programme}</p><h1>${title}</h1><p>${statusTag(view, lang)} <span class="app-meta">${statusOriginHtml}${statusOriginHtml && ' · '}${t('asOf', { date: formatDate(model.asOf, lang) })}</span></p><dl class="app-facts"><dt>${t('task.id')}</dt><dd>${task.id}</dd><dt>${t('task.owner')}</dt><dd>${unitLink(task.owner)}</dd>${
    task.partners?.length ? html`<dt>${t('task.partners')}</dt><dd><ul class="app-inline-list">${task.partners.map((id) => html`<li>${unitLink(id)}</li>`)}</ul></dd>` : null
  }${task.category && html`<dt>${t('task.category')}</dt><dd>${categoryName(task.category)}</dd>`}<dt>${t('task.assigned')}</dt><dd>${date(task.assigned)}</dd><dt>${t('task.deadline')}</dt><dd>${date(task.deadline)}</dd>${
    task.completed && html`<dt>${t('task.completed')}</dt><dd>${date(task.completed)}</dd>`
  }</dl>${task.notes && html`<p>${L(task.notes)}</p>`}${
    task.history?.length
      ? html`<section aria-labelledby="history-title"><h2 id="history-title">${t('task.history')}</h2><ol class="app-history">${task.history.map(
      (entry) => html`<li><time datetime="${entry.date}">${formatDate(entry.date, lang)}</time> — <strong>${t(`status.${entry.status}`)}</strong>${entry.note && html`: ${L(entry.note)}`}${entry.source && html` (${sourceRefLink(entry.source, lang)})`}</li>`,
    )}</ol></section>`
      : null
  }${
    directions.length > 0 &&
    html`<section aria-labelledby="directions-title"><h2 id="directions-title">${t('task.directions')}</h2><ul>${directions.map(
      ({ meeting, direction }) => html`<li>${direction.text}${direction.deadline && html` (${t('meeting.deadline', { date: formatDate(direction.deadline, lang) })})`} — <a href="${meetingPath(paths, shownLang(meeting), meeting.id)}">${formatDate(meeting.day, lang)}</a></li>`,
    )}</ul></section>`
  }${
    meetings.length > 0 &&
    html`<section aria-labelledby="meetings-title"><h2 id="meetings-title">${t('task.meetings')}</h2><ul>${meetings.map((m) => {
      const shown = shownLang(m);
      return html`<li><a href="${meetingPath(paths, shown, m.id)}"${shown === lang ? '' : html` hreflang="${shown}"`}>${m.translations[shown]!.title}</a> <span class="app-meta">(${formatDate(m.day, lang)})</span></li>`;
    })}</ul></section>`
  }${
    task.sources?.length
      ? html`<section aria-labelledby="sources-title"><h2 id="sources-title">${t('task.sources')}</h2><ul>${task.sources.map(
      (s) => html`<li><a href="${s.url}">${L(s.title) || s.url}</a>${s.publisher && html` — ${L(s.publisher)}`}${s.published && html` (${formatDate(s.published, lang)})`}</li>`,
    )}</ul></section>`
      : null
  }${
    task.updates?.length
      ? html`<section aria-labelledby="updates-title"><h2 id="updates-title">${t('task.updates')}</h2><ul>${task.updates.map((u) => html`<li><time datetime="${u.date}">${formatDate(u.date, lang)}</time>: ${L(u.note)}</li>`)}</ul></section>`
      : null
  }`;
  return shellPage({ lang, title: `${task.id}: ${title}`, section: 'tasks', alternates, pathname: taskPath(paths, lang, task.id) }, main);
}

// The dev server asks for any id; one that is not a task has no page.
export const GET: APIRoute<{ view?: TaskView }> = ({ params, props }) =>
  props.view
    ? new Response(taskPage(props.view, pageLang(params.lang)), { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
    : new Response('no such task', { status: 404 });
