import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compensatedSum, exactSum } from '../../src/numeric/sum.js';

describe('exactSum', () => {
  it('exactSum([1e100, 1, -1e100]) keeps the 1 that naive summation loses', () => {
    expect(exactSum([1e100, 1, -1e100])).toBe(1);
  });

  it('exactSum of ten 0.1 is 1, correctly rounded (naive: 0.9999999999999999)', () => {
    expect(exactSum(Array.from({ length: 10 }, () => 0.1))).toBe(1);
  });

  it('exactSum matches Python math.fsum on cases from the CPython test suite', () => {
    // CPython Lib/test/test_math.py testFsum: inputs and fsum results.
    expect(exactSum([2 ** 53, -0.5, -(2 ** -54)])).toBe(2 ** 53 - 1);
    expect(exactSum([2 ** 53, 1, 2 ** -100])).toBe(2 ** 53 + 2);
    expect(exactSum([2 ** 53 + 10, 1, 2 ** -100])).toBe(2 ** 53 + 12);
    expect(exactSum([2 ** 53 - 4, 0.5, 2 ** -54])).toBe(2 ** 53 - 3);
  });

  it('exactSum of an empty list is 0, and NaN or infinities propagate', () => {
    expect(exactSum([])).toBe(0);
    expect(exactSum([1, Number.NaN])).toBeNaN();
    expect(exactSum([1, Infinity])).toBe(Infinity);
    expect(exactSum([Infinity, -Infinity])).toBeNaN();
  });

  it('exactSum is exact for integers where naive summation is too (seeded property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 })), (xs) => {
        expect(exactSum(xs)).toBe(xs.reduce((a, b) => a + b, 0));
      }),
      { seed: 20261126 },
    );
  });

  it('exactSum is invariant under reordering of the terms (seeded property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true })), (xs) => {
        const reversed = [...xs].reverse();
        expect(exactSum(xs)).toBe(exactSum(reversed));
      }),
      { seed: 20261126 },
    );
  });
});

describe('compensatedSum', () => {
  it('is within 2ε·Σ|x| of the exact sum, on all or on flagged entries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 200, maxLength: 200 }),
        (terms, bits) => {
          const values = Float64Array.from(terms);
          const flags = Uint8Array.from(bits.slice(0, values.length));
          const magnitude = terms.reduce((s, x) => s + Math.abs(x), 0);
          const bound = 2 * Number.EPSILON * magnitude;
          expect(Math.abs(compensatedSum(values) - exactSum(terms))).toBeLessThanOrEqual(bound);
          const chosen = terms.filter((_, i) => flags[i] === 0);
          expect(Math.abs(compensatedSum(values, flags, 0) - exactSum(chosen))).toBeLessThanOrEqual(
            bound,
          );
        },
      ),
      { seed: 11, numRuns: 500 },
    );
  });

  it('keeps a small term next to a huge one, where plain summation loses it', () => {
    const values = Float64Array.of(1, 1e100, 1, -1e100);
    expect(values.reduce((s, x) => s + x, 0)).toBe(0);
    expect(compensatedSum(values)).toBe(2);
  });
});
