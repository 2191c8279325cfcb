/**
 * Worker-thread entry for `relkit simulate`: answers each `{ id, task }` with the statistics of
 * replications task.first … task.first + task.count − 1, per system for a task of several
 * systems (see workerPool.ts for the protocol).
 */
import { parentPort } from 'node:worker_threads';
import type { Model } from '../model/Model.js';
import { runReplications, runSystemsReplications } from '../sim/simulate.js';
import type { SimulateOptions } from '../sim/types.js';

/** One chunk of replications for a worker. */
export interface SimulationTask {
  readonly model: Model;
  readonly options: SimulateOptions;
  readonly first: number;
  readonly count: number;
  /** Every system function of the model in one event stream (`runSystemsReplications`). */
  readonly systems?: boolean;
}

parentPort?.on('message', ({ id, task }: { id: number; task: SimulationTask }) => {
  try {
    const run = task.systems ? runSystemsReplications : runReplications;
    const reply = run(task.model, task.options, task.first, task.count);
    parentPort!.postMessage({ id, reply });
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    parentPort!.postMessage({ id, error: { name, message } });
  }
});
