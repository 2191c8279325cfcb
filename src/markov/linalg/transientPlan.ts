import { ParameterError, checkInteger } from '../../errors.js';
import type { Ctmc } from '../generation/Ctmc.js';
import { poissonWeights, type PoissonWeights } from './poissonWeights.js';
import { TransientLimitError } from './TransientLimitError.js';
import { uniformize, type UniformizedChain } from './uniformize.js';

// Above this many products a run takes minutes on a 10^5-state chain: say so in the warnings.
export const WARN_PRODUCTS: number = 1e6;
// Default refusal point: 10^7 products of a 10^6-state chain would take about three days.
const DEFAULT_MAX_PRODUCTS = 1e7;
/** Most states the squaring method takes: n³ per squaring, 0.6 s at 1000 states. */
export const SQUARING_MAX_STATES = 1000;

/** How a transient solve computes e^{Qt}. */
export type TransientMethod = 'uniformization' | 'squaring';

/** Options of the transient solvers (solveTransient and the curves). */
export interface TransientOptions {
  /**
   * Uniformization only: Poisson truncation error per time point, in (0, 1). solveTransient
   * leaves out at most this much probability mass (1-norm); the curves at most this much
   * relative to each value, A and U alike (their windows are widened until it holds).
   * @defaultValue 1e-12
   */
  readonly tolerance?: number;
  /**
   * Uniformization only: most matrix–vector products allowed (about q·t_max + 8√(q·t_max)).
   * A chain too big for squaring that needs more throws {@link TransientLimitError} rather
   * than running for hours (the `--max-products` flag of `relkit markov`).
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
  /**
   * `'uniformization'` (sparse products, cost ∝ q·t), `'squaring'` (dense, cost ∝ n³·log₂(q·t),
   * at most 1000 states) or `'auto'`: the cheaper by {@link chooseTransientMethod}'s cost model,
   * and squaring whenever uniformization would pass maxProducts.
   * @defaultValue 'auto'
   */
  readonly method?: TransientMethod | 'auto';
}

/** The checked options of a transient solve. */
export interface CheckedTransientOptions {
  readonly tolerance: number;
  readonly maxProducts: number;
  readonly method: TransientMethod | 'auto';
}

/**
 * Returns the options of a transient solve with their defaults, after checking them and the
 * times.
 *
 * @param where - the calling function, for messages
 * @param times - time points
 * @param options - tolerance, maxProducts, method
 * @returns tolerance, maxProducts and method
 *
 * @throws {@link ParameterError} when a time is not a finite number ≥ 0, tolerance is not in
 * (0, 1), maxProducts is not an integer ≥ 1, or method is not one of the three.
 *
 * @example
 * ```ts
 * checkTransientOptions('example', [0, 1], {}).maxProducts; // → 10000000
 * ```
 */
export function checkTransientOptions(
  where: string,
  times: readonly number[],
  options: TransientOptions,
): CheckedTransientOptions {
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
  const method = options.method ?? 'auto';
  if (method !== 'auto' && method !== 'uniformization' && method !== 'squaring') {
    throw new ParameterError(where, 'method', "be 'auto', 'uniformization' or 'squaring'", method);
  }
  times.forEach((t, index) => {
    if (!(Number.isFinite(t) && t >= 0)) {
      throw new ParameterError(where, `times[${index}]`, 'be a finite number >= 0', t);
    }
  });
  return { tolerance, maxProducts, method };
}

/**
 * Throws when uniformizing `ctmc` up to the largest time would pass the product limit.
 *
 * $$
 * q\,t_{\max} \le N_{\max}
 * $$
 *
 * - q: the largest exit rate, t_max: the largest time, N_max: `maxProducts`
 *
 * @param where - the calling function, for messages
 * @param ctmc - the chain
 * @param longest - t_max
 * @param maxProducts - N_max
 *
 * @throws {@link TransientLimitError} when q·t_max > N_max.
 *
 * @example
 * ```ts
 * const chain = { stateCount: 2, rowStart: Int32Array.of(0, 1, 2), target: Int32Array.of(1, 0), rate: Float64Array.of(1, 3), exitRate: Float64Array.of(1, 3), up: Uint8Array.of(1, 0), initial: Float64Array.of(1, 0) };
 * checkProductLimit('example', chain, 1, 10); // → undefined
 * ```
 */
export function checkProductLimit(
  where: string,
  ctmc: Ctmc,
  longest: number,
  maxProducts: number,
): void {
  let q = 0;
  for (const rate of ctmc.exitRate) if (rate > q) q = rate;
  const estimate = q * longest;
  if (estimate > maxProducts) {
    throw new TransientLimitError(
      where,
      ctmc.stateCount,
      longest,
      estimate,
      maxProducts,
      SQUARING_MAX_STATES,
    );
  }
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
 * @throws {@link ParameterError} as {@link checkTransientOptions}.
 * @throws {@link TransientLimitError} when q·t_max exceeds maxProducts.
 *
 * @remarks
 * Uniformization costs one product per unit of q·t, so stiff chains (fast repairs, long
 * horizons) are expensive: q·t = 10^7 means 10^7 products, about 3 days on a 10^6-state chain
 * and 30 minutes on a 10^3-state one. Past `maxProducts` it throws; above 10^6 it adds a
 * warning. Chains of at most 1000 states avoid this with the squaring method (see
 * {@link chooseTransientMethod}).
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
  const { tolerance, maxProducts } = checkTransientOptions(where, times, options);
  const longest = Math.max(0, ...times);
  // Before computing any window, so an absurd q·t fails fast.
  checkProductLimit(where, ctmc, longest, maxProducts);
  const chain = uniformize(ctmc, iterates);
  const q = chain.rate;
  const estimate = q * longest;
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
