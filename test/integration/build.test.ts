// Builds the fixture of a province this project never shipped and checks the data files against
// counts worked out by hand from the contract's counting rules (as of 2025-10-01, see the fixture).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, ROOT, runScript } from '../helpers/run.ts';
import { withProject } from '../helpers/project-lock.ts';
import { builtFixture } from '../helpers/fixture-build.ts';
import { fileDigests, mainText } from '../helpers/built-site.ts';

// This file's builds go to a file system of their own where there is one with room for three sites
// (/dev/shm, in memory): Astro renames files from the project's .astro/ folder into its output, which
// fails across file systems, so the build has Astro write within the project then, and copies the site over.
const shm = existsSync('/dev/shm') ? statfsSync('/dev/shm') : undefined;
const inMemory = shm !== undefined && shm.bavail * shm.bsize > 256 * 2 ** 20;
const work = mkdtempSync(path.join(inMemory ? '/dev/shm' : tmpdir(), 'nq57-build-'));
const outA = path.join(work, 'a', 'dist');
// A second build of the same folder: the one the global setup made for the test files that read it.
const outB = builtFixture('valid').out;

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(outA, file), 'utf8')) as T;
}

let first: ReturnType<typeof runScript>;
/** Astro's list of the images that the content imports. */
const STALE_ASSETS = path.join(ROOT, '.astro/content-assets.mjs');
/** The build's work folder beside the site. */
const workDir = path.join(work, 'a', '.build-tmp');

beforeAll(() => {
  // The first build finds a site in place, and what a stopped build left in its work folder.
  mkdirSync(outA, { recursive: true });
  writeFileSync(path.join(outA, 'marker.txt'), 'the site before');
  const stopped = path.join(workDir, 'site-1', 'meetings');
  mkdirSync(stopped, { recursive: true });
  writeFileSync(path.join(stopped, 'index.html'), 'left by a build that was stopped');
  first = withProject('a build after the dev server', () => {
    // The list of images that the content imports, as the dev server leaves it after previewing
    // another content folder; the global setup's build of the same folder came just before, so no
    // entry of Astro's store changes.
    writeFileSync(STALE_ASSETS, 'import a from "../media/gone.png?astroContentImageFlag=&importer=..%2Fgone%2Fmeetings%2Fa.vi.md";\nexport default new Map([["../media/gone.png", a]]);\n');
    return runScript('build.ts', [], { CONTENT_DIR: fixture('valid'), OUT_DIR: outA });
  });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run build on a content folder the project never saw', () => {
  it('succeeds, also where the dev server left a list of images imported by other content', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(readFileSync(STALE_ASSETS, 'utf8')).not.toContain('gone.png');
    expect(existsSync(path.join(outA, 'index.html'))).toBe(true);
  });

  /** What is in the work folder once the build's background deleting is done. */
  async function afterDeleting(workDir: string): Promise<string[]> {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const names = readdirSync(workDir);
      if (!names.some((name) => name.startsWith('deleting-'))) return names;
    }
    throw new Error(`${workDir} still holds folders to delete a minute after the build`);
  }

  it('replaces the site, keeps the replaced one until the next build, and deletes what a stopped build left, after it', async () => {
    expect(first.status, first.stderr).toBe(0);
    expect(existsSync(path.join(outA, 'marker.txt'))).toBe(false);
    expect(await afterDeleting(workDir)).toEqual(['replaced']);
    expect(readFileSync(path.join(workDir, 'replaced', 'marker.txt'), 'utf8')).toBe('the site before');
    // Share images are placed as links to their cached files, so the site holds the same bytes.
    const share = 'meetings/2025-09-25-hop-quy-3/share.png';
    expect(readFileSync(path.join(outA, share)).equals(readFileSync(path.join(outB, share)))).toBe(true);
    // Linked where the cache (under node_modules/) and the site are on one file system, copied elsewhere.
    for (const out of [outA, outB]) {
      const oneFileSystem = statSync('node_modules').dev === statSync(out).dev;
      expect(statSync(path.join(out, share)).nlink > 1, out).toBe(oneFileSystem);
    }
  });

  it('writes progress.json with the counting rules applied', () => {
    const progress = readJson<any>('data/progress.json');
    expect(progress.as_of).toBe('2025-10-01');
    expect(progress.programmes['kh-12'].registry).toBe('complete');
    expect(progress.programmes['kh-12'].counts).toEqual({ total: 11, completed: 4, on_schedule: 5, overdue: 2, unknown: 0, cancelled: 1, late: 1 });
    expect(progress.programmes['nq-57'].counts).toEqual({ total: 1, completed: 0, on_schedule: 1, overdue: 0, unknown: 0, cancelled: 0, late: 0 });
    // A point at every published meeting date and at the as-of date; the draft's date is not one.
    expect(progress.programmes['kh-12'].series).toEqual([
      { date: '2025-01-13', total: 10, completed: 0, on_schedule: 10, overdue: 0, unknown: 0 },
      { date: '2025-06-15', total: 11, completed: 1, on_schedule: 10, overdue: 0, unknown: 0 },
      { date: '2025-09-25', total: 11, completed: 3, on_schedule: 7, overdue: 1, unknown: 0 },
      { date: '2025-10-01', total: 11, completed: 4, on_schedule: 5, overdue: 2, unknown: 0 },
    ]);
    expect(progress.programmes['nq-57'].series.map((p: any) => p.total)).toEqual([0, 1, 1, 1]);
  });

  it('reconciles every reported figure of published meetings, once per meeting', () => {
    const { reported } = readJson<any>('data/progress.json');
    expect(reported).toEqual([
      {
        meeting: '2025-06-15-hop-quy-2', programme: 'kh-12', scope: 'tinh-mau', period: 'cumulative', as_of: '2025-06-15',
        figures: { total: 11, completed: 1, percent_completed: 9.09 },
        registry: { total: 11, completed: 1, on_schedule: 10, overdue: 0 },
        comparable: true, agrees: true, differences: [],
      },
      {
        meeting: '2025-09-25-hop-quy-3', programme: 'kh-12', scope: 'tinh-mau', period: 'cumulative', as_of: '2025-09-25',
        figures: { total: 11, completed: 4, overdue: 1, percent_completed: 36.36 },
        registry: { total: 11, completed: 3, on_schedule: 7, overdue: 1 },
        comparable: true, agrees: false, differences: [{ field: 'completed', reported: 4, registry: 3 }],
      },
      {
        meeting: '2025-09-25-hop-quy-3', programme: 'kh-12', scope: 'tinh-mau', period: '2025', as_of: '2025-09-25',
        figures: { total: 9, completed: 3, overdue: 1 },
        registry: { total: 9, completed: 3, on_schedule: 5, overdue: 1 },
        comparable: true, agrees: true, differences: [],
      },
      {
        meeting: '2025-09-25-hop-quy-3', programme: 'kh-12', scope: 'tinh-mau', period: '2025-Q3', as_of: '2025-09-25',
        figures: { total: 2, overdue: 1 },
        registry: { total: 2, completed: 0, on_schedule: 1, overdue: 1 },
        comparable: true, agrees: true, differences: [],
      },
      {
        meeting: '2025-09-25-hop-quy-3', programme: 'nq-57', scope: 'national', period: 'cumulative', as_of: '2025-09-25',
        figures: { completed: 485, on_schedule: 561, overdue: 86, percent_completed: 43 },
        registry: null, comparable: false, reason: 'other-scope', agrees: null, differences: [],
      },
    ]);
  });

  it('shows each reported figure beside the registry’s counts, and the registry’s rate worked out from them', () => {
    const text = mainText(readFileSync(path.join(outA, 'reconciliation/index.html'), 'utf8'));
    // 25 September, cumulative: 4 of 11 reported (36.36 %), 3 of 11 in the registry (27.27 %).
    expect(text).toContain('Chỉ tiêu Báo cáo Sổ nhiệm vụ Tổng số 11 11 Hoàn thành 4 3 Quá hạn 1 1 Tỷ lệ hoàn thành 36,36% 27,27%');
    expect(text).toContain('Chỉ tiêu Báo cáo Sổ nhiệm vụ Tổng số 11 11 Hoàn thành 1 1 Tỷ lệ hoàn thành 9,09% 9,09%');
    // Each figure's period named as the portal names it.
    expect(text).toContain('12/KH-UBND · Tỉnh Mẫu · Năm 2025 · tính đến 25/9/2025');
    expect(text).toContain('12/KH-UBND · Tỉnh Mẫu · Quý III/2025 · tính đến 25/9/2025');
  });

  it('writes meetings.json without drafts, translations linked to pages that exist', () => {
    const meetings = readJson<any[]>('data/meetings.json');
    expect(meetings.map((m) => m.id)).toEqual(['2025-09-25-hop-quy-3', '2025-06-15-hop-quy-2', '2025-01-13-national-conference']);
    const q2 = meetings.find((m) => m.id === '2025-06-15-hop-quy-2');
    expect(q2).toMatchObject({ date: '2025-06-15T14:00:00+07:00', level: 'province', tasks: ['K1', 'K2'] });
    expect(Object.keys(q2.translations)).toEqual(['vi', 'en']);
    expect(q2.translations.en.title).toBe('Mau province steering committee meets for Q2');
    expect(meetings.find((m) => m.id === '2025-01-13-national-conference').translations).toEqual({
      en: { title: 'National conference launches Resolution 57', url: '/en/meetings/2025-01-13-national-conference/' },
    });
    for (const meeting of meetings) {
      for (const { url } of Object.values<any>(meeting.translations)) expect(existsSync(path.join(outA, url, 'index.html')), url).toBe(true);
    }
  });

  it('writes tasks.json with derived states, urls and meetings', () => {
    const tasks = readJson<any[]>('data/tasks.json');
    expect(tasks).toHaveLength(14);
    // In the order a reader counts them: K2 before K10.
    expect(tasks.map((t) => t.id)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10', 'K11', 'K12', 'K13', 'N1']);
    const byId = Object.fromEntries(tasks.map((t) => [t.id, t]));
    expect(byId.K2).toMatchObject({ status: 'completed', late: true, overdue: false, on_schedule: false, meetings: ['2025-06-15-hop-quy-2'] });
    expect(byId.K4).toMatchObject({ late: false, overdue: false });
    expect(byId.K5).toMatchObject({ overdue: false, on_schedule: true });
    expect(byId.K6).toMatchObject({ overdue: true, on_schedule: false, meetings: ['2025-09-25-hop-quy-3'] });
    expect(byId.K11).toMatchObject({ status: 'cancelled', overdue: false, on_schedule: false });
    expect(byId.K12).toMatchObject({ overdue: false, on_schedule: false });
    expect(byId.K3.history).toHaveLength(2);
    for (const task of tasks) expect(existsSync(path.join(outA, task.url, 'index.html')), task.url).toBe(true);
  });

  it('writes tasks.csv with a header and one row per task', () => {
    const csv = readFileSync(path.join(outA, 'data/tasks.csv'), 'utf8');
    const rows = csv.trimEnd().split('\r\n');
    // A byte order mark first, so that spreadsheets read UTF-8.
    expect(rows[0]).toBe('\uFEFFid,title_vi,title_en,programme,owner,partners,category,assigned,deadline,status,completed,overdue,late,on_schedule,url,meetings');
    expect(rows).toHaveLength(15);
    expect(rows).toContain('K13,Ứng dụng định danh điện tử,Roll out electronic identity,kh-12,u-noivu,u-khcn;u-ubnd,,2025-06-01,2025-11-30,in-progress,,false,false,true,https://tien-do.tinh-mau.example/tasks/K13/,');
  });

  it('renders one page per meeting per language and one per task per language', () => {
    expect(existsSync(path.join(outA, 'meetings/2025-06-15-hop-quy-2/index.html'))).toBe(true);
    expect(existsSync(path.join(outA, 'en/meetings/2025-06-15-hop-quy-2/index.html'))).toBe(true);
    expect(existsSync(path.join(outA, 'en/meetings/2025-09-25-hop-quy-3/index.html'))).toBe(false);
    expect(existsSync(path.join(outA, 'meetings/2025-09-30-ban-nhap/index.html'))).toBe(false);
    expect(existsSync(path.join(outA, 'en/tasks/K1/index.html'))).toBe(true);
    const page = readFileSync(path.join(outA, 'meetings/2025-09-25-hop-quy-3/index.html'), 'utf8');
    expect(page).toContain('<html lang="vi"');
    expect(page).not.toMatch(/<script[^>]*>[^<]*alert/);
  });

  it('builds the same bytes twice from the same content and as-of date, also into another file system', () => {
    expect(existsSync(path.join(outB, 'index.html'))).toBe(true);
    if (inMemory) expect(statSync(outA).dev).not.toBe(statSync('node_modules').dev);
    expect(fileDigests(outB)).toEqual(fileDigests(outA));
  });

  it('leaves the last good site as it was when the content is invalid, also after a build stopped between the two renames of its swap', async () => {
    writeFileSync(path.join(outA, 'marker.txt'), 'last good site');
    const before = fileDigests(outA);
    // What a build stopped there leaves: dist/ moved to .build-tmp/replaced/ (the one from the
    // build before it having been set aside when it started), and no new site yet.
    const replaced = path.join(workDir, 'replaced');
    rmSync(replaced, { recursive: true, force: true });
    renameSync(outA, replaced);
    const failed = runScript('build.ts', [], { CONTENT_DIR: fixture('invalid'), OUT_DIR: outA });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("tasks/a.yaml:5:11: error: status 'done' không phải một trong các giá trị");
    expect(failed.stderr).toMatch(/build: \d+ lỗi trong nội dung; không dựng trang nào và .* giữ nguyên/);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    expect(fileDigests(outA)).toEqual(before);
    expect(await afterDeleting(workDir)).toEqual([]);
  }, 300_000);
});
