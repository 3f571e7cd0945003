// Renders meeting bodies on a thread of its own, for `readContentOnTwoThreads` (two-threads.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { setMessageLang } from '../lib/messages.ts';
import { renderMeetingFileBody } from './meeting-file.ts';

const { dir, files, lang } = workerData as { dir: string; files: string[]; lang: string };
// Warnings about what was removed from a body are written in the reader's language.
setMessageLang(lang);
parentPort!.postMessage(files.flatMap((file) => {
  const body = renderMeetingFileBody(dir, file);
  return body ? [[file, body] as const] : [];
}));
