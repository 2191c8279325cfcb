import { ParameterError } from '../errors.js';
import type { Result, Scalar } from '../model/Result.js';
import { isCurve, isEstimate, measuresOf } from './compareResults.js';

/**
 * Returns the names of the scalar measures of a result (a number, or a simulated
 * {@link Estimate}), in the result's order: the measures a parameter can be optimised for.
 *
 * @param result - any solver's result
 * @returns the names; curves, lists and labels are left out
 *
 * @example
 * ```ts
 * scalarMeasureNames(analyze(loadModel('name: x\ncomponents:\n  a: { failure: { mtbf: 10 } }\nsystem: a'))); // → [mttf]
 * ```
 */
export function scalarMeasureNames(result: Result): string[] {
  return measuresOf(result)
    .filter(([, value]) => !isCurve(value))
    .map(([name]) => name);
}

/**
 * Returns the scalar measure `name` of a result, or throws saying why it cannot: a curve is not a
 * scalar, and a measure the result lacks is named with the scalar measures it has and the
 * result's warnings (which say why a measure was left out).
 *
 * @param where - the caller, for the message
 * @param result - the result to read
 * @param name - a measure name of {@link Measures}
 * @param context - where the result was computed, such as `at x = 3`, for the message
 * @throws {@link ParameterError} when the measure is absent or not a scalar
 */
export function readScalarMeasure(
  where: string,
  result: Result,
  name: string,
  context: string,
): Scalar {
  const value = (result.measures as Record<string, unknown>)[name];
  const scalars = scalarMeasureNames(result);
  const available =
    scalars.length > 0 ? `its scalar measures are ${scalars.join(', ')}` : 'it has no scalar one';
  if (isCurve(value)) {
    throw new ParameterError(
      where,
      'measure',
      `be a scalar measure, but ${name} is a curve (a function of time); ${available}`,
      name,
    );
  }
  if (typeof value === 'number' || isEstimate(value)) return value;
  const why =
    result.warnings.length > 0 ? `; the result's warnings: ${result.warnings.join(' | ')}` : '';
  const what =
    value === undefined
      ? `be a measure of the result (${result.method}, ${context}), which lacks ${name}`
      : `be a scalar measure, but ${name} is not a number`;
  throw new ParameterError(where, 'measure', `${what}; ${available}${why}`, name);
}

/** The value of a scalar: the number, or the estimate's mean. */
export function scalarValue(value: Scalar): number {
  return typeof value === 'number' ? value : value.mean;
}
