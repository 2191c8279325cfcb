import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  duplexCoverageMttf,
  duplexCoverageReliability,
  duplexCoverageUnreliability,
} from '../../src/analytic/formulas/duplexCoverageReliability.js';
import { mttfFromReliability } from '../../src/analytic/formulas/mttfFromReliability.js';
import { parallelReliability } from '../../src/analytic/formulas/parallelReliability.js';
import {
  tmrCoverageMttf,
  tmrCoverageReliability,
  tmrCoverageUnreliability,
} from '../../src/analytic/formulas/tmrCoverageReliability.js';
import { tmrReliability } from '../../src/analytic/formulas/tmrReliability.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/analytic_reference.py (scipy 1.17.1, mpmath 1.3.0, 2026-11-26):
// mpmath.expm of the three-state coverage chains at 60 digits; MTTFs by solving −Q_TT·m = 1.
// Tolerance 1e-12 (measured ≤ 1e-15); absolute 1e-300 where the exact value underflows to 0.
type Row = [[number, number, number], number];
const DUPLEX_R: Row[] = [
  [[1.0, 1.0, 1.0], 0.600423599106272],
  [[1.0, 0.9, 1.0], 0.553914767519306],
  [[1e-6, 0.999, 1.0], 0.999999997999003],
  [[1e-9, 1.0, 1.0], 1.0],
  [[1000.0, 0.5, 1.0], 0.0],
  [[1.0, 0.0, 0.0], 1.0],
  [[0.0001, 0.99, 10000.0], 0.5957727159475753],
];
const DUPLEX_Q: Row[] = [
  [[1.0, 1.0, 1.0], 0.39957640089372803],
  [[1.0, 0.9, 1.0], 0.446085232480694],
  [[1e-6, 0.999, 1.0], 2.0009969990023357e-9],
  [[1e-9, 1.0, 1.0], 9.99999999e-19],
  [[1000.0, 0.5, 1.0], 1.0],
  [[1.0, 0.0, 0.0], 0.0],
  [[0.0001, 0.99, 10000.0], 0.40422728405242464],
];
const TMR_R: Row[] = [
  [[1.0, 1.0, 1.0], 0.3064317129741102],
  [[1.0, 0.5, 0.0], 1.0],
  [[1e-9, 1.0, 1.0], 1.0],
  [[1e-5, 0.999, 10.0], 0.99999967007999],
  [[1000.0, 0.9, 0.001], 0.28076724851348556],
  [[0.1, 0.0, 50.0], 3.059023205018255e-7],
];
const TMR_Q: Row[] = [
  [[1.0, 1.0, 1.0], 0.6935682870258898],
  [[1.0, 0.5, 0.0], 0.0],
  [[1e-9, 1.0, 1.0], 2.9999999950000003e-18],
  [[1e-5, 0.999, 10.0], 3.2992000997415535e-7],
  [[1000.0, 0.9, 0.001], 0.7192327514865144],
  [[0.1, 0.0, 50.0], 0.9999996940976795],
];

function check(fn: (a: number, b: number, c: number) => number, rows: Row[], name: string): void {
  for (const [[l, c, t], expected] of rows) {
    expectRelClose(fn(l, c, t), expected, 1e-12, `${name}(${l}, ${c}, ${t})`, 1e-300);
  }
}

describe('duplexCoverageReliability, tmrCoverageReliability and their MTTFs', () => {
  it('duplexCoverageReliability and Unreliability(rate, coverage, t) match expm', () => {
    check(duplexCoverageReliability, DUPLEX_R, 'R');
    check(duplexCoverageUnreliability, DUPLEX_Q, 'Q');
  });
  it('tmrCoverageReliability and Unreliability(rate, coverage, t) match expm', () => {
    check(tmrCoverageReliability, TMR_R, 'R');
    check(tmrCoverageUnreliability, TMR_Q, 'Q');
  });
  it('duplexCoverageMttf and tmrCoverageMttf(rate, coverage) match the absorption solve', () => {
    const duplex: [[number, number], number][] = [
      [[1.0, 1.0], 1.5],
      [[0.001, 0.9], 1400.0],
      [[1e-9, 0.0], 499999999.99999994],
      [[1000.0, 0.999], 0.001499],
    ];
    const tmr: [[number, number], number][] = [
      [[1.0, 1.0], 0.8333333333333334],
      [[0.001, 0.9], 783.3333333333334],
      [[1e-9, 0.0], 333333333.3333333],
      [[1000.0, 0.999], 0.0008328333333333333],
    ];
    for (const [[l, c], e] of duplex)
      expectRelClose(duplexCoverageMttf(l, c), e, 1e-12, `duplex ${l} ${c}`);
    for (const [[l, c], e] of tmr) expectRelClose(tmrCoverageMttf(l, c), e, 1e-12, `tmr ${l} ${c}`);
  });
  it('coverage 1 gives the perfect parallel and TMR forms', () => {
    for (const [l, t] of [
      [1, 1],
      [1e-3, 50],
      [2, 7],
    ] as const) {
      const r = Math.exp(-l * t);
      expectRelClose(
        duplexCoverageReliability(l, 1, t),
        parallelReliability([r, r]),
        1e-14,
        'duplex',
      );
      expectRelClose(tmrCoverageReliability(l, 1, t), tmrReliability(r), 1e-14, 'tmr');
    }
  });
  it('coverage MTTFs = ∫ R dt for random parameters (fast-check, seed 17)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rate, c) => {
          const options = { scale: 1 / rate };
          const duplex = mttfFromReliability((t) => duplexCoverageReliability(rate, c, t), options);
          const tmr = mttfFromReliability((t) => tmrCoverageReliability(rate, c, t), options);
          expectRelClose(duplex.value, duplexCoverageMttf(rate, c), 1e-9, `duplex ${rate} ${c}`);
          expectRelClose(tmr.value, tmrCoverageMttf(rate, c), 1e-9, `tmr ${rate} ${c}`);
        },
      ),
      { seed: 17, numRuns: 50 },
    );
  });
  it('coverage functions reject coverage outside [0, 1]', () => {
    expect(() => duplexCoverageReliability(1, 2, 1)).toThrow(
      /^duplexCoverageReliability: coverage must be a probability in \[0, 1\]; got 2$/,
    );
    expect(() => tmrCoverageMttf(-1, 0.5)).toThrow(
      /^tmrCoverageMttf: rate must be a finite number > 0; got -1$/,
    );
  });
});
