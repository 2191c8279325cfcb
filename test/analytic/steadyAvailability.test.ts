import { describe, expect, it } from 'vitest';
import {
  steadyAvailability,
  steadyUnavailability,
} from '../../src/analytic/formulas/steadyAvailability.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/analytic_reference.py (scipy 1.17.1, mpmath 1.3.0, 2026-11-26),
// exact rational MTTF/(MTTF+MTTR) at 50 digits. Tolerance 1e-12 (one division: measured ≤ 1 ulp).
const AVAILABILITY: [[number, number], number][] = [
  [[1000.0, 10.0], 0.9900990099009901],
  [[1000000000.0, 0.001], 0.999999999999],
  [[1.0, 0.0], 1.0],
  [[1e-9, 1000.0], 9.999999999990001e-13],
];
const UNAVAILABILITY: [[number, number], number][] = [
  [[1000.0, 10.0], 0.009900990099009901],
  [[1000000000.0, 0.001], 9.99999999999e-13],
  [[1.0, 0.0], 0.0],
  [[1e-9, 1000.0], 0.999999999999],
];

describe('steadyAvailability', () => {
  it('steadyAvailability(mttf, mttr) matches the 50-digit reference', () => {
    for (const [[mttf, mttr], expected] of AVAILABILITY) {
      expectRelClose(steadyAvailability(mttf, mttr), expected, 1e-12, `(${mttf}, ${mttr})`);
    }
  });
  it('steadyUnavailability(mttf, mttr) keeps the digits of 1e-12', () => {
    for (const [[mttf, mttr], expected] of UNAVAILABILITY) {
      expectRelClose(steadyUnavailability(mttf, mttr), expected, 1e-12, `(${mttf}, ${mttr})`);
    }
  });
  it('steadyAvailability + steadyUnavailability = 1', () => {
    expect(steadyAvailability(3, 1) + steadyUnavailability(3, 1)).toBe(1);
  });
  it('steadyAvailability rejects mttf <= 0 and negative mttr', () => {
    expect(() => steadyAvailability(0, 1)).toThrow(
      /^steadyAvailability: mttf must be a finite number > 0; got 0$/,
    );
    expect(() => steadyUnavailability(1, -1)).toThrow(
      /^steadyUnavailability: mttr must be a finite number >= 0; got -1$/,
    );
    expect(() => steadyAvailability(NaN, 1)).toThrow(/^steadyAvailability: mttf must/);
  });
});
