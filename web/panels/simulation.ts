/**
 * The simulation panel: replications and seed, Simulate and Cancel, the progress bar and its note
 * (#simulation), all drawn from the run in the state. It drives its own worker; each merged chunk
 * goes to the store, which keeps only the current run's. When no exact method applies the page
 * starts a run itself, with a time budget.
 */
import type { WorkerPort } from '../state/solverClient.js';
import { scenarioOf, type AppState, type Store } from '../state/store.js';
import { byId } from '../views/dom.js';
import { AUTO_BUDGET_MS, simulationNote } from '../views/simulationNote.js';

/** The panel's handle for the composition root. */
export interface SimulationPanel {
  /** Shows the state's run: progress, note and buttons. */
  readonly draw: (state: AppState) => void;
  /** Starts a run of the state's scenario; `auto`: the page's own, with a time budget. */
  readonly start: (auto: boolean) => void;
  /** Stops the running run (its scenario is gone). */
  readonly stop: () => void;
  /** Whether this build of the library has the simulator (known after the worker's hello). */
  readonly available: () => boolean;
}

/** Wires the simulation controls to `worker` (a web/worker.ts of its own) and `store`. */
export function createSimulationPanel(store: Store, worker: WorkerPort): SimulationPanel {
  const run = byId<HTMLButtonElement>('sim-run');
  const cancel = byId<HTMLButtonElement>('sim-cancel');
  const progress = byId<HTMLProgressElement>('sim-progress');
  const note = byId('sim-note');
  let canSimulate: boolean | undefined;
  let nextId = 1;
  let running: number | undefined;
  // The worker's hello decides whether the page can simulate; a model that needed it waits.
  let startWhenReady: boolean | undefined;

  const draw = (state: AppState): void => {
    if (canSimulate === undefined) {
      note.textContent = 'Checking for the simulator…';
      return;
    }
    if (!canSimulate) {
      run.disabled = true;
      note.textContent =
        'Simulation is not available yet: this build of relkit does not export the simulator. The exact results do not need it.';
      return;
    }
    const current = state.simulation;
    const active = current?.phase === 'running';
    running = active ? current.id : undefined;
    run.disabled = active;
    cancel.disabled = !active;
    progress.value = current && current.total > 0 ? current.done / current.total : 0;
    note.textContent = simulationNote(current);
  };

  const start = (auto: boolean): void => {
    if (!canSimulate) {
      startWhenReady = auto;
      return;
    }
    stop();
    const id = nextId++;
    const state = store.get();
    const replications = Math.max(
      10,
      Number(byId<HTMLInputElement>('sim-replications').value) || 1000,
    );
    store.dispatch({ type: 'simulationStarted', id, auto, total: replications });
    worker.postMessage({
      type: 'simulate',
      id,
      text: state.text,
      scenario: scenarioOf(state),
      replications,
      seed: Number(byId<HTMLInputElement>('sim-seed').value) || 1,
      ...(auto && { budgetMs: AUTO_BUDGET_MS }),
    });
  };

  const stop = (): void => {
    if (running !== undefined) worker.postMessage({ type: 'cancel', id: running });
    running = undefined;
  };

  worker.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'hello') {
      canSimulate = message.canSimulate;
      draw(store.get());
      if (startWhenReady !== undefined && canSimulate) start(startWhenReady);
      startWhenReady = undefined;
    } else if (message.type === 'simulation') {
      store.dispatch({
        type: 'simulated',
        id: message.id,
        result: message.result,
        done: message.done,
        total: message.total,
        finished: message.finished,
        ...(message.stopped !== undefined && { stopped: message.stopped }),
      });
    } else if (message.type === 'error') {
      store.dispatch({ type: 'simulationFailed', id: message.id, message: message.message });
    }
  });
  worker.postMessage({ type: 'hello' });
  draw(store.get());

  run.addEventListener('click', () => start(false));
  cancel.addEventListener('click', stop);
  return { draw, start, stop, available: () => canSimulate === true };
}
