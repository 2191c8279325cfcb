import type { FitFamily } from './families.js';

/**
 * The optimiser's working parameters: ln p for a positive parameter, (p − p₀)/s₀ for a real one
 * (p₀ its start, s₀ the start of the family's scale), so that every working parameter moves on a
 * scale near 1 and the difference steps of `derivatives` fit every data scale.
 *
 * $$
 * \theta_i = \ln p_i \text{ (positive)}, \qquad \theta_i = (p_i - p_{0,i}) / s_0 \text{ (real)}
 * $$
 */
export interface Working {
  toNatural(theta: readonly number[]): number[];
  readonly start: readonly number[];
  /** d(ln p or p)/dθ, per parameter. */
  readonly units: readonly number[];
}

/**
 * Returns the working parameters of a family around `start` (natural parameters).
 *
 * @param family - the family (which parameters are positive)
 * @param start - the natural parameters the working ones are centred on; `start[1]` is the scale
 * @returns the map to natural parameters, the start in working coordinates and the units
 */
export function working(family: FitFamily, start: readonly number[]): Working {
  const scale = start[1] ?? 1;
  const units = family.positive.map((positive) => (positive ? 1 : scale));
  return {
    toNatural: (theta) =>
      theta.map((x, i) => (family.positive[i] ? Math.exp(x) : start[i]! + x * units[i]!)),
    start: start.map((x, i) => (family.positive[i] ? Math.log(x) : 0)),
    units,
  };
}
