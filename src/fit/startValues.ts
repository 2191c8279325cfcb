import { normalQuantile } from '../numeric/normal.js';
import type { FitFamilyName } from './families.js';
import type { Observation } from './lifeData.js';
import { plottingPositions } from './plottingPositions.js';

/** Weighted least squares of x on y: x ≈ a + b·y; undefined with fewer than two distinct y. */
function regress(
  xs: readonly number[],
  ys: readonly number[],
  ws: readonly number[],
): [number, number] | undefined {
  const total = ws.reduce((s, w) => s + w, 0);
  const mean = (v: readonly number[]): number => v.reduce((s, x, i) => s + ws[i]! * x, 0) / total;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let syy = 0;
  ys.forEach((y, i) => {
    sxy += ws[i]! * (y - my) * (xs[i]! - mx);
    syy += ws[i]! * (y - my) ** 2;
  });
  if (!(syy > 0)) return undefined;
  return [mx - (sxy / syy) * my, sxy / syy];
}

/** The families drawn as a straight line on their own probability paper. */
export const RANK_REGRESSION_FAMILIES: readonly FitFamilyName[] = [
  'weibull',
  'lognormal',
  'normal',
  'loglogistic',
  'gumbel',
];

/**
 * Returns a family's parameters by rank regression on X (RRX): the failure ages, on the paper's
 * time scale, regressed on the standard law's quantile of their median ranks (Johnson's adjusted
 * ranks for suspensions; every failed unit of a grouped row has its own rank).
 *
 * $$
 * g(t_j) \approx a + b\,G^{-1}(F_j)
 * $$
 *
 * with g = ln for weibull, lognormal and loglogistic (then shape 1/b and scale eᵃ for weibull and
 * loglogistic, μ = a and σ = b for lognormal), g(t) = t for normal and gumbel (μ = a, σ = b); G the
 * smallest extreme value law (weibull, gumbel), the normal (lognormal, normal) or the logistic.
 *
 * @param name - one of {@link RANK_REGRESSION_FAMILIES}, or gamma (the lognormal regression)
 * @param observations - the checked rows
 * @param location - subtracted from every time
 * @returns the parameters in the family's natural order, or undefined when the slope cannot be
 * estimated (fewer than two distinct failure ages, or a slope ≤ 0)
 *
 * @see R. B. Abernethy, The New Weibull Handbook, 5th ed., 2006, §2 and §5 (median ranks,
 * Johnson's adjustment, regression of X on Y); W. Nelson, Applied Life Data Analysis, Wiley,
 * 1982, §3.
 */
export function rankRegression(
  name: FitFamilyName,
  observations: readonly Observation[],
  location: number,
): number[] | undefined {
  const line = regressionLine(name, observations, location);
  return line && fromLine(name, line);
}

/**
 * Returns starting parameters for a family: its rank regression ({@link rankRegression}); the
 * exponential from failures over total time; the gamma from the lognormal regression (shape 1/b²,
 * mean e^{a + b²/2}).
 *
 * @param name - the family
 * @param observations - the checked rows
 * @param location - the location assumed (0 for two-parameter fits)
 * @returns the starting parameters: always finite and inside the parameter space (a slope that
 * cannot be estimated, with fewer than two distinct failure ages, falls back to 1 on the log scale
 * or to a spread of the ages)
 */
export function startValues(
  name: FitFamilyName,
  observations: readonly Observation[],
  location: number,
): number[] {
  if (name === 'exponential' || name === 'exponential-2p') {
    let failures = 0;
    let exposure = 0;
    for (const row of observations) {
      const x = (row.kind === 'interval' ? (row.time + row.timeHi) / 2 : row.time) - location;
      exposure += row.count * Math.max(x, 0);
      if (row.kind !== 'suspension') failures += row.count;
    }
    return [exposure > 0 ? failures / exposure : 1];
  }
  const line = regressionLine(name, observations, location);
  if (line) return fromLine(name, line);
  const xs = plottingPositions(observations, location).map((point) =>
    logTime(name) ? Math.log(point.age) : point.age,
  );
  const center = xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
  return fromLine(name, [center, logTime(name) ? 1 : Math.max(Math.abs(center) / 2, 1)]);
}

function logTime(name: FitFamilyName): boolean {
  return name !== 'normal' && name !== 'gumbel';
}

/** The line g(t) = a + b·G⁻¹(F) through the plotting positions, when its slope is > 0. */
function regressionLine(
  name: FitFamilyName,
  observations: readonly Observation[],
  location: number,
): [number, number] | undefined {
  const points = plottingPositions(observations, location, true);
  const quantile =
    name === 'lognormal' || name === 'gamma' || name === 'normal'
      ? normalQuantile
      : name === 'loglogistic'
        ? (p: number) => Math.log(p / (1 - p))
        : (p: number) => Math.log(-Math.log1p(-p));
  const fit = regress(
    points.map((point) => (logTime(name) ? Math.log(point.age) : point.age)),
    points.map((point) => quantile(point.p)),
    points.map((point) => point.weight),
  );
  return fit !== undefined && fit[1] > 0 ? fit : undefined;
}

/** A family's natural parameters from the line's intercept a and slope b. */
function fromLine(name: FitFamilyName, [a, b]: readonly [number, number]): number[] {
  switch (name) {
    case 'weibull':
    case 'weibull-3p':
    case 'loglogistic':
      return [1 / b, Math.exp(a)];
    case 'gamma': {
      const shape = 1 / (b * b);
      return [shape, Math.exp(a + (b * b) / 2) / shape];
    }
    default:
      return [a, b];
  }
}
