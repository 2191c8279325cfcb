import { describe, expect, test } from 'vitest';

import { ParameterError } from '../../src/errors.js';
import { compileStructure } from '../../src/structure/compileStructure.js';
import {
  mcubApproximation,
  rareEventApproximation,
} from '../../src/structure/cutSetApproximations.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { BRIDGE, c, koon, parallel, seededRandom, series } from '../helpers/structures.js';

// Closed forms by hand; on random coherent structures the ordering exact ≤ MCUB ≤ rare event
// (Esary and Proschan 1963 for the first inequality, 1 − ∏(1 − a) ≤ Σ a for the second).
const RELATIVE = 1e-12;

describe('rareEventApproximation and mcubApproximation', () => {
  test('2-out-of-3 with q = 0.1: 0.03 and 1 − 0.99³ = 0.029701 above the exact 0.028', () => {
    const sets = [
      [0, 1],
      [0, 2],
      [1, 2],
    ];
    const q = [0.1, 0.1, 0.1];
    expectRelClose(rareEventApproximation(sets, q), 0.03, RELATIVE, 'rare');
    expectRelClose(mcubApproximation(sets, q), 0.029701, RELATIVE, 'MCUB');
    const exact = compileStructure(koon(2, c(0), c(1), c(2)), 3).failureProbability(
      [0.9, 0.9, 0.9],
      q,
    );
    expectRelClose(exact, 0.028, RELATIVE, 'exact');
  });

  test('cut sets sharing no component: MCUB is exact (a series of components)', () => {
    const q = [0.1, 0.2, 0.3, 0.4];
    const system = compileStructure(series(c(0), c(1), c(2), c(3)), 4);
    const sets = system.minimalCutSets();
    const exact = system.failureProbability(
      q.map((x) => 1 - x),
      q,
    );
    expectRelClose(mcubApproximation(sets, q), exact, RELATIVE, 'MCUB');
    expectRelClose(rareEventApproximation(sets, q), 1, RELATIVE, 'rare: Σ q = 1, no probability');
  });

  test('small probabilities keep their digits: one set of 1e-20, a thousand of 1e-12', () => {
    expectRelClose(mcubApproximation([[0, 1]], [1e-10, 1e-10]), 1e-20, 1e-15, 'one set');
    const many = Array.from({ length: 1000 }, (_, i) => [i]);
    const q = new Array<number>(1000).fill(1e-12);
    expectRelClose(rareEventApproximation(many, q), 1e-9, RELATIVE, 'rare');
    // 1 − (1 − 1e-12)^1000 = 1e-9 − 4.995e-19 + …
    expectRelClose(mcubApproximation(many, q), 1e-9 - 4.995e-19, RELATIVE, 'MCUB');
  });

  test('no sets give 0; a set of probability 1 gives MCUB 1', () => {
    expect(rareEventApproximation([], [0.5])).toBe(0);
    expect(mcubApproximation([], [0.5])).toBe(0);
    expect(mcubApproximation([[0], [1]], [1, 0.5])).toBe(1);
  });

  test('a component outside q throws ParameterError naming the set', () => {
    expect(() => rareEventApproximation([[0], [0, 3]], [0.1, 0.2])).toThrow(ParameterError);
    expect(() => mcubApproximation([[0], [0, 3]], [0.1, 0.2])).toThrow(
      /^mcubApproximation: sets\[1\]\[1\] must be a component number in \[0, 1\]; got 3$/,
    );
    expect(() => rareEventApproximation([[0.5]], [0.1])).toThrow(ParameterError);
  });

  test('on 200 random coherent structures: exact ≤ MCUB ≤ rare event', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = seededRandom(seed);
      // The bridge over components 0..4 and random gates over 0..m−1, sharing components.
      const m = 5 + Math.floor(5 * random());
      const leaf = (): ReturnType<typeof c> => c(Math.floor(random() * m));
      const node = parallel(
        series(BRIDGE, leaf()),
        koon(2, leaf(), leaf(), leaf()),
        series(leaf(), parallel(leaf(), leaf())),
      );
      const q = Array.from({ length: m }, () => 10 ** -(0.3 + 3 * random()));
      const system = compileStructure(node, m);
      const sets = system.minimalCutSets();
      const exact = system.failureProbability(
        q.map((x) => 1 - x),
        q,
      );
      const mcub = mcubApproximation(sets, q);
      const rare = rareEventApproximation(sets, q);
      expect(exact, `seed ${seed}`).toBeLessThanOrEqual(mcub * (1 + RELATIVE));
      expect(mcub, `seed ${seed}`).toBeLessThanOrEqual(rare * (1 + RELATIVE));
    }
  });
});
