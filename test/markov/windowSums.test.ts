import { describe, expect, it } from 'vitest';
import type { PoissonWeights } from '../../src/markov/linalg/poissonWeights.js';
import { WindowSums } from '../../src/markov/linalg/windowSums.js';
import { element } from '../helpers/element.js';
import { testRng } from '../helpers/testRng.js';

/** n-vectors v_0 … v_{count−1} of uniform draws. */
function iterates(seed: number, count: number, n: number): Float64Array[] {
  const rng = testRng(seed);
  return Array.from({ length: count }, () => Float64Array.from({ length: n }, () => rng.next()));
}

function window(left: number, right: number, seed: number): PoissonWeights {
  const rng = testRng(seed);
  return {
    left,
    right,
    weights: Float64Array.from({ length: right - left + 1 }, () => rng.next()),
  };
}

/** Σ_k w_k v_k added one iterate at a time, k ascending: the order the sums must keep. */
function oneByOne(w: PoissonWeights, vectors: readonly Float64Array[], n: number): Float64Array {
  const sum = new Float64Array(n);
  for (let k = w.left; k <= Math.min(w.right, vectors.length - 1); k++) {
    const weight = element(w.weights, k - w.left);
    const vector = element(vectors, k);
    for (let i = 0; i < n; i++) sum[i] = element(sum, i) + weight * element(vector, i);
  }
  return sum;
}

describe('WindowSums', () => {
  // n = 9000 spans three chunks of 4096; windows that start before, inside and after a block.
  const n = 9000;
  const all = iterates(1, 40, n);
  const windows = [
    window(0, 39, 2),
    window(3, 9, 3),
    window(7, 7, 4),
    window(20, 60, 5),
    window(45, 50, 6),
  ];

  it.each([1, 2, 3, 5, 8, 40])(
    'gives the same bits as adding each iterate as it comes (blocks of %i)',
    (blockSize) => {
      const sums = new WindowSums(windows, n);
      for (let first = 0; first < all.length; first += blockSize) {
        const block = all.slice(first, first + blockSize);
        sums.addIterates(block, first, block.length);
      }
      windows.forEach((w, j) => expect(sums.sums[j]).toEqual(oneByOne(w, all, n)));
    },
  );

  it('addScaled adds scale_j·v to the windows with a non-zero scale only', () => {
    const sums = new WindowSums(windows.slice(0, 3), n);
    sums.addIterates(all.slice(0, 4), 0, 4);
    const before = sums.sums.map((s) => Float64Array.from(s));
    const v = element(all, 5);
    sums.addScaled(v, [0.5, 0, 2]);
    const entry = (vectors: readonly Float64Array[], j: number, i: number): number =>
      element(element(vectors, j), i);
    for (let i = 0; i < n; i += 997) {
      expect(entry(sums.sums, 0, i)).toBe(entry(before, 0, i) + 0.5 * element(v, i));
      expect(entry(sums.sums, 1, i)).toBe(entry(before, 1, i));
      expect(entry(sums.sums, 2, i)).toBe(entry(before, 2, i) + 2 * element(v, i));
    }
  });
});
