/**
 * The web editor, driven as a press officer would: /admin/ in local mode (decap-server writing a
 * temporary copy of the content folder), a meeting created in both languages and a task's status
 * changed through the forms; the files written pass the validator and build into the pages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAdmin } from '../../src/integrations/cms.ts';
import { launchBrowser, progress } from '../helpers/browser.ts';
import { ROOT, fixture, runScript } from '../helpers/run.ts';
import { serve } from '../helpers/serve.ts';

const SHOTS = process.env.EDITOR_SCREENSHOTS; // a folder: the forms are photographed at 1280 px for the guides

let work: string;
let repo: string;
let proxy: ChildProcess;
let site: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'nq57-editor-'));
  repo = path.join(work, 'repo');
  cpSync(fixture('valid'), path.join(repo, 'content'), { recursive: true });
  mkdirSync(path.join(repo, 'content', 'media'), { recursive: true });
  // Built as of today, so that a status changed today is the task's status on its page.
  const siteFile = path.join(repo, 'content', 'site.yaml');
  writeFileSync(siteFile, readFileSync(siteFile, 'utf8').replace(/^as_of:.*\n/m, ''));
  const port = await freePort();
  const env = { ...process.env, CONTENT_DIR: path.join(repo, 'content'), CMS_REPO_DIR: repo, CMS_LOCAL_BACKEND_URL: `http://127.0.0.1:${port}/api/v1` };
  await writeAdmin(path.join(work, 'site', 'admin'), true, env);
  proxy = spawn(process.execPath, [path.join(ROOT, 'node_modules/decap-server/dist/index.js')], {
    env: { ...env, PORT: String(port), GIT_REPO_DIRECTORY: repo, MODE: 'fs', LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/api/v1`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }).then(() => true, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  progress('web-editor', 'decap-server started; opening /admin/ in Chromium');
  site = await serve(path.join(work, 'site'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', (dialog) => void dialog.accept());
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300)); });
  page.on('pageerror', (e) => consoleErrors.push(e.message.slice(0, 300)));
  await page.goto(`${site.url}/admin/`);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Cuộc họp · Meetings').first().waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  proxy?.kill();
  if (work && !process.env.KEEP_EDITOR_WORK) rmSync(work, { recursive: true, force: true });
});

/** The field labelled `label` in the Vietnamese (0) or English (1) pane. */
const field = (label: string, pane = 0) => page.getByLabel(label, { exact: false }).nth(pane);

/** Picks an option of a Decap select (react-select) by its text, in the first shown field labelled `label`. */
async function choose(label: string, option: string): Promise<void> {
  const inputs = page.getByLabel(label, { exact: false });
  const shown = await inputs.evaluateAll((els) => els.findIndex((e) => (e as HTMLElement).offsetParent !== null));
  await inputs.nth(shown).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: option, exact: true }).click({ timeout: 5000 }).catch(async (e) => {
    await page.screenshot({ path: path.join(tmpdir(), 'nq57-editor-failed.png') });
    throw new Error(`${String(e)} shown=${shown} ${await page.getByRole('option').allInnerTexts()}`);
  });
}

/** Waits for the save to reach the files; on failure, says what the editor showed. */
async function saved(done: () => boolean): Promise<void> {
  progress('web-editor', 'saved in the form; waiting for the files');
  for (let i = 0; i < 100 && !done(); i++) await page.waitForTimeout(200);
  if (!done()) {
    await page.screenshot({ path: path.join(tmpdir(), 'nq57-editor-failed.png') });
    writeFileSync(path.join(tmpdir(), 'nq57-editor-failed.txt'), await page.locator('body').innerText());
    throw new Error(`the editor did not save:\n${(await page.locator('body').innerText()).split('\n').filter((l) => /thiếu|buộc\.|nhập\.|hợp lệ|khớp|lỗi|must|invalid/i.test(l)).join('\n')}\n${consoleErrors.join('\n')}`);
  }
}

function validate() {
  return runScript('validate.ts', [], { CONTENT_DIR: path.join(repo, 'content') });
}

describe('web editor at /admin/ in local mode', () => {
  it('creates a meeting in both languages with a reported figure, a linked task and a photo with alt text', async () => {
    await page.goto(`${site.url}/admin/#/collections/meetings/new`);
    await field('Tiêu đề · Title', 0).fill('Ban Chỉ đạo tỉnh họp kiểm tra tiến độ tháng 11');
    await field('Tiêu đề · Title', 1).fill('Provincial steering committee checks progress in November');
    await field('Ngày · Date', 0).fill('2025-11-20');
    await field('Sapo (tóm tắt)', 0).fill('Ban Chỉ đạo tỉnh Cà Mau họp kiểm tra tiến độ các nhiệm vụ của Chương trình hành động 97-CTr/TU.');
    await field('Sapo (tóm tắt)', 1).fill('Ca Mau’s steering committee met to check progress on the tasks of Action Program 97-CTr/TU.');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'editor-meeting.png') });
    // One reported figure, entered once (in Vietnamese).
    await page.getByRole('button', { name: /Add số liệu được báo cáo/i }).first().click();
    await choose('Chương trình · Programme', 'kh-12');
    await field('Tổng số nhiệm vụ').fill('123');
    await field('Đã hoàn thành').fill('70');
    // A linked task, entered once.
    await choose('Nhiệm vụ liên quan · Tasks', 'K3');
    // A photo with its alt text in each language.
    const png = await sharp({ create: { width: 64, height: 40, channels: 3, background: '#2a6' } }).png().toBuffer();
    for (const pane of [0, 1]) {
      await page.getByRole('button', { name: /Add ảnh · photos/i }).nth(pane).click();
      await page.getByRole('button', { name: 'Chọn một hình' }).first().click();
      // Uploaded once, then picked from the media library for the English version.
      if (pane === 0) await page.locator('input[type=file]').setInputFiles({ name: 'hop-thang-11.png', mimeType: 'image/png', buffer: png });
      else await page.getByText('hop-thang-11.png', { exact: true }).last().click();
      await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
      await field('Mô tả ảnh (bắt buộc)', pane).fill(pane === 0 ? 'Các đại biểu dự phiên họp tại hội trường' : 'Delegates at the meeting in the hall');
    }
    await page.getByRole('button', { name: 'Công bố' }).click();
    await page.getByText('Công bố ngay').click();
    await saved(() => readdirSync(path.join(repo, 'content', 'meetings')).some((f) => f.startsWith('2025-11-20-')));
    const files = readdirSync(path.join(repo, 'content', 'meetings')).filter((f) => f.startsWith('2025-11-20-'));
    expect(files.sort()).toEqual(['2025-11-20-ban-chi-dao-tinh-hop-kiem-tra-tien-do-thang-11.en.md', '2025-11-20-ban-chi-dao-tinh-hop-kiem-tra-tien-do-thang-11.vi.md']);
    const vi = readFileSync(path.join(repo, 'content', 'meetings', files[1]!), 'utf8');
    expect(vi).toContain('completed: 70');
    expect(vi).toMatch(/tasks:\n\s+- K3\n/);
    expect(vi).toMatch(/src: media\/hop-thang-11\.png/);
    expect(existsSync(path.join(repo, 'content', 'media', 'hop-thang-11.png'))).toBe(true);
    const result = validate();
    expect(result.stdout + result.stderr).not.toMatch(/error:/);
    expect(result.status).toBe(0);
  }, 120_000);

  it('changes a task’s status through the form, and the save adds a history entry', async () => {
    // After publishing a new meeting, Decap moves to the saved meeting's address on its own, which can
    // come after this test has gone to the task list (a loaded machine showed the meeting instead):
    // the task list is opened again until it shows.
    for (let attempt = 1; ; attempt++) {
      await page.goto(`${site.url}/admin/#/collections/tasks/entries/kh-12`);
      await page.reload();
      const shown = await page.getByText('K5 · in-progress').waitFor({ timeout: 10_000 }).then(() => true, () => false);
      if (shown || attempt === 3) break;
    }
    await page.getByText('K5 · in-progress').locator('xpath=ancestor::div[.//button][1]//button').first().click().catch(async (e) => {
      await page.screenshot({ path: path.join(tmpdir(), 'nq57-editor-failed.png') });
      throw e;
    });
    await choose('Trạng thái · Status', 'Hủy bỏ (cancelled)');
    if (SHOTS) {
      await page.getByText('Trạng thái · Status').evaluateAll((els) => els.find((e) => (e as HTMLElement).offsetParent !== null)?.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(SHOTS, 'editor-task.png') });
    }
    await page.getByRole('button', { name: 'Công bố' }).click();
    await page.getByText('Công bố ngay').click();
    await saved(() => /id: K5\n[\s\S]*?status: cancelled/.test(readFileSync(path.join(repo, 'content', 'tasks', 'kh-12.yaml'), 'utf8')));
    const text = readFileSync(path.join(repo, 'content', 'tasks', 'kh-12.yaml'), 'utf8');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect(text).toMatch(new RegExp(`id: K5\\n(?:(?!\\n- id:)[\\s\\S])*?status: cancelled\\n  history:\\n    - date: ${today}\\n      status: cancelled\\n`));
    const result = validate();
    expect(result.stdout + result.stderr).not.toMatch(/error:/);
    expect(result.status).toBe(0);
  }, 120_000);

  it('builds the files written into a news item with the figure, task and photo, and a task page with the new status and its history', async () => {
    const out = path.join(work, 'dist');
    const build = runScript('build.ts', [], { CONTENT_DIR: path.join(repo, 'content'), OUT_DIR: out });
    expect(build.status, build.stderr).toBe(0);
    const news = readFileSync(path.join(out, 'meetings', '2025-11-20-ban-chi-dao-tinh-hop-kiem-tra-tien-do-thang-11', 'index.html'), 'utf8');
    expect(news).toContain('Ban Chỉ đạo tỉnh họp kiểm tra tiến độ tháng 11');
    expect(news).toContain('Các đại biểu dự phiên họp tại hội trường');
    expect(news).toContain('href="/tasks/K3/"');
    expect(news).toMatch(/\b70\b[\s\S]*\b123\b|\b123\b[\s\S]*\b70\b/);
    const en = readFileSync(path.join(out, 'en', 'meetings', '2025-11-20-ban-chi-dao-tinh-hop-kiem-tra-tien-do-thang-11', 'index.html'), 'utf8');
    expect(en).toContain('Delegates at the meeting in the hall');
    const task = readFileSync(path.join(out, 'tasks', 'K5', 'index.html'), 'utf8');
    expect(task).toMatch(/<strong[^>]*>Đã hủy<\/strong>/);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect(task).toContain(`datetime="${today}"`);
  }, 300_000);
});
