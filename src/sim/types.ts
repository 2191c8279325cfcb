import type { Result } from '../model/Result.js';

/** Options of a simulation run. */
export interface SimulateOptions {
  /**
   * Number of independent replications, integer ≥ 1.
   * @defaultValue 1000
   */
  readonly replications?: number;
  /**
   * Simulated time per replication T, in the model's time unit, finite and > 0.
   * @defaultValue the model's mission time, else 10 × the largest mean failure time
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
   * Fraction of the horizon discarded before the steady measures are averaged: the window is
   * [warmup·T, T]. In [0, 1).
   * @defaultValue 0.1
   */
  readonly warmup?: number;
  /**
   * A replication whose system has not failed by T continues, for the MTTF only, until its
   * first failure or until mttfCap·T, where it is censored (counted, with a warning). ≥ 1.
   * @defaultValue 1000
   */
  readonly mttfCap?: number;
}

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
  /** events / wall-clock seconds summed over all parts (per core). */
  readonly eventsPerSecond: number;
  readonly seed: number;
  /** The random generator behind the streams. */
  readonly generator: string;
  /** Which components' failures brought the system down, in file order. */
  readonly criticality: readonly CriticalityEntry[];
}
