import { normalQuantile } from '../numeric/normal.js';
import { deltaMethod } from './deltaMethod.js';
import { FIT_FAMILIES, type FitFamily } from './families.js';
import type { LifeEstimate, LifeFit } from './fitLifeData.js';

const Z95 = normalQuantile(0.975);

/**
 * h(û) with Fisher 95 % bounds by the delta method on the scale of h, mapped back:
 * back(h(û) ± z₀.₉₇₅·se(h)); bounds null without a covariance or when a variance is not finite.
 *
 * @param h - the quantity on the scale where it is taken as normal (ln B10, logit R, …)
 * @param back - the map from that scale to the quantity (monotone increasing)
 * @param u - the estimates in the covariance's coordinates (ln p, p, location)
 * @param covariance - their covariance, or undefined (no bounds)
 */
export function boundedEstimate(
  h: (u: readonly number[]) => number,
  back: (x: number) => number,
  u: readonly number[],
  covariance: readonly (readonly number[])[] | undefined,
): LifeEstimate {
  if (covariance === undefined) return { value: back(h(u)), ci95: null };
  const { value, se } = deltaMethod(h, u, covariance);
  const bound: readonly [number, number] | null = Number.isFinite(se)
    ? [back(value - Z95 * se), back(value + Z95 * se)]
    : null;
  return { value: back(value), ci95: bound };
}

/**
 * R(t) of a fitted family with Fisher 95 % bounds by the delta method on the logit scale,
 * h = ln R(t) − ln F(t), so the bounds stay in (0, 1).
 *
 * @param family - the family
 * @param u - the estimates in the covariance's coordinates: ln p for positive parameters, p for
 * real ones, then the location when the family has one
 * @param covariance - their covariance, or undefined (no bounds)
 * @param t - the time
 * @returns R(t) and its bounds; R = 1 without bounds at or before a location
 */
export function reliabilityEstimate(
  family: FitFamily,
  u: readonly number[],
  covariance: readonly (readonly number[])[] | undefined,
  t: number,
): { readonly t: number } & LifeEstimate {
  const d = family.parameters.length;
  const params = (v: readonly number[]): number[] =>
    v.slice(0, d).map((x, i) => (family.positive[i] === true ? Math.exp(x) : x));
  const location = (v: readonly number[]): number => (family.location ? v[d]! : 0);
  if (family.positiveSupport && t <= location(u)) return { t, value: 1, ci95: null };
  const logit = (v: readonly number[]): number =>
    family.logSf(t - location(v), params(v)) - family.logCdf(t - location(v), params(v));
  return { t, ...boundedEstimate(logit, (x) => 1 / (1 + Math.exp(-x)), u, covariance) };
}

/**
 * R(t) of a fit at each time, with Fisher 95 % bounds on the logit scale (as `fitLifeData`'s
 * `at` option gives them), from the fit's estimates and covariance: the covariance is taken back
 * to the fit's coordinates (ln p for positive parameters), C_ij / (J_i J_j) with J = diag(p).
 *
 * @param fit - a fit from `fitLifeData`
 * @param times - the times
 * @returns R(t) with bounds (null when the fit has no covariance)
 */
export function fittedReliability(
  fit: LifeFit,
  times: readonly number[],
): ({ readonly t: number } & LifeEstimate)[] {
  const family = FIT_FAMILIES[fit.dist];
  const names = [...family.parameters, ...(family.location ? ['location'] : [])];
  const values = names.map((name) => fit.parameters[name]!); // the fit carries every name
  const jacobian = values.map((value, i) => (family.positive[i] === true ? value : 1));
  const u = values.map((value, i) => (family.positive[i] === true ? Math.log(value) : value));
  const covariance = fit.covariance?.matrix.map((row, i) =>
    row.map((c, j) => c / (jacobian[i]! * jacobian[j]!)),
  );
  return times.map((t) => reliabilityEstimate(family, u, covariance, t));
}
