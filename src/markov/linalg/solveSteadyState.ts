import {
  ConvergenceError,
  ParameterError,
  UnsupportedModelError,
  checkInteger,
} from '../../errors.js';
import { compensatedSum } from '../../numeric/sum.js';
import type { Ctmc } from '../generation/Ctmc.js';
import { checkCtmc, markCtmcChecked } from '../generation/checkCtmc.js';
import { absorptionProbabilities } from './absorptionProbabilities.js';
import { bicgstabSteadyState } from './bicgstabSteadyState.js';
import { checkReachability } from '../generation/checkReachability.js';
import { gaussSeidelSteadyState } from './gaussSeidelSteadyState.js';
import { gthSteadyState } from './gthSteadyState.js';
import {
  incomingTransitions,
  type IncomingTransitions,
} from '../generation/incomingTransitions.js';
import {
  progressReporter,
  shortNumber,
  type ProgressCallback,
  type ProgressReporter,
} from './solverProgress.js';
import { checkLength, checkedAt } from './checked.js';

// Dense GTH costs (2/3)d³ flops: 2000 states take a few seconds. It is exact to rounding however
// stiff the chain; the iterative methods are not (a 1440-state chain with rates from 1e-9 to 1e4
// met a residual of 1e-12 with U = 0.0205 where GTH gives 0.489), so it is used as far as its
// cost allows.
const DEFAULT_DIRECT_LIMIT = 2000;
// A residual times the chain's stiffness above this bounds π's error too loosely to trust it.
const STIFF_ERROR = 1e-6;
// How many sweeps between true residual evaluations (each costs about one sweep).
const CHECK_EVERY = 5;

/** Options of {@link solveSteadyState}. */
export interface SteadyStateOptions {
  /**
   * Stopping rule of the iterative method: relative residual ‖πQ‖₁ / (max exit rate · ‖π‖₁).
   * The error of π is about this times the chain's stiffness (max exit rate × relaxation time):
   * 1e-12 left failure frequencies of a stiff 1024-state chain wrong by 6e-10; 1e-14 is within
   * 1e-12 of GTH there.
   * @defaultValue 1e-14
   */
  readonly tolerance?: number;
  /**
   * Iterations (BiCGSTAB steps or Gauss–Seidel sweeps) allowed before a ConvergenceError.
   * @defaultValue 100000
   */
  readonly maxIterations?: number;
  /**
   * `'gth'` (dense, direct), `'bicgstab'` (sparse, BiCGSTAB with a Gauss–Seidel
   * preconditioner), `'gauss-seidel'` (sparse, SOR sweeps) or `'auto'`: GTH up to
   * `directLimit` states in the closed class, BiCGSTAB above, falling back to Gauss–Seidel if
   * BiCGSTAB does not converge.
   * @defaultValue 'auto'
   */
  readonly method?: 'auto' | 'gth' | 'bicgstab' | 'gauss-seidel';
  /**
   * Largest class solved directly by `'auto'`.
   * @defaultValue 2000
   */
  readonly directLimit?: number;
  /**
   * SOR relaxation factor ω in (0, 2) for Gauss–Seidel; 1 is plain Gauss–Seidel.
   * @defaultValue 1
   */
  readonly relaxation?: number;
  /**
   * Receives progress while the solve runs, synchronously on the solving thread: once when a
   * method starts (fraction 0, a note with the size of the work; again, from 0, when the
   * Gauss–Seidel fallback starts), then at most every 250 ms (fraction of the work done:
   * exact for GTH, estimated from the residual for the iterative methods, never falling within
   * a method), and once at the end (fraction 1). Not called when the class has a single
   * state; no final call when it throws.
   */
  readonly onProgress?: ProgressCallback;
}

/** The stationary distribution and how it was found. */
export interface SteadyStateResult {
  /** π: long-run probability of each state, in [0, 1], summing to 1 within 1e-12. */
  readonly probabilities: Float64Array;
  /** BiCGSTAB steps or Gauss–Seidel sweeps, 0 for GTH. */
  readonly iterations: number;
  /** Relative residual ‖πQ‖₁ / (max exit rate · ‖π‖₁) of the returned vector. */
  readonly residual: number;
  /** The method used. */
  readonly method: 'gth' | 'bicgstab' | 'gauss-seidel';
  /** Advisory notes: transient or unreachable states set to 0, a fallback method. */
  readonly warnings: string[];
}

/**
 * Returns the long-run (stationary) probability of every state of a chain, the solution of
 * πQ = 0 with Σπ = 1; for a chain with several closed classes, the limit from its initial
 * distribution: the mix of their stationary distributions weighted by the probability of
 * ending in each.
 *
 * $$
 * \pi Q = 0,\qquad \sum_i \pi_i = 1;\qquad
 * \pi = \sum_c h_c\, \pi^{(c)},\quad \pi^{(c)} Q_{C_c C_c} = 0,\ \sum_{i \in C_c} \pi^{(c)}_i = 1
 * $$
 *
 * - π_i: long-run fraction of time in state i, `probabilities[i]`
 * - Q: the generator of `ctmc` (rates per time unit)
 * - C_c: the closed classes reachable from the initial distribution; h_c: the probability of
 *   ending in C_c (see absorptionProbabilities); π^(c): the stationary vector of C_c alone
 *
 * @param ctmc - the chain
 * @param options - tolerance, maxIterations, method, directLimit, relaxation, onProgress
 * @returns π with the iterations, residual and method used
 *
 * @throws {@link ParameterError} when `ctmc` is not a well-formed chain ({@link checkCtmc}),
 * tolerance is not a finite number > 0, maxIterations is not an integer ≥ 1, directLimit is not
 * an integer ≥ 1 or relaxation is not in (0, 2).
 * @throws {@link UnsupportedModelError} when there are several closed classes and the expected
 * time before entering one is beyond the range of doubles, or when `'auto'` had to solve a class
 * iteratively and the chain is too stiff for the residual to vouch for the probabilities
 * (tolerance × rate ratio > 1e-6; an explicit iterative method gives the vector with a warning).
 * @throws {@link ConvergenceError} when Gauss–Seidel (or, with several closed classes, the
 * iterative absorption solve) has not met the tolerance within maxIterations; no unconverged
 * vector is ever returned.
 *
 * @remarks
 * A chain that is not irreducible is reduced first (Tarjan): its transient and unreachable
 * states get probability 0 (listed in `warnings`) and each reachable closed class is solved
 * alone. With several closed classes (a unit that is never repaired, a standby switch-over that
 * can fail) the weights h_c come from one solve of the time spent in the transient states
 * (absorptionProbabilities, direct elimination up to `directLimit` transient states), and a
 * warning names the classes and their weights; the failure frequency of the mix is then the
 * mix of the classes' frequencies. Measured against closed forms: ≤ 2e-16 relative
 * (test/markov/steadyMixture.test.ts). Small classes use GTH, which has no subtraction and so keeps every π_i to a
 * relative error of a few d·ε (measured ≤ 4.5e-16 on A, U and f against the closed forms of
 * birth–death k-of-n chains; BiCGSTAB at tolerance 1e-14 ≤ 4.1e-13 on U, test/markov).
 * Large classes use BiCGSTAB preconditioned by a forward Gauss–Seidel sweep (fastest of the
 * methods tried on the reliability chains of bench/markov), or Gauss–Seidel/SOR on request or
 * as a fallback; both stop on the true relative residual and never return an unconverged
 * vector. Their result is then polished by 10 symmetric Gauss–Seidel sweeps (kept only if the
 * residual stays met), which carries the relative accuracy of the large probabilities to the
 * tiny ones: U = 4.2e-17 on a 2304-state chain, 9.3e-9 off after BiCGSTAB, 4.4e-16 after. The result is normalised with an exactly rounded sum. Cost: GTH (2/3)d³; iterative
 * O(m) per iteration plus O(n + m) for the reduction; figures in docs/benchmarks.md.
 *
 * @see W. J. Stewart, Introduction to the Numerical Solution of Markov Chains, Princeton
 * University Press, 1994, §2.3 (GTH) and §3.2 (Gauss–Seidel; paywalled); W. K. Grassmann, M. I.
 * Taksar, D. P. Heyman, Operations Research 33(5), 1985, 1107–1116,
 * https://doi.org/10.1287/opre.33.5.1107 (paywalled).
 *
 * @example
 * ```ts
 * const unit = buildCtmc(2, [{ from: 0, to: 1, rate: 1 }, { from: 1, to: 0, rate: 9 }], [1, 0], 0);
 * solveSteadyState(unit).probabilities[0]; // → ~0.9
 * solveSteadyState(unit, { method: 'gauss-seidel' }).probabilities[1]; // → ~0.1000000000000
 * ```
 */
export function solveSteadyState(ctmc: Ctmc, options: SteadyStateOptions = {}): SteadyStateResult {
  const where = 'solveSteadyState';
  checkCtmc(ctmc, where);
  const tolerance = options.tolerance ?? 1e-14;
  if (!(Number.isFinite(tolerance) && tolerance > 0)) {
    throw new ParameterError(where, 'tolerance', 'be a finite number > 0', tolerance);
  }
  const maxIterations = checkInteger(where, 'maxIterations', options.maxIterations ?? 100000, 1);
  const directLimit = checkInteger(
    where,
    'directLimit',
    options.directLimit ?? DEFAULT_DIRECT_LIMIT,
    1,
  );
  const relaxation = options.relaxation ?? 1;
  if (!(relaxation > 0 && relaxation < 2)) {
    throw new ParameterError(where, 'relaxation', 'be a number in (0, 2)', relaxation);
  }
  const method = options.method ?? 'auto';
  if (!['auto', 'gth', 'bicgstab', 'gauss-seidel'].includes(method)) {
    throw new ParameterError(
      where,
      'method',
      "be 'auto', 'gth', 'bicgstab' or 'gauss-seidel'",
      method,
    );
  }

  const n = ctmc.stateCount;
  // BiCGSTAB on a large irreducible chain reuses the transposition of the reachability check.
  const incoming =
    method !== 'gth' && method !== 'gauss-seidel' && n > directLimit
      ? incomingTransitions(ctmc)
      : undefined;
  const report = checkReachability(ctmc, incoming);
  const warnings: string[] = [];
  const classes = report.closedClasses;
  if (report.unreachable.length > 0) {
    warnings.push(
      `${report.unreachable.length} states are unreachable from the initial distribution and get probability 0 (first: ${report.unreachable[0]})`,
    );
  }
  if (report.transient.length > 0) {
    warnings.push(
      `${report.transient.length} states are transient and get probability 0 (first: ${report.transient[0]})`,
    );
  }
  // With several closed classes the long run is the mix of their stationary distributions,
  // each weighted by the probability of ending in it.
  let weights: Float64Array<ArrayBufferLike> = Float64Array.of(1);
  if (classes.length > 1) {
    const absorbed = absorptionProbabilities(ctmc, classes, {
      tolerance,
      maxIterations,
      directLimit,
      ...(options.onProgress && { onProgress: options.onProgress }),
    });
    weights = absorbed.probabilities;
    warnings.push(...absorbed.warnings);
    const shown = classes
      .slice(0, 5)
      .map(
        (c, k) =>
          `{${c.slice(0, 5).join(', ')}${c.length > 5 ? ', …' : ''}} with probability ${shortNumber(checkedAt(where, weights, k))}`,
      );
    warnings.push(
      `${where}: the chain has ${classes.length} closed classes reachable from the initial distribution (${shown.join(', ')}${classes.length > 5 ? ', …' : ''}); the long-run distribution is the mix of theirs, weighted by the probability of ending in each`,
    );
  }

  const progress = progressReporter(options.onProgress, where);
  let probabilities: Float64Array<ArrayBufferLike> = new Float64Array(n);
  let iterations = 0;
  let residual = 0;
  let used: SteadyStateResult['method'] = 'gth';
  const settings = { method, tolerance, maxIterations, directLimit, relaxation, progress };
  for (const [c, closed] of classes.entries()) {
    const weight = checkedAt(where, weights, c);
    if (!(weight > 0)) continue;
    const only = closed.length === 1 ? closed[0] : undefined;
    if (only !== undefined) {
      probabilities[only] = weight;
      continue;
    }
    const solved = solveClass(ctmc, closed, closed.length === n ? incoming : undefined, settings);
    warnings.push(...solved.warnings);
    iterations += solved.iterations;
    residual = Math.max(residual, solved.residual);
    if (solved.method !== 'gth') used = solved.method;
    // `!`: the solved vector has one entry per state of the class.
    const x = checkLength(where, solved.vector, closed.length);
    const scale = weight / compensatedSum(x);
    if (closed.length === n) {
      for (let k = 0; k < n; k++) x[k]! *= scale;
      probabilities = x;
    } else for (let k = 0; k < closed.length; k++) probabilities[closed[k]!] = x[k]! * scale;
  }
  const total = compensatedSum(probabilities);
  for (let i = 0; i < n; i++) probabilities[i]! /= total;
  // The iterative methods report the true residual of their (scale-free) final vector already.
  if (used === 'gth') residual = steadyStateResidual(ctmc, probabilities);
  if (classes.some((closed) => closed.length > 1)) {
    progress.done(
      used === 'gth'
        ? 'done'
        : `done after ${iterations} ${used} iterations, residual ${shortNumber(residual)}`,
    );
  }
  return {
    probabilities,
    iterations,
    residual,
    method: used,
    warnings,
  };
}

/** How {@link solveClass} solves one closed class. */
interface ClassSettings {
  readonly method: 'auto' | 'gth' | 'bicgstab' | 'gauss-seidel';
  readonly tolerance: number;
  readonly maxIterations: number;
  readonly directLimit: number;
  readonly relaxation: number;
  readonly progress: ProgressReporter;
}

/**
 * The stationary vector of one closed class of two or more states (unnormalised, indexed like
 * `closed`), by GTH up to `directLimit` states, else BiCGSTAB falling back to Gauss–Seidel.
 */
function solveClass(
  ctmc: Ctmc,
  closed: readonly number[],
  incoming: IncomingTransitions | undefined,
  settings: ClassSettings,
): {
  vector: Float64Array;
  iterations: number;
  residual: number;
  method: SteadyStateResult['method'];
  warnings: string[];
} {
  const where = 'solveSteadyState';
  const { method, tolerance, maxIterations, directLimit, relaxation, progress } = settings;
  const warnings: string[] = [];
  if (method === 'gth' || (method === 'auto' && closed.length <= directLimit)) {
    const vector = gthSteadyState(ctmc, closed, progress);
    return { vector, iterations: 0, residual: 0, method: 'gth', warnings };
  }
  // Iterative methods work on the closed class as a chain of its own.
  const chain = closed.length === ctmc.stateCount ? ctmc : restrict(ctmc, closed);
  let x: Float64Array | undefined;
  let iterations = 0;
  let residual = 0;
  let used: SteadyStateResult['method'] = 'bicgstab';
  const size = `${chain.stateCount} states, ${chain.target.length} transitions`;
  if (method !== 'gauss-seidel') {
    progress.phase(0, `bicgstab on ${size}`);
    try {
      ({
        probabilities: x,
        iterations,
        residual,
      } = bicgstabSteadyState(
        chain,
        { tolerance, maxIterations, progress },
        chain === ctmc ? incoming : undefined,
      ));
    } catch (error) {
      if (method === 'bicgstab' || !(error instanceof ConvergenceError)) throw error;
      warnings.push(`${where}: bicgstab did not converge (${error.message}); used gauss-seidel`);
    }
  }
  if (x === undefined) {
    progress.phase(0, `gauss-seidel on ${size}`);
    const sweeps = { tolerance, maxIterations, relaxation, checkEvery: CHECK_EVERY, progress };
    ({ probabilities: x, iterations, residual } = gaussSeidelSteadyState(chain, undefined, sweeps));
    used = 'gauss-seidel';
  }
  // Polished, unless that would leave the residual above the one met (never seen).
  const polished = x.slice();
  polish(chain, polished, incoming && chain === ctmc ? incoming : incomingTransitions(chain));
  const after = steadyStateResidual(chain, polished);
  if (after <= Math.max(tolerance, residual)) [x, residual] = [polished, after];
  const stiffness = rateRatio(chain);
  if (tolerance * stiffness > STIFF_ERROR && method === 'auto') {
    // Measured: U 4.2e-6 and 2.9e-7 off on chains of the differential test (seeds 2372, 1592)
    // even after the polish, so 'auto' does not give such a vector.
    throw new UnsupportedModelError(
      where,
      `the chain is stiff (its rates span a factor ${shortNumber(stiffness)}) and its closed class has ${closed.length} states, more than the direct method takes (${directLimit}), so the ${used} residual ${shortNumber(tolerance)} bounds the error of the state probabilities only to about ${shortNumber(Math.min(1, tolerance * stiffness))}`,
      'estimate the steady measures with relkit simulate, or make the model smaller (fewer units or crews) so that the direct method applies',
    );
  }
  if (tolerance * stiffness > STIFF_ERROR) {
    warnings.push(
      `${where}: the chain is stiff (its rates span a factor ${shortNumber(stiffness)}), so the ${used} residual ${shortNumber(tolerance)} bounds the error of the state probabilities only to about ${shortNumber(Math.min(1, tolerance * stiffness))}; the steady measures may be inaccurate: confirm them with relkit simulate or a model small enough (${directLimit} states) for the direct method`,
    );
  }
  return { vector: x, iterations, residual, method: used, warnings };
}

// Gauss–Seidel sweeps (each one forward and one backward) that polish an iterative solution.
const POLISH_SWEEPS = 10;

/**
 * Polishes, in place, a stationary vector found by an iterative method with symmetric
 * Gauss–Seidel sweeps x_j ← Σ_i x_i q_ij / q_j. The iterative methods stop on a residual norm
 * dominated by the large probabilities, which leaves the tiny ones (down states entered by slow
 * failures and left by fast repairs) with a relative error far above it: 9e-9 on U = 4e-17 on
 * a 2304-state chain of the differential test (seed 139). Each update is a sum of non-negative
 * terms, so a state fed by accurate neighbours becomes as accurate as they are, and states that
 * are left quickly settle within a few sweeps. Cost 2·POLISH_SWEEPS·(n + m).
 */
function polish(chain: Ctmc, x: Float64Array, incoming: IncomingTransitions): void {
  const { start, source, rate } = incoming;
  const exit = chain.exitRate;
  const n = chain.stateCount;
  // `!`: j < n, start has n + 1 pointers into source, x and exit have length n.
  const update = (j: number): void => {
    let s = 0;
    for (let p = start[j]!; p < start[j + 1]!; p++) s += x[source[p]!]! * rate[p]!;
    x[j] = s / exit[j]!;
  };
  for (let sweep = 0; sweep < POLISH_SWEEPS; sweep++) {
    for (let j = 0; j < n; j++) update(j);
    for (let j = n - 1; j >= 0; j--) update(j);
  }
}

/**
 * Returns the relative residual ‖πQ‖₁ / (max exit rate · ‖π‖₁) of a candidate stationary vector.
 *
 * $$
 * r = \frac{\sum_j \big|\sum_{i} \pi_i q_{ij}\big|}{\max_i q_i \sum_i \pi_i}
 * $$
 *
 * - π: `probabilities`, q_ij: generator entries of `ctmc` (diagonal −q_i), q_i: exit rates
 *
 * @param ctmc - the chain
 * @param probabilities - π, length n, entries ≥ 0
 * @returns r ≥ 0; 0 for a chain without transitions
 *
 * @throws {@link ParameterError} when `ctmc` is not a well-formed chain ({@link checkCtmc}) or
 * probabilities does not have n entries.
 *
 * @remarks
 * One scatter pass over the rows, O(n + m), one n-vector of scratch. A residual of r bounds
 * the probability flow imbalance per unit time relative to the fastest rate.
 *
 * @example
 * ```ts
 * const unit = buildCtmc(2, [{ from: 0, to: 1, rate: 1 }, { from: 1, to: 0, rate: 9 }], [1, 0], 0);
 * steadyStateResidual(unit, Float64Array.of(0.9, 0.1)); // → 0
 * ```
 */
export function steadyStateResidual(ctmc: Ctmc, probabilities: ArrayLike<number>): number {
  const where = 'steadyStateResidual';
  checkCtmc(ctmc, where);
  const n = ctmc.stateCount;
  const { rowStart, target, rate, exitRate } = ctmc;
  const flow = new Float64Array(n);
  if (probabilities.length !== n) {
    throw new ParameterError(where, 'probabilities', `have ${n} entries`, probabilities.length);
  }
  // `!`: i < n, the vectors have length n and the rows point into target (a Ctmc's layout).
  let maxExit = 0;
  let mass = 0;
  for (let i = 0; i < n; i++) {
    const x = probabilities[i]!;
    const q = exitRate[i]!;
    mass += x;
    if (q > maxExit) maxExit = q;
    flow[i]! -= x * q;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) flow[target[p]!]! += x * rate[p]!;
  }
  let norm = 0;
  for (const f of flow) norm += Math.abs(f);
  return maxExit === 0 ? 0 : norm / (maxExit * mass);
}

/** The chain restricted to a closed class, states renumbered in ascending order. */
function restrict(ctmc: Ctmc, states: readonly number[]): Ctmc {
  const index = new Int32Array(ctmc.stateCount).fill(-1);
  states.forEach((state, k) => (index[state] = k));
  const d = states.length;
  // `!`: k < d, the states are chain states, and a closed class's targets are in the class.
  const rowStart = new Int32Array(d + 1);
  for (let k = 0; k < d; k++) {
    const i = states[k]!;
    rowStart[k + 1] = rowStart[k]! + ctmc.rowStart[i + 1]! - ctmc.rowStart[i]!;
  }
  const target = new Int32Array(rowStart[d]!);
  const rate = new Float64Array(rowStart[d]!);
  const exitRate = new Float64Array(d);
  for (let k = 0; k < d; k++) {
    const i = states[k]!;
    // A closed class keeps all its transitions, and renumbering keeps targets ascending.
    for (let p = ctmc.rowStart[i]!, q = rowStart[k]!; p < ctmc.rowStart[i + 1]!; p++, q++) {
      target[q] = index[ctmc.target[p]!]!;
      rate[q] = ctmc.rate[p]!;
    }
    exitRate[k] = ctmc.exitRate[i]!;
  }
  const initial = new Float64Array(d);
  initial[0] = 1;
  // Whole rows of a checked chain (a closed class keeps all its transitions), renumbered onto
  // [0, d) without self-loops, with their exit rates: well formed by construction.
  return markCtmcChecked({
    stateCount: d,
    rowStart,
    target,
    rate,
    exitRate,
    up: new Uint8Array(d),
    initial,
  });
}

/** The largest transition rate over the smallest: a bound on the chain's stiffness. */
function rateRatio(ctmc: Ctmc): number {
  let smallest = Infinity;
  let largest = 0;
  for (const rate of ctmc.rate) {
    if (rate > 0) {
      smallest = Math.min(smallest, rate);
      largest = Math.max(largest, rate);
    }
  }
  return largest > 0 ? largest / smallest : 1;
}
