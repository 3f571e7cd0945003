// A province whose registry holds only the tasks its sources name, with tasks whose status no source
// reports: every figure below is worked out by hand from test/fixtures/content/partial.
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, ROOT, runScript } from '../helpers/run.ts';
import { withProject } from '../helpers/project-lock.ts';
import { builtFixture } from '../helpers/fixture-build.ts';
import { mainText as pageText } from '../helpers/built-site.ts';
import { ProgressJsonSchema } from '../../src/schemas/outputs.ts';
import { ElementKinds, axeContext, axeViolations, launchBrowser, progress } from '../helpers/browser.ts';
import { serve } from '../helpers/serve.ts';

const work = mkdtempSync(path.join(tmpdir(), 'nq57-partial-'));
const { out, read } = builtFixture('partial');
/** The visible text of a built page's main element. */
const mainText = (file: string) => pageText(read(file));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('progress.json of a partial registry with unknown statuses', () => {
  it('counts unknown tasks apart and in the total, and marks the registry partial', () => {
    const progress = ProgressJsonSchema.parse(JSON.parse(read('data/progress.json')));
    const point = { total: 6, completed: 1, on_schedule: 2, overdue: 0, unknown: 3 };
    expect(progress.programmes['ctr-9']).toEqual({
      registry: 'partial',
      counts: { ...point, cancelled: 0, late: 0 },
      series: [
        { date: '2025-05-08', ...point },
        { date: '2025-09-18', ...point },
        { date: '2025-10-01', ...point },
      ],
    });
    expect(progress.programmes['nq-1']?.registry).toBe('complete');
  });

  it('never compares a reported figure with a partial registry, nor one of another scope', () => {
    const progress = ProgressJsonSchema.parse(JSON.parse(read('data/progress.json')));
    expect(progress.reported).toEqual([
      {
        meeting: '2025-09-18-phien-hop',
        programme: 'ctr-9',
        scope: 'tinh-mau',
        period: 'cumulative',
        as_of: '2025-09-18',
        figures: { total: 123, completed: 66, percent_completed: 53.66 },
        registry: { total: 6, completed: 1, on_schedule: 2, overdue: 0 },
        comparable: false,
        reason: 'partial-registry',
        agrees: null,
        differences: [],
      },
      {
        meeting: '2025-09-18-phien-hop',
        programme: 'nq-1',
        scope: 'national',
        period: 'cumulative',
        as_of: '2025-09-18',
        figures: { completed: 485, on_schedule: 561, overdue: 86, percent_completed: 43 },
        registry: null,
        comparable: false,
        reason: 'other-scope',
        agrees: null,
        differences: [],
      },
    ]);
  });
});

describe('pages of a partial registry', () => {
  it('lead the home page with the reported figure, and give the registry as published tasks, never as a percentage', () => {
    const vi = mainText('index.html');
    expect(vi).toContain('Số liệu báo cáo gần nhất 66/123 (53,66%)');
    expect(vi).toContain('6 nhiệm vụ đã công khai trong tổng số 123 được báo cáo');
    expect(vi).toContain('không phải tiến độ của chương trình');
    // 1 of 6 published tasks completed would be 16,67%: no such share, and no "1/6", anywhere.
    expect(vi).not.toMatch(/16[,.]67|1\/6\b/);
    expect(vi).not.toContain('Theo sổ nhiệm vụ');
    const en = mainText('en/index.html');
    expect(en).toContain('6 tasks published of the 123 reported');
    expect(en).not.toMatch(/16[,.]67|1\/6\b/);
  });

  it('say on every page that lists or counts the registry that it is incomplete', () => {
    for (const page of ['tasks/index.html', 'tasks/status/unknown/index.html', 'units/index.html', 'charts/index.html']) {
      expect(mainText(page), page).toContain('Chương trình có sổ nhiệm vụ chưa đầy đủ: 9-CTr/TU');
      expect(mainText(page), page).toContain('Sổ nhiệm vụ của chương trình nêu trên chỉ gồm những nhiệm vụ được nguồn tin công khai nêu tên.');
    }
    expect(mainText('programmes/ctr-9/index.html')).toContain('Sổ nhiệm vụ chưa đầy đủ: chỉ gồm những nhiệm vụ được nguồn tin công khai nêu tên.');
    expect(mainText('en/tasks/index.html')).toContain('Such a registry holds only the tasks that public sources name.');
  });

  it('give the deadlines of the published tasks as such', () => {
    // D and E are in progress, due 31/12/2025 and 30/6/2026 (the one that no source backs is still the registry's).
    expect(mainText('index.html')).toMatch(/Hạn sắp tới Chỉ gồm những nhiệm vụ đã công khai; sổ nhiệm vụ chưa đầy đủ\. .*31\/12\/2025/);
    expect(mainText('en/index.html')).toContain('Upcoming deadlines Only the tasks published so far; the registry is incomplete.');
    expect(mainText('charts/index.html')).toContain('Nhiệm vụ đã công khai đến hạn trong 12 tháng tới (sổ nhiệm vụ chưa đầy đủ)');
  });

  it('count each unit’s published tasks under a heading that says so', () => {
    expect(mainText('units/index.html')).toContain('Nhiệm vụ đã công khai theo đơn vị chủ trì, tính đến 1/10/2025 (sổ nhiệm vụ chưa đầy đủ)');
    expect(mainText('en/units/index.html')).toContain('Published tasks by lead unit, as of 1 Oct 2025 (the registry is incomplete)');
    expect(mainText('units/so-khcn/index.html')).toMatch(/Nhiệm vụ đã công khai, tính đến 1\/10\/2025 Tổng số 3 /);
  });

  it('say that no published task is overdue, not that none is', () => {
    const overdue = mainText('tasks/status/overdue/index.html');
    expect(overdue).toContain('Chưa có nhiệm vụ đã công khai nào. Sổ nhiệm vụ chưa đầy đủ, nên điều này không có nghĩa là không có nhiệm vụ nào.');
    expect(overdue).not.toContain('Không có nhiệm vụ nào.');
    expect(mainText('en/tasks/status/overdue/index.html')).toContain('No published task yet. The registry is incomplete, so this does not mean there is none.');
    // A complete programme's own list, beside a partial one's, says plainly that it has none.
    expect(mainText('programmes/nq-1/index.html')).toContain('Không có nhiệm vụ nào.');
  });

  it('say "not comparable" with the reason on the reconciliation page, never "differs"', () => {
    const vi = mainText('reconciliation/index.html');
    expect(vi).toContain('0 khớp · 0 khác · 2 không so sánh được');
    expect(vi).toContain('Không so sánh được : sổ nhiệm vụ của chương trình này chỉ gồm những nhiệm vụ được nguồn tin công khai nêu tên');
    expect(vi).toContain('Không so sánh được : số liệu thuộc phạm vi khác');
    // A figure the registry cannot check is shown alone, without a column of the registry's counts.
    expect(vi).toContain('Chỉ tiêu Báo cáo Tổng số 123 Hoàn thành 66 Tỷ lệ hoàn thành 53,66%');
    expect(read('reconciliation/index.html')).not.toContain('<th scope="col">Sổ nhiệm vụ</th>');
    expect(read('reconciliation/index.html')).not.toContain('app-tag--differs');
  });

  it('show an unknown status with its own tag, and where a status was reported', () => {
    const b = read('tasks/B/index.html');
    expect(b).toContain('<strong class="app-tag app-tag--unknown">Chưa có thông tin</strong>');
    expect(b).not.toContain('app-tag--overdue');
    expect(mainText('tasks/D/index.html')).toContain('theo báo cáo tại cuộc họp ngày 18/9/2025');
    expect(mainText('en/tasks/D/index.html')).toContain('as reported at the meeting of 18 Sep 2025');
    expect(mainText('tasks/E/index.html')).toContain('chưa có nguồn cho tình trạng này');
    expect(mainText('tasks/A/index.html')).toContain('Hoàn thành theo https://tin-tuc.tinh-mau.example/a ·');
    expect(mainText('tasks/status/unknown/index.html')).toMatch(/B: Nhiệm vụ B|Nhiệm vụ B/);
  });

  it('list the meetings\' directions with their follow-up', () => {
    const vi = mainText('directions/index.html');
    expect(vi).toContain('3 chỉ đạo từ 1 cuộc họp');
    expect(vi).toContain('Hoàn thiện dữ liệu dân cư phục vụ dịch vụ công. Theo dõi thực hiện: 30/9/2025 : Sở Khoa học và Công nghệ báo cáo đã làm sạch 80% dữ liệu. ( Cổng thông tin tỉnh Mẫu )');
    expect(mainText('meetings/2025-09-18-phien-hop/index.html')).toContain('Trong số những nhiệm vụ đã công khai của sổ nhiệm vụ:');
    expect(mainText('meetings/2025-09-18-phien-hop/index.html')).toContain('30/9/2025 : Sở Khoa học và Công nghệ báo cáo đã làm sạch 80% dữ liệu.');
    expect(vi).toContain('Tiếp tục thực hiện nhiệm vụ D. Theo dõi thực hiện: D: Nhiệm vụ D Đang thực hiện');
    expect(vi).toContain('Rà soát danh mục nhiệm vụ phân cấp cho cấp xã. Theo dõi thực hiện: Chưa có thông tin về việc thực hiện.');
    expect(mainText('en/directions/index.html')).toContain('Review the list of tasks to decentralise to communes. Follow-up: No information on follow-up.');
  });
});

describe('validating a partial registry', () => {
  it('warns, at the line, of a status or a deadline that no source backs', () => {
    const result = runScript('validate.ts', [], { CONTENT_DIR: fixture('partial') });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n').filter((line) => line.includes('tasks/ctr-9.yaml'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^tasks\/ctr-9\.yaml:38:11: warning: .*in-progress/);
    expect(lines[1]).toMatch(/^tasks\/ctr-9\.yaml:43:13: warning: .*2026-06-30/);
  });
});

describe('a partial registry that names no task yet', () => {
  it('says that the sources give only totals, with no count of zero tasks shown as figures', () => {
    const content = path.join(work, 'none-named');
    cpSync(fixture('partial'), content, { recursive: true });
    writeFileSync(path.join(content, 'tasks/ctr-9.yaml'), '# No source names a task of the programme yet.\n[]\n');
    // Task D is named by the September meeting; without the registry it is a direction only.
    for (const lang of ['vi', 'en']) {
      const file = path.join(content, `meetings/2025-09-18-phien-hop.${lang}.md`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^tasks: \[D\]\n/m, '').replace(/\n    tasks: \[D\]/g, ''));
    }
    const none = path.join(work, 'none-named-dist');
    // Built from a new data store, as on a first build: Astro warns of an empty collection only where
    // its store never held an entry of it (one that did keeps the collection, empty). The store of the
    // builds before is put back after.
    const store = path.join(ROOT, 'node_modules/.astro/data-store.json');
    const result = withProject('a build from a new data store', () => {
      const hadStore = existsSync(store);
      if (hadStore) renameSync(store, `${store}.before`);
      try {
        return runScript('build.ts', [], { CONTENT_DIR: content, OUT_DIR: none });
      } finally {
        if (hadStore) renameSync(`${store}.before`, store);
      }
    });
    expect(result.status, result.stderr).toBe(0);
    // No word, in English, of a collection that may be configured wrong: the registry is empty, as it should be.
    expect(result.stdout + result.stderr).not.toContain('does not exist or is empty');
    const text = (file: string) => pageText(readFileSync(path.join(none, file), 'utf8'));
    const home = text('index.html');
    expect(home).toContain('Nguồn tin công khai mới nêu số liệu tổng, chưa nêu tên nhiệm vụ nào trong 123 nhiệm vụ của chương trình');
    expect(readFileSync(path.join(none, 'index.html'), 'utf8')).not.toMatch(/app-stat__value">0</);
    const programme = readFileSync(path.join(none, 'programmes/ctr-9/index.html'), 'utf8');
    expect(programme).not.toContain('app-counts');
    expect(programme).not.toContain('id="caption-status-ctr-9"');
    expect(programme).toContain('id="caption-progress-ctr-9"');
    expect(text('en/programmes/ctr-9/index.html')).toContain("Public sources give only totals and name none of the programme's 123 tasks");
    // The units are listed without a table of zeros where no task is published, and a unit with no
    // published task shows no counts of zero.
    expect(readFileSync(path.join(none, 'units/index.html'), 'utf8')).not.toContain('app-units-table');
    expect(text('units/index.html')).toContain('Sở Khoa học và Công nghệ');
    expect(text('units/index.html')).toContain('Chưa có nhiệm vụ đã công khai nào.');
    expect(readFileSync(path.join(none, 'units/so-khcn/index.html'), 'utf8')).not.toContain('app-counts');
    expect(text('units/so-khcn/index.html')).toContain('Chưa có nhiệm vụ đã công khai nào.');
    expect(text('programmes/ctr-9/index.html')).toContain('Chưa có nhiệm vụ đã công khai nào.');
    // No deadline listed is no information on the programme's deadlines, not word that none is near.
    expect(home).toContain('Hạn sắp tới Chưa có thông tin: sổ nhiệm vụ chưa đầy đủ, và trong các nhiệm vụ đã công khai không có nhiệm vụ nào có hạn sắp tới.');
    expect(home).not.toContain('Không có nhiệm vụ nào có hạn sắp tới');
    // The registry's page counts what is published, and offers no choice of state where every count is 0.
    expect(text('tasks/index.html')).toContain('0 nhiệm vụ đã công khai');
    expect(readFileSync(path.join(none, 'tasks/index.html'), 'utf8')).not.toContain('/tasks/status/');
    expect(text('en/tasks/index.html')).toContain('0 published tasks');
    expect(text('charts/index.html')).toMatch(/Nhiệm vụ đã công khai đến hạn trong 12 tháng tới \(sổ nhiệm vụ chưa đầy đủ\) Số liệu tính đến ngày [\d/]+ Sổ nhiệm vụ chưa có nhiệm vụ nào cho biểu đồ này\./);
  });
});

describe('validating sources that name a meeting', () => {
  it('reports, at the line, a history entry or a follow-up whose source is a meeting that does not exist', () => {
    const content = path.join(work, 'bad-sources');
    cpSync(fixture('partial'), content, { recursive: true });
    const tasks = path.join(content, 'tasks/ctr-9.yaml');
    writeFileSync(tasks, readFileSync(tasks, 'utf8').replace('source: 2025-09-18-phien-hop', 'source: 2025-09-19-phien-hop'));
    const meeting = path.join(content, 'meetings/2025-09-18-phien-hop.vi.md');
    writeFileSync(meeting, readFileSync(meeting, 'utf8').replace('source: { url: "https://tin-tuc.tinh-mau.example/du-lieu", publisher: "Cổng thông tin tỉnh Mẫu" }', 'source: 2025-09-30-khong-co'));
    const result = runScript('validate.ts', [], { CONTENT_DIR: content });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^tasks\/ctr-9\.yaml:33:15: error: .*'2025-09-19-phien-hop'.*2025-09-18-phien-hop/m);
    expect(result.stdout).toMatch(/^meetings\/2025-09-18-phien-hop\.vi\.md:18:17: error: .*'2025-09-30-khong-co'/m);
  });
});

describe('the pages of a partial registry in Chromium', () => {
  it('pass axe (WCAG 2.2 AA) and fit a phone, the unknown tag and the notices included', async () => {
    const site = await serve(out);
    const browser = await launchBrowser();
    try {
      const context = await axeContext(browser, { viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      const problems: string[] = [];
      const urls = ['/', '/en/', '/reconciliation/', '/programmes/ctr-9/', '/tasks/', '/tasks/B/', '/tasks/D/', '/directions/', '/units/'];
      // The layout rules on the pages with a kind of element the pages before had not (helpers/browser.ts).
      const kinds = new ElementKinds();
      for (const [i, url] of urls.entries()) {
        progress('partial-registry', `axe: page ${i + 1} of ${urls.length} (${url})`);
        await page.goto(site.url + url);
        for (const violation of await axeViolations(page, { layout: await kinds.isNew(page) })) problems.push(`${url}: ${violation}`);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        if (wide) problems.push(`${url}: wider than the phone`);
      }
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await site.close();
    }
  }, 120_000);
});
