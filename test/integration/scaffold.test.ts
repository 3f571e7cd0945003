import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, ROOT, runScript } from '../helpers/run.ts';
import { nextTaskId, proposeTaskId } from '../../src/cli/scaffold.ts';

const work = mkdtempSync(path.join(tmpdir(), 'nq57-scaffold-'));
const content = path.join(work, 'content');
cpSync(fixture('valid'), content, { recursive: true });
const env = { CONTENT_DIR: content };

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the bundled content, for the commands the guides give. */
function bundledCopy(name: string): string {
  const dir = path.join(work, name);
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  return dir;
}

/** Runs a script with `stdin` piped in, as an author pasting answers would. */
function piped(script: string, args: string[], stdin: string, extra: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, input: stdin, encoding: 'utf8', env: { ...process.env, ...extra } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe(nextTaskId, () => {
  it('continues the numbering of the programme, or starts it', () => {
    expect(nextTaskId('kh-12', new Set(['KH12-001', 'KH12-007', 'K1']))).toBe('KH12-008');
    expect(nextTaskId('ctr-97', new Set(['CTR97-GEN-CUA']))).toBe('CTR97-001');
  });
});

describe(proposeTaskId, () => {
  it('follows the pattern of the programme: numbered, or the first words of the title', () => {
    expect(proposeTaskId('kh-12', 'Nhiệm vụ mới', new Set(['KH12-001', 'KH12-007']))).toBe('KH12-008');
    expect(proposeTaskId('ctr-97', 'Cổng dữ liệu mở của tỉnh', new Set(['CTR97-GEN-CUA', 'CTR97-DU-LIEU']))).toBe('CTR97-CONG-DU-LIEU');
    expect(proposeTaskId('ctr-97', 'Cổng dữ liệu mở', new Set(['CTR97-GEN-CUA', 'CTR97-CONG-DU-LIEU']))).toBe('CTR97-CONG-DU-LIEU-2');
    expect(proposeTaskId('nq-57', 'Anything', new Set(['K1']))).toBe('NQ57-001');
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
    expect(task.stdout).toContain('đã thêm nhiệm vụ KH12-001');

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
    expect(again.stderr).toContain('đã có; không ghi gì');
  });

  it('names what is wrong with the answers, in the site language or in English', () => {
    const bad = runScript('new-task.ts', ['--programme', 'kh-13', '--owner', 'u-khnc', '--title', 'x', '--deadline', '2026-02-30'], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("new:task: Chương trình (kh-12, nq-57): 'kh-13' không phải một trong: kh-12, nq-57; có phải là 'kh-12'?");
    expect(bad.stderr).toContain("'u-khnc' không phải một trong");
    expect(bad.stderr).toContain("new:task: Hạn hoàn thành (YYYY-MM-DD): '2026-02-30' không phải ngày có thật viết theo dạng YYYY-MM-DD");
    // A title in another language may be left out, and is checked as the first one when given.
    const badTitle = runScript('new-task.ts', ['--programme', 'kh-12', '--owner', 'u-khcn', '--title', 'Nhiệm vụ', '--title-en', '—', '--deadline', '2026-06-30'], env);
    expect(badTitle.status).toBe(1);
    expect(badTitle.stderr).toBe('new:task: Tiêu đề (en): tiêu đề phải có chữ hoặc số\n');
    const english = runScript('new-task.ts', ['--lang', 'en', '--programme', 'kh-13', '--owner', 'u-khcn', '--title', 'x'], env);
    expect(english.stderr).toContain("new:task: Programme (kh-12, nq-57): 'kh-13' is not one of: kh-12, nq-57; did you mean 'kh-12'?");
    const help = runScript('new-task.ts', ['--help'], env);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^cách dùng: npm run new:task -- \[--programme mã\] .*; điều gì chưa cho sẽ được hỏi\n$/);
    expect(runScript('new-meeting.ts', ['--help', '--lang', 'en'], env).stdout).toMatch(/^usage: npm run new:meeting -- \[--date YYYY-MM-DD\] .*; whatever is not given is asked\n$/);
    const badMeeting = runScript('new-meeting.ts', ['--date', '18/9/2025', '--title', 'x'], env);
    expect(badMeeting.status).toBe(1);
    expect(badMeeting.stderr).toContain("new:meeting: Ngày họp (YYYY-MM-DD): '18/9/2025' không phải ngày viết theo dạng YYYY-MM-DD; có phải là 2025-09-18?");
  });

  it('takes answers from piped standard input, one a line, checking each as it is given', () => {
    const dir = bundledCopy('piped');
    const meeting = piped('new-meeting.ts', [], '18/9/2025\n2025-12-02\ncấp tỉnh\nprovince\nBan Chỉ đạo tỉnh họp\nProvincial steering committee meets\n', { CONTENT_DIR: dir });
    expect(meeting.status, meeting.stderr).toBe(0);
    expect(meeting.stderr).toBe(
      "Ngày họp (YYYY-MM-DD): '18/9/2025' không phải ngày viết theo dạng YYYY-MM-DD; có phải là 2025-09-18?\n" +
        "Cấp (national: trung ương, province: tỉnh, commune: xã): 'cấp tỉnh' không phải một trong: national, province, commune; có phải là 'province'?\n",
    );
    expect(existsSync(path.join(dir, 'meetings/2025-12-02-ban-chi-dao-tinh-hop.vi.md'))).toBe(true);
    expect(readFileSync(path.join(dir, 'meetings/2025-12-02-ban-chi-dao-tinh-hop.en.md'), 'utf8')).toContain('title: Provincial steering committee meets');

    // Programme, owner, title in each language, assigned, deadline, then the id proposed (Enter takes it).
    const task = piped('new-task.ts', ['--lang', 'en'], 'ctr-97\nso-khcn\nCổng dữ liệu mở\nOpen data portal\n\n2026-06-30\n\n', { CONTENT_DIR: dir });
    expect(task.status, task.stderr).toBe(0);
    // The programme has no task yet (its file is `[]`): the first of a numbered series.
    expect(task.stdout).toContain('Task id: CTR97-001\n');
    const tasks = readFileSync(path.join(dir, 'tasks/ctr-97.yaml'), 'utf8');
    expect(tasks).toContain('\n- id: CTR97-001\n  title:\n    vi: Cổng dữ liệu mở\n    en: Open data portal\n');
    expect(tasks).not.toMatch(/^\[\]/m);
    expect(runScript('validate.ts', [], { CONTENT_DIR: dir }).stdout).not.toContain(': error:');
  });

  it('says which answer is missing when piped answers run out', () => {
    const result = piped('new-task.ts', [], 'ctr-97\n', { CONTENT_DIR: bundledCopy('short') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('new:task: chưa có câu trả lời cho: Đơn vị chủ trì (so-khcn, ubnd-tinh, bcd-tinh)');
  });
});

/** Splits a command line as a shell would, for the quoted arguments the guides use. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('every command in the authoring guides', () => {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const commands = ['docs/authoring.vi.md', 'docs/authoring.en.md'].flatMap((guide) => {
    const text = readFileSync(path.join(ROOT, guide), 'utf8');
    const inBlocks = [...text.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].flatMap((m) => m[1]!.split('\n'));
    const inline = [...text.matchAll(/`(npm run [^`]+)`/g)].map((m) => m[1]!);
    return [...inBlocks, ...inline].map((l) => l.trim()).filter((l) => l.startsWith('npm run ')).map((line) => [guide, line] as const);
  });
  // A command that both guides give (the English guide repeats the Vietnamese one's) is run once, for both.
  const guidesOf = Map.groupBy(commands, ([, line]) => line);

  it('finds the commands', () => {
    expect(commands.map(([, line]) => line)).toEqual(expect.arrayContaining(['npm run validate', expect.stringMatching(/^npm run new:meeting -- /), expect.stringMatching(/^npm run new:task -- /)]));
  });

  // `npm run dev` and `npm run editor` start servers: test/integration/dev-server.test.ts starts the
  // preview, and test/e2e/web-editor.test.ts the editor's local server.
  const runnable = [...guidesOf].filter(([line]) => !line.startsWith('npm run dev') && !line.startsWith('npm run editor'));
  it.each(runnable.map(([line, found]) => [found.map(([guide]) => guide).join(', '), line] as const))('%s: %s works on the bundled content', (guides, line) => {
    const [, , name, ...rest] = words(line);
    const script = /^node scripts\/(\S+\.ts)$/.exec(scripts[name!] ?? '')?.[1];
    expect(script, `${name} is a script of package.json`).toBeDefined();
    const args = rest[0] === '--' ? rest.slice(1) : rest;
    const dir = bundledCopy(`guide-${guides.replace(/\W/g, '-')}-${name!.replace(/\W/g, '-')}-${args.length}`);
    const result = runScript(script!, args, { CONTENT_DIR: dir });
    expect(result.status, `${line}\n${result.stdout}\n${result.stderr}`).toBe(0);
    // What a command wrote still validates (a validate command has just said so).
    if (name !== 'validate') expect(runScript('validate.ts', [], { CONTENT_DIR: dir }).status, 'the content still validates').toBe(0);
  });
});
