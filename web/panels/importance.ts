/**
 * The importance chart (#plot-importance), its factor menu and its level menu: one bar per event
 * or unit of the result's own `importance` (exact, from the solver), or per component of its
 * `componentImportance` (each component as the group of its units), or, for a model whose result
 * has neither (dependent units, standby blocks), the library's `componentImportance` from the
 * worker's extras: the Birnbaum importance of each component as a group, with standby blocks
 * taken as parallel redundancy, and the title says so.
 */
import {
  componentImportanceLayout,
  componentImportanceTraces,
  factorBars,
  factorLayout,
  IMPORTANCE_BARS,
} from '../charts/importanceTraces.js';
import { emptyLayout } from '../charts/layout.js';
import {
  IMPORTANCE_KEYS,
  IMPORTANCE_LABELS,
  importanceBasis,
  importanceRows,
  importanceSubject,
  importanceWarning,
  type ImportanceKey,
} from '../compute/importance.js';
import { chosenImportanceFactor } from '../state/selectors.js';
import type { AppState, Store } from '../state/store.js';
import { byId, fillSelect } from '../views/dom.js';
import { createLevelChoice } from './importanceLevel.js';
import { addDownloadButtons, drawPlot } from './plot.js';

/** The panel's handle for the composition root. */
export interface ImportancePanel {
  /**
   * Draws the importance of the state: the result's factors, else, once the what-if charts have
   * come (`withExtras`; before, the extras are the last model's), the worker's component sums.
   */
  readonly draw: (state: AppState, withExtras: boolean) => void;
}

/** Wires the chart and its factor menu; a menu change goes through `store`. */
export function createImportancePanel(store: Store): ImportancePanel {
  const select = byId<HTMLSelectElement>('importance-factor');
  const chooser = byId('importance-chooser');
  const title = byId('importance-title');
  const notes = byId('importance-notes');
  fillSelect(
    select,
    IMPORTANCE_KEYS.map((key) => [key, IMPORTANCE_LABELS[key]]),
    chosenImportanceFactor(store.get()),
  );
  select.addEventListener('change', () =>
    store.dispatch({ type: 'setImportanceFactor', factor: select.value as ImportanceKey }),
  );
  const levelOf = createLevelChoice(store, 'importance-level-chooser', 'importance-level');
  addDownloadButtons('plot-importance');

  const draw = (state: AppState, withExtras: boolean): void => {
    const solution = state.exploration?.solution;
    if (!solution) return;
    const result = solution.ok ? solution.result : undefined;
    const level = levelOf(state);
    const rows = result && importanceRows(result, level);
    if (result && rows) {
      chooser.hidden = false;
      const key = chosenImportanceFactor(state);
      select.value = key;
      const bars = factorBars(rows, key);
      const subject = importanceSubject(result, level);
      title.textContent = `Importance of each ${subject}`;
      title.dataset.source = 'result';
      const shown = Math.min(bars.valued, IMPORTANCE_BARS);
      notes.textContent = [
        `${IMPORTANCE_LABELS[key]} ${importanceBasis(result)}`,
        ...(level === 'component'
          ? [
              'each component as the group of its units (I_B = Q(all failed) − Q(all working), RAW with all failed, RRW with all perfect): not sums over the units',
            ]
          : []),
        ...(shown < bars.valued ? [`the ${shown} largest of ${bars.valued}`] : []),
        ...(bars.unvalued.length > 0
          ? [`no value (–) for ${bars.unvalued.length} ${subject}(s): ${bars.unvalued.join(', ')}`]
          : []),
      ].join('; ');
      void drawPlot(
        'plot-importance',
        bars.valued > 0 ? bars.data : [],
        bars.valued > 0
          ? factorLayout(key, bars)
          : emptyLayout(`no ${subject} has a value of ${IMPORTANCE_LABELS[key]}`),
      );
      return;
    }
    // The fallback comes with the what-if charts, after the numbers (of a long solve: after it).
    if (!withExtras && !state.solving) return;
    chooser.hidden = true;
    if (state.solving) {
      title.dataset.source = 'none';
      title.textContent = 'Importance';
      notes.textContent = '';
      void drawPlot('plot-importance', [], emptyLayout('drawn once the exact solution is in'));
      return;
    }
    const summed = state.extras?.importance;
    title.dataset.source = summed ? 'components' : 'none';
    title.textContent = summed
      ? `Birnbaum importance of each component, its units as a group (${summed.basis})`
      : 'Importance';
    const reason = result && importanceWarning(result);
    notes.textContent = [...(summed?.notes ?? []), ...(reason ? [reason] : [])].join('; ');
    void drawPlot(
      'plot-importance',
      summed ? componentImportanceTraces(summed) : [],
      summed ? componentImportanceLayout() : emptyLayout('no importance for this model'),
    );
  };
  return { draw };
}
