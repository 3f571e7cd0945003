// The dev server, as an author previews content with `npm run dev`: task and meeting pages answer at
// the same addresses as in the built site.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, ROOT } from '../helpers/run.ts';
import { giveProjectBack, takeProject } from '../helpers/project-lock.ts';

const PORT = 4391;
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;
// A copy of the fixture, which the preview tests change as an author would.
const work = mkdtempSync(path.join(tmpdir(), 'nq57-dev-'));
const content = path.join(work, 'content');
cpSync(fixture('valid'), content, { recursive: true });

function withoutTestRunner(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));
}
let output = '';

// The dev server writes Astro's caches in the project, as a build does: one of them at a time.
beforeAll(() => takeProject('npm run dev'), 900_000);
// Given back once the server has stopped (hooks after the tests run last registered first).
afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) await new Promise((resolve) => server.once('exit', resolve));
  giveProjectBack();
});

beforeAll(async () => {
  server = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(PORT)], {
    cwd: ROOT,
    // As an author runs it: without the test runner's own variables (VITEST, NODE_ENV=test), which
    // the dev server's Vite would read as running under a test.
    env: { ...withoutTestRunner(process.env), ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: content, AS_OF: '2025-10-01' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  // Ready when it answers.
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${BASE}/`, { signal: AbortSignal.timeout(30_000) }).then(
      (r) => r.ok,
      (e: unknown) => ((output += `\nfetch: ${String(e)} ${String((e as { cause?: unknown }).cause)}`), false),
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the dev server did not answer within a minute:\n${output}`);
}, 120_000);

afterAll(() => {
  server?.kill();
  rmSync(work, { recursive: true, force: true });
});

async function page(url: string): Promise<{ status: number; h1: string | undefined; css: string | undefined }> {
  const response = await fetch(BASE + url);
  const text = await response.text();
  return { status: response.status, h1: /<h1[^>]*>([^<]*)</.exec(text)?.[1], css: /<link rel="stylesheet" href="([^"]+)"/.exec(text)?.[1] };
}

describe('the dev server', () => {
  it('answers a task’s and a meeting’s page at their addresses, in both languages, with the stylesheet', async () => {
    const task = await page('/tasks/K3/');
    expect(task).toMatchObject({ status: 200, h1: 'Thuê dịch vụ trung tâm dữ liệu' });
    expect((await page('/en/tasks/K3/')).status).toBe(200);
    expect(await page('/meetings/2025-09-25-hop-quy-3/')).toMatchObject({ status: 200, h1: 'Họp quý III về Kế hoạch 12' });
    expect((await page('/en/meetings/2025-06-15-hop-quy-2/')).status).toBe(200);
    const css = await fetch(BASE + task.css!);
    expect(css.status).toBe(200);
    expect(await css.text()).toContain('--app-brand');
    // Opening them leaves the author's terminal quiet.
    expect(output).not.toContain('[router]');
  });

  it('answers the listings beside them', async () => {
    expect((await page('/tasks/status/completed/')).status).toBe(200);
    expect((await page('/meetings/level/province/')).status).toBe(200);
    expect((await page('/tasks/')).status).toBe(200);
  });

  it('answers an unknown task or meeting with 404', async () => {
    expect((await page('/tasks/NO-SUCH-TASK/')).status).toBe(404);
    expect((await page('/meetings/2020-01-01-khong-co/')).status).toBe(404);
  });
});

describe('the preview', () => {
  it('shows a draft, with a note saying it is one', async () => {
    const response = await fetch(`${BASE}/meetings/2025-09-30-ban-nhap/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<p class="app-draft" role="note">Bản nháp: tin này chưa được đăng.');
    // Published pages have no such note, and no list of errors while there are none.
    const published = await (await fetch(`${BASE}/meetings/2025-09-25-hop-quy-3/`)).text();
    expect(published).not.toContain('app-draft');
    expect(published).not.toContain('app-preview');
  });

  it('lists a content error, with its file and line, on the page being previewed, until it is fixed', async () => {
    const file = path.join(content, 'tasks/kh-12.yaml');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace('  owner: u-khcn\n  partners', '\towner: u-khcn\n  partners'));
    const expected = 'tasks/kh-12.yaml:4:1: error: dòng này thụt lề bằng ký tự tab (cột 1); YAML không cho phép thụt lề bằng tab: dùng dấu cách thay cho tab';
    let text = '';
    for (let i = 0; i < 60 && !text.includes(expected); i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      text = await (await fetch(`${BASE}/tasks/K3/`)).text();
    }
    expect(text).toContain('<div class="app-preview" role="alert"><p><strong>Xem trước: nội dung có 1 lỗi.');
    expect(text).toContain(`<code>${expected}</code>`);
    // The last good content is still shown.
    expect(/<h1[^>]*>([^<]*)</.exec(text)?.[1]).toBe('Thuê dịch vụ trung tâm dữ liệu');
    writeFileSync(file, before);
    for (let i = 0; i < 60 && text.includes('app-preview'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      text = await (await fetch(`${BASE}/tasks/K3/`)).text();
    }
    expect(text).not.toContain('app-preview');
  }, 90_000);
});
