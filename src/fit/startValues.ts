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

/**
 * Returns starting parameters for a family from rank regression on median ranks (Johnson's
 * adjusted ranks for suspensions), in the family's natural parameter order.
 *
 * $$
 * g(t_j) \approx a + b\,G^{-1}(F_j)
 * $$
 *
 * with g = ln for the log-time families, G the standard law (smallest extreme value, normal,
 * logistic); the exponential starts from failures over total time, the gamma from the lognormal
 * regression (shape 1/b², mean e^{a + b²/2}).
 *
 * @param name - the family
 * @param observations - the checked rows
 * @param location - the location assumed (0 for two-parameter fits)
 * @returns the starting parameters: always finite and inside the parameter space (a slope that
 * cannot be estimated, with fewer than two distinct failure ages, falls back to 1 on the log scale
 * or to a spread of the ages)
 *
 * @see R. B. Abernethy, The New Weibull Handbook, 5th ed., 2006, §2 and §5 (median ranks,
 * Johnson's adjustment); W. Nelson, Applied Life Data Analysis, Wiley, 1982, §3.
 */
export function startValues(
  name: FitFamilyName,
  observations: readonly Observation[],
  location: number,
): number[] {
  const points = plottingPositions(observations, location);
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
  const logTime = name !== 'normal' && name !== 'gumbel';
  const xs = points.map((point) => (logTime ? Math.log(point.age) : point.age));
  const quantile =
    name === 'lognormal' || name === 'gamma' || name === 'normal'
      ? normalQuantile
      : name === 'loglogistic'
        ? (p: number) => Math.log(p / (1 - p))
        : (p: number) => Math.log(-Math.log1p(-p));
  const fit = regress(
    xs,
    points.map((point) => quantile(point.p)),
    points.map((point) => point.weight),
  );
  const center = xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
  const spread = logTime ? 1 : Math.max(Math.abs(center) / 2, 1);
  const [a, b] = fit !== undefined && fit[1] > 0 ? fit : [center, spread];
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
