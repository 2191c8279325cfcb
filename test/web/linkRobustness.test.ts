import { describe, expect, test } from 'vitest';
import {
  isObjectKey,
  isSaneParameter,
  MAX_MISSION_TIME,
  MIN_MISSION_TIME,
  missionTimeProblem,
} from '../../web/state/limits.js';
import {
  checkState,
  decodeState,
  encodeState,
  LINK_VERSION,
  type ExplorerState,
} from '../../web/state/urlState.js';
import { rawLinkHash } from './rawLink.js';

const base = { example: 'tmr-voter', overrides: {}, pins: [], view: { curve: 'linear' } };

/** The message decodeState gives for a crafted state, or undefined when it accepts it. */
async function refusal(data: unknown): Promise<string | undefined> {
  return decodeState(await rawLinkHash(data)).then(
    () => undefined,
    (error: unknown) => (error as Error).message,
  );
}

describe('limits', () => {
  test('the keys every object has, and prototype, are object keys; model names are not', () => {
    for (const name of ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty']) {
      expect(isObjectKey(name)).toBe(true);
    }
    for (const name of ['lambda', 'mttr', 'panel_in_test', 'constructor_rate']) {
      expect(isObjectKey(name)).toBe(false);
    }
  });

  test('a mission time must leave a time grid: from 1e-6 to 1e12', () => {
    expect(missionTimeProblem(1000)).toBeUndefined();
    expect(missionTimeProblem(MIN_MISSION_TIME)).toBeUndefined();
    expect(missionTimeProblem(MAX_MISSION_TIME)).toBeUndefined();
    for (const value of [5e-324, 1e-9, 0, -1, 1e13, Infinity, NaN]) {
      expect(missionTimeProblem(value)).toMatch(
        /^must be a number from 0.000001 to 1000000000000$/,
      );
    }
  });

  test('a parameter is 0 or of a size from 1e-100 to 1e15', () => {
    for (const value of [0, 1e-4, -3, 0.5, 1e15, 1e-100]) expect(isSaneParameter(value)).toBe(true);
    for (const value of [5e-324, 1e-200, 1e16, -1e308, Infinity, NaN]) {
      expect(isSaneParameter(value)).toBe(false);
    }
  });
});

describe('hostile links are refused with a message', () => {
  test.each([
    ['a constructor override', { ...base, overrides: { constructor: 5 } }, /overrides has a name/],
    ['a prototype override', { ...base, overrides: { prototype: 1 } }, /overrides has a name/],
    [
      'a toString override in a pin',
      { ...base, pins: [{ id: 'p1', name: 'x', overrides: { toString: 1 } }] },
      /pins\[0\]\.overrides has a name/,
    ],
    [
      'a denormal mission time',
      { ...base, missionTime: 5e-324 },
      /missionTime must be a number from/,
    ],
    ['a huge mission time', { ...base, missionTime: 1e300 }, /missionTime must be a number from/],
    ['a mission time as text', { ...base, missionTime: '5' }, /missionTime must be a number$/],
    [
      'an absurd parameter',
      { ...base, overrides: { lambda: 1e308 } },
      /lambda is not a usable value/,
    ],
    [
      'a denormal parameter',
      { ...base, overrides: { lambda: 5e-324 } },
      /lambda is not a usable value/,
    ],
    [
      'a pin id with markup',
      { ...base, pins: [{ id: '"><img>', name: 'x', overrides: {} }] },
      /pins\[0\]\.id/,
    ],
    [
      'two pins of one id',
      {
        ...base,
        pins: [
          { id: 'p1', name: 'a', overrides: {} },
          { id: 'p1', name: 'b', overrides: {} },
        ],
      },
      /pins\[1\]\.id/,
    ],
    [
      'a newer version',
      { ...base, version: LINK_VERSION + 1 },
      /made by a newer explorer \(link version 3; this page reads up to 2\)/,
    ],
    ['a version that is not a number', { ...base, version: 'x' }, /version must be a whole number/],
    [
      'an example that is not a file name',
      { ...base, example: '../../etc/passwd' },
      /example must be a file name/,
    ],
  ])('%s', async (_what, data, message) => {
    expect(await refusal(data)).toMatch(message);
  });

  test('a __proto__ key written in the JSON itself is refused, and no prototype changes', async () => {
    const hash = await rawLinkHash(
      JSON.parse('{"example":"tmr-voter","overrides":{"__proto__":{"x":1}}}'),
    );
    const message = await decodeState(hash).then(
      () => undefined,
      (error: unknown) => (error as Error).message,
    );
    expect(message).toMatch(/overrides has a name/);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test('overlong or object-key view names are dropped, the rest of the link kept', () => {
    const checked = checkState({
      ...base,
      view: { curve: 'log', component: 'c'.repeat(101), sweep: 'constructor', measure: 'mttf' },
    });
    expect(checked.view).toEqual({
      curve: 'log',
      curveChosen: true,
      measure: 'mttf',
      tornadoPercent: 20,
    });
  });

  test('a pin name is cut to 80 characters and kept as text', () => {
    const name = `<a href="https://example.com">${'x'.repeat(100)}</a>`;
    const checked = checkState({ ...base, pins: [{ id: 'p1', name, overrides: {} }] });
    expect(checked.pins[0]!.name).toBe(name.slice(0, 80));
  });
});

describe('the curve axis in links', () => {
  const state: ExplorerState = {
    example: 'raid5',
    overrides: {},
    pins: [],
    view: { curve: 'linear', tornadoPercent: 20 },
  };

  test('encodeState writes the version; an axis not chosen stays not chosen', async () => {
    const hash = await encodeState(state);
    expect(await decodeState(hash)).toEqual(state);
  });

  test('an axis the user chose is kept, linear as well as log', async () => {
    for (const curve of ['linear', 'log'] as const) {
      const chosen: ExplorerState = {
        ...state,
        view: { curve, curveChosen: true, tornadoPercent: 20 },
      };
      expect(await decodeState(await encodeState(chosen))).toEqual(chosen);
    }
  });

  test('a link of version 1 (no version field) with the log axis had it chosen', () => {
    expect(checkState({ ...base, view: { curve: 'log' } }).view).toEqual({
      curve: 'log',
      curveChosen: true,
      tornadoPercent: 20,
    });
    expect(checkState({ ...base, view: { curve: 'linear' } }).view).toEqual({
      curve: 'linear',
      tornadoPercent: 20,
    });
  });

  test('a version-2 link says whether the axis was chosen only through curveChosen', () => {
    expect(checkState({ ...base, version: 2, view: { curve: 'log' } }).view).toEqual({
      curve: 'log',
      tornadoPercent: 20,
    });
    expect(
      checkState({ ...base, version: 2, view: { curve: 'log', curveChosen: 'yes' } }).view,
    ).toEqual({
      curve: 'log',
      tornadoPercent: 20,
    });
  });
});
