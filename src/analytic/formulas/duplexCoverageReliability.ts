import { checkNonNegative, checkPositive, checkProbability } from '../../errors.js';

/**
 * Returns the probability that a duplex (two identical active units, one enough) with
 * imperfect fault-detection coverage has not failed by time `t`.
 *
 * $$
 * R(t) = e^{-2\lambda t} + 2c\,e^{-\lambda t}\big(1 - e^{-\lambda t}\big)
 * $$
 *
 * - λ: `rate`, failure rate of one unit, per unit time
 * - c: `coverage`, probability that a unit failure is detected and the system reconfigures
 * - t: `t`, time, same unit
 *
 * @param rate - unit failure rate, finite and > 0
 * @param coverage - coverage probability in [0, 1] (1: perfect parallel)
 * @param t - time, finite and ≥ 0
 * @returns reliability, a probability in [0, 1]
 *
 * @throws {@link ParameterError} when rate is not a finite number > 0, coverage is not a
 * probability in [0, 1], or t is not a finite number ≥ 0.
 *
 * @remarks
 * Markov model, no repair: both up → one up at rate 2λc, both up → down at 2λ(1 − c) (an
 * uncovered failure takes the system down), one up → down at λ. Exponential, independent
 * units. Both terms are positive; 1 − e^{−λt} uses expm1. Error ≤ 5 ulp. Cost O(1).
 *
 * @see J. B. Dugan, K. S. Trivedi, "Coverage modeling for dependability analysis of
 * fault-tolerant systems", IEEE Transactions on Computers 38(6), 1989, 775–787,
 * https://doi.org/10.1109/12.24286 (paywalled); K. S. Trivedi, Probability and Statistics with
 * Reliability, Queuing, and Computer Science Applications, 2nd ed., Wiley, 2002, Ch. 8
 * (paywalled).
 *
 * @example
 * ```ts
 * duplexCoverageReliability(1, 1, 1); // → ~0.6004235991
 * duplexCoverageReliability(1, 0.9, 1); // → ~0.5539147675
 * ```
 */
export function duplexCoverageReliability(rate: number, coverage: number, t: number): number {
  checkArguments('duplexCoverageReliability', rate, coverage, t);
  const survive = Math.exp(-rate * t);
  const failed = -Math.expm1(-rate * t);
  return survive * survive + 2 * coverage * survive * failed;
}

/**
 * Returns the probability that a duplex with imperfect coverage has failed by time `t`,
 * computed directly so that small values keep their digits.
 *
 * $$
 * Q(t) = u^2 + 2(1-c)\,u\,(1-u), \qquad u = 1 - e^{-\lambda t}
 * $$
 *
 * - λ: `rate`, failure rate of one unit, per unit time
 * - c: `coverage`, probability that a unit failure is detected and covered
 * - t: `t`, time, same unit
 *
 * @param rate - unit failure rate, finite and > 0
 * @param coverage - coverage probability in [0, 1]
 * @param t - time, finite and ≥ 0
 * @returns unreliability, a probability in [0, 1]
 *
 * @throws {@link ParameterError} when rate is not a finite number > 0, coverage is not a
 * probability in [0, 1], or t is not a finite number ≥ 0.
 *
 * @remarks
 * Same model as {@link duplexCoverageReliability}: both failed, or the first failure not
 * covered and the other unit still up. u from expm1; both terms positive (1 − c is exact for
 * c ≥ 0.5). Error ≤ 6 ulp. Cost O(1).
 *
 * @see J. B. Dugan, K. S. Trivedi, IEEE Transactions on Computers 38(6), 1989, 775–787,
 * https://doi.org/10.1109/12.24286 (paywalled).
 *
 * @example
 * ```ts
 * duplexCoverageUnreliability(1e-6, 0.999, 1); // → ~2.000997e-9
 * duplexCoverageUnreliability(1e-9, 1, 1); // → ~1e-18
 * ```
 */
export function duplexCoverageUnreliability(rate: number, coverage: number, t: number): number {
  checkArguments('duplexCoverageUnreliability', rate, coverage, t);
  const u = -Math.expm1(-rate * t);
  const v = Math.exp(-rate * t);
  return u * u + 2 * (1 - coverage) * u * v;
}

/**
 * Returns the mean time to failure of a duplex with imperfect fault-detection coverage and no
 * repair.
 *
 * $$
 * \mathrm{MTTF} = \frac{1 + 2c}{2\lambda}
 * $$
 *
 * - λ: `rate`, failure rate of one unit, per unit time
 * - c: `coverage`, probability that a unit failure is covered (1: 3/(2λ), 0: 1/(2λ))
 *
 * @param rate - unit failure rate, finite and > 0
 * @param coverage - coverage probability in [0, 1]
 * @returns mean time to failure, same time unit, > 0
 *
 * @throws {@link ParameterError} when rate is not a finite number > 0 or coverage is not a
 * probability in [0, 1].
 *
 * @remarks
 * Same model as {@link duplexCoverageReliability}: 1/(2λ) in the both-up state, then with
 * probability c a further 1/λ. Error ≤ 3 ulp. Cost O(1).
 *
 * @see J. B. Dugan, K. S. Trivedi, IEEE Transactions on Computers 38(6), 1989, 775–787,
 * https://doi.org/10.1109/12.24286 (paywalled).
 *
 * @example
 * ```ts
 * duplexCoverageMttf(1, 1); // → 1.5
 * duplexCoverageMttf(0.001, 0.9); // → ~1400
 * ```
 */
export function duplexCoverageMttf(rate: number, coverage: number): number {
  checkPositive('duplexCoverageMttf', 'rate', rate);
  checkProbability('duplexCoverageMttf', 'coverage', coverage);
  return (1 + 2 * coverage) / (2 * rate);
}

function checkArguments(where: string, rate: number, coverage: number, t: number): void {
  checkPositive(where, 'rate', rate);
  checkProbability(where, 'coverage', coverage);
  checkNonNegative(where, 't', t);
}
