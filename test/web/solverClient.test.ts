import { describe, expect, test } from 'vitest';
import type { Exploration } from '../../web/compute/explore.js';
import { whatIfSkipReason } from '../../web/state/methods.js';
import { parameterControl } from '../../web/state/parameterScale.js';
import { createSolverClient, type WorkerPort } from '../../web/state/solverClient.js';
import { createStore, initialState, type Change } from '../../web/state/store.js';
import type { WorkerRequest, WorkerResponse } from '../../web/workerProtocol.js';

const exploration: Exploration = {
  name: 'm',
  description: '',
  timeUnit: 'h',
  parameters: [
    {
      name: 'lambda',
      value: 1,
      fileValue: 1,
      isExpression: false,
      control: parameterControl('lambda', 1),
    },
  ],
  components: [],
  houseEvents: [],
  solution: { ok: false, message: 'unsolvable' },
  measures: [],
  pins: [],
};

/** A worker stand-in: keeps what the page sends, answers on demand. */
function fakeWorker() {
  const sent: WorkerRequest[] = [];
  let listener: ((event: MessageEvent<WorkerResponse>) => void) | undefined;
  const port: WorkerPort = {
    postMessage: (message) => sent.push(message),
    addEventListener: (_type, l) => (listener = l),
  };
  const answer = (data: WorkerResponse) => listener!({ data } as MessageEvent<WorkerResponse>);
  return { port, sent, answer };
}

function setup() {
  const worker = fakeWorker();
  const store = createStore(initialState(undefined, 'text', 'tmr-voter', 0), () => 0);
  const changes: Change[] = [];
  store.subscribe((change) => changes.push(change));
  const errors: string[] = [];
  const client = createSolverClient(worker.port, store, (message) => errors.push(message));
  return { ...worker, store, changes, errors, client };
}

describe('createSolverClient', () => {
  test('solves the state, then asks for the what-if charts when nothing newer waits', () => {
    const { sent, answer, store, changes, client } = setup();
    store.dispatch({ type: 'setParameter', name: 'lambda', value: 2 });
    client.request();
    expect(sent).toEqual([
      { type: 'explore', id: 1, text: 'text', scenario: { overrides: { lambda: 2 } }, pins: [] },
    ]);
    answer({ type: 'explored', id: 1, outcome: { ok: true, exploration }, elapsed: 3 });
    expect(store.get()).toMatchObject({ exploration, solveMs: 3 });
    expect(sent[1]).toEqual({
      type: 'extras',
      id: 2,
      text: 'text',
      scenario: { overrides: { lambda: 2 } },
      request: {
        measure: 'mttf',
        tornadoPercent: 20,
        skipSolves: whatIfSkipReason(exploration.solution),
      },
    });
    answer({ type: 'extras', id: 2, extras: { measure: 'mttf', tornado: [] }, elapsed: 1 });
    expect(store.get().extras).toEqual({ measure: 'mttf', tornado: [] });
    expect(changes).toEqual(['scenario', 'explored', 'extras']);
    expect(sent).toHaveLength(2);
  });

  test('requests while the worker is busy coalesce into one with the newest state', () => {
    const { sent, answer, store, client } = setup();
    client.request();
    for (const value of [2, 3, 4]) {
      store.dispatch({ type: 'setParameter', name: 'lambda', value });
      client.request();
    }
    expect(sent).toHaveLength(1);
    answer({ type: 'explored', id: 1, outcome: { ok: true, exploration }, elapsed: 1 });
    // Newer work waits: no what-if charts for the stale answer, the newest state instead.
    expect(sent.map((m) => m.type)).toEqual(['explore', 'explore']);
    expect(sent[1]).toMatchObject({ id: 2, scenario: { overrides: { lambda: 4 } } });
  });

  test('an invalid text goes to the store; an error to onError; both free the worker', () => {
    const { sent, answer, store, errors, client } = setup();
    client.request();
    const issues = [{ line: 1, path: '', message: 'bad' }];
    answer({ type: 'explored', id: 1, outcome: { ok: false, issues }, elapsed: 1 });
    expect(store.get().issues).toEqual(issues);
    client.request();
    answer({ type: 'error', id: 2, message: 'boom' });
    expect(errors).toEqual(['boom']);
    client.request();
    expect(sent.map((m) => m.type)).toEqual(['explore', 'explore', 'explore']);
  });
});
