import { checkFinite, checkPositive } from '../errors.js';
import { continuedFraction } from '../numeric/continuedFraction.js';
import {
  normalCdf,
  normalIntervalProbability,
  normalLogSf,
  normalMillsRatio,
  normalPdf,
  normalQuantile,
  normalSf,
} from '../numeric/normal.js';
import {
  chooseParameterSet,
  defineDistribution,
  type ParameterSets,
} from './defineDistribution.js';
import type { Distribution } from './types.js';

// ½·ln(2π), from mpmath at 40 digits.
const LOG_SQRT_2PI = 0.9189385332046728;
// Below this, tail probabilities are formed from logarithms to avoid subnormals (φ·M stays a
// normal double, hence relative-accurate, above it).
const SAFE_MIN = 1e-300;

/** The truncated normal's parameter names: the parent normal's mean and sd. */
export const TRUNCATED_NORMAL_PARAMETERS: ParameterSets = Object.freeze({
  alternatives: [['mean', 'sd']],
  optional: [],
});

/** Parameters of {@link truncatedNormal}: those of the parent normal before truncation. */
export interface TruncatedNormalParameters {
  /** Mean μ of the parent (untruncated) normal, in time units, any finite number. */
  readonly mean: number;
  /** Standard deviation σ of the parent normal, in time units, finite and > 0. */
  readonly sd: number;
}

/**
 * Returns the normal distribution truncated to t ≥ 0 (registry name `normal`): a lifetime that
 * clusters around a typical value, such as a repair or a wear-out life with small spread.
 *
 * $$
 * R(t) = \frac{\bar\Phi(z)}{\bar\Phi(\alpha)}, \quad F(t) = \frac{\Phi(z) - \Phi(\alpha)}{\bar\Phi(\alpha)},
 * \quad z = \frac{t - \mu}{\sigma}, \quad \alpha = -\frac{\mu}{\sigma}, \quad
 * m(t) = \sigma\Big(\frac{1}{M(z)} - z\Big)
 * $$
 * where μ is `mean` and σ is `sd` of the parent normal (time units) and M = Φ̄/φ the Mills
 * ratio. The object's `.mean` is the truncated mean σ(1/M(α) − α), not μ; its variance is
 * σ²(1 + αλ − λ²) with λ = 1/M(α).
 *
 * @param parameters - `{ mean, sd }` of the parent normal: mean finite, sd finite and > 0
 * @returns a frozen distribution on t ≥ 0
 * @throws {@link ParameterError} when mean is not finite or sd is not a finite number > 0
 *
 * @remarks
 * F(t) uses {@link normalIntervalProbability}, so the cdf near t = 0 is exact (no difference of
 * Φ values); R from the normal tail; H = ln Φ̄(α) − ln Φ̄(z) finite beyond underflow. m(t) for
 * z ≥ 3 from the continued fraction 1/M(z) − z = 1/(z + 2/(z + 3/(z + …))) (DLMF 7.9.1) without
 * cancellation. Quantile: closed form, then Newton steps on F (or on R for p > ½) so it stays
 * relative-accurate near 0. The variance loses about α² ulps when the mean is far below 0
 * (α ≫ 1), a rare lifetime model. Sampling by inversion in the upper tail, u = 0 giving 0. O(1).
 *
 * @see N. L. Johnson, S. Kotz and N. Balakrishnan, Continuous Univariate Distributions, vol. 1,
 * 2nd ed., Wiley, 1994, ch. 13 §10.1; NIST DLMF §7.9, https://dlmf.nist.gov/7.9.
 *
 * @example
 * ```ts
 * truncatedNormal({ mean: 0, sd: 1 }).sf(1); // → ~0.317310507862914
 * truncatedNormal({ mean: 100, sd: 10 }).quantile(0.5); // → ~100
 * ```
 */
export function truncatedNormal(parameters: TruncatedNormalParameters): Distribution {
  const where = 'normal';
  chooseParameterSet(where, parameters, TRUNCATED_NORMAL_PARAMETERS);
  const mu = checkFinite(where, 'mean', parameters.mean);
  const sigma = checkPositive(where, 'sd', parameters.sd);
  const alpha = -mu / sigma;
  const tailAtZero = normalSf(alpha);
  const logTailAtZero = normalLogSf(alpha);
  const isTiny = tailAtZero < SAFE_MIN;
  const score = (t: number): number => (t - mu) / sigma;
  const lambda = 1 / normalMillsRatio(alpha);

  const cdf = (t: number): number =>
    isTiny
      ? -Math.expm1(normalLogSf(score(t)) - logTailAtZero)
      : normalIntervalProbability(alpha, t / sigma) / tailAtZero;
  const sf = (t: number): number => {
    const z = score(t);
    const tail = normalSf(z);
    return tail > SAFE_MIN && !isTiny
      ? tail / tailAtZero
      : Math.exp(normalLogSf(z) - logTailAtZero);
  };
  const pdf = (t: number): number => {
    const z = score(t);
    if (!isTiny) return normalPdf(z) / (sigma * tailAtZero);
    return Math.exp(-0.5 * z * z - LOG_SQRT_2PI - logTailAtZero) / sigma;
  };

  const quantile = (p: number): number => {
    if (p === 0) return 0;
    if (p === 1) return Infinity;
    const below = normalCdf(alpha) + p * tailAtZero;
    const z0 =
      p <= 0.5 && below <= 0.5 ? normalQuantile(below) : -normalQuantile(tailAtZero * (1 - p));
    let t = Math.max(0, mu + sigma * z0);
    // Newton on F (or on R above the median): the closed form cancels near t = 0.
    for (let i = 0; i < 8; i++) {
      const density = pdf(t);
      if (!(density > 0)) break;
      const step = p <= 0.5 ? (cdf(t) - p) / density : (1 - p - sf(t)) / density;
      const next = Math.max(0, t - step);
      if (Math.abs(next - t) <= 1e-16 * t) return next;
      t = next;
    }
    return t;
  };

  return defineDistribution({
    family: 'normal',
    parameters: { mean: mu, sd: sigma },
    mean: sigma * excessOverScore(alpha),
    variance: sigma * sigma * (1 + alpha * lambda - lambda * lambda),
    lower: 0,
    pdf,
    cdf,
    sf,
    hazard: (t) => 1 / (sigma * normalMillsRatio(score(t))),
    cumulativeHazard(t) {
      // Small H: −log1p(−F) from the exact cdf; a difference of logarithms would cancel.
      const probability = cdf(t);
      return probability < 0.5 ? -Math.log1p(-probability) : logTailAtZero - normalLogSf(score(t));
    },
    quantile,
    meanResidualLife: (t) => (t === Infinity ? 0 : sigma * excessOverScore(score(t))),
    sample(rng) {
      const u = rng.next();
      if (isTiny) return quantile(u);
      return Math.max(0, mu + sigma * -normalQuantile(tailAtZero * (1 - u)));
    },
  });
}

/** 1/M(z) − z = E[Z − z | Z > z] for a standard normal Z, without cancellation for z ≥ 3. */
function excessOverScore(z: number): number {
  if (z < 3) return 1 / normalMillsRatio(z) - z;
  return (
    1 /
    continuedFraction(
      z,
      (i) => i + 1,
      () => z,
      'truncatedNormal',
    )
  );
}
