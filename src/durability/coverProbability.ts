import { ParameterError, checkInteger } from '../errors.js';

/**
 * Returns π_s, the probability that a uniformly random set of s failed disks out of D holds at
 * least m + 1 of the w chunks of one placement group (the group's w chunks on w distinct disks):
 * the upper tail of the hypergeometric law.
 *
 * $$
 * \pi_s = \sum_{i=m+1}^{\min(w,s)} \binom{w}{i}
 *   \frac{s^{\underline{i}}\,(D-s)^{\underline{w-i}}}{D^{\underline{w}}}
 * $$
 *
 * - D: disks; w: chunks of a group (k + m, or r replicas); m: chunks it can lose
 * - s: disks failed at once; x^{\underline{j}} = x(x − 1)⋯(x − j + 1), the falling factorial
 *
 * @param disks - D, integer ≥ w
 * @param width - w, integer ≥ 1
 * @param tolerated - m, integer in [0, w − 1]
 * @param failed - s, integer in [0, D]
 * @returns π_s in [0, 1]
 * @throws {@link ParameterError} when an argument is out of its range.
 *
 * @remarks
 * The failed set is uniform among the s-subsets when disks fail independently at one rate, and
 * then π_s is the same for every fixed w disks: it does not depend on how groups are placed across
 * hosts or racks. Every term is a product of at most w + i factors, so it keeps about 1e-15
 * relative accuracy when π_s is tiny (no cancellation, no log-gamma).
 *
 * @example
 * ```ts
 * coverProbability(10, 3, 2, 3); // → ~0.008333333333
 * ```
 */
export function coverProbability(
  disks: number,
  width: number,
  tolerated: number,
  failed: number,
): number {
  const where = 'coverProbability';
  checkInteger(where, 'width', width, 1);
  checkInteger(where, 'disks', disks, width);
  checkInteger(where, 'tolerated', tolerated, 0);
  if (tolerated >= width)
    throw new ParameterError(where, 'tolerated', `be < width ${width}`, tolerated);
  checkInteger(where, 'failed', failed, 0);
  if (failed > disks) throw new ParameterError(where, 'failed', `be ≤ disks ${disks}`, failed);
  let sum = 0;
  for (let i = tolerated + 1; i <= Math.min(width, failed); i++) {
    if (width - i > disks - failed) continue;
    let term = binomial(width, i);
    for (let t = 0; t < i; t++) term *= (failed - t) / (disks - t);
    for (let t = 0; t < width - i; t++) term *= (disks - failed - t) / (disks - i - t);
    sum += term;
  }
  return Math.min(1, sum);
}

/** C(n, k) for small n, as a product of ratios (exact for the widths of placement groups). */
function binomial(n: number, k: number): number {
  let value = 1;
  for (let j = 1; j <= k; j++) value = (value * (n - k + j)) / j;
  return value;
}
