import { checkNonNegative, checkPositive } from '../../errors.js';

/**
 * Returns the long-run fraction of time one repairable component is up.
 *
 * $$
 * A = \frac{\mathrm{MTTF}}{\mathrm{MTTF} + \mathrm{MTTR}}
 * $$
 *
 * - MTTF: `mttf`, mean time to failure, time units, > 0
 * - MTTR: `mttr`, mean time to repair, same time unit, ≥ 0
 *
 * @param mttf - mean time to failure, finite and > 0
 * @param mttr - mean time to repair, finite and ≥ 0
 * @returns steady-state availability, a probability in (0, 1]
 *
 * @throws {@link ParameterError} when mttf is not a finite number > 0 or mttr is not a finite
 * number ≥ 0.
 *
 * @remarks
 * Alternating renewal process: holds for any up- and down-time distributions with these means,
 * repair as good as new. One division, correctly rounded up to 2 ulp. For availabilities close
 * to 1 use {@link steadyUnavailability}, which keeps the digits of 1 − A.
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, Ch. 8 (the two-state availability model;
 * paywalled); "Availability", Wikipedia, https://en.wikipedia.org/wiki/Availability
 *
 * @example
 * ```ts
 * steadyAvailability(1000, 10); // → ~0.990099
 * steadyAvailability(1, 0); // → 1
 * ```
 */
export function steadyAvailability(mttf: number, mttr: number): number {
  checkPositive('steadyAvailability', 'mttf', mttf);
  checkNonNegative('steadyAvailability', 'mttr', mttr);
  return mttf / (mttf + mttr);
}

/**
 * Returns the long-run fraction of time one repairable component is down, computed directly so
 * that values like 1e-12 keep all their digits.
 *
 * $$
 * U = 1 - A = \frac{\mathrm{MTTR}}{\mathrm{MTTF} + \mathrm{MTTR}}
 * $$
 *
 * - MTTF: `mttf`, mean time to failure, time units, > 0
 * - MTTR: `mttr`, mean time to repair, same time unit, ≥ 0
 *
 * @param mttf - mean time to failure, finite and > 0
 * @param mttr - mean time to repair, finite and ≥ 0
 * @returns steady-state unavailability, a probability in [0, 1)
 *
 * @throws {@link ParameterError} when mttf is not a finite number > 0 or mttr is not a finite
 * number ≥ 0.
 *
 * @remarks
 * Same model as {@link steadyAvailability}. One division: relative error ≤ 2 ulp.
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, Ch. 8 (the two-state availability model;
 * paywalled); "Availability", Wikipedia, https://en.wikipedia.org/wiki/Availability
 *
 * @example
 * ```ts
 * steadyUnavailability(1e9, 1e-3); // → 9.99999999999e-13
 * steadyUnavailability(1000, 10); // → ~0.00990099
 * ```
 */
export function steadyUnavailability(mttf: number, mttr: number): number {
  checkPositive('steadyUnavailability', 'mttf', mttf);
  checkNonNegative('steadyUnavailability', 'mttr', mttr);
  return mttr / (mttf + mttr);
}
