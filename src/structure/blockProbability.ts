import type { Block } from './collapseBlocks.js';

// Above this many operations (n times the states tracked) a k-out-of-n block of identical members
// is summed as a binomial instead of by the dynamic programme: O(n) at most, and only the terms
// that do not underflow, a few dozen for 99 990-out-of-100 000 at q = 1e-5.
const DIRECT_WORK = 1 << 16;

/**
 * Writes P(block works) to `out[0]` and P(block fails) to `out[1]`, each computed on its own side
 * so that a small one keeps its digits.
 *
 * $$
 * \text{series: } P = \prod_i p_i,\quad
 * F = -\operatorname{expm1}\Big(\sum_i \operatorname{log1p}(-q_i)\Big); \qquad
 * \text{parallel: } F = \prod_i q_i,\quad
 * P = -\operatorname{expm1}\Big(\sum_i \operatorname{log1p}(-p_i)\Big)
 * $$
 * $$
 * k\text{-of-}n:\quad d_{i}(c) = d_{i-1}(c)\,s_i + d_{i-1}(c-1)\,a_i \ (c < C), \qquad
 * d_i(C) = d_{i-1}(C) + d_{i-1}(C-1)\,a_i
 * $$
 * - p_i, q_i: probabilities that member i works and fails (`p`, `q` indexed by component)
 * - d_i(c): probability that c of the first i members are "counted", c < C; d_i(C): at least C
 * - counted: working (a_i = p_i, s_i = q_i, C = k) when k ≤ n − k + 1, else failed
 *   (a_i = q_i, s_i = p_i, C = n − k + 1); P and F are d_n(C) and Σ_{c<C} d_n(c), in that order or
 *   the other
 *
 * @param block - the block (series, parallel, or k-out-of-n with 2 ≤ k ≤ n − 1)
 * @param p - working probabilities of all components
 * @param q - failure probabilities of all components
 * @param scratch - at least {@link blockScratchLength} doubles
 * @param out - receives P and F
 *
 * @remarks
 * Independent components. Only sums and products of non-negative numbers (and, for series and
 * parallel, one log1p per member summed with Neumaier's compensation), so both sides have
 * relative error O(n·ε); measured ≤ 3.8e-16 for n ≤ 12 against exact enumeration, ≤ 2.5e-14 for
 * n = 10⁵ against mpmath (the recurrence rounds about n times, √n·ε). A k-of-n of identical
 * members needing more than 65 536 operations is summed as a binomial instead: terms by their
 * ratio outward from the mode, each tail summed on its own and divided by the total, relative
 * error about |k − mode|·3ε (measured ≤ 7.2e-15 at n = 10⁵). Dividing makes p + q = 1, so it
 * answers for p = 1 − q even when the p passed is 1 − q rounded, which the recurrence takes as
 * given: the two differ by about n·|p + q − 1| (4.5e-12 for n = 10⁵, q = 1e-5). Cost O(n) for
 * series and parallel, O(n·min(k, n − k + 1)) for k-of-n, O(n) at most for the binomial (only
 * the terms that do not underflow).
 *
 * @see R. E. Barlow and K. D. Heidtmann, "Computing k-out-of-n system reliability", IEEE
 * Transactions on Reliability R-33(4) (1984) 322–323, https://doi.org/10.1109/TR.1984.5221843
 * (paywalled).
 */
export function blockTails(
  block: Block,
  p: ArrayLike<number>,
  q: ArrayLike<number>,
  scratch: Float64Array,
  out: Float64Array,
): void {
  // The `!` reads of this file are claims of the callers' contract: loops run below
  // members.length, a member indexes p and q (every component), scratch holds
  // blockScratchLength(block) doubles and out at least n.
  const { members, k } = block;
  const n = members.length;
  if (block.kind !== 'koon') {
    // Series: the block works with the product of p and fails with the complement from the
    // logarithms of q; parallel is the same with the roles of p and q exchanged.
    const [up, down] = block.kind === 'series' ? [p, q] : [q, p];
    let product = 1;
    for (let i = 0; i < n; i++) product *= up[members[i]!]!;
    const complement = 0 - Math.expm1(logProductOfComplements(members, down));
    out[0] = block.kind === 'series' ? product : complement;
    out[1] = block.kind === 'series' ? complement : product;
    return;
  }
  const trackWorking = k <= n - k + 1;
  const cap = trackWorking ? k : n - k + 1;
  if (n * cap > DIRECT_WORK && identical(members, p, q)) {
    binomial(n, k, p[members[0]!]!, q[members[0]!]!, out);
    return;
  }
  const [step, stay] = trackWorking ? [p, q] : [q, p];
  const d = scratch;
  d.fill(0, 0, cap + 1);
  d[0] = 1;
  for (let i = 0; i < n; i++) {
    const a = step[members[i]!]!;
    const s = stay[members[i]!]!;
    d[cap]! += d[cap - 1]! * a;
    for (let c = cap - 1; c > 0; c--) d[c] = d[c]! * s + d[c - 1]! * a;
    d[0]! *= s;
  }
  const decided = d[cap]!;
  const undecided = compensatedSum(d, cap);
  out[0] = trackWorking ? decided : undecided;
  out[1] = trackWorking ? undecided : decided;
}

/**
 * Writes ∂P(block works)/∂p_i for every member i to `out[0..n−1]` (in the order of
 * `block.members`): the probability that the block works when member i works minus when it fails.
 *
 * $$
 * \text{series: } \prod_{j \ne i} p_j, \qquad \text{parallel: } \prod_{j \ne i} q_j, \qquad
 * k\text{-of-}n: P\big(\text{exactly } k - 1 \text{ of the other } n - 1 \text{ work}\big)
 * $$
 *
 * @param block - the block
 * @param p - working probabilities of all components
 * @param q - failure probabilities of all components
 * @param scratch - at least {@link blockScratchLength} doubles
 * @param out - at least n doubles; receives the derivatives
 *
 * @remarks
 * Series and parallel: prefix and suffix products, no division (a member may have p = 0).
 * k-of-n: the distribution of the count of working (or failed, whichever needs fewer states t + 1)
 * members outside a range is pushed down a halving of the range, so each member's "all others"
 * distribution is reached in log₂ n halvings: O(n·t·log n) time, O(t·log n) memory, sums and
 * products of non-negative numbers only (relative error O(n·ε); measured ≤ 3.8e-16 for n ≤ 12,
 * ≤ 1.4e-14 at n = 10⁵).
 * Identical members above 65 536 operations use the binomial probability C(n−1, k−1) p^{k−1}
 * q^{n−k}, its terms built by ratio from the mode (relative error about |k − mode|·3ε), O(n).
 * Cost O(n) for series and parallel.
 *
 * @see Z. W. Birnbaum, "On the importance of different components in a multicomponent system", in
 * P. R. Krishnaiah (ed.), Multivariate Analysis II, Academic Press, 1969, 581–592.
 */
export function blockGradient(
  block: Block,
  p: ArrayLike<number>,
  q: ArrayLike<number>,
  scratch: Float64Array,
  out: Float64Array,
): void {
  const { members, k } = block;
  const n = members.length;
  if (block.kind !== 'koon') {
    const others = block.kind === 'series' ? p : q;
    let prefix = 1;
    for (let i = 0; i < n; i++) {
      out[i] = prefix;
      prefix *= others[members[i]!]!;
    }
    let suffix = 1;
    for (let i = n - 1; i >= 0; i--) {
      out[i]! *= suffix;
      suffix *= others[members[i]!]!;
    }
    return;
  }
  // Exactly k − 1 of the n − 1 others work, that is exactly n − k of them fail.
  const trackWorking = k <= n - k + 1;
  const target = trackWorking ? k - 1 : n - k;
  if (n * (target + 1) > DIRECT_WORK && identical(members, p, q)) {
    binomial(n - 1, k - 1, p[members[0]!]!, q[members[0]!]!, scratch);
    out.fill(scratch[2]!, 0, n);
    return;
  }
  const [step, stay] = trackWorking ? [p, q] : [q, p];
  const width = target + 1;
  // Buffer at depth d holds the distribution (counts 0..target) of the members outside the
  // range being split at that depth.
  const add = (from: number, to: number, depth: number): void => {
    const d = depth * width;
    for (let i = from; i < to; i++) {
      const a = step[members[i]!]!;
      const s = stay[members[i]!]!;
      for (let c = target; c > 0; c--) {
        scratch[d + c] = scratch[d + c]! * s + scratch[d + c - 1]! * a;
      }
      scratch[d]! *= s;
    }
  };
  const split = (from: number, to: number, depth: number): void => {
    if (to - from === 1) {
      out[from] = scratch[depth * width + target]!;
      return;
    }
    const middle = (from + to) >>> 1;
    const here = depth * width;
    const below = here + width;
    scratch.copyWithin(below, here, here + width);
    add(middle, to, depth + 1);
    split(from, middle, depth + 1);
    scratch.copyWithin(below, here, here + width);
    add(from, middle, depth + 1);
    split(middle, to, depth + 1);
  };
  scratch.fill(0, 0, width);
  scratch[0] = 1;
  // The recursion is as deep as log₂ n, at most 31 calls.
  split(0, n, 0);
}

/** Doubles of scratch that {@link blockTails} and {@link blockGradient} need for `block`. */
export function blockScratchLength(block: Block): number {
  const n = block.members.length;
  const states = Math.min(block.k, n - block.k + 1) + 1;
  return states * (Math.ceil(Math.log2(Math.max(n, 2))) + 2);
}

/**
 * Σ log1p(−x_i) over the members, compensated (Neumaier); −∞ when some x_i is 1 or, by a rounding
 * of the caller (an availability of 1 + 2⁻⁵² at t = 0), above 1.
 */
function logProductOfComplements(members: Int32Array, x: ArrayLike<number>): number {
  let sum = 0;
  let correction = 0;
  for (let i = 0; i < members.length; i++) {
    const xi = x[members[i]!]!;
    if (xi >= 1) return -Infinity;
    const term = Math.log1p(-xi);
    const t = sum + term;
    correction += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + correction;
}

/** Σ_{c < length} d[c], compensated (Neumaier). */
function compensatedSum(d: Float64Array, length: number): number {
  let sum = 0;
  let correction = 0;
  for (let c = 0; c < length; c++) {
    const dc = d[c]!;
    const t = sum + dc;
    correction += Math.abs(sum) >= Math.abs(dc) ? sum - t + dc : dc - t + sum;
    sum = t;
  }
  return sum + correction;
}

/** Whether every member has the same p and the same q, both probabilities. */
function identical(members: Int32Array, p: ArrayLike<number>, q: ArrayLike<number>): boolean {
  const first = members[0]!;
  const p0 = p[first]!;
  const q0 = q[first]!;
  if (!(p0 >= 0 && p0 <= 1 && q0 >= 0 && q0 <= 1)) return false;
  for (let i = 1; i < members.length; i++) {
    if (p[members[i]!] !== p0 || q[members[i]!] !== q0) return false;
  }
  return true;
}

/**
 * For X ~ Binomial(n, p) with q = 1 − p given separately: P(X ≥ k) to out[0], P(X < k) to
 * out[1] and P(X = k) to out[2]. The terms are built by their ratio outward from the mode (the
 * largest term, taken as 1, so none overflows) and each tail is summed on its own, compensated, and
 * divided by the total: no 1 − x cancellation. Relative error about |k − mode|·3ε; O(n).
 */
function binomial(n: number, k: number, p: number, q: number, out: Float64Array): void {
  if (p === 0 || q === 0) {
    const x = p === 0 ? 0 : n; // the only possible count
    out[0] = x >= k ? 1 : 0;
    out[1] = x < k ? 1 : 0;
    out[2] = x === k ? 1 : 0;
    return;
  }
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const odds = p / q;
  // Neumaier sums of the upper (j ≥ k) and lower (j < k) tails: [sum, correction] each.
  const sums: [number, number, number, number] = [0, 0, 0, 0];
  let atK = 0;
  const add = (j: number, t: number): void => {
    if (j === k) atK = t;
    const s = j >= k ? 0 : 2;
    const sum = sums[s];
    const total = sum + t;
    sums[j >= k ? 1 : 3] += sum >= t ? sum - total + t : t - total + sum;
    sums[s] = total;
  };
  let t = 1;
  add(mode, t);
  for (let j = mode; j < n && t > 0; j++) {
    t = ((t * (n - j)) / (j + 1)) * odds;
    add(j + 1, t);
  }
  t = 1;
  for (let j = mode; j > 0 && t > 0; j--) {
    t = (t * j) / (n - j + 1) / odds;
    add(j - 1, t);
  }
  const upper = sums[0] + sums[1];
  const lower = sums[2] + sums[3];
  const total = upper + lower;
  out[0] = upper / total;
  out[1] = lower / total;
  out[2] = atK / total;
}
