import { compensatedSum } from '../../numeric/sum.js';
import type { Ctmc } from '../generation/Ctmc.js';
import { poissonWeights, type PoissonWeights } from './poissonWeights.js';
import { takeVectors } from './checked.js';
import { TINY } from './poissonSeries.js';
import { WARN_PRODUCTS } from './transientPlan.js';
import { stepUniformized, uniformize, type UniformizedChain } from './uniformize.js';

// The left side of every window reaches down to here: those iterates are computed anyway.
const LEFT_EPSILON = 1e-300;
// Rounds of widening the right side of the windows (two suffice in practice).
const ROUNDS = 6;

/** The up and down measure at each time, by uniformization. */
export interface UniformizedMasses {
  /** P(up at t), or the expected fraction of [0, T] spent up. */
  readonly up: number[];
  /** P(down at t), or the fraction spent down; summed over the down states directly. */
  readonly down: number[];
  /** Matrix–vector products done. */
  readonly products: number;
  /** Advisory notes: very stiff runs. */
  readonly warnings: string[];
}

/**
 * Returns the up and down probabilities at each time (`'point'`), or the expected fractions of
 * [0, T] spent up and down (`'interval'`), by uniformization with a truncation error relative to
 * each value.
 *
 * $$
 * A(t) = \sum_{k=L}^{R} w_k(qt)\, a_k,\qquad
 * \bar A(T) = \frac{1}{qT} \sum_{k=0}^{R-1} a_k\, P\{N(qT) > k\},\qquad
 * a_k = \sum_{i\,\mathrm{up}} (\pi(0)P^k)_i
 * $$
 *
 * - q: uniformization rate, P = I + Q/q; w_k(λ): Poisson(λ) weights on [L, R]; N: a Poisson count
 * - U(t), Ū(T) likewise from the down masses d_k
 *
 * @param where - the calling function, for warnings
 * @param ctmc - the chain
 * @param times - time points (checked), or the one horizon T for `'interval'`
 * @param tolerance - relative truncation error allowed for every value, in (0, 1)
 * @param kind - `'point'` or `'interval'`
 * @returns the up and down values per time, the products done and warnings
 *
 * @remarks
 * a_k and d_k are computed from k = 0, so the left side of each window costs nothing: it goes
 * down to weights of 1e-300 (the mass left out there is negligible however small the value).
 * The right side leaves out at most ε/2 of Poisson mass, and every left-out term is at most
 * that mass (a_k, d_k ≤ 1), so after a first pass at ε = tolerance each window is widened until
 * ε ≤ tolerance × min(up value, down value): the error of A(t) and of U(t) = 1e-12 alike is
 * then at most `tolerance` relative, plus rounding. Intervals with qT > 1 use the window's tails
 * (the part left out, Σ_{k≥R} P{N > k} ≈ ε√(qT)/8, is divided by qT); with qT ≤ 1 the tails
 * P{N > k}/qT are formed without dividing by qT (a window, whose weights sum to 1, loses
 * P{N > 0} ≈ qT there); qT below 1e-290 counts as T = 0 (Ā = A(0) to far better than any
 * tolerance). The extra products are few (the Poisson tail falls like e^{−x²/2λ}: from 1e-12 to
 * 1e-24 widens R by about 3√λ). Rounding: the rounded P's rows do not sum to exactly 1, so the total mass drifts by
 * about ε_mach per product; both values are divided by their sum, which removes the drift they
 * share. What remains grows with q·t too (each product rounds the leaving probabilities), about
 * 5e-17·q·t relative on small values: ≤ 7.3e-14 on U and 2.3e-13 on 1 − R at q·t ≤ 10^5, 3e-12
 * on Ū at q·T = 6·10^4 against mpmath (test/markov/squaring.test.ts). Masses are compensated
 * sums. Cost O((n + m)·R) for R ≈ q·t_max + 8√(q·t_max), one pass for all times.
 *
 * @see A. Reibman, K. S. Trivedi, "Numerical transient analysis of Markov models", Computers &
 * Operations Research 15(1), 1988, 19–36, https://doi.org/10.1016/0305-0548(88)90026-3
 * (paywalled); E. de Souza e Silva, H. R. Gail, Journal of the ACM 36(1), 1989, 171–193,
 * https://doi.org/10.1145/58562.59307 (paywalled); B. L. Fox, P. W. Glynn, Communications of
 * the ACM 31(4), 1988, 440–445, https://doi.org/10.1145/42404.42409 (paywalled).
 *
 * @example
 * ```ts
 * const unit = buildCtmc(2, [{ from: 0, to: 1, rate: 1 }], [1, 0], 0);
 * uniformizedMasses('example', unit, [30], 1e-12, 'point').up[0]; // → ~9.357622968840e-14
 * ```
 */
export function uniformizedMasses(
  where: string,
  ctmc: Ctmc,
  times: readonly number[],
  tolerance: number,
  kind: 'point' | 'interval',
): UniformizedMasses {
  const chain = uniformize(ctmc, 2);
  const q = chain.rate;
  const sequence = new MassSequence(chain, ctmc.initial, ctmc.up);
  // Per time: λ = q·t (below 1e-290 it is t = 0 to far better than any tolerance, and may be
  // subnormal), and the truncation error allowed, tightened round by round.
  const points = times.map((t) => ({ lambda: q * t < TINY ? 0 : q * t, epsilon: tolerance }));
  let up: number[] = [];
  let down: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const plans = points.map((point) => ({
      point,
      short: kind === 'interval' ? shortHorizon(point.lambda, point.epsilon) : null,
      window: poissonWeights(point.lambda, point.epsilon, LEFT_EPSILON),
    }));
    sequence.extendTo(
      Math.max(0, ...plans.map(({ window, short }) => Math.max(window.right, short?.length ?? 0))),
    );
    let widened = false;
    const values = plans.map(({ point, short, window }) => {
      const masses = normalizeMasses(
        kind === 'point'
          ? [sequence.weighted(window, sequence.up), sequence.weighted(window, sequence.down)]
          : short
            ? sequence.shortInterval(short)
            : sequence.interval(window, point.lambda),
      );
      const [a, u] = masses;
      const needed = tolerance * Math.max(Math.min(a, u), TINY);
      if (point.epsilon > needed) {
        point.epsilon = needed / 2;
        widened = true;
      }
      return masses;
    });
    up = values.map(([a]) => a);
    down = values.map(([, d]) => d);
    if (!widened) break;
  }
  const products = sequence.length - 1;
  const warnings: string[] = [];
  if (products > WARN_PRODUCTS) {
    const qt = q * Math.max(0, ...times);
    warnings.push(
      `${where}: q·t = ${qt} needs ${products} matrix–vector products (stiff chain or long horizon)`,
    );
  }
  return { up, down, products, warnings };
}

/**
 * P{N > k}/λ for a Poisson(λ) count N with 0 < λ ≤ 1, k = 0 … K − 1, where the terms left out
 * sum to at most ε; null for λ = 0 or λ > 1 (the Fox–Glynn window serves those).
 *
 * u_l = e^{−λ}λ^{l−1}/l! = w_l/λ (no division by a tiny λ), P{N > k}/λ = Σ_{l>k} u_l summed from
 * the right; the short-horizon integral (1/λ)Σ_k a_k P{N > k} then keeps its relative accuracy
 * however small λ = qT is, where the window (whose weights sum to 1) would lose P{N > 0} ≈ λ.
 */
function shortHorizon(lambda: number, epsilon: number): Float64Array | null {
  if (lambda === 0 || lambda > 1) return null;
  const u: number[] = [];
  for (let l = 1, x = Math.exp(-lambda); x > 0; l++) {
    u.push(x);
    x = (x * lambda) / (l + 1);
  }
  // tail[k] = P{N > k}/λ = Σ_{l>k} u_l = u[k] + u[k+1] + … (u[k] holds u_{k+1}).
  const tail = new Float64Array(u.length + 1);
  // `!`: k < u.length < tail.length.
  for (let k = u.length - 1; k >= 0; k--) tail[k] = tail[k + 1]! + u[k]!;
  // Σ_{k≥K} tail[k] bounds what stopping before K leaves out (a_k ≤ 1).
  let lag = 0;
  let length = tail.length;
  while (length > 1 && lag + tail[length - 1]! <= epsilon) lag += tail[--length]!;
  return tail.subarray(0, length);
}

/**
 * Returns [a, d]/(a + d): an up and a down value scaled to sum 1.
 *
 * $$
 * (\hat a, \hat d) = \Big(\frac{a}{a + d}, \frac{d}{a + d}\Big)
 * $$
 *
 * - a, d: up and down mass (or occupation share), both ≥ 0
 *
 * @param masses - [a, d]
 * @returns the scaled pair, or [a, d] unchanged when both are 0
 *
 * @remarks
 * The products of uniformization drift the total mass by about ε_mach per step (the rows of
 * the rounded P do not sum to exactly 1), a drift that up and down mass share; dividing by the
 * total removes it (1.1e-12 → 2e-16 on A of a 2-of-3 system at q·t = 10^4). It also keeps every
 * value in [0, 1]: a/(a + d) ≤ a/a = 1 in floating point since a + d ≥ a, where a sum of
 * up probabilities alone could give 1.0000000000000002. Cost O(1).
 *
 * @example
 * ```ts
 * normalizeMasses([3, 1]); // → [0.75, 0.25]
 * ```
 */
export function normalizeMasses([a, d]: readonly [number, number]): [number, number] {
  const total = a + d;
  return total > 0 ? [a / total, d / total] : [a, d];
}

/** a_k and d_k for k = 0, 1, …, extended on demand. */
class MassSequence {
  up: Float64Array = new Float64Array(64);
  down: Float64Array = new Float64Array(64);
  length = 0;
  readonly #chain: UniformizedChain;
  readonly #flags: Uint8Array;
  #v: Float64Array;
  #next: Float64Array;

  constructor(chain: UniformizedChain, initial: Float64Array, flags: Uint8Array) {
    this.#chain = chain;
    this.#flags = flags;
    const [v, next] = takeVectors('uniformizedMasses', chain.matrix.vectors, 2, chain.stateCount);
    this.#v = v;
    this.#next = next;
    this.#v.set(initial);
    this.#record();
  }

  /** Computes a_k, d_k up to k = last. */
  extendTo(last: number): void {
    while (this.length <= last) {
      stepUniformized(this.#chain, this.#v, this.#next);
      [this.#v, this.#next] = [this.#next, this.#v];
      this.#record();
    }
  }

  /** Σ_k w_k x_k over the window. */
  weighted(window: PoissonWeights, x: Float64Array): number {
    let s = 0;
    // `!`: the window holds right − left + 1 weights, and x is recorded up to `right` (extendTo).
    for (let k = window.left; k <= window.right; k++) s += window.weights[k - window.left]! * x[k]!;
    return s;
  }

  /** [Ā, Ū] = Σ_k a_k·tail[k] for the tails P{N > k}/λ of {@link shortHorizon}. */
  shortInterval(tail: Float64Array): [number, number] {
    let a = 0;
    let d = 0;
    // `!`: k < tail.length ≤ this.length (extendTo).
    for (let k = tail.length - 1; k >= 0; k--) {
      a += this.up[k]! * tail[k]!;
      d += this.down[k]! * tail[k]!;
    }
    return [a, d];
  }

  /** [Ā, Ū]: Σ_k a_k P{N > k} / λ, tails summed from the right of the window (no 1 − F). */
  interval(window: PoissonWeights, lambda: number): [number, number] {
    // `!`: step 0 is recorded at construction, and steps up to `right` by extendTo.
    if (lambda === 0) return [this.up[0]!, this.down[0]!];
    const { left, right, weights } = window;
    let tail = 0;
    let a = 0;
    let d = 0;
    for (let k = right - 1; k >= 0; k--) {
      if (k + 1 >= left) tail += weights[k + 1 - left]!;
      a += this.up[k]! * tail;
      d += this.down[k]! * tail;
    }
    return [a / lambda, d / lambda];
  }

  #record(): void {
    if (this.length === this.up.length) {
      const grow = (x: Float64Array): Float64Array => {
        const bigger = new Float64Array(2 * x.length);
        bigger.set(x);
        return bigger;
      };
      this.up = grow(this.up);
      this.down = grow(this.down);
    }
    this.up[this.length] = compensatedSum(this.#v, this.#flags, 1);
    this.down[this.length] = compensatedSum(this.#v, this.#flags, 0);
    this.length++;
  }
}
