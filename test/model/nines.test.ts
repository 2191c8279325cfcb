import { describe, expect, it } from 'vitest';
import { ninesFromAvailability, ninesFromUnavailability } from '../../src/model/nines.js';
import { downtimeHoursPerYear } from '../../src/analytic/formulas/downtimeHoursPerYear.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/analytic_reference.py (scipy 1.17.1, mpmath 1.3.0, 2026-11-26),
// mpmath log10 at 50 digits of the exact input doubles. Tolerance 1e-12 (measured ≤ 1 ulp).
const FROM_UNAVAILABILITY: [number, number][] = [
  [1e-5, 5.0],
  [0.5, 0.3010299956639812],
  [1.0, 0.0],
  [1e-300, 300.0],
  [0.0003, 3.5228787452803374],
];
// 0.999 as a double is not exactly 0.999: the reference says 2.9999999999999996, as we do.
const FROM_AVAILABILITY: [number, number][] = [
  [0.999, 2.9999999999999996],
  [0.99999, 5.000000000001976],
  [0.0, 0.0],
  [0.5, 0.3010299956639812],
  [0.999999999999, 12.000009607447247],
];
const DOWNTIME: [number, number][] = [
  [1e-5, 0.08766],
  [0.001, 8.766],
  [1.0, 8766.0],
  [0.0, 0.0],
  [1e-12, 8.766e-9],
];

describe('nines', () => {
  it('ninesFromUnavailability(u) = −log10(u) at 50 digits', () => {
    for (const [u, expected] of FROM_UNAVAILABILITY) {
      expectRelClose(ninesFromUnavailability(u), expected, 1e-12, `${u}`);
    }
    expect(ninesFromUnavailability(0)).toBe(Infinity);
  });
  it('ninesFromAvailability(a) = −log10(1 − a) at 50 digits', () => {
    for (const [a, expected] of FROM_AVAILABILITY) {
      expectRelClose(ninesFromAvailability(a), expected, 1e-12, `${a}`);
    }
    expect(ninesFromAvailability(1)).toBe(Infinity);
  });
  it('downtimeHoursPerYear(u) = 8766·u', () => {
    for (const [u, expected] of DOWNTIME) {
      expectRelClose(downtimeHoursPerYear(u), expected, 1e-12, `${u}`);
    }
  });
  it('nines functions reject values outside [0, 1]', () => {
    expect(() => ninesFromUnavailability(-0.1)).toThrow(
      /^ninesFromUnavailability: unavailability must be a probability in \[0, 1\]; got -0\.1$/,
    );
    expect(() => ninesFromAvailability(1.5)).toThrow(
      /^ninesFromAvailability: availability must be a probability in \[0, 1\]; got 1\.5$/,
    );
    expect(() => downtimeHoursPerYear(NaN)).toThrow(
      /^downtimeHoursPerYear: unavailability must be a probability in \[0, 1\]; got NaN$/,
    );
  });
});
