import { compensatedSum } from '../../numeric/sum.js';
import type { Ctmc } from '../generation/Ctmc.js';
import { checkedAt } from './checked.js';
import { transientBySquaring } from './squaringTransient.js';
import { normalizeMasses, type UniformizedMasses } from './uniformizedMasses.js';

/**
 * Returns the up and down probabilities at each time (`'point'`), or the expected fractions of
 * [0, T] spent up and down (`'interval'`), by non-negative scaling and squaring.
 *
 * $$
 * A(t) = \sum_{i\,\mathrm{up}} \pi_i(t),\qquad
 * \bar A(T) = \frac1T \int_0^T A(t)\,dt
 * $$
 *
 * - π(t): from {@link transientBySquaring}; U(t) and Ū(T) likewise over the down states
 *
 * @param ctmc - the chain (at most a few hundred to 1000 states: dense)
 * @param times - time points (checked), or the one horizon T for `'interval'`
 * @param kind - `'point'` or `'interval'`
 * @returns the up and down values per time, and the products done (no warnings)
 *
 * @remarks
 * Up and down values are each summed from their own states (compensated sums of non-negative
 * terms), never one as 1 minus the other, so a U of 1e-25 keeps its digits, then divided by
 * their sum ({@link normalizeMasses}: A never exceeds 1). T = 0 gives A(0);
 * a T shorter than the base step gives the series' shares directly, so T = 1e-280 keeps Ū to
 * full relative accuracy.
 * Accuracy and cost: those of {@link transientBySquaring}.
 *
 * @see C. Moler, C. Van Loan, SIAM Review 45(1), 2003, 3–49,
 * https://doi.org/10.1137/S00361445024180 (paywalled).
 *
 * @example
 * ```ts
 * const unit = buildCtmc(2, [{ from: 0, to: 1, rate: 1 }, { from: 1, to: 0, rate: 9 }], [1, 0], 0);
 * squaredMasses(unit, [1e9], 'interval').down[0]; // → ~0.1
 * ```
 */
export function squaredMasses(
  ctmc: Ctmc,
  times: readonly number[],
  kind: 'point' | 'interval',
): UniformizedMasses {
  const where = 'squaredMasses';
  const result = transientBySquaring(ctmc, times, kind === 'interval');
  const values = times.map((_, j) => {
    if (kind === 'interval') {
      return normalizeMasses([
        checkedAt(where, result.upShare, j),
        checkedAt(where, result.downShare, j),
      ]);
    }
    const probabilities = checkedAt(where, result.probabilities, j);
    return normalizeMasses([
      compensatedSum(probabilities, ctmc.up, 1),
      compensatedSum(probabilities, ctmc.up, 0),
    ]);
  });
  return {
    up: values.map((v) => v[0]),
    down: values.map((v) => v[1]),
    products: result.products,
    warnings: [],
  };
}
