import { model, paths } from './content.ts';
import { buildCalendar } from '../lib/ical.ts';
import { deadlineEvents } from '../lib/calendar-events.ts';
import type { UnitsEvent } from '../lib/calendar-events.ts';
import { TASK_STATE_KEYS } from '../lib/site-views.ts';
import { localise } from '../lib/text.ts';
import { translator } from '../i18n/translate.ts';

/** Every deadline event in one language, worked out once for the main calendar and every unit's. */
const eventsIn = new Map<string, UnitsEvent[]>();

/** The deadlines calendar in one language, for one unit or for all. */
export function calendarFile(lang: string, unit?: string): Response {
  const t = translator(lang);
  let all = eventsIn.get(lang);
  if (!all) eventsIn.set(lang, (all = deadlineEvents(model, paths, lang, { state: (s) => t(TASK_STATE_KEYS[s]), owner: t('task.owner'), meeting: t('nav.meetings') })));
  const events = unit ? all.filter((event) => event.units.includes(unit)) : all;
  const unitName = unit ? localise(model.units.find((u) => u.id === unit)?.name, lang, paths.defaultLocale) : undefined;
  const name = `${localise(model.site.name, lang, paths.defaultLocale)}: ${t('calendar.title')}${unitName ? ` (${unitName})` : ''}`;
  const body = buildCalendar({ name, prodId: `-//${new URL(model.site.url).host}//nq57//${lang.toUpperCase()}`, stamp: model.asOf, events });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
