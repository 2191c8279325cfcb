import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  seriesReliability,
  seriesUnreliability,
} from '../../src/analytic/formulas/seriesReliability.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/analytic_reference.py (scipy 1.17.1, mpmath 1.3.0, 2026-11-26),
// exact rational products (fractions.Fraction) of the input doubles. Tolerance 1e-12; measured
// ≤ 1e-13 (n = 1000 products: about 1000·ε/2).
const half = Array<number>(1000).fill(0.5);
const nearlyOne = Array<number>(1000).fill(0.9999);
const billionth = Array<number>(1000).fill(1e-9);

describe('seriesReliability', () => {
  it('seriesReliability(rs) is the exact product', () => {
    const cases: [number[], number][] = [
      [[0.9, 0.8], 0.7200000000000001],
      [[0.999999, 0.9999999, 0.99999999], 0.999998890000111],
      [[1e-9, 1e-9, 1e-9], 1.0000000000000002e-27],
      [half, 9.332636185032189e-302],
      [nearlyOne, 0.9048328935585562],
    ];
    for (const [rs, expected] of cases) {
      expectRelClose(seriesReliability(rs), expected, 1e-12, `n = ${rs.length}`);
    }
  });
  it('seriesUnreliability(qs) keeps the digits of 3e-15', () => {
    const cases: [number[], number][] = [
      [[1e-15, 2e-15], 2.9999999999999983e-15],
      [[0.5, 0.5], 0.75],
      [billionth, 9.999995005001662e-7],
      [[0.3, 0.2, 0.1], 0.496],
      [[1e-300, 1e-300], 2e-300],
    ];
    for (const [qs, expected] of cases) {
      expectRelClose(seriesUnreliability(qs), expected, 1e-12, `n = ${qs.length}`);
    }
  });
  it('seriesReliability([]) is 1 and seriesUnreliability([]) is 0', () => {
    expect(seriesReliability([])).toBe(1);
    expect(seriesUnreliability([])).toBe(0);
  });
  it('seriesReliability(rs) ≤ min(rs) for random rs (fast-check, seed 42)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1 }), (rs) => {
        expect(seriesReliability(rs)).toBeLessThanOrEqual(Math.min(...rs));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
  it('seriesReliability rejects an element outside [0, 1], naming its index', () => {
    expect(() => seriesReliability([0.5, 1.2])).toThrow(
      /^seriesReliability: reliabilities\[1\] must be a probability in \[0, 1\]; got 1\.2$/,
    );
    expect(() => seriesUnreliability([NaN])).toThrow(
      /^seriesUnreliability: unreliabilities\[0\] must be a probability in \[0, 1\]; got NaN$/,
    );
  });
});
