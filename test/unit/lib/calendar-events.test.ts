import { describe, expect, it } from 'vitest';
import { deadlineEvents } from '../../../src/lib/calendar-events.ts';
import { makeMeeting, makeModel, makeTask, makeUnit } from './charts/model-factory.ts';

const words = { state: (s: string) => s, owner: 'Đơn vị', meeting: 'Cuộc họp' };
const ctx = { base: '/', defaultLocale: 'vi' };

describe(deadlineEvents, () => {
  const model = makeModel({
    units: [makeUnit(), makeUnit({ id: 'so-noivu', name: 'Sở Nội vụ' })],
    tasks: [
      makeTask({ id: 'K1', deadline: '2025-06-30' }),
      makeTask({ id: 'K2', deadline: '2025-12-31', owner: 'so-noivu' }),
    ],
    meetings: [
      makeMeeting({
        date: '2025-06-15',
        title: 'Họp quý II',
        tasks: ['K1', 'K2'],
        directions: [
          { text: 'Hoàn thành K1.', tasks: ['K1'], deadline: '2025-06-30' },
          { text: 'Hoàn thành K1 và K2.', tasks: ['K1', 'K2'], deadline: '2025-06-30' },
          { text: 'Báo cáo.', deadline: '2025-07-15' },
        ],
      }),
    ],
  });
  const events = deadlineEvents(model, ctx, 'vi', words);

  it('lists a deadline once: a direction due the day of the task it names is said in the task event', () => {
    const onThe30th = events.filter((e) => e.date === '2025-06-30');
    expect(onThe30th.map((e) => e.uid)).toEqual(['direction-2025-06-15-hop-2@x.example', 'task-K1@x.example']);
    const task = onThe30th.find((e) => e.uid.startsWith('task-'))!;
    expect(task.description).toContain('Cuộc họp: Họp quý II: Hoàn thành K1.');
    expect(task.description).toContain('Cuộc họp: Họp quý II: Hoàn thành K1 và K2.');
  });

  it('keeps a direction for the units whose task is due another day, and one naming no task', () => {
    expect(events.find((e) => e.uid === 'direction-2025-06-15-hop-2@x.example')!.units).toEqual(['so-noivu']);
    expect(events.find((e) => e.uid === 'direction-2025-06-15-hop-3@x.example')!.units).toEqual([]);
    expect(events.some((e) => e.uid === 'direction-2025-06-15-hop-1@x.example')).toBe(false);
  });
});
