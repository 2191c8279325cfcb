import type { DistributionSpec } from '../distributions/registry.js';
import type { Rng } from '../distributions/types.js';
import { ParameterError } from '../errors.js';
import { standardNormalFromUniform } from '../numeric/normal.js';
import { FIT_FAMILIES, FIT_FAMILY_NAMES, type FitFamilyName } from './families.js';
import type { LifeFit } from './fitLifeData.js';
import { cholesky } from './smallMatrix.js';

/** A fit as a model records it: the family, the estimates and their covariance. */
export interface FitEstimates {
  readonly dist: string;
  readonly parameters: Readonly<Record<string, number>>;
  readonly covariance: LifeFit['covariance'];
}

/** One draw of a fit's parameters. */
export interface FitDraw {
  /** The natural parameters drawn, by name. */
  readonly parameters: Readonly<Record<string, number>>;
  /** The drawn law as a model-file distribution. */
  readonly law: DistributionSpec;
  /** Whether a drawn location fell below 0 and was set to 0 (the law's support starts at 0). */
  readonly clipped: boolean;
}

/**
 * Returns a sampler of a fit's parameters from their asymptotic distribution: multivariate
 * normal in the coordinates of the Fisher bounds (ln p for a positive parameter, p for a real
 * one and the location), with the inverse observed information as covariance.
 *
 * $$
 * u^{*} = \hat u + L z, \qquad L L^\top = \widehat{\mathrm{Cov}}(\hat u), \qquad
 * z \sim N(0, I), \qquad p^{*}_i = e^{u^{*}_i} \text{ (positive)}, \quad p^{*}_i = u^{*}_i \text{ (real)}
 * $$
 *
 * with Cov(û)ᵢⱼ = Cov(p̂)ᵢⱼ / (Jᵢ Jⱼ), J = p̂ for a positive parameter and 1 otherwise (the
 * inverse of the map that gives the natural covariance), so positive parameters stay positive.
 *
 * @param fit - the family, the estimates and their natural covariance (as `fitLifeData` gives
 * them and `model.fits` keeps them)
 * @returns a function drawing one parameter vector from an {@link Rng} (normal variates by
 * inversion, one uniform each)
 * @throws {@link ParameterError} when the fit has no covariance, or it is not positive definite
 *
 * @remarks A parameter whose variance is not finite (a location without a bound: the other
 * parameters' covariance is then conditional on it) is held at its estimate. A drawn location
 * below 0 is set to 0 and the draw says so (`clipped`). The normal approximation is asymptotic
 * (Meeker and Escobar ch. 8); for a Weibull-3P location with shape ≤ 2 it is rough (Smith 1985).
 *
 * @see W. Q. Meeker and L. A. Escobar, Statistical Methods for Reliability Data, Wiley, 1998,
 * ch. 8 (normal approximations on transformed scales) and App. B.
 */
export function fitParameterSampler(fit: FitEstimates): (rng: Rng) => FitDraw {
  const where = 'fitParameterSampler';
  if (!(FIT_FAMILY_NAMES as readonly string[]).includes(fit.dist)) {
    throw new ParameterError(where, 'dist', `be one of ${FIT_FAMILY_NAMES.join(', ')}`, fit.dist);
  }
  const family = FIT_FAMILIES[fit.dist as FitFamilyName];
  if (fit.covariance === null) {
    throw new ParameterError(where, `${fit.dist} fit`, 'have a covariance (a converged fit)', null);
  }
  const { names, matrix } = fit.covariance;
  const d = family.parameters.length;
  const positive = names.map((_, i) => i < d && family.positive[i] === true);
  const estimates = names.map((name) => fit.parameters[name] ?? NaN);
  const centre = estimates.map((p, i) => (positive[i] ? Math.log(p) : p));
  const jacobian = estimates.map((p, i) => (positive[i] ? p : 1));
  // matrix is names.length square (fitLifeData builds it so).
  const free = names.flatMap((_, i) => (Number.isFinite(matrix[i]![i]!) ? [i] : []));
  const working = free.map((i) => free.map((j) => matrix[i]![j]! / (jacobian[i]! * jacobian[j]!)));
  const factor = cholesky(working);
  if (factor === undefined || centre.some((u) => !Number.isFinite(u))) {
    throw new ParameterError(
      where,
      `${fit.dist} covariance`,
      'be positive definite with finite estimates',
      matrix.map((row) => row.join(' ')).join('; '),
    );
  }
  return (rng) => {
    const z = free.map(() => standardNormalFromUniform(rng.next()));
    const u = [...centre];
    free.forEach((i, a) => {
      let shift = 0;
      for (let b = 0; b <= a; b++) shift += factor[a]![b]! * z[b]!; // lower triangle of a free × free factor
      u[i] = centre[i]! + shift;
    });
    const p = u.map((x, i) => (positive[i] ? Math.exp(x) : x));
    const drawnLocation = family.location ? p[d]! : 0;
    const clipped = drawnLocation < 0;
    const location = clipped ? 0 : drawnLocation;
    if (family.location) p[d] = location;
    const law = family.modelBlock(p.slice(0, d), location);
    if (typeof law === 'string') throw new ParameterError(where, 'dist', law, fit.dist);
    return { parameters: Object.fromEntries(names.map((name, i) => [name, p[i]!])), law, clipped };
  };
}
