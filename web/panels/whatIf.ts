/**
 * The what-if panel: the failure distribution of a component, the tornado chart of a measure and
 * its sweep over one parameter, with their menus (#plot-distribution, #plot-tornado,
 * #plot-sweep). The worker computes them after the numbers. A model without an exact solution
 * gets a note saying why there is no tornado and what is done instead (#whatif-note), and its
 * sweep by simulation (web/panels/simulatedSweep.ts). (The importance chart beside them:
 * web/panels/importance.ts.)
 */
import { emptyLayout } from '../charts/layout.js';
import {
  distributionLayout,
  distributionTraces,
  measureTitle,
  sweepLayout,
  sweepTraces,
  tornadoLayout,
  tornadoTraces,
} from '../charts/whatIfTraces.js';
import { MEASURE_LABELS, measureValue, type MeasureKey } from '../compute/measures.js';
import {
  AWAITING_EXACT,
  AWAITING_SIMULATION,
  NO_EXACT_MEASURE,
  NO_EXACT_WHAT_IF,
} from '../state/methods.js';
import { chosenMeasure, offeredMeasures } from '../state/selectors.js';
import type { AppState, Store } from '../state/store.js';
import { byId, fillSelect } from '../views/dom.js';
import { addDownloadButtons, drawPlot } from './plot.js';
import { createSimulatedSweepPanel } from './simulatedSweep.js';

/** The tornado's text for a model without an exact solution: the panel's note says more. */
const NO_EXACT_TORNADO = 'no tornado without an exact solution: see the note above';

/** The panel's handle for the composition root. */
export interface WhatIfPanel {
  /** Offers the measures, components and parameters of the solved model in the menus. */
  readonly showChoices: (state: AppState) => void;
  /** Draws the what-if charts of the state (nothing before the worker has computed them). */
  readonly draw: (state: AppState) => void;
  /** Follows the simulation of a model without an exact solution: its measures, its sweep. */
  readonly showSimulated: (state: AppState) => void;
  /** Stops a simulated sweep: the scenario or the chart's settings changed. */
  readonly stopSimulation: () => void;
}

/**
 * Wires the what-if charts and their menus; a menu change goes through `store`. A simulated
 * sweep runs on `worker` (the simulation worker).
 */
export function createWhatIfPanel(store: Store, worker: Worker): WhatIfPanel {
  const simulatedSweep = createSimulatedSweepPanel(store, worker);
  const measureSelect = byId<HTMLSelectElement>('measure-select');
  const componentSelect = byId<HTMLSelectElement>('component-select');
  const sweepSelect = byId<HTMLSelectElement>('sweep-select');
  const percent = byId<HTMLInputElement>('tornado-percent');
  const note = byId('whatif-note');

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
  for (const id of ['plot-distribution', 'plot-tornado', 'plot-sweep']) {
    addDownloadButtons(id);
  }

  const showChoices = (state: AppState): void => {
    const exploration = state.exploration;
    if (!exploration) return;
    // Without an exact solution the menu offers the simulated measures (for the simulated
    // sweep) once there are, else says why it offers nothing; the note says what is done.
    const exact = exploration.solution.ok;
    const waiting = state.solving !== undefined;
    const measures = offeredMeasures(state);
    note.hidden = exact || waiting;
    note.textContent = exact || waiting ? '' : NO_EXACT_WHAT_IF;
    fillSelect(
      measureSelect,
      measures.length > 0
        ? measures.map((key) => [key, MEASURE_LABELS[key]])
        : [['', exact ? NO_EXACT_MEASURE : waiting ? AWAITING_EXACT : AWAITING_SIMULATION]],
      chosenMeasure(state),
    );
    fillSelect(
      componentSelect,
      exploration.components.map((c) => [c.name, c.name]),
      state.view.component,
    );
    const varied = exploration.parameters.filter((p) => !p.isExpression);
    fillSelect(
      sweepSelect,
      varied.map((p) => [p.name, p.name]),
      state.view.sweep,
    );
    // A menu with nothing to choose is disabled rather than shown empty.
    componentSelect.disabled = exploration.components.length === 0;
    // The tornado's percentage needs an exact solution; the sweep can be simulated.
    percent.disabled = varied.length === 0 || !exact;
    measureSelect.disabled = varied.length === 0 || measures.length === 0;
    sweepSelect.disabled = varied.length === 0 || waiting;
  };

  const draw = (state: AppState): void => {
    const { exploration, extras } = state;
    if (!exploration) return;
    // A model without an exact solution gets its sweep by simulation, on request.
    const simulatedOnly = !exploration.solution.ok && !state.solving;
    simulatedSweep.draw(state, simulatedOnly);
    if (state.solving) {
      for (const id of ['plot-distribution', 'plot-tornado', 'plot-sweep']) {
        void drawPlot(id, [], emptyLayout('drawn once the exact solution is in'));
      }
      return;
    }
    if (!extras) return;
    const unit = exploration.timeUnit;
    const title = measureTitle(extras.measure, unit);
    const base = exploration.solution.ok
      ? measureValue(exploration.solution.result, extras.measure)
      : undefined;
    void drawPlot(
      'plot-distribution',
      extras.distribution ? distributionTraces(extras.distribution) : [],
      extras.distribution
        ? distributionLayout(extras.distribution, unit)
        : emptyLayout('no component or event has failure times'),
    );
    if (extras.skipped !== undefined) {
      // No exact solution (the note above says what to do instead), or one too slow to repeat
      // dozens of times: say so, no empty axes.
      void drawPlot(
        'plot-tornado',
        [],
        emptyLayout(simulatedOnly ? NO_EXACT_TORNADO : extras.skipped),
      );
      if (!simulatedOnly) void drawPlot('plot-sweep', [], emptyLayout(extras.skipped));
      return;
    }
    const varied = exploration.parameters.some((p) => !p.isExpression);
    if (!varied || base === undefined) {
      // Nothing to vary, or no measure to show: say which rather than draw empty axes (a fault
      // tree of fixed probabilities has P(top) but may have no parameter to move it).
      const note = varied
        ? 'no scalar measure to chart for this model'
        : 'this model has no parameters to vary';
      void drawPlot('plot-tornado', [], emptyLayout(note));
      void drawPlot('plot-sweep', [], emptyLayout(note));
      return;
    }
    void drawPlot(
      'plot-tornado',
      tornadoTraces(extras.tornado, base, state.view.tornadoPercent),
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

  const showSimulated = (state: AppState): void => {
    if (state.exploration?.solution.ok !== false || state.solving) return;
    showChoices(state);
    simulatedSweep.draw(state, true);
  };

  return { showChoices, draw, showSimulated, stopSimulation: simulatedSweep.stop };
}
