import { describe, expect, test } from 'vitest';
import {
  checkState,
  decodeState,
  encodeState,
  StateDecodeError,
  type ExplorerState,
} from '../../web/state/urlState.js';
import { rawLinkHash } from './rawLink.js';

const state: ExplorerState = {
  example: 'tmr-voter',
  text: 'name: x\n# ünïcode ✓\ncomponents: {}\n',
  overrides: { lambda: 2e-4 },
  missionTime: 500,
  pins: [{ id: 'p1', name: 'slow CPUs', overrides: { lambda: 5e-5 }, missionTime: 2000 }],
  view: { curve: 'log', measure: 'mttf', component: 'cpu', sweep: 'lambda', tornadoPercent: 10 },
};

/** A hash built from arbitrary JSON, as a crafted link would be. */
async function hashOf(data: unknown): Promise<string> {
  return rawLinkHash(data);
}

describe('encodeState / decodeState', () => {
  test('decodeState(encodeState(s)) returns s, text and pins included', async () => {
    const hash = await encodeState(state);
    expect(hash).toMatch(/^s=[A-Za-z0-9_-]+$/);
    expect(await decodeState(`#${hash}`)).toEqual(state);
  });

  test('a long model text compresses to a shorter hash', async () => {
    const text = 'components:\n'.concat('  disk: { failure: { mtbf: 1000 } }\n'.repeat(200));
    const hash = await encodeState({ ...state, text });
    expect(hash.length).toBeLessThan(text.length / 5);
  });

  test('an empty hash is no state', async () => {
    expect(await decodeState('')).toBeUndefined();
    expect(await decodeState('#')).toBeUndefined();
  });

  test.each([
    ['#other', /^the link does not hold an explorer state/],
    ['#s=not*base64', /^the link is damaged: it is not valid base64url$/],
    ['#s=AAAA', /^the link is damaged: its data does not decompress$/],
  ])('decodeState(%s) throws a clear message', async (hash, message) => {
    const error = await decodeState(hash).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateDecodeError);
    expect((error as Error).message).toMatch(message);
  });

  test('decodeState of compressed non-JSON says so', async () => {
    // encodeState of a string gives the JSON text of the string; strip the quotes by hand.
    const hash = await hashOf('x');
    const error = await decodeState(hash.replace(/^s=/, 's=')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(/^the link's state is invalid: it is not an object$/);
  });

  test('checkState refuses overrides that are not finite numbers', () => {
    expect(() => checkState({ example: 'x', overrides: { lambda: 'alert(1)' } })).toThrow(
      /^the link's state is invalid: state\.overrides\.lambda must be a finite number$/,
    );
    expect(() => checkState({ example: 'x', overrides: { '<img src=x>': 1 } })).toThrow(
      /^the link's state is invalid: state\.overrides has a name that is not a parameter or event name$/,
    );
  });

  test('checkState refuses a missing example and a bad pin', () => {
    expect(() => checkState({ overrides: {} })).toThrow(/example must be a file name/);
    expect(() => checkState({ example: 'x', pins: [{ id: 1 }] })).toThrow(/pins\[0\]/);
  });

  test('checkState drops unknown view values and keeps defaults', () => {
    const checked = checkState({ example: 'x', view: { curve: 'weird', measure: 'evil' } });
    expect(checked.view).toEqual({ curve: 'linear', tornadoPercent: 20 });
    expect(checked.pins).toEqual([]);
  });
});

describe('links and fault trees', () => {
  test('house events named with - and . are overrides a link keeps', async () => {
    const tree: ExplorerState = {
      ...state,
      overrides: { 'Isolation-valve-A': 1, 'train.pump': 0, lambda: 2e-4 },
      view: { ...state.view, importance: 'raw' },
    };
    expect(await decodeState(await encodeState(tree))).toEqual(tree);
  });

  test('a link made before the importance factor and house events still opens the same', () => {
    // The state of a link written by the explorer before this round (no view.importance).
    const old = {
      example: 'tmr-voter',
      overrides: { lambda: 2e-4 },
      missionTime: 500,
      pins: [{ id: 'p1', name: 'slow', overrides: { lambda: 5e-5 } }],
      view: { curve: 'log', measure: 'mttf', tornadoPercent: 10 },
    };
    // Its log axis was the user's choice (linear was the only default then).
    expect(checkState(old)).toEqual({ ...old, view: { ...old.view, curveChosen: true } });
  });

  test('checkState drops an unknown importance factor and refuses names that are not names', () => {
    expect(checkState({ example: 'x', view: { importance: 'evil' } }).view).toEqual({
      curve: 'linear',
      tornadoPercent: 20,
    });
    for (const name of ['a..b', '-a', 'a-', 'x'.repeat(101), 'a b']) {
      expect(() => checkState({ example: 'x', overrides: { [name]: 1 } })).toThrow(/overrides/);
    }
  });
});

describe('the system shown (a model with several systems)', () => {
  test('round-trips in the state and in pins, and is optional', async () => {
    const withSystem: ExplorerState = {
      ...state,
      system: 'write',
      pins: [{ id: 'p1', name: 'reads', overrides: {}, system: 'read' }],
    };
    expect(await decodeState(`#${await encodeState(withSystem)}`)).toEqual(withSystem);
    expect(checkState({ ...state }).system).toBeUndefined();
  });

  test.each([['<a href="x">'], [42], ['constructor'], ['x'.repeat(500)]])(
    'a system that is not a name is refused: %s',
    (system) => {
      expect(() => checkState({ ...state, system })).toThrow(/state\.system must be a system name/);
    },
  );
});
