import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, runScript } from '../helpers/run.ts';
import { nextTaskId } from '../../scripts/lib/scaffold.ts';

const work = mkdtempSync(path.join(tmpdir(), 'nq57-scaffold-'));
const content = path.join(work, 'content');
cpSync(fixture('valid'), content, { recursive: true });
const env = { CONTENT_DIR: content };

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(nextTaskId, () => {
  it('continues the numbering of the programme, or starts it', () => {
    expect(nextTaskId('kh-12', new Set(['KH12-001', 'KH12-007', 'K1']))).toBe('KH12-008');
    expect(nextTaskId('ctr-97', new Set(['CTR97-GEN-CUA']))).toBe('CTR97-001');
  });
});

describe('npm run new:meeting and new:task', () => {
  it('write files that validate and build', () => {
    const meeting = runScript('new-meeting.ts', ['--date', '2025-12-01', '--level', 'province', '--title', 'Đẩy mạnh chuyển đổi số', '--title-en', 'Pushing digital transformation'], env);
    expect(meeting.status, meeting.stderr).toBe(0);
    const vi = path.join(content, 'meetings/2025-12-01-day-manh-chuyen-doi-so.vi.md');
    expect(existsSync(vi)).toBe(true);
    expect(existsSync(path.join(content, 'meetings/2025-12-01-day-manh-chuyen-doi-so.en.md'))).toBe(true);
    expect(readFileSync(vi, 'utf8')).toContain('draft: true');

    const task = runScript('new-task.ts', ['--programme', 'kh-12', '--owner', 'u-khcn', '--title', 'Nhiệm vụ mới', '--deadline', '2026-06-30'], env);
    expect(task.status, task.stderr).toBe(0);
    expect(task.stdout).toContain('added task KH12-001');

    const validate = runScript('validate.ts', [], env);
    expect(validate.status, validate.stdout).toBe(0);
    expect(validate.stdout).not.toContain(': error:');

    const out = path.join(work, 'dist');
    const build = runScript('build.ts', [], { ...env, OUT_DIR: out });
    expect(build.status, build.stderr).toBe(0);
    const tasks = JSON.parse(readFileSync(path.join(out, 'data/tasks.json'), 'utf8')) as Array<{ id: string; url: string }>;
    expect(tasks.find((t) => t.id === 'KH12-001')?.url).toBe('/tasks/KH12-001/');
    expect(existsSync(path.join(out, 'tasks/KH12-001/index.html'))).toBe(true);
  }, 300_000);

  it('refuses to overwrite a meeting', () => {
    const again = runScript('new-meeting.ts', ['--date', '2025-12-01', '--title', 'Đẩy mạnh chuyển đổi số'], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists; nothing was written');
  });

  it('names what is wrong with the answers', () => {
    const bad = runScript('new-task.ts', ['--programme', 'kh-13', '--owner', 'u-khnc', '--title', 'x', '--deadline', '2026-02-30'], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("programme 'kh-13' is not one of: kh-12, nq-57; did you mean 'kh-12'?");
    expect(bad.stderr).toContain("owner 'u-khnc' is not one of");
    expect(bad.stderr).toContain("deadline '2026-02-30' must be a real date");
    const badMeeting = runScript('new-meeting.ts', ['--date', '2025-13-01', '--title', 'x'], env);
    expect(badMeeting.status).toBe(1);
    expect(badMeeting.stderr).toContain("date '2025-13-01' must be a real date");
  });
});
