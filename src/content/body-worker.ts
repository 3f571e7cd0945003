// Renders meeting bodies on a thread of its own, for `readContentOnTwoThreads` (two-threads.ts):
// it takes the index of the next file from the counter the two threads share, as that one does.
import { parentPort, workerData } from 'node:worker_threads';
import { setMessageLang } from '../lib/messages.ts';
import { renderMeetingFileBody } from './meeting-file.ts';

const { dir, files, lang, next } = workerData as { dir: string; files: string[]; lang: string; next: Int32Array };
// Warnings about what was removed from a body are written in the reader's language.
setMessageLang(lang);
const rendered: Array<[string, NonNullable<ReturnType<typeof renderMeetingFileBody>>]> = [];
for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
  const body = renderMeetingFileBody(dir, files[i]!);
  if (body) rendered.push([files[i]!, body]);
}
parentPort!.postMessage(rendered);
