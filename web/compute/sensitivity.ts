/**
 * What-if charts computed by re-solving the model: a tornado (each parameter ± x %) and a sweep
 * of one parameter over its slider range, by the library's `tornado` and `sweepParameter` on the
 * parsed model, each point solved exactly.
 */
import {
  sweepParameter,
  tornado as tornadoOf,
  type Model,
  type ModelTemplate,
  type ParameterKind,
  type TornadoRow,
} from '../../src/index.js';
import type { Scenario } from '../state/pins.js';
import { sweepValues, type ControlScale, type ParameterControl } from '../state/parameterScale.js';
import { measureValue, type MeasureKey } from './measures.js';
import { solveModel } from './solve.js';
import { shownSystem } from './template.js';

export type { TornadoRow };

/** A measure against one parameter. */
export interface Sweep {
  readonly parameter: string;
  readonly x: readonly number[];
  readonly y: readonly (number | null)[];
}

/**
 * Returns the measure of a scenario's model, or null when it is unsolvable. Only two curve points
 * are computed: the last is the mission time, enough for R(mission).
 */
function measureOf(scenario: Scenario, measure: MeasureKey): (model: Model) => number | null {
  return (model) => {
    const solution = solveModel(shownSystem(model, scenario.system), scenario.missionTime, 2);
    return solution.ok ? (measureValue(solution.result, measure) ?? null) : null;
  };
}

/** The tornado's kind of a parameter on a slider of this scale. */
const KIND: Readonly<Record<ControlScale, ParameterKind>> = {
  probability: 'probability',
  integer: 'integer',
  linear: 'real',
  log: 'real',
};

/**
 * Returns the tornado rows of the parameters: each set to its value × (1 ∓ percent/100)
 * (probabilities capped at 1, counts rounded and moved by at least 1), largest swing first; null
 * where the model is invalid or unsolvable.
 */
export function tornado(
  template: ModelTemplate,
  scenario: Scenario,
  measure: MeasureKey,
  parameters: readonly {
    readonly name: string;
    readonly value: number;
    readonly control: ParameterControl;
  }[],
  percent: number,
): TornadoRow[] {
  return tornadoOf(
    template,
    parameters.map(({ name, value, control }) => ({ name, value, kind: KIND[control.scale] })),
    percent,
    measureOf(scenario, measure),
    { overrides: scenario.overrides },
  );
}

/**
 * Returns the measure at `count` values of one parameter over its slider range; null where the
 * model is invalid or unsolvable.
 */
export function sweep(
  template: ModelTemplate,
  scenario: Scenario,
  measure: MeasureKey,
  control: ParameterControl,
  count: number,
): Sweep {
  const x = sweepValues(control, count);
  const y = sweepParameter(template, control.name, x, measureOf(scenario, measure), {
    overrides: scenario.overrides,
    onInvalid: () => null,
  });
  return { parameter: control.name, x, y };
}
