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
 * versions never merge. 7: proof tests, preventive replacement, Kijima repair and costs: the
 * maintenance events and draws, the mission cost per replication, the cycle cost sums (C, C²,
 * L·C); 6: Weibull, lognormal and (mean ≥ 0) normal failure and repair times
 * from the ziggurats (src/sim/lawSampler.ts) instead of each law's inversion `sample`; 5:
 * regeneration cycles, batches of all of [0, T] for MSER deletion, the
 * measures asked for; 4: batch sums of the window [w, T]; 3: exponential failure and repair times
 * from the ziggurat (src/sim/exponentialZiggurat.ts) instead of −mean·ln(1 − u); 2: variates from
 * xoshiro128** keyed by seedrandom; 1: seedrandom ARC4 `double()`. Each change gives the same
 * seed other (equally valid) numbers than the version before.
 */
export const SIMULATION_STATS_VERSION = 7;

/**
 * Equal batches of [0, T] per replication: the series on which MSER chooses how much of the
 * start to delete, and the batch means of a short run (see src/sim/measures.ts).
 */
export const BATCH_COUNT = 100;

/** MSER may delete at most this many batches, half the run. */
export const MSER_MAX_DELETION = 50;

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
  /** A replication running on past T stops at mttfCap × T. */
  readonly mttfCap: number;
  /** The measures asked for, sorted (`SimulateOptions.measures`). */
  readonly measures: readonly string[];
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
  /** Time to first system failure, min(T₁, mttfCap·T), when the run went on for it. */
  readonly firstFailure: MomentSums;
  /** Replications with no system failure before their run ended. */
  readonly censored: number;
  /** Fraction of [0, T] down, per replication. */
  readonly intervalDown: MomentSums;
  /** Maintenance cost in [0, T] per replication (zeros when the model has no costs). */
  readonly missionCost: MomentSums;
  /**
   * Replications with any down time in [0, T] beyond the down time of the proof tests alone
   * (src/sim/testDowntime.ts; 0 without tests that take time).
   */
  readonly downReplications: number;
  /** System failures in [0, T], all replications. */
  readonly failures: number;
  /** System failures in [0, T] by the component whose unit failure caused them, file order. */
  readonly criticality: number[];
  /** Per batch j of [0, T]: Σ over replications of the fraction of the batch down. */
  readonly batchDown: ExactAccumulator[];
  /** Per batch: Σ over replications of the system failures in it (integers). */
  readonly batchFailures: number[];
  /** Per batch: Σ of the squared down fraction, squared failure rate and their product. */
  readonly batchDownSquares: ExactAccumulator[];
  readonly batchRateSquares: ExactAccumulator[];
  readonly batchCross: ExactAccumulator[];
  /**
   * Per deletion d = 0 … {@link MSER_MAX_DELETION}: Σ over replications of a², r² and a·r, where
   * a and r are the replication's down fraction and failure rate over batches d … B − 1.
   */
  readonly suffixDownSquares: ExactAccumulator[];
  readonly suffixRateSquares: ExactAccumulator[];
  readonly suffixCross: ExactAccumulator[];
  /** Regeneration cycles that began in [0, T] and ended, all replications. */
  readonly cycles: number;
  /** Exact sums over those cycles, indexed by `CYCLE` of src/sim/system/ReplicationRecorder.ts. */
  readonly cycleSums: ExactAccumulator[];
  /** Replications whose cycle open at T was still open at the cap. */
  readonly cyclesCensored: number;
  /** The longest cycle. */
  readonly longestCycle: number;
}

/** The fixed facts of a run that every part must share to be merged. */
export interface StatsHeader {
  readonly modelHash: string;
  readonly seed: number;
  readonly horizon: number;
  readonly grid: number;
  readonly mttfCap: number;
  readonly measures: readonly string[];
  readonly generator: string;
}

/** Mutable form used while replications are added. */
export type MutableStats = {
  -readonly [K in keyof SimulationStats]: SimulationStats[K];
};

/** The accumulator-array fields of {@link SimulationStats}. */
const ACCUMULATOR_ARRAYS = [
  'batchDown',
  'batchDownSquares',
  'batchRateSquares',
  'batchCross',
  'suffixDownSquares',
  'suffixRateSquares',
  'suffixCross',
  'cycleSums',
] as const;

/**
 * Returns empty statistics for `header` with `componentCount` criticality counters.
 *
 * @param header - the run's fixed facts
 * @param componentCount - number of components of the model
 * @param cycleSums - number of cycle sums (`CYCLE_SUMS`)
 * @returns statistics of zero replications
 */
export function emptyStats(
  header: StatsHeader,
  componentCount: number,
  cycleSums = 0,
): MutableStats {
  const accumulators = (n: number): ExactAccumulator[] =>
    Array.from({ length: n }, createExactAccumulator);
  return {
    version: SIMULATION_STATS_VERSION,
    ...header,
    measures: [...header.measures],
    replications: 0,
    ranges: [],
    events: 0,
    elapsedSeconds: 0,
    survivors: new Array<number>(header.grid).fill(0),
    upAtGrid: new Array<number>(header.grid).fill(0),
    firstFailure: emptyMoments(),
    censored: 0,
    intervalDown: emptyMoments(),
    missionCost: emptyMoments(),
    downReplications: 0,
    failures: 0,
    criticality: new Array<number>(componentCount).fill(0),
    batchDown: accumulators(BATCH_COUNT),
    batchFailures: new Array<number>(BATCH_COUNT).fill(0),
    batchDownSquares: accumulators(BATCH_COUNT),
    batchRateSquares: accumulators(BATCH_COUNT),
    batchCross: accumulators(BATCH_COUNT),
    suffixDownSquares: accumulators(MSER_MAX_DELETION + 1),
    suffixRateSquares: accumulators(MSER_MAX_DELETION + 1),
    suffixCross: accumulators(MSER_MAX_DELETION + 1),
    cycles: 0,
    cycleSums: accumulators(cycleSums),
    cyclesCensored: 0,
    longestCycle: 0,
  };
}

/** Adds x to Σx and x² to Σx², exactly. */
export function addMoment(moments: MomentSums, x: number): void {
  addExact(moments.sum, x);
  addExact(moments.sumSquares, x * x);
}

/** Puts every accumulator of `stats` in canonical form (order-independent partial lists). */
export function canonicalStats(stats: MutableStats): SimulationStats {
  stats.firstFailure = canonicalMoments(stats.firstFailure);
  stats.intervalDown = canonicalMoments(stats.intervalDown);
  stats.missionCost = canonicalMoments(stats.missionCost);
  for (const key of ACCUMULATOR_ARRAYS) stats[key] = stats[key].map(canonicalExact);
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
 * hash, seed, horizon, grid, MTTF cap, measures or generator, or when replication ranges overlap
 *
 * @remarks Cost O(parts · (grid + components + batches)).
 *
 * @example
 * ```ts
 * const header = { modelHash: 'h', seed: 1, horizon: 10, grid: 2, mttfCap: 1000, measures: ['mttf'], generator: 'g' };
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
    'mttfCap',
    'measures',
    'generator',
  ] as const;
  const key = (value: unknown): string => (Array.isArray(value) ? value.join(',') : String(value));
  parts.forEach((part, i) => {
    for (const field of fields) {
      if (key(part[field]) !== key(first[field])) {
        throw new ParameterError(
          where,
          `parts[${i}].${field}`,
          `equal parts[0].${field} (${key(first[field])}): parts of different runs do not merge`,
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
  const addCounts = (k: 'survivors' | 'upAtGrid' | 'criticality' | 'batchFailures'): number[] =>
    first[k].map((_, i) => parts.reduce((total, part) => total + part[k][i]!, 0));
  const total = (
    k:
      | 'replications'
      | 'events'
      | 'elapsedSeconds'
      | 'censored'
      | 'failures'
      | 'downReplications'
      | 'cycles'
      | 'cyclesCensored',
  ): number => parts.reduce((sum, part) => sum + part[k], 0);
  const moments = (k: 'firstFailure' | 'intervalDown' | 'missionCost'): MomentSums => ({
    sum: mergeExact(parts.map((part) => part[k].sum)),
    sumSquares: mergeExact(parts.map((part) => part[k].sumSquares)),
  });
  const merged: MutableStats = {
    version: first.version,
    modelHash: first.modelHash,
    seed: first.seed,
    horizon: first.horizon,
    grid: first.grid,
    mttfCap: first.mttfCap,
    measures: first.measures,
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
    missionCost: moments('missionCost'),
    downReplications: total('downReplications'),
    failures: total('failures'),
    criticality: addCounts('criticality'),
    batchFailures: addCounts('batchFailures'),
    cycles: total('cycles'),
    cyclesCensored: total('cyclesCensored'),
    longestCycle: Math.max(...parts.map((part) => part.longestCycle)),
    batchDown: [],
    batchDownSquares: [],
    batchRateSquares: [],
    batchCross: [],
    suffixDownSquares: [],
    suffixRateSquares: [],
    suffixCross: [],
    cycleSums: [],
  };
  for (const k of ACCUMULATOR_ARRAYS) {
    merged[k] = first[k].map((_, i) => mergeExact(parts.map((part) => part[k][i]!)));
  }
  return merged;
}

function emptyMoments(): MomentSums {
  return { sum: createExactAccumulator(), sumSquares: createExactAccumulator() };
}

function canonicalMoments(moments: MomentSums): MomentSums {
  return { sum: canonicalExact(moments.sum), sumSquares: canonicalExact(moments.sumSquares) };
}

/**
 * The statistics of a joint run of a model's several system functions (one event stream): per
 * system, in the model's order, its name and its statistics, each as a run of that system alone
 * would give them (its `modelHash` is that of `systemView(model, name)`).
 */
export interface SystemsSimulationStats {
  readonly systems: readonly { readonly name: string; readonly stats: SimulationStats }[];
}

/**
 * Merges the statistics of parts of one joint run, system by system
 * ({@link mergeSimulationStats}): bit-identical to one run of all their replications.
 *
 * @param parts - statistics of disjoint replication ranges of one joint run, at least one
 * @returns the merged statistics
 * @throws {@link ParameterError} when the parts name other systems, or do not merge
 *
 * @example
 * ```ts
 * const store = loadModel('name: s\ncomponents: { r: { count: 3, failure: { mtbf: 1000 }, repair: { mttr: 10 } } }\nquorum: { of: r, read: 1, write: 3 }');
 * const [a, b] = [runSystemsReplications(store, {}, 0, 4), runSystemsReplications(store, {}, 4, 4)];
 * mergeSystemsStats([a, b]).systems[1].stats.replications; // → 8
 * ```
 */
export function mergeSystemsStats(
  parts: readonly SystemsSimulationStats[],
): SystemsSimulationStats {
  const where = 'mergeSystemsStats';
  if (parts.length === 0) throw new ParameterError(where, 'parts', 'hold at least one part', parts);
  const names = parts[0]!.systems.map(({ name }) => name);
  parts.forEach((part, i) => {
    const other = part.systems.map(({ name }) => name);
    if (other.join('\n') !== names.join('\n')) {
      throw new ParameterError(
        where,
        `parts[${i}].systems`,
        `name the systems of parts[0] (${names.join(', ')}): parts of different runs do not merge`,
        other.join(', '),
      );
    }
  });
  return {
    systems: names.map((name, s) => ({
      name,
      stats: mergeSimulationStats(parts.map((part) => part.systems[s]!.stats)), // names checked
    })),
  };
}
