import { ParameterError } from '../../errors.js';
import type { Ctmc } from '../generation/Ctmc.js';
import {
  SQUARING_MAX_STATES,
  checkProductLimit,
  type CheckedTransientOptions,
  type TransientMethod,
} from './transientPlan.js';

// Measured on one core (AMD EPYC, Node 20.20): nanoseconds per stored entry (state or
// transition) of one sparse product, WebAssembly gather plus the per-step sums: 1.9 at 320
// states, 1.1 at 10^6; and per multiply–add of the dense square: 0.44 at 320 states, 0.36 at
// 1000 (bench figures in test/markov/squaring.test.ts's header).
const SPARSE_NS = 1.5;
const DENSE_NS = 0.45;
// The series for e^{Qh} takes at most about 180 products per state (q·h ≤ 1, down to underflow).
const SERIES_STEPS = 180;

/**
 * Returns the method a transient solve uses: uniformization when its products are cheaper, the
 * dense squaring method when that is cheaper or uniformization would pass the product limit.
 *
 * $$
 * C_{\mathrm{unif}} = c_s\,(n + m)\,(qt + 6\sqrt{qt} + 10),\qquad
 * C_{\mathrm{sq}} = c_s\,n\,K\,(2n + m) + c_d\,L\,(n^3 + T n^2),\quad
 * L = \lceil\log_2(qt)\rceil + 1
 * $$
 *
 * - n, m: states and transitions of `ctmc`; q: its largest exit rate; t: the largest time
 * - T: the number of times; K = min(180, n + 25): products per state of the first step's series
 * - c_s ≈ 1.5 ns per entry of a sparse product, c_d ≈ 0.45 ns per dense multiply–add (measured)
 *
 * @param where - the calling function, for messages
 * @param ctmc - the chain to solve
 * @param times - the time points (checked)
 * @param options - from {@link checkTransientOptions}; `method` other than `'auto'` is obeyed
 * @returns `'uniformization'` or `'squaring'`
 *
 * @throws {@link ParameterError} when `'squaring'` is asked for a chain of more than 1000 states.
 * @throws {@link TransientLimitError} when the chain has more than 1000 states and q·t_max
 * exceeds maxProducts (neither method can run within the limits), or when `'uniformization'` is
 * asked for and q·t_max exceeds maxProducts.
 *
 * @remarks
 * Squaring has a cost independent of t beyond log₂(q·t) and keeps small values to relative
 * accuracy (non-negative terms, complements carried), so it also wins for stiff chains asked at
 * long times; its n³ per squaring and 16·n² bytes limit it to 1000 states (0.6 s per squaring
 * there). Uniformization stays the method for big chains and short horizons, where its q·t
 * sparse products are cheaper; its rounding grows with q·t (about 2e-17·q·t relative on a small
 * measure, measured), which the cost rule keeps below about 1e-11 for the chains it picks it for.
 * The model ignores stationarity detection, which can only make uniformization cheaper than
 * estimated. O(1) time beyond a pass over the exit rates.
 *
 * @see C. Moler, C. Van Loan, "Nineteen dubious ways to compute the exponential of a matrix,
 * twenty-five years later", SIAM Review 45(1), 2003, 3–49,
 * https://doi.org/10.1137/S00361445024180 (paywalled; methods 3 and 4 compared by cost).
 *
 * @example
 * ```ts
 * const unit = buildCtmc(2, [{ from: 0, to: 1, rate: 1 }, { from: 1, to: 0, rate: 9 }], [1, 0], 0);
 * const options = { tolerance: 1e-12, maxProducts: 1e7, method: 'auto' };
 * chooseTransientMethod('example', unit, [1], options); // → uniformization
 * chooseTransientMethod('example', unit, [1e6], options); // → squaring
 * ```
 */
export function chooseTransientMethod(
  where: string,
  ctmc: Ctmc,
  times: readonly number[],
  options: CheckedTransientOptions,
): TransientMethod {
  const n = ctmc.stateCount;
  const longest = Math.max(0, ...times);
  if (options.method === 'squaring') {
    if (n > SQUARING_MAX_STATES) {
      throw new ParameterError(
        where,
        'method',
        `be 'auto' or 'uniformization' for a chain of more than ${SQUARING_MAX_STATES} states (squaring is dense)`,
        'squaring',
      );
    }
    return 'squaring';
  }
  if (options.method === 'uniformization' || n > SQUARING_MAX_STATES) {
    checkProductLimit(where, ctmc, longest, options.maxProducts);
    return 'uniformization';
  }
  let q = 0;
  for (const rate of ctmc.exitRate) if (rate > q) q = rate;
  const qt = q * longest;
  if (qt === 0) return 'uniformization';
  if (qt > options.maxProducts) return 'squaring';
  const m = ctmc.target.length;
  const uniformization = SPARSE_NS * (n + m) * (qt + 6 * Math.sqrt(qt) + 10);
  const levels = Math.ceil(Math.log2(Math.max(qt, 1))) + 1;
  const series = SPARSE_NS * n * Math.min(SERIES_STEPS, n + 25) * (2 * n + m);
  const squaring = series + DENSE_NS * levels * (n ** 3 + times.length * n ** 2);
  return squaring < uniformization ? 'squaring' : 'uniformization';
}
