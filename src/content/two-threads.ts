// The content read with the meeting bodies, most of its time on a large folder (Markdown parsed and
// rendered), shared between this thread and one other: `npm run validate` and the build's loaders
// both read this way.
import { Worker } from 'node:worker_threads';
import type { RenderedBody } from '../lib/markdown.ts';
import { messageLang } from '../lib/messages.ts';
import { listContentFiles, NotUtf8Error, readContentText } from './files.ts';
import { renderMeetingFileBody } from './meeting-file.ts';
import { readContent } from './reader.ts';
import type { ContentRead, RenderedBefore } from './reader.ts';

/** Below this many bodies to render, starting a thread (half a second of loading modules) costs more than it saves. */
const WORTH_A_THREAD = 200;

type Rendered = Map<string, { text: string; rendered: RenderedBody }>;

/**
 * Renders `files`' bodies on this thread and a new one (body-worker.ts). Each takes the index of the
 * next file from a counter they share, so neither waits while the other has work left, and this one
 * renders while the other starts.
 */
async function renderOnTwoThreads(dir: string, files: string[]): Promise<Rendered> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const other = new Promise<Rendered>((resolve, reject) => {
    const worker = new Worker(new URL('./body-worker.ts', import.meta.url), { workerData: { dir, files, lang: messageLang(), next } });
    worker.once('message', (entries: Array<[string, { text: string; rendered: RenderedBody }]>) => resolve(new Map(entries)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the thread rendering meeting bodies stopped (exit code ${code})`)));
  });
  const rendered: Rendered = new Map();
  for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
    const body = renderMeetingFileBody(dir, files[i]!);
    if (body) rendered.set(files[i]!, body);
  }
  for (const [file, body] of await other) rendered.set(file, body);
  return rendered;
}

/**
 * Reads and checks a whole content folder as `readContent` does, with the same result: the meeting
 * bodies that `renderedBefore` does not give are rendered first, on this thread and another at once,
 * each taking the next file as it is done with one.
 */
export async function readContentOnTwoThreads(dir: string, { renderedBefore }: { renderedBefore?: RenderedBefore } = {}): Promise<ContentRead> {
  const toRender = listContentFiles(dir).files.filter((file) => {
    if (!file.startsWith('meetings/') || !file.endsWith('.md')) return false;
    if (!renderedBefore) return true;
    try {
      return renderedBefore(file, readContentText(dir, file)) === undefined;
    } catch (e) {
      // Reported by the read below.
      if (e instanceof NotUtf8Error) return false;
      throw e;
    }
  });
  const rendered = toRender.length >= WORTH_A_THREAD ? await renderOnTwoThreads(dir, toRender) : new Map() as Rendered;
  return readContent(dir, {
    // Asked first, as the loaders note each file's text there.
    renderedBefore: (file, text) => {
      const before = renderedBefore?.(file, text);
      if (before) return before;
      const now = rendered.get(file);
      return now && now.text === text ? now.rendered : undefined;
    },
  });
}
