import { checkNonNegative, checkPositive, checkProbability, ParameterError } from '../../errors.js';
import { exactSum } from '../../numeric/sum.js';
import { sequentialChainSurvival } from './sequentialChain.js';

/**
 * Returns the probability that a primary and its cold spares, used one after another and each
 * with its own failure rate, are still providing service at time `t`. With perfect switching
 * this is the survival function of the hypoexponential distribution (a sum of independent
 * exponentials).
 *
 * $$
 * R(t) = \sum_{j=1}^{n}\big[e^{Qt}\big]_{1j}, \qquad
 * Q_{jj} = -\lambda_j,\quad Q_{j,j+1} = p\,\lambda_j
 * $$
 *
 * - λ_j: `rates[j − 1]`, failure rate of the j-th unit while active (unit 1 is the primary),
 *   per unit time; cold units do not fail
 * - n: `rates.length`, number of units, ≥ 1
 * - p: `switchSuccess`, probability that each switch-over works
 * - t: `t`, time, same unit
 *
 * @param rates - active failure rates in order of use, each finite and > 0, at least one
 * @param t - time, finite and ≥ 0
 * @param switchSuccess - switch success probability in [0, 1]; default 1 (perfect switching)
 * @returns reliability, a probability in [0, 1]
 *
 * @throws {@link ParameterError} when rates is empty, an element of rates is not a finite
 * number > 0, t is not a finite number ≥ 0, or switchSuccess is not a probability in [0, 1].
 *
 * @remarks
 * Exponential units, spares do not age while cold, a failed switch ends the mission. Rates may
 * be equal or nearly equal: the classical sum Σ_j e^{−λ_j t}∏_{i≠j} λ_i/(λ_i − λ_j) divides by
 * their differences and loses every digit when they are close, so the chain's generator is
 * exponentiated instead by scaling and squaring with an exactly computed diagonal (only
 * non-negative terms). Measured against mpmath at 40 digits: ≤ 1e-15 relative for equal,
 * nearly equal (1 + 1e-9) and spread (1e-9 … 1e3) rates. Cost O(n³·log2(8·max λ·t)).
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, Ch. 3 (hypoexponential distribution; standby
 * redundancy; paywalled); C. McCurdy, K. C. Ng, B. N. Parlett, "Accurate computation of
 * divided differences of the exponential function", Mathematics of Computation 43 (1984)
 * 501–528, https://doi.org/10.1090/S0025-5718-1984-0758198-0
 *
 * @example
 * ```ts
 * coldStandbyNonIdenticalReliability([1, 2], 1); // → ~0.6004235991
 * coldStandbyNonIdenticalReliability([1, 1], 1); // → ~0.7357588823
 * ```
 */
export function coldStandbyNonIdenticalReliability(
  rates: readonly number[],
  t: number,
  switchSuccess = 1,
): number {
  const where = 'coldStandbyNonIdenticalReliability';
  checkRates(where, rates);
  checkNonNegative(where, 't', t);
  checkProbability(where, 'switchSuccess', switchSuccess);
  return sequentialChainSurvival(rates, switches(rates, switchSuccess), t).reliability;
}

/**
 * Returns the probability that a primary and its cold spares with different failure rates
 * have all been used up (or a switch has failed) by time `t`, computed directly so that small
 * values keep their digits.
 *
 * $$
 * Q(t) = 1 - R(t) = \big[e^{Qt}\big]_{1,\mathrm{down}}
 * $$
 *
 * - the symbols are those of {@link coldStandbyNonIdenticalReliability}
 *
 * @param rates - active failure rates in order of use, each finite and > 0, at least one
 * @param t - time, finite and ≥ 0
 * @param switchSuccess - switch success probability in [0, 1]; default 1
 * @returns unreliability, a probability in [0, 1]
 *
 * @throws {@link ParameterError} as {@link coldStandbyNonIdenticalReliability}.
 *
 * @remarks
 * Same model and method as {@link coldStandbyNonIdenticalReliability}; the absorbing column of
 * the exponential is itself a sum of non-negative terms. Cost O(n³·log2(8·max λ·t)).
 *
 * @see C. McCurdy, K. C. Ng, B. N. Parlett, Mathematics of Computation 43 (1984) 501–528,
 * https://doi.org/10.1090/S0025-5718-1984-0758198-0
 *
 * @example
 * ```ts
 * coldStandbyNonIdenticalUnreliability([1e-3, 1e-3], 1e-3); // → ~4.9999966667e-13
 * ```
 */
export function coldStandbyNonIdenticalUnreliability(
  rates: readonly number[],
  t: number,
  switchSuccess = 1,
): number {
  const where = 'coldStandbyNonIdenticalUnreliability';
  checkRates(where, rates);
  checkNonNegative(where, 't', t);
  checkProbability(where, 'switchSuccess', switchSuccess);
  return sequentialChainSurvival(rates, switches(rates, switchSuccess), t).unreliability;
}

/**
 * Returns the mean time to failure of a primary and its cold spares with different failure
 * rates and imperfect switching.
 *
 * $$
 * \mathrm{MTTF} = \sum_{j=1}^{n}\frac{p^{\,j-1}}{\lambda_j}
 * $$
 *
 * - the symbols are those of {@link coldStandbyNonIdenticalReliability}
 *
 * @param rates - active failure rates in order of use, each finite and > 0, at least one
 * @param switchSuccess - switch success probability in [0, 1]; default 1
 * @returns mean time to failure, same time unit, > 0
 *
 * @throws {@link ParameterError} when rates is empty, an element of rates is not a finite
 * number > 0, or switchSuccess is not a probability in [0, 1].
 *
 * @remarks
 * Unit j is reached after j − 1 successful switches. Rounded once ({@link exactSum}). Cost
 * O(n).
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, Ch. 4 (paywalled).
 *
 * @example
 * ```ts
 * coldStandbyNonIdenticalMttf([1, 2, 4]); // → 1.75
 * ```
 */
export function coldStandbyNonIdenticalMttf(rates: readonly number[], switchSuccess = 1): number {
  const where = 'coldStandbyNonIdenticalMttf';
  checkRates(where, rates);
  checkProbability(where, 'switchSuccess', switchSuccess);
  let reach = 1;
  const terms: number[] = [];
  for (const rate of rates) {
    terms.push(reach / rate);
    reach *= switchSuccess;
  }
  return exactSum(terms);
}

function checkRates(where: string, rates: readonly number[]): void {
  if (rates.length === 0) throw new ParameterError(where, 'rates', 'have at least one rate', rates);
  rates.forEach((rate, i) => checkPositive(where, `rates[${i}]`, rate));
}

function switches(rates: readonly number[], switchSuccess: number): number[] {
  return rates.map(() => switchSuccess);
}
