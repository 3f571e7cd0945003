// The content read with the meeting bodies, most of its time on a large folder (Markdown parsed and
// rendered), shared between this thread and one other: `npm run validate` and the build's loaders
// both read this way.
import { Worker } from 'node:worker_threads';
import type { RenderedBody } from '../lib/markdown.ts';
import { messageLang } from '../lib/messages.ts';
import { listContentFiles } from './files.ts';
import { renderMeetingFileBody } from './meeting-file.ts';
import type { MeetingJob } from './meeting-file.ts';
import { readPrepared, withRenderingBefore } from './reader.ts';
import type { ContentRead, RenderedBefore } from './reader.ts';

/** Below this many bodies to render, starting a thread (half a second of loading modules) costs more than it saves. */
export const WORTH_A_THREAD = 200;

type Rendered = Map<string, { text: string; rendered: RenderedBody }>;

/** Renders, on a new thread (body-worker.ts), the bodies of `files` whose index it takes from `next`. */
function renderOnOtherThread(dir: string, files: string[], next: Int32Array): Promise<Rendered> {
  return new Promise<Rendered>((resolve, reject) => {
    const worker = new Worker(new URL('./body-worker.ts', import.meta.url), { workerData: { dir, files, lang: messageLang(), next } });
    worker.once('message', (entries: Array<[string, { text: string; rendered: RenderedBody }]>) => resolve(new Map(entries)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the thread rendering meeting bodies stopped (exit code ${code})`)));
  });
}

/** Renders on this thread the bodies of `files` whose index it takes from `next`, shared with the other thread. */
function renderFromCounter(dir: string, files: string[], next: Int32Array): Rendered {
  const rendered: Rendered = new Map();
  for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
    const body = renderMeetingFileBody(dir, files[i]!);
    if (body) rendered.set(files[i]!, body);
  }
  return rendered;
}

/**
 * Reads and checks a whole content folder as `readContent` does, with the same result. The meeting
 * bodies that `renderedBefore` does not give are rendered first, on this thread and another at once,
 * each taking the next file as it is done with one. The text a body was rendered from is the one
 * its frontmatter is read from: validate reads each file once.
 */
export async function readContentOnTwoThreads(dir: string, { renderedBefore }: { renderedBefore?: RenderedBefore } = {}): Promise<ContentRead> {
  const prepared = new Map<string, MeetingJob>();
  const toRender: string[] = [];
  for (const file of listContentFiles(dir).files) {
    if (!file.startsWith('meetings/') || !file.endsWith('.md')) continue;
    if (!renderedBefore) {
      toRender.push(file);
      continue;
    }
    const job = withRenderingBefore(dir, file, renderedBefore);
    prepared.set(file, job);
    if (job.text !== undefined && !job.rendered) toRender.push(file);
  }
  if (toRender.length < WORTH_A_THREAD) return readPrepared(dir, (file) => prepared.get(file));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const other = renderOnOtherThread(dir, toRender, next);
  const rendered = renderFromCounter(dir, toRender, next);
  for (const [file, body] of await other) rendered.set(file, body);
  for (const [file, { text, rendered: body }] of rendered) {
    const before = prepared.get(file);
    // A file changed since it was first read is read again, and rendered, as it is now.
    if (before?.text === undefined || before.text === text) prepared.set(file, { file, text, rendered: body });
  }
  return readPrepared(dir, (file) => prepared.get(file));
}
