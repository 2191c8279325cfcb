import type { Measures, Result } from '../model/Result.js';
import type { QuorumConsistency } from '../model/systemView.js';

/** Options of a simulation run. */
export interface SimulateOptions {
  /**
   * Number of independent replications, integer ≥ 1. The steady measures and, when the model is
   * regenerative, the MTTF are estimated over regeneration cycles, so one replication may do;
   * otherwise intervals are over replications (30 or more), or, for the steady measures of fewer
   * replications, over batches of each run (see src/sim/measures.ts and docs/semantics.md).
   * @defaultValue 1000
   */
  readonly replications?: number;
  /**
   * Simulated time per replication T, in the model's time unit, finite and > 0.
   * @defaultValue the model's mission time, else 10 × its slowest time scale (the largest mean
   * of any failure, repair, detection, recovery or switch-over time; {@link slowestTimeScale})
   */
  readonly horizon?: number;
  /**
   * Seed: replication i draws only from the stream derived from (seed, i); any finite number.
   * @defaultValue 1
   */
  readonly seed?: number;
  /**
   * Number of evenly spaced times on [0, horizon] for the R(t) and A(t) curves, integer in
   * [2, 100000].
   * @defaultValue 21
   */
  readonly grid?: number;
  /**
   * The measures to estimate (names of {@link Measures}); the others are not computed. The MTTF
   * is the only one that may run a replication past the horizon: to the end of the regeneration
   * cycle open at T (every failure law exponential and every component repaired), else to the
   * first system failure, at most `mttfCap`·T. The steady measures (steadyAvailability,
   * steadyUnavailability, failureFrequency, mtbf, mut, mdt, nines) share one estimator and run
   * on to the end of the open cycle when the model is regenerative. The maintenance measures
   * ({@link UPKEEP_MEASURES}) apply to models with proof tests (pfdAvg, sil) or costs (costRate,
   * missionCost); one asked for a model it does not apply to is left out with a warning.
   * @defaultValue every measure that applies to the model
   */
  readonly measures?: readonly SimulatedMeasure[];
  /**
   * A replication running on past T (see `measures`) stops at mttfCap·T: its first failure or
   * its open cycle is then censored, and the result says so. Finite, ≥ 1.
   * @defaultValue 1000
   */
  readonly mttfCap?: number;
  /**
   * The work budget: the run is refused before any work when its estimated events exceed this,
   * and stopped with a {@link WorkBudgetError} when the events it processed do. > 0.
   * @defaultValue 1e11
   */
  readonly maxEvents?: number;
}

/** One measure the simulator can be asked for: every measure but the one it gives instead. */
export type SimulatedMeasure = Exclude<keyof Measures, 'restrictedMttf'>;

/** The names of the measures the simulator estimates, in the order results list them. */
export const SIMULATED_MEASURES: readonly SimulatedMeasure[] = [
  'reliability',
  'availability',
  'intervalAvailability',
  'mttf',
  'steadyAvailability',
  'steadyUnavailability',
  'failureFrequency',
  'mtbf',
  'mut',
  'mdt',
  'nines',
  'pfdAvg',
  'sil',
  'costRate',
  'missionCost',
];

/**
 * The maintenance measures: `pfdAvg` and `sil` of a model with proof tests, `costRate` and
 * `missionCost` of a model with costs. By default a run estimates those that apply to its model.
 */
export const UPKEEP_MEASURES: readonly SimulatedMeasure[] = [
  'pfdAvg',
  'sil',
  'costRate',
  'missionCost',
];

/** The steady (long-run) measures: one estimator gives them all. */
export const STEADY_MEASURES: readonly SimulatedMeasure[] = [
  'steadyAvailability',
  'steadyUnavailability',
  'failureFrequency',
  'mtbf',
  'mut',
  'mdt',
  'nines',
];

/** System failures caused by one component's unit failures, over all replications in [0, T]. */
export interface CriticalityEntry {
  /** The component's name, as in the model file. */
  readonly component: string;
  /** Number of system failures (up → down) whose triggering event was a unit of it failing. */
  readonly failures: number;
  /** failures / all system failures, in [0, 1]; 0 when there were none. */
  readonly share: number;
}

/** A result of simulation: the common result shape with the run's facts. */
export interface SimulationResult extends Result {
  readonly method: 'simulation';
  readonly replications: number;
  /** Events processed: failures and ends of detection, repair, recovery and switch-over. */
  readonly events: number;
  /**
   * Speed of one thread: events / the run time of every thread (worker, shard) summed; 0 when no
   * time was measured.
   */
  readonly eventsPerThreadSecond: number;
  /**
   * Throughput: events / the wall-clock seconds of the whole run, when one process ran it
   * (absent for merged shards, which ran apart). With w busy workers it is about w times
   * {@link SimulationResult.eventsPerThreadSecond}.
   */
  readonly eventsPerWallSecond?: number;
  /** The same figure as {@link SimulationResult.eventsPerThreadSecond}, under its former name. */
  readonly eventsPerSecond: number;
  readonly seed: number;
  /** The random generator behind the streams. */
  readonly generator: string;
  /** Which components' failures brought the system down, in file order. */
  readonly criticality: readonly CriticalityEntry[];
}

/**
 * The result of simulating every system function of a model in one run (`simulateSystems`):
 * the shape of `relkit analyze --json` on such a model.
 */
export interface SystemsSimulationResult {
  readonly model: { readonly name: string; readonly hash: string };
  /**
   * Per system, in the model's order, its result: as `simulate(systemView(model, name))` with
   * the run's horizon and seed would give it (its model is the view, named `model (name)`).
   */
  readonly systems: Readonly<Record<string, SimulationResult>>;
  /** What the quorums guarantee, for a model written with `quorum:`. */
  readonly consistency?: QuorumConsistency;
}
