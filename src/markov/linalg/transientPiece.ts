import { poissonWeights } from './poissonWeights.js';
import { takeVectors } from './checked.js';
import { stepUniformized, type UniformizedChain } from './uniformize.js';

// The left side of the window reaches down to here: those iterates are computed anyway.
const LEFT_EPSILON = 1e-300;

/** The state at the end of one piece of time and the rewards accumulated over it. */
export interface TransientPiece {
  /** π(τ), scaled to sum 1. */
  readonly end: Float64Array;
  /** ∫₀^τ π(t)·r dt for each reward vector r, in order. */
  readonly integrals: number[];
  /** Matrix–vector products done. */
  readonly products: number;
}

/**
 * Advances a distribution over a chain by τ and integrates rate rewards over the way, by
 * uniformization: the building block of solving a chain piece by piece between deterministic
 * events (proof tests).
 *
 * $$
 * \pi(\tau) = \sum_{k=L}^{R} w_k\, v_k,\qquad
 * \int_0^\tau \pi(t)\,r\,dt = \frac1q \sum_{k=0}^{R-1} P\{N > k\}\, v_k r,\qquad
 * v_k = \pi(0)P^k
 * $$
 *
 * - q: the uniformization rate, P = I + Q/q; w_k: Poisson(qτ) weights on the Fox–Glynn window
 *   [L, R]; N a Poisson(qτ) count, P{N > k} summed from the right of the window (no 1 − F)
 *
 * @param chain - the uniformized chain (two work vectors)
 * @param start - π(0), length n, not changed
 * @param tau - the length of the piece, ≥ 0
 * @param rewards - rate rewards r, at most three, each of length n
 * @param epsilon - Poisson mass left out on the right, in (0, 1)
 * @returns π(τ), the integrals and the products done
 *
 * @remarks
 * Every term is non-negative, so there is no cancellation and a small integral (a PFD of
 * 1e-9) keeps its relative accuracy. What is left out is at most ε of each π(τ) and about
 * ε√(qτ)/q of each integral per unit reward. The rows of the rounded P do not sum to exactly
 * 1, so the mass drifts by about ε_mach a product: π(τ) is scaled to sum 1 and the integrals
 * by τ over the integral of the total mass, which removes the drift they share. Cost
 * O((n + m)·R) with R ≈ qτ + 8√(qτ).
 *
 * @see A. Reibman, K. S. Trivedi, "Numerical transient analysis of Markov models", Computers &
 * Operations Research 15(1), 1988, 19–36, https://doi.org/10.1016/0305-0548(88)90026-3
 * (paywalled); E. de Souza e Silva, H. R. Gail, Journal of the ACM 36(1), 1989, 171–193,
 * https://doi.org/10.1145/58562.59307 (paywalled).
 */
export function transientPiece(
  chain: UniformizedChain,
  start: Float64Array,
  tau: number,
  rewards: readonly ArrayLike<number>[],
  epsilon: number,
): TransientPiece {
  const n = chain.stateCount;
  const lambda = chain.rate * tau;
  const dot = (v: Float64Array, r: ArrayLike<number>): number => {
    let sum = 0;
    // `!`: r has n entries (the caller's contract) and v is a work vector of length n.
    for (let i = 0; i < n; i++) sum += v[i]! * r[i]!;
    return sum;
  };
  if (!(lambda > 0)) {
    return { end: start.slice(), integrals: rewards.map((r) => tau * dot(start, r)), products: 0 };
  }
  const { left, right, weights } = poissonWeights(lambda, epsilon, LEFT_EPSILON);
  // tail[k] = P{N > k} for k < right, from the right of the window (1 left of it).
  const tail = new Float64Array(right);
  let sum = 0;
  // `!`: k + 1 − left indexes the window's right − left + 1 weights.
  for (let k = right - 1; k >= 0; k--) {
    if (k + 1 >= left) sum += weights[k + 1 - left]!;
    tail[k] = sum;
  }
  let [v, next] = takeVectors('transientPiece', chain.matrix.vectors, 2, n);
  v.set(start);
  const end = new Float64Array(n);
  // The rewards one pass reads together (three slots; absent ones are zeros).
  if (rewards.length > 3) throw new Error('internal: transientPiece takes at most three rewards');
  const zeros = new Float64Array(n);
  const [r0, r1, r2] = [rewards[0] ?? zeros, rewards[1] ?? zeros, rewards[2] ?? zeros];
  const sums = [0, 0, 0];
  let total = 0;
  for (let k = 0; ; k++) {
    if (k >= left) {
      const w = weights[k - left]!; // `!`: left ≤ k ≤ right
      for (let i = 0; i < n; i++) end[i]! += w * v[i]!;
    }
    if (k === right) break;
    let [s0, s1, s2, mass] = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const x = v[i]!;
      mass += x;
      s0 += x * r0[i]!;
      s1 += x * r1[i]!;
      s2 += x * r2[i]!;
    }
    const t = tail[k]!; // `!`: k < right
    sums[0]! += t * s0;
    sums[1]! += t * s1;
    sums[2]! += t * s2;
    total += t * mass;
    stepUniformized(chain, v, next);
    [v, next] = [next, v];
  }
  let endMass = 0;
  for (let i = 0; i < n; i++) endMass += end[i]!;
  if (endMass > 0) for (let i = 0; i < n; i++) end[i]! /= endMass;
  // total/q is ∫ of the total mass, τ but for the drift.
  const scale = total > 0 ? tau / total : 1 / chain.rate;
  return {
    end,
    integrals: rewards.map((_, j) => sums[j]! * scale), // `!`: j < 3
    products: right,
  };
}
