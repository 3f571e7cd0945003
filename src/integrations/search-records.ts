// The search index's records, written by the build as a file that the search-index integration
// reads and removes once the pages are written: every meeting and task, in each language, from the
// same content and as-of date as the pages.
import type { APIRoute } from 'astro';
import { meetingFiles, model, paths } from '../data/content.ts';
import { toSearchRecords } from '../lib/search-records.ts';
import { TASK_STATE_KEYS, taskState, taskViewsById } from '../lib/site-views.ts';
import { translator } from '../i18n/translate.ts';
import type { UiKey } from '../i18n/translate.ts';

export const prerender = true;

export const GET: APIRoute = () => {
  const bodies = new Map([...meetingFiles].map(([id, entry]) => [id, entry.rendered?.html ?? '']));
  const views = taskViewsById(model);
  const records = toSearchRecords(model, paths, bodies, (lang) => {
    const t = translator(lang);
    return {
      meeting: t('search.meeting'),
      task: t('search.task'),
      level: (level) => t(`level.${level}` as UiKey),
      status: (id) => t(TASK_STATE_KEYS[taskState(views.get(id)!)]),
    };
  });
  return new Response(JSON.stringify(records));
};
