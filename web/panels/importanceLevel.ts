/**
 * A "per unit / per component" menu of the importance views (chart, table, diagram): each view
 * has its own, all showing the one level of the state; shown only when the result has factors
 * per component (a block model in which some component has several units).
 */
import {
  hasComponentImportance,
  IMPORTANCE_LEVELS,
  type ImportanceLevel,
} from '../compute/importance.js';
import { chosenImportanceLevel } from '../state/selectors.js';
import type { AppState, Store } from '../state/store.js';
import { byId, fillSelect } from '../views/dom.js';

/**
 * Wires the menu `selectId` inside the element `chooserId`; a change goes through `store`.
 * Returns the function that shows it for a state and returns the level to draw.
 */
export function createLevelChoice(
  store: Store,
  chooserId: string,
  selectId: string,
): (state: AppState) => ImportanceLevel {
  const chooser = byId(chooserId);
  const select = byId<HTMLSelectElement>(selectId);
  fillSelect(select, IMPORTANCE_LEVELS, 'unit');
  select.addEventListener('change', () =>
    store.dispatch({ type: 'setImportanceLevel', level: select.value as ImportanceLevel }),
  );
  return (state) => {
    const solution = state.exploration?.solution;
    chooser.hidden = !hasComponentImportance(solution?.ok ? solution.result : undefined);
    const level = chosenImportanceLevel(state);
    select.value = level;
    return level;
  };
}
