/**
 * The sweep of a model without an exact solution, by simulation (#sweep-sim-controls under the
 * sweep's menu, #plot-sweep): Simulate the sweep runs the model at {@link SIMULATED_SWEEP_POINTS}
 * values of the chosen parameter on the simulation worker, with the replications and seed of the
 * simulation panel at every point (web/compute/simulatedSweep.ts), within a time budget,
 * cancellable, the chart filling in round by round. A sweep belongs to the model text, scenario,
 * parameter and measure it was run for: another one clears it.
 */
import { emptyLayout } from '../charts/layout.js';
import { measureTitle, simulatedSweepTraces, sweepLayout } from '../charts/whatIfTraces.js';
import { MEASURE_LABELS } from '../compute/measures.js';
import { SIMULATED_SWEEP_POINTS, type SimulatedSweep } from '../compute/simulatedSweep.js';
import { formatCount } from '../compute/plainWords.js';
import { sweepValues } from '../state/parameterScale.js';
import { chosenMeasure, parameterValues } from '../state/selectors.js';
import { scenarioOf, type AppState, type Store } from '../state/store.js';
import { byId } from '../views/dom.js';
import type { WorkerRequest, WorkerResponse } from '../workerProtocol.js';
import { drawPlot } from './plot.js';

/** Wall time a simulated sweep may take, ms: then it stops with the rounds it has. */
export const SWEEP_BUDGET_MS = 60_000;

/** The panel's handle for the what-if panel. */
export interface SimulatedSweepPanel {
  /** Shows the controls and the sweep of the state, or hides them (`shown` false). */
  readonly draw: (state: AppState, shown: boolean) => void;
  /** Stops a running sweep (its scenario or settings are gone). */
  readonly stop: () => void;
}

interface Shown {
  /** The run, and what it is of. */
  readonly id: number;
  readonly key: string;
  readonly sweep?: SimulatedSweep;
  readonly phase: 'running' | 'finished' | 'cancelled' | 'budget' | 'error';
  readonly total: number;
  readonly message?: string;
}

/** Wires the simulated sweep's controls; the sweep runs on `worker` (the simulation worker). */
export function createSimulatedSweepPanel(store: Store, worker: Worker): SimulatedSweepPanel {
  const controls = byId('sweep-sim-controls');
  const run = byId<HTMLButtonElement>('sweep-sim');
  const cancel = byId<HTMLButtonElement>('sweep-cancel');
  const note = byId('sweep-sim-note');
  let nextId = 1;
  let running: number | undefined;
  let shown: Shown | undefined;

  // What a sweep is of: the text, the scenario, the parameter and the measure.
  const keyOf = (state: AppState): string =>
    JSON.stringify([state.text, scenarioOf(state), sweptOf(state)?.name, chosenMeasure(state)]);
  const sweptOf = (state: AppState) => {
    const varied = parameterValues(state).filter((p) => !p.isExpression);
    return varied.find((p) => p.name === state.view.sweep) ?? varied[0];
  };
  const replications = (): number =>
    Math.max(10, Number(byId<HTMLInputElement>('sim-replications').value) || 1000);

  const stop = (): void => {
    if (running !== undefined) {
      const message: WorkerRequest = { type: 'cancelSweep', id: running };
      worker.postMessage(message);
    }
    running = undefined;
  };

  const draw = (state: AppState, visible: boolean): void => {
    controls.hidden = !visible;
    if (!visible) {
      stop();
      return;
    }
    const swept = sweptOf(state);
    const current = shown?.key === keyOf(state) ? shown : undefined;
    if (!current && running !== undefined) stop();
    // The measures to choose from and the horizon come with the model's own simulation.
    run.disabled = !swept || running !== undefined || state.simulated === undefined;
    cancel.disabled = running === undefined;
    const measure = chosenMeasure(state);
    if (!swept) {
      note.textContent = '';
      void drawPlot('plot-sweep', [], emptyLayout('this model has no parameters to vary'));
      return;
    }
    note.textContent = noteOf(current, state.simulated === undefined);
    if (!current?.sweep) {
      void drawPlot(
        'plot-sweep',
        [],
        emptyLayout(
          `Simulate the sweep: ${MEASURE_LABELS[measure]} at ${SIMULATED_SWEEP_POINTS} values of ${swept.name}, ${formatCount(replications())} replications each`,
        ),
      );
      return;
    }
    const sweep = current.sweep;
    const title = measureTitle(measure, state.exploration?.timeUnit ?? '');
    void drawPlot(
      'plot-sweep',
      simulatedSweepTraces(sweep, swept.value),
      sweepLayout(
        { parameter: sweep.parameter, x: sweep.x, y: sweep.mean },
        swept.control.scale === 'log',
        sweep.measure,
        `${title}, simulated`,
      ),
    );
  };

  run.addEventListener('click', () => {
    const state = store.get();
    const swept = sweptOf(state);
    if (!swept) return;
    stop();
    const id = nextId++;
    running = id;
    const total = replications();
    shown = { id, key: keyOf(state), phase: 'running', total };
    const message: WorkerRequest = {
      type: 'simulateSweep',
      id,
      text: state.text,
      scenario: scenarioOf(state),
      parameter: swept.name,
      values: sweepValues(swept.control, SIMULATED_SWEEP_POINTS),
      measure: chosenMeasure(state),
      replications: total,
      seed: Number(byId<HTMLInputElement>('sim-seed').value) || 1,
      ...(state.simulated?.horizon !== undefined && { horizon: state.simulated.horizon }),
      budgetMs: SWEEP_BUDGET_MS,
    };
    worker.postMessage(message);
    draw(state, true);
  });
  // The chart's note says how many replications a sweep would run.
  byId('sim-replications').addEventListener('input', () => {
    if (!controls.hidden) draw(store.get(), true);
  });
  cancel.addEventListener('click', () => {
    stop();
    draw(store.get(), true);
  });

  worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    if (message.type !== 'sweepSimulation' || !shown) return;
    const state = store.get();
    // A sweep of a scenario or setting since changed is not shown.
    if (shown.key !== keyOf(state)) {
      stop();
      return;
    }
    if (message.id !== shown.id) return;
    if (message.finished && message.id === running) running = undefined;
    shown = {
      ...shown,
      ...(message.sweep && { sweep: message.sweep }),
      phase: message.error
        ? 'error'
        : message.finished
          ? (message.stopped ?? 'finished')
          : 'running',
      ...(message.error !== undefined && { message: message.error }),
    };
    draw(state, true);
  });

  return { draw, stop };
}

/** The note beside the buttons: how far the sweep is, or what Simulate the sweep does. */
function noteOf(shown: Shown | undefined, waiting: boolean): string {
  if (!shown) {
    return waiting
      ? 'available once the model’s own simulation has results'
      : 'same seed at every value (common random numbers); the band is each point’s 95 % interval';
  }
  const done = shown.sweep?.replications ?? 0;
  const gaps = shown.sweep?.mean.filter((y) => y === null).length ?? 0;
  const gapNote =
    gaps === 0 || done === 0
      ? ''
      : `; no estimate at ${gaps} of the ${shown.sweep!.x.length} values (the runs saw no system failure there, or the model is invalid at them)`;
  const of = `${formatCount(done)} of ${formatCount(shown.total)} replications at every value`;
  switch (shown.phase) {
    case 'running':
      return `${of}…`;
    case 'finished':
      return `${formatCount(done)} replications at every value, same seed; the band is each point’s 95 % interval${gapNote}`;
    case 'budget':
      return `stopped after ${of}: the page gives a sweep ${SWEEP_BUDGET_MS / 1000} s${gapNote}`;
    case 'cancelled':
      return `cancelled after ${of}${gapNote}`;
    case 'error':
      return `the sweep failed: ${shown.message ?? ''}`;
  }
}
