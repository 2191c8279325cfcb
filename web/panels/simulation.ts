/**
 * The simulation panel: replications and seed, Simulate and Cancel, the progress bar and its note
 * (#simulation). It drives its own worker; each merged chunk goes to the store as the simulated
 * curves of the current scenario.
 */
import type { WorkerPort } from '../state/solverClient.js';
import { scenarioOf, type Store } from '../state/store.js';
import { byId } from '../views/dom.js';

/** Wires the simulation controls to `worker` (a web/worker.ts of its own) and `store`. */
export function createSimulationPanel(store: Store, worker: WorkerPort): void {
  const run = byId<HTMLButtonElement>('sim-run');
  const cancel = byId<HTMLButtonElement>('sim-cancel');
  const progress = byId<HTMLProgressElement>('sim-progress');
  const note = byId('sim-note');
  let nextId = 1;
  let runId = 0;
  const stopped = () => {
    run.disabled = false;
    cancel.disabled = true;
  };

  note.textContent = 'Checking for the simulator…';
  worker.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'hello') {
      run.disabled = !message.canSimulate;
      note.textContent = message.canSimulate
        ? 'Runs in a worker; the band fills in as replications finish.'
        : 'Simulation is not available yet: this build of relkit does not export the simulator (runReplications, mergeSimulationStats, finalizeSimulation). The exact results above do not need it.';
    } else if (message.type === 'simulation' && message.id === runId) {
      progress.value = message.done / message.total;
      note.textContent = `${message.done} of ${message.total} replications${message.finished ? ', done' : '…'}`;
      if (message.finished) stopped();
      store.dispatch({ type: 'simulated', result: message.result });
    } else if (message.type === 'error' && message.id === runId) {
      note.textContent = `simulation: ${message.message}`;
      stopped();
    }
  });
  worker.postMessage({ type: 'hello' });

  run.addEventListener('click', () => {
    runId = nextId++;
    run.disabled = true;
    cancel.disabled = false;
    progress.value = 0;
    const state = store.get();
    worker.postMessage({
      type: 'simulate',
      id: runId,
      text: state.text,
      scenario: scenarioOf(state),
      replications: Math.max(10, Number(byId<HTMLInputElement>('sim-replications').value) || 1000),
      seed: Number(byId<HTMLInputElement>('sim-seed').value) || 1,
    });
  });
  cancel.addEventListener('click', () => {
    worker.postMessage({ type: 'cancel', id: runId });
    stopped();
    note.textContent = 'cancelled';
  });
}
