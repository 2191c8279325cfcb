import type { Ctmc } from '../generation/Ctmc.js';
import { checkCtmc } from '../generation/checkCtmc.js';
import { takeVectors } from './checked.js';
import type { PoissonWeights } from './poissonWeights.js';
import { transientBySquaring } from './squaringTransient.js';
import { chooseTransientMethod } from './transientMethod.js';
import {
  checkTransientOptions,
  planTransient,
  type TransientMethod,
  type TransientOptions,
} from './transientPlan.js';
import { stepUniformized } from './uniformize.js';
import { WindowSums } from './windowSums.js';

// Products between two stationarity tests.
const CHECK_EVERY = 4;
// Iterates kept to be added to the sums together (8·n bytes each).
const ITERATES = 8;

/** The state probabilities at each requested time. */
export interface TransientResult {
  /** The times, as given. */
  readonly times: number[];
  /** probabilities[j][i] = P(X(times[j]) = i), each vector summing to 1 − (≤ tolerance). */
  readonly probabilities: Float64Array[];
  /** Matrix–vector products done (one pass serves every time point; a dense squaring counts as n). */
  readonly products: number;
  /**
   * The step K from which the iterates were taken as stationary (the remaining Poisson mass
   * applied to π(0)P^K), or null when every product up to the last right point was done, and
   * always with the squaring method.
   */
  readonly stationaryAt: number | null;
  /** The uniformization rate q (max exit rate), per time unit. */
  readonly uniformizationRate: number;
  /** Advisory notes: very stiff runs. */
  readonly warnings: string[];
  /** How e^{Qt} was computed. */
  readonly method: TransientMethod;
}

/**
 * Returns the probability of every state at each of several times, from one uniformization
 * pass with Fox–Glynn truncation, or by non-negative scaling and squaring when that is cheaper
 * (stiff chains of up to 1000 states at long times).
 *
 * $$
 * \pi(t) = \sum_{k=L_t}^{R_t} e^{-qt}\frac{(qt)^k}{k!}\; \pi(0)\,P^k,\qquad P = I + Q/q
 * $$
 *
 * - π(0): `ctmc.initial`, π(t): `probabilities[j]` at t = `times[j]`
 * - Q: the generator, q: the uniformization rate (max exit rate)
 * - [L_t, R_t]: the Poisson(qt) window holding all but `tolerance` of the mass
 *
 * @param ctmc - the chain
 * @param times - time points, finite and ≥ 0, any order, same unit as the rates
 * @param options - tolerance (default 1e-12), maxProducts (default 10^7),
 * stationarityDetection (default true), method (default `'auto'`)
 * @returns one probability vector per time, the products done, where stationarity stopped
 * them, q and the method used
 *
 * @throws {@link ParameterError} when `ctmc` is not a well-formed chain ({@link checkCtmc}), a
 * time is not a finite number ≥ 0, tolerance is not in (0, 1) (see
 * {@link checkTransientOptions}).
 * @throws {@link TransientLimitError} for a chain of more than 1000 states whose q·max(times)
 * exceeds maxProducts.
 *
 * @remarks
 * Method: {@link chooseTransientMethod} compares the costs. Squaring
 * ({@link transientBySquaring}) costs n³·log₂(q·t) whatever t, keeps every entry to relative
 * accuracy (non-negative terms only), ignores `tolerance` and `stationarityDetection` (it stops
 * squaring once e^{Q·2^s h} is idempotent), and is used for every chain of at most 1000 states
 * whose q·t passes maxProducts. Measured: ≤ 1.1e-15 relative on every entry against
 * scipy.linalg.expm on three random chains; the curves built on the same solver are within
 * 1.6e-15 of mpmath at 100 digits, R in deep tails aside (test/markov/squaring.test.ts).
 *
 * Uniformization (Jensen): every term is non-negative, so there is no cancellation, and the
 * truncation error is at most `tolerance` in the 1-norm for each time. The vectors πP^k are
 * computed once up to the largest right point; each time point accumulates its own window, so
 * ten time points cost one pass plus ten accumulators.
 *
 * Stationarity detection (default on; `stationarityDetection: false` turns it off): the
 * Poisson windows keep all but tolerance/2, and every fourth product measures
 * δ_K = ‖v_K − v_{K−1}‖₁ with v_K = π(0)P^K. P is stochastic, so ‖xP‖₁ ≤ ‖x‖₁ and the steps
 * never grow: ‖v_i − v_K‖₁ ≤ (i − K)·δ_K for i ≥ K. Once δ_K·Σ_{i>K}(i − K)w_i ≤ tolerance/2 for
 * every time point, the products stop and the remaining mass Σ_{i≥K} w_i is applied to v_K
 * (Malhotra, Muppala and Trivedi's steady-state detection with a bound instead of their
 * heuristic test). The total error per time point stays ≤ tolerance in exact arithmetic; in
 * floating point δ_K carries rounding of about n·ε_mach, so the test only fires once δ_K is
 * far above that. Measured against the full computation at tolerance 1e-16: ≤ 0.45·tolerance
 * at 1e-12, ≤ 0.33·tolerance at 1e-9 … 1e-3 (test/markov/solveTransient.test.ts). Saves 25% of
 * the products on the 10^4-state benchmark chain, 16% at 10^5 and 9% at 10^6 states, which
 * has not mixed by t = 1000 h and stops only in the last window's tail (δ ≈ 6e-9 there).
 * `stationaryAt` reports the stop. Stiffness: the cost grows as q·t (one product per unit),
 * e.g. q·t = 10^7 needs 10^7 products; above 10^6 products a warning is returned, above
 * maxProducts the call throws (chains over 1000 states only; smaller ones square). The
 * truncation is absolute here (1-norm of the vector); the products round each entry by about
 * ε_mach per step, so small entries carry about 5e-17·q·t relative (2e-12 measured on a stiff
 * 7-state chain at q·t = 6·10^4, test/markov/squaring.test.ts). Measured error against
 * scipy.linalg.expm: ≤ 1.8e-15 absolute on 4- to 8-state random chains
 * (test/markov/solveTransient.test.ts). Cost O((m + n)·R) time; memory (8 + T)·n doubles (a
 * ring of eight iterates, added to the T sums together: {@link WindowSums}) and the uniformized
 * chain, 12 bytes per transition, in the WebAssembly kernels' memory.
 *
 * @see A. Jensen, Skandinavisk Aktuarietidskrift 36, 1953, 87–91,
 * https://doi.org/10.1080/03461238.1953.10419459 (paywalled); B. L. Fox, P. W. Glynn,
 * "Computing Poisson probabilities", Communications of the ACM 31(4), 1988, 440–445,
 * https://doi.org/10.1145/42404.42409 (paywalled); W. J. Stewart, Introduction to the
 * Numerical Solution of Markov Chains, 1994, §8.4 (paywalled); M. Malhotra, J. K. Muppala,
 * K. S. Trivedi, "Stiffness-tolerant methods for transient analysis of stiff Markov chains",
 * Microelectronics Reliability 34(11), 1994 (paywalled); B. Sericola, "Availability analysis of
 * repairable computer systems and stationarity detection", IEEE Transactions on Computers
 * 48(11), 1999 (paywalled; the monotone distance to stationarity used for the bound).
 *
 * @example
 * ```ts
 * const unit = buildCtmc(2, [{ from: 0, to: 1, rate: 1 }, { from: 1, to: 0, rate: 9 }], [1, 0], 0);
 * solveTransient(unit, [0]).probabilities[0]; // → [1, 0]
 * solveTransient(unit, [0.1]).probabilities[0][1]; // → ~0.0632120558829
 * solveTransient(unit, [1e15]).probabilities[0][1]; // → ~0.1
 * ```
 */
export function solveTransient(
  ctmc: Ctmc,
  times: readonly number[],
  options: TransientOptions = {},
): TransientResult {
  const where = 'solveTransient';
  checkCtmc(ctmc, where);
  const checked = checkTransientOptions(where, times, options);
  if (chooseTransientMethod(where, ctmc, times, checked) === 'squaring') {
    const squared = transientBySquaring(ctmc, times, false);
    return {
      times: [...times],
      probabilities: squared.probabilities,
      products: squared.products,
      stationaryAt: null,
      uniformizationRate: Math.max(0, ...ctmc.exitRate),
      warnings: [],
      method: 'squaring',
    };
  }
  const detect = options.stationarityDetection ?? true;
  const plan = planTransient(where, ctmc, times, options, detect ? 0.5 : 1, ITERATES);
  // planTransient has checked the tolerance; half of it is left for the stationarity test.
  const budget = (options.tolerance ?? 1e-12) / 2;
  const sums = new WindowSums(plan.windows, ctmc.stateCount);
  const tails = detect ? plan.windows.map(windowTails) : [];
  // A ring of iterates: block[0 … filled − 1] hold v_first … v_{first+filled−1}, and
  // 1 ≤ filled ≤ block.length where block[filled − 1] is read, filled < block.length where
  // block[filled] is (the `!` below).
  const block = takeVectors(where, plan.chain.matrix.vectors, ITERATES, ctmc.stateCount);
  block[0].set(ctmc.initial);
  let first = 0;
  let filled = 1;
  let products = 0;
  let stationaryAt: number | null = null;
  for (let k = 0; ; k++) {
    // block[filled − 1] holds v_k.
    if (k >= plan.lastStep) {
      sums.addIterates(block, first, filled);
      break;
    }
    const current = block[filled - 1]!;
    if (filled === block.length) {
      sums.addIterates(block, first, filled);
      first += filled;
      filled = 0;
    }
    const delta = stepUniformized(plan.chain, current, block[filled]!);
    filled++;
    products++;
    // The test (its tail sums) runs on every CHECK_EVERY-th product only.
    if (!detect || (k + 1) % CHECK_EVERY !== 0) continue;
    // v_K with K = k + 1, and ‖v_{i+1} − v_i‖₁ ≤ delta for every i ≥ K (P is a 1-norm
    // contraction), so ‖v_i − v_K‖₁ ≤ (i − K)·delta: replacing every later v_i by v_K costs at
    // most delta·Σ_{i>K} (i − K) w_i per time point.
    const K = k + 1;
    if (K >= plan.lastStep) continue;
    let worst = 0;
    for (const tail of tails) worst = Math.max(worst, tail.lagAt(K));
    if (delta * worst <= budget) {
      sums.addIterates(block, first, filled - 1);
      sums.addScaled(
        block[filled - 1]!,
        tails.map((tail) => tail.massAt(K)),
      );
      stationaryAt = K;
      break;
    }
  }
  return {
    times: [...times],
    probabilities: sums.sums,
    products,
    stationaryAt,
    uniformizationRate: plan.chain.rate,
    warnings: plan.warnings,
    method: 'uniformization',
  };
}

/** Suffix sums of one Poisson window, for the stationarity test and the final step. */
interface WindowTails {
  /** Σ_{i ≥ K} w_i: the weight still to come from step K on. */
  massAt(K: number): number;
  /** Σ_{i > K} (i − K)·w_i: the bound factor of stopping at step K. */
  lagAt(K: number): number;
}

/** Tables of the suffix sums of `window`, formed from the right (non-negative terms only). */
function windowTails(window: PoissonWeights): WindowTails {
  const { left, right, weights } = window;
  const length = right - left + 1;
  const mass = new Float64Array(length + 1);
  const lag = new Float64Array(length + 1);
  // `!`: the window holds `length` weights, the tables length + 1 entries, and K ≤ right
  // keeps K − left below length.
  for (let d = length - 1; d >= 0; d--) {
    mass[d] = mass[d + 1]! + weights[d]!;
    // T(K) = T(K + 1) + Σ_{i > K} w_i.
    lag[d] = lag[d + 1]! + mass[d + 1]!;
  }
  return {
    massAt: (K) => (K > right ? 0 : mass[Math.max(0, K - left)]!),
    lagAt: (K) => (K > right ? 0 : K >= left ? lag[K - left]! : lag[0]! + (left - K) * mass[0]!),
  };
}
