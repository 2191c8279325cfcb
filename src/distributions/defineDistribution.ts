import { ParameterError } from '../errors.js';
import type { Distribution, DistributionFamily, Rng } from './types.js';

// Survival probabilities above this are normal doubles with full relative precision.
const SAFE_MIN = 1e-300;

/** The parameter names a family accepts: alternative required sets plus optional extras. */
export interface ParameterSets {
  /** Alternative sets of required names; exactly one set must be given, e.g. `[['rate'], ['mean']]`. */
  readonly alternatives: readonly (readonly string[])[];
  /** Names that may accompany any set, e.g. `['location']` for the Weibull. */
  readonly optional: readonly string[];
}

/**
 * What a family file supplies to {@link defineDistribution}: the formulas on the support only.
 * Methods may assume a non-NaN argument with t ≥ `lower` (and, for `quantile`, p in [0, 1]).
 */
export interface DistributionCore {
  readonly family: DistributionFamily;
  readonly parameters: Readonly<Record<string, number>>;
  readonly mean: number;
  readonly variance: number;
  /** The smallest possible value (0, a Weibull location, a uniform min, the deterministic value). */
  readonly lower: number;
  pdf(t: number): number;
  cdf(t: number): number;
  sf(t: number): number;
  hazard(t: number): number;
  cumulativeHazard(t: number): number;
  quantile(p: number): number;
  /** m(t) for t > lower with R(t) > 0. */
  meanResidualLife(t: number): number;
  /** R(x | t) for x > 0, t ≥ lower and R(t) > 0; defaults to R(t + x)/R(t), or via H in the far tail. */
  conditionalReliability?(x: number, t: number): number;
  sample(rng: Rng): number;
}

/**
 * Returns a frozen {@link Distribution} built from a family's formulas, adding the shared policy:
 * NaN in gives NaN out, values below the support get cdf 0, sf 1, pdf 0, hazard 0, p outside
 * [0, 1] gives NaN, and conditional quantities at an age t with R(t) = 0 are NaN.
 *
 * $$
 * R(x \mid t) = \frac{R(t + x)}{R(t)} = e^{-(H(t + x) - H(t))}, \qquad m(t) = E[T] - t \text{ for } t \le t_{\min}
 * $$
 *
 * @param core - the family's formulas on its support (trusted: validated by the factory)
 * @returns the frozen distribution object
 *
 * @remarks
 * R(x | t) and m(t) are NaN where R(t) = 0 exactly (cumulative hazard Infinity): the condition
 * "survived to t" is impossible there, so no probability is defined. Ages where R(t) merely
 * underflows but H(t) is finite still get values. R(x | t) = 1 for x ≤ 0. Cost: one call of the
 * family's method per call.
 *
 * @see W. Q. Meeker and L. A. Escobar, Statistical Methods for Reliability Data, Wiley, 1998,
 * §2.1 (conditional reliability); M. Rausand and A. Høyland, System Reliability Theory, 2nd ed.,
 * Wiley, 2004, §2.4 (mean residual life).
 */
export function defineDistribution(core: DistributionCore): Distribution {
  const { lower } = core;
  const conditional = core.conditionalReliability?.bind(core);
  const distribution: Distribution = {
    family: core.family,
    parameters: Object.freeze({ ...core.parameters }),
    mean: core.mean,
    variance: core.variance,
    pdf: (t) => (Number.isNaN(t) ? NaN : t < lower ? 0 : core.pdf(t)),
    cdf: (t) => (Number.isNaN(t) ? NaN : t < lower ? 0 : core.cdf(t)),
    sf: (t) => (Number.isNaN(t) ? NaN : t < lower ? 1 : core.sf(t)),
    hazard: (t) => (Number.isNaN(t) ? NaN : t < lower ? 0 : core.hazard(t)),
    cumulativeHazard: (t) => (Number.isNaN(t) ? NaN : t < lower ? 0 : core.cumulativeHazard(t)),
    quantile: (p) => (p >= 0 && p <= 1 ? core.quantile(p) : NaN),
    conditionalReliability(x, t) {
      if (Number.isNaN(x) || Number.isNaN(t)) return NaN;
      const hazardSoFar = t < lower ? 0 : core.cumulativeHazard(t);
      if (hazardSoFar === Infinity) return NaN;
      if (x <= 0) return 1;
      if (conditional !== undefined && t >= lower) return conditional(x, t);
      const end = t + x;
      if (end < lower) return 1;
      // A ratio of normal doubles loses at most 2 ulp; the difference of cumulative hazards
      // loses H(t)·ε, so it is kept for survivals beyond underflow.
      const survival = t < lower ? 1 : core.sf(t);
      const survivalEnd = core.sf(end);
      if (survival > SAFE_MIN && survivalEnd > SAFE_MIN) return survivalEnd / survival;
      return Math.exp(-(core.cumulativeHazard(end) - hazardSoFar));
    },
    meanResidualLife(t) {
      if (Number.isNaN(t)) return NaN;
      if (t < lower) return core.mean - t;
      if (core.cumulativeHazard(t) === Infinity) return NaN;
      return t === lower ? core.mean - t : core.meanResidualLife(t);
    },
    sample: (rng) => core.sample(rng),
  };
  return Object.freeze(distribution);
}

/**
 * Returns the index of the one alternative parameter set that `given` uses, after checking that
 * every name is known.
 *
 * $$
 * \text{index} = \text{the } i \text{ with every name of set}_i \text{ present}
 * $$
 *
 * @param where - the family name used in messages
 * @param given - the parameters as the caller wrote them
 * @param sets - the family's alternative and optional names
 * @returns the index into `sets.alternatives`
 * @throws {@link ParameterError} for an unknown name (`weibull: parameter names must be among
 * shape, scale, location; got "shap"`), or when a family with alternatives gets none or more
 * than one (`exponential: parameters must be exactly one of { rate } or { mean }; got …`)
 *
 * @remarks
 * Names with the value `undefined` count as absent. Cost O(names).
 *
 * @see observablehq/plot `src/options.js` (`keyword`) for the small-validator style,
 * https://github.com/observablehq/plot.
 */
export function chooseParameterSet(where: string, given: object, sets: ParameterSets): number {
  const allowed = [...new Set([...sets.alternatives.flat(), ...sets.optional])];
  const present = Object.keys(given).filter(
    (name) => (given as Record<string, unknown>)[name] !== undefined,
  );
  for (const name of present) {
    if (!allowed.includes(name)) {
      throw new ParameterError(where, 'parameter names', `be among ${allowed.join(', ')}`, name);
    }
  }
  // One set: a missing name is reported by the factory's own check ("got nothing").
  if (sets.alternatives.length === 1) return 0;
  const complete = sets.alternatives.filter((set) => set.every((name) => present.includes(name)));
  const [chosen] = complete;
  const isExtra = (name: string): boolean =>
    !chosen?.includes(name) && !sets.optional.includes(name);
  if (chosen === undefined || complete.length !== 1 || present.some(isExtra)) {
    const choices = sets.alternatives.map((set) => `{ ${set.join(', ')} }`).join(' or ');
    throw new ParameterError(where, 'parameters', `be exactly one of ${choices}`, given);
  }
  return sets.alternatives.indexOf(chosen);
}
