import { describe, expect, it } from 'vitest';
import { ConvergenceError, ParameterError } from '../../src/errors.js';
import { minimizeScalar } from '../../src/numeric/minimizeScalar.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Exact minima by calculus. The argmin of a smooth minimum is located to about √ε relative (f is
// flat there); the tolerance 1e-7 states that, the minimum itself to 1e-14.
describe('minimizeScalar (Brent)', () => {
  it.each([
    ['(x − 2)² + 1 on [0, 5]', (x: number) => (x - 2) ** 2 + 1, 0, 5, 2, 1],
    ['cos on [2, 5]', Math.cos, 2, 5, Math.PI, -1],
    ['x ln x on [0.01, 2]', (x: number) => x * Math.log(x), 0.01, 2, 1 / Math.E, -1 / Math.E],
    [
      'x⁴ − 3x on [−1, 3]',
      (x: number) => x ** 4 - 3 * x,
      -1,
      3,
      Math.cbrt(3 / 4),
      Math.cbrt(3 / 4) ** 4 - 3 * Math.cbrt(3 / 4),
    ],
    [
      'e^x + e^(−2x) far from 0: [1e3 − 5, 1e3 + 5] shifted',
      (x: number) => Math.exp(x - 1000) + Math.exp(-2 * (x - 1000)),
      995,
      1005,
      1000 + Math.log(2) / 3,
      1.5 * 2 ** (1 / 3),
    ],
  ])('%s', (_, f, lo, hi, argmin, minimum) => {
    const found = minimizeScalar(f, lo, hi);
    expectRelClose(found.argmin, argmin, 1e-7, 'argmin');
    expectRelClose(found.minimum, minimum, 1e-14, 'minimum');
    expect(found.atBound).toBe(false);
    // Superlinear on smooth functions: far fewer than golden section's ~1.44·log2(5/1e-10) ≈ 50.
    expect(found.evaluations).toBeLessThan(40);
  });

  it('finds a kink by its golden-section steps: |x − 0.3| on [0, 1]', () => {
    const found = minimizeScalar((x) => Math.abs(x - 0.3), 0, 1);
    expect(Math.abs(found.argmin - 0.3)).toBeLessThan(1e-9);
  });

  it('reports an end of the interval for a monotone function', () => {
    const rising = minimizeScalar((x) => x, 0, 1);
    expect(rising).toMatchObject({ argmin: 0, minimum: 0, atBound: true });
    const falling = minimizeScalar((x) => -x, 0, 1);
    expect(falling).toMatchObject({ argmin: 1, minimum: -1, atBound: true });
  });

  it('refuses a bad interval, NaN values and an exhausted budget', () => {
    expect(() => minimizeScalar((x) => x, 1, 1)).toThrow(ParameterError);
    expect(() => minimizeScalar((x) => x, 0, Infinity)).toThrow(/hi/);
    expect(() => minimizeScalar(() => NaN, 0, 1)).toThrow(/NaN/);
    expect(() => minimizeScalar(Math.cos, 2, 5, { maxEvaluations: 3 })).toThrow(ConvergenceError);
  });
});
