/**
 * Worker-thread entry for `relkit simulate`: answers each `{ id, task }` with the statistics of
 * replications task.first … task.first + task.count − 1 (see workerPool.ts for the protocol).
 */
import { parentPort } from 'node:worker_threads';
import type { Model } from '../model/Model.js';
import { runReplications } from '../sim/simulate.js';
import type { SimulateOptions } from '../sim/types.js';

/** One chunk of replications for a worker. */
export interface SimulationTask {
  readonly model: Model;
  readonly options: SimulateOptions;
  readonly first: number;
  readonly count: number;
}

parentPort?.on('message', ({ id, task }: { id: number; task: SimulationTask }) => {
  try {
    const reply = runReplications(task.model, task.options, task.first, task.count);
    parentPort!.postMessage({ id, reply });
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    parentPort!.postMessage({ id, error: { name, message } });
  }
});
