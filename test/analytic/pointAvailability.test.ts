import { describe, expect, it } from 'vitest';
import {
  pointAvailability,
  pointUnavailability,
} from '../../src/analytic/formulas/pointAvailability.js';
import { steadyAvailability } from '../../src/analytic/formulas/steadyAvailability.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/analytic_reference.py (scipy 1.17.1, mpmath 1.3.0, 2026-11-26):
// mpmath.expm of the two-state generator at 50 digits; U(t) is the down-state entry itself.
// Tolerance 1e-12 (measured ≤ 3 ulp).
type Row = [[number, number, number], number];
const AVAILABILITY: Row[] = [
  [[1.0, 9.0, 0.0], 1.0],
  [[0.001, 0.1, 1000000.0], 0.9900990099009901],
  [[1e-6, 0.1, 1e-6], 0.999999999999],
  [[1e-9, 1000.0, 5.0], 0.999999999999],
  [[1000.0, 1e-9, 2.0], 9.999999999990001e-13],
  [[0.5, 0.0, 3.0], 0.22313016014842982],
  [[2.0, 3.0, 0.25], 0.7146019187440761],
];
const UNAVAILABILITY: Row[] = [
  [[1.0, 9.0, 0.0], 0.0],
  [[0.001, 0.1, 1000000.0], 0.009900990099009901],
  [[1e-6, 0.1, 1e-6], 9.999999499995015e-13],
  [[1e-9, 1000.0, 5.0], 9.999999999990001e-13],
  [[1000.0, 1e-9, 2.0], 0.999999999999],
  [[0.5, 0.0, 3.0], 0.7768698398515702],
  [[2.0, 3.0, 0.25], 0.285398081255924],
];

describe('pointAvailability', () => {
  it('pointAvailability(failureRate, repairRate, t) matches expm of the generator', () => {
    for (const [[l, m, t], expected] of AVAILABILITY) {
      expectRelClose(pointAvailability(l, m, t), expected, 1e-12, `(${l}, ${m}, ${t})`);
    }
  });
  it('pointUnavailability(failureRate, repairRate, t) matches expm, including 1e-12', () => {
    for (const [[l, m, t], expected] of UNAVAILABILITY) {
      expectRelClose(pointUnavailability(l, m, t), expected, 1e-12, `(${l}, ${m}, ${t})`);
    }
  });
  it('pointAvailability tends to steadyAvailability(1/λ, 1/μ) as t grows', () => {
    expectRelClose(pointAvailability(0.01, 0.5, 1e4), steadyAvailability(100, 2), 1e-15, 'limit');
  });
  it('pointAvailability with repairRate 0 is e^{−λt}', () => {
    expectRelClose(pointAvailability(0.3, 0, 2), Math.exp(-0.6), 1e-15, 'no repair');
  });
  it('pointAvailability rejects invalid rates and times', () => {
    expect(() => pointAvailability(0, 1, 1)).toThrow(
      /^pointAvailability: failureRate must be a finite number > 0; got 0$/,
    );
    expect(() => pointUnavailability(1, -2, 1)).toThrow(
      /^pointUnavailability: repairRate must be a finite number >= 0; got -2$/,
    );
    expect(() => pointAvailability(1, 1, -1)).toThrow(
      /^pointAvailability: t must be a finite number >= 0; got -1$/,
    );
  });
});
