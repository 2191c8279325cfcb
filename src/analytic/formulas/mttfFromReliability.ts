import { integrate, type IntegrateResult } from '../../numeric/integrate.js';

/** Options of {@link mttfFromReliability}. */
export interface MttfFromReliabilityOptions {
  /**
   * Requested relative accuracy of the integral (the summed |K15 − G7| estimates, which
   * overstate the true error).
   * @defaultValue 1e-11
   */
  readonly tolerance?: number;
  /**
   * Most subintervals before a {@link ConvergenceError}.
   * @defaultValue 2000
   */
  readonly maxIntervals?: number;
  /**
   * Time, in the model's unit, around which most of the area under R(t) lies: the expected
   * MTTF to within a factor of 100 or so. [0, ∞) is mapped onto [0, 1) with t = scale·u/(1 − u),
   * so the scale lands mid-range; for R whose mass is at 1e6 h pass `scale: 1e6`. A poor
   * scale costs evaluations, rarely accuracy.
   * @defaultValue 1
   */
  readonly scale?: number;
}

/**
 * Returns the mean time to failure of any system from its reliability function, by
 * integrating R(t) from 0 to infinity, with the quadrature's error estimate.
 *
 * $$
 * \mathrm{MTTF} = \int_0^\infty R(t)\,dt
 * $$
 *
 * - R: `reliability`, the system reliability function, t in the model's time unit
 *
 * @param reliability - R(t) for t ≥ 0: values in [0, 1], non-increasing, tending to 0 fast
 *   enough for the integral to be finite
 * @param options - tolerance, maxIntervals and scale
 * @returns `{ value, error, evaluations, intervals }`; value is the MTTF in the model's time unit
 *
 * @throws {@link ParameterError} when an option is invalid (see {@link integrate}).
 * @throws {@link ConvergenceError} when the tolerance is not met within maxIntervals, as for a
 * reliability function whose integral diverges.
 *
 * @remarks
 * Adaptive Gauss–Kronrod 7–15 on the mapped range (see {@link integrate}). Measured relative
 * errors with the defaults: exponential (rates 1e-6 and 1e3 with a matching scale) and TMR ≤ 1e-16,
 * Weibull shape 3 ≤ 3e-16, shape 0.5 ≤ 2e-13, shape 2 at scale 1e6 without a hint ≤ 6e-13, a
 * piecewise R with a kink ≤ 4e-12, and a lognormal survival function (σ = 1.5) within the 1e-9
 * its test requires. Kinks and singularities of R′ cost evaluations (hundreds to a few
 * thousand) rather than accuracy.
 *
 * @see NIST/SEMATECH e-Handbook of Statistical Methods, §8.1.2 (reliability function and mean
 * life), https://www.itl.nist.gov/div898/handbook/apr/section1/apr12.htm; R. Piessens et al.,
 * QUADPACK, Springer, 1983 (QAGI; paywalled; source at https://www.netlib.org/quadpack/).
 *
 * @example
 * ```ts
 * mttfFromReliability((t) => Math.exp(-2 * t)).value; // → ~0.5
 * mttfFromReliability((t) => tmrReliability(Math.exp(-t))).value; // → ~0.8333333333
 * ```
 */
export function mttfFromReliability(
  reliability: (t: number) => number,
  options: MttfFromReliabilityOptions = {},
): IntegrateResult {
  return integrate(reliability, 0, Infinity, {
    tolerance: options.tolerance ?? 1e-11,
    maxIntervals: options.maxIntervals ?? 2000,
    scale: options.scale ?? 1,
  });
}
