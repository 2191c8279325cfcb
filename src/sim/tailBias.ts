import type { Distribution } from '../distributions/types.js';
import type { TimedLaw } from '../model/timeScales.js';
import { integrate } from '../numeric/integrate.js';

/** The most a suggested horizon may exceed the run's before the search gives up. */
const LONGEST_SUGGESTION = 2 ** 40;

/**
 * Returns the relative bias that a law's tail gives a time average over [t₀, T] from an all-new
 * start, to first order: for a life, the window's mean of the relative excess of its renewal
 * density over the long-run rate 1/E[X]; for a delay (repair, detection, recovery, switch-over,
 * lead time), the window's mean of the share of its long-run time that lies in periods still
 * running past t, which a start at 0 cannot yet have:
 *
 * $$
 * b_X = \frac{1}{T - t_0} \int_{t_0}^{T} g_X(t)\,dt,\qquad
 * g_{\text{life}}(t) = R_e(t) - 2R(t) + E[X] f(t),\qquad
 * g_{\text{delay}}(t) = R_e(t) = \frac{E[(X - t)^+]}{E[X]} = \frac{R(t)\,m(t)}{E[X]}
 * $$
 *
 * - R survival, f density, m(t) mean residual life of X; R_e the survival of its equilibrium
 *   residual life (the remaining time of a period in progress at a random time of the long run)
 *
 * @param law - a failure, repair, detection, recovery, switch-over or lead time
 * @param kind - `life` (the unit works through it) or `delay` (the unit or system waits)
 * @param start - t₀ ≥ 0, the start of the averaging window
 * @param end - T > t₀, its end
 * @returns b; 0 for an exponential life
 *
 * @remarks
 * g_life comes from the renewal equation m = f + f ∗ m with m ≈ 1/E[X] inside the convolution;
 * its integral over [0, ∞) is (CV² − 1)/2, the renewal function's second-order term, so it is 0
 * for a memoryless life, negative for lives that wear out, positive for heavy tails. g_delay is
 * what a period that began at s and runs past t loses: the share of the delay's long-run time in
 * periods longer than t. Against the renewal density solved numerically, b_life over [0.15 T, T],
 * T = 10 E[X], is 0.105 for a Weibull life of shape 0.5 (exact 0.075), 0.021 for shape 0.7
 * (exact 0.013): an overestimate, within 2×. A lognormal repair with σ = 2.5 (mean 168) over
 * [6 770, 45 137] gives b ≈ 0.15, and the simulated unavailability of two such units in parallel
 * came out 28 % low. O(quadrature nodes).
 *
 * @see W. L. Smith, "Renewal theory and its ramifications", J. R. Stat. Soc. B 20 (1958) 243–302,
 * https://doi.org/10.1111/j.2517-6161.1958.tb00294.x (paywalled; renewal function's second-order
 * term); S. Asmussen, Applied Probability and Queues, 2nd ed., Springer, 2003, §V.3 (paywalled;
 * equilibrium residual life).
 */
export function windowTailBias(
  law: Distribution,
  kind: TimedLaw['kind'],
  start: number,
  end: number,
): number {
  const mean = law.mean;
  if (!(mean > 0) || !(end > start)) return 0;
  const residual = (t: number): number => {
    const survival = law.sf(t);
    return survival > 0 ? (survival * law.meanResidualLife(t)) / mean : 0;
  };
  const g = kind === 'life' ? (t: number) => residual(t) - 2 * law.sf(t) : residual;
  const { value } = integrate(g, start, end, {
    tolerance: 1e-6,
    absoluteTolerance: 1e-9 * (end - start),
  });
  // ∫ E[X] f over the window, in closed form (f may be unbounded at 0).
  const density = kind === 'life' ? mean * (law.cdf(end) - law.cdf(start)) : 0;
  return (value + density) / (end - start);
}

/** The law whose tail biases a time average most, and by how much. */
export interface TailBias {
  /** {@link windowTailBias} of the law, > 0. */
  readonly bias: number;
  /** What the law times (`repair time of pump`). */
  readonly what: string;
  /**
   * A horizon T' = 2^k T over whose window [(t₀/T)·T', T'] every law's bias is at most the
   * limit; Infinity beyond 2⁴⁰ T.
   */
  readonly horizon: number;
}

/**
 * Returns the law whose heavy tail biases a time average over [t₀, T] from an all-new start by
 * more than `limit` ({@link windowTailBias}), the largest such, and a horizon long enough; undefined
 * when none does.
 *
 * $$
 * \max_X b_X(t_0, T) > \ell,\qquad T' = 2^k T,\ k = \min\{k \ge 1 : \max_X b_X(f\,2^k T, 2^k T) \le \ell\},\ f = t_0/T
 * $$
 *
 * @param laws - the model's timed laws ({@link timedLaws})
 * @param start - t₀ ≥ 0, where the kept window starts
 * @param end - T > t₀, the horizon
 * @param limit - ℓ > 0, the largest relative bias to accept
 * @returns the worst law, or undefined
 *
 * @remarks O(laws · quadrature nodes), times the doublings (at most 40) when a law is too heavy.
 */
export function worstTailBias(
  laws: readonly TimedLaw[],
  start: number,
  end: number,
  limit: number,
): TailBias | undefined {
  const worst = (from: number, to: number): { bias: number; what: string } =>
    laws.reduce(
      (most, { law, kind, what }) => {
        const bias = windowTailBias(law, kind, from, to);
        return bias > most.bias ? { bias, what } : most;
      },
      { bias: 0, what: '' },
    );
  const { bias, what } = worst(start, end);
  if (!(bias > limit)) return undefined;
  const fraction = start / end;
  for (let horizon = 2 * end; horizon <= LONGEST_SUGGESTION * end; horizon *= 2) {
    if (worst(fraction * horizon, horizon).bias <= limit) return { bias, what, horizon };
  }
  return { bias, what, horizon: Infinity };
}
