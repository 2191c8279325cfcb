import { ConvergenceError, ParameterError, checkPositive } from '../errors.js';

/** Options of {@link minimizeScalar}. */
export interface MinimizeScalarOptions {
  /**
   * Relative tolerance on the argument: the search stops when the bracket around the minimum is
   * narrower than about 4·tolerance·|x| + 2·absoluteTolerance.
   * @defaultValue 1e-10 (near the square root of ε, below which a smooth minimum cannot be located)
   */
  readonly tolerance?: number;
  /** Absolute tolerance on the argument. @defaultValue 1e-12·(hi − lo) */
  readonly absoluteTolerance?: number;
  /** Most evaluations of f. @defaultValue 500 */
  readonly maxEvaluations?: number;
}

/** The minimum found by {@link minimizeScalar}. */
export interface ScalarMinimum {
  /** Where f is least within the tolerance. */
  readonly argmin: number;
  /** f(argmin). */
  readonly minimum: number;
  /** How many times f was evaluated. */
  readonly evaluations: number;
  /**
   * Whether the minimum lies at an end of [lo, hi] (within the tolerance): f may decrease beyond
   * that end, so the interval, not f, decided the answer.
   */
  readonly atBound: boolean;
}

// (3 − √5)/2: the golden-section fraction.
const GOLDEN = (3 - Math.sqrt(5)) / 2;

/**
 * Returns the minimum of a function of one variable on [lo, hi] by Brent's method: golden-section
 * search, accelerated by parabolic interpolation through the three best points when the
 * parabola's vertex falls inside the bracket and the step shrinks.
 *
 * $$
 * x^{*} = \operatorname*{arg\,min}_{lo \le x \le hi} f(x), \qquad
 * u = x - \frac{1}{2}\,\frac{(x-w)^2\,(f_x-f_v) - (x-v)^2\,(f_x-f_w)}{(x-w)(f_x-f_v) - (x-v)(f_x-f_w)}
 * $$
 * - x: the best point so far, w the second best, v the previous w; u the parabola's vertex
 *
 * @param f - the function; finite on [lo, hi] (NaN is refused)
 * @param lo - lower end, finite
 * @param hi - upper end, finite, > lo
 * @param options - tolerances and the evaluation budget
 * @returns the argmin, the minimum, the evaluations, and whether the answer is at an end
 *
 * @throws {@link ParameterError} for an empty or infinite interval, bad tolerances, or f
 * returning NaN
 * @throws {@link ConvergenceError} when the bracket is still wider than the tolerance after
 * `maxEvaluations` evaluations (its width is the residual)
 *
 * @remarks
 * Finds a local minimum: the global one when f is unimodal on [lo, hi]. Converges superlinearly
 * on smooth functions and never slower than golden-section search (about 1.44·log₂ of the
 * interval over the tolerance evaluations). The ends themselves are evaluated once at the finish,
 * so a function decreasing to an end reports that end with `atBound`. Cost: f evaluations only.
 *
 * @see R. P. Brent, Algorithms for Minimization without Derivatives, Prentice-Hall, 1973, ch. 5
 * (procedure localmin); W. H. Press et al., Numerical Recipes, 3rd ed., Cambridge University
 * Press, 2007, §10.3 (paywalled).
 *
 * @example
 * ```ts
 * minimizeScalar((x) => (x - 2) ** 2 + 1, 0, 5).argmin; // → ~2
 * minimizeScalar((x) => x, 0, 1).atBound; // → true
 * ```
 */
export function minimizeScalar(
  f: (x: number) => number,
  lo: number,
  hi: number,
  options: MinimizeScalarOptions = {},
): ScalarMinimum {
  const where = 'minimizeScalar';
  if (!Number.isFinite(lo)) throw new ParameterError(where, 'lo', 'be finite', lo);
  if (!(Number.isFinite(hi) && hi > lo))
    throw new ParameterError(where, 'hi', 'be finite and > lo', hi);
  const tolerance = checkPositive(where, 'tolerance', options.tolerance ?? 1e-10);
  const absoluteTolerance = options.absoluteTolerance ?? 1e-12 * (hi - lo);
  if (!(absoluteTolerance > 0)) {
    throw new ParameterError(where, 'absoluteTolerance', 'be > 0', absoluteTolerance);
  }
  const maxEvaluations = options.maxEvaluations ?? 500;
  let evaluations = 0;
  const evaluate = (x: number): number => {
    evaluations++;
    const y = f(x);
    if (Number.isNaN(y)) throw new ParameterError(where, 'f(x)', 'be a number', `NaN at x = ${x}`);
    return y;
  };

  let a = lo;
  let b = hi;
  let x = a + GOLDEN * (b - a);
  let w = x;
  let v = x;
  let fx = evaluate(x);
  let fw = fx;
  let fv = fx;
  let d = 0; // the last step
  let e = 0; // the step before it
  for (;;) {
    const middle = (a + b) / 2;
    const tol1 = tolerance * Math.abs(x) + absoluteTolerance;
    const tol2 = 2 * tol1;
    if (Math.abs(x - middle) <= tol2 - (b - a) / 2) break;
    if (evaluations >= maxEvaluations) {
      throw new ConvergenceError(where, evaluations, b - a, tol2);
    }
    let golden = true;
    if (Math.abs(e) > tol1) {
      // Parabola through x, w, v.
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      const previous = e;
      if (Math.abs(p) < Math.abs(0.5 * q * previous) && p > q * (a - x) && p < q * (b - x)) {
        e = d;
        d = p / q;
        const u = x + d;
        // Not too close to the ends of the bracket.
        if (u - a < tol2 || b - u < tol2) d = x < middle ? tol1 : -tol1;
        golden = false;
      }
    }
    if (golden) {
      e = x < middle ? b - x : a - x;
      d = GOLDEN * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = evaluate(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      [v, fv, w, fw, x, fx] = [w, fw, x, fx, u, fu];
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        [v, fv, w, fw] = [w, fw, u, fu];
      } else if (fu <= fv || v === x || v === w) {
        [v, fv] = [u, fu];
      }
    }
  }
  // The interior search never evaluates the ends: a function falling towards one is caught here.
  let best = { argmin: x, minimum: fx };
  for (const end of [lo, hi]) {
    const y = evaluate(end);
    if (y < best.minimum) best = { argmin: end, minimum: y };
  }
  const near = tolerance * Math.abs(best.argmin) + absoluteTolerance;
  const atBound = best.argmin - lo <= 4 * near || hi - best.argmin <= 4 * near;
  return { ...best, evaluations, atBound };
}
