import { checkInteger, checkNonNegative, checkPositive, checkProbability } from '../../errors.js';
import { exactSum } from '../../numeric/sum.js';
import { sumPositiveSeries } from '../../numeric/positiveSeries.js';

/**
 * Returns the probability that a unit backed by `spares` identical cold spares is still
 * providing service at time `t`, each switch-over succeeding with probability
 * `switchSuccess`.
 *
 * $$
 * R(t) = e^{-\lambda t}\sum_{i=0}^{n}\frac{(p\lambda t)^i}{i!}
 * $$
 *
 * - λ: `rate`, failure rate of the active unit, per unit time (spares do not fail while cold)
 * - n: `spares`, number of cold spares, integer ≥ 0
 * - p: `switchSuccess`, probability that a switch-over works when needed
 * - t: `t`, time, same unit
 *
 * @param rate - active failure rate, finite and > 0
 * @param spares - number of spares, integer ≥ 0 (0: a single unit, e^{−λt})
 * @param t - time, finite and ≥ 0
 * @param switchSuccess - switch success probability in [0, 1]; default 1 (perfect switching)
 * @returns reliability, a probability in [0, 1]
 *
 * @throws {@link ParameterError} when rate is not a finite number > 0, spares is not an
 * integer ≥ 0, t is not a finite number ≥ 0, or switchSuccess is not a probability in [0, 1].
 *
 * @remarks
 * Identical exponential units; spares do not age while waiting; a failed switch ends the
 * mission (each switch is tried once, independently). With p = 1 this is the Erlang
 * survival function, P(Poisson(λt) ≤ n). The terms are summed in scaled linear space from
 * log e^{−λt}, so λt = 1000 with n = 1000 spares gives 0.508… rather than 0·∞; measured error
 * ≤ 1e-14 for λt ≤ 10, about ε·λt beyond (the conditioning of e^{−λt} itself). Cost O(n).
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, Ch. 3 (Erlang distribution; standby
 * redundancy; paywalled); NIST/SEMATECH e-Handbook §8.1.8.5 "Standby model",
 * https://www.itl.nist.gov/div898/handbook/apr/section1/apr185.htm
 *
 * @example
 * ```ts
 * coldStandbyReliability(1, 1, 1); // → ~0.7357588823
 * coldStandbyReliability(1, 1, 1, 0.5); // → ~0.5518191618
 * ```
 */
export function coldStandbyReliability(
  rate: number,
  spares: number,
  t: number,
  switchSuccess = 1,
): number {
  const where = 'coldStandbyReliability';
  checkPositive(where, 'rate', rate);
  checkInteger(where, 'spares', spares, 0);
  checkNonNegative(where, 't', t);
  checkProbability(where, 'switchSuccess', switchSuccess);
  const x = switchSuccess * rate * t;
  return sumPositiveSeries(-rate * t, (i) => x / (i + 1), spares);
}

/**
 * Returns the mean time to failure of a unit backed by `spares` identical cold spares with
 * imperfect switching.
 *
 * $$
 * \mathrm{MTTF} = \frac{1}{\lambda}\sum_{i=0}^{n} p^{i}
 * $$
 *
 * - λ: `rate`, failure rate of the active unit, per unit time
 * - n: `spares`, number of cold spares, integer ≥ 0
 * - p: `switchSuccess`, probability that a switch-over works
 *
 * @param rate - active failure rate, finite and > 0
 * @param spares - number of spares, integer ≥ 0
 * @param switchSuccess - switch success probability in [0, 1]; default 1: (n + 1)/λ
 * @returns mean time to failure, same time unit, > 0
 *
 * @throws {@link ParameterError} when rate is not a finite number > 0, spares is not an
 * integer ≥ 0, or switchSuccess is not a probability in [0, 1].
 *
 * @remarks
 * Same model as {@link coldStandbyReliability}: unit i is reached after i successful switches.
 * The geometric sum is rounded once ({@link exactSum}); the powers are products: error ≤
 * about (n + 2) ulp. Cost O(n).
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, Ch. 4 (mean life of standby systems;
 * paywalled).
 *
 * @example
 * ```ts
 * coldStandbyMttf(0.5, 2); // → 6
 * coldStandbyMttf(1, 2, 0.5); // → 1.75
 * ```
 */
export function coldStandbyMttf(rate: number, spares: number, switchSuccess = 1): number {
  const where = 'coldStandbyMttf';
  checkPositive(where, 'rate', rate);
  checkInteger(where, 'spares', spares, 0);
  checkProbability(where, 'switchSuccess', switchSuccess);
  const terms: number[] = [];
  let power = 1;
  for (let i = 0; i <= spares && power > 0; i++, power *= switchSuccess) terms.push(power);
  return exactSum(terms) / rate;
}
