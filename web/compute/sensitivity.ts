/**
 * What-if charts computed by re-solving the model: a tornado (each parameter ± x %) and a sweep
 * of one parameter over its slider range.
 */
import type { Scenario } from '../state/pins.js';
import { sweepValues, type ParameterControl } from '../state/parameterScale.js';
import { measureValue, type MeasureKey } from './measures.js';
import { loadScenario, solveModel } from './solve.js';

/** One bar of a tornado chart: the measure at the parameter's low and high values. */
export interface TornadoRow {
  readonly parameter: string;
  readonly lowValue: number;
  readonly highValue: number;
  /** The measure at lowValue and highValue; null where the model is invalid or unsolvable. */
  readonly low: number | null;
  readonly high: number | null;
}

/** A measure against one parameter. */
export interface Sweep {
  readonly parameter: string;
  readonly x: readonly number[];
  readonly y: readonly (number | null)[];
}

/**
 * Returns the measure of the scenario with the parameter overridden, or null when that
 * scenario is invalid (a probability above 1) or unsolvable. Only two curve points are computed:
 * the last is the mission time, enough for R(mission).
 */
export function measureAt(
  text: string,
  scenario: Scenario,
  measure: MeasureKey,
  parameter: string,
  value: number,
): number | null {
  const loaded = loadScenario(text, { ...scenario.overrides, [parameter]: value });
  if (!loaded.ok) return null;
  const solution = solveModel(loaded.model, scenario.missionTime, 2);
  return solution.ok ? (measureValue(solution.result, measure) ?? null) : null;
}

/**
 * Returns the tornado rows of the parameters: each set to its value × (1 ∓ percent/100)
 * (probabilities capped at 1, counts rounded and moved by at least 1), largest swing first.
 */
export function tornado(
  text: string,
  scenario: Scenario,
  measure: MeasureKey,
  parameters: readonly {
    readonly name: string;
    readonly value: number;
    readonly control: ParameterControl;
  }[],
  percent: number,
): TornadoRow[] {
  const rows = parameters.map(({ name, value, control }): TornadoRow => {
    let lowValue = value * (1 - percent / 100);
    let highValue = value * (1 + percent / 100);
    if (control.scale === 'probability') highValue = Math.min(1, highValue);
    if (control.scale === 'integer') {
      lowValue = Math.min(value - 1, Math.round(lowValue));
      highValue = Math.max(value + 1, Math.round(highValue));
    }
    return {
      parameter: name,
      lowValue,
      highValue,
      low: measureAt(text, scenario, measure, name, lowValue),
      high: measureAt(text, scenario, measure, name, highValue),
    };
  });
  const swing = (row: TornadoRow) =>
    row.low === null || row.high === null ? -1 : Math.abs(row.high - row.low);
  return rows.sort((a, b) => swing(b) - swing(a));
}

/** Returns the measure at `count` values of one parameter over its slider range. */
export function sweep(
  text: string,
  scenario: Scenario,
  measure: MeasureKey,
  control: ParameterControl,
  count: number,
): Sweep {
  const x = sweepValues(control, count);
  return {
    parameter: control.name,
    x,
    y: x.map((value) => measureAt(text, scenario, measure, control.name, value)),
  };
}
