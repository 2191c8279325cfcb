/**
 * The optimise panel's work: the value of one parameter, over a range, at which a scalar measure
 * of the scenario's model is least or greatest, by the library's `optimizeParameter` (exact:
 * closed forms, else the Markov engine within the page's chain limit) on the parsed model.
 */
import { optimizeParameter, type OptimizeResult } from '../../src/index.js';
import type { Scenario } from '../state/pins.js';
import { PAGE_STATE_LIMIT } from './plainWords.js';
import { parseText } from './template.js';

/** What the panel asks: the parameter and its range, the measure and the goal. */
export interface OptimizeRequest {
  readonly parameter: string;
  readonly lo: number;
  readonly hi: number;
  readonly measure: string;
  readonly goal: 'minimize' | 'maximize';
  /**
   * `log` for a parameter on a log slider (a geometric grid, searching ln x); `integer` for a
   * count (every whole value evaluated).
   */
  readonly scale: 'linear' | 'log' | 'integer';
}

/** The optimum, or why there is none (an invalid model or range, an unsolvable point). */
export type OptimizeOutcome =
  | { readonly ok: true; readonly result: OptimizeResult }
  | { readonly ok: false; readonly message: string };

/**
 * Returns the optimum of the request on the scenario's model (the other parameters at the
 * scenario's values, the horizon its mission time); every error becomes a message.
 */
export function optimizeScenario(
  text: string,
  scenario: Scenario,
  request: OptimizeRequest,
): OptimizeOutcome {
  const parsed = parseText(text);
  if (!parsed.ok) return { ok: false, message: 'the model has problems: see the model pane' };
  try {
    const systems = parsed.file.ok ? parsed.file.model.systems : undefined;
    const shown = systems?.find((entry) => entry.name === scenario.system) ?? systems?.[0];
    const result = optimizeParameter(parsed.template, {
      ...request,
      overrides: scenario.overrides,
      ...(shown && { system: shown.name }),
      exact: {
        // Only scalar measures are read: two curve points, the last at the mission time.
        points: 2,
        maxStates: PAGE_STATE_LIMIT,
        ...(scenario.missionTime !== undefined && { horizon: scenario.missionTime }),
      },
    });
    return { ok: true, result };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
