import { model, paths } from './content.ts';
import { buildCalendar } from '../lib/ical.ts';
import { deadlineEvents } from '../lib/calendar-events.ts';
import { TASK_STATE_KEYS } from '../lib/site-views.ts';
import { localise } from '../lib/text.ts';
import { translator } from '../i18n/translate.ts';

/** The deadlines calendar in one language, for one unit or for all. */
export function calendarFile(lang: string, unit?: string): Response {
  const t = translator(lang);
  const unitName = unit ? localise(model.units.find((u) => u.id === unit)?.name, lang, paths.defaultLocale) : undefined;
  const name = `${localise(model.site.name, lang, paths.defaultLocale)}: ${t('calendar.title')}${unitName ? ` (${unitName})` : ''}`;
  const events = deadlineEvents(model, paths, lang, { state: (s) => t(TASK_STATE_KEYS[s]), owner: t('task.owner'), meeting: t('nav.meetings') }, unit);
  const body = buildCalendar({ name, prodId: `-//${new URL(model.site.url).host}//nq57//${lang.toUpperCase()}`, stamp: model.asOf, events });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
