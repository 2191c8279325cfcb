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
    sum += hypergeometricPmf(disks, width, failed, i);
  }
  return Math.min(1, sum);
}

/**
 * Returns the probability that exactly i of K marked items are among n drawn without
 * replacement from N: C(K, i) n^{\underline{i}} (N − n)^{\underline{K−i}} / N^{\underline{K}}, a
 * product of at most 2K factors (accurate to about 1e-15 relative however small).
 *
 * @param N - items, integer ≥ K and ≥ n
 * @param K - marked items, integer ≥ 0
 * @param n - drawn, integer in [0, N]
 * @param i - integer
 * @returns P(X = i), 0 outside the support
 */
export function hypergeometricPmf(N: number, K: number, n: number, i: number): number {
  if (i < 0 || i > K || i > n || K - i > N - n) return 0;
  let term = binomial(K, i);
  for (let t = 0; t < i; t++) term *= (n - t) / (N - t);
  for (let t = 0; t < K - i; t++) term *= (N - n - t) / (N - i - t);
  return term;
}

/** C(n, k) for small n, as a product of ratios (exact for the widths of placement groups). */
function binomial(n: number, k: number): number {
  let value = 1;
  for (let j = 1; j <= k; j++) value = (value * (n - k + j)) / j;
  return value;
}

/**
 * Returns π(a, b, s), the probability that a racks lost whole, b hosts lost whole in the other
 * racks and s further failed disks, uniformly placed in the hosts that are up, hold at least
 * m + 1 of the w chunks of one placement group.
 *
 * $$
 * \pi(a, b, s) = \sum_{x, y} P(X = x)\,P(Y = y \mid x)\;
 *   P\bigl(\mathrm{Hyp}(N,\ w - x - y,\ s) \ge m + 1 - x - y\bigr)
 * $$
 *
 * - X: chunks of the group in the lost racks: Hyp(R, w, a) for `rack` placement (w distinct
 *   racks), Hyp(H, w, a·H/R) for `host` placement (w distinct hosts), Hyp(D, w, a·D/R) for
 *   `disk` placement (w distinct disks)
 * - Y: chunks on the lost hosts among the w − x in racks that are up: Hyp(H', w − x, b), H' =
 *   (R − a)H/R, when the chunks are on distinct hosts (`rack`, `host`), Hyp(D', w − x, b·D/H),
 *   D' = (R − a)D/R, for `disk`
 * - N = D' − b·D/H, the disks of the hosts that are up; the w − x − y chunks left sit on
 *   distinct ones, which a uniform s-set meets hypergeometrically
 *
 * A uniformly random set of lost racks (hosts, disks) meets any fixed set of units
 * hypergeometrically, whatever the structure of the placement inside them.
 *
 * @param disks - D
 * @param width - w
 * @param tolerated - m
 * @param racks - R, dividing D
 * @param placement - `rack`, `host` or `disk`
 * @param downRacks - a, integer in [0, R]
 * @param failed - s, failed disks in the hosts that are up, integer in [0, N]
 * @param hosts - H, a multiple of R dividing D (default D: each disk its own host)
 * @param downHosts - b, hosts lost in the racks that are up (default 0)
 * @returns π(a, b, s) in [0, 1]; π(0, 0, s) is {@link coverProbability}
 */
export function domainCoverProbability(
  disks: number,
  width: number,
  tolerated: number,
  racks: number,
  placement: 'rack' | 'host' | 'disk',
  downRacks: number,
  failed: number,
  hosts: number = disks,
  downHosts: number = 0,
): number {
  const perRack = disks / racks;
  const perHost = disks / hosts;
  const upRackDisks = disks - downRacks * perRack;
  const upHosts = hosts - (downRacks * hosts) / racks;
  const upDisks = upRackDisks - downHosts * perHost;
  let sum = 0;
  for (let x = 0; x <= width; x++) {
    const inLostRacks =
      placement === 'rack'
        ? hypergeometricPmf(racks, width, downRacks, x)
        : placement === 'host'
          ? hypergeometricPmf(hosts, width, (downRacks * hosts) / racks, x)
          : hypergeometricPmf(disks, width, downRacks * perRack, x);
    if (inLostRacks === 0) continue;
    if (x > tolerated) {
      sum += inLostRacks;
      continue;
    }
    for (let y = 0; y <= width - x; y++) {
      const onLostHosts =
        placement === 'disk'
          ? hypergeometricPmf(upRackDisks, width - x, downHosts * perHost, y)
          : hypergeometricPmf(upHosts, width - x, downHosts, y);
      if (onLostHosts === 0) continue;
      if (x + y > tolerated) {
        sum += inLostRacks * onLostHosts;
        continue;
      }
      let tail = 0;
      for (let z = tolerated + 1 - x - y; z <= Math.min(width - x - y, failed); z++) {
        tail += hypergeometricPmf(upDisks, width - x - y, failed, z);
      }
      sum += inLostRacks * onLostHosts * tail;
    }
  }
  return Math.min(1, sum);
}
