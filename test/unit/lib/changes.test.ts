import { describe, expect, it } from 'vitest';
import { changesSinceLastMeeting, previousMeetingOfLevel } from '../../../src/lib/changes.ts';
import { makeMeeting, makeModel, makeTask, scenarioModel } from './charts/model-factory.ts';
import { existsOn, isOverdue, statusOn } from '../../../src/lib/progress.ts';
import { dayOf2025, randomTasks } from './factories.ts';

describe(previousMeetingOfLevel, () => {
  it('skips meetings of another level', () => {
    const model = scenarioModel();
    const latest = model.meetings.find((m) => m.id === '2025-09-25-hop')!;
    expect(previousMeetingOfLevel(model, latest)?.id).toBe('2025-08-20-hop');
    const national = model.meetings.find((m) => m.id === '2025-09-10-hop-toan-quoc')!;
    expect(previousMeetingOfLevel(model, national)).toBeUndefined();
  });
});

describe(changesSinceLastMeeting, () => {
  it('has nothing to compare for the first meeting of a level', () => {
    const model = scenarioModel();
    expect(changesSinceLastMeeting(model, '2025-08-20-hop')).toEqual({ meeting: '2025-08-20-hop', previous: null });
    // A province meeting came before, but no national one.
    expect(changesSinceLastMeeting(model, '2025-09-10-hop-toan-quoc')).toEqual({ meeting: '2025-09-10-hop-toan-quoc', previous: null });
  });

  it('lists what the registry and the figures moved since the previous meeting of the same level', () => {
    expect(changesSinceLastMeeting(scenarioModel(), '2025-09-25-hop')).toEqual({
      meeting: '2025-09-25-hop',
      previous: { id: '2025-08-20-hop', date: '2025-08-20', day: '2025-08-20' },
      from: '2025-08-20',
      to: '2025-09-25',
      // B was completed on 2025-09-20; A long before.
      completed: ['B'],
      // C's deadline was 2025-09-15; G's (2025-08-31) passed too, but it is cancelled.
      becameOverdue: ['C'],
      // E was assigned on 2025-09-01; K only on 2025-11-01.
      added: ['E'],
      figures: [
        {
          programme: 'ctr-97',
          scope: 'tinh-khac',
          period: 'cumulative',
          as_of: '2025-09-25',
          previousAsOf: null,
          changes: [],
        },
        {
          programme: 'ctr-97',
          scope: 'tinh-mau',
          period: '2025-Q3',
          as_of: '2025-09-25',
          previousAsOf: null,
          changes: [],
        },
        {
          programme: 'ctr-97',
          scope: 'tinh-mau',
          period: 'cumulative',
          as_of: '2025-09-25',
          previousAsOf: '2025-08-20',
          changes: [
            { field: 'total', previous: 7, current: 8, delta: 1 },
            { field: 'completed', previous: 1, current: 2, delta: 1 },
            // Not 10.710000000000001.
            { field: 'percent_completed', previous: 14.29, current: 25, delta: 10.71 },
          ],
        },
        {
          // The previous province meeting stated counts and this one a percentage only: nothing in common.
          programme: 'nq-57',
          scope: 'national',
          period: 'cumulative',
          as_of: '2025-09-25',
          previousAsOf: '2025-08-20',
          changes: [],
        },
      ],
    });
  });

  it('counts a completion on the meeting day and not one on the previous meeting’s day', () => {
    const model = makeModel({
      tasks: [
        makeTask({ id: 'on-d1', status: 'completed', completed: '2025-09-25' }),
        makeTask({ id: 'on-d0', status: 'completed', completed: '2025-08-20' }),
        makeTask({ id: 'after-d1', status: 'completed', completed: '2025-09-26' }),
      ],
      meetings: [makeMeeting({ date: '2025-08-20' }), makeMeeting({ date: '2025-09-25' })],
    });
    const changes = changesSinceLastMeeting(model, '2025-09-25-hop');
    expect(changes.previous).not.toBeNull();
    if (changes.previous === null) return;
    expect(changes.completed).toEqual(['on-d1']);
  });

  it('counts a task overdue from the day after its deadline, and not one completed before the meeting', () => {
    const model = makeModel({
      tasks: [
        makeTask({ id: 'z-overdue', deadline: '2025-09-24' }),
        makeTask({ id: 'a-overdue', status: 'not-started', deadline: '2025-08-21' }),
        makeTask({ id: 'due-on-d1', deadline: '2025-09-25' }),
        makeTask({ id: 'already', deadline: '2025-08-19' }),
        makeTask({ id: 'rescued', status: 'completed', completed: '2025-09-10', deadline: '2025-09-01' }),
      ],
      meetings: [makeMeeting({ date: '2025-08-20' }), makeMeeting({ date: '2025-09-25' })],
    });
    const changes = changesSinceLastMeeting(model, '2025-09-25-hop');
    if (changes.previous === null) throw new Error('expected a previous meeting');
    expect(changes.becameOverdue).toEqual(['a-overdue', 'z-overdue']);
    expect(changes.completed).toEqual(['rescued']);
  });

  it('lists added tasks in id order, assigned after the previous meeting and by this one', () => {
    const model = makeModel({
      tasks: [
        makeTask({ id: 'b', assigned: '2025-09-25' }),
        makeTask({ id: 'a', assigned: '2025-08-21', status: 'cancelled' }),
        makeTask({ id: 'before', assigned: '2025-08-20' }),
        makeTask({ id: 'undated' }),
      ],
      meetings: [makeMeeting({ date: '2025-08-20' }), makeMeeting({ date: '2025-09-25' })],
    });
    const changes = changesSinceLastMeeting(model, '2025-09-25-hop');
    if (changes.previous === null) throw new Error('expected a previous meeting');
    expect(changes.added).toEqual(['a', 'b']);
  });

  it('compares with the previous meeting’s latest figure of the same programme, scope and period', () => {
    const model = makeModel({
      meetings: [
        makeMeeting({
          date: '2025-08-20',
          reported: [
            { programme: 'ctr-97', as_of: '2025-08-15', completed: 3, overdue: 2 },
            { programme: 'ctr-97', as_of: '2025-06-30', completed: 1, overdue: 0 },
            { programme: 'ctr-97', period: 2025, completed: 9 },
          ],
        }),
        makeMeeting({ date: '2025-09-25', reported: [{ programme: 'ctr-97', completed: 5, overdue: 1, on_schedule: 4 }] }),
      ],
    });
    const changes = changesSinceLastMeeting(model, '2025-09-25-hop');
    if (changes.previous === null) throw new Error('expected a previous meeting');
    expect(changes.figures).toEqual([
      {
        programme: 'ctr-97',
        scope: 'tinh-mau',
        period: 'cumulative',
        as_of: '2025-09-25',
        previousAsOf: '2025-08-15',
        changes: [
          { field: 'completed', previous: 3, current: 5, delta: 2 },
          { field: 'overdue', previous: 2, current: 1, delta: -1 },
        ],
      },
    ]);
  });

  it('takes the meeting just before on the same day, by time', () => {
    const model = makeModel({
      meetings: [
        makeMeeting({ date: '2025-09-25T08:00:00+07:00' }, { id: 'morning' }),
        makeMeeting({ date: '2025-09-25T15:00:00+07:00' }, { id: 'afternoon' }),
      ],
    });
    expect(changesSinceLastMeeting(model, 'afternoon')).toMatchObject({ previous: { id: 'morning' }, from: '2025-09-25', to: '2025-09-25', completed: [] });
    expect(changesSinceLastMeeting(model, 'morning').previous).toBeNull();
  });

  it('rejects a meeting that is not published', () => {
    const model = makeModel({ meetings: [makeMeeting({ date: '2025-09-25', draft: true })] });
    expect(() => changesSinceLastMeeting(model, '2025-09-25-hop')).toThrow(RangeError);
  });

  it('is plain JSON', () => {
    const changes = changesSinceLastMeeting(scenarioModel(), '2025-09-25-hop');
    expect(JSON.parse(JSON.stringify(changes))).toEqual(changes);
  });
});

describe('changesSinceLastMeeting over many tasks', () => {
  // The registry lists are worked out from the tasks with an event between the two meetings; this
  // compares them with the plain reading of every task on both days.
  it('lists the same tasks as reading every task on both days', () => {
    const { tasks, next } = randomTasks(300, 7, makeTask);
    const day = dayOf2025;
    const meetings = Array.from({ length: 40 }, (_, i) => makeMeeting({ date: day(i * 8 + next(3)), level: next(3) === 0 ? 'national' : 'province' }, { id: `m-${i}` }));
    const model = makeModel({ tasks, meetings });
    let compared = 0;
    for (const meeting of model.meetings) {
      const changes = changesSinceLastMeeting(model, meeting.id);
      if (!changes.previous) continue;
      const { from, to } = changes;
      const all = model.tasks.map((v) => v.task);
      const ids = (keep: (t: (typeof all)[number]) => boolean) => all.filter(keep).map((t) => t.id).sort();
      expect(changes.completed).toEqual(ids((t) => statusOn(t, from) !== 'completed' && statusOn(t, to) === 'completed'));
      expect(changes.becameOverdue).toEqual(ids((t) => isOverdue(t, to) && !isOverdue(t, from)));
      expect(changes.added).toEqual(ids((t) => existsOn(t, to) && !existsOn(t, from)));
      compared += changes.completed.length + changes.becameOverdue.length + changes.added.length;
    }
    // The random registry must have given something to compare.
    expect(compared).toBeGreaterThan(20);
  });
});
