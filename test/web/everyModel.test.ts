/**
 * The pure parts of "every model gets numbers": the library's messages in plain words, the
 * method of each number, simulated estimates with their intervals and bounds, the time axis
 * beside longer pins, the simulation note, and the store's runs, progress and cancel.
 */
import { describe, expect, test } from 'vitest';
import {
  loadModel,
  solveExactly,
  UnsupportedModelError,
  type Estimate,
  type Result,
} from '../../src/index.js';
import { fittedTimeAxis } from '../../web/charts/curveRange.js';
import { explore, SOLVING_NOTE, type Exploration } from '../../web/compute/explore.js';
import {
  chainSizeOf,
  formatCount,
  noExactMethodMessage,
  plainLibraryNote,
  plainProgress,
} from '../../web/compute/plainWords.js';
import { solveModel } from '../../web/compute/solve.js';
import { solvingText } from '../../web/panels/exactProgress.js';
import {
  methodLabel,
  needsAutoSimulation,
  needsHorizonExtras,
  whatIfSkipReason,
  WHAT_IF_STATE_LIMIT,
} from '../../web/state/methods.js';
import { createSolverClient, type WorkerPort } from '../../web/state/solverClient.js';
import {
  createStore,
  EXACT_CANCELLED,
  initialState,
  reduce,
  type Action,
  type AppState,
} from '../../web/state/store.js';
import { estimateCell, simulatedCells } from '../../web/views/estimates.js';
import { formatNumber } from '../../web/views/format.js';
import { simulationNote } from '../../web/views/simulationNote.js';
import type { WorkerRequest, WorkerResponse } from '../../web/workerProtocol.js';

const PUMPS = `name: pumps
components:
  pump: { count: 3, failure: { mtbf: 2000 }, repair: { dist: lognormal, mean: 24, sd: 12 } }
system: { koon: { k: 2, of: pump } }
maintenance: { crews: 1 }
mission_time: 8760
`;

const BIG = `name: big
components:
${['a', 'b', 'c', 'd', 'e'].map((n) => `  ${n}: { count: 9, failure: { mtbf: 1000 }, repair: { mttr: 10 } }`).join('\n')}
system:
  series:
${['a', 'b', 'c', 'd', 'e'].map((n) => `    - koon: { k: 3, of: ${n} }`).join('\n')}
maintenance: { crews: 3 }
`;

const COMMAND_LINE = /relkit|--[a-z]|maxStates|mttfCap/;

describe('plain words', () => {
  test("the library's refusal keeps its reason and loses its command-line advice", () => {
    const solution = solveModel(loadModel(PUMPS), undefined);
    expect(solution.ok).toBe(false);
    const message = solution.ok ? '' : solution.message;
    expect(message).toMatch(/^No exact method applies to this model: maintenance\.crews is 1/);
    expect(message).toContain('lognormal repair time');
    expect(message).not.toMatch(COMMAND_LINE);
  });

  test("a chain over the page's limit is refused with both numbers, read from the library's reason", () => {
    let reason = '';
    try {
      solveExactly(loadModel(BIG), { maxStates: 500_000 });
    } catch (error) {
      reason = (error as UnsupportedModelError).reason;
    }
    const states = chainSizeOf(reason);
    expect(states).toBeGreaterThan(500_000);
    const message = noExactMethodMessage(reason, 500_000);
    expect(message).toContain(`about ${formatCount(states!)} states`);
    expect(message).toContain("more than the page's limit of 500 000");
    expect(message).not.toMatch(COMMAND_LINE);
    const solution = solveModel(loadModel(BIG), undefined);
    expect(!solution.ok && solution.message).toBe(message);
  });

  test('plainLibraryNote drops clauses and asides naming commands, flags or options', () => {
    expect(
      plainLibraryNote(
        'mttf is left out: 3 of 9 runs had no failure (mttfCap 1000 x horizon); raise the cap (mttfCap, --mttf-cap) to estimate it',
      ),
    ).toBe('mttf is left out: 3 of 9 runs had no failure');
    expect(plainLibraryNote('a; use relkit simulate')).toBe('a');
    expect(plainLibraryNote('plain (kept) words')).toBe('plain (kept) words');
  });

  test('progress notes in plain words, with the chain size when given', () => {
    expect(plainProgress('markov: building the chain')).toEqual({
      text: 'building the Markov chain',
    });
    expect(
      plainProgress('solveSteadyState: bicgstab on 472276 states, 2291050 transitions'),
    ).toEqual({ text: 'computing the long-run measures', states: 472276 });
    expect(plainProgress('meanTimeToAbsorption: bicgstab on 254239 transient states, 9')).toEqual({
      text: 'computing the MTTF',
      states: 254239,
    });
    expect(solvingText({ text: 'building the Markov chain' }, 3)).toBe(
      'solving exactly: building the Markov chain, 3 s',
    );
    expect(solvingText({ text: 'computing the MTTF', states: 1000, fraction: 0.42 }, 9)).toBe(
      'solving exactly: computing the MTTF (1 000 states), 42 % of this step, 9 s',
    );
  });
});

const simResult = (measures: Result['measures'], extra: object = {}): Result =>
  ({
    method: 'simulation',
    model: { name: 'm', hash: 'h' },
    timeUnit: 'h',
    horizon: 100,
    measures,
    warnings: [],
    replications: 1000,
    ...extra,
  }) as Result;

describe('methods and estimates', () => {
  test('each result says which method gave it', () => {
    const analytic = solveExactly(
      loadModel(
        PUMPS.replace('dist: lognormal, mean: 24, sd: 12', 'mttr: 24').replace(
          'maintenance: { crews: 1 }\n',
          '',
        ),
      ),
    );
    expect(methodLabel(analytic)).toBe('exact: closed form / structure function');
    const markov = solveExactly(
      loadModel(PUMPS.replace('dist: lognormal, mean: 24, sd: 12', 'mttr: 24')),
    );
    expect(methodLabel(markov)).toMatch(/^exact: Markov chain \(\d+ states\)$/);
    expect(methodLabel(simResult({}))).toBe('simulation: 1 000 replications');
  });

  test('the tornado and sweep are left out without an exact solution or on a large chain', () => {
    expect(whatIfSkipReason({ ok: false, message: 'x' })).toMatch(/need an exact solution/);
    const small = simResult({}, { method: 'markov', states: 10 });
    const large = simResult({}, { method: 'markov', states: WHAT_IF_STATE_LIMIT + 1 });
    const numbers = { missionTime: 1 };
    expect(whatIfSkipReason({ ok: true, result: small, numbers })).toBeUndefined();
    expect(whatIfSkipReason({ ok: true, result: large, numbers })).toMatch(/20 001 states/);
  });

  test('an estimate shows its 95 % interval; no event seen gives a bound, never a zero-width interval', () => {
    const estimate = (mean: number, ci95: [number, number], events: number): Estimate => ({
      mean,
      ci95,
      events,
    });
    expect(estimateCell(estimate(5, [4, 6], 30), formatNumber).text).toBe('5 (95 % CI 4–6)');
    expect(estimateCell(estimate(0, [0, 0.003], 0), formatNumber).text).toBe(
      'no failure seen: ≤ 0.003 (95 %)',
    );
    expect(estimateCell(estimate(1, [0.997, 1], 0), formatNumber).text).toBe(
      'no failure seen: ≥ 0.997 (95 %)',
    );
    expect(estimateCell(estimate(2, [2, 2], 4), formatNumber).text).not.toContain('CI');
    const uncertain = estimateCell(
      { ...estimate(5, [4, 6], 3), inconclusive: 'few events; raise --replications' },
      formatNumber,
    );
    expect(uncertain.uncertain).toBe('few events');
  });

  test('simulated cells: R(mission) from the band, a censored mean is a bound and not an MTTF', () => {
    const cells = simulatedCells(
      simResult({
        reliability: { t: [0, 100], values: [1, 0.9], lo: [0.99, 0.88], hi: [1, 0.92] },
        restrictedMttf: { mean: 80, ci95: [70, 90], events: 3, restrictedTo: 100 },
        steadyUnavailability: { mean: 1e-3, ci95: [5e-4, 2e-3], events: 40 },
      }),
    );
    expect(cells.missionTime?.text).toBe('100');
    expect(cells.reliability?.text).toBe('0.9 (95 % CI 0.88–0.92)');
    expect(cells.mttf?.text).toBe('≥ 70 (95 %): many runs saw no failure, so no MTTF');
    expect(cells.downtimeHoursPerYear?.text).toMatch(
      /^8\.77 h\/yr \(95 % CI 4\.38 h\/yr–17\.5 h\/yr\)$/,
    );
    const perfect = simulatedCells(
      simResult({ reliability: { t: [0, 100], values: [1, 1], lo: [0.99, 0.996], hi: [1, 1] } }),
    );
    expect(perfect.reliability?.text).toBe('no failure seen: ≥ 0.996 (95 %)');
  });
});

describe('time axis beside longer pins', () => {
  test('fits the current horizon when a pin runs more than 1.5 times longer', () => {
    expect(fittedTimeAxis(10, [1000], 'h')).toEqual({
      range: [0, 10],
      note: "The time axis ends at the current scenario's mission time, 10 h; pinned scenarios run on to 1000 h, past its right edge.",
    });
    expect(fittedTimeAxis(1000, [1000, 1200], 'h')).toBeUndefined();
    expect(fittedTimeAxis(10, [], 'h')).toBeUndefined();
    expect(fittedTimeAxis(undefined, [1000], 'h')).toBeUndefined();
  });
});

describe('simulation runs, progress and cancel in the store', () => {
  const fresh = (): AppState => initialState(undefined, 'text', 'tmr-voter', 0);
  const apply = (state: AppState, ...actions: Action[]): AppState =>
    actions.reduce((s, a) => reduce(s, a, 1)[0], state);
  const result = simResult({});

  test('only the current run is shown; a scenario change forgets it and its note', () => {
    const running = apply(fresh(), { type: 'simulationStarted', id: 2, auto: true, total: 100 });
    expect(simulationNote(running.simulation)).toBe(
      '0 of 100 replications… (started by the page: no exact solution)',
    );
    const stale = apply(running, { type: 'simulated', id: 1, result, done: 5, total: 100 });
    expect(stale.simulated).toBeUndefined();
    const done = apply(running, {
      type: 'simulated',
      id: 2,
      result,
      done: 100,
      total: 100,
      finished: true,
    });
    expect(done.simulated).toBe(result);
    expect(simulationNote(done.simulation)).toMatch(/^100 replications, done/);
    const budget = apply(running, {
      type: 'simulated',
      id: 2,
      result,
      done: 40,
      total: 100,
      finished: true,
      stopped: 'budget',
    });
    expect(simulationNote(budget.simulation)).toMatch(/^stopped after 40 of 100 replications/);
    for (const change of [
      { type: 'openFile', text: 'x' },
      { type: 'loadExample', name: 'raid5', text: 'y' },
      { type: 'setMissionTime', value: 5 },
    ] as const) {
      const next = apply(done, change);
      expect(next.simulation).toBeUndefined();
      expect(next.simulated).toBeUndefined();
      expect(simulationNote(next.simulation)).not.toMatch(/done/);
      // An answer of the forgotten run stays forgotten.
      expect(apply(next, { type: 'simulated', id: 2, result, done: 1 }).simulated).toBeUndefined();
    }
    const failed = apply(running, {
      type: 'simulationFailed',
      id: 2,
      message: 'bad; use relkit x',
    });
    expect(simulationNote(failed.simulation)).toBe('the simulation failed: bad');
  });

  test('an opened file is no example; progress shows until the answer; cancel skips the exact solve of this text only', () => {
    expect(apply(fresh(), { type: 'openFile', text: 'f' }).example).toBe('');
    const solving = apply(fresh(), {
      type: 'solveProgress',
      note: 'solveSteadyState: bicgstab on 5000 states, 9 transitions',
      fraction: 0.5,
    });
    expect(solving.solving).toEqual({
      text: 'computing the long-run measures',
      fraction: 0.5,
      states: 5000,
    });
    const later = apply(solving, { type: 'solveProgress', note: 'solveSteadyState: x' });
    expect(later.solving?.states).toBe(5000);
    const [cancelled, change] = reduce(solving, { type: 'cancelExact' }, 1);
    expect(change).toBe('scenario');
    expect(cancelled.solving).toBeUndefined();
    expect(cancelled.exactSkipped).toBe(EXACT_CANCELLED);
    expect(apply(cancelled, { type: 'setParameter', name: 'x', value: 1 }).exactSkipped).toBe(
      EXACT_CANCELLED,
    );
    expect(apply(cancelled, { type: 'edit', text: 'other' }).exactSkipped).toBeUndefined();
    expect(apply(cancelled, { type: 'openFile', text: 'again' }).exactSkipped).toBeUndefined();
  });
});

describe('a long exact solve', () => {
  const chain = (count: number) => `name: chain
components:
${['a', 'b', 'c'].map((n, i) => `  ${n}: { count: ${count}, failure: { mtbf: ${1000 + 300 * i} }, repair: { mttr: ${5 + 3 * i} } }`).join('\n')}
system:
  series:
${['a', 'b', 'c'].map((n) => `    - koon: { k: 3, of: ${n} }`).join('\n')}
maintenance: { crews: 3, priority: [a, b, c], idle_while_down: true }
`;

  test('a chain estimated large shows the model first, then its progress; a small one neither', () => {
    const previews: Exploration[] = [];
    const notes: string[] = [];
    const options = {
      onSlowSolve: (preview: Exploration) => previews.push(preview),
      onProgress: (_: number | undefined, note: string) => notes.push(note),
    };
    const large = explore(chain(12), { overrides: {} }, [], options);
    expect(previews).toHaveLength(1);
    expect(previews[0]).toMatchObject({
      name: 'chain',
      solution: { ok: false, message: SOLVING_NOTE },
    });
    expect(notes[0]).toMatch(/building the chain/);
    expect(
      large.ok && large.exploration.solution.ok && methodLabel(large.exploration.solution.result),
    ).toMatch(/^exact: Markov chain/);
    previews.length = 0;
    notes.length = 0;
    explore(chain(3), { overrides: {} }, [], options);
    expect(previews).toHaveLength(0);
    expect(notes).toHaveLength(0);
  });

  test('a cancelled solve solves nothing and says so', () => {
    const outcome = explore(chain(8), { overrides: {} }, [], { skipExact: EXACT_CANCELLED });
    expect(outcome.ok && outcome.exploration.solution).toEqual({
      ok: false,
      message: EXACT_CANCELLED,
    });
  });
});

describe('the solver client across a cancelled solve', () => {
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
  const preview: Exploration = {
    name: 'big',
    description: '',
    timeUnit: 'h',
    parameters: [],
    components: [],
    houseEvents: [],
    solution: { ok: false, message: SOLVING_NOTE },
    measures: [],
    pins: [],
  };

  test('a preview shows the model and keeps the solve going; Cancel asks a fresh worker to skip it', () => {
    const first = fakeWorker();
    const store = createStore(initialState(undefined, 'big text', 'tmr-voter', 0), () => 0);
    const client = createSolverClient(first.port, store, () => {});
    client.request();
    first.answer({ type: 'preview', id: 1, exploration: preview });
    expect(store.get().exploration?.name).toBe('big');
    expect(store.get().solving).toBeDefined();
    first.answer({ type: 'progress', id: 1, note: 'markov: building the chain' });
    expect(store.get().solving?.text).toBe('building the Markov chain');
    // Still busy: a new request waits for the answer instead of queueing behind the solve.
    client.request();
    expect(first.sent).toHaveLength(1);
    const second = fakeWorker();
    store.dispatch({ type: 'cancelExact' });
    client.replaceWorker(second.port);
    expect(second.sent).toEqual([
      {
        type: 'explore',
        id: 2,
        text: 'big text',
        scenario: { overrides: {} },
        pins: [],
        skipExact: EXACT_CANCELLED,
      },
    ]);
    expect(store.get().solving).toBeUndefined();
  });
});

describe('when the page simulates on its own', () => {
  const unsolved: Exploration = {
    name: 'm',
    description: '',
    timeUnit: 'h',
    parameters: [],
    components: [],
    houseEvents: [],
    solution: { ok: false, message: 'no exact method' },
    measures: [],
    pins: [],
  };
  const base = initialState(undefined, 'text', 'tmr-voter', 0);

  test('a model without an exact solution is simulated once per scenario', () => {
    const explored = { ...base, exploration: unsolved };
    expect(needsAutoSimulation(base)).toBe(false);
    expect(needsAutoSimulation(explored)).toBe(true);
    const running = reduce(
      explored,
      { type: 'simulationStarted', id: 1, auto: true, total: 9 },
      0,
    )[0];
    expect(needsAutoSimulation(running)).toBe(false);
    expect(needsHorizonExtras(running)).toBe(false);
    const done = reduce(
      running,
      { type: 'simulated', id: 1, result: simResult({}), done: 9, total: 9, finished: true },
      0,
    )[0];
    expect(needsHorizonExtras(done)).toBe(true);
    expect(needsHorizonExtras({ ...done, exploration: { ...unsolved, fileMissionTime: 5 } })).toBe(
      false,
    );
  });
});
