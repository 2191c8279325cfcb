import { ParameterError, checkInteger } from '../errors.js';
import { compensatedSum } from '../numeric/sum.js';
import type { Ctmc } from './Ctmc.js';
import { poissonWeights, type PoissonWeights } from './poissonWeights.js';
import { stepUniformized, uniformize, type UniformizedChain } from './uniformize.js';

// Above this many products a run takes minutes on a 10^5-state chain: say so in the warnings.
const WARN_PRODUCTS = 1e6;
// Default refusal point: 10^7 products of a 10^6-state chain would take about three days.
const DEFAULT_MAX_PRODUCTS = 1e7;

/** Options of the uniformization solvers (solveTransient and the curves built on it). */
export interface TransientOptions {
  /**
   * Poisson truncation error per time point: the probability mass left out, in (0, 1).
   * @defaultValue 1e-12
   */
  readonly tolerance?: number;
  /**
   * Most matrix–vector products allowed (about q·t_max + 8√(q·t_max)); more throws rather
   * than running for hours.
   * @defaultValue 10000000
   */
  readonly maxProducts?: number;
  /**
   * solveTransient only: stop the products once the iterates have converged so far that
   * applying the remaining Poisson mass to the last one costs at most tolerance/2 (the
   * windows then keep all but tolerance/2 each); `false` runs every product. The curves
   * ignore it.
   * @defaultValue true
   */
  readonly stationarityDetection?: boolean;
}

/** What a uniformization run needs: P, one Poisson window per time point, the last step. */
export interface TransientPlan {
  /** The uniformized chain. */
  readonly chain: UniformizedChain;
  /** Poisson(q·t) weights of each time point, in the order of `times`. */
  readonly windows: PoissonWeights[];
  /** The largest right truncation point: products needed. */
  readonly lastStep: number;
  /** Advisory notes (cost). */
  readonly warnings: string[];
}

/**
 * Returns the uniformized chain and the Fox–Glynn window of every time point, after checking
 * the times and options of a transient solve.
 *
 * $$
 * N_{\text{products}} = \max_t R(q t) \approx q\,t_{\max} + 2\sqrt{2\,q\,t_{\max}\ln(1/\varepsilon)}
 * $$
 *
 * - q: uniformization rate (max exit rate), t_max: the largest of `times`, ε: `tolerance`
 * - R(λ): right truncation point of Poisson(λ)
 *
 * @param where - the calling function, for messages
 * @param ctmc - the chain
 * @param times - time points, finite and ≥ 0, any order
 * @param options - tolerance and maxProducts
 * @param windowShare - the part of `tolerance` given to the Poisson windows, in (0, 1]
 * (solveTransient gives 1/2 when it detects stationarity, keeping the rest for that)
 * @param iterates - work vectors of the uniformized chain, at least 2
 * @returns the plan
 *
 * @throws {@link ParameterError} when a time is not a finite number ≥ 0, tolerance is not in
 * (0, 1), maxProducts is not an integer ≥ 1, or the run would need more than maxProducts
 * products.
 *
 * @remarks
 * Uniformization costs one product per unit of q·t, so stiff chains (fast repairs, long
 * horizons) are expensive: q·t = 10^7 means 10^7 products, about 3 days on a 10^6-state chain
 * and 30 minutes on a 10^3-state one. Past `maxProducts` it throws; above 10^6 it adds a
 * warning. For times long after the chain has mixed, solveSteadyState is the cheap answer.
 *
 * @see B. L. Fox, P. W. Glynn, Communications of the ACM 31(4), 1988, 440–445,
 * https://doi.org/10.1145/42404.42409 (paywalled).
 *
 * @example
 * ```ts
 * const chain = { stateCount: 2, rowStart: Int32Array.of(0, 1, 2), target: Int32Array.of(1, 0), rate: Float64Array.of(1, 3), exitRate: Float64Array.of(1, 3), up: Uint8Array.of(1, 0), initial: Float64Array.of(1, 0) };
 * planTransient('example', chain, [0, 1], {}).lastStep; // → 22
 * ```
 */
export function planTransient(
  where: string,
  ctmc: Ctmc,
  times: readonly number[],
  options: TransientOptions,
  windowShare = 1,
  iterates = 2,
): TransientPlan {
  const tolerance = options.tolerance ?? 1e-12;
  if (!(tolerance > 0 && tolerance < 1)) {
    throw new ParameterError(where, 'tolerance', 'be a number in (0, 1)', tolerance);
  }
  const maxProducts = checkInteger(
    where,
    'maxProducts',
    options.maxProducts ?? DEFAULT_MAX_PRODUCTS,
    1,
  );
  times.forEach((t, index) => {
    if (!(Number.isFinite(t) && t >= 0)) {
      throw new ParameterError(where, `times[${index}]`, 'be a finite number >= 0', t);
    }
  });
  const chain = uniformize(ctmc, iterates);
  const q = chain.rate;
  const longest = Math.max(0, ...times);
  // Estimate before computing any window, so an absurd q·t fails fast.
  const estimate = q * longest;
  if (estimate > maxProducts) {
    throw new ParameterError(
      where,
      'q·t (uniformization rate times the largest time)',
      `need at most maxProducts = ${maxProducts} matrix–vector products; use solveSteadyState for times long after the chain has mixed, or raise maxProducts`,
      estimate,
    );
  }
  const windows = times.map((t) => poissonWeights(q * t, tolerance * windowShare));
  const lastStep = Math.max(0, ...windows.map((w) => w.right));
  const warnings: string[] = [];
  if (lastStep > WARN_PRODUCTS) {
    warnings.push(
      `${where}: q·t = ${estimate} needs ${lastStep} matrix–vector products (stiff chain or long horizon)`,
    );
  }
  return { chain, windows, lastStep, warnings };
}

/**
 * Returns the probability of the up states and of the down states after each uniformized step
 * k = 0..plan.lastStep, starting from `initial`.
 *
 * $$
 * a_k = \sum_{i\,\mathrm{up}} (v P^k)_i,\qquad d_k = \sum_{i\,\mathrm{down}} (v P^k)_i
 * $$
 *
 * - v: `initial`, P: `plan.chain`, up/down from `up`
 *
 * @param plan - from {@link planTransient}
 * @param initial - starting vector, length n
 * @param up - 1 for up states
 * @returns a_k and d_k, each of length lastStep + 1, both formed as sums (no 1 − x)
 *
 * @remarks
 * Two n-vectors of scratch, lastStep products. Each mass is a compensated (Neumaier) sum,
 * error about 2ε, without the cost of an exact sum per step.
 *
 * @example
 * ```ts
 * const chain = { stateCount: 2, rowStart: Int32Array.of(0, 1, 2), target: Int32Array.of(1, 0), rate: Float64Array.of(1, 3), exitRate: Float64Array.of(1, 3), up: Uint8Array.of(1, 0), initial: Float64Array.of(1, 0) };
 * upDownSequence(planTransient('example', chain, [0], {}), chain.initial, chain.up).down; // → [0]
 * ```
 */
export function upDownSequence(
  plan: TransientPlan,
  initial: Float64Array,
  up: Uint8Array,
): { up: Float64Array; down: Float64Array } {
  const upMass = new Float64Array(plan.lastStep + 1);
  const downMass = new Float64Array(plan.lastStep + 1);
  let [v, next] = plan.chain.matrix.vectors;
  v.set(initial);
  for (let k = 0; ; k++) {
    upMass[k] = compensatedSum(v, up, 1);
    downMass[k] = compensatedSum(v, up, 0);
    if (k === plan.lastStep) break;
    stepUniformized(plan.chain, v, next);
    [v, next] = [next, v];
  }
  return { up: upMass, down: downMass };
}

/**
 * Returns Σ_k w_k x_k over a Poisson window: the uniformized value of a per-step measure.
 *
 * $$
 * \sum_{k=L}^{R} w_k\, x_k
 * $$
 *
 * - w: `window.weights`, x: `sequence`
 *
 * @param window - the Poisson weights
 * @param sequence - the measure after each step, length > window.right
 * @returns the weighted sum
 *
 * @example
 * ```ts
 * weightedSum({ left: 1, right: 2, weights: Float64Array.of(0.5, 0.5) }, Float64Array.of(9, 1, 3)); // → 2
 * ```
 */
export function weightedSum(window: PoissonWeights, sequence: Float64Array): number {
  let s = 0;
  for (let k = window.left; k <= window.right; k++)
    s += window.weights[k - window.left] * sequence[k];
  return s;
}
