/**
 * Running moments of a per-cycle quantity x: count, mean and sum of squared deviations (Welford),
 * and the largest term, for a mean's standard error, the effective count and the largest share.
 */
export class Moments {
  count = 0;
  mean = 0;
  /** Σ (x − mean)². */
  squaredDeviations = 0;
  max = 0;

  /** Adds one term; O(1). */
  add(x: number): void {
    this.count++;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.squaredDeviations += delta * (x - this.mean);
    if (x > this.max) this.max = x;
  }

  /** The sample variance s² (n − 1 in the denominator); 0 with fewer than 2 terms. */
  get variance(): number {
    return this.count > 1 ? this.squaredDeviations / (this.count - 1) : 0;
  }

  /** Σx. */
  get sum(): number {
    return this.mean * this.count;
  }

  /**
   * Kish's effective number of terms (Σx)²/Σx² of non-negative terms: how many equal terms would
   * give the same spread; 0 when the sum is 0.
   */
  get effectiveCount(): number {
    const sumSquares = this.squaredDeviations + this.count * this.mean * this.mean;
    return this.mean > 0 && sumSquares > 0 ? (this.sum * this.sum) / sumSquares : 0;
  }

  /** The largest term's share of Σx (non-negative terms); 0 when the sum is 0. */
  get largestShare(): number {
    return this.mean > 0 ? this.max / this.sum : 0;
  }
}

/** z of a two-sided 95 % normal interval. */
export const Z95 = 1.959963984540054;

/** A positive ratio estimate with its delta-method standard error and 95 % interval. */
export interface RatioEstimate {
  readonly value: number;
  readonly standardError: number;
  /** value·e^{±1.96·se/value}: the normal interval of ln(value). */
  readonly ci95: readonly [number, number];
  /** 1.96·se/value: the relative half-width of the normal interval. */
  readonly relativeError: number;
}

/**
 * Returns the ratio of the means of two independent samples, with its standard error by the
 * delta method and a 95 % interval on the log scale.
 *
 * $$
 * \hat R = \frac{\bar x}{\bar y},\qquad
 * \widehat{\mathrm{se}}^2 = \hat R^2\left(\frac{s_x^2}{n_x\,\bar x^2} + \frac{s_y^2}{n_y\,\bar y^2}\right),\qquad
 * \hat R\,e^{\pm 1.96\,\widehat{\mathrm{se}}/\hat R}
 * $$
 *
 * - x̄, s_x², n_x: mean, sample variance and count of the numerator's terms; the same for y
 *
 * @param numerator - the numerator's terms (mean > 0)
 * @param denominator - the denominator's terms, independent of the numerator's (mean > 0)
 * @returns the estimate, its standard error, interval and relative error
 *
 * @remarks
 * The covariance term of the usual regenerative ratio estimator vanishes because the two
 * samples are independent (here: cycles under the biased and under the original measure). The
 * log-scale interval keeps a skewed positive ratio positive; for a small relative error it is
 * the normal interval. O(1).
 *
 * @see P. W. Glynn, D. L. Iglehart, "Importance sampling for stochastic simulations", Management
 * Science 35 (1989) 1367–1392; A. M. Law, Simulation Modeling and Analysis, 5th ed., 2015,
 * §9.5.3.
 */
export function ratioOfMeans(numerator: Moments, denominator: Moments): RatioEstimate {
  const value = numerator.mean / denominator.mean;
  const relativeVariance =
    numerator.variance / (numerator.count * numerator.mean ** 2) +
    denominator.variance / (denominator.count * denominator.mean ** 2);
  const relativeSe = Math.sqrt(relativeVariance);
  const spread = Math.exp(Z95 * relativeSe);
  return {
    value,
    standardError: value * relativeSe,
    ci95: [value / spread, value * spread],
    relativeError: Z95 * relativeSe,
  };
}
