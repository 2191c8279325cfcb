import type { Ctmc } from '../generation/Ctmc.js';
import { incomingTransitions } from '../generation/incomingTransitions.js';
import {
  createGatherMatrix,
  type GatherMatrix,
  type KernelBackend,
} from './kernels/GatherMatrix.js';

/** The uniformized (discrete-time) chain P = I + Q/q in the gather layout of the solvers. */
export interface UniformizedChain {
  /** Number of states n. */
  readonly stateCount: number;
  /** The uniformization rate q = max exit rate, per time unit (0 for a chain with no transition). */
  readonly rate: number;
  /**
   * P transposed: diagonal p_jj = (q − q_j)/q, entries p_ij = q_ij/q gathered by target j; its
   * work vectors hold the iterates.
   */
  readonly matrix: GatherMatrix;
}

/**
 * Returns the uniformized chain P = I + Q/q of a CTMC, in the transposed layout that computes one
 * step vP by gathering.
 *
 * $$
 * P = I + \frac{Q}{q},\qquad q = \max_i q_i,\qquad
 * \pi(t) = \sum_{k \ge 0} e^{-qt}\frac{(qt)^k}{k!}\; \pi(0) P^k
 * $$
 *
 * - Q: the generator of `ctmc`, q_i its exit rates, q: the uniformization rate
 * - π(t): the state probabilities at time t (Jensen's formula)
 *
 * @param ctmc - the chain
 * @param iterates - work vectors to allocate with P, at least 2 (default 2)
 * @param backend - where the kernel runs (see {@link createGatherMatrix}); default: WebAssembly
 * where possible
 * @returns P in gather form with its work vectors, and q
 *
 * @remarks
 * p_jj is formed as (q − q_j)/q, exact when q_j = q. One transposition, O(n + m) time, 12 bytes
 * per transition and 24 per state. {@link stepUniformized} applies it.
 *
 * @see A. Jensen, "Markoff chains as an aid in the study of Markoff processes", Skandinavisk
 * Aktuarietidskrift 36, 1953, 87–91, https://doi.org/10.1080/03461238.1953.10419459
 * (paywalled); W. J. Stewart, Introduction to the Numerical Solution of Markov Chains, 1994,
 * §8.4 (uniformization; paywalled).
 *
 * @example
 * ```ts
 * const chain = { stateCount: 2, rowStart: Int32Array.of(0, 1, 2), target: Int32Array.of(1, 0), rate: Float64Array.of(1, 3), exitRate: Float64Array.of(1, 3), up: Uint8Array.of(1, 0), initial: Float64Array.of(1, 0) };
 * uniformize(chain).rate; // → 3
 * ```
 */
export function uniformize(ctmc: Ctmc, iterates = 2, backend?: KernelBackend): UniformizedChain {
  const n = ctmc.stateCount;
  const exit = ctmc.exitRate;
  let q = 0;
  for (const x of exit) if (x > q) q = x;
  const { start, source, rate } = incomingTransitions(ctmc);
  const stay = new Float64Array(n);
  if (q > 0) {
    // The rates become the probabilities in place: the transposition's array is not kept.
    for (let p = 0; p < rate.length; p++) rate[p]! /= q;
    for (let i = 0; i < n; i++) stay[i] = (q - exit[i]!) / q;
  } else stay.fill(1);
  const matrix = createGatherMatrix(
    { start, source, weight: rate, diagonal: stay },
    iterates,
    backend,
  );
  return { stateCount: n, rate: q, matrix };
}

/**
 * Writes one step of the uniformized chain, out = v·P, into `out` and returns how far it moved.
 *
 * $$
 * (vP)_j = v_j\, p_{jj} + \sum_{i \ne j} v_i\, p_{ij},\qquad
 * \delta = \lVert vP - v \rVert_1
 * $$
 *
 * - v: `v`, a row vector over the states; p: the entries of `chain`
 *
 * @param chain - from {@link uniformize}
 * @param v - the current vector: one of `chain.matrix.vectors`
 * @param out - receives vP: the other work vector
 * @returns δ, the 1-norm of the change
 *
 * @remarks
 * Gather form: one sequential write per state and no allocation, about 2m + 4n flops; the
 * kernel the whole transient solver spends its time in. δ never grows from one step to the
 * next in exact arithmetic, since ‖xP‖₁ ≤ ‖x‖₁ for a stochastic P (the stationarity test of
 * solveTransient); computing it costs nothing measurable next to the gathers.
 *
 * @example
 * ```ts
 * const chain = uniformize({ stateCount: 2, rowStart: Int32Array.of(0, 1, 2), target: Int32Array.of(1, 0), rate: Float64Array.of(1, 3), exitRate: Float64Array.of(1, 3), up: Uint8Array.of(1, 0), initial: Float64Array.of(1, 0) });
 * const [v, out] = chain.matrix.vectors;
 * v.set([1, 0]);
 * stepUniformized(chain, v, out); // → ~0.6666666666666667
 * out; // → [0.6666666666666666, 0.3333333333333333]
 * ```
 */
export function stepUniformized(
  chain: UniformizedChain,
  v: Float64Array,
  out: Float64Array,
): number {
  return chain.matrix.gather(v, out);
}
