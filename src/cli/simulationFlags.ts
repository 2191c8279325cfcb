import { availableParallelism } from 'node:os';
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
  /** Worker threads: `--workers`, else every core. */
  readonly workers: number;
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
  const workers =
    values.workers === undefined
      ? availableParallelism()
      : parseIntegerOption('--workers', values.workers, 1, 1024);
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
    options,
    progress: values.progress === true,
  };
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
