// Small parts of pages, as markup: used by the Astro components of the same name and by the pages
// made without a template.
import { html } from '../lib/html.ts';
import type { Html } from '../lib/html.ts';
import type { TaskView } from '../lib/site-model.ts';
import { taskState } from '../lib/site-views.ts';
import { translator } from '../i18n/translate.ts';

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
