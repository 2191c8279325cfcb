import type { Distribution } from '../distributions/types.js';

/** Bisection steps of the general case: the bracket shrinks by 2⁻⁶⁰, below a double's spacing. */
const BISECTION_STEPS = 60;

/**
 * Returns the residual life X of a unit of virtual age V > 0 whose lifetime law is `law`, given
 * a standard exponential variate E: X is drawn from the law conditioned on survival to V,
 * P(X > x) = R(V + x)/R(V), by inversion on the cumulative hazard H = −ln R:
 *
 * $$
 * H(V + X) = H(V) + E,\qquad E \sim \mathrm{Exp}(1)
 * $$
 *
 * (equivalently X = R⁻¹(U·R(V)) − V with U = e^{−E}, but without forming R(V), which underflows
 * for a large virtual age).
 *
 * - exponential (mean m): X = m·E, whatever V (memoryless);
 * - Weibull (shape β, scale η, no location): with h = (V/η)^β, X = V·((1 + E/h)^{1/β} − 1), written with
 *   log1p and expm1 so that a residual life small against V keeps its digits;
 * - any other family: bisection on H over [V, V + b], b doubled until H(V + b) ≥ H(V) + E, to a
 *   relative width of 2⁻⁶⁰ (the cumulative hazards of src/distributions are finite far in the
 *   tail: lognormal from ln Φ̄, gamma from ln Q).
 *
 * @param law - the failure law, with unbounded support above (checked by the caller)
 * @param virtualAge - V > 0
 * @param exponential - E, a standard exponential variate
 * @returns X ≥ 0
 *
 * @remarks Kijima's virtual-age models draw each life this way (docs/semantics.md, "Preventive
 * replacement and imperfect repair"). Cost O(1) for exponential and Weibull laws, about 60
 * evaluations of H otherwise.
 *
 * @see M. Kijima, "Some results for repairable systems with general repair", J. Appl. Prob. 26
 * (1989) 89–102, https://doi.org/10.2307/3214319 (paywalled).
 *
 * @example
 * ```ts
 * conditionalResidualLife(weibull({ shape: 1, scale: 10 }), 5, 1); // → ~10
 * ```
 */
export function conditionalResidualLife(
  law: Distribution,
  virtualAge: number,
  exponential: number,
): number {
  if (law.family === 'exponential') return law.mean * exponential;
  if (law.family === 'weibull' && !(law.parameters.location! > 0)) {
    const shape = law.parameters.shape!;
    const h = (virtualAge / law.parameters.scale!) ** shape;
    return virtualAge * Math.expm1(Math.log1p(exponential / h) / shape);
  }
  const target = law.cumulativeHazard(virtualAge) + exponential;
  let low = 0;
  let high = Math.max(law.mean, virtualAge);
  while (law.cumulativeHazard(virtualAge + high) < target) {
    low = high;
    high *= 2;
  }
  for (let i = 0; i < BISECTION_STEPS && high - low > high * Number.EPSILON; i++) {
    const middle = 0.5 * (low + high);
    if (law.cumulativeHazard(virtualAge + middle) < target) low = middle;
    else high = middle;
  }
  return 0.5 * (low + high);
}
