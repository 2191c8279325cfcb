import { checkFinite, ParameterError } from '../errors.js';
import type { ModelTemplate } from '../model/loadModel.js';
import type { Model } from '../model/Model.js';
import { sweepParameter } from './sweepParameter.js';

/**
 * What a parameter is, for the tornado's rules: `probability` (the high value is capped at 1),
 * `integer` (a count: values rounded and moved by at least 1), or `real`.
 */
export type ParameterKind = 'real' | 'probability' | 'integer';

/** A parameter of a tornado: its name, the value it moves around, and its kind. */
export interface TornadoParameter {
  readonly name: string;
  /** The value in the scenario studied (an override, else the file's). */
  readonly value: number;
  /** @defaultValue `real` */
  readonly kind?: ParameterKind;
}

/** One bar of a tornado chart: the measure at the parameter's low and high values. */
export interface TornadoRow {
  readonly parameter: string;
  readonly lowValue: number;
  readonly highValue: number;
  /** The measure at lowValue and highValue; null where the model is invalid or has no value. */
  readonly low: number | null;
  readonly high: number | null;
}

/** Options of {@link tornado}. */
export interface TornadoOptions {
  /**
   * The scenario: values that replace the file's; each bar moves one parameter from here.
   * @defaultValue none: the file's values
   */
  readonly overrides?: Readonly<Record<string, number>>;
}

/**
 * Returns the tornado of a measure: each parameter set in turn to its value × (1 ∓ x/100), the
 * others held, and the measure at both ends, largest swing first.
 *
 * $$
 * \theta_i^{-} = \theta_i (1 - x/100),\quad \theta_i^{+} = \theta_i (1 + x/100),\qquad
 * \mathrm{swing}_i = \lvert m(\theta_i^{+}) - m(\theta_i^{-}) \rvert
 * $$
 *
 * - θ_i: the parameter's value in the scenario; x: `percent`; m: `measureOf` of the model with
 *   θ_i replaced, the other parameters at the scenario's values
 * - a `probability` has θ⁺ = min(1, θ⁺); an `integer` has θ⁻ = min(θ − 1, round(θ⁻)) and
 *   θ⁺ = max(θ + 1, round(θ⁺)), so that a count always moves
 *
 * @param template - the model, parsed once ({@link parseModel})
 * @param parameters - the parameters to move, each with its value and kind
 * @param percent - x, how far each moves, in (0, 100]
 * @param measureOf - the measure of one model; null or undefined where it has none
 * @param options - the scenario's overrides
 * @returns one row per parameter, by decreasing swing; rows with a null end last, in the order
 * given
 * @throws {@link ParameterError} when `percent` is not in (0, 100], a value is not finite, or a
 * name is not a parameter of the model; whatever `measureOf` throws
 *
 * @remarks A model made invalid by a move (a probability above 1 for a parameter not marked as
 * one) gives null at that end rather than an error. Cost: 2 evaluations of the template and 2
 * calls of `measureOf` per parameter, no parsing.
 *
 * @example
 * ```ts
 * const template = parseModel('name: pair\nparameters: { m: 1000, c: 0.9 }\ncomponents:\n  a: { count: 2, failure: { mtbf: m }, coverage: c }\nsystem: { parallel: [a] }');
 * const rows = tornado(template, [{ name: 'm', value: 1000 }, { name: 'c', value: 0.9, kind: 'probability' }], 20, (model) => analyze(model).measures.mttf);
 * rows.map((row) => row.parameter); // → [m, c]
 * rows[1].highValue; // → 1
 * ```
 */
export function tornado(
  template: ModelTemplate,
  parameters: readonly TornadoParameter[],
  percent: number,
  measureOf: (model: Model) => number | null | undefined,
  options: TornadoOptions = {},
): TornadoRow[] {
  if (!(percent > 0 && percent <= 100)) {
    throw new ParameterError('tornado', 'percent', 'be a number in (0, 100]', percent);
  }
  const measure = (model: Model): number | null => measureOf(model) ?? null;
  const rows = parameters.map(({ name, value, kind = 'real' }): TornadoRow => {
    checkFinite('tornado', `the value of ${name}`, value);
    const [lowValue, highValue] = ends(value, kind, percent);
    const [low, high] = sweepParameter(template, name, [lowValue, highValue], measure, {
      ...(options.overrides && { overrides: options.overrides }),
      onInvalid: () => null,
    });
    return { parameter: name, lowValue, highValue, low: low!, high: high! };
  });
  const swing = (row: TornadoRow): number =>
    row.low === null || row.high === null ? -1 : Math.abs(row.high - row.low);
  return rows.sort((a, b) => swing(b) - swing(a));
}

/** The low and high values of a parameter of value `value` moved by ± `percent` %. */
function ends(value: number, kind: ParameterKind, percent: number): [number, number] {
  let low = value * (1 - percent / 100);
  let high = value * (1 + percent / 100);
  if (kind === 'probability') high = Math.min(1, high);
  if (kind === 'integer') {
    low = Math.min(value - 1, Math.round(low));
    high = Math.max(value + 1, Math.round(high));
  }
  return [low, high];
}
