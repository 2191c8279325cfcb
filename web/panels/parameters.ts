/**
 * The parameters panel: a slider and number field per parameter and for the mission time, a
 * checkbox per house event of a fault tree, and Reset all (#parameters, #house-events). Its
 * controls are built by web/views/parameters.ts and web/views/houseEvents.ts.
 */
import {
  houseEventOverride,
  houseEventValues,
  missionValues,
  parameterValues,
} from '../state/selectors.js';
import type { AppState, Store } from '../state/store.js';
import { byId } from '../views/dom.js';
import { createHouseEventView } from '../views/houseEvents.js';
import { createParameterView, MISSION } from '../views/parameters.js';

/** The panel's handle for the composition root. */
export interface ParametersPanel {
  /** Shows the solved model's parameters and house events with the state's values. */
  readonly draw: (state: AppState) => void;
}

/** Wires the parameter controls, house events and Reset all to `store`. */
export function createParametersPanel(store: Store): ParametersPanel {
  const view = createParameterView(byId('parameters'), (name, value) =>
    store.dispatch(
      name === MISSION ? { type: 'setMissionTime', value } : { type: 'setParameter', name, value },
    ),
  );
  // A house event is overridden like a parameter (1 occurs, 0 not), so pins and links keep it.
  const houseEvents = createHouseEventView(byId('house-events'), (event, occurs) =>
    store.dispatch({
      type: 'setParameter',
      name: event.name,
      value: houseEventOverride(event, occurs),
    }),
  );
  byId('reset-all').addEventListener('click', () => store.dispatch({ type: 'resetAll' }));
  const systemChoice = byId('system-choice');
  const systemSelect = byId<HTMLSelectElement>('system-select');
  const consistency = byId('system-consistency');
  // A model with several systems (systems:, quorum:) shows one; the choice is the scenario's, so
  // pins and links keep it.
  systemSelect.addEventListener('change', () =>
    store.dispatch({ type: 'setSystem', value: systemSelect.value }),
  );
  return {
    draw: (state) => {
      if (!state.exploration) return;
      const { systems, system } = state.exploration;
      systemChoice.hidden = systems === undefined;
      if (systems !== undefined) {
        const names = [...systemSelect.options].map((option) => option.value);
        if (names.join('\n') !== systems.join('\n')) {
          systemSelect.replaceChildren(...systems.map((name) => new Option(name, name)));
        }
        systemSelect.value = system ?? systems[0] ?? '';
      }
      consistency.hidden = state.exploration.consistency === undefined;
      consistency.textContent = state.exploration.consistency ?? '';
      view.update(parameterValues(state), state.exploration.timeUnit, missionValues(state));
      houseEvents.update(houseEventValues(state));
    },
  };
}
