import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parallelReliability,
  parallelUnreliability,
} from '../../src/analytic/formulas/parallelReliability.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/analytic_reference.py (scipy 1.17.1, mpmath 1.3.0, 2026-11-26),
// exact rational arithmetic (fractions.Fraction) on the input doubles. Tolerance 1e-12; measured
// ≤ 2e-16 except n = 1000 products (≤ 1e-13).
const half = Array<number>(1000).fill(0.5);

describe('parallelReliability', () => {
  it('parallelReliability(rs) matches exact 1 − ∏(1 − r), including tiny rs', () => {
    const cases: [number[], number][] = [
      [[0.9, 0.8], 0.98],
      [[1e-9, 1e-9, 1e-9], 2.9999999970000004e-9],
      [half, 1.0],
      [[0.3, 0.2, 0.1], 0.496],
      [[1e-300, 2e-300], 3e-300],
    ];
    for (const [rs, expected] of cases) {
      expectRelClose(parallelReliability(rs), expected, 1e-12, `n = ${rs.length}`);
    }
  });
  it('parallelUnreliability(qs) is the exact product, 1e-15 to full precision', () => {
    const cases: [number[], number][] = [
      [[1e-5, 1e-5, 1e-5], 1.0000000000000003e-15],
      [half, 9.332636185032189e-302],
      [[0.3, 0.2, 0.1], 0.006],
    ];
    for (const [qs, expected] of cases) {
      expectRelClose(parallelUnreliability(qs), expected, 1e-12, `n = ${qs.length}`);
    }
  });
  it('parallelReliability([]) is 0 and parallelUnreliability([]) is 1', () => {
    expect(parallelReliability([])).toBe(0);
    expect(parallelUnreliability([])).toBe(1);
  });
  it('parallelReliability(rs) ≥ max(rs) for random rs (fast-check, seed 7)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1 }), (rs) => {
        // 1 ulp of slack: the log1p/expm1 round trip of a single element may round once.
        expect(parallelReliability(rs)).toBeGreaterThanOrEqual(
          Math.max(...rs) * (1 - Number.EPSILON),
        );
      }),
      { seed: 7, numRuns: 200 },
    );
  });
  it('parallelReliability rejects an element outside [0, 1], naming its index', () => {
    expect(() => parallelReliability([-1])).toThrow(
      /^parallelReliability: reliabilities\[0\] must be a probability in \[0, 1\]; got -1$/,
    );
    expect(() => parallelUnreliability([0.1, 0.2, 2])).toThrow(
      /^parallelUnreliability: unreliabilities\[2\] must be a probability in \[0, 1\]; got 2$/,
    );
  });
});
