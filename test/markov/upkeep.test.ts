/**
 * The Markov engine on proof-tested models and costs (docs/semantics.md, "Hidden failures and
 * proof tests", "Costs"): against the library's closed forms of IEC 61508-6, hand-derived cost
 * rates, and test/reference/markov_upkeep_reference.py (mpmath 1.3.0, 40 digits, matrix
 * exponentials of hand-written chains per piece; run 2026-12-06).
 */
import { describe, expect, it } from 'vitest';
import { proofTestedPfdAverage } from '../../src/analytic/formulas/proofTestedPfd.js';
import { UnsupportedModelError } from '../../src/errors.js';
import { chainFromModel } from '../../src/markov/generation/fromModel.js';
import { solveMarkov } from '../../src/markov/measures/solveMarkov.js';
import { loadModel } from '../../src/model/loadModel.js';
import { silBand } from '../../src/model/safetyIntegrity.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';

const INSTANT = '{ dist: deterministic, value: 0 }';

/** A k-out-of-n group of one component with instantaneous repair, tested every T, over m tests. */
function group(k: number, n: number, rate: number, beta: number, T: number, m: number): string {
  const structure = n === 1 ? 'series: [x]' : `koon: { k: ${k}, of: x }`;
  return [
    `name: g${k}oo${n}`,
    `mission_time: ${m * T}`,
    'components:',
    `  x: { count: ${n}, failure: { rate: ${rate} }, repair: ${INSTANT}, inspection: { interval: ${T} } }`,
    ...(beta > 0 ? [`common_cause: [{ members: [x], model: beta-factor, beta: ${beta} }]`] : []),
    `system: { ${structure} }`,
  ].join('\n');
}

describe('proof tests: pfdAvg against the closed forms of IEC 61508-6', () => {
  // The tests renew every channel, so the average over m intervals is that over one. Measured
  // ≤ 1.1e-14 relative (truncation 1e-18 of Poisson mass per piece, and rounding).
  const cases = [
    { k: 1, n: 1, rate: 1e-5, beta: 0, T: 8760, m: 10 },
    { k: 1, n: 2, rate: 5e-6, beta: 0.1, T: 8760, m: 10 },
    { k: 2, n: 3, rate: 1e-5, beta: 0.1, T: 8760, m: 10 },
    { k: 1, n: 2, rate: 2e-6, beta: 0.05, T: 730, m: 120 },
  ];
  for (const { k, n, rate, beta, T, m } of cases) {
    it(`${k}oo${n}, λ ${rate}, β ${beta}, T ${T}, ${m} tests: to 1e-9 relative`, () => {
      const result = solveMarkov(loadModel(group(k, n, rate, beta, T, m)));
      const exact = proofTestedPfdAverage({ k, n, rate, beta, testInterval: T });
      expectRelClose(result.measures.pfdAvg as number, exact, 1e-9, 'pfdAvg');
      expect(result.measures.sil).toBe(silBand(exact));
      expectRelClose(result.measures.intervalAvailability as number, 1 - exact, 1e-12);
    });
  }

  it('every MooN up to 4 channels, β and λT across scales, 3 tests: to 1e-9 relative', () => {
    // Measured < 1e-14 relative, down to a PFD of 3.3e-9 (1oo2, λT = 1e-4).
    const T = 1000;
    for (const [k, n] of [
      [1, 1],
      [1, 2],
      [2, 2],
      [1, 3],
      [2, 3],
      [3, 4],
    ] as const) {
      for (const beta of n === 1 ? [0] : [0, 0.02, 0.2]) {
        for (const lambdaT of [1e-4, 0.05, 1]) {
          const rate = lambdaT / T;
          const result = solveMarkov(loadModel(group(k, n, rate, beta, T, 3)), { points: 2 });
          const exact = proofTestedPfdAverage({ k, n, rate, beta, testInterval: T });
          expectRelClose(
            result.measures.pfdAvg as number,
            exact,
            1e-9,
            `${k}oo${n} β ${beta} λT ${lambdaT}`,
          );
        }
      }
    }
  });

  it('the default grid shows the saw-tooth: A just before a test, 1 at it', () => {
    const result = solveMarkov(loadModel(group(1, 1, 1e-5, 0, 8760, 3)));
    const curve = result.measures.availability!;
    const at = curve.t.indexOf(8760);
    expect(at).toBeGreaterThan(0);
    expect(element(curve.t, at - 1)).toBeCloseTo(8760, 1);
    expectRelClose(
      element(curve.values, at - 1),
      Math.exp(-1e-5 * element(curve.t, at - 1)),
      1e-12,
    );
    expect(element(curve.values, at)).toBe(1);
  });

  it('R(t) of a 1oo2 renewed by its tests: Π over intervals of 1 − (1 − e^{−λT})²', () => {
    const [lambda, T] = [1e-4, 1000];
    const times = [500, 1000, 1500, 2999, 3000];
    const result = solveMarkov(loadModel(group(1, 2, lambda, 0, T, 3)), { times });
    const both = (tau: number): number => 1 - (-Math.expm1(-lambda * tau)) ** 2;
    times.forEach((t, i) => {
      const k = Math.floor(t / T);
      const exact = both(T) ** k * both(t - k * T);
      // Measured ≤ 2.3e-16.
      expectRelClose(element(result.measures.reliability!.values, i), exact, 1e-12, `R(${t})`);
    });
    expect(result.measures.mttf).toBeUndefined();
  });

  it('R(t) of one unit drops to 0 when a test that takes time begins', () => {
    const result = solveMarkov(loadModel(ONE_UNIT), { times: [4379, 4380, 4384] });
    const values = result.measures.reliability!.values;
    expectRelClose(element(values, 0), Math.exp(-2e-5 * 4379), 1e-12, 'R(4379)');
    expect([element(values, 1), element(values, 2)]).toEqual([0, 0]);
  });

  it('without a mission time leaves pfdAvg out and says so; no steady measures, no MTTF', () => {
    const text = group(1, 1, 1e-5, 0, 8760, 3).replace(/mission_time: .*\n/, '');
    const result = solveMarkov(loadModel(text));
    expect(result.measures.pfdAvg).toBeUndefined();
    expect(result.measures.steadyAvailability).toBeUndefined();
    expect(result.measures.mttf).toBeUndefined();
    expect(result.warnings.join('\n')).toMatch(
      /pfdAvg and sil are left out: they need a mission time/,
    );
    expect(result.warnings.join('\n')).toMatch(/no steady state/);
  });
});

// test/reference/markov_upkeep_reference.py, case d.
const ONE_UNIT = `name: d
mission_time: 43800
components:
  x: { failure: { rate: 2e-5 }, repair: { mttr: 8 }, inspection: { interval: 4380, duration: 4, coverage: 0.9 }, costs: { corrective: 1000, inspection: 200, downtime_per_hour: 50 } }
maintenance: { crew_cost_per_hour: 80 }
system: { series: [x] }`;

// test/reference/markov_upkeep_reference.py, case e.
const STAGGERED = `name: e
mission_time: 43800
components:
  a: { failure: { rate: 1e-4 }, repair: { mttr: 200 }, inspection: { interval: 4380, first: 2190 } }
  b: { failure: { rate: 1e-4 }, repair: { mttr: 200 }, inspection: { interval: 4380 } }
maintenance: { crews: 1 }
system: { parallel: [a, b] }`;

describe('proof tests against the mpmath chains of markov_upkeep_reference.py', () => {
  // Measured ≤ 1e-13 relative on every value; tolerance 1e-10.
  it('one unit, exponential repair, tests taking 4 h with coverage 0.9, costs', () => {
    const times = [4379.999, 4380, 4382, 4384, 21901];
    const result = solveMarkov(loadModel(ONE_UNIT), { times });
    expectRelClose(result.measures.pfdAvg as number, 0.07869317554259495, 1e-10, 'pfdAvg');
    expectRelClose(result.measures.missionCost as number, 175414.6309678683, 1e-10, 'cost');
    const expected = [0.9161272726671995, 0, 0, 0.9161272543446543, 2.384640169973911e-240];
    expected.forEach((a, i) =>
      expectRelClose(element(result.measures.availability!.values, i), a, 1e-10, `A(${times[i]})`),
    );
    expect(result.warnings.join('\n')).toMatch(/costRate is left out/);
  });

  it('a 1oo2 with one crew and staggered tests', () => {
    const times = [2190, 4380, 6570, 43800];
    const result = solveMarkov(loadModel(STAGGERED), { times });
    expectRelClose(result.measures.pfdAvg as number, 0.0343280981040842, 1e-10, 'pfdAvg');
    const expected = [
      0.9613176534499585, 0.9313856485446942, 0.9327977361375812, 0.933156885855899,
    ];
    expected.forEach((a, i) =>
      expectRelClose(element(result.measures.availability!.values, i), a, 1e-10, `A(${times[i]})`),
    );
  });

  it('the same with tests taking 24 h, coverage 0.8: units back from repair in a test, a queue', () => {
    const text = STAGGERED.replace('name: e', 'name: e2')
      .replaceAll('mttr: 200', 'mttr: 100')
      .replace('first: 2190 }', 'first: 2190, duration: 24, coverage: 0.8 }')
      .replace('interval: 4380 } }', 'interval: 4380, duration: 24, coverage: 0.8 } }');
    const times = [2190, 2200, 2214, 4380, 4404, 43800];
    const result = solveMarkov(loadModel(text), { times });
    expectRelClose(result.measures.pfdAvg as number, 0.1820175011287723, 1e-10, 'pfdAvg');
    const expected = [
      0.8033217181536265, 0.8025187979624785, 0.9609389178697366, 0.7748566921209166,
      0.9194886923337656, 0.4028313230454451,
    ];
    expected.forEach((a, i) =>
      expectRelClose(element(result.measures.availability!.values, i), a, 1e-10, `A(${times[i]})`),
    );
  });

  it('a slightly different test plan gives a different pfdAvg (the comparison has power)', () => {
    const other = solveMarkov(loadModel(STAGGERED.replace('first: 2190', 'first: 2200')));
    const delta = Math.abs((other.measures.pfdAvg as number) / 0.0343280981040842 - 1);
    expect(delta).toBeGreaterThan(1e-6);
  });
});

describe('costs', () => {
  const TWO = `name: f
mission_time: 1000
components:
  x: { failure: { rate: 1e-3 }, repair: { mttr: 8 }, costs: { corrective: 500, downtime_per_hour: 100 } }
  y: { failure: { rate: 2e-3 }, repair: { mttr: 24 }, costs: { corrective: 300, downtime_per_hour: 10 } }
maintenance: { crew_cost_per_hour: 50 }
system: { series: [x, y] }`;

  it('costRate of independent repairable units: Σ (corrective + (crew + downtime)·MTTR)/(MTTF + MTTR)', () => {
    const result = solveMarkov(loadModel(TWO));
    const unit = (c: number, w: number, d: number, mttf: number, mttr: number): number =>
      (c + (w + d) * mttr) / (mttf + mttr);
    const exact = unit(500, 50, 100, 1000, 8) + unit(300, 50, 10, 500, 24);
    expectRelClose(result.measures.costRate as number, exact, 1e-12, 'costRate');
    // markov_upkeep_reference.py, case f (measured 1e-15).
    expectRelClose(result.measures.missionCost as number, 4935.397832341137, 1e-10, 'missionCost');
  });

  it('a 1oo1 renewed at its tests: m·(inspection + corrective·F(T)) + downtime·∫U', () => {
    const [lambda, T, m, c, i, d] = [2e-5, 8760, 5, 3000, 150, 20];
    const text = group(1, 1, lambda, 0, T, m).replace(
      'inspection: {',
      `costs: { corrective: ${c}, inspection: ${i}, downtime_per_hour: ${d} }, inspection: {`,
    );
    const result = solveMarkov(loadModel(text));
    const failed = -Math.expm1(-lambda * T);
    const downtime = T - failed / lambda; // ∫₀ᵀ (1 − e^{−λt}) dt
    const exact = m * (i + c * failed + d * downtime);
    expectRelClose(result.measures.missionCost as number, exact, 1e-9, 'missionCost');
  });

  it('two units of one component with one crew: the birth–death chain by hand', () => {
    const [lambda, mu, c, w, d] = [1e-3, 1 / 20, 700, 40, 90];
    const result = solveMarkov(
      loadModel(`name: pair
components:
  x: { count: 2, failure: { rate: ${lambda} }, repair: { rate: ${mu} }, costs: { corrective: ${c}, downtime_per_hour: ${d} } }
maintenance: { crews: 1, crew_cost_per_hour: ${w} }
system: { parallel: [x] }`),
    );
    // π ∝ (1, 2λ/μ, 2λ²/μ²); repairs start at the rate failures occur, 2λπ0 + λπ1.
    const weights = [1, (2 * lambda) / mu, (2 * lambda * lambda) / (mu * mu)];
    const total = weights.reduce((a, b) => a + b, 0);
    const [p0, p1, p2] = weights.map((x) => x / total) as [number, number, number];
    const exact = d * (p1 + 2 * p2) + w * (p1 + p2) + c * (2 * lambda * p0 + lambda * p1);
    expectRelClose(result.measures.costRate as number, exact, 1e-12, 'costRate');
  });
});

describe('what the Markov engine refuses', () => {
  it('preventive replacement, with the simulator as the suggestion', () => {
    const model = loadModel(`name: p
components:
  x: { failure: { rate: 1e-3 }, repair: { mttr: 8 }, preventive: { policy: block, interval: 100 } }
system: { series: [x] }`);
    expect(() => chainFromModel(model)).toThrow(UnsupportedModelError);
    expect(() => chainFromModel(model)).toThrow(/preventive replacement.*use relkit simulate/s);
  });

  it('a repair of no time without proof tests (not exponential)', () => {
    const model = loadModel(`name: i
components:
  x: { failure: { rate: 1e-3 }, repair: ${INSTANT} }
system: { series: [x] }`);
    expect(() => chainFromModel(model)).toThrow(/deterministic repair time/);
  });
});
