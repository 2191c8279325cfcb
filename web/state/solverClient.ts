/**
 * The page's side of the solver worker (web/workerProtocol.ts): sends the newest state when the
 * worker is idle, so a fast drag never queues stale work, and puts the answers in the store: the
 * numbers and curves first, then, when nothing newer waits, the what-if charts.
 */
import type { WorkerRequest, WorkerResponse } from '../workerProtocol.js';
import { extrasRequest } from './selectors.js';
import { scenarioOf, type Store } from './store.js';

/** The worker as the client uses it (a Worker, or a stand-in in the tests). */
export interface WorkerPort {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerResponse>) => void): void;
}

/** The client's handle for the composition root. */
export interface SolverClient {
  /** Asks for the state to be solved again: now if the worker is idle, else when it answers. */
  readonly request: () => void;
  /**
   * Talks to `worker` from now on (the old one was terminated mid-solve): nothing is pending any
   * more, and the state is solved again there.
   */
  readonly replaceWorker: (worker: WorkerPort) => void;
}

/** Connects `worker` to `store`; `onError` hears the worker's errors. */
export function createSolverClient(
  worker: WorkerPort,
  store: Store,
  onError: (message: string) => void,
): SolverClient {
  let nextId = 1;
  let busy = false;
  let dirty = false;
  let port = worker;
  // The text of the explore request in flight: its problems are of this text.
  let solving: string | undefined;

  const send = (message: WorkerRequest): void => {
    busy = true;
    port.postMessage(message);
  };
  const pump = (): void => {
    if (busy || !dirty) return;
    dirty = false;
    const state = store.get();
    solving = state.text;
    send({
      type: 'explore',
      id: nextId++,
      text: state.text,
      scenario: scenarioOf(state),
      pins: state.pins,
      ...(state.exactSkipped !== undefined && { skipExact: state.exactSkipped }),
    });
  };

  const listen = (event: MessageEvent<WorkerResponse>): void => {
    const message = event.data;
    if (message.type === 'preview') {
      // Still busy: the model is shown while its exact solve goes on.
      store.dispatch({
        type: 'explored',
        exploration: message.exploration,
        solveMs: 0,
        preview: true,
      });
      return;
    }
    if (message.type === 'progress') {
      store.dispatch({
        type: 'solveProgress',
        note: message.note,
        ...(message.fraction !== undefined && { fraction: message.fraction }),
      });
      return;
    }
    if (message.type === 'explored') {
      busy = false;
      const outcome = message.outcome;
      if (outcome.ok) {
        store.dispatch({
          type: 'explored',
          exploration: outcome.exploration,
          solveMs: message.elapsed,
        });
        if (!dirty) {
          const state = store.get();
          send({
            type: 'extras',
            id: nextId++,
            text: state.text,
            scenario: scenarioOf(state),
            request: extrasRequest(state),
          });
        }
      } else {
        store.dispatch({
          type: 'invalid',
          issues: outcome.issues,
          ...(solving !== undefined && { text: solving }),
        });
      }
    } else if (message.type === 'extras') {
      busy = false;
      store.dispatch({ type: 'extras', extras: message.extras });
    } else if (message.type === 'error') {
      busy = false;
      onError(message.message);
    }
    pump();
  };
  worker.addEventListener('message', listen);

  return {
    request: () => {
      dirty = true;
      pump();
    },
    replaceWorker: (next) => {
      port = next;
      busy = false;
      next.addEventListener('message', listen);
      dirty = true;
      pump();
    },
  };
}
