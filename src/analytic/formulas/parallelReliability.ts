import { checkProbability } from '../../errors.js';

/**
 * Returns the probability that at least one of a set of independent components works: the
 * reliability of a parallel (1-out-of-n, active redundant) system.
 *
 * $$
 * R_p = 1 - \prod_{i=1}^{n}(1 - R_i) = -\operatorname{expm1}\Big(\sum_{i=1}^{n}\operatorname{log1p}(-R_i)\Big)
 * $$
 *
 * - R_i: `reliabilities[i]`, probability that component i works
 * - n: `reliabilities.length`, ≥ 0 (an empty parallel system never works: R_p = 0)
 *
 * @param reliabilities - component reliabilities, each a probability in [0, 1]
 * @returns system reliability, a probability in [0, 1]; 0 for an empty list
 *
 * @throws {@link ParameterError} when an element is not a probability in [0, 1].
 *
 * @remarks
 * Independent components, all active. The log1p/expm1 form is accurate both when R_p is near
 * 1 and when every R_i is tiny (where 1 − ∏(1 − R_i) would cancel). For 1 − R_p near 0 use
 * {@link parallelUnreliability}. Cost O(n).
 *
 * @see NIST/SEMATECH e-Handbook of Statistical Methods, §8.1.8.3 "Parallel or redundant model",
 * https://www.itl.nist.gov/div898/handbook/apr/section1/apr183.htm
 *
 * @example
 * ```ts
 * parallelReliability([0.9, 0.8]); // → ~0.98
 * parallelReliability([]); // → 0
 * ```
 */
export function parallelReliability(reliabilities: readonly number[]): number {
  let logAllFailed = 0;
  reliabilities.forEach((r, i) => {
    checkProbability('parallelReliability', `reliabilities[${i}]`, r);
    logAllFailed += Math.log1p(-r);
  });
  return 0 - Math.expm1(logAllFailed); // 0 − x, not −x: an empty list gives +0, not −0
}

/**
 * Returns the probability that every one of a set of independent components has failed: the
 * unreliability of a parallel system, from the component unreliabilities.
 *
 * $$
 * Q_p = \prod_{i=1}^{n} Q_i
 * $$
 *
 * - Q_i: `unreliabilities[i]`, probability that component i has failed
 * - n: `unreliabilities.length`, ≥ 0 (an empty parallel system has Q_p = 1)
 *
 * @param unreliabilities - component unreliabilities, each a probability in [0, 1]
 * @returns system unreliability, a probability in [0, 1]; 1 for an empty list
 *
 * @throws {@link ParameterError} when an element is not a probability in [0, 1].
 *
 * @remarks
 * Independent components, all active. A product: relative error ≤ n ulp, so 1e-5·1e-5·1e-5
 * gives 1e-15 to full precision. Cost O(n).
 *
 * @see NIST/SEMATECH e-Handbook of Statistical Methods, §8.1.8.3 "Parallel or redundant model",
 * https://www.itl.nist.gov/div898/handbook/apr/section1/apr183.htm
 *
 * @example
 * ```ts
 * parallelUnreliability([1e-5, 1e-5, 1e-5]); // → ~1e-15
 * parallelUnreliability([]); // → 1
 * ```
 */
export function parallelUnreliability(unreliabilities: readonly number[]): number {
  let product = 1;
  unreliabilities.forEach((q, i) => {
    checkProbability('parallelUnreliability', `unreliabilities[${i}]`, q);
    product *= q;
  });
  return product;
}
