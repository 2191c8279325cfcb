import { describe, expect, it } from 'vitest';
import { kOutOfNMttf } from '../../src/analytic/formulas/kOutOfNMttf.js';
import { nmrReliability } from '../../src/analytic/formulas/nmrReliability.js';
import { tmrMttf, tmrReliability } from '../../src/analytic/formulas/tmrReliability.js';
import { mttfFromReliability } from '../../src/analytic/formulas/mttfFromReliability.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/analytic_reference.py (scipy 1.17.1, mpmath 1.3.0, 2026-11-26):
// NMR/TMR by exact rational binomial sums; tmrMttf and kOutOfNMttf by mpmath.quad of R(t) at 40
// digits (n = 1000: 40-digit harmonic sums). Tolerance 1e-12 (measured ≤ 2e-16 except n = 1001,
// ≤ 1e-13).
describe('nmrReliability, tmrReliability, tmrMttf, kOutOfNMttf', () => {
  it('nmrReliability(n, r, voter) matches exact binomial sums', () => {
    const cases: [[number, number, number], number][] = [
      [[5, 0.9, 1.0], 0.99144],
      [[3, 0.9, 0.99], 0.96228],
      [[1, 0.7, 0.5], 0.35],
      [[1001, 0.6, 0.999], 0.9989999999192828],
      [[7, 0.001, 1.0], 3.491606998e-11],
    ];
    for (const [[n, r, v], expected] of cases) {
      expectRelClose(nmrReliability(n, r, v), expected, 1e-12, `(${n}, ${r}, ${v})`);
    }
  });
  it('tmrReliability(r, voter) matches exact sums and equals nmrReliability(3, r, voter)', () => {
    const cases: [[number, number], number][] = [
      [[0.9, 1.0], 0.972],
      [[1.0, 0.99], 0.99],
      [[0.999999, 1.0], 0.999999999997],
      [[1e-9, 1.0], 2.9999999980000005e-18],
      [[0.5, 0.5], 0.25],
    ];
    for (const [[r, v], expected] of cases) {
      expectRelClose(tmrReliability(r, v), expected, 1e-12, `(${r}, ${v})`);
      expectRelClose(nmrReliability(3, r, v), expected, 1e-12, `nmr (${r}, ${v})`);
    }
  });
  it('tmrMttf(rate, voterRate) matches mpmath.quad of R(t)', () => {
    const cases: [[number, number], number][] = [
      [[1.0, 0.0], 0.8333333333333334],
      [[0.0001, 1e-6], 8280.854861903108],
      [[1e-9, 0.0], 833333333.3333333],
      [[1000.0, 1000.0], 0.0005],
      [[2.0, 0.5], 0.358974358974359],
    ];
    for (const [[rate, voter], expected] of cases) {
      expectRelClose(tmrMttf(rate, voter), expected, 1e-12, `(${rate}, ${voter})`);
    }
  });
  it('kOutOfNMttf(k, n, rate) matches mpmath.quad of R(t) and 40-digit harmonic sums', () => {
    const cases: [[number, number, number], number][] = [
      [[2, 3, 1.0], 0.8333333333333334],
      [[1, 2, 0.5], 3.0],
      [[3, 3, 1e-9], 333333333.3333333],
      [[1, 1, 1000.0], 0.001],
      [[1, 1000, 0.001], 7485.470860550345],
      [[500, 1000, 2.0], 0.34732371527991013],
      [[1000, 1000, 1.0], 0.001],
    ];
    for (const [[k, n, rate], expected] of cases) {
      expectRelClose(kOutOfNMttf(k, n, rate), expected, 1e-12, `(${k}, ${n}, ${rate})`);
    }
  });
  it('tmrMttf(rate) = 5/(6·rate) = kOutOfNMttf(2, 3, rate) = ∫ tmrReliability(e^{−rate·t}) dt', () => {
    for (const rate of [1e-9, 0.37, 1e3]) {
      expectRelClose(tmrMttf(rate), 5 / (6 * rate), 1e-15, `closed ${rate}`);
      expectRelClose(kOutOfNMttf(2, 3, rate), tmrMttf(rate), 1e-15, `koon ${rate}`);
      const integral = mttfFromReliability((t) => tmrReliability(Math.exp(-rate * t)), {
        scale: 1 / rate,
      });
      expectRelClose(integral.value, tmrMttf(rate), 1e-9, `quadrature ${rate}`);
    }
  });
  it('nmrReliability, tmrReliability, tmrMttf and kOutOfNMttf reject bad input', () => {
    expect(() => nmrReliability(4, 0.9)).toThrow(
      /^nmrReliability: n must be an odd integer >= 1; got 4$/,
    );
    expect(() => tmrReliability(0.9, 2)).toThrow(
      /^tmrReliability: voterReliability must be a probability in \[0, 1\]; got 2$/,
    );
    expect(() => tmrMttf(0)).toThrow(/^tmrMttf: rate must be a finite number > 0; got 0$/);
    expect(() => kOutOfNMttf(0, 3, 1)).toThrow(
      /^kOutOfNMttf: k must be an integer in \[1, 3\]; got 0$/,
    );
  });
});
