import { describe, expect, it } from 'vitest';
import { StateIndex } from '../../src/markov/generation/StateIndex.js';
import { element } from '../helpers/element.js';
import { testRng } from '../helpers/testRng.js';

describe('StateIndex', () => {
  it('numbers vectors in first-seen order and finds each again, as a Map of their keys does', () => {
    // 20 000 random vectors of width 5 over a small alphabet (many repeats), with entries from
    // 0 to 70 000 (past 16 bits) and negative ones: storage and table grow many times.
    const rng = testRng(3);
    const index = new StateIndex(5);
    const reference = new Map<string, number>();
    const values = [0, 1, 2, 3, 65_535, 70_000, -1];
    for (let draw = 0; draw < 20_000; draw++) {
      const vector = Int32Array.from({ length: 5 }, () =>
        element(values, Math.floor(rng.next() * values.length)),
      );
      const key = vector.join(',');
      const expected = reference.get(key) ?? -1;
      expect(index.find(vector)).toBe(expected);
      if (expected < 0) {
        reference.set(key, reference.size);
        expect(index.add(vector)).toBe(reference.size - 1);
      }
    }
    expect(index.size).toBe(reference.size);
    expect(reference.size).toBeGreaterThan(10_000);
    const out = new Int32Array(5);
    for (const [key, state] of reference) {
      index.read(state, out);
      expect(out.join(',')).toBe(key);
    }
  });

  it('tells apart vectors that differ only in order, and handles width 0', () => {
    const index = new StateIndex(3);
    expect(index.add(Int32Array.of(1, 2, 3))).toBe(0);
    expect(index.find(Int32Array.of(3, 2, 1))).toBe(-1);
    expect(index.add(Int32Array.of(3, 2, 1))).toBe(1);
    expect(index.find(Int32Array.of(1, 2, 3))).toBe(0);
    const empty = new StateIndex(0);
    expect(empty.find(new Int32Array(0))).toBe(-1);
    expect(empty.add(new Int32Array(0))).toBe(0);
    expect(empty.find(new Int32Array(0))).toBe(0);
  });
});
