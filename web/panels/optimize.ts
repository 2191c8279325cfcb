/**
 * The optimise panel: a parameter, its range (the slider's by default), a scalar measure of the
 * exact result and a goal; Run asks the worker for the library's `optimizeParameter` and shows
 * the optimum, its warnings and the measure over the points evaluated (#plot-optimize).
 */
import { scalarMeasureNames } from '../../src/index.js';
import { emptyLayout } from '../charts/layout.js';
import { optimizeLayout, optimizeTraces } from '../charts/optimizeTraces.js';
import type { OptimizeOutcome, OptimizeRequest } from '../compute/optimize.js';
import {
  AWAITING_EXACT,
  NO_EXACT_MEASURE,
  NO_EXACT_OPTIMIZE,
  NO_EXACT_OPTIMIZE_PLOT,
} from '../state/methods.js';
import { scenarioOf, type AppState, type Store } from '../state/store.js';
import { byId, fillSelect, h } from '../views/dom.js';
import { formatNumber } from '../views/format.js';
import type { WorkerRequest, WorkerResponse } from '../workerProtocol.js';
import { addDownloadButtons, drawPlot } from './plot.js';

/** The panel's handle for the composition root. */
export interface OptimizePanel {
  /** Offers the parameters and the scalar measures of the solved model. */
  readonly showChoices: (state: AppState) => void;
}

/** Wires the optimise controls; the optimisation runs on `worker`. */
export function createOptimizePanel(store: Store, worker: Worker): OptimizePanel {
  const parameterSelect = byId<HTMLSelectElement>('optimize-parameter');
  const lo = byId<HTMLInputElement>('optimize-lo');
  const hi = byId<HTMLInputElement>('optimize-hi');
  const measureSelect = byId<HTMLSelectElement>('optimize-measure');
  const goalSelect = byId<HTMLSelectElement>('optimize-goal');
  const run = byId<HTMLButtonElement>('optimize-run');
  const output = byId('optimize-result');
  addDownloadButtons('plot-optimize');
  let nextId = 1;
  let pending: number | undefined;
  // The model text and scenario of the optimum shown: another model or scenario makes it stale.
  let shownFor: string | undefined;
  const keyOf = (state: AppState): string => JSON.stringify([state.text, scenarioOf(state)]);
  /** Shows `note` instead of an optimum, and on the chart `plotNote` (a short one). */
  const clear = (note: string, plotNote = note): void => {
    delete output.dataset.argument;
    delete output.dataset.value;
    output.textContent = note;
    void drawPlot('plot-optimize', [], emptyLayout(plotNote));
  };
  // The parameter whose slider range the range inputs hold: a new choice resets them.
  let rangeOf: string | undefined;

  const control = (state: AppState, name: string) =>
    state.exploration?.parameters.find((p) => p.name === name && !p.isExpression)?.control;

  const resetRange = (state: AppState): void => {
    const chosen = control(state, parameterSelect.value);
    if (!chosen) return;
    lo.value = String(chosen.min);
    hi.value = String(chosen.max);
    rangeOf = chosen.name;
  };

  const showChoices = (state: AppState): void => {
    const exploration = state.exploration;
    if (!exploration) return;
    const varied = exploration.parameters.filter((p) => !p.isExpression);
    fillSelect(
      parameterSelect,
      varied.map((p) => [p.name, p.name]),
      parameterSelect.value || undefined,
    );
    const exact = exploration.solution.ok;
    const measures = exact ? scalarMeasureNames(exploration.solution.result) : [];
    // Without an exact solution (yet) the menu says why it offers nothing.
    fillSelect(
      measureSelect,
      exact
        ? measures.map((m) => [m, m])
        : [['', state.solving ? AWAITING_EXACT : NO_EXACT_MEASURE]],
      measureSelect.value || undefined,
    );
    if (varied.length === 0) {
      lo.value = '';
      hi.value = '';
      rangeOf = undefined;
    } else if (control(state, parameterSelect.value)?.name !== rangeOf) {
      resetRange(state);
    }
    const none = varied.length === 0 || measures.length === 0;
    for (const input of [parameterSelect, measureSelect, goalSelect, lo, hi, run]) {
      input.disabled = none;
    }
    if (pending !== undefined || shownFor === keyOf(state)) return;
    shownFor = undefined;
    if (!exact && !state.solving && varied.length > 0) {
      clear(NO_EXACT_OPTIMIZE, NO_EXACT_OPTIMIZE_PLOT);
      return;
    }
    clear(
      varied.length === 0
        ? 'this model has no parameters to vary'
        : state.solving
          ? 'the optimiser waits for the exact solution'
          : measures.length === 0
            ? 'no exact scalar measure to optimise'
            : 'Run finds the optimum over the range',
    );
  };

  const show = (outcome: OptimizeOutcome): void => {
    if (!outcome.ok) {
      clear(outcome.message);
      return;
    }
    const result = outcome.result;
    const x = result.argmin ?? result.argmax;
    const value = result.minimum ?? result.maximum;
    const [argName, valueName] =
      result.goal === 'minimize' ? ['argmin', 'minimum'] : ['argmax', 'maximum'];
    const line =
      x === undefined || typeof value !== 'number'
        ? h('span', { text: 'infeasible' })
        : h('span', {
            text: `${argName} ${result.parameter} = ${formatNumber(x)}, ${valueName} ${result.measure} = ${formatNumber(value)} (${result.evaluations} evaluations)`,
          });
    if (x !== undefined && typeof value === 'number') {
      output.dataset.argument = String(x);
      output.dataset.value = String(value);
    }
    output.replaceChildren(
      line,
      ...result.warnings.map((warning) => h('span', { class: 'optimize-warning', text: warning })),
    );
    const logX = control(store.get(), result.parameter)?.scale === 'log';
    void drawPlot('plot-optimize', optimizeTraces(result), optimizeLayout(result, logX));
  };

  parameterSelect.addEventListener('change', () => resetRange(store.get()));
  run.addEventListener('click', () => {
    const state = store.get();
    // A log slider's range spans decades: the optimiser's grid and search follow it; a count
    // takes whole values only, each of which is evaluated.
    const sliderScale = control(state, parameterSelect.value)?.scale;
    const scale = sliderScale === 'log' || sliderScale === 'integer' ? sliderScale : 'linear';
    const request: OptimizeRequest = {
      scale,
      parameter: parameterSelect.value,
      lo: Number(lo.value),
      hi: Number(hi.value),
      measure: measureSelect.value,
      goal: goalSelect.value === 'maximize' ? 'maximize' : 'minimize',
    };
    pending = nextId++;
    shownFor = keyOf(state);
    clear('optimising…');
    const message: WorkerRequest = {
      type: 'optimize',
      id: pending,
      text: state.text,
      scenario: scenarioOf(state),
      request,
    };
    worker.postMessage(message);
  });
  worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    if (message.type !== 'optimized' || message.id !== pending) return;
    pending = undefined;
    if (keyOf(store.get()) === shownFor) show(message.outcome);
    else clear('the model or scenario changed while optimising: Run again');
  });

  return { showChoices };
}
