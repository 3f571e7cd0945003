// A task's, a meeting's or a programme's page, or a chart's embeddable one, is copied from the last build when its code and key are unchanged
// (Astro's incremental build, keyed by src/lib/page-keys.ts). After changes to what pages show through
// another file (a unit's name, a meeting's title, a programme's number, a task's title), each touching
// other pages, the site built so is byte for byte the site a build that renders every page makes.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, ROOT, runScript } from '../helpers/run.ts';
import { withProject } from '../helpers/project-lock.ts';
import { fileDigests } from '../helpers/built-site.ts';

const work = mkdtempSync(path.join(tmpdir(), 'nq57-incremental-'));
const content = path.join(work, 'content');
const KEPT_PAGES = path.join(ROOT, 'node_modules/.astro/incremental-build.json');

afterAll(() => rmSync(work, { recursive: true, force: true }));

function edit(file: string, from: string, to: string): void {
  const full = path.join(content, file);
  const text = readFileSync(full, 'utf8');
  expect(text, file).toContain(from);
  writeFileSync(full, text.replace(from, to));
}

/** Builds the content into `out`, Astro's lines per page shown; returns them. */
function build(out: string): string {
  const result = runScript('build.ts', [], { CONTENT_DIR: content, OUT_DIR: path.join(work, out), ASTRO_LOG_LEVEL: 'info' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout + result.stderr;
}

describe('a build that copies unchanged pages from the last one', () => {
  it('makes the same site as a build that renders every page', () => {
    cpSync(fixture('valid'), content, { recursive: true });
    // Builds of other test files in between would replace the kept pages: the three builds hold the project.
    const { copied, fresh } = withProject('incremental builds', () => {
      build('first');
      // K4's page shows its owner's name; K1's and K2's, this meeting's title, as the next meeting's
      // page does; N1's, its programme's number; the meeting of 25 September lists K3 with its title.
      edit('units.yaml', 'name: { vi: "Sở Nội vụ"', 'name: { vi: "Sở Nội vụ tỉnh Mẫu"');
      edit('meetings/2025-06-15-hop-quy-2.vi.md', 'title: Ban Chỉ đạo tỉnh Mẫu họp quý II', 'title: Ban Chỉ đạo tỉnh Mẫu họp quý II năm 2025');
      edit('programmes.yaml', 'number: 57-NQ/TW', 'number: 57-NQ/TW (2024)');
      edit('tasks/kh-12.yaml', 'title: "Thuê dịch vụ trung tâm dữ liệu"', 'title: "Thuê dịch vụ trung tâm dữ liệu của tỉnh"');
      const log = build('copied');
      // Without the list of kept pages, every page is rendered.
      rmSync(KEPT_PAGES, { force: true });
      build('fresh');
      return { copied: log, fresh: path.join(work, 'fresh') };
    });
    // Of the meeting bodies, only the one whose file changed is rendered again.
    const meetingFiles = readdirSync(path.join(content, 'meetings')).filter((name) => name.endsWith('.md')).length;
    const bodies = /bodies: (\d+) rendered, (\d+) as the last read rendered them/.exec(copied);
    expect(bodies?.slice(1).map(Number)).toEqual([1, meetingFiles - 1]);
    // The pages read the content store from its file (src/integrations/data-store-module.ts), changed as it was.
    expect(copied).toContain('the pages read the content store from node_modules/.astro/data-store.json');
    const restored = [...copied.matchAll(/(\S+) \(restored\)/g)].map((m) => m[1]);
    // Unchanged pages were copied (K5: its owner, programme and meetings did not change; the national
    // conference: no task, figure or meeting of its level changed; the embeddable page of
    // the chart of KH-12's tasks by status, whose titles it does not show) ...
    for (const page of ['/tasks/K5/index.html', '/en/meetings/2025-01-13-national-conference/index.html', '/embed/status-kh-12/index.html']) expect(restored).toContain(page);
    // ... and the changed ones rendered again.
    // (A programme's page shows its number and its tasks with their titles and owners; the chart by unit,
    // the units' names; the progress of 57-NQ/TW, its number.)
    for (const page of ['/tasks/K4/index.html', '/tasks/K1/index.html', '/tasks/K2/index.html', '/tasks/N1/index.html', '/tasks/K3/index.html', '/meetings/2025-06-15-hop-quy-2/index.html', '/meetings/2025-09-25-hop-quy-3/index.html', '/programmes/nq-57/index.html', '/programmes/kh-12/index.html', '/embed/by-unit/index.html', '/embed/progress-nq-57/index.html']) {
      expect(restored).not.toContain(page);
    }
    expect(readFileSync(path.join(work, 'copied/tasks/K4/index.html'), 'utf8')).toContain('Sở Nội vụ tỉnh Mẫu');
    expect(readFileSync(path.join(work, 'copied/meetings/2025-09-25-hop-quy-3/index.html'), 'utf8')).toContain('Thuê dịch vụ trung tâm dữ liệu của tỉnh');
    expect(fileDigests(path.join(work, 'copied'))).toEqual(fileDigests(fresh));
    expect(existsSync(KEPT_PAGES)).toBe(true);
  }, 300_000);
});
