import { ParameterError } from '../../errors.js';
import { exactSum } from '../../numeric/sum.js';

/**
 * Returns the expected reward rate Σ π_i r_i: the long-run (or time-t) mean of a reward earned
 * at rate r_i while in state i.
 *
 * $$
 * E[r] = \sum_i \pi_i\, r_i
 * $$
 *
 * - π_i: `probabilities[i]` (steady-state or transient), r_i: `reward[i]`, reward per time unit
 *
 * @param probabilities - π, entries in [0, 1]
 * @param reward - r, finite numbers, same length as probabilities
 * @returns the expected reward rate (availability for r = up flags, capacity for r = capacity)
 *
 * @throws {@link ParameterError} when the lengths differ or a reward is not finite.
 *
 * @remarks
 * Products summed exactly rounded, so mixed-sign rewards do not cancel digits away. Cost O(n).
 *
 * @see J. F. Meyer, "On evaluating the performability of degradable computing systems", IEEE
 * Transactions on Computers C-29(8), 1980, 720–731, https://doi.org/10.1109/TC.1980.1675654
 * (paywalled); K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and
 * Computer Science Applications, 2nd ed., Wiley, 2002, §8.4 (Markov reward models; paywalled).
 *
 * @example
 * ```ts
 * expectedRateReward([0.5, 0.5], [2, 1]); // → 1.5
 * ```
 */
export function expectedRateReward(
  probabilities: ArrayLike<number>,
  reward: ArrayLike<number>,
): number {
  const where = 'expectedRateReward';
  if (reward.length !== probabilities.length) {
    throw new ParameterError(
      where,
      'reward',
      `have ${probabilities.length} entries`,
      reward.length,
    );
  }
  const terms = new Float64Array(reward.length);
  // `!`: i < reward.length, which is probabilities.length (checked above).
  for (let i = 0; i < reward.length; i++) {
    const r = reward[i]!;
    if (!Number.isFinite(r)) {
      throw new ParameterError(where, `reward[${i}]`, 'be a finite number', r);
    }
    terms[i] = probabilities[i]! * r;
  }
  return exactSum(terms);
}
