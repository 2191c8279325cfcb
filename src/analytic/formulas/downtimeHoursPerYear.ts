import { checkProbability } from '../../errors.js';

// A year of 365.25 days = 8766 hours (the Julian year, which averages leap years).
const HOURS_PER_YEAR = 8766;

/**
 * Returns the expected downtime in hours per year of a system with the given steady-state
 * unavailability.
 *
 * $$
 * D = 8766\,U
 * $$
 *
 * - D: the result, hours per year of 365.25 days
 * - U: `unavailability`, the long-run fraction of time down
 *
 * @param unavailability - probability in [0, 1]
 * @returns hours of downtime per year, in [0, 8766]
 *
 * @throws {@link ParameterError} when unavailability is not a probability in [0, 1].
 *
 * @remarks
 * Multiply by 60 for minutes. The year is 365.25 days = 8766 h; with 8760 h (365 days) results
 * are 0.07% lower. One multiplication, exact to 1 ulp.
 *
 * @see "High availability: percentage calculation" (downtime per year for each number of
 * nines), Wikipedia, https://en.wikipedia.org/wiki/High_availability#Percentage_calculation
 *
 * @example
 * ```ts
 * downtimeHoursPerYear(1e-5); // → ~0.08766
 * downtimeHoursPerYear(0.001); // → 8.766
 * ```
 */
export function downtimeHoursPerYear(unavailability: number): number {
  checkProbability('downtimeHoursPerYear', 'unavailability', unavailability);
  return HOURS_PER_YEAR * unavailability;
}
