import { UnsupportedModelError } from '../../errors.js';
import { exactSum } from '../../numeric/sum.js';
import type { Ctmc } from '../generation/Ctmc.js';
import { meanTimeToAbsorption, type AbsorptionOptions } from './meanTimeToAbsorption.js';

/** What {@link absorptionProbabilities} found. */
export interface AbsorptionProbabilities {
  /** h_c: probability of ending in the c-th class, in [0, 1], summing to 1 within 1e-15. */
  readonly probabilities: Float64Array;
  /** The method of the transient solve (see {@link meanTimeToAbsorption}). */
  readonly method: 'elimination' | 'bicgstab' | 'gauss-seidel';
  /** Advisory notes of the transient solve (a fallback method). */
  readonly warnings: string[];
}

/**
 * Returns the probability that the chain, started from its initial distribution, ends in each
 * of the given closed classes: the weights of its long-run distribution when it has several.
 *
 * $$
 * h_c = \alpha(C_c) + \sum_{k \in T} \tau_k \sum_{j \in C_c} q_{kj},\qquad
 * \tau\,(-Q_{TT}) = \alpha_T
 * $$
 *
 * - C_c: the c-th class of `classes`; T: the states in none of them (transient)
 * - α: `ctmc.initial`; q_kj: the rates of `ctmc`; τ_k: expected time spent in k before entering
 *   a closed class, from {@link meanTimeToAbsorption} with every closed state absorbing
 *
 * @param ctmc - the chain
 * @param classes - its closed classes reachable from the initial distribution (as
 * checkReachability gives them), disjoint; every reachable state outside them must reach one
 * @param options - as {@link meanTimeToAbsorption} (tolerance, maxIterations, method,
 * directLimit, onProgress)
 * @returns h (one entry per class), the method and its warnings
 *
 * @throws {@link UnsupportedModelError} when the expected time before entering a closed class
 * is beyond the range of doubles (h cannot be formed).
 * @throws {@link ConvergenceError} from the iterative transient solve; no unconverged answer is
 * returned.
 *
 * @remarks
 * The flow into C_c over the whole transient phase is ∫ Σ_k p_k(t) q_{k,C_c} dt, and
 * ∫ p_k(t) dt = τ_k: so one solve of the mean-time system (the same one as the MTTF, with the
 * closed states as the absorbing set) gives every h_c, each as a sum of non-negative terms
 * (exactly rounded), which keeps the relative accuracy of τ: direct elimination up to 2000
 * transient states (no subtraction), BiCGSTAB or Gauss–Seidel above, scaled so that the total
 * flow is α(T) exactly. The result is renormalised to sum 1. Cost: that of
 * meanTimeToAbsorption plus O(n + m).
 *
 * @see J. G. Kemeny, J. L. Snell, Finite Markov Chains, Van Nostrand, 1960, §3.3 (absorption
 * probabilities; paywalled); W. J. Stewart, Introduction to the Numerical Solution of Markov
 * Chains, Princeton University Press, 1994, §1.4 (reducible chains; paywalled).
 *
 * @example
 * ```ts
 * // From 0 the chain goes to 1 at rate 1 or to 2 at rate 3; 1 and 2 are absorbing.
 * const chain = buildCtmc(3, [{ from: 0, to: 1, rate: 1 }, { from: 0, to: 2, rate: 3 }], [1, 0, 0], 0);
 * absorptionProbabilities(chain, [[1], [2]]).probabilities; // → [0.25, 0.75]
 * ```
 */
export function absorptionProbabilities(
  ctmc: Ctmc,
  classes: readonly (readonly number[])[],
  options: AbsorptionOptions = {},
): AbsorptionProbabilities {
  const n = ctmc.stateCount;
  const { rowStart, target, rate, initial } = ctmc;
  const classOf = new Int32Array(n).fill(-1);
  const mask = new Uint8Array(n);
  classes.forEach((members, c) => {
    for (const i of members) {
      classOf[i] = c;
      mask[i] = 1;
    }
  });
  const { timeInState, meanTime, method, warnings } = meanTimeToAbsorption(ctmc, mask, options);
  if (!(meanTime < Infinity)) {
    throw new UnsupportedModelError(
      'absorptionProbabilities',
      'the expected time before the chain enters one of its closed classes is beyond the range of doubles',
      'use the transient curves (availability at a long time) instead of the steady measures',
    );
  }
  const terms: number[][] = classes.map(() => []);
  // `!`: i < n, the rows point into target (a Ctmc's layout), and every classOf ≥ 0 is the index
  // of a class (set above), so of a list of terms.
  for (let i = 0; i < n; i++) {
    const c = classOf[i]!;
    if (c >= 0) {
      const x = initial[i]!;
      if (x > 0) terms[c]!.push(x);
      continue;
    }
    const tau = timeInState[i]!;
    if (!(tau > 0)) continue;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      const to = classOf[target[p]!]!;
      if (to >= 0) terms[to]!.push(tau * rate[p]!);
    }
  }
  const raw = terms.map((list) => exactSum(list));
  const total = exactSum(raw);
  const probabilities = Float64Array.from(raw, (h) => h / total);
  return { probabilities, method, warnings };
}
