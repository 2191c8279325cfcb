import { checkInteger, checkPositive } from '../../errors.js';
import { exactSum } from '../../numeric/sum.js';

/**
 * Returns the mean time to failure of a k-out-of-n system of identical exponential components
 * without repair.
 *
 * $$
 * \mathrm{MTTF} = \frac{1}{\lambda}\sum_{i=k}^{n}\frac{1}{i}
 * $$
 *
 * - k: `k`, components needed, integer in [1, n]
 * - n: `n`, components present, integer ≥ 1
 * - λ: `rate`, failure rate of one component, per unit time
 *
 * @param k - required number of working components, integer in [1, n]
 * @param n - number of components, integer ≥ 1
 * @param rate - component failure rate, finite and > 0
 * @returns mean time to failure, same time unit, > 0
 *
 * @throws {@link ParameterError} when n is not an integer ≥ 1, k is not an integer in [1, n],
 * or rate is not a finite number > 0.
 *
 * @remarks
 * Independent identical exponential components, all active. With i working the next failure
 * comes after an exponential time of mean 1/(iλ); the system fails when fewer than k work.
 * k = 0 is excluded (the MTTF would be infinite). The sum is rounded once ({@link exactSum}):
 * error ≤ 2 ulp. Cost O(n − k).
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, Ch. 4 (mean life of k-out-of-n systems;
 * paywalled); NIST/SEMATECH e-Handbook §8.1.8.4,
 * https://www.itl.nist.gov/div898/handbook/apr/section1/apr184.htm
 *
 * @example
 * ```ts
 * kOutOfNMttf(2, 3, 1); // → ~0.8333333333
 * kOutOfNMttf(1, 2, 0.5); // → 3
 * ```
 */
export function kOutOfNMttf(k: number, n: number, rate: number): number {
  checkInteger('kOutOfNMttf', 'n', n, 1);
  checkInteger('kOutOfNMttf', 'k', k, 1, n);
  checkPositive('kOutOfNMttf', 'rate', rate);
  const terms: number[] = [];
  for (let i = k; i <= n; i++) terms.push(1 / i);
  return exactSum(terms) / rate;
}
