/**
 * The Markov engine on spare-part pools (docs/semantics.md, "Spare parts") against
 * test/reference/spares_reference.py (mpmath 1.3.0, 40 digits; every unit tracked on its own,
 * the queues as tuples, the chain found by search; run 2026-12-06).
 */
import { describe, expect, it } from 'vitest';
import { UnsupportedModelError } from '../../src/errors.js';
import { solveMarkov } from '../../src/markov/measures/solveMarkov.js';
import { analyze } from '../../src/analytic/solver/analyze.js';
import { loadModel } from '../../src/model/loadModel.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';

const CASES = [
  {
    name: 'a: one pump, stock 1, lead 50',
    text: `name: a
components:
  pump: { failure: { rate: 0.01 }, repair: { mttr: 5 } }
system: pump
maintenance:
  spares: [{ components: [pump], stock: 1, lead_time: { mean: 50 } }]`,
    exact: {
      U: 0.1117092866756393,
      w: 0.008882907133243608,
      mttf: 100,
      a500: 0.8882921503054633,
    },
  },
  {
    name: 'b: 2-of-3 pumps, one crew, stock 1, lead 200',
    text: `name: b
components:
  pump: { count: 3, failure: { rate: 1e-3 }, repair: { mttr: 10 } }
system: { koon: { k: 2, of: pump } }
maintenance:
  crews: 1
  spares: [{ components: [pump], stock: 1, lead_time: { mean: 200 } }]`,
    exact: {
      U: 0.015927140380460916,
      w: 0.0002422925266630912,
      mttf: 5022.0199647680565,
      a500: 0.986664812196626,
    },
  },
  {
    name: 'c: two components share a pool first come, first served; one crew',
    text: `name: c
components:
  A: { count: 2, failure: { rate: 2e-3 }, repair: { mttr: 4 } }
  B: { failure: { rate: 1e-3 }, repair: { mttr: 6 } }
system: { series: [{ parallel: [A] }, B] }
maintenance:
  crews: 1
  spares: [{ components: [A, B], stock: 1, lead_time: { mean: 100 } }]`,
    exact: {
      U: 0.029650842279808038,
      w: 0.0011166383849047401,
      mttf: 901.2247764215048,
      a500: 0.970595313422845,
    },
  },
  {
    name: 'd: c with stock 0 (every repair waits for its order)',
    text: `name: d
components:
  A: { count: 2, failure: { rate: 2e-3 }, repair: { mttr: 4 } }
  B: { failure: { rate: 1e-3 }, repair: { mttr: 6 } }
system: { series: [{ parallel: [A] }, B] }
maintenance:
  crews: 1
  spares: [{ components: [A, B], stock: 0, lead_time: { mean: 100 } }]`,
    exact: {
      U: 0.12273056873950794,
      w: 0.001392747531333247,
      mttf: 673.5453840186191,
      a500: 0.8777233782680535,
    },
  },
  {
    name: 'e: two pools, unlimited crews',
    text: `name: e
components:
  p: { count: 2, failure: { rate: 1e-3 }, repair: { mttr: 8 } }
  v: { count: 2, failure: { rate: 5e-4 }, repair: { mttr: 2 } }
system: { series: [{ parallel: [p] }, { parallel: [v] }] }
maintenance:
  spares:
    - { name: P, components: [p], stock: 1, lead_time: { mean: 300 } }
    - { name: V, components: [v], stock: 0, lead_time: { mean: 50 } }`,
    exact: {
      U: 0.011245652629867028,
      w: 0.0001358367567652258,
      mttf: 8419.53690646955,
      a500: 0.9925977207824452,
    },
  },
];

describe('spare pools in the Markov engine', () => {
  for (const { name, text, exact } of CASES) {
    it(`${name}: U, ω, MTTF and A(500) equal the reference`, () => {
      const result = solveMarkov(loadModel(text), { times: [0, 500] });
      const m = result.measures;
      // Measured ≤ 4e-16 (steady, MTTF) and ≤ 1e-15 (A(500)); tolerances leave room for the
      // iterative solvers' and uniformization's stated accuracy.
      expectRelClose(m.steadyUnavailability as number, exact.U, 1e-10, 'U');
      expectRelClose(m.failureFrequency as number, exact.w, 1e-10, 'ω');
      expectRelClose(m.mttf as number, exact.mttf, 1e-10, 'MTTF');
      expectRelClose(element(m.availability!.values, 1), exact.a500, 1e-9, 'A(500)');
    });
  }

  it('a pool larger than any demand changes nothing but the lead time scale', () => {
    const plain = `name: x
components:
  pump: { count: 3, failure: { rate: 1e-3 }, repair: { mttr: 10 } }
system: { koon: { k: 2, of: pump } }
maintenance: { crews: 1 }`;
    // With 3 units, at most 3 spares are ever out; a lead time far shorter than the life does not
    // matter then, and a stock of 3 never runs dry.
    const pooled = `${plain.replace('maintenance: { crews: 1 }', 'maintenance:\n  crews: 1\n  spares: [{ components: [pump], stock: 3, lead_time: { mean: 1e-9 } }]')}`;
    const a = solveMarkov(loadModel(plain)).measures;
    const b = solveMarkov(loadModel(pooled)).measures;
    expectRelClose(b.steadyUnavailability as number, a.steadyUnavailability as number, 1e-9);
    expectRelClose(b.mttf as number, a.mttf as number, 1e-9);
  });

  it('refuses a lead time that is not exponential, naming the simulator', () => {
    const text = element(CASES, 0).text.replace(
      '{ mean: 50 }',
      '{ dist: deterministic, value: 50 }',
    );
    expect(() => solveMarkov(loadModel(text))).toThrow(UnsupportedModelError);
    expect(() => solveMarkov(loadModel(text))).toThrow(
      /spare pool "pool 1" has a deterministic lead time.*relkit simulate/s,
    );
  });

  it('the closed forms refuse pools: a unit may wait for a spare', () => {
    expect(() => analyze(loadModel(element(CASES, 0).text))).toThrow(
      /spare pool "pool 1" holds 1 for one component: a failed unit may wait for a spare.*relkit markov/s,
    );
  });
});
