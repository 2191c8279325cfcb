/**
 * The explorer's solvers, off the UI thread: exact evaluation of the live scenario and the pins,
 * the what-if charts, the optimiser, and chunked simulation with progress and cancel (web/workerProtocol.ts).
 * The worker keeps the parsed template of the last model text (web/compute/template.ts): every
 * request for the same text evaluates it with the scenario's values and parses nothing.
 */
import * as relkit from '../src/index.js';
import { explore, exploreExtras } from './compute/explore.js';
import { fitLifeText } from './compute/lifeFits.js';
import { optimizeScenario } from './compute/optimize.js';
import { findSimulator, simulationChunks } from './compute/simulation.js';
import { startSweep, sweepEstimates, sweepRound } from './compute/simulatedSweep.js';
import { loadScenario } from './compute/template.js';
import type { WorkerRequest, WorkerResponse } from './workerProtocol.js';

const simulator = findSimulator(relkit);
const cancelled = new Set<number>();
const cancelledSweeps = new Set<number>();

const post = (message: WorkerResponse): void => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    handle(request);
  } catch (error) {
    if ('id' in request) post({ type: 'error', id: request.id, message: String(error) });
  }
});

function handle(request: WorkerRequest): void {
  switch (request.type) {
    case 'hello':
      post({ type: 'hello', canSimulate: simulator !== undefined });
      return;
    case 'explore': {
      const start = performance.now();
      const outcome = explore(request.text, request.scenario, request.pins, {
        ...(request.skipExact !== undefined && { skipExact: request.skipExact }),
        onSlowSolve: (exploration) => post({ type: 'preview', id: request.id, exploration }),
        onProgress: (fraction, note) =>
          post({
            type: 'progress',
            id: request.id,
            note,
            ...(fraction !== undefined && { fraction }),
          }),
      });
      post({ type: 'explored', id: request.id, outcome, elapsed: performance.now() - start });
      return;
    }
    case 'extras': {
      const start = performance.now();
      const extras = exploreExtras(request.text, request.scenario, request.request);
      post({ type: 'extras', id: request.id, extras, elapsed: performance.now() - start });
      return;
    }
    case 'optimize': {
      const start = performance.now();
      const outcome = optimizeScenario(request.text, request.scenario, request.request);
      post({ type: 'optimized', id: request.id, outcome, elapsed: performance.now() - start });
      return;
    }
    case 'fitLifeData': {
      const start = performance.now();
      const outcome = fitLifeText(request.text, request.file);
      post({ type: 'lifeFits', id: request.id, outcome, elapsed: performance.now() - start });
      return;
    }
    case 'cancel':
      cancelled.add(request.id);
      return;
    case 'simulate':
      void simulate(request);
      return;
    case 'simulateSweep':
      void simulateSweep(request);
      return;
    case 'cancelSweep':
      cancelledSweeps.add(request.id);
      return;
  }
}

async function simulate(request: Extract<WorkerRequest, { type: 'simulate' }>): Promise<void> {
  const { id } = request;
  if (!simulator) {
    post({ type: 'error', id, message: 'this build of relkit has no simulator' });
    return;
  }
  const loaded = loadScenario(request.text, request.scenario.overrides, request.scenario.system);
  if (!loaded.ok) {
    post({ type: 'error', id, message: loaded.issues.map((i) => i.message).join('; ') });
    return;
  }
  const model = loaded.model;
  const options = {
    seed: request.seed,
    grid: 51,
    ...(request.scenario.missionTime !== undefined && { horizon: request.scenario.missionTime }),
  };
  let merged: unknown;
  let done = 0;
  const started = performance.now();
  const chunks = simulationChunks(request.replications);
  for (const [index, count] of chunks.entries()) {
    // Yield to the event loop so a cancel message can arrive between chunks.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (cancelled.has(id)) break;
    const part = simulator.runReplications(model, options, done, count);
    merged = merged === undefined ? part : simulator.mergeSimulationStats([merged, part]);
    done += count;
    const last = index === chunks.length - 1;
    const outOfTime =
      !last && request.budgetMs !== undefined && performance.now() - started > request.budgetMs;
    post({
      type: 'simulation',
      id,
      done,
      total: request.replications,
      result: simulator.finalizeSimulation(model, merged),
      finished: last || outOfTime,
      ...(outOfTime && { stopped: 'budget' as const }),
    });
    if (outOfTime) return;
  }
  if (cancelled.has(id)) {
    cancelled.delete(id);
    if (merged !== undefined) {
      post({
        type: 'simulation',
        id,
        done,
        total: request.replications,
        result: simulator.finalizeSimulation(model, merged),
        finished: true,
        stopped: 'cancelled',
      });
    }
  }
}

/**
 * Simulates a sweep in rounds of replications at every point, posting the estimates after each
 * round; stops when all are done, the budget has passed, or the page cancels it.
 */
async function simulateSweep(
  request: Extract<WorkerRequest, { type: 'simulateSweep' }>,
): Promise<void> {
  const { id, replications: total } = request;
  const stop = (error: string): void =>
    post({ type: 'sweepSimulation', id, total, finished: true, error });
  if (!simulator) return stop('this build of relkit has no simulator');
  try {
    const run = startSweep(
      request.text,
      request.scenario,
      request.parameter,
      request.values,
      request.measure,
      request.seed,
      request.horizon,
    );
    if (typeof run === 'string') return stop(run);
    const started = performance.now();
    // About 10 rounds, of at most 500 replications (a cancel or the budget acts between
    // rounds): the chart narrows as they come.
    const size = Math.min(500, Math.max(10, Math.ceil(total / 10)));
    while (run.done < total) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (cancelledSweeps.delete(id)) {
        post({ type: 'sweepSimulation', id, total, finished: true, stopped: 'cancelled' });
        return;
      }
      sweepRound(run, simulator, Math.min(size, total - run.done));
      const outOfTime = run.done < total && performance.now() - started > request.budgetMs;
      post({
        type: 'sweepSimulation',
        id,
        sweep: sweepEstimates(run, simulator),
        total,
        finished: run.done >= total || outOfTime,
        ...(outOfTime && { stopped: 'budget' as const }),
      });
      if (outOfTime) return;
    }
  } catch (error) {
    stop(String(error));
  }
}
