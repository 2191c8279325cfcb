import { checkInteger, checkPositive } from '../errors.js';
import { chooseParameterSet, type ParameterSets } from './defineDistribution.js';
import { defineGammaDistribution } from './gamma.js';
import type { Distribution } from './types.js';

/** The Erlang's parameter names: the number of stages k and the stage rate. */
export const ERLANG_PARAMETERS: ParameterSets = Object.freeze({
  alternatives: [['k', 'rate']],
  optional: [],
});

/** Parameters of {@link erlang}. */
export interface ErlangParameters {
  /** Number of exponential stages k, an integer ≥ 1. */
  readonly k: number;
  /** Rate λ of each stage, per time unit, finite and > 0. */
  readonly rate: number;
}

/**
 * Returns the Erlang lifetime distribution: the sum of k independent exponential stages with
 * rate λ, e.g. a unit with k − 1 cold spares and perfect switching.
 *
 * $$
 * R(t) = e^{-\lambda t} \sum_{n=0}^{k-1} \frac{(\lambda t)^n}{n!} = Q(k, \lambda t)
 * $$
 * where k is `k` and λ is `rate` (per time unit).
 *
 * @param parameters - `{ k, rate }`: k an integer ≥ 1, rate finite and > 0
 * @returns a frozen distribution on t ≥ 0 with mean k/λ and variance k/λ²
 * @throws {@link ParameterError} when k is not an integer ≥ 1 or rate is not a finite number > 0
 *
 * @remarks
 * A gamma distribution with integer shape: all methods, accuracy and cost are those of the
 * gamma family (shared code, `defineGammaDistribution`); only the name and parameters differ.
 *
 * @see N. L. Johnson, S. Kotz and N. Balakrishnan, Continuous Univariate Distributions, vol. 1,
 * 2nd ed., Wiley, 1994, ch. 17 §2; NIST DLMF eq. 8.4.10 (finite sum for Q(k, x)),
 * https://dlmf.nist.gov/8.4.
 *
 * @example
 * ```ts
 * erlang({ k: 2, rate: 1 }).sf(1); // → ~0.7357588823428847
 * erlang({ k: 3, rate: 0.5 }).mean; // → 6
 * ```
 */
export function erlang(parameters: ErlangParameters): Distribution {
  const where = 'erlang';
  chooseParameterSet(where, parameters, ERLANG_PARAMETERS);
  const k = checkInteger(where, 'k', parameters.k, 1);
  const rate = checkPositive(where, 'rate', parameters.rate);
  return defineGammaDistribution('erlang', { k, rate }, k, rate);
}
