import { describe, expect, test } from 'vitest';
import {
  checkState,
  decodeState,
  encodeState,
  StateDecodeError,
  type ExplorerState,
} from '../../web/state/urlState.js';

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
  return encodeState(data as ExplorerState);
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
    expect(() => checkState({ example: 'x', overrides: { 'a.b': 1 } })).toThrow(/overrides/);
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
