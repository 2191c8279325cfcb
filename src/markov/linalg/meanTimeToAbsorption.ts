import { ConvergenceError, ParameterError, checkInteger } from '../../errors.js';
import { compensatedSum } from '../../numeric/sum.js';
import type { Ctmc } from '../generation/Ctmc.js';
import { checkCtmc } from '../generation/checkCtmc.js';
import { absorbingSystem, absorptionFlow, scaleToAbsorption } from './absorbingSystem.js';
import { bicgstabAbsorption } from './bicgstabAbsorption.js';
import { eliminationAbsorption } from './eliminationAbsorption.js';
import { gaussSeidelAbsorption } from './gaussSeidelAbsorption.js';
import { incomingTransitions } from '../generation/incomingTransitions.js';
import { absorbingMask } from '../generation/makeAbsorbing.js';
import { progressReporter, shortNumber, type ProgressCallback } from './solverProgress.js';

// Dense elimination costs (2/3)d³: 2000 transient states take a few seconds. It is exact however
// stiff the chain, where the iterative methods may not converge (a 1152-state chain with rates
// from 1e-9 to 770 stalled at a residual of 3e-8), so it is used as far as its cost allows.
const DEFAULT_DIRECT_LIMIT = 2000;
// Gauss–Seidel sweeps between residual evaluations (each costs about one sweep).
const CHECK_EVERY = 5;
const METHODS = ['auto', 'elimination', 'bicgstab', 'gauss-seidel'] as const;

/** Options of {@link meanTimeToAbsorption}. */
export interface AbsorptionOptions {
  /**
   * Stopping rule of the iterative methods: the relative residual of the renewal chain (the
   * chain in which absorption restarts from the initial distribution, whose stationary vector
   * is proportional to τ), ‖xQ̃‖₁ / (max exit rate · ‖x‖₁); see renewalResidual.
   * @defaultValue 1e-14
   */
  readonly tolerance?: number;
  /**
   * Iterations (BiCGSTAB steps or Gauss–Seidel sweeps) allowed before a ConvergenceError.
   * @defaultValue 100000
   */
  readonly maxIterations?: number;
  /**
   * `'elimination'` (dense, direct), `'bicgstab'` (sparse, BiCGSTAB with a Gauss–Seidel
   * preconditioner), `'gauss-seidel'` (sparse, sweeps on the renewal chain) or `'auto'`:
   * elimination up to `directLimit` transient states, BiCGSTAB above, falling back to
   * Gauss–Seidel if BiCGSTAB does not converge.
   * @defaultValue 'auto'
   */
  readonly method?: (typeof METHODS)[number];
  /**
   * Largest number of transient states solved by direct elimination under `'auto'`.
   * @defaultValue 2000
   */
  readonly directLimit?: number;
  /**
   * Receives progress while the solve runs, synchronously on the solving thread: once when a
   * method starts (fraction 0, a note with the size of the work; again, from 0, when the
   * Gauss–Seidel fallback starts), then at most every 250 ms (fraction of the work done:
   * exact for elimination, estimated from the residual for the iterative methods, never
   * falling within a method), and once at the end (fraction 1, a note with the mean). Not
   * called when the answer needs no solve (0, or infinite); no final call when it throws.
   */
  readonly onProgress?: ProgressCallback;
}

/** The mean time to absorption and how it was found. */
export interface AbsorptionResult {
  /** Mean time from the initial distribution to the first absorbing state (MTTF for 'down'). */
  readonly meanTime: number;
  /** τ_i: expected time spent in each state before absorption (0 for absorbing states). */
  readonly timeInState: Float64Array;
  /** The method used; `'elimination'` also when no solve was needed. */
  readonly method: 'elimination' | 'bicgstab' | 'gauss-seidel';
  /** BiCGSTAB iterations or Gauss–Seidel sweeps, 0 for elimination. */
  readonly iterations: number;
  /** Final renewal residual of the iterative method, 0 for elimination. */
  readonly residual: number;
  /** Advisory notes: infinite mean time and why, a fallback method. */
  readonly warnings: string[];
}

/**
 * Returns the mean time until the chain first enters an absorbing set (the MTTF when the set is
 * the down states), from its initial distribution.
 *
 * $$
 * \tau\,(-Q_{TT}) = \alpha_T,\qquad \mathrm{MTTF} = \sum_{i \in T} \tau_i
 * $$
 *
 * - T: the non-absorbing states reachable from the initial distribution; Q_TT: the generator
 *   restricted to them (rates per time unit); α_T: `ctmc.initial` on T
 * - τ_i: expected total time spent in i before absorption, `timeInState[i]`
 *
 * @param ctmc - the chain
 * @param absorbing - 1 for each absorbing state (length n), or `'down'` for the down states
 * @param options - tolerance, maxIterations, method, directLimit, onProgress
 * @returns the mean time (Infinity, with a warning, when absorption is not certain), τ, method
 *
 * @throws {@link ParameterError} when `ctmc` is not a well-formed chain ({@link checkCtmc}),
 * absorbing is not `'down'` or a 0/1 Uint8Array of n
 * entries, tolerance is not a finite number > 0, maxIterations/directLimit is not an integer
 * ≥ 1, or method is not one of the four.
 * @throws {@link ConvergenceError} when the iterative methods miss the tolerance within
 * maxIterations; no unconverged answer is ever returned.
 *
 * @remarks
 * Transitions out of absorbing states are ignored. When there is no absorbing state, none is
 * reachable, or a reachable transient state cannot reach one, the mean is infinite and a warning
 * says which; nothing is solved. Up to `directLimit` transient states: state reduction
 * ({@link eliminationAbsorption}, no subtraction; measured ≤ 2.5e-16 relative against
 * closed-form MTTFs). Larger: BiCGSTAB preconditioned by a Gauss–Seidel sweep
 * ({@link bicgstabAbsorption}), falling back to Gauss–Seidel on the renewal chain
 * ({@link gaussSeidelAbsorption}); both stop on the scale-free stoppingResidual (the
 * renewal residual and the stability of the absorption flow) and scale their vector by the
 * absorption flow (scaleToAbsorption), which makes the answer insensitive to the near
 * singularity of the system when the mean time is long. A mean beyond the range of doubles is
 * Infinity with a warning. Measured at the default tolerance: 4.8e-11 relative on a
 * 1-of-10 000 birth–death chain (MTTF 2.6e10) against mpmath and 1.5e-12 on a 2074-state
 * three-class chain against elimination (test/markov). Cost: (2/3)d³ direct; O(m) per
 * iteration, tens of iterations on the chains of bench/markov: about as long as
 * solveSteadyState on bench/markov/mttf-half-million.yaml (4.7·10^5 states).
 *
 * @see M. F. Neuts, Matrix-Geometric Solutions in Stochastic Models, Johns Hopkins, 1981, §2.2
 * (phase-type mean; paywalled); W. K. Grassmann, M. I. Taksar, D. P. Heyman, Operations
 * Research 33(5), 1985, 1107–1116, https://doi.org/10.1287/opre.33.5.1107 (paywalled); S. M.
 * Ross, Stochastic Processes, 2nd ed., Wiley, 1996, §3.6 (renewal reward; paywalled).
 *
 * @example
 * ```ts
 * const duplex = buildCtmc(3, [{ from: 0, to: 1, rate: 0.002 }, { from: 1, to: 0, rate: 0.1 }, { from: 1, to: 2, rate: 0.001 }], [1, 1, 0], 0);
 * meanTimeToAbsorption(duplex, 'down').meanTime; // → ~51500
 * meanTimeToAbsorption(duplex, 'down', { method: 'bicgstab' }).meanTime; // → ~51500.00000000
 * ```
 */
export function meanTimeToAbsorption(
  ctmc: Ctmc,
  absorbing: Uint8Array | 'down',
  options: AbsorptionOptions = {},
): AbsorptionResult {
  const where = 'meanTimeToAbsorption';
  checkCtmc(ctmc, where);
  const tolerance = options.tolerance ?? 1e-14;
  if (!(Number.isFinite(tolerance) && tolerance > 0)) {
    throw new ParameterError(where, 'tolerance', 'be a finite number > 0', tolerance);
  }
  const maxIterations = checkInteger(where, 'maxIterations', options.maxIterations ?? 1e5, 1);
  const directLimit = checkInteger(
    where,
    'directLimit',
    options.directLimit ?? DEFAULT_DIRECT_LIMIT,
    1,
  );
  const method = options.method ?? 'auto';
  if (!(METHODS as readonly string[]).includes(method)) {
    throw new ParameterError(
      where,
      'method',
      "be 'auto', 'elimination', 'bicgstab' or 'gauss-seidel'",
      method,
    );
  }
  const mask = absorbingMask(where, ctmc, absorbing);
  const n = ctmc.stateCount;
  const { rowStart, target, initial } = ctmc;

  // R: transient states reachable from the initial mass without passing an absorbing state.
  // `!`: i < n, head < tail ≤ n, and the rows point into target (a Ctmc's layout).
  const inR = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (initial[i]! > 0 && mask[i] === 0) {
      inR[i] = 1;
      queue[tail++] = i;
    }
  }
  for (let head = 0; head < tail; head++) {
    const i = queue[head]!;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      const j = target[p]!;
      if (mask[j] === 0 && inR[j] === 0) {
        inR[j] = 1;
        queue[tail++] = j;
      }
    }
  }
  const states = queue.slice(0, tail).sort();
  const timeInState = new Float64Array(n);
  const base = { timeInState, iterations: 0, residual: 0, warnings: [] as string[] };
  if (states.length === 0) return { ...base, meanTime: 0, method: 'elimination' };

  // Every state of R must reach the absorbing set, or the mean is infinite.
  const never = whyNeverAbsorbed(ctmc, mask, states);
  if (never !== undefined) {
    timeInState.fill(Infinity);
    return { ...base, meanTime: Infinity, method: 'elimination', warnings: [`${where}: ${never}`] };
  }
  const system = absorbingSystem(ctmc, mask, states);
  const d = states.length;
  const progress = progressReporter(options.onProgress, where);
  const useDirect = method === 'elimination' || (method === 'auto' && d <= directLimit);
  let tau: Float64Array;
  let used: AbsorptionResult['method'] = 'elimination';
  let iterations = 0;
  let residual = 0;
  const warnings: string[] = [];
  if (useDirect) {
    tau = eliminationAbsorption(system, progress);
  } else {
    const transitions = system.source.length;
    let shape: Float64Array | undefined;
    if (method !== 'gauss-seidel') {
      progress.phase(0, `bicgstab on ${d} transient states, ${transitions} transitions`);
      try {
        ({ shape, iterations, residual } = bicgstabAbsorption(system, {
          tolerance,
          maxIterations,
          progress,
        }));
        used = 'bicgstab';
      } catch (error) {
        if (method === 'bicgstab' || !(error instanceof ConvergenceError)) throw error;
        warnings.push(`${where}: bicgstab did not converge (${error.message}); used gauss-seidel`);
      }
    }
    if (shape === undefined) {
      progress.phase(0, `gauss-seidel on ${d} transient states, ${transitions} transitions`);
      ({ shape, iterations, residual } = gaussSeidelAbsorption(system, {
        tolerance,
        maxIterations,
        checkEvery: CHECK_EVERY,
        progress,
      }));
      used = 'gauss-seidel';
    }
    // A flow of 0: the states next to the absorbing set hold less than the smallest double.
    if (absorptionFlow(system, shape) > 0) scaleToAbsorption(system, shape);
    else for (let k = 0; k < d; k++) shape[k] = shape[k]! > 0 ? Infinity : 0;
    tau = shape;
  }
  let meanTime = compensatedSum(tau);
  if (!(meanTime < Infinity)) {
    // Overflow: elimination's Infinity/Infinity gives NaN, which is Infinity too.
    meanTime = Infinity;
    for (let k = 0; k < d; k++) if (Number.isNaN(tau[k])) tau[k] = Infinity;
    warnings.push(`${where}: the mean time is beyond the range of doubles (above 1.8e308)`);
  }
  for (let k = 0; k < d; k++) timeInState[states[k]!] = tau[k]!;
  progress.done(
    used === 'elimination'
      ? `done: mean ${shortNumber(meanTime)}`
      : `done: mean ${shortNumber(meanTime)} after ${iterations} ${used} iterations, residual ${shortNumber(residual)}`,
  );
  return { timeInState, meanTime, method: used, iterations, residual, warnings };
}

/**
 * Returns why the mean time is infinite: no absorbing state, none reachable, or a reachable
 * state that cannot reach one; undefined when every state of R reaches the absorbing set.
 */
function whyNeverAbsorbed(ctmc: Ctmc, mask: Uint8Array, states: Int32Array): string | undefined {
  const n = ctmc.stateCount;
  const name = (i: number): string =>
    ctmc.stateNames?.[i] === undefined ? `state ${i}` : `state ${i} (${ctmc.stateNames[i]})`;
  let absorbingCount = 0;
  for (const absorbs of mask) absorbingCount += absorbs;
  if (absorbingCount === 0) {
    return 'no state is absorbing (the system has no down state), so the mean time is infinite';
  }
  const incoming = incomingTransitions(ctmc);
  const canAbsorb = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let j = 0; j < n; j++) {
    if (mask[j] === 1) {
      canAbsorb[j] = 1;
      queue[tail++] = j;
    }
  }
  // `!`: head < tail ≤ n, and start has n + 1 pointers into source.
  for (let head = 0; head < tail; head++) {
    const j = queue[head]!;
    for (let p = incoming.start[j]!; p < incoming.start[j + 1]!; p++) {
      const i = incoming.source[p]!;
      // Only non-absorbing sources propagate: absorbing rows are ignored.
      if (canAbsorb[i] === 0 && mask[i] === 0) {
        canAbsorb[i] = 1;
        queue[tail++] = i;
      }
    }
  }
  let stuck = -1;
  let reaching = 0;
  for (const state of states) {
    if (canAbsorb[state] === 1) reaching++;
    else if (stuck < 0) stuck = state;
  }
  if (stuck < 0) return undefined;
  let startsAbsorbed = false;
  for (let j = 0; j < n; j++) if (mask[j] === 1 && ctmc.initial[j]! > 0) startsAbsorbed = true;
  if (reaching === 0 && !startsAbsorbed) {
    return `none of the ${absorbingCount} absorbing states can be reached from the initial distribution, so the mean time is infinite`;
  }
  return `${name(stuck)} is reachable but cannot reach an absorbing state, so the mean time is infinite`;
}
