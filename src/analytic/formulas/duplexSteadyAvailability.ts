import { checkInteger, checkNonNegative, checkPositive } from '../../errors.js';

/**
 * Returns the long-run fraction of time a repairable duplex (two identical units in active
 * parallel, one enough) is up, with one or two repair crews.
 *
 * $$
 * A = \frac{c\mu(\mu + 2\lambda)}{c\mu(\mu + 2\lambda) + 2\lambda^2}
 * $$
 *
 * - λ: `rate`, failure rate of one unit, per unit time
 * - μ: `repairRate`, repair rate of one crew, per unit time
 * - c: `crews`, 1 or 2 (with 2 the units are independent and A = 1 − (λ/(λ+μ))²)
 *
 * @param rate - unit failure rate, finite and > 0
 * @param repairRate - repair rate per crew, finite and ≥ 0
 * @param crews - number of repair crews, 1 or 2; default 1
 * @returns steady-state availability, a probability in [0, 1]
 *
 * @throws {@link ParameterError} when rate is not a finite number > 0, repairRate is not a
 * finite number ≥ 0, or crews is not an integer in [1, 2].
 *
 * @remarks
 * Exponential failure and repair times, independent units, repair as good as new, a unit keeps
 * its failure rate whether the other is up or not. Birth–death chain on the number of failed
 * units: 2λ, λ down; μ, cμ up. No subtraction: error ≤ 6 ulp. Cost O(1).
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, Ch. 8 (birth–death processes: availability of a
 * two-unit system; paywalled).
 *
 * @example
 * ```ts
 * duplexSteadyAvailability(1, 9); // → ~0.9801980198
 * duplexSteadyAvailability(1, 9, 2); // → 0.99
 * ```
 */
export function duplexSteadyAvailability(rate: number, repairRate: number, crews = 1): number {
  checkArguments('duplexSteadyAvailability', rate, repairRate, crews);
  const up = crews * repairRate * (repairRate + 2 * rate);
  return up / (up + 2 * rate * rate);
}

/**
 * Returns the long-run fraction of time a repairable duplex is down, computed directly so that
 * values like 1e-12 keep their digits.
 *
 * $$
 * U = \frac{2\lambda^2}{c\mu(\mu + 2\lambda) + 2\lambda^2}
 * $$
 *
 * - λ: `rate`, failure rate of one unit, per unit time
 * - μ: `repairRate`, repair rate of one crew, per unit time
 * - c: `crews`, 1 or 2
 *
 * @param rate - unit failure rate, finite and > 0
 * @param repairRate - repair rate per crew, finite and ≥ 0
 * @param crews - number of repair crews, 1 or 2; default 1
 * @returns steady-state unavailability, a probability in [0, 1]
 *
 * @throws {@link ParameterError} when rate is not a finite number > 0, repairRate is not a
 * finite number ≥ 0, or crews is not an integer in [1, 2].
 *
 * @remarks
 * Same model as {@link duplexSteadyAvailability}. Error ≤ 6 ulp. Cost O(1).
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, Ch. 8 (paywalled).
 *
 * @example
 * ```ts
 * duplexSteadyUnavailability(1e-6, 1); // → ~1.999996e-12
 * duplexSteadyUnavailability(1, 9, 2); // → ~0.01
 * ```
 */
export function duplexSteadyUnavailability(rate: number, repairRate: number, crews = 1): number {
  checkArguments('duplexSteadyUnavailability', rate, repairRate, crews);
  const down = 2 * rate * rate;
  return down / (crews * repairRate * (repairRate + 2 * rate) + down);
}

/**
 * Returns the mean time from both units new until a repairable duplex first has both units
 * failed.
 *
 * $$
 * \mathrm{MTTF} = \frac{3\lambda + \mu}{2\lambda^2}
 * $$
 *
 * - λ: `rate`, failure rate of one unit, per unit time
 * - μ: `repairRate`, repair rate, per unit time (0: no repair, MTTF = 3/(2λ))
 *
 * @param rate - unit failure rate, finite and > 0
 * @param repairRate - repair rate, finite and ≥ 0
 * @returns mean time to first system failure, same time unit, > 0
 *
 * @throws {@link ParameterError} when rate is not a finite number > 0 or repairRate is not a
 * finite number ≥ 0.
 *
 * @remarks
 * Same model as {@link duplexSteadyAvailability}; the number of crews does not matter (at most
 * one unit is under repair before the first system failure). Error ≤ 4 ulp. Cost O(1).
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, Ch. 8 (mean time to absorption of the two-unit
 * model; paywalled).
 *
 * @example
 * ```ts
 * duplexMttf(1, 0); // → 1.5
 * duplexMttf(0.001, 0.1); // → ~51500
 * ```
 */
export function duplexMttf(rate: number, repairRate: number): number {
  checkPositive('duplexMttf', 'rate', rate);
  checkNonNegative('duplexMttf', 'repairRate', repairRate);
  return (3 * rate + repairRate) / (2 * rate * rate);
}

function checkArguments(where: string, rate: number, repairRate: number, crews: number): void {
  checkPositive(where, 'rate', rate);
  checkNonNegative(where, 'repairRate', repairRate);
  checkInteger(where, 'crews', crews, 1, 2);
}
