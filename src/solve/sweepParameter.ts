import { listNames, ModelError, ParameterError } from '../errors.js';
import { evaluateModel, type ModelTemplate } from '../model/loadModel.js';
import type { Model } from '../model/Model.js';

/** Options of {@link sweepParameter}. */
export interface SweepOptions<T> {
  /**
   * Values that replace the file's for the other parameters (a scenario); the swept parameter's
   * value replaces its entry here.
   * @defaultValue none: the file's values
   */
  readonly overrides?: Readonly<Record<string, number>>;
  /**
   * What a point gives when the model is invalid at its value (a probability above 1, a count
   * that is not an integer), from the {@link ModelError} and the value.
   * @defaultValue none: the ModelError is thrown
   */
  readonly onInvalid?: (error: ModelError, value: number) => T;
}

/**
 * Returns `solve` of the model at each value of one parameter: the parsed model evaluated with
 * the parameter set to the value (and `overrides` for the others), as if the file said so.
 *
 * $$
 * y_j = \mathrm{solve}\big(M(\theta_{-i},\ \theta_i = x_j),\ x_j\big),\qquad j = 1, \dots, n
 * $$
 *
 * - M: the model of `template` at parameter values θ; θ_{-i}: the file's values, or `overrides`
 * - θ_i: the swept parameter `name`; x_j: `values[j]`
 *
 * @param template - the model, parsed once ({@link parseModel})
 * @param name - a parameter of the model (a derived one too: its expression is then replaced)
 * @param values - the values to visit, in order
 * @param solve - the measure of one point, from its model and value (any solver, or several)
 * @param options - the other parameters' values, and what an invalid point gives
 * @returns one `solve` result per value, in the order of `values`
 * @throws {@link ParameterError} when `name` is not a parameter of the model
 * @throws {@link ModelError} when the model is invalid at a value and `onInvalid` is not given;
 * whatever `solve` throws
 *
 * @remarks The text is not parsed again: each point costs one evaluation of the template
 * (O(text), no parsing) and one `solve`. Used by `relkit sweep` and the explorer's sweep.
 *
 * @example
 * ```ts
 * const template = parseModel('name: unit\nparameters: { m: 1000 }\ncomponents:\n  cpu: { failure: { mtbf: m } }\nsystem: cpu');
 * sweepParameter(template, 'm', [1000, 2000, 4000], (model) => analyze(model).measures.mttf); // → [1000, 2000, 4000]
 * ```
 */
export function sweepParameter<T>(
  template: ModelTemplate,
  name: string,
  values: readonly number[],
  solve: (model: Model, value: number) => T,
  options: SweepOptions<T> = {},
): T[] {
  checkParameterName('sweepParameter', template, name);
  const { overrides = {}, onInvalid } = options;
  return values.map((value) => {
    let model: Model;
    try {
      model = evaluateModel(template, { ...overrides, [name]: value });
    } catch (error) {
      if (onInvalid && error instanceof ModelError) return onInvalid(error, value);
      throw error;
    }
    return solve(model, value);
  });
}

/**
 * Returns `name` when it is a parameter of the template's model.
 *
 * @throws {@link ParameterError} naming the model's parameters when it is not.
 */
function checkParameterName(where: string, template: ModelTemplate, name: string): string {
  const names = template.parameterNames;
  if (!names.includes(name)) {
    const expectation =
      names.length > 0
        ? `be a parameter of the model (${listNames(names, names.length)})`
        : 'be a parameter of the model, which has none';
    throw new ParameterError(where, 'name', expectation, name);
  }
  return name;
}
