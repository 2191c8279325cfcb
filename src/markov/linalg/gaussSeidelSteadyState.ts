import { ConvergenceError } from '../../errors.js';
import type { Ctmc } from '../generation/Ctmc.js';
import { convergenceProjection } from './convergenceProjection.js';
import { incomingTransitions } from '../generation/incomingTransitions.js';
import { iterationNote, residualFraction, type ProgressReporter } from './solverProgress.js';

// Values below this are flushed to 0: they cannot matter at any tolerance above 1e-290, and
// subnormal doubles make every multiply touching them 50–100 times slower on x86.
const FLUSH_BELOW = 1e-290;

/** Settings of {@link gaussSeidelSteadyState}; every field but `progress` is required. */
export interface GaussSeidelSettings {
  /** Stop when ‖πQ‖₁ / (max exit rate · ‖π‖₁) ≤ tolerance. */
  readonly tolerance: number;
  /** Sweeps allowed before throwing ConvergenceError. */
  readonly maxIterations: number;
  /** Relaxation factor ω in (0, 2); 1 is plain Gauss–Seidel. */
  readonly relaxation: number;
  /** Compute the true residual every this many sweeps. */
  readonly checkEvery: number;
  /** Where to report progress (throttled), if anywhere. */
  readonly progress?: ProgressReporter;
}

/** The vector found by {@link gaussSeidelSteadyState} and how. */
export interface GaussSeidelResult {
  /** π, non-negative, summing to 1 up to rounding (normalised by the caller). */
  readonly probabilities: Float64Array;
  /** Sweeps done. */
  readonly iterations: number;
  /** The final relative residual ‖πQ‖₁ / (max exit rate · ‖π‖₁). */
  readonly residual: number;
}

/**
 * Returns the stationary vector of the chain restricted to one closed class, by Gauss–Seidel
 * (or SOR) sweeps on πQ = 0 over the transposed generator.
 *
 * $$
 * \pi_j \leftarrow (1-\omega)\,\pi_j + \omega\,\frac{\sum_{i \ne j} \pi_i\, q_{ij}}{q_j},\qquad
 * r = \frac{\lVert \pi Q \rVert_1}{\max_i q_i\, \lVert \pi \rVert_1}
 * $$
 *
 * - π_i: current iterate (entries of sources i > j already updated in this sweep)
 * - q_ij: rate i → j, q_j: exit rate of j, ω: `settings.relaxation`
 * - r: the relative residual compared with `settings.tolerance`
 *
 * @param ctmc - the chain
 * @param states - the class, ascending, or undefined for an irreducible chain (all states)
 * @param settings - tolerance, maxIterations, relaxation, checkEvery, progress
 * @returns π on the class (0 elsewhere), iterations and residual
 *
 * @throws {@link ConvergenceError} when the residual is above tolerance after maxIterations, or
 * as soon as its rate of decrease projects more than that or 1e10 multiply–adds (see
 * convergenceProjection; checked every 1000 sweeps).
 *
 * @remarks
 * Gauss–Seidel on the singular system converges for an irreducible generator whenever the
 * iteration matrix is aperiodic, which strictly positive diagonals guarantee; the iterate is
 * rescaled to sum 1 after every sweep. The sweep runs from the last state to the first:
 * reliability chains numbered by number of failures have their repair transitions (the large
 * rates) pointing to lower indices, and sweeping along them carries probability mass in one
 * pass; on the benchmark chain (10^5 states) this needed 3 times fewer sweeps than ascending
 * order. Cost per sweep ≈ 2m + 2n flops on typed arrays with no allocation; the residual costs
 * one more pass every `checkEvery` sweeps.
 *
 * @see W. J. Stewart, Introduction to the Numerical Solution of Markov Chains, Princeton
 * University Press, 1994, §3.2 (Jacobi, Gauss–Seidel, SOR for πQ = 0; paywalled).
 *
 * @example
 * ```ts
 * const chain = { stateCount: 2, rowStart: Int32Array.of(0, 1, 2), target: Int32Array.of(1, 0), rate: Float64Array.of(1, 9), exitRate: Float64Array.of(1, 9), up: Uint8Array.of(1, 0), initial: Float64Array.of(1, 0) };
 * gaussSeidelSteadyState(chain, undefined, { tolerance: 1e-14, maxIterations: 100, relaxation: 1, checkEvery: 1 }).probabilities[1]; // → ~0.1000000000000
 * ```
 */
export function gaussSeidelSteadyState(
  ctmc: Ctmc,
  states: Int32Array | undefined,
  settings: GaussSeidelSettings,
): GaussSeidelResult {
  const n = ctmc.stateCount;
  let keep: Uint8Array | undefined;
  let order: Int32Array;
  if (states === undefined) {
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
  } else {
    order = states;
    keep = new Uint8Array(n);
    for (const state of states) keep[state] = 1;
  }
  const { start, source, rate } = incomingTransitions(ctmc, keep);
  const exit = ctmc.exitRate;
  let maxExit = 0;
  // `!`: order holds chain states, k < count, and start has n + 1 pointers into source.
  for (const i of order) maxExit = Math.max(maxExit, exit[i]!);
  const pi = new Float64Array(n);
  for (const i of order) pi[i] = 1 / order.length;
  const omega = settings.relaxation;
  const count = order.length;

  let residual = Infinity;
  let first = NaN;
  let iterations = 0;
  const project = convergenceProjection(
    'solveSteadyState',
    settings.tolerance,
    settings.maxIterations,
    2 * source.length + 3 * count,
  );
  while (iterations < settings.maxIterations) {
    let total = 0;
    // Descending order: see the remarks.
    for (let k = count - 1; k >= 0; k--) {
      const j = order[k]!;
      let s = 0;
      for (let p = start[j]!; p < start[j + 1]!; p++) s += pi[source[p]!]! * rate[p]!;
      let value = s / exit[j]!;
      if (omega !== 1) value = (1 - omega) * pi[j]! + omega * value;
      if (value < FLUSH_BELOW) value = 0;
      pi[j] = value;
      total += value;
    }
    const scale = 1 / total;
    for (let k = 0; k < count; k++) pi[order[k]!]! *= scale;
    iterations++;
    if (iterations % settings.checkEvery === 0 || iterations === settings.maxIterations) {
      residual = relativeResidual(pi, order, start, source, rate, exit, maxExit);
      if (residual <= settings.tolerance) return { probabilities: pi, iterations, residual };
      project(iterations, residual);
      if (Number.isNaN(first)) first = residual;
      const [sweeps, now] = [iterations, residual];
      settings.progress?.update(residualFraction(first, now, settings.tolerance), () =>
        iterationNote('gauss-seidel', sweeps, now, settings.tolerance),
      );
    }
  }
  throw new ConvergenceError('solveSteadyState', iterations, residual, settings.tolerance);
}

/** ‖πQ‖₁ / (max exit rate · ‖π‖₁) with π summing to 1. */
function relativeResidual(
  pi: Float64Array,
  order: Int32Array,
  start: Int32Array,
  source: Int32Array,
  rate: Float64Array,
  exit: Float64Array,
  maxExit: number,
): number {
  let norm = 0;
  let mass = 0;
  // `!`: as in the sweeps of gaussSeidelSteadyState.
  for (let k = 0; k < order.length; k++) {
    const j = order[k]!;
    let s = -pi[j]! * exit[j]!;
    for (let p = start[j]!; p < start[j + 1]!; p++) s += pi[source[p]!]! * rate[p]!;
    norm += Math.abs(s);
    mass += pi[j]!;
  }
  return maxExit === 0 ? 0 : norm / (maxExit * mass);
}
