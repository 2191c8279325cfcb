import { describe, expect, it } from 'vitest';
import { ConvergenceError } from '../../src/errors.js';
import { integrate } from '../../src/numeric/integrate.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/analytic_reference.py (scipy 1.17.1, mpmath 1.3.0, 2026-11-26),
// mpmath.quad at 40 digits or exact closed forms. Tolerance 1e-9 relative (quadrature); measured
// ≤ 3e-16 on the smooth cases, 4e-11 for |x − 1/3| and 6e-11 for 1/√x (default tolerance 1e-10).
describe('integrate', () => {
  it('integrate(f, a, b) matches mpmath.quad on smooth, kinked, singular and infinite ranges', () => {
    const cases: [string, (x: number) => number, number, number, number][] = [
      ['exp(-x) on [0, ∞)', (x) => Math.exp(-x), 0, Infinity, 1.0],
      ['sin on [0, π]', Math.sin, 0, Math.PI, 2],
      ['1/√x on [0, 1]', (x) => 1 / Math.sqrt(x), 0, 1, 2.0],
      ['exp(-x²) on ℝ', (x) => Math.exp(-x * x), -Infinity, Infinity, 1.772453850905516],
      ['1/(1+x²) on (-∞, 0]', (x) => 1 / (1 + x * x), -Infinity, 0, 1.5707963267948966],
      ['|x − 1/3| on [0, 1]', (x) => Math.abs(x - 1 / 3), 0, 1, 0.2777777777777778],
      ['x³ on [2, −1]', (x) => x ** 3, 2, -1, -3.75],
    ];
    for (const [label, f, a, b, expected] of cases) {
      const result = integrate(f, a, b);
      expectRelClose(result.value, expected, 1e-9, label);
      expect(result.error).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
      expect(result.evaluations).toBeGreaterThan(0);
    }
  });
  it('integrate over an empty range is 0 with no evaluations', () => {
    expect(integrate(Math.exp, 2, 2)).toEqual({ value: 0, error: 0, evaluations: 0, intervals: 0 });
  });
  it('integrate returns NaN when the integrand gives NaN', () => {
    expect(integrate(() => NaN, 0, 1).value).toBeNaN();
  });
  it('integrate throws ConvergenceError for a divergent integral', () => {
    expect(() => integrate((x) => 1 / x, 0, 1, { maxIntervals: 50 })).toThrow(ConvergenceError);
    expect(() => integrate((x) => 1 / x, 0, 1, { maxIntervals: 50 })).toThrow(
      /^integrate: did not converge within 50 iterations; residual \S+ > tolerance \S+$/,
    );
  });
  it('integrate rejects bad options', () => {
    expect(() => integrate(Math.exp, NaN, 1)).toThrow(/^integrate: a must be a number; got NaN$/);
    expect(() => integrate(Math.exp, 0, 1, { tolerance: 0 })).toThrow(
      /^integrate: tolerance must be a finite number > 0; got 0$/,
    );
    expect(() => integrate(Math.exp, 0, 1, { maxIntervals: 0.5 })).toThrow(
      /^integrate: maxIntervals must be an integer >= 1; got 0\.5$/,
    );
    expect(() => integrate(Math.exp, 0, Infinity, { scale: -1 })).toThrow(
      /^integrate: scale must be a finite number > 0; got -1$/,
    );
  });
});
