import { normalQuantile } from '../numeric/normal.js';
import type { FitFamily } from './families.js';
import type { Observation } from './lifeData.js';
import { logLikelihood } from './likelihood.js';
import { maximizeNewton } from './maximize.js';
import { working } from './workingParameters.js';

// χ²₁(0.95)/2 = z²/2 with z = Φ⁻¹(0.975).
const DROP = normalQuantile(0.975) ** 2 / 2;
const MAX_DOUBLINGS = 40;
const MAX_REFINEMENTS = 200;

/**
 * Returns likelihood-ratio 95 % bounds on each parameter of a fit without location: the values
 * where the profile log-likelihood falls χ²₁(0.95)/2 below its maximum.
 *
 * $$
 * \Bigl\{\, p_j : \max_{p_{-j}} \ell(p_j, p_{-j}) \ge \ell(\hat p) - \tfrac12 \chi^2_{1,0.95} \Bigr\}
 * $$
 *
 * @param family - the family (without location)
 * @param observations - the data
 * @param p - the ML estimates, natural parameters in the family's order
 * @param logL - ℓ at the estimates
 * @param se - each parameter's Fisher standard error on its bound scale (of ln p for positive
 * parameters, of p for real ones): the first step of the search
 * @returns per parameter [lower, upper], with null for a side where the profile stays above the
 * cut-off as far as the search goes (2⁴⁰ standard errors: the data do not bound it)
 *
 * @remarks
 * Each side: steps of 2, 4, 8, … standard errors out from the estimate until the profile is below
 * the cut-off, then the Illinois variant of regula falsi to 1e-12 relative. Each profile point is
 * a fit of the other parameters ({@link maximizeNewton}, started from the previous point). Cost:
 * about 30 fits per side.
 *
 * @see W. Q. Meeker and L. A. Escobar, Statistical Methods for Reliability Data, Wiley, 1998,
 * §8.3 (likelihood-ratio intervals from the profile likelihood); M. Dowell and P. Jarratt, A
 * modified regula falsi method, BIT 11 (1971) 168–174.
 */
export function likelihoodRatioBounds(
  family: FitFamily,
  observations: readonly Observation[],
  p: readonly number[],
  logL: number,
  se: readonly number[],
): (readonly [number, number] | null)[] {
  const w = working(family, p);
  const target = logL - DROP;
  return p.map((_, j) => {
    // In working coordinates: ln p for positive parameters, (p − p̂)/unit for real ones.
    const unit = w.units[j]!; // units has p's length
    const profile = profileOf(family, observations, w.toNatural, w.start, j);
    const side = (direction: 1 | -1): number | null => {
      const inner = { theta: w.start[j]!, value: logL };
      let step = (2 * se[j]!) / unit;
      for (let k = 0; k < MAX_DOUBLINGS; k++) {
        const theta = w.start[j]! + direction * step;
        const value = profile(theta);
        if (!(value > target)) return refine(profile, target, inner, { theta, value });
        inner.theta = theta;
        inner.value = value;
        step *= 2;
      }
      return null;
    };
    const lo = side(-1);
    const hi = side(1);
    if (lo === null || hi === null) return null;
    const toNatural = (theta: number): number =>
      w.toNatural(w.start.map((x, i) => (i === j ? theta : x)))[j]!;
    return [toNatural(lo), toNatural(hi)] as const;
  });
}

/** The profile log-likelihood in working parameter j, the others refitted from the last point. */
function profileOf(
  family: FitFamily,
  observations: readonly Observation[],
  toNatural: (theta: readonly number[]) => number[],
  start: readonly number[],
  j: number,
): (theta: number) => number {
  let warm = start.filter((_, i) => i !== j);
  const full = (rest: readonly number[], theta: number): number[] => [
    ...rest.slice(0, j),
    theta,
    ...rest.slice(j),
  ];
  return (theta) => {
    if (warm.length === 0) return logLikelihood(family, toNatural([theta]), 0, observations);
    const maximum = maximizeNewton(
      (rest) => logLikelihood(family, toNatural(full(rest, theta)), 0, observations),
      warm,
    );
    if (Number.isFinite(maximum.value)) warm = [...maximum.argmax];
    return maximum.value;
  };
}

interface Point {
  theta: number;
  value: number;
}

/** The root of profile(θ) = target between `inside` (above) and `outside` (below), by Illinois. */
function refine(
  profile: (theta: number) => number,
  target: number,
  inside: Point,
  outside: Point,
): number {
  let a = { ...inside, value: inside.value - target };
  let b = {
    ...outside,
    value: Number.isFinite(outside.value) ? outside.value - target : -Infinity,
  };
  let side = 0;
  for (let k = 0; k < MAX_REFINEMENTS; k++) {
    if (Math.abs(b.theta - a.theta) <= 1e-12 * Math.max(1, Math.abs(a.theta))) break;
    // Regula falsi where both values are finite, else bisection.
    const theta = Number.isFinite(b.value)
      ? b.theta - (b.value * (b.theta - a.theta)) / (b.value - a.value)
      : (a.theta + b.theta) / 2;
    const value = profile(theta) - target;
    if (!Number.isFinite(value) || value < 0) {
      b = { theta, value: Number.isFinite(value) ? value : -Infinity };
      if (side === -1) a.value /= 2;
      side = -1;
    } else {
      a = { theta, value };
      if (side === 1 && Number.isFinite(b.value)) b.value /= 2;
      side = 1;
    }
  }
  return Math.abs(a.value) < Math.abs(b.value) ? a.theta : b.theta;
}
