import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  duplexMttf,
  duplexSteadyAvailability,
  duplexSteadyUnavailability,
} from '../../src/analytic/formulas/duplexSteadyAvailability.js';
import { kOutOfNReliability } from '../../src/analytic/formulas/kOutOfNReliability.js';
import { repairableDuplexCoverage } from '../../src/analytic/formulas/repairableDuplexCoverage.js';
import { repairableKOutOfN } from '../../src/analytic/formulas/repairableKOutOfN.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/analytic_reference.py (scipy 1.17.1, mpmath 1.3.0, 2026-11-26):
// steady states by mpmath.lu_solve of πQ = 0 with Σπ = 1, MTTFs by solving −Q_TT·m = 1, at 50
// digits; repairableKOutOfN with n = 1000 by the product form at 60 digits. Tolerance 1e-12
// (measured ≤ 2e-13 at n = 1000, ≤ 4e-16 otherwise).
describe('duplexSteadyAvailability, duplexSteadyUnavailability, duplexMttf', () => {
  it('duplexSteadyAvailability and Unavailability(rate, repairRate, crews) match πQ = 0', () => {
    const cases: [[number, number, number], number, number][] = [
      [[1.0, 9.0, 1], 0.9801980198019802, 0.019801980198019802],
      [[1.0, 9.0, 2], 0.99, 0.01],
      [[1e-6, 1.0, 1], 0.999999999998, 1.999996000004e-12],
      [[0.001, 0.1, 2], 0.9999019703950593, 9.802960494069208e-5],
      [[1000.0, 0.001, 1], 9.999995e-7, 0.9999990000005],
      [[1e-9, 1000.0, 2], 1.0, 9.999999999980001e-25],
    ];
    for (const [[l, m, c], a, u] of cases) {
      expectRelClose(duplexSteadyAvailability(l, m, c), a, 1e-12, `A(${l}, ${m}, ${c})`);
      expectRelClose(duplexSteadyUnavailability(l, m, c), u, 1e-12, `U(${l}, ${m}, ${c})`);
    }
  });
  it('duplexMttf(rate, repairRate) matches the absorption solve', () => {
    const cases: [[number, number], number][] = [
      [[1.0, 0.0], 1.5],
      [[0.001, 0.1], 51500.0],
      [[1e-9, 1000.0], 5.000000000014999e20],
      [[2.0, 5.0], 1.375],
    ];
    for (const [[l, m], expected] of cases) {
      expectRelClose(duplexMttf(l, m), expected, 1e-12, `(${l}, ${m})`);
    }
  });
  it('duplexSteadyAvailability rejects crews outside [1, 2]', () => {
    expect(() => duplexSteadyAvailability(1, 1, 3)).toThrow(
      /^duplexSteadyAvailability: crews must be an integer in \[1, 2\]; got 3$/,
    );
  });
});

describe('repairableKOutOfN', () => {
  const cases: [[number, number, number, number, number], [number, number, number, number]][] = [
    [
      [1, 2, 1.0, 9.0, 1],
      [0.9801980198019802, 0.019801980198019802, 0.1782178217821782, 6.0],
    ],
    [
      [2, 3, 0.001, 0.1, 1],
      [0.9994119964370477, 0.0005880035629522824, 5.8218174549730935e-5, 17500.0],
    ],
    [
      [2, 3, 0.001, 0.1, 3],
      [0.9997078523654738, 0.00029214763452622093, 5.8235408875658666e-5, 17500.0],
    ],
    [
      [3, 5, 0.01, 1.0, 2],
      [0.9999855846511925, 1.4415348807472936e-5, 2.8543832102317582e-5, 35578.33333333333],
    ],
    [
      [1, 4, 0.0001, 1.0, 1],
      [0.9999999999999976, 2.3990400960191984e-15, 2.3990400960191984e-15, 416875075020833.25],
    ],
    [
      [900, 1000, 0.001, 0.1, 10],
      [0.9985481714349956, 0.0014518285650043463, 0.00015775828943339254, 70438.66607085668],
    ],
    [
      [1, 1000, 1.0, 0.001, 1000],
      [0.6319366957112229, 0.36806330428877704, 0.36806330428877704, 8.794079242392831],
    ],
    [
      [1000, 1000, 1e-6, 1.0, 1],
      [0.999000001000999, 0.000999998999001005, 0.0009990000010009989, 1000.0],
    ],
    [
      [5, 10, 1000.0, 0.001, 3],
      [2.024994937506509e-30, 1.0, 1.0124969625045564e-26, 0.0008456351845238938],
    ],
  ];
  it('repairableKOutOfN(k, n, rate, repairRate, crews) matches πQ = 0 and absorption solves up to n = 1000', () => {
    for (const [[k, n, l, m, c], [a, u, ff, mttf]] of cases) {
      const result = repairableKOutOfN(k, n, l, m, c);
      const label = `(${k}, ${n}, ${l}, ${m}, ${c})`;
      expectRelClose(result.steadyAvailability, a, 1e-12, `A ${label}`);
      expectRelClose(result.steadyUnavailability, u, 1e-12, `U ${label}`);
      expectRelClose(result.failureFrequency, ff, 1e-12, `f ${label}`);
      expectRelClose(result.mttf, mttf, 1e-12, `MTTF ${label}`);
      expectRelClose(result.mut, a / ff, 1e-12, `MUT ${label}`);
    }
  });
  it('repairableKOutOfN with 1-of-2 equals the duplex formulas', () => {
    for (const crews of [1, 2]) {
      const result = repairableKOutOfN(1, 2, 0.01, 0.3, crews);
      expectRelClose(
        result.steadyUnavailability,
        duplexSteadyUnavailability(0.01, 0.3, crews),
        1e-14,
        'U',
      );
      expectRelClose(result.mttf, duplexMttf(0.01, 0.3), 1e-14, 'MTTF');
    }
  });
  it('repairableKOutOfN with crews = n is kOutOfNReliability at unit availability (fast-check, seed 13)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        fc.double({ min: 1e-4, max: 10, noNaN: true }),
        fc.double({ min: 1e-2, max: 100, noNaN: true }),
        (n, kSeed, rate, repairRate) => {
          const k = 1 + (kSeed % n);
          const unit = repairRate / (rate + repairRate);
          expectRelClose(
            repairableKOutOfN(k, n, rate, repairRate).steadyAvailability,
            kOutOfNReliability(k, n, unit),
            1e-11,
            `(${k}, ${n}, ${rate}, ${repairRate})`,
            1e-300,
          );
        },
      ),
      { seed: 13, numRuns: 100 },
    );
  });
  it('repairableKOutOfN rejects crews outside [1, n] and repairRate 0', () => {
    expect(() => repairableKOutOfN(2, 3, 1, 1, 4)).toThrow(
      /^repairableKOutOfN: crews must be an integer in \[1, 3\]; got 4$/,
    );
    expect(() => repairableKOutOfN(2, 3, 1, 0)).toThrow(
      /^repairableKOutOfN: repairRate must be a finite number > 0; got 0$/,
    );
  });
});

describe('repairableDuplexCoverage', () => {
  it('repairableDuplexCoverage(rate, coverage, repairRate, restoreRate) matches πQ = 0 and absorption', () => {
    const cases: [[number, number, number, number], [number, number, number, number]][] = [
      [
        [0.001, 1.0, 0.1, 0.1],
        [0.9998058629392351, 0.00019413706076490002, 1.9413706076490002e-5, 51500.0],
      ],
      [
        [0.001, 0.99, 0.1, 0.5],
        [0.9999223210471123, 7.767895288771511e-5, 3.883947644385756e-5, 25744.99999999999],
      ],
      [
        [1.0, 0.0, 1.0, 1.0],
        [0.3333333333333333, 0.6666666666666666, 0.6666666666666666, 0.5],
      ],
      [
        [1e-9, 0.999999, 1.0, 0.1],
        [0.99999999999998, 2.0019999940514753e-14, 2.0019999940514754e-15, 499500500984650.9],
      ],
      [
        [1000.0, 0.5, 0.001, 1000.0],
        [0.5, 0.5, 500.0, 0.001],
      ],
    ];
    for (const [[l, c, m, m2], [a, u, ff, mttf]] of cases) {
      const result = repairableDuplexCoverage(l, c, m, m2);
      const label = `(${l}, ${c}, ${m}, ${m2})`;
      expectRelClose(result.steadyAvailability, a, 1e-12, `A ${label}`);
      expectRelClose(result.steadyUnavailability, u, 1e-12, `U ${label}`);
      expectRelClose(result.failureFrequency, ff, 1e-12, `f ${label}`);
      expectRelClose(result.mttf, mttf, 1e-12, `MTTF ${label}`);
    }
  });
  it('repairableDuplexCoverage with coverage 1 has the MTTF of duplexMttf', () => {
    expectRelClose(
      repairableDuplexCoverage(0.02, 1, 0.7, 3).mttf,
      duplexMttf(0.02, 0.7),
      1e-15,
      'c=1',
    );
  });
  it('repairableDuplexCoverage rejects coverage outside [0, 1]', () => {
    expect(() => repairableDuplexCoverage(1, 1.1, 1, 1)).toThrow(
      /^repairableDuplexCoverage: coverage must be a probability in \[0, 1\]; got 1\.1$/,
    );
  });
});
