import { ParameterError } from '../../errors.js';
import { exactSum } from '../../numeric/sum.js';
import type { Ctmc } from '../generation/Ctmc.js';
import { checkCtmc } from '../generation/checkCtmc.js';

/**
 * Returns the failure frequency: the long-run number of up → down transitions per unit time,
 * given the stationary distribution.
 *
 * $$
 * f = \sum_{i\,\mathrm{up}} \pi_i \sum_{j\,\mathrm{down}} q_{ij}
 * $$
 *
 * - π_i: `probabilities[i]`, from solveSteadyState
 * - q_ij: the rate of the transition i → j of `ctmc`, per time unit
 *
 * @param ctmc - the chain
 * @param probabilities - π, length n
 * @returns f ≥ 0, system failures per time unit (MTBF = 1/f, MUT = A/f, MDT = U/f)
 *
 * @throws {@link ParameterError} when `ctmc` is not a well-formed chain ({@link checkCtmc}) or
 * probabilities does not have n entries.
 *
 * @remarks
 * The rate of crossing the up/down cut in steady state (the flow out of the up set equals the
 * flow into it). Every term is non-negative and the terms are summed exactly rounded, so f keeps
 * the relative accuracy of π. Cost O(n + m).
 *
 * @see M. Rausand, A. Høyland, System Reliability Theory, 2nd ed., Wiley, 2004, §8.8 (system
 * availability and frequency of failures; paywalled); K. S. Trivedi, Probability and Statistics
 * with Reliability, Queuing, and Computer Science Applications, 2nd ed., Wiley, 2002, Ch. 8
 * (paywalled).
 *
 * @example
 * ```ts
 * const unit = buildCtmc(2, [{ from: 0, to: 1, rate: 1 }, { from: 1, to: 0, rate: 9 }], [1, 0], 0);
 * failureFrequency(unit, Float64Array.of(0.9, 0.1)); // → 0.9
 * ```
 */
export function failureFrequency(ctmc: Ctmc, probabilities: ArrayLike<number>): number {
  const where = 'failureFrequency';
  checkCtmc(ctmc, where);
  const n = ctmc.stateCount;
  if (probabilities.length !== n) {
    throw new ParameterError(where, 'probabilities', `have ${n} entries`, probabilities.length);
  }
  const { rowStart, target, rate, up } = ctmc;
  const terms: number[] = [];
  // `!`: i < n, the length of probabilities (checked above), and the rows point into target
  // with targets below n (a chain checked by checkCtmc).
  for (let i = 0; i < n; i++) {
    const x = probabilities[i]!;
    if (up[i] === 0 || x === 0) continue;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      if (up[target[p]!] === 0) terms.push(x * rate[p]!);
    }
  }
  return exactSum(terms);
}
