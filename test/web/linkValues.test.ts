import { describe, expect, test } from 'vitest';
import type { Exploration } from '../../web/compute/explore.js';
import { unfitLinkValues } from '../../web/state/linkValues.js';
import { initialState, reduce } from '../../web/state/store.js';

const link = {
  example: 'tmr-voter',
  overrides: { mu: 1 },
  missionTime: 50,
  pins: [{ id: 'p1', name: 'a', overrides: { mu: 2 } }],
  view: { curve: 'linear' as const, tornadoPercent: 20 },
};
const issue = {
  line: 12,
  column: 3,
  path: 'parameters',
  message: 'has no parameter "mu" to override',
};

describe('a link whose values do not fit its model', () => {
  test('the first refusal of the linked values gives a banner naming the problem', () => {
    const [state] = reduce(
      initialState(link, 'text', 'tmr-voter', 0),
      { type: 'invalid', issues: [issue] },
      1,
    );
    expect(unfitLinkValues(state)).toBe(
      `the link's values do not fit the model: parameters has no parameter "mu" to override. Showing it with its file's values instead.`,
    );
  });

  test('a page without link values, or one that has solved a model, is not concerned', () => {
    const [plain] = reduce(
      initialState(undefined, 'text', 'tmr-voter', 0),
      { type: 'invalid', issues: [issue] },
      1,
    );
    expect(unfitLinkValues(plain)).toBeUndefined();
    const solved = {
      ...initialState(link, 'text', 'tmr-voter', 0),
      exploration: {} as Exploration,
    };
    expect(unfitLinkValues(solved)).toBeUndefined();
  });

  test('refuseLinkValues returns to the file values, drops the pins and shows the banner', () => {
    const [state, change] = reduce(
      initialState(link, 'text', 'tmr-voter', 0),
      { type: 'refuseLinkValues', message: 'why' },
      1,
    );
    expect(change).toBe('scenario');
    expect(state.overrides).toEqual({});
    expect(state.pins).toEqual([]);
    expect(state.missionTime).toBeUndefined();
    expect(state.banner).toBe('why');
  });
});
