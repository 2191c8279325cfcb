import { describe, expect, it } from 'vitest';
import { ConvergenceError } from '../../src/errors.js';
import { mttfFromReliability } from '../../src/analytic/formulas/mttfFromReliability.js';
import { tmrReliability } from '../../src/analytic/formulas/tmrReliability.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/analytic_reference.py (scipy 1.17.1, mpmath 1.3.0, 2026-11-26):
// closed-form means (η·Γ(1 + 1/k), e^{σ²/2}, 5/(6λ)) confirmed by mpmath.quad at 40 digits.
// Tolerance 1e-9 (quadrature); measured errors are in the TSDoc of mttfFromReliability.

/**
 * Standard normal upper tail Φ(−z) = erfc(z/√2)/2, written out here so the lognormal case does
 * not depend on src/distributions (erfc: Taylor series of erf below 2, Laplace continued fraction above).
 */
function normalSf(z: number): number {
  return erfc(z / Math.SQRT2) / 2;
}

function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) {
    // erf series: erf(x) = 2/√π Σ (−1)^n x^{2n+1} / (n! (2n+1)); converges fast for x < 2.
    let term = x;
    let sum = x;
    for (let n = 1; n < 60; n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // Continued fraction erfc(x) = e^{−x²}/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))).
  let f = x;
  for (let n = 60; n >= 1; n--) f = x + n / 2 / f;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

describe('mttfFromReliability', () => {
  it('mttfFromReliability(R) matches the exact means of exponential, Weibull, lognormal, TMR and a kink', () => {
    const sigma = 1.5;
    const cases: [string, (t: number) => number, number, number][] = [
      ['exponential rate 1e-6', (t) => Math.exp(-1e-6 * t), 1e6, 1e6],
      ['exponential rate 1e3', (t) => Math.exp(-1e3 * t), 1e-3, 0.001],
      ['weibull shape 0.5 scale 2', (t) => Math.exp(-Math.sqrt(t / 2)), 1, 4.0],
      ['weibull shape 3 scale 1000', (t) => Math.exp(-((t / 1000) ** 3)), 1000, 892.9795115692492],
      ['lognormal σ 1.5', (t) => (t > 0 ? normalSf(Math.log(t) / sigma) : 1), 1, 3.080216848918031],
      ['TMR rate 1e-4', (t) => tmrReliability(Math.exp(-1e-4 * t)), 1e4, 8333.333333333332],
      ['kink at t = 2', (t) => (t < 2 ? 1 - t / 4 : Math.exp(-(t - 2)) / 2), 1, 2.0],
    ];
    for (const [label, reliability, scale, expected] of cases) {
      expectRelClose(mttfFromReliability(reliability, { scale }).value, expected, 1e-9, label);
    }
  });
  it('mttfFromReliability without a scale hint still converges for mass at 1e6 h', () => {
    const result = mttfFromReliability((t) => Math.exp(-((t / 1e6) ** 2)));
    expectRelClose(result.value, 886226.925452758, 1e-9, 'weibull shape 2 scale 1e6, no hint');
  });
  it('mttfFromReliability throws ConvergenceError when ∫R diverges', () => {
    expect(() => mttfFromReliability((t) => 1 / (1 + t), { maxIntervals: 100 })).toThrow(
      ConvergenceError,
    );
  });
});
