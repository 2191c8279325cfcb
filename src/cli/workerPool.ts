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

/**
 * A task's promise rejects with this when its worker thread died (it exited, or threw outside
 * the task) on the task's retry too: every task is re-run once on a fresh worker first.
 */
export class WorkerDiedError extends Error {
  override readonly name: string = 'WorkerDiedError';
  /** How the worker died the second time: `exit code 1`, or `uncaught Error: …`. */
  readonly reason: string;

  constructor(reason: string) {
    super(`workerPool: a worker died twice on one task (${reason})`);
    this.reason = reason;
  }
}

interface Pending<Task, Reply> {
  readonly id: number;
  readonly task: Task;
  /** Workers that died running this task. */
  deaths: number;
  resolve(reply: Reply): void;
  reject(error: Error): void;
}

/**
 * A fixed set of worker threads running tasks first come, first served: `run` queues a task and
 * resolves with the worker's reply; `terminate` stops every worker and rejects what is queued or
 * running with {@link CancelledError}.
 *
 * @remarks
 * Threads start lazily on the first task, so a pool that is never used costs nothing. A task
 * that throws in its worker rejects with that error at once. A worker that dies (it exits, or
 * an error escapes outside the task) is replaced and its task re-run once on a fresh worker; a
 * second death rejects the task with {@link WorkerDiedError}. The pool keeps the process alive
 * until `close` or `terminate`.
 */
export class WorkerPool<Task, Reply> {
  readonly size: number;
  readonly #script: URL;
  /** Every live worker, idle or busy. */
  readonly #workers = new Set<Worker>();
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Pending<Task, Reply>>();
  readonly #queue: Pending<Task, Reply>[] = [];
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
      this.#queue.push({ id: this.#nextId++, task, deaths: 0, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops idle workers now and busy ones when their task ends; queued tasks are cancelled. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const pending of this.#queue.splice(0)) pending.reject(new CancelledError('cancelled'));
    const idle = this.#idle.splice(0);
    for (const worker of idle) this.#workers.delete(worker);
    await Promise.all(idle.map((worker) => worker.terminate()));
  }

  /** Stops every worker at once; queued and running tasks reject with {@link CancelledError}. */
  async terminate(): Promise<void> {
    this.#closed = true;
    for (const pending of this.#queue.splice(0)) pending.reject(new CancelledError('cancelled'));
    const workers = [...this.#workers];
    this.#workers.clear();
    this.#idle.splice(0);
    for (const pending of this.#busy.values()) pending.reject(new CancelledError('cancelled'));
    this.#busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #dispatch(): void {
    while (!this.#closed && this.#queue.length > 0) {
      let worker = this.#idle.pop();
      if (!worker && this.#workers.size < this.size) worker = this.#spawn();
      if (!worker) return;
      this.#start(worker, this.#queue.shift()!);
    }
  }

  #start(worker: Worker, pending: Pending<Task, Reply>): void {
    this.#busy.set(worker, pending);
    worker.postMessage({ id: pending.id, task: pending.task });
  }

  #spawn(): Worker {
    const worker = new Worker(this.#script);
    this.#workers.add(worker);
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
      if (this.#closed) {
        this.#workers.delete(worker);
        void worker.terminate();
      } else {
        this.#idle.push(worker);
      }
      this.#dispatch();
    });
    worker.on('error', (error) => this.#lose(worker, `uncaught ${error.name}: ${error.message}`));
    worker.on('exit', (code) => this.#lose(worker, `exit code ${code}`));
    return worker;
  }

  /**
   * A worker died (or was stopped by the pool: then it is already forgotten and nothing
   * happens). Forget it; re-run its task once on a fresh worker, or reject it on a second death.
   */
  #lose(worker: Worker, reason: string): void {
    if (!this.#workers.delete(worker)) return;
    const pending = this.#busy.get(worker);
    this.#busy.delete(worker);
    const idle = this.#idle.indexOf(worker);
    if (idle >= 0) this.#idle.splice(idle, 1);
    void worker.terminate();
    if (pending) {
      pending.deaths += 1;
      // After close() a running task still runs to its end, so it is retried then too.
      if (pending.deaths >= 2) pending.reject(new WorkerDiedError(reason));
      else this.#start(this.#spawn(), pending);
    }
    if (!this.#closed) this.#dispatch();
  }
}
