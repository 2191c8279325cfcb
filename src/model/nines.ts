import { checkProbability } from '../errors.js';

/**
 * Returns the number of nines of a system from its unavailability: 3 for 0.001, 5 for 1e-5.
 *
 * $$
 * \mathrm{nines} = -\log_{10} U
 * $$
 *
 * - U: `unavailability`, 1 − availability, a probability
 *
 * @param unavailability - probability in [0, 1]
 * @returns nines in [0, Infinity]; Infinity for U = 0
 *
 * @throws {@link ParameterError} when unavailability is not a probability in [0, 1].
 *
 * @remarks
 * Taking the unavailability avoids the cancellation in 1 − A: A = 0.999999999999 carries only
 * about 4 correct digits of U. One log10, accurate to 1 ulp.
 *
 * @see DESIGN.md, measures table (`nines`); "High availability: percentage calculation",
 * Wikipedia, https://en.wikipedia.org/wiki/High_availability#Percentage_calculation
 *
 * @example
 * ```ts
 * ninesFromUnavailability(1e-5); // → 5
 * ninesFromUnavailability(0.5); // → ~0.30103
 * ```
 */
export function ninesFromUnavailability(unavailability: number): number {
  checkProbability('ninesFromUnavailability', 'unavailability', unavailability);
  // 0 − log10(U), not −log10(U): U = 1 gives 0 nines, not −0.
  return 0 - Math.log10(unavailability);
}

/**
 * Returns the number of nines of a system from its availability: 3 for 0.999.
 *
 * $$
 * \mathrm{nines} = -\log_{10}(1 - A)
 * $$
 *
 * - A: `availability`, a probability
 *
 * @param availability - probability in [0, 1]
 * @returns nines in [0, Infinity]; Infinity for A = 1
 *
 * @throws {@link ParameterError} when availability is not a probability in [0, 1].
 *
 * @remarks
 * 1 − A is exact for A ≥ 0.5 (Sterbenz), so the result is as accurate as A itself; but A
 * near 1 has already lost the digits of 1 − A when it was computed, so prefer
 * {@link ninesFromUnavailability} with a directly computed unavailability.
 *
 * @see "High availability: percentage calculation", Wikipedia,
 * https://en.wikipedia.org/wiki/High_availability#Percentage_calculation
 *
 * @example
 * ```ts
 * ninesFromAvailability(0.999); // → ~3
 * ninesFromAvailability(0.99999); // → ~5
 * ```
 */
export function ninesFromAvailability(availability: number): number {
  checkProbability('ninesFromAvailability', 'availability', availability);
  return 0 - Math.log10(1 - availability);
}
