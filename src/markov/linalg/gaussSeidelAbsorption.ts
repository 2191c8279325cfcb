import { ConvergenceError } from '../../errors.js';
import { absorptionFlow, stoppingResidual, type AbsorbingSystem } from './absorbingSystem.js';
import { convergenceProjection } from './convergenceProjection.js';
import { iterationNote, residualFraction, type ProgressReporter } from './solverProgress.js';

// Values below this are flushed to 0 (see gaussSeidelSteadyState): subnormal doubles make every
// multiply touching them 50–100 times slower on x86.
const FLUSH_BELOW = 1e-290;

/** Settings of {@link gaussSeidelAbsorption}; every field but `progress` is required. */
export interface GaussSeidelAbsorptionSettings {
  /** Stop when {@link stoppingResidual} (against the previous check) is at most this. */
  readonly tolerance: number;
  /** Iterations (a forward and a backward sweep each) allowed before a ConvergenceError. */
  readonly maxIterations: number;
  /** Compute the stopping residual every this many iterations. */
  readonly checkEvery: number;
  /** Where to report progress (throttled), if anywhere. */
  readonly progress?: ProgressReporter;
}

/** The vector found by {@link gaussSeidelAbsorption} and how. */
export interface GaussSeidelAbsorptionResult {
  /** A vector proportional to τ, summing to 1 (scale it with scaleToAbsorption). */
  readonly shape: Float64Array;
  /** Iterations done. */
  readonly iterations: number;
  /** The final stopping residual. */
  readonly residual: number;
}

/**
 * Returns a vector proportional to τ (the expected time in each transient state before
 * absorption) as the stationary vector of the renewal chain, by symmetric Gauss–Seidel sweeps
 * in which every absorption restarts from the initial distribution.
 *
 * $$
 * x_k \leftarrow \frac{\hat\alpha_k F + \sum_{i \in T} x_i\, q_{ik}}{q_k},\qquad
 * F = \sum_{i \in T} x_i\, q_{iA}
 * $$
 *
 * - x: the iterate on T, updated in place for k = 0..d−1 then k = d−1..0 (one iteration),
 *   then rescaled to sum 1; F: the absorption flow at the start of each sweep
 * - α̂: the initial distribution on T (`system.restart`), q: rates as in {@link absorbingSystem}
 *
 * @param system - the absorbing system, every state of which can reach the absorbing set
 * @param settings - tolerance, maxIterations, checkEvery, progress
 * @returns the shape of τ, iterations and the stopping residual
 *
 * @throws {@link ConvergenceError} when the stopping residual is above tolerance after
 * maxIterations, or (checked every 1000 iterations, projecting the rate of decrease since the
 * last check) would be: when the projected total passes maxIterations or 1e10 multiply–adds.
 *
 * @remarks
 * Gauss–Seidel on τ(−Q_TT) = α from τ = 0 contracts by only about 1 − 1/(the mean number of
 * transitions before absorption) per sweep, 1 − 8e-8 on bench/markov/mttf-half-million.yaml,
 * because that system is nearly singular: that was the solver behind issue 12's silent
 * `--mttf` (10^6 sweeps, 4 hours, then a ConvergenceError). The renewal chain has the same τ
 * up to a factor (renewal reward theorem) but mixes at the speed of its repairs: 40 iterations
 * there. Every update is a sum of non-negative
 * terms, so small entries keep their relative accuracy. The forward sweep carries failures
 * (towards higher indices in chains numbered by failures) and the backward sweep repairs, each
 * across the whole chain in one pass; sweeping one way only took 2·10^4 sweeps on a 1-of-10 000
 * birth–death chain against 400 iterations, and left the tail of a 5-of-60 chain unconverged
 * (see {@link stoppingResidual}, which is checked every `checkEvery` iterations against the
 * previous check). BiCGSTAB comes first in {@link meanTimeToAbsorption}; this is its fallback.
 * Cost per iteration ≈ 4m + 5d flops, no allocation.
 *
 * @see S. M. Ross, Stochastic Processes, 2nd ed., Wiley, 1996, §3.6 (renewal reward;
 * paywalled); W. J. Stewart, Introduction to the Numerical Solution of Markov Chains, Princeton
 * University Press, 1994, §3.2 (Gauss–Seidel for πQ = 0; paywalled).
 *
 * @example
 * ```ts
 * // The duplex of meanTimeToAbsorption's example: 0 both up, 1 one up, absorbed from 1 at 0.001.
 * const system = { states: Int32Array.of(0, 1), start: Int32Array.of(0, 1, 2), source: Int32Array.of(1, 0), rate: Float64Array.of(0.1, 0.002), exitRate: Float64Array.of(0.002, 0.101), toAbsorbing: Float64Array.of(0, 0.001), restart: Float64Array.of(1, 0), initialMass: 1, maxExit: 0.101 };
 * const { shape } = gaussSeidelAbsorption(system, { tolerance: 1e-15, maxIterations: 100, checkEvery: 1 });
 * shape[0] / shape[1]; // → ~50.5
 * ```
 */
export function gaussSeidelAbsorption(
  system: AbsorbingSystem,
  settings: GaussSeidelAbsorptionSettings,
): GaussSeidelAbsorptionResult {
  const { start, source, rate, exitRate: exit, restart } = system;
  const d = exit.length;
  const { tolerance, maxIterations, checkEvery, progress } = settings;
  const x = new Float64Array(d).fill(1 / d);
  /** One sweep over k = from, from + step, …; returns the sum of the new values. */
  const sweep = (from: number, step: number): number => {
    const flow = absorptionFlow(system, x);
    let total = 0;
    // `!`: 0 ≤ k < d, the system's vectors have length d and start has d + 1 pointers.
    for (let k = from; k >= 0 && k < d; k += step) {
      let s = restart[k]! * flow;
      for (let p = start[k]!; p < start[k + 1]!; p++) s += x[source[p]!]! * rate[p]!;
      let value = s / exit[k]!;
      if (value < FLUSH_BELOW) value = 0;
      x[k] = value;
      total += value;
    }
    return total;
  };
  let residual = Infinity;
  let first = NaN;
  let previousFlow = NaN;
  let iterations = 0;
  const project = convergenceProjection(
    'meanTimeToAbsorption',
    tolerance,
    maxIterations,
    4 * rate.length + 5 * d,
  );
  while (iterations < maxIterations) {
    sweep(0, 1);
    const scale = 1 / sweep(d - 1, -1);
    for (let k = 0; k < d; k++) x[k]! *= scale;
    iterations++;
    if (iterations % checkEvery === 0 || iterations === maxIterations) {
      residual = stoppingResidual(system, x, previousFlow);
      previousFlow = absorptionFlow(system, x);
      if (residual <= tolerance) return { shape: x, iterations, residual };
      project(iterations, residual);
      if (Number.isNaN(first) && Number.isFinite(residual)) first = residual;
      const [sweeps, now] = [iterations, residual];
      progress?.update(residualFraction(first, now, tolerance), () =>
        iterationNote('gauss-seidel', sweeps, now, tolerance),
      );
    }
  }
  throw new ConvergenceError('meanTimeToAbsorption', iterations, residual, tolerance);
}
