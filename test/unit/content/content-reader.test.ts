import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContent } from '../../../src/content/reader.ts';
import { WORTH_A_THREAD, readContentOnTwoThreads } from '../../../src/content/two-threads.ts';
import { renderMeetingFileBody } from '../../../src/content/meeting-file.ts';
import { Worker } from 'node:worker_threads';
import { messageLang, setMessageLang } from '../../../src/lib/messages.ts';
import type { RenderedBefore } from '../../../src/content/reader.ts';
import { generateFixture } from '../../../scripts/generate-fixture.ts';

// A folder of many meetings, as the generator writes them.
const generated = mkdtempSync(path.join(os.tmpdir(), 'nq57-reader-'));
generateFixture(generated, 120, 160);
afterAll(() => rmSync(generated, { recursive: true, force: true }));

const FOLDERS = [
  ...['test/fixtures/content/valid', 'test/fixtures/content/invalid', 'test/fixtures/content/hostile', 'content'].map((f) => [f, path.resolve(f)]),
  ['a generated folder of 120 meetings', generated],
];

describe(readContent, () => {
  it('places problems that checks across files find in meeting files at their lines', () => {
    const { problems } = readContent(path.resolve('test/fixtures/content/invalid'));
    // A task reference is checked against the whole registry, after the meeting file was read.
    expect(problems).toContainEqual({ file: 'meetings/2025-06-15-hop.vi.md', line: 8, column: 13, severity: 'error', message: "không có nhiệm vụ nào mang mã 'T99'" });
  });
});

/** Bodies as `read` rendered them, given again where a file's text is the same; counts what it gave. */
function earlier(read: ReturnType<typeof readContent>, texts = new Map<string, string>()) {
  const given = { count: 0 };
  const before: RenderedBefore = (file, text) => {
    const rendered = read.rendered.get(file);
    if (!rendered || texts.get(file) !== text) return undefined;
    given.count++;
    return rendered;
  };
  return { before, given };
}

/** Every meeting file's text, as the reader reads it. */
function meetingTexts(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  readContent(dir, { renderedBefore: (file, text) => void texts.set(file, text) });
  return texts;
}

describe('reading with the bodies an earlier read rendered', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'nq57-rendered-before-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(FOLDERS)('reads %s the same, whether each body is rendered again or not', (_, dir) => {
    const fresh = readContent(dir);
    const { before, given } = earlier(fresh, meetingTexts(dir));
    const kept = readContent(dir, { renderedBefore: before });
    expect(given.count).toBe(fresh.rendered.size);
    expect(kept.problems).toEqual(fresh.problems);
    expect([...kept.rendered]).toEqual([...fresh.rendered]);
    expect(kept.model).toEqual(fresh.model);
  });

  it('renders again a file that changed, and takes the rest as they were', () => {
    const dir = path.join(scratch, 'changed');
    cpSync(path.resolve('test/fixtures/content/valid'), dir, { recursive: true });
    const first = readContent(dir);
    const texts = meetingTexts(dir);
    const meeting = readdirSync(path.join(dir, 'meetings')).find((f) => f.endsWith('.vi.md'))!;
    appendFileSync(path.join(dir, 'meetings', meeting), '\nMột đoạn mới ở cuối biên bản.\n');
    const { before, given } = earlier(first, texts);
    const read = readContent(dir, { renderedBefore: before });
    expect(read.rendered.get(`meetings/${meeting}`)?.html).toContain('Một đoạn mới ở cuối biên bản.');
    expect(read.problems).toEqual(readContent(dir).problems);
    expect(given.count).toBe(first.rendered.size - 1);
  });
});

describe(readContentOnTwoThreads, () => {
  // Enough meetings to be shared with another thread, with the hostile bodies among them, so that
  // what is removed from a body is reported from both threads.
  const mixed = mkdtempSync(path.join(os.tmpdir(), 'nq57-two-threads-'));
  cpSync(generated, mixed, { recursive: true });
  const hostile = path.resolve('test/fixtures/content/hostile/meetings');
  for (const name of readdirSync(hostile)) {
    // Once among the first files, once after the last: each thread has some.
    cpSync(path.join(hostile, name), path.join(mixed, 'meetings', name.replace(/^\d{4}-\d{2}-\d{2}/, '2024-01-01')));
    cpSync(path.join(hostile, name), path.join(mixed, 'meetings', name.replace(/^\d{4}-\d{2}-\d{2}/, '2029-12-31')));
  }
  afterAll(() => rmSync(mixed, { recursive: true, force: true }));

  it('has more bodies to render than are rendered on one thread alone', () => {
    expect(readdirSync(path.join(mixed, 'meetings')).length).toBeGreaterThanOrEqual(WORTH_A_THREAD);
  });

  // Read once on this thread alone, for the tests below.
  let mixedAlone: ReturnType<typeof readContent> | undefined;
  const readAlone = (dir: string) => (dir === mixed ? (mixedAlone ??= readContent(dir)) : readContent(dir));

  it.each([...FOLDERS, ['the generated folder with hostile bodies', mixed]])('reads %s as readContent does', async (_, dir) => {
    const alone = readAlone(dir);
    const shared = await readContentOnTwoThreads(dir);
    expect(shared.problems).toEqual(alone.problems);
    expect([...shared.rendered]).toEqual([...alone.rendered]);
    expect(shared.model).toEqual(alone.model);
  });

  it('renders a body on the other thread as on this one, in the language asked for', async () => {
    const files = readdirSync(path.join(mixed, 'meetings')).filter((name) => name.includes('noi-dung-doc-hai')).map((name) => `meetings/${name}`);
    const lang = messageLang();
    setMessageLang('en');
    try {
      const here = files.map((file) => [file, renderMeetingFileBody(mixed, file)]);
      const there = await new Promise((resolve, reject) => {
        const next = new Int32Array(new SharedArrayBuffer(4));
        const worker = new Worker(new URL('../../../src/content/body-worker.ts', import.meta.url), { workerData: { dir: mixed, files, lang: 'en', next } });
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(there).toEqual(here);
      // Something removed, and said in English.
      const removed = here.flatMap(([, body]) => (typeof body === 'object' ? body!.rendered.removed : []));
      expect(removed.length).toBeGreaterThan(0);
      expect(removed.map((r) => r.message).join(' ')).toMatch(/will be removed/);
    } finally {
      setMessageLang(lang);
    }
  });

  it('writes what it removed from a body in the language asked for, whichever thread rendered it', async () => {
    const lang = messageLang();
    setMessageLang('en');
    try {
      const alone = readContent(mixed);
      const shared = await readContentOnTwoThreads(mixed);
      const warnings = shared.problems.filter((p) => p.severity === 'warning');
      // From files at both ends of the list.
      const files = new Set(warnings.map((p) => p.file));
      expect(files).toContain('meetings/2024-01-01-noi-dung-doc-hai.vi.md');
      expect(files).toContain('meetings/2029-12-31-noi-dung-doc-hai.vi.md');
      expect(shared.problems).toEqual(alone.problems);
    } finally {
      setMessageLang(lang);
    }
  });

  it('asks an earlier read first for every meeting file, and renders only what it does not give', async () => {
    const fresh = readAlone(mixed);
    const texts = meetingTexts(mixed);
    // An earlier read that has every other file's body.
    const asked = new Set<string>();
    const { before, given } = earlier(fresh, new Map([...texts].filter((_, i) => i % 2 === 0)));
    const read = await readContentOnTwoThreads(mixed, { renderedBefore: (file, text) => (asked.add(file), before(file, text)) });
    expect(asked).toEqual(new Set(texts.keys()));
    expect(given.count).toBeGreaterThan(0);
    expect(read.problems).toEqual(fresh.problems);
    expect([...read.rendered]).toEqual([...fresh.rendered]);
  });
});
