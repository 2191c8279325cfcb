import { ConvergenceError, ParameterError, checkPositive } from '../errors.js';
import { exactSum } from './sum.js';

// Gauss–Kronrod 7–15 nodes and weights on [−1, 1]: the 33-digit values of QUADPACK `qk15.f`
// (Piessens, de Doncker-Kapenga, Überhuber & Kahaner, QUADPACK, Springer 1983;
// https://www.netlib.org/quadpack/qk15.f) rounded to the nearest double. Index 7 is the centre.
const KRONROD_NODES = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945,
  0.5860872354676911, 0.4058451513773972, 0.20778495500789848, 0,
] as const;
const KRONROD_WEIGHTS = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592,
  0.1690047266392679, 0.19035057806478542, 0.20443294007529889, 0.20948214108472782,
] as const;
// The 7-point Gauss weights belong to Kronrod nodes 1, 3, 5 (and their mirrors) and the centre.
const GAUSS_WEIGHTS = [
  0.1294849661688697, 0.27970539148927664, 0.3818300505051189, 0.4179591836734694,
] as const;

/** Options of {@link integrate}. */
export interface IntegrateOptions {
  /**
   * Requested relative accuracy: the sum of the interval error estimates must fall below
   * `tolerance · |value|`.
   * @defaultValue 1e-10
   */
  readonly tolerance?: number;
  /**
   * Accepted absolute error, for integrals that may be 0.
   * @defaultValue 0
   */
  readonly absoluteTolerance?: number;
  /**
   * Most subintervals the adaptive bisection may create before giving up.
   * @defaultValue 2000
   */
  readonly maxIntervals?: number;
  /**
   * Length, in the units of x, at which an infinite range is split in half by the map
   * x = a + scale·u/(1 − u): choose it near where the integrand's mass lies (the mean life).
   * @defaultValue 1
   */
  readonly scale?: number;
}

/** What {@link integrate} found. */
export interface IntegrateResult {
  /** The integral. */
  readonly value: number;
  /** Sum of the per-interval error estimates |K15 − G7|; an upper bound in practice. */
  readonly error: number;
  /** Number of integrand evaluations. */
  readonly evaluations: number;
  /** Number of subintervals in the final partition. */
  readonly intervals: number;
}

/**
 * Returns the definite integral of `f` from `a` to `b` (either may be infinite) with an error
 * estimate, by adaptive Gauss–Kronrod 7–15 quadrature.
 *
 * $$
 * I = \int_a^b f(x)\,dx, \qquad
 * \int_a^\infty f(x)\,dx = \int_0^1 f\!\Big(a + s\frac{u}{1-u}\Big)\frac{s}{(1-u)^2}\,du
 * $$
 *
 * - f: the integrand `f`
 * - a, b: the limits `a`, `b`
 * - s: the `scale` option, u: the mapped variable in [0, 1)
 *
 * @param f - integrand; must be finite on the open interval (it is never evaluated at a, b)
 * @param a - lower limit, any number or −Infinity
 * @param b - upper limit, any number or Infinity; b < a gives the negated integral
 * @param options - tolerance, absoluteTolerance, maxIntervals and scale
 * @returns `{ value, error, evaluations, intervals }`; value NaN when f returned NaN
 *
 * @throws {@link ParameterError} when a or b is NaN, tolerance is not > 0, absoluteTolerance
 * is negative, maxIntervals is not an integer ≥ 1, or scale is not > 0.
 * @throws {@link ConvergenceError} when the error estimate is still above the tolerance after
 * maxIntervals subintervals; no answer is returned.
 *
 * @remarks
 * Globally adaptive: the interval with the largest error estimate |K15 − G7| is bisected until
 * the summed estimate meets max(tolerance·|value|, absoluteTolerance). The raw |K15 − G7|
 * overestimates the error of K15 by orders of magnitude on smooth integrands, so the achieved
 * error is usually far below the request: measured ≤ 3e-16 relative on smooth integrands
 * (exponential, Gaussian, Weibull shape 3, TMR), 4e-11 with a kink inside the interval and
 * 6e-11 for 1/√x at 0, against a requested 1e-10. Sums use {@link exactSum}. Infinite ranges are mapped onto [0, 1); a
 * range infinite at both ends is split at 0. Cost: 15 evaluations per interval, 30 per
 * bisection; O(m²) bookkeeping for m intervals.
 *
 * @see R. Piessens, E. de Doncker-Kapenga, C. W. Überhuber, D. K. Kahaner, QUADPACK: A
 * Subroutine Package for Automatic Integration, Springer, 1983 (routines QAG and QAGI,
 * paywalled; source open at https://www.netlib.org/quadpack/).
 *
 * @example
 * ```ts
 * integrate((x) => Math.exp(-x), 0, Infinity).value; // → ~1.000000000
 * integrate((x) => x * x, 0, 3).value; // → 9
 * ```
 */
export function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  options: IntegrateOptions = {},
): IntegrateResult {
  const where = 'integrate';
  if (Number.isNaN(a)) throw new ParameterError(where, 'a', 'be a number', a);
  if (Number.isNaN(b)) throw new ParameterError(where, 'b', 'be a number', b);
  const tolerance = checkPositive(where, 'tolerance', options.tolerance ?? 1e-10);
  const absoluteTolerance = options.absoluteTolerance ?? 0;
  if (!(absoluteTolerance >= 0)) {
    throw new ParameterError(where, 'absoluteTolerance', 'be a number >= 0', absoluteTolerance);
  }
  const maxIntervals = options.maxIntervals ?? 2000;
  if (!(Number.isInteger(maxIntervals) && maxIntervals >= 1)) {
    throw new ParameterError(where, 'maxIntervals', 'be an integer >= 1', maxIntervals);
  }
  const scale = checkPositive(where, 'scale', options.scale ?? 1);
  const settings = { tolerance, absoluteTolerance, maxIntervals };

  if (a === b) return { value: 0, error: 0, evaluations: 0, intervals: 0 };
  if (a > b) {
    const flipped = integrate(f, b, a, options);
    return { ...flipped, value: -flipped.value };
  }
  if (a === -Infinity && b === Infinity) {
    // Split at 0 and integrate each half on its own map; tolerances apply to each half.
    const left = integrate((x) => f(-x), 0, Infinity, options);
    const right = integrate(f, 0, Infinity, options);
    return {
      value: left.value + right.value,
      error: left.error + right.error,
      evaluations: left.evaluations + right.evaluations,
      intervals: left.intervals + right.intervals,
    };
  }
  if (a === -Infinity) return integrate((x) => f(-x), -b, Infinity, options);
  if (b === Infinity) {
    const mapped = (u: number): number => {
      const w = 1 - u;
      // u rounds to 1 only on intervals narrower than the doubles near 1: t is then infinite and
      // a convergent integrand contributes nothing there (0·∞ would otherwise give NaN).
      if (w === 0) return 0;
      return (f(a + (scale * u) / w) * scale) / (w * w);
    };
    return adapt(mapped, 0, 1, settings);
  }
  return adapt(f, a, b, settings);
}

interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly value: number;
  readonly error: number;
}

/** Globally adaptive bisection on a finite interval (QUADPACK QAG without extrapolation). */
function adapt(
  f: (x: number) => number,
  a: number,
  b: number,
  settings: { tolerance: number; absoluteTolerance: number; maxIntervals: number },
): IntegrateResult {
  const intervals: [Interval, ...Interval[]] = [gaussKronrod(f, a, b)];
  let evaluations = 15;
  for (;;) {
    const value = exactSum(intervals.map((i) => i.value));
    const error = exactSum(intervals.map((i) => i.error));
    if (Number.isNaN(value) || Number.isNaN(error)) {
      return { value: NaN, error: NaN, evaluations, intervals: intervals.length };
    }
    const target = Math.max(settings.tolerance * Math.abs(value), settings.absoluteTolerance);
    if (error <= target) return { value, error, evaluations, intervals: intervals.length };
    if (intervals.length >= settings.maxIntervals) {
      throw new ConvergenceError('integrate', intervals.length, error, target);
    }
    let worst = 0;
    let widest = intervals[0];
    for (const [i, interval] of intervals.entries()) {
      if (interval.error > widest.error) {
        worst = i;
        widest = interval;
      }
    }
    const { lo, hi } = widest;
    const mid = lo + (hi - lo) / 2;
    if (!(mid > lo && mid < hi)) {
      // The interval cannot be split further in floating point: the tolerance is unreachable.
      throw new ConvergenceError('integrate', intervals.length, error, target);
    }
    intervals[worst] = gaussKronrod(f, lo, mid);
    intervals.push(gaussKronrod(f, mid, hi));
    evaluations += 30;
  }
}

/** One 15-point Kronrod estimate and its |K15 − G7| error on [lo, hi]. */
function gaussKronrod(f: (x: number) => number, lo: number, hi: number): Interval {
  const centre = lo + (hi - lo) / 2;
  const half = (hi - lo) / 2;
  const fc = f(centre);
  let kronrod = fc * KRONROD_WEIGHTS[7];
  let gauss = fc * GAUSS_WEIGHTS[3];
  for (let j = 0; j < 7; j++) {
    // j < 7 and (j − 1)/2 < 3 index within the tables.
    const dx = half * KRONROD_NODES[j]!;
    const pair = f(centre - dx) + f(centre + dx);
    kronrod += KRONROD_WEIGHTS[j]! * pair;
    if (j % 2 === 1) gauss += GAUSS_WEIGHTS[(j - 1) / 2]! * pair;
  }
  return { lo, hi, value: kronrod * half, error: Math.abs((kronrod - gauss) * half) };
}
