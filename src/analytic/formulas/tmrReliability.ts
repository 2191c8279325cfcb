import { checkNonNegative, checkPositive, checkProbability } from '../../errors.js';

/**
 * Returns the reliability of triple modular redundancy: three identical modules voted 2-of-3,
 * in series with one voter.
 *
 * $$
 * R_{\mathrm{TMR}} = R_v\,\big(3r^2 - 2r^3\big) = R_v\,r^2(3 - 2r)
 * $$
 *
 * - r: `reliability`, probability that one module works
 * - R_v: `voterReliability`, probability that the voter works
 *
 * @param reliability - module reliability, probability in [0, 1]
 * @param voterReliability - voter reliability, probability in [0, 1]; default 1 (perfect voter)
 * @returns system reliability, a probability in [0, 1]
 *
 * @throws {@link ParameterError} when reliability or voterReliability is not a probability in
 * [0, 1].
 *
 * @remarks
 * Independent modules. The factored form r²(3 − 2r) has no cancellation (3 − 2r ≥ 1): error
 * ≤ 4 ulp. Cost O(1).
 *
 * @see D. P. Siewiorek, R. S. Swarz, Reliable Computer Systems: Design and Evaluation, 3rd
 * ed., A K Peters, 1998, Ch. 5 (TMR; paywalled); K. S. Trivedi, Probability and Statistics with
 * Reliability, Queuing, and Computer Science Applications, 2nd ed., Wiley, 2002, Ch. 3
 * (TMR reliability and mean life; paywalled).
 *
 * @example
 * ```ts
 * tmrReliability(0.9); // → ~0.972
 * tmrReliability(1, 0.99); // → 0.99
 * ```
 */
export function tmrReliability(reliability: number, voterReliability = 1): number {
  checkProbability('tmrReliability', 'reliability', reliability);
  checkProbability('tmrReliability', 'voterReliability', voterReliability);
  return voterReliability * reliability * reliability * (3 - 2 * reliability);
}

/**
 * Returns the mean time to failure of TMR with exponential modules and, optionally, an
 * exponential voter: 5/(6λ) with a perfect voter, less than the 1/λ of one module.
 *
 * $$
 * \mathrm{MTTF} = \int_0^\infty e^{-\lambda_v t}\big(3e^{-2\lambda t} - 2e^{-3\lambda t}\big)dt
 * = \frac{3}{2\lambda + \lambda_v} - \frac{2}{3\lambda + \lambda_v}
 * = \frac{5\lambda + \lambda_v}{(2\lambda + \lambda_v)(3\lambda + \lambda_v)}
 * $$
 *
 * - λ: `rate`, failure rate of one module, per unit time
 * - λ_v: `voterRate`, failure rate of the voter, per unit time
 *
 * @param rate - module failure rate, finite and > 0
 * @param voterRate - voter failure rate, finite and ≥ 0; default 0 (perfect voter)
 * @returns mean time to failure, same time unit, > 0
 *
 * @throws {@link ParameterError} when rate is not a finite number > 0 or voterRate is not a
 * finite number ≥ 0.
 *
 * @remarks
 * Independent modules, no repair. The last form has no cancellation: error ≤ 5 ulp. Cost O(1).
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, Ch. 4 (expectation: mean life of TMR;
 * paywalled).
 *
 * @example
 * ```ts
 * tmrMttf(1); // → ~0.8333333333
 * tmrMttf(1e-4, 1e-6); // → ~8280.85
 * ```
 */
export function tmrMttf(rate: number, voterRate = 0): number {
  checkPositive('tmrMttf', 'rate', rate);
  checkNonNegative('tmrMttf', 'voterRate', voterRate);
  return (5 * rate + voterRate) / ((2 * rate + voterRate) * (3 * rate + voterRate));
}
