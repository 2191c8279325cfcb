/**
 * The parameters panel: a slider and number field per parameter and for the mission time, and
 * Reset all (#parameters). Its controls are built by web/views/parameters.ts.
 */
import { parameterValues, missionValues } from '../state/selectors.js';
import type { AppState, Store } from '../state/store.js';
import { byId } from '../views/dom.js';
import { createParameterView, MISSION } from '../views/parameters.js';

/** The panel's handle for the composition root. */
export interface ParametersPanel {
  /** Shows the solved model's parameters with the state's values. */
  readonly draw: (state: AppState) => void;
}

/** Wires the parameter controls and Reset all to `store`. */
export function createParametersPanel(store: Store): ParametersPanel {
  const view = createParameterView(byId('parameters'), (name, value) =>
    store.dispatch(
      name === MISSION ? { type: 'setMissionTime', value } : { type: 'setParameter', name, value },
    ),
  );
  byId('reset-all').addEventListener('click', () => store.dispatch({ type: 'resetAll' }));
  return {
    draw: (state) => {
      if (!state.exploration) return;
      view.update(parameterValues(state), state.exploration.timeUnit, missionValues(state));
    },
  };
}
