import { availableParallelism, freemem, totalmem } from 'node:os';
import { SIMULATED_MEASURES, type SimulateOptions, type SimulatedMeasure } from '../sim/types.js';
import { parseIntegerOption, parseNumberOption } from './format.js';
import { EXIT, UsageError } from './io.js';

/** Grid sizes the simulator accepts, as for `analyze --points`. */
const GRID_RANGE = [2, 100_000] as const;

/** The parseArgs options shared by simulate, check and sweep. */
export const SIMULATION_FLAGS = {
  replications: { type: 'string' },
  horizon: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  grid: { type: 'string' },
  measures: { type: 'string' },
  'mttf-cap': { type: 'string' },
  progress: { type: 'boolean', default: false },
} as const;

/** The simulation flags, checked. */
export interface SimulationFlags {
  /** `--replications`, when given (its default depends on the command). */
  readonly replications?: number;
  /** Worker threads: `--workers`, else every core; at most {@link workerLimit}. */
  readonly workers: number;
  /** Why fewer workers than asked will run ({@link capWorkers}), for a note on stderr. */
  readonly workersNote?: string;
  /** Horizon, seed and grid for the simulator. */
  readonly options: SimulateOptions;
  /** `--progress`: draw the progress line even when stderr is not a terminal (logs, tests). */
  readonly progress: boolean;
}

/**
 * Checks the shared simulation flags. A value that is not a number is a usage error (exit 64);
 * a number out of range exits 1, with the flag and value in the message.
 */
export function parseSimulationFlags(values: {
  readonly replications?: string;
  readonly horizon?: string;
  readonly seed?: string;
  readonly workers?: string;
  readonly grid?: string;
  readonly measures?: string;
  readonly 'mttf-cap'?: string;
  readonly progress?: boolean;
}): SimulationFlags {
  const replications =
    values.replications === undefined
      ? undefined
      : parseIntegerOption('--replications', values.replications, 1);
  const asked =
    values.workers === undefined
      ? availableParallelism()
      : parseIntegerOption('--workers', values.workers, 1, 1024);
  const { workers, note } = capWorkers(asked, values.workers !== undefined);
  const options: SimulateOptions = {
    ...(values.horizon !== undefined && { horizon: horizonOption(values.horizon) }),
    // Any finite number: its decimal string keys the random streams (src/sim/random.ts).
    ...(values.seed !== undefined && { seed: parseNumberOption('--seed', values.seed) }),
    ...(values.grid !== undefined && {
      grid: parseIntegerOption('--grid', values.grid, GRID_RANGE[0], GRID_RANGE[1]),
    }),
    ...(values.measures !== undefined && { measures: measuresOption(values.measures) }),
    ...(values['mttf-cap'] !== undefined && { mttfCap: mttfCapOption(values['mttf-cap']) }),
  };
  return {
    ...(replications !== undefined && { replications }),
    workers,
    ...(note !== undefined && { workersNote: note }),
    options,
    progress: values.progress === true,
  };
}

/**
 * Memory one simulation worker thread takes: 16.6 MB, as measured for issue #14 (its V8 isolate
 * with the simulator compiled, and one chunk's statistics; `--workers 1024` took about 17 GB).
 */
export const WORKER_MEMORY_BYTES = 16.6e6;

/** The workers together may take at most this share of the memory available at the start. */
const WORKER_MEMORY_SHARE = 0.5;

/** What limits the worker threads: the cores and the memory available. */
export interface WorkerResources {
  /** `os.availableParallelism()`. */
  readonly cores: number;
  /** Bytes available: `os.freemem()`, or the cgroup limit when lower (`process.constrainedMemory()`). */
  readonly availableBytes: number;
}

/** The machine's {@link WorkerResources}. */
export function workerResources(): WorkerResources {
  const constrained = (
    process as { constrainedMemory?: () => number | undefined }
  ).constrainedMemory?.();
  const limit =
    constrained !== undefined && constrained > 0 && constrained < totalmem()
      ? constrained
      : Infinity;
  return { cores: availableParallelism(), availableBytes: Math.min(freemem(), limit) };
}

/**
 * The most worker threads worth starting: one per core (the simulation is CPU-bound, so more only
 * share the cores) and no more than half the available memory holds at
 * {@link WORKER_MEMORY_BYTES} each; at least 1.
 *
 * $$
 * W_{\max} = \max\big(1, \min(\text{cores}, \lfloor 0.5\,M / 16.6\,\text{MB} \rfloor)\big)
 * $$
 */
export function workerLimit(resources: WorkerResources = workerResources()): number {
  const byMemory = Math.floor(
    (WORKER_MEMORY_SHARE * resources.availableBytes) / WORKER_MEMORY_BYTES,
  );
  return Math.max(1, Math.min(resources.cores, byMemory));
}

/**
 * Caps the worker threads at {@link workerLimit}, with a note naming the limit that applied. The
 * result does not depend on the number of workers, so a cap never changes a number, only the
 * time and memory (`--workers 1024` took about 17 GB).
 *
 * @param asked - workers asked for (`--workers`, else the cores)
 * @param explicit - whether `--workers` was given (the note then names the flag)
 * @param resources - the machine's cores and memory
 * @returns the workers to start, and a note when they are fewer than asked
 */
export function capWorkers(
  asked: number,
  explicit: boolean,
  resources: WorkerResources = workerResources(),
): { workers: number; note?: string } {
  const limit = workerLimit(resources);
  if (asked <= limit) return { workers: asked };
  const what = explicit ? `--workers ${asked}` : `${asked} workers (one per core)`;
  const byMemory = Math.floor(
    (WORKER_MEMORY_SHARE * resources.availableBytes) / WORKER_MEMORY_BYTES,
  );
  const why =
    byMemory < resources.cores
      ? `would take about ${megabytes(asked * WORKER_MEMORY_BYTES)}; half the ${megabytes(resources.availableBytes)} of memory available holds ${Math.max(1, byMemory)} workers of ${megabytes(WORKER_MEMORY_BYTES)}`
      : `is more than the ${resources.cores} cores of this machine (os.availableParallelism())`;
  return {
    workers: limit,
    note: `${what} ${why}; using ${limit} (the result is the same for any number of workers)`,
  };
}

/** 16.6 MB, 1.2 GB: bytes in decimal units, three significant digits. */
function megabytes(bytes: number): string {
  return bytes >= 1e9
    ? `${Number((bytes / 1e9).toPrecision(3))} GB`
    : `${Number((bytes / 1e6).toPrecision(3))} MB`;
}

/** A shard: slice `index` (0-based) of `count` equal slices. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `--shard i/n`, i in [0, n) (0-based like Kubernetes `$JOB_COMPLETION_INDEX`). */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) {
    throw new UsageError(`--shard must be i/n, such as 0/4; got ${JSON.stringify(text)}`);
  }
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!(count >= 1 && index < count)) {
    throw new UsageError(
      `--shard i/n must have n >= 1 and 0 <= i < n (i is 0-based); got ${JSON.stringify(text)}`,
      EXIT.failed,
    );
  }
  return { index, count };
}

/**
 * Returns `[first, count]` of shard i of n over `replications`: replications ⌊i·N/n⌋ …
 * ⌊(i+1)·N/n⌋ − 1, so the n slices tile 0 … N − 1 and differ in size by at most one.
 */
export function shardRange(index: number, shards: number, replications: number): [number, number] {
  // Exact in doubles while replications · shards < 2^53.
  const first = Math.floor((index * replications) / shards);
  const end = Math.floor(((index + 1) * replications) / shards);
  return [first, end - first];
}

/** `--measures a,b,…`: names of measures the simulator estimates, checked. */
function measuresOption(text: string): SimulatedMeasure[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const known = new Set<string>(SIMULATED_MEASURES);
  const unknown = names.filter((name) => !known.has(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--measures must be a comma-separated list of ${SIMULATED_MEASURES.join(', ')}; got ${JSON.stringify(text)}`,
      EXIT.failed,
    );
  }
  return names as SimulatedMeasure[];
}

/** `--mttf-cap C`: a finite number ≥ 1. */
function mttfCapOption(text: string): number {
  const value = parseNumberOption('--mttf-cap', text);
  if (!(value >= 1)) {
    throw new UsageError(`--mttf-cap must be a finite number >= 1; got ${text}`, EXIT.failed);
  }
  return value;
}

function horizonOption(text: string): number {
  const value = parseNumberOption('--horizon', text);
  if (!(value > 0)) {
    throw new UsageError(`--horizon must be a finite number > 0; got ${text}`, EXIT.failed);
  }
  return value;
}
