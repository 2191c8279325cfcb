/**
 * The numbers panel: the table of the current scenario beside every pin (renamed and removed in
 * its column header) and beside its simulation, why no exact method applies when none does, the
 * simulation's warnings, and the button that pins the scenario (#numbers, #solver-message,
 * #method-notes, #pin-button).
 */
import { plainLibraryNote } from '../compute/plainWords.js';
import { columns } from '../state/selectors.js';
import type { AppState, Store } from '../state/store.js';
import { renderCompare } from '../views/compare.js';
import { byId, h } from '../views/dom.js';
import { exactFigures, simulatedFigures } from '../compute/headlineFigures.js';
import { renderHeadline } from '../views/headline.js';

/** The panel's handle for the composition root. */
export interface NumbersPanel {
  /** Shows the numbers of the solved scenarios and of the current simulation. */
  readonly draw: (state: AppState) => void;
}

/** Wires the pin controls to `store`. */
export function createNumbersPanel(store: Store): NumbersPanel {
  const table = byId<HTMLTableElement>('numbers');
  const message = byId('solver-message');
  const headline = byId('headline');
  const notes = byId('method-notes');
  byId('pin-button').addEventListener('click', () => store.dispatch({ type: 'pin' }));
  return {
    draw: (state) => {
      const exploration = state.exploration;
      if (!exploration) return;
      const solution = exploration.solution;
      // Not an error: the page says once, in plain words, why the numbers are estimates.
      message.hidden = solution.ok;
      message.className = 'method-note';
      message.textContent = solution.ok ? '' : solution.message;
      // Exact figures when there are; a model only the simulator solves gets the simulated ones.
      renderHeadline(
        headline,
        solution.ok
          ? exactFigures(solution.numbers, exploration.timeUnit)
          : state.simulated
            ? simulatedFigures(state.simulated)
            : [],
      );
      renderCompare(
        table,
        columns(state),
        exploration.timeUnit,
        (id, name) => store.dispatch({ type: 'renamePin', id, name }),
        (id) => store.dispatch({ type: 'removePin', id }),
      );
      const warnings = (state.simulated?.warnings ?? []).map(plainLibraryNote).filter(Boolean);
      notes.hidden = warnings.length === 0;
      notes.replaceChildren(
        ...warnings.map((warning) => h('li', { text: `simulation: ${warning}` })),
      );
    },
  };
}
