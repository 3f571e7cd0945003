import { Worker } from 'node:worker_threads';
import type { RenderedBody } from './markdown.ts';

/** Bodies sent to a worker in one message: enough to make messages cheap, few enough to share the work out evenly. */
const BATCH = 25;

/**
 * Renders meeting bodies on worker threads, so that a large content folder is rendered on every core
 * while the main thread reads and checks the YAML. Results are the same as `renderMeetingBody`'s.
 */
export class MarkdownPool {
  readonly #workers: Worker[];
  readonly #waiting = new Map<number, { resolve: (rendered: RenderedBody) => void; reject: (error: unknown) => void }>();
  #queue: Array<{ id: number; markdown: string }> = [];
  #next = 0;
  #turn = 0;

  constructor(size: number) {
    this.#workers = Array.from({ length: Math.max(1, size) }, () => {
      const worker = new Worker(new URL('./markdown-worker.ts', import.meta.url));
      worker.on('message', (results: Array<{ id: number; rendered: RenderedBody }>) => {
        for (const { id, rendered } of results) {
          this.#waiting.get(id)?.resolve(rendered);
          this.#waiting.delete(id);
        }
      });
      worker.on('error', (error) => this.#failAll(error));
      return worker;
    });
  }

  /** Renders one body; bodies are sent in batches, the last one by `flush` or `close`. */
  render(markdown: string): Promise<RenderedBody> {
    const id = this.#next++;
    const result = new Promise<RenderedBody>((resolve, reject) => this.#waiting.set(id, { resolve, reject }));
    this.#queue.push({ id, markdown });
    if (this.#queue.length >= BATCH) this.flush();
    return result;
  }

  /** Sends the bodies queued so far. */
  flush(): void {
    if (this.#queue.length === 0) return;
    this.#workers[this.#turn++ % this.#workers.length]!.postMessage(this.#queue);
    this.#queue = [];
  }

  /** Stops the workers. Bodies not rendered by then are rejected. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
    this.#failAll(new Error('the Markdown workers were stopped'));
  }

  #failAll(error: unknown): void {
    for (const { reject } of this.#waiting.values()) reject(error);
    this.#waiting.clear();
  }
}
