import { checkLength, takeVectors } from './checked.js';
import { stepUniformized, type UniformizedChain } from './uniformize.js';

// Relative truncation of the series: far below the rounding of the sums.
const SERIES_EPSILON = 2 ** -60;
// Values below this are not promised relative accuracy (they are not far from underflow).
export const TINY: number = 1e-290;

/** Poisson(λ) probabilities for a small mean, with the tail sums the series needs. */
export interface PoissonTable {
  /** λ, in [0, 1]. */
  readonly lambda: number;
  /** weight[k] = e^{−λ}λ^k/k! for k = 0 … K, up to the last weight that does not underflow. */
  readonly weight: Float64Array;
  /** above[k] = P{N > k} = Σ_{l>k} w_l, summed from the right (0 past the table). */
  readonly above: Float64Array;
  /**
   * share[k] = P{N > k}/λ: the average over s ∈ [0, h] of P{N(qs) = k}, the share of a step of
   * length h spent after exactly k jumps; formed without dividing by λ (1 at λ = 0).
   */
  readonly share: Float64Array;
  /** shareTail[k] = Σ_{l≥k} share[l], summed from the right. */
  readonly shareTail: Float64Array;
}

/**
 * Returns the Poisson(λ) weights of a small mean down to underflow, and their tail sums.
 *
 * $$
 * w_k = e^{-\lambda}\frac{\lambda^k}{k!},\qquad
 * P\{N > k\} = \sum_{l > k} w_l,\qquad
 * s_k = \frac{P\{N > k\}}{\lambda} = \sum_{l > k} e^{-\lambda}\frac{\lambda^{l-1}}{l!}
 * = \frac1h\int_0^h P\{N(qu) = k\}\,du
 * $$
 *
 * - λ: `lambda` (q·h in the squaring solver, at most 1), N a Poisson(λ) count, N(qu) one of mean
 *   qu with λ = qh
 *
 * @param lambda - λ, in [0, 1]
 * @returns w, P{N > k}, s and the suffix sums of s, as long as the terms stay above 0 (at most
 * about 180 entries)
 *
 * @remarks
 * w_{k+1} = w_k·λ/(k + 1) from w_0 = e^{−λ}, and likewise s from its terms e^{−λ}λ^{l−1}/l!, so
 * s keeps its relative accuracy for a λ of 1e-300 (P{N > k} itself would underflow); the tails
 * are sums of non-negative terms from the smallest, each with a relative error of a few
 * ε_mach, none formed as 1 − F. Cost O(K), K ≤ 180 for λ ≤ 1.
 *
 * @see B. L. Fox, P. W. Glynn, "Computing Poisson probabilities", Communications of the ACM
 * 31(4), 1988, 440–445, https://doi.org/10.1145/42404.42409 (paywalled).
 *
 * @example
 * ```ts
 * poissonTable(1).weight[2]; // → ~0.18393972058572
 * poissonTable(1).above[0]; // → ~0.63212055882856
 * poissonTable(1e-300).share[0]; // → 1
 * ```
 */
export function poissonTable(lambda: number): PoissonTable {
  const weights: number[] = [];
  for (let k = 0, w = Math.exp(-lambda); w > 0; k++) {
    weights.push(w);
    w = (w * lambda) / (k + 1);
  }
  // u[l − 1] = e^{−λ}λ^{l−1}/l! for l ≥ 1.
  const terms: number[] = [];
  for (let l = 1, u = Math.exp(-lambda); u > 0; l++) {
    terms.push(u);
    u = (u * lambda) / (l + 1);
  }
  const length = Math.max(weights.length, terms.length);
  const weight = Float64Array.from(weights);
  const above = new Float64Array(length + 1);
  const share = new Float64Array(length + 1);
  const shareTail = new Float64Array(length + 2);
  // `!`: k + 1 ≤ length, below the lengths of above, share (length + 1) and shareTail (+ 2);
  // weight and terms may be shorter than length, where their terms are 0.
  for (let k = length - 1; k >= 0; k--) {
    above[k] = above[k + 1]! + (weight[k + 1] ?? 0);
    share[k] = share[k + 1]! + (terms[k] ?? 0);
  }
  for (let k = length; k >= 0; k--) shareTail[k] = shareTail[k + 1]! + share[k]!;
  return { lambda, weight, above, share, shareTail };
}

/** What {@link poissonSeries} adds up besides the vector. */
export interface SeriesIntegrals {
  /** Σ_k s_k·(vP^k)·1_up = (1/h)∫₀ʰ v e^{Qu} 1_up du: the expected share of the step spent up. */
  readonly up: number;
  /** The same over the down states. */
  readonly down: number;
  /** Products vP done. */
  readonly steps: number;
}

/**
 * Writes v·e^{Qh} into `out` by the uniformized series, truncated where every entry of the
 * result (and each integral) has a relative truncation error below 2^−60, and returns the shares
 * of [0, h] spent up and down.
 *
 * $$
 * v\,e^{Qh} = \sum_{k \ge 0} w_k\, vP^k,\qquad
 * \frac1h\int_0^h v\,e^{Qu}\,\mathbf 1_{\mathrm{up}}\,du
 * = \sum_{k \ge 0} s_k\; vP^k\,\mathbf 1_{\mathrm{up}},\quad s_k = \frac{P\{N > k\}}{qh}
 * $$
 *
 * - v: `start` (non-negative, ‖v‖₁ ≤ 1), P = I + Q/q the uniformized chain, q its rate
 * - w_k, s_k: Poisson(qh) weights and tail shares from `table` (qh = `table.lambda` ≤ 1)
 *
 * @param chain - the uniformized chain (its first two work vectors are used)
 * @param start - v, length n
 * @param table - the Poisson table of λ = q·h
 * @param up - 1 for the up states
 * @param out - receives v·e^{Qh}, length n (not one of the chain's work vectors)
 * @returns the up and down shares of the step, and the products done
 *
 * @remarks
 * Every term is non-negative and ‖vP^k‖_∞ ≤ 1, so the part left out after step K is at most
 * P{N > K} in each entry and Σ_{l>K} s_l in each share (which stays accurate however short the
 * step: s_0 → 1 as qh → 0, no division by qh). The series stops at the first K where
 * (1) no state was added to the support of the partial sum at step K, so that every state the
 * chain can reach from v already has a positive entry (the support of Σ_{k≤K} vP^k is closed
 * once it stops growing), and (2) P{N > K} ≤ 2^−60 × the smallest positive entry and
 * Σ_{l>K} s_l ≤ 2^−60 × the smaller positive share (values below 1e-290 excepted); or when the
 * terms underflow. Then every entry has a relative truncation error ≤ 2^−60, however small it is
 * (an entry of 1e-200 keeps its digits), and the rounding error of each entry is a few ε_mach
 * per product (non-negative sums). Cost: at most about 180 products of O(n + m) for qh ≤ 1,
 * typically min(diameter of the chain, 180) or about 25 when the support closes early.
 *
 * @see A. Jensen, Skandinavisk Aktuarietidskrift 36, 1953, 87–91,
 * https://doi.org/10.1080/03461238.1953.10419459 (paywalled); E. de Souza e Silva, H. R. Gail,
 * "Calculating availability and performability measures of repairable computer systems using
 * randomization", Journal of the ACM 36(1), 1989, 171–193, https://doi.org/10.1145/58562.59307
 * (paywalled; the occupation integral by Poisson tails).
 */
export function poissonSeries(
  chain: UniformizedChain,
  start: Float64Array,
  table: PoissonTable,
  up: Uint8Array,
  out: Float64Array,
): SeriesIntegrals {
  const n = chain.stateCount;
  const { weight, above, share, shareTail } = table;
  // `!` below: j < n, the length of v, next, out (checked here) and up; k + 1 < share.length − 1
  // past the break, and above, share and shareTail are at least as long as share.
  let [v, next] = takeVectors('poissonSeries', chain.matrix.vectors, 2, n);
  checkLength('poissonSeries', out, n);
  v.set(start);
  out.fill(0);
  let upShare = 0;
  let downShare = 0;
  let support = 0;
  let steps = 0;
  for (let k = 0; ; k++) {
    const w = weight[k] ?? 0;
    let upMass = 0;
    let downMass = 0;
    for (let j = 0; j < n; j++) {
      const x = v[j]!;
      out[j]! += w * x;
      if (up[j] === 1) upMass += x;
      else downMass += x;
    }
    upShare += share[k]! * upMass;
    downShare += share[k]! * downMass;
    if (k + 1 >= share.length - 1) break;
    // The stop test can only pass once the tail is below 2^-60 (entries are at most 1): count
    // the support from the step before that on.
    if (above[k]! <= SERIES_EPSILON || (k + 1 < above.length && above[k + 1]! <= SERIES_EPSILON)) {
      let count = 0;
      let smallest = Infinity;
      for (let j = 0; j < n; j++) {
        const s = out[j]!;
        if (s > 0) {
          count++;
          if (s < smallest) smallest = s;
        }
      }
      const closed = count === support;
      support = count;
      const least = Math.min(
        upShare > 0 ? upShare : Infinity,
        downShare > 0 ? downShare : Infinity,
      );
      if (
        closed &&
        above[k]! <= SERIES_EPSILON * Math.max(smallest, TINY) &&
        shareTail[k + 1]! <= SERIES_EPSILON * Math.max(least === Infinity ? 0 : least, TINY)
      ) {
        break;
      }
    }
    stepUniformized(chain, v, next);
    const swap = v;
    v = next;
    next = swap;
    steps++;
  }
  return { up: upShare, down: downShare, steps };
}
