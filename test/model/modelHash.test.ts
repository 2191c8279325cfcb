import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import { fnv1a64, modelHash } from '../../src/model/modelHash.js';
import type { Model } from '../../src/model/Model.js';

/** The canonical JSON as a string (keys sorted), the definition the streamed hash must keep. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('modelHash', () => {
  it('is FNV-1a 64 of the canonical JSON written out, on a model', () => {
    const model = loadModel(
      'name: pair\nparameters: { m: 1000 }\ncomponents:\n  disk: { count: 2, failure: { mtbf: m }, repair: { mttr: 4 } }\nsystem: { parallel: [disk] }\nmission_time: 100',
    );
    expect(modelHash(model)).toBe(fnv1a64(canonicalJson(model)));
  });

  it('writes what JSON cannot as the string form did: undefined in an object, nothing in a list', () => {
    const odd = {
      a: undefined,
      b: [undefined, null, () => 1, 1, NaN, -0, 'x"é\u2028', [], {}],
      c: { z: 1, y: [[1, [2]], { q: null }] },
      d: new Date(0),
      'é\n': true,
    };
    expect(modelHash(odd as unknown as Model)).toBe(fnv1a64(canonicalJson(odd)));
    // A one-key change changes the hash.
    expect(modelHash({ ...odd, a: 1 } as unknown as Model)).not.toBe(
      modelHash(odd as unknown as Model),
    );
  });
});
