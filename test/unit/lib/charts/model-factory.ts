import type { Meeting, Programme, Site, Task, Unit } from '../../../../src/schemas/index.ts';
import { buildSiteModel } from '../../../../src/lib/site-model.ts';
import type { SiteInput, SiteModel } from '../../../../src/lib/site-model.ts';

/** The site of every test model: jurisdiction `tinh-mau`, Vietnamese first. */
export function makeSite(overrides: Partial<Site> = {}): Site {
  return {
    name: 'Tiến độ Nghị quyết 57',
    publisher: 'Văn phòng Ban Chỉ đạo',
    jurisdiction: { id: 'tinh-mau', name: 'Tỉnh Mẫu' },
    url: 'https://x.example',
    locales: ['vi', 'en'],
    ...overrides,
  };
}

/** A programme of the province: id `ctr-97`. */
export function makeProgramme(overrides: Partial<Programme> = {}): Programme {
  return { id: 'ctr-97', title: 'Chương trình hành động 97', number: '97-CTr/TU', issuer: 'Tỉnh ủy', scope: 'tinh-mau', registry: 'complete', ...overrides };
}

/** A unit: id `so-khcn`. */
export function makeUnit(overrides: Partial<Unit> = {}): Unit {
  return { id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', ...overrides };
}

/** A registry task: id `T-1` of `ctr-97`, owned by `so-khcn`, in progress. */
export function makeTask(overrides: Partial<Task> = {}): Task {
  return { id: 'T-1', title: 'Nhiệm vụ', programme: 'ctr-97', owner: 'so-khcn', status: 'in-progress', ...overrides };
}

/** A published province meeting in Vietnamese, with its id taken from its date unless given. */
export function makeMeeting(
  data: Partial<Meeting> & { date: string },
  options: { id?: string; lang?: string } = {},
): SiteInput['meetings'][number] {
  return {
    id: options.id ?? `${data.date.slice(0, 10)}-hop`,
    lang: options.lang ?? 'vi',
    data: { title: 'Họp Ban Chỉ đạo', summary: 'Tóm tắt', level: 'province', ...data },
  };
}

/** The parts of a model's input; each defaults to one programme, one unit and nothing else. */
export interface ModelParts {
  site?: Site;
  programmes?: Programme[];
  units?: Unit[];
  tasks?: Task[];
  meetings?: SiteInput['meetings'];
}

/** A site model built by `buildSiteModel` from small parts, as of `asOf`. */
export function makeModel(parts: ModelParts = {}, asOf = '2025-10-01'): SiteModel {
  return buildSiteModel(
    {
      site: parts.site ?? makeSite(),
      programmes: parts.programmes ?? [makeProgramme()],
      units: parts.units ?? [makeUnit()],
      tasks: parts.tasks ?? [],
      meetings: parts.meetings ?? [],
    },
    asOf,
  );
}

/**
 * A small province, as of 2025-10-01. Programme `ctr-97` (province): total 7, completed 2, on schedule 4,
 * overdue 1, cancelled 1, and one task (K) not yet assigned. Programme `nq-57` (national): 2 on schedule.
 * Province meetings on 2025-08-20 and 2025-09-25, a national one on 2025-09-10. Between the two province
 * meetings B was completed, C became overdue and E was added.
 */
export function scenarioModel(asOf = '2025-10-01'): SiteModel {
  const assigned = '2025-01-15';
  return makeModel(
    {
      programmes: [makeProgramme(), makeProgramme({ id: 'nq-57', number: '57-NQ/TW', issuer: 'Bộ Chính trị', scope: 'national' })],
      units: [makeUnit({ id: 'so-tttt' }), makeUnit({ id: 'so-khcn' }), makeUnit({ id: 'so-noi-vu' })],
      tasks: [
        makeTask({ id: 'A', assigned, category: 'institutions', status: 'completed', completed: '2025-03-10', deadline: '2025-06-30' }),
        makeTask({ id: 'B', assigned, owner: 'so-tttt', category: 'data', status: 'completed', completed: '2025-09-20', deadline: '2025-12-31' }),
        makeTask({ id: 'C', assigned, category: 'data', deadline: '2025-09-15' }),
        makeTask({ id: 'D', assigned, owner: 'so-tttt', status: 'not-started', deadline: '2025-10-01' }),
        makeTask({ id: 'E', assigned: '2025-09-01', category: 'infrastructure', deadline: '2025-10-31' }),
        makeTask({ id: 'F', assigned, owner: 'so-tttt', deadline: '2025-11-01' }),
        makeTask({ id: 'G', assigned, owner: 'so-noi-vu', category: 'institutions', status: 'cancelled', deadline: '2025-08-31' }),
        makeTask({ id: 'H', programme: 'nq-57', owner: 'so-tttt', deadline: '2026-09-30' }),
        makeTask({ id: 'I', programme: 'nq-57', deadline: '2026-10-01' }),
        makeTask({ id: 'J', assigned }),
        makeTask({ id: 'K', assigned: '2025-11-01', owner: 'so-tttt', deadline: '2025-12-15' }),
      ],
      meetings: [
        makeMeeting({
          date: '2025-08-20',
          reported: [
            { programme: 'ctr-97', completed: 1, total: 7, percent_completed: 14.29 },
            { programme: 'nq-57', scope: 'national', completed: 30, total: 100 },
          ],
        }),
        makeMeeting(
          { date: '2025-09-10', level: 'national', reported: [{ programme: 'nq-57', scope: 'national', as_of: '2025-09-05', completed: 40, total: 100 }] },
          { id: '2025-09-10-hop-toan-quoc' },
        ),
        makeMeeting({
          date: '2025-09-25T14:00:00+07:00',
          reported: [
            { programme: 'ctr-97', completed: 2, total: 8, percent_completed: 25 },
            { programme: 'ctr-97', period: '2025-Q3', completed: 1, total: 3 },
            { programme: 'nq-57', scope: 'national', percent_completed: 43.1 },
            { programme: 'ctr-97', scope: 'tinh-khac', completed: 9, total: 10 },
          ],
        }),
        makeMeeting({ date: '2025-09-25T14:00:00+07:00', title: 'Steering Committee meeting', summary: 'Summary' }, { id: '2025-09-25-hop', lang: 'en' }),
      ],
    },
    asOf,
  );
}
