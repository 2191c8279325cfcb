/**
 * The analytic solver on models with proof tests (exponential hidden failures, instantaneous
 * repair at the test) and age replacement with costs, against values computed independently by
 * test/reference/proof_test_reference.py (mpmath 1.3.0, 30 digits, run 2026-12-06: per-unit
 * Markov chains carried across the tests by matrix exponentials, PFD(t) integrated by mp.quad)
 * and against the library's closed forms. Tolerance: 1e-10 relative (the quadrature holds each
 * piece to 1e-13).
 */
import { describe, expect, it } from 'vitest';
import {
  ageReplacementCostRate,
  analyze,
  hiddenFailureUnavailability,
  loadModel,
  proofTestedPfdAverage,
  weibull,
  type Result,
} from '../../src/index.js';

const RELATIVE = 1e-10;

function closeTo(actual: unknown, expected: number, relative = RELATIVE): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
    relative * Math.abs(expected),
  );
}

function analyzeText(text: string): Result {
  return analyze(loadModel(text));
}

/** A MooN of `tx` with a beta-factor group, tests every 8760 h, instantaneous repair. */
function moon(k: number, n: number, rate: number, beta: number, mission: number): string {
  return `name: moon
components:
  tx:
    count: ${n}
    failure: { rate: ${rate} }
    repair: { dist: deterministic, value: 0 }
    inspection: { interval: 8760 }
common_cause:
  - { members: [tx], model: beta-factor, beta: ${beta} }
system: { koon: { k: ${k}, of: tx } }
mission_time: ${mission}
`;
}

describe('analytic proof tests', () => {
  it('equals the closed-form PFDavg of 1oo1, 1oo2 and 2oo3 with beta over whole test cycles', () => {
    for (const [k, n, rate, beta] of [
      [1, 2, 5e-6, 0.1],
      [2, 3, 1e-5, 0.05],
      [1, 3, 2e-5, 0.02],
    ] as const) {
      const result = analyzeText(moon(k, n, rate, beta, 5 * 8760));
      const exact = proofTestedPfdAverage({ k, n, rate, beta, testInterval: 8760 });
      closeTo(result.measures.pfdAvg, exact);
      closeTo(result.measures.intervalAvailability, 1 - exact);
    }
    const single = analyzeText(`name: one
components:
  tx: { failure: { rate: 1e-5 }, repair: { dist: deterministic, value: 0 }, inspection: { interval: 8760 } }
system: tx
mission_time: 26280
`);
    closeTo(
      single.measures.pfdAvg,
      proofTestedPfdAverage({ k: 1, n: 1, rate: 1e-5, testInterval: 8760 }),
    );
    expect(single.measures.sil).toBe(1); // λT/2 ≈ 0.044
  });

  it('matches the reference for partial coverage, test durations, staggered tests and no repair', () => {
    const partial = `name: b
components:
  tx:
    failure: { rate: 2e-5 }
    repair: { dist: deterministic, value: 0 }
    inspection: { interval: 4380, duration: 8, coverage: 0.7, first: 2000 }
system: tx
mission_time: 30000
`;
    closeTo(analyzeText(partial).measures.pfdAvg, 0.10989290468231108);
    closeTo(
      hiddenFailureUnavailability(
        2e-5,
        { interval: 4380, duration: 8, coverage: 0.7, first: 2000 },
        2000 + 4380 * 3 + 8 + 100,
      ),
      0.08620493544188008,
      1e-13,
    );
    const staggered = analyzeText(`name: c
components:
  a:
    failure: { rate: 1e-5 }
    repair: { dist: deterministic, value: 0 }
    inspection: { interval: 8760, duration: 4, coverage: 0.9 }
  b:
    failure: { rate: 1e-5 }
    repair: { dist: deterministic, value: 0 }
    inspection: { interval: 8760, duration: 4, coverage: 0.9, first: 4380 }
system: { parallel: [a, b] }
mission_time: 87600
`);
    closeTo(staggered.measures.pfdAvg, 0.006398587114563123);
    expect(staggered.measures.sil).toBe(2);
    closeTo(analyzeText(moon(2, 3, 3e-6, 0.05, 88600)).measures.pfdAvg, 0.0012470446318388925);
    const unrepaired = analyzeText(`name: e
components:
  tx: { failure: { rate: 1e-4 }, inspection: { interval: 1000, duration: 10 } }
system: tx
mission_time: 5000
`);
    closeTo(unrepaired.measures.pfdAvg, 0.21792328214579373);
  });

  it('draws the saw-tooth: up after each test, at its top just before', () => {
    const result = analyzeText(moon(1, 2, 5e-6, 0.1, 3 * 8760));
    const { t, values } = result.measures.availability!;
    const at = (time: number): number => values[t.indexOf(time)]!;
    expect(at(8760)).toBe(1);
    const before = t.filter((time) => time < 8760).at(-1)!;
    expect(8760 - before).toBeLessThan(1e-9);
    expect(1 - values[t.indexOf(before)]!).toBeGreaterThan(0.005);
    expect(result.measures.steadyAvailability).toBeUndefined();
    expect(result.warnings.join('\n')).toMatch(/no steady state/);
  });

  it('refuses what its closed forms do not cover, naming what does', () => {
    expect(() =>
      analyzeText(`name: slow repair
components:
  tx: { failure: { rate: 1e-5 }, repair: { mttr: 8 }, inspection: { interval: 8760 } }
system: tx
`),
    ).toThrow(/repair that takes time.*relkit markov solves proof tests/);
    expect(() =>
      analyzeText(`name: idle
components:
  tx: { failure: { rate: 1e-5 }, inspection: { interval: 8760, duration: 4 } }
  b: { failure: { rate: 1e-5 } }
maintenance: { idle_while_down: true }
system: { series: [tx, b] }
`),
    ).toThrow(/idle_while_down with proof tests/);
  });
});

describe('analytic age replacement and costs (renewal reward)', () => {
  it('gives the age-replacement cost rate of the Weibull bearing', () => {
    const result = analyzeText(`name: bearing
components:
  bearing:
    failure: { dist: weibull, shape: 2.5, scale: 1000 }
    repair: { dist: deterministic, value: 0 }
    preventive: { policy: age, interval: 493 }
    costs: { corrective: 5, preventive: 1 }
system: bearing
`);
    const exact = ageReplacementCostRate(weibull({ shape: 2.5, scale: 1000 }), 493, {
      preventive: 1,
      corrective: 5,
    });
    closeTo(result.measures.costRate, exact, 1e-12);
    closeTo(result.measures.costRate, 0.00346204276, 1e-9);
  });

  it('matches the reference with repair times, replacement durations and every cost', () => {
    const exponential = analyzeText(`name: f
components:
  pump:
    failure: { rate: 1e-3 }
    repair: { mttr: 10 }
    preventive: { policy: age, interval: 500, duration: 2 }
    costs: { corrective: 100, preventive: 20, downtime_per_hour: 30 }
maintenance: { crew_cost_per_hour: 50 }
system: pump
`);
    closeTo(exponential.measures.steadyAvailability, 0.987085965989055);
    closeTo(exponential.measures.steadyUnavailability, 0.012914034010945045);
    closeTo(exponential.measures.failureFrequency, 0.0025086731415163025);
    closeTo(exponential.measures.costRate, 1.0101043434323294);
    const weibullPump = analyzeText(`name: g
components:
  pump:
    failure: { dist: weibull, shape: 2.5, scale: 1000 }
    repair: { dist: lognormal, mean: 20, sd: 10 }
    preventive: { policy: age, interval: 600, duration: 5 }
    costs: { downtime_per_hour: 7 }
system: pump
`);
    closeTo(weibullPump.measures.steadyAvailability, 0.9846760552487291);
    closeTo(weibullPump.measures.costRate, 0.10726761325889599);
  });

  it('adds the cost rates of independent units, and of a run-to-failure unit', () => {
    // (cu + (crew + downtime)·MTTR) / (MTTF + MTTR) per unit, two units in parallel.
    const result = analyzeText(`name: pair
components:
  pump: { count: 2, failure: { mtbf: 990 }, repair: { mttr: 10 }, costs: { corrective: 40, downtime_per_hour: 3 } }
maintenance: { crew_cost_per_hour: 5 }
system: { parallel: [pump] }
`);
    closeTo(result.measures.costRate, (2 * (40 + (5 + 3) * 10)) / 1000, 1e-13);
  });

  it('refuses block replacement and replacement of unrepaired units, naming simulation', () => {
    expect(() =>
      analyzeText(`name: block
components:
  a: { failure: { dist: weibull, shape: 2, scale: 100 }, repair: { mttr: 1 }, preventive: { policy: block, interval: 50 } }
system: a
`),
    ).toThrow(/block replacement.*relkit simulate/);
    expect(() =>
      analyzeText(`name: lost
components:
  a: { failure: { dist: weibull, shape: 2, scale: 100 }, preventive: { policy: age, interval: 50 } }
system: a
`),
    ).toThrow(/no repair.*relkit simulate/);
  });
});
