import { checkNonNegative, checkPositive, ParameterError } from '../errors.js';
import {
  chooseParameterSet,
  defineDistribution,
  type ParameterSets,
} from './defineDistribution.js';
import type { Distribution } from './types.js';

/** The uniform's parameter names: the bounds min and max. */
export const UNIFORM_PARAMETERS: ParameterSets = Object.freeze({
  alternatives: [['min', 'max']],
  optional: [],
});

/** Parameters of {@link uniform}. */
export interface UniformParameters {
  /** Earliest possible time a, in time units, finite and ≥ 0. */
  readonly min: number;
  /** Latest possible time b, in time units, finite and > min. */
  readonly max: number;
}

/**
 * Returns the uniform lifetime distribution on [min, max]: every time in the window equally
 * likely, e.g. a scheduled task with a known window.
 *
 * $$
 * R(t) = \frac{b - t}{b - a}, \quad h(t) = \frac{1}{b - t}, \quad m(t) = \frac{b - t}{2}
 * \quad (a \le t < b)
 * $$
 * where a is `min` and b is `max` (time units).
 *
 * @param parameters - `{ min, max }` with 0 ≤ min < max, both finite
 * @returns a frozen distribution on [min, max] with mean (a + b)/2 and variance (b − a)²/12
 * @throws {@link ParameterError} when min is not a finite number ≥ 0, max is not finite, or
 * max ≤ min
 *
 * @remarks
 * sf is formed as (b − t)/(b − a), never 1 − cdf, so both ends are relative-accurate (≤ 2 ulp).
 * At and beyond max: sf 0, hazard and cumulativeHazard Infinity, and R(x | t), m(t) NaN (the
 * condition "survived to t" is impossible). R(x | t) = (b − t − x)/(b − t). Sampling a + u(b − a)
 * (u = 0 gives min). O(1).
 *
 * @see N. L. Johnson, S. Kotz and N. Balakrishnan, Continuous Univariate Distributions, vol. 2,
 * 2nd ed., Wiley, 1995, ch. 26.
 *
 * @example
 * ```ts
 * uniform({ min: 10, max: 20 }).sf(12); // → 0.8
 * uniform({ min: 10, max: 20 }).meanResidualLife(12); // → 4
 * ```
 */
export function uniform(parameters: UniformParameters): Distribution {
  const where = 'uniform';
  chooseParameterSet(where, parameters, UNIFORM_PARAMETERS);
  const min = checkNonNegative(where, 'min', parameters.min);
  const max = checkPositive(where, 'max', parameters.max);
  if (!(max > min)) throw new ParameterError(where, 'max', `be > min (${min})`, max);
  const width = max - min;
  return defineDistribution({
    family: 'uniform',
    parameters: { min, max },
    mean: min + width / 2,
    variance: (width * width) / 12,
    lower: min,
    pdf: (t) => (t <= max ? 1 / width : 0),
    cdf: (t) => (t >= max ? 1 : (t - min) / width),
    sf: (t) => (t >= max ? 0 : (max - t) / width),
    hazard: (t) => (t >= max ? Infinity : 1 / (max - t)),
    cumulativeHazard: (t) =>
      t >= max
        ? Infinity
        : t - min < width / 2
          ? -Math.log1p(-(t - min) / width)
          : -Math.log((max - t) / width),
    quantile: (p) => (p === 1 ? max : min + p * width),
    meanResidualLife: (t) => (max - t) / 2,
    conditionalReliability: (x, t) => (t + x >= max ? 0 : (max - t - x) / (max - t)),
    sample: (rng) => min + rng.next() * width,
  });
}
