// Small parts of pages, as markup: used by the Astro components of the same name and by the pages
// made without a template.
import { meetingById, model, paths } from '../data/content.ts';
import { changesSinceLastMeeting } from '../lib/changes.ts';
import { html } from '../lib/html.ts';
import type { Html } from '../lib/html.ts';
import { meetingPath, taskPath } from '../lib/paths.ts';
import type { MeetingFigure, TaskView } from '../lib/site-model.ts';
import { taskState } from '../lib/site-views.ts';
import { localise } from '../lib/text.ts';
import { formatDate, formatNumber, formatPercent, translator } from '../i18n/translate.ts';
import type { UiKey } from '../i18n/translate.ts';

/** Where a page is: links up to it, then the page itself. */
export function breadcrumb(lang: string, items: ReadonlyArray<{ label: string; href?: string | undefined }>): Html {
  return html`<nav class="app-breadcrumb" aria-label="${translator(lang)('breadcrumb.label')}"><ol>${items.map((item) => html`<li>${item.href ? html`<a href="${item.href}">${item.label}</a>` : html`<span aria-current="page">${item.label}</span>`}</li>`)}</ol></nav>`;
}

/** A task's state as of the build, and whether it was completed late. */
export function statusTag(view: TaskView, lang: string): Html {
  const t = translator(lang);
  const state = taskState(view);
  const label = {
    completed: t('status.completed'),
    'on-schedule': view.status === 'not-started' ? t('status.not-started') : t('status.in-progress'),
    overdue: t('status.overdue'),
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
  // When the registry holds fewer tasks than were reported, a difference says more about the registry than the report.
  const reportedTotal = figure.figures.total;
  const partial = figure.registry && reportedTotal !== undefined && figure.registry.total < reportedTotal;
  const rows = fields.map(
    (field) =>
      html`<tr><th scope="row">${fieldLabel(field)}</th><td class="app-num">${field === 'percent_completed' ? formatPercent(figure.figures[field]!, lang) : formatNumber(figure.figures[field]!, lang)}</td><td class="app-num">${field !== 'percent_completed' && figure.registry ? formatNumber(figure.registry[field], lang) : '—'}</td></tr>`,
  );
  const differences =
    figure.differences.length > 0 &&
    html`<ul class="app-figure__differences">${figure.differences.map((d) => html`<li>${t('figure.difference', { field: fieldLabel(d.field), reported: formatNumber(d.reported, lang), registry: formatNumber(d.registry, lang) })}</li>`)}</ul>`;
  const coverage = partial && html`<p class="app-meta">${t('figure.coverage', { registry: formatNumber(figure.registry!.total, lang), reported: formatNumber(reportedTotal!, lang) })}</p>`;
  return html`<figure class="app-figure"><div class="app-table-wrap"><table class="app-table"><caption>${caption}</caption><thead><tr><th scope="col">${t('figure.field')}</th><th scope="col">${t('figure.reported')}</th><th scope="col">${t('figure.registry')}</th></tr></thead><tbody>${rows}</tbody></table></div><figcaption><strong class="app-tag app-tag--${result}">${result === 'agrees' ? t('figure.agrees') : result === 'differs' ? t('figure.differs') : t('figure.notComparable')}</strong> ${differences}${coverage}</figcaption></figure>`;
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
  const counts = html`<ul>${lists.map(
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
