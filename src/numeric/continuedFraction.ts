import { ConvergenceError } from '../errors.js';

// Lentz's method replaces a zero denominator by this tiny value (Numerical Recipes 3rd ed. §5.2).
const TINY = 1e-300;
// Stop when a convergent changes the value by at most this relative amount: 2⁻⁵², one ulp of 1
// (a smaller bound can stall on rounding noise).
const TOLERANCE = Number.EPSILON;
const MAX_ITERATIONS = 100_000;

/**
 * Returns the value of the continued fraction b₀ + a₁/(b₁ + a₂/(b₂ + …)), evaluated forward by
 * the modified Lentz method.
 *
 * $$
 * f = b_0 + \cfrac{a_1}{b_1 + \cfrac{a_2}{b_2 + \cdots}}
 * $$
 * where b₀ is `b0` and aᵢ, bᵢ are `a(i)`, `b(i)` for i = 1, 2, ….
 *
 * @param b0 - the leading term b₀, any finite number
 * @param a - the partial numerator aᵢ for i ≥ 1
 * @param b - the partial denominator bᵢ for i ≥ 1
 * @param where - the caller's name, used in the convergence error message
 * @returns the value of the fraction
 * @throws {@link ConvergenceError} when the convergents still move by more than 2⁻⁵² after
 * 100 000 terms
 *
 * @remarks
 * Each term costs two divisions. The caller chooses a fraction that converges quickly in its
 * region (e.g. the incomplete gamma fraction for x ≥ a + 1 needs O(√a) terms).
 *
 * @see W. H. Press et al., Numerical Recipes, 3rd ed., Cambridge University Press, 2007, §5.2
 * (modified Lentz method); I. J. Thompson and A. R. Barnett, "Coulomb and Bessel functions of
 * complex arguments and order", J. Comput. Phys. 64 (1986) 490–509,
 * https://doi.org/10.1016/0021-9991(86)90046-X (paywalled).
 */
export function continuedFraction(
  b0: number,
  a: (i: number) => number,
  b: (i: number) => number,
  where: string,
): number {
  let f = b0 === 0 ? TINY : b0;
  let c = f;
  let d = 0;
  let residual = Infinity;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const ai = a(i);
    const bi = b(i);
    d = bi + ai * d;
    if (d === 0) d = TINY;
    c = bi + ai / c;
    if (c === 0) c = TINY;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    residual = Math.abs(delta - 1);
    if (residual <= TOLERANCE) return f;
  }
  throw new ConvergenceError(where, MAX_ITERATIONS, residual, TOLERANCE);
}
