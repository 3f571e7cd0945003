// Small parts of pages, as markup: used by the Astro components of the same name and by the pages
// made without a template.
import { meetingById, model, paths } from '../data/content.ts';
import { changesSinceLastMeeting } from '../lib/changes.ts';
import { html, Html } from '../lib/html.ts';
import { meetingPath, pagePath, taskPath, unitPath } from '../lib/paths.ts';
import type { MeetingFigure, MeetingGroup, TaskView } from '../lib/site-model.ts';
import { groupByMonth, partialProgrammes, reportedByMeeting, taskState, unitsById } from '../lib/site-views.ts';
import { MEETING_LEVELS } from '../schemas/meeting.ts';
import type { Direction, SourceRef } from '../schemas/index.ts';
import { isMeetingSource } from '../lib/sources.ts';
import { toLocalTime } from '../lib/dates.ts';
import { localise } from '../lib/text.ts';
import { formatDate, formatDateTime, formatMonth, formatNumber, formatPercent, translator } from '../i18n/translate.ts';
import type { UiKey } from '../i18n/translate.ts';

/** Where a page is: links up to it, then the page itself; and the same as a schema.org BreadcrumbList. */
export function breadcrumb(lang: string, items: ReadonlyArray<{ label: string; href?: string | undefined }>): Html {
  const list = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.label, ...(item.href ? { item: new URL(item.href, model.site.url).href } : {}) })),
  };
  return html`<nav class="app-breadcrumb" aria-label="${translator(lang)('breadcrumb.label')}"><ol>${items.map((item) => html`<li>${item.href ? html`<a href="${item.href}">${item.label}</a>` : html`<span aria-current="page">${item.label}</span>`}</li>`)}</ol></nav>${jsonLdScript(list)}`;
}

/** Structured data as a JSON-LD element; `<` is escaped so that no text in it can close the element. */
export function jsonLdScript(data: Record<string, unknown>): Html {
  return new Html(`<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`);
}

/**
 * A link to where something was reported: the page of the meeting whose id is given, named by its
 * date, or the source link, named by its publisher or title. Nothing for a meeting that is not published.
 */
export function sourceRefLink(source: SourceRef, lang: string): Html | undefined {
  const t = translator(lang);
  if (!isMeetingSource(source)) return html`<a href="${source.url}">${localise(source.publisher, lang, paths.defaultLocale) || localise(source.title, lang, paths.defaultLocale) || t('meeting.source')}</a>`;
  const meeting = meetingById(source);
  if (!meeting) return undefined;
  const shown = meeting.langs.includes(lang) ? lang : meeting.langs[0]!;
  return html`<a href="${meetingPath(paths, shown, meeting.id)}">${t('directions.meeting')} ${formatDate(meeting.day, lang)}</a>`;
}

/** What has been reported on carrying out a direction: its dated follow-up notes, each with its source. */
export function followUpList(direction: Direction, lang: string): Html | undefined {
  if (!direction.follow_up?.length) return undefined;
  return html`<ul class="app-follow-up">${direction.follow_up.map(
    (entry) => html`<li><time datetime="${entry.date}">${formatDate(entry.date, lang)}</time>: ${entry.note}${entry.source && html` (${sourceRefLink(entry.source, lang)})`}</li>`,
  )}</ul>`;
}

/**
 * How many of a partial registry's tasks are published, beside the programme's reported total: "4
 * tasks published of the 123 reported", or, with none, that the sources give only totals.
 */
export function publishedLine(lang: string, published: number, reportedTotal: number | undefined): string {
  const t = translator(lang);
  if (published === 0) return reportedTotal === undefined ? t('registry.noneNamedNoTotal') : t('registry.noneNamed', { total: formatNumber(reportedTotal, lang) });
  return reportedTotal === undefined
    ? t('registry.publishedNoTotal', { count: formatNumber(published, lang) })
    : t('registry.published', { count: formatNumber(published, lang), total: formatNumber(reportedTotal, lang) });
}

/** A task's state as of the build, and whether it was completed late. */
export function statusTag(view: TaskView, lang: string): Html {
  const t = translator(lang);
  const state = taskState(view);
  const label = {
    completed: t('status.completed'),
    'on-schedule': view.status === 'not-started' ? t('status.not-started') : t('status.in-progress'),
    overdue: t('status.overdue'),
    unknown: t('status.unknown'),
    cancelled: t('status.cancelled'),
    'not-yet': t('status.notYet'),
  }[state];
  return html`<strong class="app-tag app-tag--${state}">${label}</strong>${view.late && html` <span class="app-tag app-tag--late">${t('status.late')}</span>`}`;
}

/** A figure a meeting reported, beside what the registry counts for the same day, and whether they agree. */
export function figureTable(figure: MeetingFigure, lang: string): Html {
  const t = translator(lang);
  const programme = model.programmes.find((p) => p.id === figure.programme);
  const scope =
    figure.scope === 'national' ? t('scope.national') : figure.scope === model.site.jurisdiction.id ? localise(model.site.jurisdiction.name, lang, paths.defaultLocale) : figure.scope;
  const period = figure.period === 'cumulative' ? t('period.cumulative') : figure.period;
  const caption = t('figure.caption', { programme: programme?.number ?? figure.programme, scope, period, date: formatDate(figure.as_of, lang) });
  const fields = (['total', 'completed', 'on_schedule', 'overdue', 'percent_completed'] as const).filter((f) => figure.figures[f] !== undefined);
  const fieldLabel = (field: string) => t(`count.${field}` as UiKey);
  const result = figure.agrees === null ? 'not-comparable' : figure.agrees ? 'agrees' : 'differs';
  // A figure the registry cannot check is shown alone: a column of the registry's counts beside it
  // (another scope's, or a partial registry's published tasks) would invite a comparison that means nothing.
  const registryCell = (field: (typeof fields)[number]) =>
    figure.comparable && html`<td class="app-num">${field !== 'percent_completed' && figure.registry ? formatNumber(figure.registry[field], lang) : '—'}</td>`;
  const rows = fields.map(
    (field) =>
      html`<tr><th scope="row">${fieldLabel(field)}</th><td class="app-num">${field === 'percent_completed' ? formatPercent(figure.figures[field]!, lang) : formatNumber(figure.figures[field]!, lang)}</td>${registryCell(field)}</tr>`,
  );
  const differences =
    figure.differences.length > 0 &&
    html`<ul class="app-figure__differences">${figure.differences.map((d) => html`<li>${t('figure.difference', { field: fieldLabel(d.field), reported: formatNumber(d.reported, lang), registry: formatNumber(d.registry, lang) })}</li>`)}</ul>`;
  const tag = result === 'agrees' ? t('figure.agrees') : result === 'differs' ? t('figure.differs') : t('figure.notComparable');
  const reason = figure.reason && html`: ${t(`figure.reason.${figure.reason}`)}`;
  return html`<figure class="app-figure"><div class="app-table-wrap"><table class="app-table${figure.comparable ? '' : ' app-table--narrow'}"><caption>${caption}</caption><thead><tr><th scope="col">${t('figure.field')}</th><th scope="col" class="app-num">${t('figure.reported')}</th>${figure.comparable && html`<th scope="col" class="app-num">${t('figure.registry')}</th>`}</tr></thead><tbody>${rows}</tbody></table></div><figcaption><strong class="app-tag app-tag--${result}">${tag}</strong>${reason} ${differences}</figcaption></figure>`;
}

/** What changed since the previous meeting of the same level: tasks completed, newly overdue and added, and the figures. */
export function meetingChanges(meetingId: string, lang: string): Html {
  const t = translator(lang);
  const changes = changesSinceLastMeeting(model, meetingId);
  const title = html`<h2 id="changes-title">${t('changes.title')}</h2>`;
  const previous = changes.previous && meetingById(changes.previous.id);
  if (!changes.previous || !previous) return html`<section class="app-changes" aria-labelledby="changes-title">${title}<p>${t('changes.first')}</p></section>`;
  const level = meetingById(meetingId)!.level;
  const shown = previous.langs.includes(lang) ? lang : previous.langs[0]!;
  const lists = [['changes.completed', changes.completed], ['changes.becameOverdue', changes.becameOverdue], ['changes.added', changes.added]] as const;
  const signed = (n: number) => `${n > 0 ? '+' : ''}${formatNumber(n, lang)}`;
  const programmeNumber = (id: string) => model.programmes.find((p) => p.id === id)?.number ?? id;
  const since = html`<p>${t('changes.since', { level: t(`level.${level}`).toLowerCase(), date: formatDate(previous.day, lang) })} <a href="${meetingPath(paths, shown, previous.id)}">${previous.translations[shown]!.title}</a></p>`;
  // With no task in the registry there is nothing to count; a partial registry's changes are of its published tasks.
  const partial = partialProgrammes(model).length > 0;
  const counts = model.tasks.length > 0 && html`${partial && html`<p class="app-meta">${t('changes.publishedOnly')}</p>`}<ul>${lists.map(
    ([key, ids]) => html`<li>${t(key, { count: formatNumber(ids.length, lang) })}${ids.length > 0 && html`: ${ids.map((id, i) => html`${i > 0 && ', '}<a href="${taskPath(paths, lang, id)}">${id}</a>`)}`}</li>`,
  )}</ul>`;
  const figures = changes.figures.map(
    (figure) =>
      html`<h3>${t('changes.figures', { programme: programmeNumber(figure.programme), period: figure.period === 'cumulative' ? t('period.cumulative') : figure.period })}</h3>${
        figure.changes.length === 0
          ? html`<p>${t('changes.noFigure')}</p>`
          : html`<ul>${figure.changes.map((c) => html`<li>${t('changes.figure', { field: t(`count.${c.field}` as UiKey), previous: formatNumber(c.previous, lang), current: formatNumber(c.current, lang), delta: signed(c.delta) })}</li>`)}</ul>`
      }`,
  );
  return html`<section class="app-changes" aria-labelledby="changes-title">${title}${since}${counts}${figures}</section>`;
}

/** A task's row in a task table, made once per language: a task is listed on several pages. */
const taskRows = new Map<string, WeakMap<TaskView, Html>>();

/** A task's owning unit, linked to its page, by its short name. */
function ownerLink(task: TaskView['task'], lang: string): Html {
  const owner = unitsById(model).get(task.owner);
  return html`<a href="${unitPath(paths, lang, task.owner)}">${localise(owner?.short ?? owner?.name, lang, paths.defaultLocale)}</a>`;
}

/** A task's deadline as a date, when it has one. */
function deadlineTime(task: TaskView['task'], lang: string): Html | undefined {
  return task.deadline ? html`<time datetime="${task.deadline}">${formatDate(task.deadline, lang)}</time>` : undefined;
}

function taskRow(view: TaskView, lang: string): Html {
  let rows = taskRows.get(lang);
  if (!rows) taskRows.set(lang, (rows = new WeakMap()));
  let row = rows.get(view);
  if (!row) {
    const { task } = view;
    row = html`<tr><td class="app-task-table__id"><a href="${taskPath(paths, lang, task.id)}">${task.id}</a></td><td>${localise(task.title, lang, paths.defaultLocale)}</td><td>${ownerLink(task, lang)}</td><td class="app-nowrap">${
      deadlineTime(task, lang) ?? '—'
    }</td><td>${statusTag(view, lang)}</td></tr>`;
    rows.set(view, row);
  }
  return row;
}

/** Tasks as a table: id, title, owner, deadline and state, with a caption; a line saying so when there are none. */
export function taskTable(views: readonly TaskView[], lang: string, caption: string): Html {
  const t = translator(lang);
  if (views.length === 0) return html`<p>${t('tasks.none')}</p>`;
  return html`<section class="app-table-wrap" aria-label="${caption}" tabindex="0"><table class="app-table app-task-table"><caption>${caption}</caption><thead><tr><th scope="col">${t('task.id')}</th><th scope="col">${t('task.title')}</th><th scope="col">${t('task.owner')}</th><th scope="col">${t('task.deadline')}</th><th scope="col">${t('task.status')}</th></tr></thead><tbody>${views.map((view) => taskRow(view, lang))}</tbody></table></section>`;
}

/**
 * Tasks as a short list for a narrow column, where a table's five columns would not fit: each task's
 * id and title as a link, then its deadline, owner and state.
 */
export function taskList(views: readonly TaskView[], lang: string): Html {
  const t = translator(lang);
  return html`<ul class="app-task-list">${views.map((view) => {
    const { task } = view;
    const deadline = deadlineTime(task, lang);
    return html`<li class="app-task-list__item"><a href="${taskPath(paths, lang, task.id)}">${task.id}: ${localise(task.title, lang, paths.defaultLocale)}</a><p class="app-meta">${deadline && html`${t('task.deadline')}: ${deadline} · `}${ownerLink(task, lang)} ${statusTag(view, lang)}</p></li>`;
  })}</ul>`;
}

/** A meeting as a news item in a list: category, title, date, lead, and what `more` adds. */
export function meetingItem(meeting: MeetingGroup, lang: string, level: 2 | 3 | 4 = 3, more?: Html): Html {
  const t = translator(lang);
  const text = meeting.translations[lang]!;
  return html`<article class="app-news-item"><p class="app-news-item__category"><a href="${pagePath(paths, lang, 'meetings', 'level', meeting.level)}">${t(`level.${meeting.level}`)}</a></p><h${level} class="app-news-item__title"><a href="${meetingPath(paths, lang, meeting.id)}">${text.title}</a></h${level}><p class="app-news-item__date"><time datetime="${meeting.date}">${formatDateTime(meeting.day, toLocalTime(meeting.date), lang)}</time></p><p class="app-news-item__lead">${text.summary}</p>${more}</article>`;
}

/** A meeting's entry in the timeline, with the figures it reported; made once per language, as it is on two pages. */
const timelineEntries = new Map<string, WeakMap<MeetingGroup, Html>>();

function timelineEntry(meeting: MeetingGroup, lang: string): Html {
  let entries = timelineEntries.get(lang);
  if (!entries) timelineEntries.set(lang, (entries = new WeakMap()));
  let entry = entries.get(meeting);
  if (!entry) {
    const t = translator(lang);
    const figures = reportedByMeeting(model).get(meeting.id) ?? [];
    const programmeNumber = (id: string) => model.programmes.find((p) => p.id === id)?.number ?? id;
    const list =
      figures.length > 0 &&
      html`<ul class="app-news-item__figures">${figures.map(
        (f) =>
          html`<li>${programmeNumber(f.programme)}${f.period !== 'cumulative' && ` (${f.period})`}: ${(['completed', 'total', 'on_schedule', 'overdue'] as const)
            .filter((k) => f.figures[k] !== undefined)
            .map((k) => ` ${t(`count.${k}` as UiKey).toLowerCase()} ${formatNumber(f.figures[k]!, lang)}`)
            .join(',')}${f.figures.percent_completed !== undefined && ` (${formatPercent(f.figures.percent_completed, lang)})`}</li>`,
      )}</ul>`;
    entry = meetingItem(meeting, lang, 4, list || undefined);
    entries.set(meeting, entry);
  }
  return entry;
}

/** Meetings by year and month, newest first, with links to each level's own timeline. */
export function meetingTimeline(meetings: readonly MeetingGroup[], lang: string, level?: MeetingGroup['level']): Html {
  const t = translator(lang);
  const filters = [
    { label: t('meetings.all'), href: pagePath(paths, lang, 'meetings'), current: !level },
    ...MEETING_LEVELS.map((l) => ({ label: t(`level.${l}`), href: pagePath(paths, lang, 'meetings', 'level', l), current: l === level })),
  ];
  const years = groupByMonth(meetings);
  return html`<nav class="app-filter" aria-label="${t('meetings.filter')}"><ul>${filters.map((f) => html`<li><a href="${f.href}"${f.current && html` aria-current="page"`}>${f.label}</a></li>`)}</ul></nav>${
    years.length === 0 && html`<p>${t('meetings.none')}</p>`
  }${years.map(
    (year) =>
      html`<section class="app-timeline__year" aria-labelledby="y${year.year}"><h2 id="y${year.year}">${year.year}</h2>${year.months.map(
        (month) =>
          html`<section class="app-timeline__month" aria-labelledby="m${month.month}"><h3 id="m${month.month}">${formatMonth(month.month, lang)}</h3>${month.meetings.map((meeting) => timelineEntry(meeting, lang))}</section>`,
      )}</section>`,
  )}`;
}
