import type { Result } from '../model/Result.js';

/** Options of a simulation run. */
export interface SimulateOptions {
  /**
   * Number of independent replications, integer ≥ 1. With 30 or more, every ci95 is a normal
   * interval over the replications. With fewer (e.g. 1 long run for steady measures), the steady
   * measures (steadyAvailability, steadyUnavailability, failureFrequency, nines, mtbf, mut, mdt)
   * take their ci95 from batch means instead: each replication's window [warmup·T, T] is cut
   * into 20 equal batches and the 20·replications batch averages give a Student-t interval with
   * 20·replications − 1 degrees of freedom; the result then carries a warning naming the method.
   * Batches must hold many system failures each (say ≥ 30) for the interval to be valid.
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
