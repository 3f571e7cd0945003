import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runScript } from '../helpers/run.ts';

const repo = mkdtempSync(path.join(tmpdir(), 'nq57-corrections-'));
const content = path.join(repo, 'content');
const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
const check = () => runScript('check-corrections.ts', ['--base', 'HEAD'], { CONTENT_DIR: content });
const edit = (file: string, from: string, to: string) => {
  const full = path.join(content, file);
  const text = readFileSync(full, 'utf8');
  expect(text).toContain(from);
  writeFileSync(full, text.replace(from, to));
};

beforeAll(() => {
  cpSync(fixture('valid'), content, { recursive: true });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'published');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run check:corrections', () => {
  it('passes when nothing published changed', () => {
    expect(check().status).toBe(0);
  });

  it('refuses a reported figure rewritten without an updates entry, at its line', () => {
    edit('meetings/2025-06-15-hop-quy-2.vi.md', 'completed: 1, percent_completed: 9.09', 'completed: 2, percent_completed: 18.18');
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("meetings/2025-06-15-hop-quy-2.vi.md:11:1: error: reported changed after publication: add an entry to 'updates'");
  });

  it('accepts it once an updates entry says what changed and why', () => {
    edit('meetings/2025-06-15-hop-quy-2.vi.md', 'tags: [chuyển đổi số]', 'tags: [chuyển đổi số]\nupdates:\n  - { date: 2025-06-20, note: "Sửa số nhiệm vụ hoàn thành theo báo cáo chính thức." }');
    expect(check().status).toBe(0);
  });

  it('refuses a task history rewritten without an updates entry, but lets history grow', () => {
    edit('tasks/kh-12.yaml', '- { date: 2025-09-20, status: completed }', '- { date: 2025-09-20, status: completed }\n    - { date: 2025-09-21, status: completed, note: "Nghiệm thu" }');
    expect(check().status).toBe(0);
    edit('tasks/kh-12.yaml', '- { date: 2025-02-01, status: in-progress', '- { date: 2025-03-01, status: in-progress');
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/tasks\/kh-12\.yaml:\d+:\d+: error: history of task K3 changed after publication/);
  });
});
