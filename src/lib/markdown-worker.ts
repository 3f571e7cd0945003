// A worker thread that renders meeting bodies for `MarkdownPool`.
import { parentPort } from 'node:worker_threads';
import { renderMeetingBody } from './markdown.ts';

parentPort!.on('message', (batch: Array<{ id: number; markdown: string }>) => {
  parentPort!.postMessage(batch.map(({ id, markdown }) => ({ id, rendered: renderMeetingBody(markdown) })));
});
