import { checkNonNegative, checkPositive, checkProbability } from '../../errors.js';

/**
 * Returns the probability that a TMR system with imperfect fault-detection coverage has not
 * failed by time `t`.
 *
 * $$
 * R(t) = e^{-3\lambda t} + 3c\,e^{-2\lambda t}\big(1 - e^{-\lambda t}\big)
 * $$
 *
 * - λ: `rate`, failure rate of one module, per unit time
 * - c: `coverage`, probability that the first module failure is detected and masked
 * - t: `t`, time, same unit
 *
 * @param rate - module failure rate, finite and > 0
 * @param coverage - coverage probability in [0, 1] (1: perfect TMR, 3e^{−2λt} − 2e^{−3λt})
 * @param t - time, finite and ≥ 0
 * @returns reliability, a probability in [0, 1]
 *
 * @throws {@link ParameterError} when rate is not a finite number > 0, coverage is not a
 * probability in [0, 1], or t is not a finite number ≥ 0.
 *
 * @remarks
 * Markov model, no repair, perfect voter: 3 up → 2 up at rate 3λc, 3 up → down at 3λ(1 − c),
 * 2 up → down at 2λ (the second failure defeats the vote). Exponential, independent modules.
 * Both terms positive; 1 − e^{−λt} uses expm1. Error ≤ 6 ulp. Cost O(1).
 *
 * @see J. B. Dugan, K. S. Trivedi, "Coverage modeling for dependability analysis of
 * fault-tolerant systems", IEEE Transactions on Computers 38(6), 1989, 775–787,
 * https://doi.org/10.1109/12.24286 (paywalled).
 *
 * @example
 * ```ts
 * tmrCoverageReliability(1, 1, 1); // → ~0.3064317130
 * tmrCoverageReliability(1, 0.5, 0); // → 1
 * ```
 */
export function tmrCoverageReliability(rate: number, coverage: number, t: number): number {
  checkArguments('tmrCoverageReliability', rate, coverage, t);
  const v = Math.exp(-rate * t);
  const u = -Math.expm1(-rate * t);
  return v * v * v + 3 * coverage * v * v * u;
}

/**
 * Returns the probability that a TMR system with imperfect coverage has failed by time `t`,
 * computed directly so that small values keep their digits.
 *
 * $$
 * Q(t) = u^2(1 + 2v) + 3(1-c)\,u\,v^2, \qquad u = 1 - e^{-\lambda t},\; v = e^{-\lambda t}
 * $$
 *
 * - λ: `rate`, failure rate of one module, per unit time
 * - c: `coverage`, probability that the first module failure is covered
 * - t: `t`, time, same unit
 *
 * @param rate - module failure rate, finite and > 0
 * @param coverage - coverage probability in [0, 1]
 * @param t - time, finite and ≥ 0
 * @returns unreliability, a probability in [0, 1]
 *
 * @throws {@link ParameterError} when rate is not a finite number > 0, coverage is not a
 * probability in [0, 1], or t is not a finite number ≥ 0.
 *
 * @remarks
 * Same model as {@link tmrCoverageReliability}: two or more failed, or the first failure
 * uncovered. Positive terms only. Error ≤ 8 ulp. Cost O(1).
 *
 * @see J. B. Dugan, K. S. Trivedi, IEEE Transactions on Computers 38(6), 1989, 775–787,
 * https://doi.org/10.1109/12.24286 (paywalled).
 *
 * @example
 * ```ts
 * tmrCoverageUnreliability(1e-9, 1, 1); // → ~3e-18
 * ```
 */
export function tmrCoverageUnreliability(rate: number, coverage: number, t: number): number {
  checkArguments('tmrCoverageUnreliability', rate, coverage, t);
  const v = Math.exp(-rate * t);
  const u = -Math.expm1(-rate * t);
  return u * u * (1 + 2 * v) + 3 * (1 - coverage) * u * v * v;
}

/**
 * Returns the mean time to failure of a TMR system with imperfect coverage and no repair.
 *
 * $$
 * \mathrm{MTTF} = \frac{2 + 3c}{6\lambda}
 * $$
 *
 * - λ: `rate`, failure rate of one module, per unit time
 * - c: `coverage`, probability that the first failure is covered (1: 5/(6λ))
 *
 * @param rate - module failure rate, finite and > 0
 * @param coverage - coverage probability in [0, 1]
 * @returns mean time to failure, same time unit, > 0
 *
 * @throws {@link ParameterError} when rate is not a finite number > 0 or coverage is not a
 * probability in [0, 1].
 *
 * @remarks
 * Same model as {@link tmrCoverageReliability}: 1/(3λ) with three up, then with probability
 * c a further 1/(2λ). Error ≤ 3 ulp. Cost O(1).
 *
 * @see J. B. Dugan, K. S. Trivedi, IEEE Transactions on Computers 38(6), 1989, 775–787,
 * https://doi.org/10.1109/12.24286 (paywalled).
 *
 * @example
 * ```ts
 * tmrCoverageMttf(1, 1); // → ~0.8333333333
 * tmrCoverageMttf(1, 0); // → ~0.3333333333
 * ```
 */
export function tmrCoverageMttf(rate: number, coverage: number): number {
  checkPositive('tmrCoverageMttf', 'rate', rate);
  checkProbability('tmrCoverageMttf', 'coverage', coverage);
  return (2 + 3 * coverage) / (6 * rate);
}

function checkArguments(where: string, rate: number, coverage: number, t: number): void {
  checkPositive(where, 'rate', rate);
  checkProbability(where, 'coverage', coverage);
  checkNonNegative(where, 't', t);
}
