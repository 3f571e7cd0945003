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

/**
 * Deadline events of tasks, and of meetings' directions: all of them, each with its units, in date
 * order. A direction due on the deadline of every task it names is no event of its own: each of
 * those tasks' events says it.
 */
export function deadlineEvents(model: SiteModel, ctx: PathContext, lang: string, words: CalendarWords): UnitsEvent[] {
  const host = new URL(model.site.url).host;
  const absolute = (path: string) => new URL(path, model.site.url).href;
  const L = (text: Parameters<typeof localise>[0]) => localise(text, lang, ctx.defaultLocale);
  const units = unitsById(model);
  const byId = new Map(model.tasks.map((v) => [v.task.id, v.task]));
  const programmes = new Map(model.programmes.map((p) => [p.id, p.number]));
  const events: UnitsEvent[] = [];
  const taskEvents = new Map<string, UnitsEvent>();
  for (const view of model.tasks) {
    const { task } = view;
    if (!task.deadline) continue;
    const event: UnitsEvent = {
      uid: `task-${task.id}@${host}`,
      date: task.deadline,
      summary: `${task.id}: ${L(task.title)}`,
      description: `${words.owner}: ${L(units.get(task.owner)?.name)}. ${words.state(taskState(view))}.`,
      url: absolute(taskPath(ctx, lang, task.id)),
      categories: [programmes.get(task.programme) ?? task.programme],
      units: [task.owner],
    };
    events.push(event);
    taskEvents.set(task.id, event);
  }
  for (const meeting of model.meetings) {
    const shown = meeting.langs.includes(lang) ? lang : meeting.langs[0]!;
    const translation = meeting.translations[shown]!;
    translation.directions?.forEach((direction, i) => {
      if (!direction.deadline) return;
      // A direction due the same day as a task it names is that task's deadline: it is said in the
      // task's event, not listed a second time.
      const linked = (direction.tasks ?? []).filter((id) => byId.has(id));
      const same = linked.filter((id) => byId.get(id)!.deadline === direction.deadline);
      for (const id of same) taskEvents.get(id)!.description += `\n${words.meeting}: ${translation.title}: ${direction.text}`;
      if (linked.length > 0 && same.length === linked.length) return;
      events.push({
        uid: `direction-${meeting.id}-${i + 1}@${host}`,
        date: direction.deadline,
        summary: direction.text,
        description: `${words.meeting}: ${translation.title}`,
        url: absolute(meetingPath(ctx, shown, meeting.id)),
        units: [...new Set(linked.filter((id) => !same.includes(id)).map((id) => byId.get(id)!.owner))],
      });
    });
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1));
}
