import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, runScript } from '../helpers/run.ts';
import type { ScriptResult } from '../helpers/run.ts';
import { checkCorrectionsCommand } from '../../src/cli/check-corrections.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'nq57-corrections-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let repos = 0;

/**
 * A git repository with the valid fixture published (committed) in it: at `content/` inside the
 * repository, or as the repository itself. `prepare` edits the content before it is published.
 */
function published(where: 'subfolder' | 'own repository' = 'subfolder', prepare?: (edit: Edit) => void) {
  const repo = path.join(scratch, String(repos++));
  const content = where === 'subfolder' ? path.join(repo, 'content') : repo;
  mkdirSync(repo, { recursive: true });
  cpSync(fixture('valid'), content, { recursive: true });
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  const edit: Edit = (file, from, to) => {
    const full = path.join(content, file);
    const text = readFileSync(full, 'utf8');
    expect(text).toContain(from);
    writeFileSync(full, text.replace(from, to));
  };
  prepare?.(edit);
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'published');
  const check = (...args: string[]) => checkInProcess(['--base', 'HEAD', ...args], content);
  return { content, edit, check };
}

/**
 * The command run in this process, as `npm run check:corrections` runs it: the script itself is run
 * by the tests of its exit (the first below and the one without a base revision).
 */
function checkInProcess(argv: string[], content: string): ScriptResult {
  let stdout = '';
  let stderr = '';
  const status = checkCorrectionsCommand(argv, content, { out: (text) => void (stdout += text), err: (line) => void (stderr += `${line}\n`) });
  return { status, stdout, stderr };
}

type Edit = (file: string, from: string, to: string) => void;

describe('npm run check:corrections', () => {
  const { content, edit, check } = published();

  it('passes when nothing published changed', () => {
    const result = runScript('check-corrections.ts', ['--base', 'HEAD'], { CONTENT_DIR: content });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('nội dung đã đăng không bị sửa, hoặc đã ghi đính chính (so với HEAD)');
  });

  it('refuses a reported figure rewritten without an updates entry, at its line, in either language', () => {
    edit('meetings/2025-06-15-hop-quy-2.vi.md', 'completed: 1, percent_completed: 9.09', 'completed: 2, percent_completed: 18.18');
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "meetings/2025-06-15-hop-quy-2.vi.md:11:1: error: reported đã bị sửa sau khi đăng: thêm một mục 'updates' ({ date, note }) ghi rõ sửa gì và vì sao",
    );
    expect(result.stderr).toContain('1 thay đổi chưa ghi updates');
    const english = check('--lang', 'en');
    expect(english.stdout).toContain("meetings/2025-06-15-hop-quy-2.vi.md:11:1: error: reported changed after publication: add an entry to 'updates' ({ date, note }) saying what changed and why");
    expect(english.stderr).toContain('1 change without an updates entry');
  });

  it('accepts it once an updates entry says what changed and why', () => {
    edit('meetings/2025-06-15-hop-quy-2.vi.md', 'tags: [chuyển đổi số]', 'tags: [chuyển đổi số]\nupdates:\n  - { date: 2025-06-20, note: "Sửa số nhiệm vụ hoàn thành theo báo cáo chính thức." }');
    expect(check().status).toBe(0);
  });

  it('refuses a task history rewritten without an updates entry, but lets history grow', () => {
    edit('tasks/kh-12.yaml', '- { date: 2025-09-20, status: completed }', '- { date: 2025-09-20, status: completed }\n    - { date: 2025-09-21, status: completed, note: "Nghiệm thu" }');
    expect(check().status).toBe(0);
    edit('tasks/kh-12.yaml', '- { date: 2025-02-01, status: in-progress', '- { date: 2025-03-01, status: in-progress');
    const result = check('--lang', 'en');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("tasks/kh-12.yaml:30:7: error: history entry 1 of task K3 changed after publication: add an entry to 'updates'");
  });
});

describe('check:corrections follows the authoring guide', () => {
  it('takes a first value (a first deadline, a completion date) as no correction', () => {
    const { edit, check } = published('subfolder', (before) => before('tasks/more.yaml', '  deadline: 2026-06-30\n  status: not-started', '  status: not-started'));
    edit('tasks/more.yaml', '- id: K12\n  title: { vi: "Đánh giá giữa kỳ", en: "Mid-term review" }\n  programme: kh-12\n  owner: u-ubnd\n  assigned: 2025-10-05\n  status: not-started', '- id: K12\n  title: { vi: "Đánh giá giữa kỳ", en: "Mid-term review" }\n  programme: kh-12\n  owner: u-ubnd\n  assigned: 2025-10-05\n  deadline: 2026-06-30\n  status: completed\n  completed: 2025-11-20\n  history:\n    - { date: 2025-11-20, status: completed, note: "Hoàn thành" }');
    const result = check();
    expect(result.stdout).toBe('');
    expect(result.status, result.stderr).toBe(0);
  });

  it('refuses a published task deleted', () => {
    const { edit, check } = published();
    edit('tasks/more.yaml', '- id: K12\n  title: { vi: "Đánh giá giữa kỳ", en: "Mid-term review" }\n  programme: kh-12\n  owner: u-ubnd\n  assigned: 2025-10-05\n  deadline: 2026-06-30\n  status: not-started\n', '');
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("tasks/more.yaml:1:1: error: nhiệm vụ đã đăng K12 bị xóa; giữ lại nhiệm vụ (ghi status: cancelled nếu đã bỏ) và thêm một mục 'updates' nói rõ lý do");
    expect(check('--lang', 'en').stdout).toContain("tasks/more.yaml:1:1: error: published task K12 was removed; keep it (with status: cancelled if it was dropped) and add an entry to 'updates' saying why");
  });

  it('refuses a published meeting deleted', () => {
    const { content, check } = published();
    rmSync(path.join(content, 'meetings/2025-09-25-hop-quy-3.vi.md'));
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('meetings/2025-09-25-hop-quy-3.vi.md:1:1: error: một tin đã đăng bị xóa; giữ lại tệp và thêm một mục updates giải thích việc rút tin');
  });

  it.each([
    ['note', 'note: "Bắt đầu khảo sát"', 'note: "Bắt đầu khảo sát thực địa"'],
    ['status', '{ date: 2025-02-01, status: in-progress', '{ date: 2025-02-01, status: not-started'],
    ['source', 'note: "Bắt đầu khảo sát" }', 'note: "Bắt đầu khảo sát", source: { url: "https://example.org/tin" } }'],
  ])('refuses a published history entry whose %s changed', (_, from, to) => {
    const { edit, check } = published();
    edit('tasks/kh-12.yaml', from, to);
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("tasks/kh-12.yaml:30:7: error: mục 1 trong history của nhiệm vụ K3 đã bị sửa sau khi đăng: thêm một mục 'updates'");
  });

  it('refuses a published history entry removed', () => {
    const { edit, check } = published();
    edit('tasks/kh-12.yaml', '    - { date: 2025-09-20, status: completed }\n', '');
    const result = check('--lang', 'en');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('error: history of task K3 lost its entry 2 after publication');
  });

  it('ignores key order and formatting', () => {
    const { edit, check } = published();
    edit('tasks/kh-12.yaml', '    - { date: 2025-02-01, status: in-progress, note: "Bắt đầu khảo sát" }', "    - note: 'Bắt đầu khảo sát'\n      status: in-progress\n      date: 2025-02-01");
    edit('meetings/2025-06-15-hop-quy-2.vi.md', '{ programme: kh-12, total: 11, completed: 1, percent_completed: 9.09 }', '{ total: 11, programme: "kh-12", percent_completed: 9.09, completed: 1 }');
    const result = check();
    expect(result.stdout).toBe('');
    expect(result.status, result.stderr).toBe(0);
  });

  it('exits 1 with a clear message when the base revision does not exist', () => {
    const { content } = published();
    const result = runScript('check-corrections.ts', ['--base', 'no-such-branch'], { CONTENT_DIR: content });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^check:corrections: không có phiên bản 'no-such-branch' trong .+; ghi một phiên bản có thật bằng --base \(ví dụ origin\/main, sau khi chạy git fetch\)$/m);
  });

  it('compares a content folder that is its own git repository', () => {
    const { edit, check } = published('own repository');
    edit('tasks/kh-12.yaml', 'deadline: 2025-12-31\n  status: completed\n  completed: 2025-09-20', 'deadline: 2026-03-31\n  status: completed\n  completed: 2025-09-20');
    const result = check('--lang', 'en');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("tasks/kh-12.yaml:26:13: error: deadline of task K3 changed after publication");
  });
});
