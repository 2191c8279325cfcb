/**
 * The numbers panel: the table of the current scenario beside every pin (renamed and removed in
 * its column header), the solver's message when it cannot solve the model, and the button that
 * pins the scenario (#numbers, #solver-message, #pin-button).
 */
import { columns } from '../state/selectors.js';
import type { AppState, Store } from '../state/store.js';
import { renderCompare } from '../views/compare.js';
import { byId } from '../views/dom.js';
import { renderHeadline } from '../views/headline.js';

/** The panel's handle for the composition root. */
export interface NumbersPanel {
  /** Shows the numbers of the solved scenarios. */
  readonly draw: (state: AppState) => void;
}

/** Wires the pin controls to `store`. */
export function createNumbersPanel(store: Store): NumbersPanel {
  const table = byId<HTMLTableElement>('numbers');
  const message = byId('solver-message');
  const headline = byId('headline');
  byId('pin-button').addEventListener('click', () => store.dispatch({ type: 'pin' }));
  return {
    draw: (state) => {
      const exploration = state.exploration;
      if (!exploration) return;
      const solution = exploration.solution;
      message.hidden = solution.ok;
      message.textContent = solution.ok ? '' : solution.message;
      renderHeadline(headline, solution.ok ? solution.numbers : undefined);
      renderCompare(
        table,
        columns(state),
        exploration.timeUnit,
        (id, name) => store.dispatch({ type: 'renamePin', id, name }),
        (id) => store.dispatch({ type: 'removePin', id }),
      );
    },
  };
}
