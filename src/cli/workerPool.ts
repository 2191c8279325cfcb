import { Worker } from 'node:worker_threads';

/** Options of {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /** The worker's module: it answers each `{ id, task }` message with `{ id, reply }` or `{ id, error }`. */
  readonly script: URL;
  /** Number of worker threads, at least 1. */
  readonly workers: number;
}

/** A task's promise rejects with this when {@link WorkerPool.terminate} stopped it. */
export class CancelledError extends Error {
  override readonly name: string = 'CancelledError';
}

/** A worker's answer to one task. */
export type WorkerReply<Reply> =
  | { readonly id: number; readonly reply: Reply }
  | { readonly id: number; readonly error: { readonly name: string; readonly message: string } };

interface Pending<Task, Reply> {
  readonly id: number;
  readonly task: Task;
  resolve(reply: Reply): void;
  reject(error: Error): void;
}

/**
 * A fixed set of worker threads running tasks first come, first served: `run` queues a task and
 * resolves with the worker's reply; `terminate` stops every worker and rejects what is queued or
 * running with {@link CancelledError}.
 *
 * @remarks
 * Threads start lazily on the first task, so a pool that is never used costs nothing. A worker
 * that crashes fails its task and is replaced. The pool keeps the process alive until `close` or
 * `terminate`.
 */
export class WorkerPool<Task, Reply> {
  readonly size: number;
  readonly #script: URL;
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Pending<Task, Reply>>();
  readonly #queue: Pending<Task, Reply>[] = [];
  #started = 0;
  #nextId = 0;
  #closed = false;

  constructor(options: WorkerPoolOptions) {
    if (!(Number.isInteger(options.workers) && options.workers >= 1)) {
      throw new RangeError(`workerPool: workers must be an integer >= 1; got ${options.workers}`);
    }
    this.size = options.workers;
    this.#script = options.script;
  }

  /** Number of tasks running now. */
  get running(): number {
    return this.#busy.size;
  }

  /** Queues a task; resolves with its reply, rejects with the worker's error or a cancellation. */
  run(task: Task): Promise<Reply> {
    if (this.#closed) return Promise.reject(new CancelledError('workerPool: the pool is closed'));
    return new Promise<Reply>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, task, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops idle workers now and busy ones when their task ends; queued tasks are cancelled. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const pending of this.#queue.splice(0)) pending.reject(new CancelledError('cancelled'));
    await Promise.all(this.#idle.splice(0).map((worker) => worker.terminate()));
  }

  /** Stops every worker at once; queued and running tasks reject with {@link CancelledError}. */
  async terminate(): Promise<void> {
    this.#closed = true;
    for (const pending of this.#queue.splice(0)) pending.reject(new CancelledError('cancelled'));
    const workers = [...this.#idle.splice(0), ...this.#busy.keys()];
    for (const pending of this.#busy.values()) pending.reject(new CancelledError('cancelled'));
    this.#busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #dispatch(): void {
    while (!this.#closed && this.#queue.length > 0) {
      let worker = this.#idle.pop();
      if (!worker && this.#started < this.size) worker = this.#spawn();
      if (!worker) return;
      const pending = this.#queue.shift()!;
      this.#busy.set(worker, pending);
      worker.postMessage({ id: pending.id, task: pending.task });
    }
  }

  #spawn(): Worker {
    this.#started += 1;
    const worker = new Worker(this.#script);
    worker.on('message', (message: WorkerReply<Reply>) => {
      const pending = this.#busy.get(worker);
      if (!pending || pending.id !== message.id) return;
      this.#busy.delete(worker);
      if ('error' in message) {
        const error = new Error(message.error.message);
        error.name = message.error.name;
        pending.reject(error);
      } else {
        pending.resolve(message.reply);
      }
      if (this.#closed) void worker.terminate();
      else this.#idle.push(worker);
      this.#dispatch();
    });
    worker.on('error', (error) => this.#lose(worker, error));
    worker.on('exit', (code) => {
      if (this.#busy.has(worker)) this.#lose(worker, new Error(`worker exited with code ${code}`));
    });
    return worker;
  }

  /** A worker died: fail its task, forget it, and let a new one take the queue. */
  #lose(worker: Worker, error: Error): void {
    const pending = this.#busy.get(worker);
    this.#busy.delete(worker);
    const idle = this.#idle.indexOf(worker);
    if (idle >= 0) this.#idle.splice(idle, 1);
    this.#started -= 1;
    void worker.terminate();
    pending?.reject(error);
    if (!this.#closed) this.#dispatch();
  }
}
