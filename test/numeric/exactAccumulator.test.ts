/**
 * The exact accumulator is total (issue #14): a NaN, an infinity or an overflowing sum is refused
 * with a ParameterError, never a loop without end (canonicalExact looped until a rounded sum was
 * 0, which NaN never is, its list of terms growing until memory ran out).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import {
  addExact,
  canonicalExact,
  createExactAccumulator,
  exactValue,
  MAX_EXACT_PARTIALS,
  mergeExact,
} from '../../src/numeric/exactAccumulator.js';

describe('exact accumulator: totality', () => {
  it('canonicalExact refuses NaN and infinite partials instead of looping', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => canonicalExact({ partials: [bad] })).toThrow(ParameterError);
      expect(() => canonicalExact({ partials: [1, bad] })).toThrow(/must be a finite number/);
    }
  });

  it('mergeExact refuses a merged sum that overflows: [1e308, 1e308]', () => {
    expect(() => mergeExact([{ partials: [1e308] }, { partials: [1e308] }])).toThrow(
      /the sum must stay below 1\.8e308/,
    );
    expect(() => canonicalExact({ partials: [1e308, 1e308] })).toThrow(ParameterError);
  });

  it('addExact refuses a non-finite value or an overflow; a sum near the largest double is fine', () => {
    const a = createExactAccumulator();
    expect(() => addExact(a, NaN)).toThrow(/^addExact: value must be a finite number; got NaN$/);
    expect(() => addExact(a, 'NaN' as unknown as number)).toThrow(ParameterError);
    expect(a.partials).toEqual([]);
    addExact(a, Number.MAX_VALUE);
    addExact(a, -Number.MAX_VALUE / 2);
    addExact(a, Number.MAX_VALUE / 2);
    expect(exactValue(a)).toBe(Number.MAX_VALUE);
    expect(() => addExact(a, Number.MAX_VALUE)).toThrow(ParameterError);
  });

  it('canonical lists of extreme sums stay short (at most MAX_EXACT_PARTIALS terms)', () => {
    // The widest exact sum: the largest and the smallest doubles, and everything between.
    const a = createExactAccumulator();
    for (let e = 1023; e >= -1074; e -= 53) addExact(a, 2 ** e);
    addExact(a, Number.MIN_VALUE);
    const canonical = canonicalExact(a);
    expect(canonical.partials.length).toBeLessThanOrEqual(MAX_EXACT_PARTIALS);
    expect(canonicalExact(canonical)).toEqual(canonical);
  });

  it('any finite doubles: canonicalExact ends, or refuses an overflow (seeded property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 20 }),
        (values) => {
          const a = createExactAccumulator();
          try {
            for (const value of values) addExact(a, value);
            const canonical = canonicalExact(a);
            expect(canonical.partials.length).toBeLessThanOrEqual(MAX_EXACT_PARTIALS);
            expect(exactValue(canonical)).toBe(exactValue(a));
          } catch (error) {
            expect(error).toBeInstanceOf(ParameterError);
          }
        },
      ),
      { seed: 14, numRuns: 2000 },
    );
  });
});
