import { expect } from 'vitest';

/**
 * Asserts |actual − expected| ≤ relTol·|expected| (or ≤ absTol when expected is 0), and on
 * failure prints the inputs, actual, expected, Δ and the tolerance (STYLE.md §8). Either may be
 * undefined, an element read past the end of a result or a table, which fails.
 */
export function expectRelClose(
  actual: number | undefined,
  expected: number | undefined,
  relTol: number,
  label = '',
  absTol = 0,
): void {
  if (actual === undefined || expected === undefined) {
    expect.fail(`${label}: actual ${actual}, expected ${expected}: a value is missing`);
  }
  if (Object.is(actual, expected) || (Number.isNaN(actual) && Number.isNaN(expected))) return;
  const delta = Math.abs(actual - expected);
  const bound = Math.max(relTol * Math.abs(expected), absTol);
  if (!(delta <= bound)) {
    const relative = expected === 0 ? Infinity : delta / Math.abs(expected);
    expect.fail(
      `${label}: actual ${actual}, expected ${expected}, Δ ${delta} (relative ${relative}), tolerance ${bound}`,
    );
  }
}
