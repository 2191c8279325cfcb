/**
 * The explorer's composition root: creates the two workers, restores the state from the link,
 * creates the panels (web/panels/) around the one store (web/state/store.ts), and routes each
 * change of the state to the worker, the URL and the panels that show it.
 */
import { createCurvesPanel } from './panels/curves.js';
import { createExactProgressPanel } from './panels/exactProgress.js';
import { createDiagramPanel } from './panels/diagram.js';
import { createFaultTreePanel } from './panels/faultTree.js';
import { createImportancePanel } from './panels/importance.js';
import { createLifeDataPanel } from './panels/lifeData.js';
import { createModelPanel } from './panels/model.js';
import { createNumbersPanel } from './panels/numbers.js';
import { createOptimizePanel } from './panels/optimize.js';
import { createParametersPanel } from './panels/parameters.js';
import { createSharePanel } from './panels/share.js';
import { createSimulationPanel } from './panels/simulation.js';
import { createStatusPanel } from './panels/status.js';
import { createWhatIfPanel } from './panels/whatIf.js';
import { DEFAULT_EXAMPLE, EXAMPLES, exampleText } from './state/examples.js';
import { needsAutoSimulation, needsHorizonExtras } from './state/methods.js';
import { createSolverClient } from './state/solverClient.js';
import { createStore, initialState } from './state/store.js';
import { unfitLinkValues } from './state/linkValues.js';
import { createUrlSync, readLink } from './state/urlSync.js';

// The redraw time of the first answer counts from here, like every later one from its change.
const openedAt = performance.now();
// One worker solves the numbers and what-if charts, the other simulates: a long simulation never
// holds up a slider.
const newWorker = (): Worker =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
// Cancel of a long exact solve terminates the solver worker and starts a fresh one.
let solverWorker = newWorker();
const simulationWorker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

async function start(): Promise<void> {
  const { link, refused } = await readLink(location.hash, (name) => EXAMPLES.has(name));
  if (refused !== undefined) history.replaceState(null, '', location.pathname + location.search);
  const example = link?.example ?? DEFAULT_EXAMPLE;
  const text = link?.text ?? exampleText(example);
  const store = createStore(initialState(link, text, DEFAULT_EXAMPLE, openedAt, refused));

  const status = createStatusPanel();
  status.showBanner(refused);
  const url = createUrlSync(store, exampleText);
  const solver = createSolverClient(solverWorker, store, (message) =>
    status.show(`error: ${message}`),
  );
  const model = createModelPanel(store);
  createSharePanel(store, url.write, status.show);
  const numbers = createNumbersPanel(store);
  const parameters = createParametersPanel(store);
  const curves = createCurvesPanel(store);
  // A simulated sweep runs beside the simulations, never ahead of a slider.
  const whatIf = createWhatIfPanel(store, simulationWorker);
  const importance = createImportancePanel(store);
  const faultTree = createFaultTreePanel(store);
  const simulation = createSimulationPanel(store, simulationWorker);
  // The optimiser's dozens of solves run beside the simulations, never ahead of a slider.
  const optimize = createOptimizePanel(store, simulationWorker);
  const diagram = createDiagramPanel(store);
  // Fitting life data (every family, a second or so) runs beside the simulations.
  createLifeDataPanel(simulationWorker);
  const exactProgress = createExactProgressPanel(status, () => {
    solverWorker.terminate();
    solverWorker = newWorker();
    store.dispatch({ type: 'cancelExact' });
    solver.replaceWorker(solverWorker);
  });

  store.subscribe((change, state) => {
    switch (change) {
      case 'scenario':
        status.showBanner(state.banner);
        // Every panel that shows the model or its simulation follows at once: the menu, the
        // simulation (a run of the old scenario stops), the numbers without its column.
        model.showExample(state.example);
        simulation.stop();
        whatIf.stopSimulation();
        simulation.draw(state);
        numbers.draw(state);
        solver.request();
        url.schedule();
        return;
      case 'whatIf':
        whatIf.stopSimulation();
        solver.request();
        url.schedule();
        return;
      case 'curve':
        url.schedule();
        void curves.draw(state);
        return;
      case 'importance':
        url.schedule();
        importance.draw(state, false);
        faultTree.draw(state);
        diagram.paint(state);
        return;
      case 'selection':
        diagram.paint(state);
        return;
      case 'explored':
        exactProgress.draw(state);
        // No exact method: the page simulates on its own, within a time budget (after this
        // change has been shown: starting is a change of its own).
        if (needsAutoSimulation(state)) {
          queueMicrotask(() => {
            if (needsAutoSimulation(store.get())) simulation.start(true);
          });
        }
        model.showIssues(state.issues);
        model.showName(state.exploration!.name);
        parameters.draw(state);
        numbers.draw(state);
        faultTree.draw(state);
        importance.draw(state, false);
        whatIf.showChoices(state);
        optimize.showChoices(state);
        diagram.draw(state);
        // A long solve shows the model's facts first; its what-if charts wait for the answer.
        if (state.solving) whatIf.draw(state);
        void curves.draw(state).then(() => {
          if (!store.get().solving) {
            status.drawn(state.solveMs, performance.now() - store.get().changedAt);
          }
        });
        return;
      case 'invalid': {
        const unfit = unfitLinkValues(state);
        if (unfit !== undefined) {
          store.dispatch({ type: 'refuseLinkValues', message: unfit });
          return;
        }
        exactProgress.draw(state);
        model.showIssues(state.issues, state.issuesText);
        status.show(
          `the model has ${state.issues.length} problem(s); the plots show the last valid model`,
        );
        return;
      }
      case 'extras':
        whatIf.draw(state);
        importance.draw(state, true);
        diagram.paint(state);
        return;
      case 'simulated':
        simulation.draw(state);
        numbers.draw(state);
        parameters.draw(state);
        void curves.draw(state);
        whatIf.showSimulated(state);
        if (needsHorizonExtras(state)) solver.request();
        return;
      case 'simulation':
        simulation.draw(state);
        return;
      case 'progress':
        exactProgress.draw(state);
        return;
    }
  });
  solver.request();
}

void start();
