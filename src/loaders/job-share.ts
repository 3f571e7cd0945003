import { Worker } from 'node:worker_threads';

/** Results a worker sends in one message: enough to make messages cheap. */
const BATCH = 20;

interface Share<In> {
  jobs: In[];
  /** The next job to take, shared by every thread: one Int32 taken with Atomics.add. */
  next: SharedArrayBuffer;
}

/**
 * Shares a list of jobs out between worker threads and the calling thread. Each thread takes the
 * next job from a shared counter when it is free, so the work is balanced to the end even while the
 * calling thread is busy with something else, then joins in with `help`.
 */
export class JobShare<In, Out> {
  readonly results: Promise<Out[]>;
  readonly #share: Share<In>;
  readonly #counter: Int32Array;
  readonly #out: Out[];
  readonly #workers: Worker[];
  #left: number;
  #finish!: { resolve: (out: Out[]) => void; reject: (error: unknown) => void };

  /** Starts `threads` workers running `script` (which calls `serveJobs`), each given `workerData`, on `jobs`. */
  constructor(script: URL, threads: number, workerData: unknown, jobs: In[]) {
    this.#share = { jobs, next: new SharedArrayBuffer(4) };
    this.#counter = new Int32Array(this.#share.next);
    this.#out = new Array<Out>(jobs.length);
    this.#left = jobs.length;
    this.results = new Promise<Out[]>((resolve, reject) => (this.#finish = { resolve, reject }));
    this.#workers = Array.from({ length: threads }, () => {
      const worker = new Worker(script, { workerData });
      worker.on('message', (results: Array<[number, Out]>) => {
        for (const [index, out] of results) this.#done(index, out);
      });
      worker.on('error', (error) => this.#finish.reject(error));
      worker.postMessage(this.#share);
      return worker;
    });
    this.#check();
  }

  /** Does the jobs no thread has taken yet on this thread, with `work`, the function the workers run. */
  help(work: (job: In) => Out): void {
    for (let index = Atomics.add(this.#counter, 0, 1); index < this.#share.jobs.length; index = Atomics.add(this.#counter, 0, 1)) {
      this.#done(index, work(this.#share.jobs[index]!));
    }
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #done(index: number, out: Out): void {
    this.#out[index] = out;
    this.#left--;
    this.#check();
  }

  #check(): void {
    if (this.#left === 0) this.#finish.resolve(this.#out);
  }
}

/** The worker's side of `JobShare`: takes jobs from the shared counter and does them with `work`. */
export async function serveJobs<In, Out>(work: (job: In) => Out): Promise<void> {
  const { parentPort } = await import('node:worker_threads');
  parentPort!.on('message', ({ jobs, next }: Share<In>) => {
    const counter = new Int32Array(next);
    let results: Array<[number, Out]> = [];
    for (let index = Atomics.add(counter, 0, 1); index < jobs.length; index = Atomics.add(counter, 0, 1)) {
      results.push([index, work(jobs[index]!)]);
      if (results.length >= BATCH) {
        parentPort!.postMessage(results);
        results = [];
      }
    }
    if (results.length > 0) parentPort!.postMessage(results);
  });
}
