/**
 * The "Cut sets and importance" panel of the current scenario (#ft-panel): the count of minimal
 * cut sets (or prime implicants) with the most probable ones, and the six importance factors of
 * every event or unit (or, chosen, of every component as the group of its units) in a table
 * sorted by a click on a column header. Hidden when the result has neither.
 */
import { cutSetSummary } from '../compute/cutSets.js';
import {
  DEFAULT_IMPORTANCE_SORT,
  importanceBasis,
  importanceRows,
  importanceSubject,
  nextImportanceSort,
  sortImportanceRows,
  type ImportanceSort,
} from '../compute/importance.js';
import type { AppState, Store } from '../state/store.js';
import { byId } from '../views/dom.js';
import { renderCutSets, renderImportanceTable } from '../views/faultTreeTables.js';
import { createLevelChoice } from './importanceLevel.js';

/** The panel's handle for the composition root. */
export interface FaultTreePanel {
  /** Shows the cut sets and importance of the solved live scenario. */
  readonly draw: (state: AppState) => void;
}

/**
 * Returns the panel of index.html; the table's order is the page's, kept across scenarios; its
 * level menu (per unit, per component) goes through `store`.
 */
export function createFaultTreePanel(store: Store): FaultTreePanel {
  const panel = byId('ft-panel');
  const cutSets = byId('cut-sets');
  const tableWrap = byId('importance-block');
  const levelOf = createLevelChoice(store, 'table-level-chooser', 'table-importance-level');
  const table = byId<HTMLTableElement>('importance-table');
  const basis = byId('ft-basis');
  let sort: ImportanceSort = DEFAULT_IMPORTANCE_SORT;
  let last: AppState | undefined;

  const draw = (state: AppState): void => {
    last = state;
    const solution = state.exploration?.solution;
    const result = solution?.ok ? solution.result : undefined;
    const summary = result && cutSetSummary(result);
    const level = levelOf(state);
    const rows = result && importanceRows(result, level);
    panel.hidden = !summary && !rows;
    if (!result || (!summary && !rows)) return;
    cutSets.hidden = !summary;
    if (summary) renderCutSets(cutSets, summary);
    tableWrap.hidden = !rows;
    basis.textContent = rows ? `importance ${importanceBasis(result)}` : '';
    if (rows) {
      const onSort = (key: Parameters<typeof nextImportanceSort>[1]) => {
        sort = nextImportanceSort(sort, key);
        if (last) draw(last);
        // The table was rebuilt: keep the keyboard on the header just used.
        table.querySelector<HTMLButtonElement>(`th[data-key="${key}"] button`)?.focus();
      };
      renderImportanceTable(
        table,
        sortImportanceRows(rows, sort),
        sort,
        importanceSubject(result, level),
        onSort,
      );
    }
  };
  return { draw };
}
