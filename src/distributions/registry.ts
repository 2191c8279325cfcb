import { ParameterError } from '../errors.js';
import type { ParameterSets } from './defineDistribution.js';
import { DETERMINISTIC_PARAMETERS, deterministic } from './deterministic.js';
import { ERLANG_PARAMETERS, erlang } from './erlang.js';
import { EXPONENTIAL_PARAMETERS, exponential } from './exponential.js';
import { GAMMA_PARAMETERS, gamma } from './gamma.js';
import { LOGNORMAL_PARAMETERS, lognormal } from './lognormal.js';
import { TRUNCATED_NORMAL_PARAMETERS, truncatedNormal } from './truncatedNormal.js';
import type { Distribution, DistributionFamily } from './types.js';
import { UNIFORM_PARAMETERS, uniform } from './uniform.js';
import { WEIBULL_PARAMETERS, weibull } from './weibull.js';

/** A distribution as written in a model file: the family under `dist`, then its parameters. */
export interface DistributionSpec {
  /** The family name, e.g. `weibull`. */
  readonly dist: DistributionFamily;
  /** The family's parameters by name, e.g. `shape: 1.3, scale: 2e5`. */
  readonly [parameter: string]: number | string;
}

/**
 * The parameter sets of each family: alternative required sets (exactly one must be given, such
 * as `{ rate }` or `{ mean }`) and optional names; the source for validation and for a JSON
 * Schema `oneOf`.
 */
export const DISTRIBUTION_PARAMETER_SETS: Readonly<Record<DistributionFamily, ParameterSets>> =
  Object.freeze({
    exponential: EXPONENTIAL_PARAMETERS,
    weibull: WEIBULL_PARAMETERS,
    lognormal: LOGNORMAL_PARAMETERS,
    gamma: GAMMA_PARAMETERS,
    erlang: ERLANG_PARAMETERS,
    normal: TRUNCATED_NORMAL_PARAMETERS,
    uniform: UNIFORM_PARAMETERS,
    deterministic: DETERMINISTIC_PARAMETERS,
  });

/**
 * Every parameter name each family accepts, in documentation order (e.g. weibull: shape, scale,
 * location), derived from {@link DISTRIBUTION_PARAMETER_SETS}.
 */
export const DISTRIBUTION_PARAMETERS: Readonly<Record<DistributionFamily, readonly string[]>> =
  Object.freeze(
    Object.fromEntries(
      Object.entries(DISTRIBUTION_PARAMETER_SETS).map(([family, sets]) => [
        family,
        Object.freeze([...new Set([...sets.alternatives.flat(), ...sets.optional])]),
      ]),
    ) as Record<DistributionFamily, readonly string[]>,
  );

// Each factory validates its own parameters (names, sets, ranges); the registry only routes.
// The casts are safe because the factories check every value at run time.
const FACTORIES: Readonly<Record<DistributionFamily, (parameters: never) => Distribution>> =
  Object.freeze({
    exponential,
    weibull,
    lognormal,
    gamma,
    erlang,
    normal: truncatedNormal,
    uniform,
    deterministic,
  });

/**
 * Returns the distribution a model-file spec describes, such as
 * `{ dist: 'weibull', shape: 1.3, scale: 2e5 }`.
 *
 * $$
 * \text{spec} \mapsto \text{factory}_{\text{dist}}(\text{spec} \setminus \text{dist})
 * $$
 *
 * @param spec - the family under `dist` plus that family's parameters (see
 * {@link DISTRIBUTION_PARAMETERS})
 * @returns the frozen distribution
 * @throws {@link ParameterError} when `dist` is not a known family (the message lists them), a
 * parameter name is not one the family accepts (the message lists those), a value is not a
 * number, or the family's factory rejects a value
 *
 * @remarks
 * Data-driven: one table of factories and one of parameter names, no per-family code here.
 * Parameter values are passed as given; the factory checks each one. O(number of parameters).
 *
 * @see docs/model-format.md for the spellings in model files.
 *
 * @example
 * ```ts
 * distributionFromSpec({ dist: 'weibull', shape: 2, scale: 100 }).sf(50); // → 0.7788007830714049
 * distributionFromSpec({ dist: 'exponential', mean: 4 }).parameters.rate; // → 0.25
 * ```
 */
export function distributionFromSpec(spec: DistributionSpec): Distribution {
  const family = spec.dist;
  if (!Object.hasOwn(FACTORIES, family)) {
    const known = Object.keys(FACTORIES).join(', ');
    throw new ParameterError('distribution', 'dist', `be one of ${known}`, family);
  }
  const parameters: Record<string, unknown> = { ...spec };
  delete parameters.dist;
  return FACTORIES[family](parameters as never);
}

/**
 * A text that two specs share exactly when they name the same family and the same parameters,
 * in the same order, with the same values (-0 told from 0), so that they give the same
 * distribution: a key under which a model's many equal laws are built once.
 *
 * @example
 * ```ts
 * specKey({ dist: 'exponential', mean: 10 }) === specKey({ dist: 'exponential', mean: 10 }); // → true
 * ```
 */
export function specKey(spec: DistributionSpec): string {
  let key = '';
  for (const name of Object.keys(spec)) {
    const value = spec[name];
    const text =
      typeof value === 'number'
        ? Object.is(value, -0)
          ? '-0'
          : String(value)
        : JSON.stringify(value);
    key += `${JSON.stringify(name)}:${text},`;
  }
  return key;
}
