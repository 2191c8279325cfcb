import { describe, expect, it } from 'vitest';
import { andersonDarling } from '../../src/fit/andersonDarling.js';
import { FIT_FAMILIES } from '../../src/fit/families.js';
import { largest, smallest } from '../../src/numeric/extremes.js';

describe('largest and smallest', () => {
  it('agree with Math.max and Math.min, NaN and empty lists included', () => {
    for (const values of [[3, -1, 7.5], [], [2, NaN, 1], [-Infinity]]) {
      expect(largest(values)).toBe(Math.max(...values));
      expect(smallest(values)).toBe(Math.min(...values));
    }
  });

  it('take more values than a call can have arguments (a large data file)', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => i);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(largest(values)).toBe(299_999);
    expect(smallest(values)).toBe(0);
    // Regression: the Anderson–Darling distance of a 300 000-row file overflowed the stack.
    const rows = values.map((i) => ({ kind: 'failure', time: i + 1, timeHi: i + 1, count: 1 }));
    const ad = andersonDarling(FIT_FAMILIES.exponential, [1 / 150_000], 0, rows as never);
    expect(Number.isFinite(ad)).toBe(true);
  });
});
