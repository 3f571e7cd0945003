import type { CalendarEvent } from './ical.ts';
import type { SiteModel } from './site-model.ts';
import type { PathContext } from './paths.ts';
import { meetingPath, taskPath } from './paths.ts';
import { localise } from './text.ts';
import { taskState, unitsById } from './site-views.ts';
import type { TaskState } from './site-views.ts';

/** Words the calendar needs, in the reader's language. */
export interface CalendarWords {
  state: (state: TaskState) => string;
  owner: string;
  meeting: string;
}

/** A deadline event, with the units whose calendars show it. */
export interface UnitsEvent extends CalendarEvent {
  /** The task's owner; for a direction, the owners of the tasks it names. */
  units: string[];
}

/** Deadline events of tasks, and of meetings' directions: all of them, each with its units, in date order. */
export function deadlineEvents(model: SiteModel, ctx: PathContext, lang: string, words: CalendarWords): UnitsEvent[] {
  const host = new URL(model.site.url).host;
  const absolute = (path: string) => new URL(path, model.site.url).href;
  const L = (text: Parameters<typeof localise>[0]) => localise(text, lang, ctx.defaultLocale);
  const units = unitsById(model);
  const owners = new Map(model.tasks.map((v) => [v.task.id, v.task.owner]));
  const programmes = new Map(model.programmes.map((p) => [p.id, p.number]));
  const events: UnitsEvent[] = [];
  for (const view of model.tasks) {
    const { task } = view;
    if (!task.deadline) continue;
    events.push({
      uid: `task-${task.id}@${host}`,
      date: task.deadline,
      summary: `${task.id}: ${L(task.title)}`,
      description: `${words.owner}: ${L(units.get(task.owner)?.name)}. ${words.state(taskState(view))}.`,
      url: absolute(taskPath(ctx, lang, task.id)),
      categories: [programmes.get(task.programme) ?? task.programme],
      units: [task.owner],
    });
  }
  for (const meeting of model.meetings) {
    const shown = meeting.langs.includes(lang) ? lang : meeting.langs[0]!;
    const translation = meeting.translations[shown]!;
    translation.directions?.forEach((direction, i) => {
      if (!direction.deadline) return;
      events.push({
        uid: `direction-${meeting.id}-${i + 1}@${host}`,
        date: direction.deadline,
        summary: direction.text,
        description: `${words.meeting}: ${translation.title}`,
        url: absolute(meetingPath(ctx, shown, meeting.id)),
        units: [...new Set((direction.tasks ?? []).map((id) => owners.get(id)).filter((owner) => owner !== undefined))],
      });
    });
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1));
}
