import { ParameterError } from '../errors.js';
import {
  addExact,
  canonicalExact,
  createExactAccumulator,
  mergeExact,
  type ExactAccumulator,
} from '../numeric/exactAccumulator.js';

/**
 * Version of the {@link SimulationStats} layout and of the streams behind it; parts of different
 * versions never merge. 4: batch sums (batchDown, batchRate, batchCross) added; 3: exponential failure and repair times from the ziggurat
 * (src/sim/exponentialZiggurat.ts) instead of −mean·ln(1 − u); 2: variates from xoshiro128**
 * keyed by seedrandom; 1: seedrandom ARC4 `double()`. Each change gives the same seed other
 * (equally valid) numbers than the version before.
 */
export const SIMULATION_STATS_VERSION = 4;

/**
 * Batches per replication for batch means: the steady window [w, T] of every replication is
 * split into this many equal batches (see {@link SimulationStats.batchDown}).
 */
export const BATCH_COUNT = 20;

/** Exact sums of a per-replication quantity x: Σx and Σx², for its mean and standard error. */
export interface MomentSums {
  readonly sum: ExactAccumulator;
  readonly sumSquares: ExactAccumulator;
}

/**
 * The sufficient statistics of a set of replications: plain JSON (file-, postMessage- and
 * merge-safe). Every sum is an exact accumulator in canonical form or an integer count, so parts
 * merge to bit-identical numbers in any order and any split.
 */
export interface SimulationStats {
  /** Layout version, {@link SIMULATION_STATS_VERSION}. */
  readonly version: number;
  /** {@link modelHash} of the simulated model. */
  readonly modelHash: string;
  readonly seed: number;
  /** Observed interval [0, T], in the model's time unit. */
  readonly horizon: number;
  /** Number of evenly spaced grid times on [0, T]. */
  readonly grid: number;
  /** Fraction of T before the steady window [w, T] opens. */
  readonly warmup: number;
  /** A replication without system failure stops at mttfCap × T (censored). */
  readonly mttfCap: number;
  /** The random generator, `SIMULATION_GENERATOR` of src/sim/random.ts. */
  readonly generator: string;
  readonly replications: number;
  /** Replication ranges covered, [first, endExclusive), sorted and coalesced. */
  readonly ranges: [number, number][];
  /** Events processed (see {@link SystemSimulator}). */
  readonly events: number;
  /** Wall-clock seconds spent, summed over parts (not reproducible; never merged into measures). */
  readonly elapsedSeconds: number;
  /** Per grid time, replications with no system failure in [0, t]. */
  readonly survivors: number[];
  /** Per grid time, replications in which the system was up at t. */
  readonly upAtGrid: number[];
  /** Time to first system failure, min(T₁, mttfCap·T). */
  readonly firstFailure: MomentSums;
  /** Replications with no system failure before mttfCap·T. */
  readonly censored: number;
  /** Fraction of [0, T] down, per replication. */
  readonly intervalDown: MomentSums;
  /** Fraction of the window [w, T] down, per replication. */
  readonly windowDown: MomentSums;
  /** System failures per unit time in the window, per replication. */
  readonly windowRate: MomentSums;
  /** Σ windowDown·windowRate, for the covariance of the ratios mut and mdt. */
  readonly windowCross: ExactAccumulator;
  /**
   * Fraction down of each of the {@link BATCH_COUNT} equal batches of [w, T], over all batches
   * of all replications (batch means: intervals from one long run).
   */
  readonly batchDown: MomentSums;
  /** System failures per unit time in each batch (its integer count / batch length). */
  readonly batchRate: MomentSums;
  /** Σ batchDown·batchRate over batches, for the covariance of mut and mdt by batch means. */
  readonly batchCross: ExactAccumulator;
  /** System failures in [0, T], all replications. */
  readonly failures: number;
  /** System failures in [0, T] by the component whose unit failure caused them, file order. */
  readonly criticality: number[];
}

/** The fixed facts of a run that every part must share to be merged. */
export interface StatsHeader {
  readonly modelHash: string;
  readonly seed: number;
  readonly horizon: number;
  readonly grid: number;
  readonly warmup: number;
  readonly mttfCap: number;
  readonly generator: string;
}

/** Mutable form used while replications are added. */
export type MutableStats = {
  -readonly [K in keyof SimulationStats]: SimulationStats[K];
};

/**
 * Returns empty statistics for `header` with `componentCount` criticality counters.
 *
 * @param header - the run's fixed facts
 * @param componentCount - number of components of the model
 * @returns statistics of zero replications
 */
export function emptyStats(header: StatsHeader, componentCount: number): MutableStats {
  return {
    version: SIMULATION_STATS_VERSION,
    ...header,
    replications: 0,
    ranges: [],
    events: 0,
    elapsedSeconds: 0,
    survivors: new Array<number>(header.grid).fill(0),
    upAtGrid: new Array<number>(header.grid).fill(0),
    firstFailure: emptyMoments(),
    censored: 0,
    intervalDown: emptyMoments(),
    windowDown: emptyMoments(),
    windowRate: emptyMoments(),
    windowCross: createExactAccumulator(),
    batchDown: emptyMoments(),
    batchRate: emptyMoments(),
    batchCross: createExactAccumulator(),
    failures: 0,
    criticality: new Array<number>(componentCount).fill(0),
  };
}

/** Adds x to Σx and x² to Σx², exactly. */
export function addMoment(moments: MomentSums, x: number): void {
  addExact(moments.sum, x);
  addExact(moments.sumSquares, x * x);
}

/** Puts every accumulator of `stats` in canonical form (order-independent partial lists). */
export function canonicalStats(stats: MutableStats): SimulationStats {
  for (const key of [
    'firstFailure',
    'intervalDown',
    'windowDown',
    'windowRate',
    'batchDown',
    'batchRate',
  ] as const) {
    stats[key] = canonicalMoments(stats[key]);
  }
  stats.windowCross = canonicalExact(stats.windowCross);
  stats.batchCross = canonicalExact(stats.batchCross);
  return stats;
}

/**
 * Returns the statistics of the union of `parts`: counts added, exact sums merged, ranges
 * coalesced. The result does not depend on the order or the split of the parts.
 *
 * $$
 * S_{\text{merged}} = \sum_{\text{parts}} S_{\text{part}} \quad\text{(exactly)}
 * $$
 *
 * @param parts - statistics of disjoint replication ranges of one run, at least one
 * @returns the merged statistics
 * @throws {@link ParameterError} when `parts` is empty, when parts differ in layout version, model
 * hash, seed, horizon, grid, warm-up, MTTF cap or generator, or when replication ranges overlap
 *
 * @remarks Cost O(parts · (grid + components)).
 *
 * @example
 * ```ts
 * const header = { modelHash: 'h', seed: 1, horizon: 10, grid: 2, warmup: 0.1, mttfCap: 1000, generator: 'g' };
 * const a = { ...emptyStats(header, 1), replications: 5, ranges: [[0, 5]] };
 * const b = { ...emptyStats(header, 1), replications: 3, ranges: [[5, 8]] };
 * mergeSimulationStats([b, a]).ranges; // → [[0, 8]]
 * ```
 */
export function mergeSimulationStats(parts: readonly SimulationStats[]): SimulationStats {
  const where = 'mergeSimulationStats';
  if (parts.length === 0) throw new ParameterError(where, 'parts', 'hold at least one part', parts);
  const first = parts[0]!;
  const fields = [
    'version',
    'modelHash',
    'seed',
    'horizon',
    'grid',
    'warmup',
    'mttfCap',
    'generator',
  ] as const;
  parts.forEach((part, i) => {
    for (const field of fields) {
      if (part[field] !== first[field]) {
        throw new ParameterError(
          where,
          `parts[${i}].${field}`,
          `equal parts[0].${field} (${String(first[field])}): parts of different runs do not merge`,
          part[field],
        );
      }
    }
  });
  const ranges = parts.flatMap((part) => part.ranges.map(([a, b]) => [a, b] as [number, number]));
  ranges.sort((x, y) => x[0] - y[0]);
  const coalesced: [number, number][] = [];
  for (const range of ranges) {
    const last = coalesced[coalesced.length - 1];
    if (last !== undefined && range[0] < last[1]) {
      throw new ParameterError(
        where,
        'parts',
        'cover disjoint replication ranges',
        `[${last[0]}, ${last[1]}) overlaps [${range[0]}, ${range[1]})`,
      );
    }
    if (last !== undefined && range[0] === last[1]) last[1] = range[1];
    else coalesced.push([range[0], range[1]]);
  }
  const addCounts = (key: 'survivors' | 'upAtGrid' | 'criticality'): number[] =>
    first[key].map((_, i) => parts.reduce((total, part) => total + part[key][i]!, 0));
  const total = (
    key: 'replications' | 'events' | 'elapsedSeconds' | 'censored' | 'failures',
  ): number => parts.reduce((sum, part) => sum + part[key], 0);
  const moments = (
    key: 'firstFailure' | 'intervalDown' | 'windowDown' | 'windowRate' | 'batchDown' | 'batchRate',
  ): MomentSums => ({
    sum: mergeExact(parts.map((part) => part[key].sum)),
    sumSquares: mergeExact(parts.map((part) => part[key].sumSquares)),
  });
  return {
    version: first.version,
    modelHash: first.modelHash,
    seed: first.seed,
    horizon: first.horizon,
    grid: first.grid,
    warmup: first.warmup,
    mttfCap: first.mttfCap,
    generator: first.generator,
    replications: total('replications'),
    ranges: coalesced,
    events: total('events'),
    elapsedSeconds: total('elapsedSeconds'),
    survivors: addCounts('survivors'),
    upAtGrid: addCounts('upAtGrid'),
    firstFailure: moments('firstFailure'),
    censored: total('censored'),
    intervalDown: moments('intervalDown'),
    windowDown: moments('windowDown'),
    windowRate: moments('windowRate'),
    windowCross: mergeExact(parts.map((part) => part.windowCross)),
    batchDown: moments('batchDown'),
    batchRate: moments('batchRate'),
    batchCross: mergeExact(parts.map((part) => part.batchCross)),
    failures: total('failures'),
    criticality: addCounts('criticality'),
  };
}

function emptyMoments(): MomentSums {
  return { sum: createExactAccumulator(), sumSquares: createExactAccumulator() };
}

function canonicalMoments(moments: MomentSums): MomentSums {
  return { sum: canonicalExact(moments.sum), sumSquares: canonicalExact(moments.sumSquares) };
}
