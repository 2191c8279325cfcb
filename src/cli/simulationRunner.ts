import type { Model } from '../model/Model.js';
import {
  mergeSimulationStats,
  mergeSystemsStats,
  type SimulationStats,
  type SystemsSimulationStats,
} from '../sim/stats.js';
import { finalizeSimulation, finalizeSystems } from '../sim/simulate.js';
import type { SimulateOptions, SimulationResult } from '../sim/types.js';
import { EXIT, UsageError } from './io.js';
import type { SimulationFlags } from './simulationFlags.js';
import type { Output } from './io.js';
import { createProgress, type Progress } from './progress.js';
import type { SimulationTask } from './simulationWorker.js';
import { CancelledError, WorkerDiedError, WorkerPool } from './workerPool.js';

/**
 * Wall time a chunk should take: short enough that progress moves and Ctrl-C is answered within
 * about a quarter of a second, long enough that messaging costs under 1 % of the run.
 */
const TARGET_CHUNK_SECONDS = 0.25;
/** Replications in a first chunk, before the speed of the model is known. */
const FIRST_CHUNK = 16;
/**
 * The worker's module, beside the CLI's in dist/cli, in a constant: the build's bundler would
 * inline a literal `new URL('…', import.meta.url)` as a data URL of the source.
 */
const WORKER_SCRIPT = './simulationWorker.js';

/** What a {@link SimulationRunner} finished of one range. */
export interface RangeOutcome<S = SimulationStats> {
  /** Statistics of the finished chunks, merged; absent when none finished. */
  readonly stats?: S;
  /** Replications finished. */
  readonly done: number;
}

/** Where a range sits in the progress line: replications done before it, and the total. */
export interface Shown {
  readonly before: number;
  readonly total: number;
}

/**
 * Runs replication ranges on a pool of worker threads, in chunks sized to take about 0.25 s, and
 * merges the chunks' statistics. `interrupt` stops handing out chunks (running ones finish and
 * count); a second `interrupt` cancels the running ones.
 *
 * @remarks
 * Replication i draws only from the stream of (seed, i), and merging is exact, so the merged
 * statistics are bit-identical whatever the chunk sizes, their order of completion, or the
 * number of workers.
 */
export class SimulationRunner {
  readonly workers: number;
  /** The command, to begin error messages with. */
  readonly where: string;
  readonly #pool: WorkerPool<SimulationTask, SimulationStats | SystemsSimulationStats>;
  readonly #progress: Progress;
  #stopping = false;
  #cancelled = false;

  constructor(workers: number, progress: Progress, where: string = 'simulate') {
    this.workers = workers;
    this.where = where;
    this.#progress = progress;
    this.#pool = new WorkerPool({
      script: new URL(WORKER_SCRIPT, import.meta.url),
      workers,
    });
  }

  /** Whether `interrupt` was called: the results cover only the finished replications. */
  get interrupted(): boolean {
    return this.#stopping;
  }

  /** First call: hand out no more chunks. Second call: cancel the running chunks too. */
  interrupt(): void {
    if (this.#stopping) {
      this.#cancelled = true;
      void this.#pool.terminate();
    }
    this.#stopping = true;
  }

  /**
   * Runs replications first … first + count − 1 and returns the merged statistics of those that
   * finished (all of them unless interrupted). `shown` places this range in the progress line:
   * replications already done before it, and the total the line counts to.
   */
  run(
    model: Model,
    options: SimulateOptions,
    first: number,
    count: number,
    shown: Shown = { before: 0, total: count },
  ): Promise<RangeOutcome> {
    return this.#chunks(model, options, first, count, shown, false, mergeSimulationStats);
  }

  /**
   * As {@link SimulationRunner.run}, for every system function of the model in one event stream
   * per replication (`runSystemsReplications`): per system its merged statistics.
   */
  runSystems(
    model: Model,
    options: SimulateOptions,
    first: number,
    count: number,
    shown: Shown = { before: 0, total: count },
  ): Promise<RangeOutcome<SystemsSimulationStats>> {
    return this.#chunks(model, options, first, count, shown, true, mergeSystemsStats);
  }

  async #chunks<S extends SimulationStats | SystemsSimulationStats>(
    model: Model,
    options: SimulateOptions,
    first: number,
    count: number,
    shown: Shown,
    systems: boolean,
    merge: (parts: S[]) => S,
  ): Promise<RangeOutcome<S>> {
    const parts: { readonly first: number; readonly stats: S }[] = [];
    const running = new Set<Promise<void>>();
    const end = first + count;
    let next = first;
    let done = 0;
    let secondsPerReplication: number | undefined;
    let failure: unknown;
    while (true) {
      while (
        !this.#stopping &&
        failure === undefined &&
        next < end &&
        running.size < this.workers
      ) {
        const size = chunkSize(end - next, this.workers, secondsPerReplication);
        const task: SimulationTask = {
          model,
          options,
          first: next,
          count: size,
          ...(systems && { systems }),
        };
        next += size;
        const started = performance.now();
        const chunk: Promise<void> = this.#pool.run(task).then(
          (stats) => {
            // The worker answers a task of several systems with their statistics.
            parts.push({ first: task.first, stats: stats as S });
            done += size;
            const seconds = (performance.now() - started) / 1000 / size;
            secondsPerReplication =
              secondsPerReplication === undefined
                ? seconds
                : 0.5 * (secondsPerReplication + seconds);
            this.#progress.update(shown.before + done, shown.total);
          },
          (error: unknown) => {
            if (!(error instanceof CancelledError))
              failure ??= chunkFailure(this.where, error, task.first, task.count);
          },
        );
        running.add(chunk);
        void chunk.finally(() => running.delete(chunk));
      }
      if (running.size === 0) break;
      await Promise.race(running);
    }
    if (failure !== undefined) throw failure;
    parts.sort((a, b) => a.first - b.first);
    return parts.length > 0 ? { stats: merge(parts.map((part) => part.stats)), done } : { done };
  }

  /** Stops the worker threads (after their running chunk, unless cancelled). */
  async close(): Promise<void> {
    if (this.#cancelled) await this.#pool.terminate();
    else await this.#pool.close();
  }
}

/**
 * Replications in the next chunk: about {@link TARGET_CHUNK_SECONDS} of work at the measured
 * speed, but never more than an equal share of what is left, so the workers finish together.
 */
function chunkSize(left: number, workers: number, secondsPerReplication?: number): number {
  const share = Math.ceil(left / workers);
  if (secondsPerReplication === undefined) return Math.min(FIRST_CHUNK, share);
  const timed = Math.floor(TARGET_CHUNK_SECONDS / Math.max(secondsPerReplication, 1e-9));
  return Math.max(1, Math.min(timed, share));
}

/**
 * The run-ending error for a chunk of replications first … first + count − 1 that failed: a
 * worker that died twice, or an error thrown by the simulator, as a one-line message (exit 1).
 */
export function chunkFailure(where: string, error: unknown, first: number, count: number): Error {
  const range = `replications ${first}–${first + count - 1}`;
  if (error instanceof WorkerDiedError) {
    return new UsageError(
      `${where}: a worker died twice on ${range} (${error.reason}); no result was written`,
      EXIT.failed,
    );
  }
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  return new UsageError(
    `${where}: ${range} failed: ${name}: ${message}; no result was written`,
    EXIT.failed,
  );
}

/** The signals that stop a run in order: Ctrl-C, and what Kubernetes and systemd send. */
export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
/** One of {@link INTERRUPT_SIGNALS}. */
export type InterruptSignal = (typeof INTERRUPT_SIGNALS)[number];

/** 128 + the signal's number: the exit code a shell reports for a process it ended. */
const SIGNAL_EXIT: Readonly<Record<InterruptSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

/** The first interrupting signal this process received during a run, if any. */
let received: InterruptSignal | undefined;

/**
 * The exit code of a run stopped by a signal: 130 after Ctrl-C (SIGINT), 143 after SIGTERM; 130
 * when no signal was seen. `relkit` turns a command's `EXIT_INTERRUPTED` into it, so simulate,
 * check and sweep answer SIGTERM alike.
 */
export function interruptExitCode(): number {
  return SIGNAL_EXIT[received ?? 'SIGINT'];
}

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into `runner.interrupt()`, with a note on stderr, until the
 * returned function is called; without it Node would exit at once (130 or 143, silently) and lose
 * the finished replications. The first signal stops handing out chunks; a second one, of either
 * kind, cancels the running ones.
 */
export function listenForInterrupt(runner: SimulationRunner, output: Output): () => void {
  const handler = (signal: InterruptSignal): void => {
    received ??= signal;
    const name = signal === 'SIGINT' ? 'interrupted' : 'terminated (SIGTERM)';
    output.stderr(
      runner.interrupted
        ? `\nrelkit: ${name}: stopping the running chunks\n`
        : `\nrelkit: ${name}: finishing the running chunks (Ctrl-C or SIGTERM again to stop them now)\n`,
    );
    runner.interrupt();
  };
  for (const signal of INTERRUPT_SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of INTERRUPT_SIGNALS) process.off(signal, handler);
  };
}

/**
 * Starts a runner on the flags' workers, with a progress line on stderr when it is a terminal
 * (or `--progress`) and Ctrl-C turned into an orderly stop; call `stopListening` when done.
 */
export function startRunner(
  flags: SimulationFlags,
  output: Output,
  where: string = 'simulate',
): { runner: SimulationRunner; progress: Progress; stopListening: () => void } {
  const progress = createProgress({
    write: (text) => process.stderr.write(text),
    isTTY: flags.progress || process.stderr.isTTY === true,
  });
  if (flags.workersNote !== undefined) output.stderr(`relkit: note: ${flags.workersNote}\n`);
  const runner = new SimulationRunner(flags.workers, progress, where);
  return { runner, progress, stopListening: listenForInterrupt(runner, output) };
}

/** What a run produced: merged statistics, the replications it set out to run, its warnings. */
export interface SimulationRun<S = SimulationStats> {
  readonly stats?: S;
  readonly planned: number;
  readonly warnings: readonly string[];
  /** With a precision goal: the cap of replications was reached before the goal. */
  readonly capped?: boolean;
}

/** One system's simulation result; `name` undefined for a model with one system. */
export interface NamedResult {
  readonly name?: string;
  readonly result: SimulationResult;
}

/**
 * What a command simulates, as statistics of type S: one system (a model with one, or the view
 * `--system` picks; {@link ONE_SYSTEM}), or every system of a model in one event stream per
 * replication ({@link EVERY_SYSTEM}); how its ranges are run, merged and read.
 */
export interface RunKind<S> {
  run(
    runner: SimulationRunner,
    model: Model,
    options: SimulateOptions,
    first: number,
    count: number,
    shown?: Shown,
  ): Promise<RangeOutcome<S>>;
  merge(parts: S[]): S;
  /** Replications the statistics hold. */
  replications(stats: S): number;
  /** Each system's result, in the model's order. */
  results(model: Model, stats: S, options: SimulateOptions, wallSeconds?: number): NamedResult[];
}

/** A model with one system (or one system's view): its statistics and result. */
export const ONE_SYSTEM: RunKind<SimulationStats> = {
  run: (runner, model, options, first, count, shown) =>
    runner.run(model, options, first, count, shown),
  merge: mergeSimulationStats,
  replications: (stats) => stats.replications,
  results: (model, stats, options, wallSeconds) => [
    { result: finalizeSimulation(model, stats, options, wallSeconds) },
  ],
};

/** Every system of a model with several, from one event stream per replication. */
export const EVERY_SYSTEM: RunKind<SystemsSimulationStats> = {
  run: (runner, model, options, first, count, shown) =>
    runner.runSystems(model, options, first, count, shown),
  merge: mergeSystemsStats,
  replications: (stats) => stats.systems[0]?.stats.replications ?? 0,
  results: (model, stats, _options, wallSeconds) => {
    const { systems } = finalizeSystems(model, stats, wallSeconds);
    return stats.systems.map(({ name }) => ({ name, result: systems[name]! })); // finalized above
  },
};

/** Runs the replications the flags ask for (default 1000) and merges them. */
export async function runFixed<S>(
  runner: SimulationRunner,
  kind: RunKind<S>,
  model: Model,
  flags: SimulationFlags,
): Promise<SimulationRun<S>> {
  const planned = flags.replications ?? 1000;
  const outcome = await kind.run(runner, model, flags.options, 0, planned);
  return { ...(outcome.stats && { stats: outcome.stats }), planned, warnings: [] };
}
