/** A source of uniform random numbers in [0, 1), such as one seeded stream per replication. */
export interface Rng {
  /** Returns the next uniform variate u with 0 ≤ u < 1 and 53 random bits. */
  next(): number;
}

/** The names of the lifetime distribution families, as written in model files. */
export type DistributionFamily =
  | 'exponential'
  | 'weibull'
  | 'lognormal'
  | 'gamma'
  | 'erlang'
  | 'normal'
  | 'uniform'
  | 'deterministic';

/**
 * A lifetime distribution on t ≥ 0 (time to failure or time to repair).
 *
 * Every method accepts any real argument: outside the support it returns the right value
 * (`sf(-1) = 1`, `pdf(-1) = 0`), and NaN in gives NaN out. Objects are frozen and validated
 * once by their factory.
 */
export interface Distribution {
  /** The family, as written in model files. */
  readonly family: DistributionFamily;
  /** The canonical parameters after conversion (e.g. `{ rate }` for an exponential given by mean). */
  readonly parameters: Readonly<Record<string, number>>;
  /** Mean time, E[T]. */
  readonly mean: number;
  /** Variance, Var[T]. */
  readonly variance: number;
  /** Probability density f(t). */
  pdf(t: number): number;
  /** Cumulative distribution F(t) = P(T ≤ t): the unreliability. */
  cdf(t: number): number;
  /** Survival function R(t) = P(T > t): the reliability. */
  sf(t: number): number;
  /** Hazard (failure) rate h(t) = f(t)/R(t). */
  hazard(t: number): number;
  /** Cumulative hazard H(t) = −ln R(t). */
  cumulativeHazard(t: number): number;
  /** Quantile (inverse cdf): the smallest t with F(t) ≥ p, for p in [0, 1]. */
  quantile(p: number): number;
  /** Conditional reliability R(x | t) = R(t + x)/R(t): survives x more after surviving to t. */
  conditionalReliability(x: number, t: number): number;
  /** Mean residual life m(t) = E[T − t | T > t] = ∫_t^∞ R(u) du / R(t). */
  meanResidualLife(t: number): number;
  /** Draws one variate by inversion or a standard exact method, using only `rng`. */
  sample(rng: Rng): number;
}
