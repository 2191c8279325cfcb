import { checkNonNegative } from '../errors.js';
import {
  chooseParameterSet,
  defineDistribution,
  type ParameterSets,
} from './defineDistribution.js';
import type { Distribution } from './types.js';

/** The deterministic distribution's parameter name: the fixed value. */
export const DETERMINISTIC_PARAMETERS: ParameterSets = Object.freeze({
  alternatives: [['value']],
  optional: [],
});

/** Parameters of {@link deterministic}. */
export interface DeterministicParameters {
  /** The fixed time, in time units, finite and ≥ 0. */
  readonly value: number;
}

/**
 * Returns a point mass at a fixed time: a lifetime or repair that always takes exactly `value`.
 *
 * $$
 * F(t) = \mathbf{1}[t \ge v], \quad R(t) = \mathbf{1}[t < v], \quad m(t) = v - t \ (t < v)
 * $$
 * where v is `value` (time units).
 *
 * @param parameters - `{ value }`, finite and ≥ 0
 * @returns a frozen distribution with mean v and variance 0
 * @throws {@link ParameterError} when value is not a finite number ≥ 0
 *
 * @remarks
 * The cdf steps at v (right-continuous: F(v) = 1, R(v) = 0). There is no density: pdf is 0
 * except at the atom t = v, where it returns Infinity (the Dirac delta's value); hazard is 0
 * before v and Infinity from v on, like the cumulative hazard. quantile(p) = v for every p in
 * [0, 1]. R(x | t) for t < v is 1 while t + x < v, else 0; R(x | t) and m(t) are NaN for t ≥ v.
 * sample returns v and draws nothing from the Rng. O(1).
 *
 * @see M. Rausand and A. Høyland, System Reliability Theory, 2nd ed., Wiley, 2004, §2.3.
 *
 * @example
 * ```ts
 * deterministic({ value: 5 }).sf(4.999); // → 1
 * deterministic({ value: 5 }).cdf(5); // → 1
 * ```
 */
export function deterministic(parameters: DeterministicParameters): Distribution {
  const where = 'deterministic';
  chooseParameterSet(where, parameters, DETERMINISTIC_PARAMETERS);
  const value = checkNonNegative(where, 'value', parameters.value);
  return defineDistribution({
    family: 'deterministic',
    parameters: { value },
    mean: value,
    variance: 0,
    // Below `lower` the shared wrapper gives pdf 0, cdf 0, sf 1; so `lower` is the value itself.
    lower: value,
    pdf: (t) => (t === value ? Infinity : 0),
    cdf: () => 1,
    sf: () => 0,
    hazard: () => Infinity,
    cumulativeHazard: () => Infinity,
    quantile: () => value,
    meanResidualLife: () => NaN,
    conditionalReliability: () => NaN,
    sample: () => value,
  });
}
