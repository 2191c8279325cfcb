import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  kOutOfNNonIdenticalReliability,
  kOutOfNNonIdenticalUnreliability,
} from '../../src/analytic/formulas/kOutOfNNonIdenticalReliability.js';
import { kOutOfNReliability } from '../../src/analytic/formulas/kOutOfNReliability.js';
import { parallelReliability } from '../../src/analytic/formulas/parallelReliability.js';
import { seriesReliability } from '../../src/analytic/formulas/seriesReliability.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/analytic_reference.py (scipy 1.17.1, mpmath 1.3.0, 2026-11-26),
// coefficients of ∏(q_i + r_i z) expanded at 60 digits. Tolerance 1e-12 (measured ≤ 2e-14).
const rs1000 = Array.from({ length: 1000 }, (_, i) => 0.5 + (0.49 * ((i * 7919) % 1000)) / 1000);
const qs1000 = Array.from({ length: 1000 }, (_, i) => 1e-6 * (1 + ((i * 7919) % 1000)));

describe('kOutOfNNonIdenticalReliability', () => {
  it('kOutOfNNonIdenticalReliability(k, rs) matches the 60-digit expansion', () => {
    const cases: [number, number[], number][] = [
      [2, [0.9, 0.8, 0.7], 0.902],
      [1, [0.9, 0.8, 0.7], 0.994],
      [3, [0.9, 0.8, 0.7], 0.504],
      [700, rs1000, 0.9996896542934426],
      [1, rs1000, 1.0],
      [1000, rs1000, 8.164779190868718e-137],
      [600, rs1000, 1.0],
    ];
    for (const [k, rs, expected] of cases) {
      expectRelClose(kOutOfNNonIdenticalReliability(k, rs), expected, 1e-12, `k = ${k}`);
    }
  });
  it('kOutOfNNonIdenticalUnreliability(k, qs) matches the 60-digit expansion', () => {
    const cases: [number, number[], number][] = [
      [2, [1e-9, 2e-9, 3e-9], 1.0999999988e-17],
      [3, [0.1, 0.2, 0.3], 0.496],
      [998, qs1000, 0.014387635806431797],
      [1000, qs1000, 0.3938737615299621],
      [500, qs1000, 0.0],
    ];
    for (const [k, qs, expected] of cases) {
      expectRelClose(kOutOfNNonIdenticalUnreliability(k, qs), expected, 1e-12, `k = ${k}`);
    }
  });
  it('kOutOfNNonIdenticalReliability with equal rs equals kOutOfNReliability', () => {
    const rs = Array<number>(50).fill(0.8);
    for (const k of [1, 10, 40, 50]) {
      expectRelClose(
        kOutOfNNonIdenticalReliability(k, rs),
        kOutOfNReliability(k, 50, 0.8),
        1e-13,
        `k=${k}`,
      );
    }
  });
  it('kOutOfNNonIdenticalReliability with k = 1 is parallel, k = n is series (fast-check, seed 11)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (rs) => {
          expectRelClose(
            kOutOfNNonIdenticalReliability(1, rs),
            parallelReliability(rs),
            1e-13,
            'k=1',
            1e-300,
          );
          expectRelClose(
            kOutOfNNonIdenticalReliability(rs.length, rs),
            seriesReliability(rs),
            1e-13,
            'k=n',
            1e-300,
          );
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
  it('kOutOfNNonIdenticalReliability([]) with k = 0 is 1', () => {
    expect(kOutOfNNonIdenticalReliability(0, [])).toBe(1);
    expect(kOutOfNNonIdenticalUnreliability(0, [0.5])).toBe(0);
  });
  it('kOutOfNNonIdenticalReliability rejects k outside [0, n] and bad elements', () => {
    expect(() => kOutOfNNonIdenticalReliability(4, [0.1, 0.2, 0.3])).toThrow(
      /^kOutOfNNonIdenticalReliability: k must be an integer in \[0, 3\]; got 4$/,
    );
    expect(() => kOutOfNNonIdenticalUnreliability(1, [0.1, -0.2])).toThrow(
      /^kOutOfNNonIdenticalUnreliability: unreliabilities\[1\] must be a probability in \[0, 1\]; got -0\.2$/,
    );
  });
});
