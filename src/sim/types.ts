import type { Result } from '../model/Result.js';

/** Options of a simulation run. */
export interface SimulateOptions {
  /**
   * Number of independent replications.
   * @defaultValue 1000
   */
  readonly replications?: number;
  /**
   * Simulated time per replication, in the model's time unit.
   * @defaultValue the model's mission time, else 10 × the largest mean failure time
   */
  readonly horizon?: number;
  /**
   * Seed: replication i draws only from the stream derived from (seed, i).
   * @defaultValue 1
   */
  readonly seed?: number;
  /**
   * Number of evenly spaced times on [0, horizon] for the R(t) and A(t) curves.
   * @defaultValue 21
   */
  readonly grid?: number;
}

/** A result of simulation: the common result shape with the run's facts. */
export interface SimulationResult extends Result {
  readonly method: 'simulation';
  readonly replications: number;
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly seed: number;
}
