import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  kOutOfNReliability,
  kOutOfNUnreliability,
} from '../../src/analytic/formulas/kOutOfNReliability.js';
import { parallelReliability } from '../../src/analytic/formulas/parallelReliability.js';
import { seriesReliability } from '../../src/analytic/formulas/seriesReliability.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/analytic_reference.py (scipy 1.17.1, mpmath 1.3.0, 2026-11-26),
// exact rational binomial sums (fractions.Fraction, math.comb) of the input doubles.
// Tolerance 1e-12: the ratio recurrence from the mode has error about |i − mode|·3ε, at most
// 7e-13 for n = 1000 (measured below 1e-13).
type Row = [[number, number, number], number];
const RELIABILITY: Row[] = [
  [[2, 3, 0.9], 0.972],
  [[1, 3, 0.9], 0.999],
  [[3, 3, 0.9], 0.7290000000000001],
  [[0, 5, 0.1], 1.0],
  [[500, 1000, 0.5], 0.5126125090891804],
  [[1, 1000, 0.001], 0.6323045752290359],
  [[1000, 1000, 0.999], 0.36769542477096373],
  [[990, 1000, 0.995], 0.9865309906710682],
  [[10, 1000, 0.001], 1.0742833868464873e-7],
  [[700, 1000, 0.6], 3.14994592847206e-11],
  [[2, 3, 1e-9], 2.9999999980000005e-18],
  [[5, 5, 1.0], 1.0],
  [[1, 2, 0.0], 0.0],
];
const UNRELIABILITY: Row[] = [
  [[2, 3, 1e-8], 2.99999998e-16],
  [[3, 3, 0.5], 0.875],
  [[1, 3, 1e-9], 1.0000000000000002e-27],
  [[500, 1000, 0.5], 0.4873874909108196],
  [[990, 1000, 0.001], 9.59995518522822e-9],
  [[1, 1000, 0.999], 0.36769542477096373],
  [[900, 1000, 0.05], 3.908208723019174e-11],
  [[0, 4, 0.3], 0.0],
];

describe('kOutOfNReliability', () => {
  it('kOutOfNReliability(k, n, r) matches exact binomial sums up to n = 1000', () => {
    for (const [[k, n, r], expected] of RELIABILITY) {
      expectRelClose(kOutOfNReliability(k, n, r), expected, 1e-12, `(${k}, ${n}, ${r})`);
    }
  });
  it('kOutOfNUnreliability(k, n, q) matches exact binomial sums, including 3e-16', () => {
    for (const [[k, n, q], expected] of UNRELIABILITY) {
      expectRelClose(kOutOfNUnreliability(k, n, q), expected, 1e-12, `(${k}, ${n}, ${q})`);
    }
  });
  it('kOutOfNReliability with k = 1 is parallel and with k = n is series', () => {
    for (const r of [0.1, 0.5, 0.93]) {
      const rs = Array<number>(7).fill(r);
      expectRelClose(kOutOfNReliability(1, 7, r), parallelReliability(rs), 1e-14, `k=1 r=${r}`);
      expectRelClose(kOutOfNReliability(7, 7, r), seriesReliability(rs), 1e-14, `k=n r=${r}`);
    }
  });
  it('kOutOfNReliability with n = 0 and k = 0 is 1', () => {
    expect(kOutOfNReliability(0, 0, 0.3)).toBe(1);
    expect(kOutOfNUnreliability(0, 0, 0.3)).toBe(0);
  });
  it('kOutOfNReliability is non-increasing in k and non-decreasing in r (fast-check, seed 3)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (n, r1, r2, kSeed) => {
          const k = kSeed % n;
          const slack = 1 + 1e-12;
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          expect(kOutOfNReliability(k + 1, n, lo)).toBeLessThanOrEqual(
            kOutOfNReliability(k, n, lo) * slack,
          );
          expect(kOutOfNReliability(k, n, lo)).toBeLessThanOrEqual(
            kOutOfNReliability(k, n, hi) * slack,
          );
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });
  it('kOutOfNReliability + kOutOfNUnreliability = 1 within 2 ulp', () => {
    for (const [k, n, r] of [
      [3, 5, 0.7],
      [500, 1000, 0.5],
      [1, 1, 0.25],
    ] as const) {
      expectRelClose(
        kOutOfNReliability(k, n, r) + kOutOfNUnreliability(k, n, 1 - r),
        1,
        5e-16,
        `${k}`,
      );
    }
  });
  it('kOutOfNReliability rejects k outside [0, n], bad n and bad r', () => {
    expect(() => kOutOfNReliability(4, 3, 0.5)).toThrow(
      /^kOutOfNReliability: k must be an integer in \[0, 3\]; got 4$/,
    );
    expect(() => kOutOfNReliability(1, 2.5, 0.5)).toThrow(
      /^kOutOfNReliability: n must be an integer >= 0; got 2\.5$/,
    );
    expect(() => kOutOfNReliability(1, 3, 1.01)).toThrow(
      /^kOutOfNReliability: reliability must be a probability in \[0, 1\]; got 1\.01$/,
    );
    expect(() => kOutOfNUnreliability(-1, 3, 0.5)).toThrow(
      /^kOutOfNUnreliability: k must be an integer in \[0, 3\]; got -1$/,
    );
  });
});
