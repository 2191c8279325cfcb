import { ParameterError } from '../errors.js';
import { exactSum } from '../numeric/sum.js';

/**
 * Returns the rare-event approximation of the system failure probability from minimal cut sets:
 * the sum of their probabilities, an upper bound on the exact value (Boole's inequality).
 *
 * $$
 * Q_{\text{rare}} = \sum_{C} \prod_{i \in C} q_i
 * $$
 * - C: the minimal cut sets (`sets`), each a list of component numbers
 * - q_i: P(component i fails), `q[i]`
 *
 * @param sets - the minimal cut sets, component numbers in [0, q.length − 1]
 * @param q - failure probabilities of the components, each in [0, 1]
 * @returns Q_rare ≥ 0; it may exceed 1 when the sets are probable (it is then no probability)
 *
 * @throws {@link ParameterError} when a set names a component outside [0, q.length − 1].
 *
 * @remarks
 * The first term of the inclusion–exclusion expansion of P(⋃ E_C), E_C the event that every
 * member of C fails: it overstates Q by at most Σ_{C<D} P(E_C ∩ E_D), so it is close when every
 * cut set is improbable (the usual case of fault trees, hence its name) and useless near 1.
 * Exact when the cut sets are disjoint events (never at once). Summed exactly (Shewchuk). Cost
 * O(Σ |C|).
 *
 * @see W. E. Vesely, F. F. Goldberg, N. H. Roberts and D. F. Haasl, Fault Tree Handbook,
 * NUREG-0492, U.S. Nuclear Regulatory Commission, 1981, ch. XI §3 (quantitative evaluation),
 * https://www.nrc.gov/docs/ML1007/ML100780465.pdf.
 *
 * @example
 * ```ts
 * rareEventApproximation([[0, 1], [0, 2], [1, 2]], [0.1, 0.1, 0.1]); // → ~0.03
 * rareEventApproximation([[0], [1]], [0.5, 0.5]); // → 1
 * ```
 */
export function rareEventApproximation(
  sets: readonly (readonly number[])[],
  q: ArrayLike<number>,
): number {
  return exactSum(sets.map((set, j) => setProbability('rareEventApproximation', set, j, q)));
}

/**
 * Returns the min-cut upper bound (MCUB) of the system failure probability from minimal cut
 * sets: the failure probability as if the cut sets failed independently of each other.
 *
 * $$
 * Q_{\text{MCUB}} = 1 - \prod_{C} \Big(1 - \prod_{i \in C} q_i\Big)
 * $$
 * - C: the minimal cut sets (`sets`), each a list of component numbers
 * - q_i: P(component i fails), `q[i]`
 *
 * @param sets - the minimal cut sets, component numbers in [0, q.length − 1]
 * @param q - failure probabilities of the components, each in [0, 1]
 * @returns Q_MCUB in [0, 1]
 *
 * @throws {@link ParameterError} when a set names a component outside [0, q.length − 1].
 *
 * @remarks
 * For a coherent structure of independent components the events E_C (every member of C fails)
 * are positively associated, so the true Q never exceeds Q_MCUB (Esary–Proschan), and
 * Q_MCUB ≤ Q_rare. Exact when no component lies in two cut sets. Computed as
 * −expm1(Σ_C log1p(−P(E_C))), the logarithms summed exactly, so a small Q keeps its digits
 * (no 1 − x cancellation). Cost O(Σ |C|).
 *
 * @see J. D. Esary and F. Proschan, "Coherent structures of non-identical components",
 * Technometrics 5(2) (1963) 191–209, https://doi.org/10.1080/00401706.1963.10490074 (paywalled)
 * (the bound).
 * @see W. E. Vesely, F. F. Goldberg, N. H. Roberts and D. F. Haasl, Fault Tree Handbook,
 * NUREG-0492, U.S. Nuclear Regulatory Commission, 1981, ch. XI §3,
 * https://www.nrc.gov/docs/ML1007/ML100780465.pdf.
 *
 * @example
 * ```ts
 * mcubApproximation([[0, 1], [0, 2], [1, 2]], [0.1, 0.1, 0.1]); // → ~0.029701
 * mcubApproximation([[0], [1]], [0.5, 0.5]); // → 0.75
 * ```
 */
export function mcubApproximation(
  sets: readonly (readonly number[])[],
  q: ArrayLike<number>,
): number {
  const logs = sets.map((set, j) => Math.log1p(-setProbability('mcubApproximation', set, j, q)));
  return 0 - Math.expm1(exactSum(logs)); // 0 − x: an empty list gives 0, not −0
}

/** ∏_{i ∈ set} q_i, after checking every member indexes `q`. */
function setProbability(
  where: string,
  set: readonly number[],
  j: number,
  q: ArrayLike<number>,
): number {
  let product = 1;
  set.forEach((i, k) => {
    if (!(Number.isInteger(i) && i >= 0 && i < q.length)) {
      const expectation = `be a component number in [0, ${q.length - 1}]`;
      throw new ParameterError(where, `sets[${j}][${k}]`, expectation, i);
    }
    product *= q[i]!; // checked just above
  });
  return product;
}
