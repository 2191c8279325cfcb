import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coldStandbyMttf,
  coldStandbyReliability,
} from '../../src/analytic/formulas/coldStandbyReliability.js';
import {
  coldStandbyNonIdenticalMttf,
  coldStandbyNonIdenticalReliability,
  coldStandbyNonIdenticalUnreliability,
} from '../../src/analytic/formulas/coldStandbyNonIdenticalReliability.js';
import { mttfFromReliability } from '../../src/analytic/formulas/mttfFromReliability.js';
import { parallelReliability } from '../../src/analytic/formulas/parallelReliability.js';
import {
  warmStandbyMttf,
  warmStandbyReliability,
} from '../../src/analytic/formulas/warmStandbyReliability.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/analytic_reference.py (scipy 1.17.1, mpmath 1.3.0, 2026-11-26):
// Erlang survival by mpmath.gammainc; switch, warm and non-identical chains by mpmath.expm of the
// generator at 50–60 digits (distinct rates cross-checked with the classical sum at 80 digits);
// MTTFs by solving −Q_TT·m = 1. Tolerance 1e-12, except where λt ≥ 200: the input λt itself makes
// e^{−λt} uncertain by ε·λt relative, so 1e-12·max(1, λt/100) is used there (measured 3e-14 at
// λt = 1000).
describe('coldStandbyReliability and coldStandbyMttf', () => {
  it('coldStandbyReliability(rate, spares, t) with perfect switching matches gammainc', () => {
    const cases: [[number, number, number], number][] = [
      [[1.0, 1, 1.0], 0.7357588823428847],
      [[1.0, 0, 2.0], 0.1353352832366127],
      [[1e-9, 3, 1000000.0], 0.9999999999999584],
      [[1000.0, 2, 0.001], 0.9196986029286058],
      [[1.0, 1000, 1000.0], 0.508409367168506],
      [[1.0, 10, 0.0], 1.0],
      [[1.0, 5, 200.0], 3.784523657876468e-78],
      [[2.5, 4, 1e-8], 1.0],
    ];
    for (const [[rate, spares, t], expected] of cases) {
      const tol = 1e-12 * Math.max(1, (rate * t) / 100);
      expectRelClose(
        coldStandbyReliability(rate, spares, t),
        expected,
        tol,
        `(${rate}, ${spares}, ${t})`,
      );
    }
  });
  it('coldStandbyReliability(rate, spares, t, p) matches expm of the switch chain', () => {
    const cases: [[number, number, number, number], number][] = [
      [[1.0, 1, 1.0, 0.5], 0.5518191617571635],
      [[1.0, 3, 2.0, 0.9], 0.7297278472118157],
      [[0.001, 2, 100.0, 0.99], 0.9988504781886048],
      [[2.0, 2, 0.0, 0.3], 1.0],
      [[1.0, 4, 30.0, 0.95], 2.9741705924654886e-9],
    ];
    for (const [[rate, spares, t, p], expected] of cases) {
      expectRelClose(
        coldStandbyReliability(rate, spares, t, p),
        expected,
        1e-12,
        `(${rate}, ${spares}, ${t}, ${p})`,
      );
    }
  });
  it('coldStandbyMttf(rate, spares, p) matches the absorption solve', () => {
    const cases: [[number, number, number], number][] = [
      [[0.5, 2, 1.0], 6.0],
      [[1.0, 2, 0.5], 1.75],
      [[1e-9, 0, 0.3], 999999999.9999999],
      [[1000.0, 999, 0.999], 0.6323045752290357],
    ];
    for (const [[rate, spares, p], expected] of cases) {
      expectRelClose(
        coldStandbyMttf(rate, spares, p),
        expected,
        1e-12,
        `(${rate}, ${spares}, ${p})`,
      );
    }
  });
  it('coldStandbyMttf = ∫ coldStandbyReliability dt for random parameters (fast-check, seed 5)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rate, spares, p) => {
          const { value } = mttfFromReliability((t) => coldStandbyReliability(rate, spares, t, p), {
            scale: 1 / rate,
          });
          expectRelClose(
            value,
            coldStandbyMttf(rate, spares, p),
            1e-9,
            `(${rate}, ${spares}, ${p})`,
          );
        },
      ),
      { seed: 5, numRuns: 30 },
    );
  });
  it('coldStandbyReliability rejects bad input', () => {
    expect(() => coldStandbyReliability(1, -1, 1)).toThrow(
      /^coldStandbyReliability: spares must be an integer >= 0; got -1$/,
    );
    expect(() => coldStandbyMttf(1, 1, 1.5)).toThrow(
      /^coldStandbyMttf: switchSuccess must be a probability in \[0, 1\]; got 1\.5$/,
    );
  });
});

describe('coldStandbyNonIdenticalReliability (hypoexponential)', () => {
  it('coldStandbyNonIdenticalReliability(rates, t) matches 60-digit expm for equal, close and spread rates', () => {
    const cases: [number[], number, number][] = [
      [[1.0, 2.0], 1.0, 0.600423599106272],
      [[1.0, 1.0], 1.0, 0.7357588823428847],
      [[1.0, 1.000000001], 1.0, 0.7357588821589449],
      [[1.0, 1.000000001, 0.999999999], 2.0, 0.6766764161830634],
      [[1e-9, 1000.0], 1000000000.0, 0.36787944117181015],
      [[1e-9, 1000.0], 0.001, 0.9999999999996321],
      [[0.5, 1.5, 2.5, 3.5], 3.0, 0.46451361349268244],
      [[1.0, 1.0, 1.0, 1.0, 1.0], 4.0, 0.6288369351798735],
      [[3.0, 1.0, 2.0], 0.0, 1.0],
      [[0.001, 0.002, 0.001, 0.0005], 10000.0, 0.03484611832710498],
    ];
    for (const [rates, t, expected] of cases) {
      expectRelClose(
        coldStandbyNonIdenticalReliability(rates, t),
        expected,
        1e-12,
        `(${rates}, ${t})`,
      );
    }
  });
  it('coldStandbyNonIdenticalUnreliability(rates, t, p) keeps the digits of 5e-13', () => {
    const cases: [number[], number, number, number][] = [
      [[0.001, 0.001], 0.001, 1.0, 4.999996666667917e-13],
      [[1.0, 2.0, 3.0], 0.5, 0.9, 0.1026226742105699],
      [[1e-6, 2e-6, 3e-6], 10.0, 1.0, 9.999850001249992e-16],
      [[1.0, 1.000000001], 0.0001, 1.0, 4.999666684165835e-9],
    ];
    for (const [rates, t, p, expected] of cases) {
      expectRelClose(
        coldStandbyNonIdenticalUnreliability(rates, t, p),
        expected,
        1e-12,
        `(${rates}, ${t}, ${p})`,
      );
    }
  });
  it('coldStandbyNonIdenticalReliability(rates, t, p) with imperfect switching matches expm', () => {
    const cases: [number[], number, number, number][] = [
      [[1.0, 2.0, 3.0], 0.5, 0.9, 0.8973773257894301],
      [[2.0, 1.0], 3.0, 0.5, 0.049787068367863944],
      [[1e-9, 1000.0, 1.0], 100000000.0, 0.99, 0.9048374189236865],
    ];
    for (const [rates, t, p, expected] of cases) {
      expectRelClose(
        coldStandbyNonIdenticalReliability(rates, t, p),
        expected,
        1e-12,
        `(${rates}, ${t}, ${p})`,
      );
    }
  });
  it('coldStandbyNonIdenticalMttf(rates, p) matches the absorption solve', () => {
    const cases: [number[], number, number][] = [
      [[1.0, 2.0, 4.0], 1.0, 1.75],
      [[1.0, 2.0, 4.0], 0.5, 1.3125],
      [[1e-9, 1000.0], 0.9, 1000000000.0008999],
    ];
    for (const [rates, p, expected] of cases) {
      expectRelClose(coldStandbyNonIdenticalMttf(rates, p), expected, 1e-12, `(${rates}, ${p})`);
    }
  });
  it('coldStandbyNonIdenticalReliability with equal rates equals the Erlang form coldStandbyReliability', () => {
    for (const [rate, n, t] of [
      [1, 3, 2.5],
      [1e-3, 6, 4000],
      [50, 1, 0.01],
    ] as const) {
      const rates = Array<number>(n + 1).fill(rate);
      expectRelClose(
        coldStandbyNonIdenticalReliability(rates, t, 0.8),
        coldStandbyReliability(rate, n, t, 0.8),
        1e-13,
        `(${rate}, ${n}, ${t})`,
      );
    }
  });
  it('coldStandbyNonIdenticalReliability + Unreliability = 1', () => {
    const r = coldStandbyNonIdenticalReliability([0.3, 2, 7], 0.9, 0.7);
    const q = coldStandbyNonIdenticalUnreliability([0.3, 2, 7], 0.9, 0.7);
    expectRelClose(r + q, 1, 1e-14, 'sum');
  });
  it('coldStandbyNonIdenticalReliability rejects an empty list and bad rates', () => {
    expect(() => coldStandbyNonIdenticalReliability([], 1)).toThrow(
      /^coldStandbyNonIdenticalReliability: rates must have at least one rate; got \[\]$/,
    );
    expect(() => coldStandbyNonIdenticalMttf([1, 0])).toThrow(
      /^coldStandbyNonIdenticalMttf: rates\[1\] must be a finite number > 0; got 0$/,
    );
  });
});

describe('warmStandbyReliability and warmStandbyMttf', () => {
  it('warmStandbyReliability(rate, dormantRate, spares, t) matches expm of the death chain', () => {
    const cases: [[number, number, number, number], number][] = [
      [[1.0, 0.5, 1, 1.0], 0.6573780032174673],
      [[1.0, 0.0, 1, 1.0], 0.7357588823428847],
      [[1.0, 1.0, 3, 1.0], 0.8403386998488147],
      [[0.001, 0.0001, 5, 2000.0], 0.9600790131247261],
      [[2.0, 0.1, 10, 0.0], 1.0],
      [[1.0, 1e-9, 2, 5.0], 0.12465201906195945],
      [[1000.0, 1.0, 3, 0.01], 0.010223285095246731],
      [[1.0, 0.3, 4, 60.0], 3.916286193801561e-25],
    ];
    for (const [[l, d, n, t], expected] of cases) {
      expectRelClose(
        warmStandbyReliability(l, d, n, t),
        expected,
        1e-12,
        `(${l}, ${d}, ${n}, ${t})`,
      );
    }
  });
  it('warmStandbyMttf(rate, dormantRate, spares) matches the absorption solve', () => {
    const cases: [[number, number, number], number][] = [
      [[1.0, 0.5, 1], 1.6666666666666667],
      [[1.0, 1.0, 1], 1.5],
      [[0.001, 0.0001, 5], 4892.607392607392],
      [[1.0, 0.0, 3], 4.0],
    ];
    for (const [[l, d, n], expected] of cases) {
      expectRelClose(warmStandbyMttf(l, d, n), expected, 1e-12, `(${l}, ${d}, ${n})`);
    }
  });
  it('warmStandbyReliability with spares 1 is e^{−λt} + λ/λd·(e^{−λt} − e^{−(λ+λd)t})', () => {
    const [l, d, t] = [0.7, 0.2, 1.3];
    const closed = Math.exp(-l * t) + (l / d) * (Math.exp(-l * t) - Math.exp(-(l + d) * t));
    expectRelClose(warmStandbyReliability(l, d, 1, t), closed, 1e-14, 'n = 1');
  });
  it('warmStandbyReliability with dormant rate 0 is cold standby and with dormant rate λ is parallel', () => {
    for (const [l, n, t] of [
      [1, 3, 2],
      [1e-3, 5, 3000],
      [2, 1, 0.1],
    ] as const) {
      expectRelClose(
        warmStandbyReliability(l, 0, n, t),
        coldStandbyReliability(l, n, t),
        1e-14,
        'cold',
      );
      expectRelClose(
        warmStandbyReliability(l, 1e-12 * l, n, t),
        coldStandbyReliability(l, n, t),
        1e-10,
        'near cold',
      );
      const hot = parallelReliability(Array<number>(n + 1).fill(Math.exp(-l * t)));
      expectRelClose(warmStandbyReliability(l, l, n, t), hot, 1e-13, 'hot');
    }
  });
  it('warmStandbyMttf = ∫ warmStandbyReliability dt for random parameters (fast-check, seed 9)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (rate, dormantFactor, spares) => {
          const dormantRate = rate * dormantFactor;
          const { value } = mttfFromReliability(
            (t) => warmStandbyReliability(rate, dormantRate, spares, t),
            { scale: 1 / rate },
          );
          expectRelClose(
            value,
            warmStandbyMttf(rate, dormantRate, spares),
            1e-9,
            `(${rate}, ${dormantRate}, ${spares})`,
          );
        },
      ),
      { seed: 9, numRuns: 30 },
    );
  });
  it('warmStandbyReliability rejects a negative dormant rate', () => {
    expect(() => warmStandbyReliability(1, -0.1, 1, 1)).toThrow(
      /^warmStandbyReliability: dormantRate must be a finite number >= 0; got -0\.1$/,
    );
  });
});
