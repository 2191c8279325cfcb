import { checkInteger, checkNonNegative, checkPositive } from '../../errors.js';
import { exactSum } from '../../numeric/sum.js';
import { sumPositiveSeries } from '../../numeric/positiveSeries.js';

/**
 * Returns the probability that a unit backed by `spares` identical warm spares, which can fail
 * while waiting at a lower dormant rate, is still providing service at time `t`.
 *
 * $$
 * R(t) = e^{-\lambda t}\sum_{i=0}^{n}\frac{(a)_i}{i!}\big(1 - e^{-\lambda_d t}\big)^{i},
 * \qquad a = \frac{\lambda}{\lambda_d},\quad (a)_i = a(a+1)\cdots(a+i-1)
 * $$
 *
 * - λ: `rate`, failure rate of the active unit, per unit time
 * - λ_d: `dormantRate`, failure rate of each waiting spare, per unit time (0: cold standby,
 *   λ: hot standby, i.e. 1-out-of-(n + 1) parallel)
 * - n: `spares`, number of spares, integer ≥ 0
 * - t: `t`, time, same unit
 *
 * @param rate - active failure rate, finite and > 0
 * @param dormantRate - dormant failure rate of each spare, finite and ≥ 0
 * @param spares - number of spares, integer ≥ 0
 * @param t - time, finite and ≥ 0
 * @returns reliability, a probability in [0, 1]
 *
 * @throws {@link ParameterError} when rate is not a finite number > 0, dormantRate is not a
 * finite number ≥ 0, spares is not an integer ≥ 0, or t is not a finite number ≥ 0.
 *
 * @remarks
 * Identical exponential units, perfect switching, a spare that failed while dormant is lost.
 * With j spares left the system leaves that state at rate λ + jλ_d, so the life is a sum of
 * exponentials; the sum above (a negative-binomial distribution function, which tends to the
 * Poisson one of cold standby as λ_d → 0) has only positive terms. For n = 1 it reduces to
 * e^{−λt} + (λ/λ_d)(e^{−λt} − e^{−(λ+λ_d)t}). The terms are summed in scaled linear space; 1 −
 * e^{−λ_d t} is computed with expm1. Measured error ≤ 1e-14 for λt ≤ 10, about ε·λt beyond.
 * Cost O(n).
 *
 * @see M. Rausand, A. Høyland, System Reliability Theory: Models, Statistical Methods, and
 * Applications, 2nd ed., Wiley, 2004, Ch. 8 (Markov processes: standby systems; paywalled);
 * K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer Science
 * Applications, 2nd ed., Wiley, 2002, Ch. 8 (warm spares as a pure death process; paywalled).
 *
 * @example
 * ```ts
 * warmStandbyReliability(1, 0.5, 1, 1); // → ~0.6573780032
 * warmStandbyReliability(1, 0, 1, 1); // → ~0.7357588823
 * ```
 */
export function warmStandbyReliability(
  rate: number,
  dormantRate: number,
  spares: number,
  t: number,
): number {
  const where = 'warmStandbyReliability';
  checkPositive(where, 'rate', rate);
  checkNonNegative(where, 'dormantRate', dormantRate);
  checkInteger(where, 'spares', spares, 0);
  checkNonNegative(where, 't', t);
  // (a)_i u^i / i! as a product of ratios (λ + iλ_d)/(i + 1)·w with w = (1 − e^{−λ_d t})/λ_d, which
  // tends to t as λ_d → 0 (cold standby) and is computed without dividing by a tiny λ_d.
  const z = dormantRate * t;
  const w = z < 1e-290 ? t : -Math.expm1(-z) / dormantRate;
  return sumPositiveSeries(-rate * t, (i) => ((rate + i * dormantRate) / (i + 1)) * w, spares);
}

/**
 * Returns the mean time to failure of a unit backed by `spares` identical warm spares.
 *
 * $$
 * \mathrm{MTTF} = \sum_{j=0}^{n}\frac{1}{\lambda + j\lambda_d}
 * $$
 *
 * - λ: `rate`, failure rate of the active unit, per unit time
 * - λ_d: `dormantRate`, failure rate of each waiting spare, per unit time
 * - n: `spares`, number of spares, integer ≥ 0
 *
 * @param rate - active failure rate, finite and > 0
 * @param dormantRate - dormant failure rate of each spare, finite and ≥ 0
 * @param spares - number of spares, integer ≥ 0
 * @returns mean time to failure, same time unit, > 0
 *
 * @throws {@link ParameterError} when rate is not a finite number > 0, dormantRate is not a
 * finite number ≥ 0, or spares is not an integer ≥ 0.
 *
 * @remarks
 * Same model as {@link warmStandbyReliability}: state j (j spares left) lasts 1/(λ + jλ_d) on
 * average. λ_d = 0 gives (n + 1)/λ (cold), λ_d = λ gives (1/λ)Σ 1/i (hot parallel). Rounded once
 * ({@link exactSum}). Cost O(n).
 *
 * @see M. Rausand, A. Høyland, System Reliability Theory, 2nd ed., Wiley, 2004, Ch. 8
 * (paywalled).
 *
 * @example
 * ```ts
 * warmStandbyMttf(1, 0.5, 1); // → ~1.6666666667
 * warmStandbyMttf(1, 1, 1); // → 1.5
 * ```
 */
export function warmStandbyMttf(rate: number, dormantRate: number, spares: number): number {
  const where = 'warmStandbyMttf';
  checkPositive(where, 'rate', rate);
  checkNonNegative(where, 'dormantRate', dormantRate);
  checkInteger(where, 'spares', spares, 0);
  const terms: number[] = [];
  for (let j = 0; j <= spares; j++) terms.push(1 / (rate + j * dormantRate));
  return exactSum(terms);
}
