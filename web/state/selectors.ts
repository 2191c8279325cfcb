/**
 * What the panels and the worker requests read from the application state: pure functions of
 * it, unit-tested.
 */
import { SERIES_COLORS } from '../charts/curveTraces.js';
import type { ExtrasRequest, HouseEventInfo, ParameterInfo } from '../compute/explore.js';
import {
  hasComponentImportance,
  type ImportanceKey,
  type ImportanceLevel,
} from '../compute/importance.js';
import { availableMeasures, type MeasureKey } from '../compute/measures.js';
import type { Solution } from '../compute/solve.js';
import type { Result } from '../../src/index.js';
import { whatIfSkipReason } from './methods.js';
import { pinnedResult } from './pinnedSimulation.js';
import type { Pin } from './pins.js';
import type { AppState } from './store.js';
import type { ExplorerState } from './urlState.js';

/** A scenario as the numbers table, the curves and the result files show it. */
export interface Column {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly solution: Solution;
  /** Its simulated results: the live run's, or those the pin kept (web/state/pinnedSimulation.ts). */
  readonly simulated?: Result;
  readonly pin?: Pin;
}

/**
 * Returns the live scenario (`live`, first colour) and every pin, with their solutions and
 * simulated results.
 */
export function columns(state: AppState): Column[] {
  const exploration = state.exploration;
  if (!exploration) return [];
  const live: Column = {
    id: 'live',
    name: 'current',
    color: SERIES_COLORS[0]!,
    solution: exploration.solution,
    ...(state.simulated && { simulated: state.simulated }),
  };
  return [
    live,
    ...state.pins.map((pin, i): Column => ({
      id: pin.id,
      name: pin.name,
      color: SERIES_COLORS[(i + 1) % SERIES_COLORS.length]!,
      solution: exploration.pins.find((p) => p.id === pin.id)?.solution ?? {
        ok: false,
        message: 'not solved yet',
      },
      ...(pin.simulated && {
        simulated: pinnedResult(pin.simulated, pin.name, exploration.timeUnit),
      }),
      pin,
    })),
  ];
}

/** Returns the measure of the tornado and sweep: the chosen one if offered, else the first offered. */
export function chosenMeasure(state: AppState): MeasureKey {
  const measures = offeredMeasures(state);
  const wanted = state.view.measure;
  return wanted !== undefined && measures.includes(wanted) ? wanted : (measures[0] ?? 'mttf');
}

/**
 * Returns the measures the what-if menu offers: the exact solution's, or for a model without one
 * (not waiting for it) those its simulation estimates, which its simulated sweep can chart.
 */
export function offeredMeasures(state: AppState): readonly MeasureKey[] {
  const exploration = state.exploration;
  if (!exploration) return [];
  if (exploration.solution.ok || state.solving) return exploration.measures;
  return state.simulated ? availableMeasures(state.simulated) : [];
}

/** Returns the request of the what-if charts for the state's view settings. */
export function extrasRequest(state: AppState): ExtrasRequest {
  const skipSolves = whatIfSkipReason(state.exploration?.solution);
  const horizon = state.simulated?.horizon ?? state.exploration?.fileMissionTime;
  return {
    ...(skipSolves !== undefined && { skipSolves }),
    ...(skipSolves !== undefined && horizon !== undefined && { horizon }),
    measure: chosenMeasure(state),
    ...(state.view.component !== undefined && { component: state.view.component }),
    ...(state.view.sweep !== undefined && { sweep: state.view.sweep }),
    tornadoPercent: state.view.tornadoPercent,
  };
}

/**
 * Returns the parameters of the last solved model with the state's values. Values come from the
 * state, not the answer: while a drag runs ahead of the worker, an older answer must not pull the
 * number field back.
 */
export function parameterValues(state: AppState): ParameterInfo[] {
  return (state.exploration?.parameters ?? []).map((p) => ({
    ...p,
    value: p.isExpression ? p.value : (state.overrides[p.name] ?? p.fileValue),
  }));
}

/** A house event with whether it occurs in the live scenario. */
export interface HouseEventValue extends HouseEventInfo {
  readonly occurs: boolean;
}

/**
 * Returns the house events of the last solved model with the state's values (an override 1: the
 * event occurs, 0: it does not; none: the file's value), like {@link parameterValues}.
 */
export function houseEventValues(state: AppState): HouseEventValue[] {
  return (state.exploration?.houseEvents ?? []).map((event) => {
    const override = state.overrides[event.name];
    return { ...event, occurs: override === undefined ? event.fileValue : override !== 0 };
  });
}

/**
 * Returns the override that makes a house event occur or not: none when that is the file's
 * value (the link and the pin stay as short as the file allows), else 1 or 0.
 */
export function houseEventOverride(event: HouseEventInfo, occurs: boolean): number | undefined {
  if (occurs === event.fileValue) return undefined;
  return occurs ? 1 : 0;
}

/**
 * Returns the level of the importance views: per component when chosen and the solved result has
 * factors per component, else per unit (or event).
 */
export function chosenImportanceLevel(state: AppState): ImportanceLevel {
  const solution = state.exploration?.solution;
  const result = solution?.ok ? solution.result : undefined;
  return state.view.importanceLevel === 'component' && hasComponentImportance(result)
    ? 'component'
    : 'unit';
}

/** Returns the factor of the importance chart: the chosen one, else Birnbaum. */
export function chosenImportanceFactor(state: AppState): ImportanceKey {
  return state.view.importance ?? 'birnbaum';
}

/** The mission time shown, the value ↺ returns to, and whether that value is the file's. */
export interface MissionValues {
  readonly value: number;
  readonly base: number;
  /** False when the file gives no mission time: `base` is the solver's default horizon. */
  readonly fromFile: boolean;
}

/**
 * Returns the mission time to show and its value in the file (else the solved one), or undefined
 * when the model has none: a fault tree whose events all have fixed probabilities does not
 * depend on time.
 */
export function missionValues(state: AppState): MissionValues | undefined {
  const exploration = state.exploration;
  const solution = exploration?.solution;
  // Without an exact solution: the file's mission time, else the simulated horizon.
  const mission = solution?.ok
    ? solution.numbers.missionTime
    : (state.missionTime ?? exploration?.fileMissionTime ?? state.simulated?.horizon);
  if (mission === undefined || !Number.isFinite(mission)) return undefined;
  return {
    value: state.missionTime ?? mission,
    base: exploration?.fileMissionTime ?? mission,
    fromFile: exploration?.fileMissionTime !== undefined,
  };
}

/**
 * Returns what a link holds of the state: the model text only when it differs from its example's
 * (`exampleText`), so a link to an example stays short.
 */
export function linkState(state: AppState, exampleText: string): ExplorerState {
  return {
    example: state.example,
    ...(state.text !== exampleText && { text: state.text }),
    overrides: state.overrides,
    ...(state.missionTime !== undefined && { missionTime: state.missionTime }),
    ...(state.system !== undefined && { system: state.system }),
    pins: state.pins,
    view: state.view,
  };
}
