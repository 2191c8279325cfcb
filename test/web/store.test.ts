import { describe, expect, test } from 'vitest';
import type { Result } from '../../src/index.js';
import type { Exploration, Extras } from '../../web/compute/explore.js';
import { parameterControl } from '../../web/state/parameterScale.js';
import {
  chosenImportanceFactor,
  chosenMeasure,
  columns,
  extrasRequest,
  houseEventOverride,
  houseEventValues,
  linkState,
  missionValues,
  parameterValues,
} from '../../web/state/selectors.js';
import {
  createStore,
  initialState,
  reduce,
  scenarioOf,
  type Action,
  type AppState,
  type Change,
} from '../../web/state/store.js';
import { decodeState, encodeState, type ExplorerState } from '../../web/state/urlState.js';
import { readLink } from '../../web/state/urlSync.js';

const TEXT = 'name: m\n';

const result: Result = {
  method: 'analytic',
  model: { name: 'm', hash: '0' },
  timeUnit: 'h',
  horizon: 1000,
  measures: { reliability: { t: [0, 1000], values: [1, 0.9] }, mttf: 5000 },
  warnings: [],
};

const exploration: Exploration = {
  name: 'm',
  description: '',
  timeUnit: 'h',
  fileMissionTime: 1000,
  parameters: [
    {
      name: 'lambda',
      value: 1e-4,
      fileValue: 1e-4,
      isExpression: false,
      control: parameterControl('lambda', 1e-4),
    },
    {
      name: 'mttf',
      value: 1e4,
      fileValue: 1e4,
      isExpression: true,
      control: parameterControl('mttf', 1e4),
    },
  ],
  components: [],
  houseEvents: [],
  solution: { ok: true, result, numbers: { missionTime: 1000, reliability: 0.9, mttf: 5000 } },
  measures: ['reliability', 'mttf'],
  pins: [{ id: 'p1', solution: { ok: false, message: 'no' } }],
};

const fresh = (): AppState => initialState(undefined, TEXT, 'tmr-voter', 0);

/** Applies actions one after the other from `state`, at time 1, 2, … */
function run(state: AppState, ...actions: Action[]): [AppState, Change[]] {
  const changes: Change[] = [];
  actions.forEach((action, i) => {
    const [next, change] = reduce(state, action, i + 1);
    state = next;
    changes.push(change);
  });
  return [state, changes];
}

describe('initialState', () => {
  test('a fresh page: the default example, no overrides, pins or banner', () => {
    expect(fresh()).toEqual({
      example: 'tmr-voter',
      text: TEXT,
      overrides: {},
      pins: [],
      view: { curve: 'linear', tornadoPercent: 20 },
      issues: [],
      solveMs: 0,
      changedAt: 0,
    });
  });

  test('a link: its example, scenario, pins and view; a refused link: a banner', () => {
    const link: ExplorerState = {
      example: '',
      text: 'x',
      overrides: { lambda: 2 },
      missionTime: 5,
      pins: [{ id: 'p1', name: 'a', overrides: {} }],
      view: { curve: 'log', measure: 'mttf', tornadoPercent: 10 },
    };
    const state = initialState(link, 'x', 'tmr-voter', 7);
    expect(state).toMatchObject({ ...link, text: 'x', changedAt: 7 });
    expect(state.view).not.toBe(link.view);
    expect(initialState(undefined, TEXT, 'tmr-voter', 0, 'damaged').banner).toBe('damaged');
  });
});

describe('reduce', () => {
  test('parameter and mission changes are scenario changes; undefined resets one value', () => {
    const [state, changes] = run(
      fresh(),
      { type: 'setParameter', name: 'lambda', value: 2e-4 },
      { type: 'setParameter', name: 'mu', value: 0.1 },
      { type: 'setMissionTime', value: 500 },
      { type: 'setParameter', name: 'mu', value: undefined },
    );
    expect(changes).toEqual(['scenario', 'scenario', 'scenario', 'scenario']);
    expect(scenarioOf(state)).toEqual({ overrides: { lambda: 2e-4 }, missionTime: 500 });
    expect(state.changedAt).toBe(4);
    const [reset] = run(state, { type: 'setMissionTime', value: undefined });
    expect('missionTime' in reset).toBe(false);
    const [all] = run(state, { type: 'resetAll' });
    expect(scenarioOf(all)).toEqual({ overrides: {} });
  });

  test('a scenario change clears the simulated curves, an answer does not restart the timing', () => {
    const [simulated] = run(fresh(), { type: 'simulated', result });
    expect(simulated.simulated).toBe(result);
    const [explored, changes] = run(simulated, { type: 'explored', exploration, solveMs: 3 });
    expect(changes).toEqual(['explored']);
    expect(explored).toMatchObject({ simulated: result, changedAt: 0, solveMs: 3 });
    const [edited] = run(explored, { type: 'edit', text: 'y' });
    expect(edited.simulated).toBeUndefined();
    expect(edited.text).toBe('y');
  });

  test('a pin keeps the simulated results shown; renaming keeps them, an edit of the text drops them', () => {
    const run1: Result = {
      method: 'simulation',
      model: { name: 'm', hash: '0' },
      timeUnit: 'h',
      horizon: 1000,
      measures: { mttf: { mean: 5000, ci95: [4000, 6000], events: 30 } },
      warnings: [],
      replications: 100,
    } as Result;
    const [pinned, changes] = run(
      fresh(),
      { type: 'explored', exploration, solveMs: 1 },
      { type: 'simulated', result: run1 },
      { type: 'pin' },
      { type: 'renamePin', id: 'p1', name: 'simulated one' },
    );
    expect(changes.slice(2)).toEqual(['scenario', 'scenario']);
    expect(pinned.pins[0]!.simulated).toEqual({
      replications: 100,
      horizon: 1000,
      measures: { mttf: { mean: 5000, ci95: [4000, 6000], events: 30 } },
    });
    const shown = columns(pinned);
    expect(shown[1]!.simulated).toMatchObject({
      method: 'simulation',
      replications: 100,
      measures: { mttf: { mean: 5000 } },
    });
    // A pin of a scenario without a simulation keeps exact results only.
    const [second] = run(pinned, { type: 'pin' });
    expect(second.pins[1]!.simulated).toBeUndefined();
    const [same] = run(pinned, { type: 'edit', text: pinned.text });
    expect(same.pins[0]!.simulated).toBeDefined();
    const [edited] = run(pinned, { type: 'edit', text: 'name: other\n' });
    expect(edited.pins[0]).toEqual({ id: 'p1', name: 'simulated one', overrides: {} });
  });

  test('pins are added from the live scenario, renamed and removed', () => {
    const [state] = run(
      fresh(),
      { type: 'setParameter', name: 'lambda', value: 2e-4 },
      { type: 'pin' },
      { type: 'pin' },
      { type: 'renamePin', id: 'p1', name: 'hot' },
      { type: 'removePin', id: 'p2' },
    );
    expect(state.pins).toEqual([{ id: 'p1', name: 'hot', overrides: { lambda: 2e-4 } }]);
  });

  test('choosing an example clears the scenario, pins, chart choices and banner', () => {
    const start = initialState(
      {
        example: 'a',
        overrides: { x: 1 },
        missionTime: 3,
        pins: [{ id: 'p1', name: 'a', overrides: {} }],
        view: { curve: 'log', measure: 'mttf', sweep: 'x', tornadoPercent: 5 },
      },
      'A',
      'a',
      0,
      'damaged link',
    );
    const [state, [change]] = run(start, { type: 'loadExample', name: 'b', text: 'B' });
    expect(change).toBe('scenario');
    expect(state).toEqual({
      example: 'b',
      text: 'B',
      overrides: {},
      pins: [],
      view: { curve: 'log', tornadoPercent: 5 },
      issues: [],
      solveMs: 0,
      changedAt: 1,
    });
  });

  test('opening a file clears the scenario and pins but keeps the view and banner', () => {
    const start: AppState = {
      ...fresh(),
      example: 'a',
      overrides: { x: 1 },
      missionTime: 3,
      view: { curve: 'log', measure: 'mttf', tornadoPercent: 5 },
      banner: 'b',
    };
    const [state] = run(start, { type: 'openFile', text: 'F' });
    expect(state).toMatchObject({ example: '', text: 'F', overrides: {}, pins: [], banner: 'b' });
    expect(state.view).toEqual(start.view);
    expect('missionTime' in state).toBe(false);
  });

  test('the curve axis and the what-if settings are their own kinds of change', () => {
    const [state, changes] = run(
      fresh(),
      { type: 'setCurveScale', scale: 'log' },
      { type: 'setWhatIf', settings: { measure: 'mttf' } },
      { type: 'setWhatIf', settings: { tornadoPercent: 10 } },
    );
    expect(changes).toEqual(['curve', 'whatIf', 'whatIf']);
    expect(state.view).toEqual({
      curve: 'log',
      curveChosen: true,
      measure: 'mttf',
      tornadoPercent: 10,
    });
    expect(state.changedAt).toBe(0);
  });

  test('invalid text keeps the last exploration; the next one clears the issues', () => {
    const issues = [{ line: 2, path: 'x', message: 'bad' }];
    const [state, changes] = run(
      fresh(),
      { type: 'explored', exploration, solveMs: 1 },
      { type: 'invalid', issues },
    );
    expect(changes).toEqual(['explored', 'invalid']);
    expect(state).toMatchObject({ exploration, issues });
    const [again] = run(state, { type: 'explored', exploration, solveMs: 1 });
    expect(again.issues).toEqual([]);
  });

  test('extras are replaced, or dropped when the worker has none', () => {
    const extras: Extras = { measure: 'mttf', tornado: [] };
    const [state, [change]] = run(fresh(), { type: 'extras', extras });
    expect(change).toBe('extras');
    expect(state.extras).toBe(extras);
    const [none] = run(state, { type: 'extras', extras: undefined });
    expect('extras' in none).toBe(false);
  });
});

describe('createStore', () => {
  test('dispatch replaces the state and tells every listener in order', () => {
    const store = createStore(fresh(), () => 42);
    const heard: string[] = [];
    store.subscribe((change, state) => heard.push(`a ${change} ${state.changedAt}`));
    store.subscribe((change) => heard.push(`b ${change}`));
    store.dispatch({ type: 'pin' });
    expect(heard).toEqual(['a scenario 42', 'b scenario']);
    expect(store.get().pins).toHaveLength(1);
  });
});

describe('selectors', () => {
  const explored: AppState = {
    ...fresh(),
    overrides: { lambda: 3e-4 },
    pins: [
      { id: 'p1', name: 'one', overrides: {} },
      { id: 'p2', name: 'two', overrides: {} },
    ],
    exploration,
  };

  test('columns: the live scenario first, then each pin with its solution or why not', () => {
    const shown = columns(explored);
    expect(shown.map((c) => [c.id, c.name, c.color])).toEqual([
      ['live', 'current', '#0072B2'],
      ['p1', 'one', '#D55E00'],
      ['p2', 'two', '#009E73'],
    ]);
    expect(shown[1]!.solution).toEqual({ ok: false, message: 'no' });
    expect(shown[2]!.solution).toEqual({ ok: false, message: 'not solved yet' });
    expect(columns(fresh())).toEqual([]);
  });

  test('chosenMeasure: the chosen measure when the model has it, else its first', () => {
    expect(chosenMeasure(explored)).toBe('reliability');
    const view = { ...explored.view, measure: 'mttf' as const };
    expect(chosenMeasure({ ...explored, view })).toBe('mttf');
    expect(chosenMeasure({ ...explored, view: { ...view, measure: 'nines' } })).toBe('reliability');
    expect(chosenMeasure(fresh())).toBe('mttf');
    expect(extrasRequest({ ...explored, view: { ...view, sweep: 'lambda' } })).toEqual({
      measure: 'mttf',
      sweep: 'lambda',
      tornadoPercent: 20,
    });
  });

  test('parameter values come from the state; expressions from the answer', () => {
    expect(parameterValues(explored).map((p) => [p.name, p.value])).toEqual([
      ['lambda', 3e-4],
      ['mttf', 1e4],
    ]);
    expect(missionValues(explored)).toEqual({ value: 1000, base: 1000, fromFile: true });
    expect(missionValues({ ...explored, missionTime: 50 })).toEqual({
      value: 50,
      base: 1000,
      fromFile: true,
    });
  });

  test('missionValues: a model without a mission time returns to the default, not the file', () => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the key is left out
    const { fileMissionTime, ...withoutMission } = exploration;
    expect(missionValues({ ...explored, exploration: withoutMission })).toEqual({
      value: 1000,
      base: 1000,
      fromFile: false,
    });
  });

  test('missionValues: none for a model whose solution has no mission time', () => {
    const timeless = {
      ...exploration,
      solution: { ok: true, result, numbers: { missionTime: NaN } },
    } as const;
    expect(missionValues({ ...explored, exploration: timeless })).toBeUndefined();
  });

  test('house events: the state says whether each occurs; the file value needs no override', () => {
    const tree: AppState = {
      ...explored,
      overrides: { maintenance: 1, test: 0 },
      exploration: {
        ...exploration,
        houseEvents: [
          { name: 'maintenance', fileValue: false },
          { name: 'test', fileValue: true },
          { name: 'flood', fileValue: true },
        ],
      },
    };
    expect(houseEventValues(tree).map((e) => [e.name, e.occurs])).toEqual([
      ['maintenance', true],
      ['test', false],
      ['flood', true],
    ]);
    const maintenance = { name: 'maintenance', fileValue: false };
    expect(houseEventOverride(maintenance, true)).toBe(1);
    expect(houseEventOverride(maintenance, false)).toBeUndefined();
    expect(houseEventOverride({ name: 'test', fileValue: true }, false)).toBe(0);
    expect(houseEventValues(fresh())).toEqual([]);
  });

  test('a house event toggled on and pinned is kept by the pin and the link', async () => {
    const [state] = run(
      explored,
      { type: 'setParameter', name: 'maintenance', value: 1 },
      { type: 'pin' },
      { type: 'setParameter', name: 'maintenance', value: undefined },
    );
    expect(state.overrides).toEqual({ lambda: 3e-4 });
    expect(state.pins.at(-1)!.overrides).toEqual({ lambda: 3e-4, maintenance: 1 });
    const link = linkState(state, TEXT);
    expect((await decodeState(await encodeState(link)))?.pins.at(-1)?.overrides).toEqual({
      lambda: 3e-4,
      maintenance: 1,
    });
  });

  test('the importance factor is a view change of its own, kept across examples', () => {
    expect(chosenImportanceFactor(fresh())).toBe('birnbaum');
    const [state, changes] = run(
      fresh(),
      { type: 'setImportanceFactor', factor: 'raw' },
      { type: 'loadExample', name: 'b', text: 'B' },
    );
    expect(changes).toEqual(['importance', 'scenario']);
    expect(chosenImportanceFactor(state)).toBe('raw');
  });

  test('linkState keeps the text only when it differs from the example, and round-trips', async () => {
    const state: AppState = { ...explored, missionTime: 50, issues: [], exploration };
    const link = linkState(state, TEXT);
    expect(link).toEqual({
      example: 'tmr-voter',
      overrides: { lambda: 3e-4 },
      missionTime: 50,
      pins: state.pins,
      view: state.view,
    });
    expect(linkState(state, 'other').text).toBe(TEXT);
    expect(await decodeState(await encodeState(link))).toEqual(link);
  });
});

describe('readLink', () => {
  const known = (name: string) => name === 'tmr-voter';

  test('a link to a known example, or with its own text, is restored', async () => {
    const link = linkState({ ...fresh(), overrides: { lambda: 2 } }, TEXT);
    expect(await readLink(`#${await encodeState(link)}`, known)).toEqual({ link });
    const own = { ...link, example: '', text: 'x' };
    expect(await readLink(`#${await encodeState(own)}`, known)).toEqual({ link: own });
    expect(await readLink('', known)).toEqual({});
  });

  test('a damaged link or an unknown example is refused with a message', async () => {
    expect((await readLink('#s=AAAA', known)).refused).toMatch(
      /^the link is damaged.*\. Showing the default model instead\.$/,
    );
    const unknown = await encodeState({ ...linkState(fresh(), TEXT), example: 'nope' });
    expect((await readLink(`#${unknown}`, known)).refused).toBe(
      'the link names the unknown example "nope". Showing the default model instead.',
    );
  });
});
