/**
 * The what-if panel: the failure distribution of a component, Birnbaum importance, the tornado
 * chart of a measure and its sweep over one parameter, with their menus (#plot-distribution,
 * #plot-importance, #plot-tornado, #plot-sweep). The worker computes them after the numbers.
 */
import {
  distributionLayout,
  distributionTraces,
  importanceLayout,
  importanceTraces,
  measureTitle,
  sweepLayout,
  sweepTraces,
  tornadoLayout,
  tornadoTraces,
} from '../charts/whatIfTraces.js';
import { MEASURE_LABELS, measureValue, type MeasureKey } from '../compute/measures.js';
import { chosenMeasure } from '../state/selectors.js';
import type { AppState, Store } from '../state/store.js';
import { byId, fillSelect } from '../views/dom.js';
import { addDownloadButtons, drawPlot } from './plot.js';

/** The panel's handle for the composition root. */
export interface WhatIfPanel {
  /** Offers the measures, components and parameters of the solved model in the menus. */
  readonly showChoices: (state: AppState) => void;
  /** Draws the what-if charts of the state (nothing before the worker has computed them). */
  readonly draw: (state: AppState) => void;
}

/** Wires the what-if charts and their menus; a menu change goes through `store`. */
export function createWhatIfPanel(store: Store): WhatIfPanel {
  const measureSelect = byId<HTMLSelectElement>('measure-select');
  const componentSelect = byId<HTMLSelectElement>('component-select');
  const sweepSelect = byId<HTMLSelectElement>('sweep-select');
  const percent = byId<HTMLInputElement>('tornado-percent');

  measureSelect.addEventListener('change', () =>
    store.dispatch({
      type: 'setWhatIf',
      settings: { measure: measureSelect.value as MeasureKey },
    }),
  );
  componentSelect.addEventListener('change', () =>
    store.dispatch({ type: 'setWhatIf', settings: { component: componentSelect.value } }),
  );
  sweepSelect.addEventListener('change', () =>
    store.dispatch({ type: 'setWhatIf', settings: { sweep: sweepSelect.value } }),
  );
  percent.value = String(store.get().view.tornadoPercent);
  percent.addEventListener('change', () => {
    const value = Number(percent.value);
    if (value > 0 && value < 100) {
      store.dispatch({ type: 'setWhatIf', settings: { tornadoPercent: value } });
    }
  });
  for (const id of ['plot-distribution', 'plot-importance', 'plot-tornado', 'plot-sweep']) {
    addDownloadButtons(id);
  }

  const showChoices = (state: AppState): void => {
    const exploration = state.exploration;
    if (!exploration) return;
    fillSelect(
      measureSelect,
      exploration.measures.map((key) => [key, MEASURE_LABELS[key]]),
      chosenMeasure(state),
    );
    fillSelect(
      componentSelect,
      exploration.components.map((c) => [c.name, c.name]),
      state.view.component,
    );
    fillSelect(
      sweepSelect,
      exploration.parameters.filter((p) => !p.isExpression).map((p) => [p.name, p.name]),
      state.view.sweep,
    );
  };

  const draw = (state: AppState): void => {
    const { exploration, extras } = state;
    if (!exploration || !extras) return;
    const unit = exploration.timeUnit;
    const title = measureTitle(extras.measure, unit);
    const base = exploration.solution.ok
      ? measureValue(exploration.solution.result, extras.measure)
      : undefined;
    if (extras.distribution) {
      void drawPlot(
        'plot-distribution',
        distributionTraces(extras.distribution),
        distributionLayout(extras.distribution, unit),
      );
    }
    const importance = extras.importance;
    byId('importance-title').textContent = importance
      ? `Birnbaum importance (${importance.basis})`
      : 'Birnbaum importance';
    byId('importance-notes').textContent = importance?.notes.join('; ') ?? '';
    void drawPlot(
      'plot-importance',
      importance ? importanceTraces(importance) : [],
      importanceLayout(),
    );
    void drawPlot(
      'plot-tornado',
      base === undefined ? [] : tornadoTraces(extras.tornado, base, state.view.tornadoPercent),
      tornadoLayout(title, base),
    );
    const swept = extras.sweep;
    const parameter = exploration.parameters.find((p) => p.name === swept?.parameter);
    void drawPlot(
      'plot-sweep',
      swept && parameter ? sweepTraces(swept, parameter.value, base) : [],
      sweepLayout(swept, parameter?.control.scale === 'log', extras.measure, title),
    );
  };

  return { showChoices, draw };
}
