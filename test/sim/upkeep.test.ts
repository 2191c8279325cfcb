/**
 * The simulator's maintenance logic, deterministic checks: event logs of proof tests and
 * preventive replacement with deterministic times (docs/semantics.md), the conditional life of
 * Kijima repair far in the tail, what is left out and why, refusals, and sharded runs merging to
 * the statistics of one run.
 */
import { describe, expect, it } from 'vitest';
import { gamma } from '../../src/distributions/gamma.js';
import { lognormal } from '../../src/distributions/lognormal.js';
import { weibull } from '../../src/distributions/weibull.js';
import { UnsupportedModelError } from '../../src/errors.js';
import { loadModel } from '../../src/model/loadModel.js';
import type { Estimate } from '../../src/model/Result.js';
import { conditionalResidualLife } from '../../src/sim/conditionalLife.js';
import {
  finalizeSimulation,
  runReplications,
  simulate,
  traceReplication,
} from '../../src/sim/simulate.js';
import { mergeSimulationStats, type SimulationStats } from '../../src/sim/stats.js';
import { validateStatsParts } from '../../src/sim/statsValidation.js';

describe('traceReplication with maintenance', () => {
  it('a proof test stops ageing, the failure stays hidden, the next test reveals it at its end', () => {
    const model = loadModel(`name: t
components:
  x:
    failure: { dist: deterministic, value: 150 }
    repair: { dist: deterministic, value: 5 }
    inspection: { interval: 100, duration: 10 }
system: x
`);
    expect(traceReplication(model, { horizon: 260, mttfCap: 1 }, 0)).toEqual([
      [100, 'x', 'test start'],
      [100, 'system', 'down'],
      [110, 'x', 'test end'],
      [110, 'system', 'up'],
      // Aged 100 before the test, not during it: the life of 150 ends at 160.
      [160, 'x', 'fail'],
      [160, 'system', 'down'],
      [200, 'x', 'test start'],
      [210, 'x', 'test end'],
      [210, 'x', 'detected'],
      [210, 'x', 'repair start'],
      [215, 'x', 'repair end'],
      [215, 'system', 'up'],
    ]);
  });

  it('a test and a failure at one instant: the test comes first, the failure waits a period', () => {
    const model = loadModel(`name: t
components:
  x:
    failure: { dist: deterministic, value: 100 }
    repair: { dist: deterministic, value: 0 }
    inspection: { interval: 100 }
system: x
`);
    expect(traceReplication(model, { horizon: 250, mttfCap: 1 }, 0)).toEqual([
      [100, 'x', 'test start'],
      [100, 'x', 'test end'],
      [100, 'x', 'fail'],
      [100, 'system', 'down'],
      [200, 'x', 'test start'],
      [200, 'x', 'test end'],
      [200, 'x', 'detected'],
      [200, 'x', 'repair start'],
      [200, 'x', 'repair end'],
      [200, 'system', 'up'],
    ]);
  });

  it('age replacement takes the unit out for its duration and renews it; block epochs at k·T', () => {
    const model = loadModel(`name: t
components:
  a:
    failure: { dist: deterministic, value: 100 }
    repair: { dist: deterministic, value: 5 }
    preventive: { policy: age, interval: 60, duration: 2 }
  b:
    failure: { dist: deterministic, value: 100 }
    repair: { dist: deterministic, value: 5 }
    preventive: { policy: block, interval: 50 }
system: { parallel: [a, b] }
`);
    expect(traceReplication(model, { horizon: 130, mttfCap: 1 }, 0)).toEqual([
      [50, 'b', 'replacement start'],
      [50, 'b', 'replacement end'],
      [60, 'a', 'replacement start'],
      [62, 'a', 'replacement end'],
      [100, 'b', 'replacement start'],
      [100, 'b', 'replacement end'],
      [122, 'a', 'replacement start'],
      [124, 'a', 'replacement end'],
    ]);
  });

  it('a block replacement of the active unit of a standby block switches the spare in', () => {
    const model = loadModel(`name: t
components:
  p:
    failure: { dist: deterministic, value: 100 }
    repair: { dist: deterministic, value: 5 }
    preventive: { policy: block, interval: 50, duration: 2 }
  s:
    failure: { dist: deterministic, value: 30 }
    repair: { dist: deterministic, value: 5 }
system:
  standby: { primary: p, spares: [s], mode: cold }
`);
    expect(traceReplication(model, { horizon: 120, mttfCap: 1 }, 0)).toEqual([
      [50, 'p', 'replacement start'],
      [50, 'system.standby', 'switched to s'],
      // Back new and dormant (cold: not ageing) while s is active.
      [52, 'p', 'replacement end'],
      [80, 's', 'fail'],
      [80, 's', 'repair start'],
      [80, 'system.standby', 'switched to p'],
      [85, 's', 'repair end'],
      [100, 'p', 'replacement start'],
      [100, 'system.standby', 'switched to s'],
      [102, 'p', 'replacement end'],
    ]);
  });
});

describe('conditionalResidualLife', () => {
  it('solves H(V + X) = H(V) + E far in the tail (lognormal, gamma)', () => {
    for (const [law, age] of [
      [lognormal({ mu: 0, sigma: 1 }), 1e3], // R(V) about 2.6e-12
      [gamma({ shape: 3, rate: 1 }), 500], // R(V) about e^{-488}
      [lognormal({ mu: 5, sigma: 0.5 }), 20], // early: R(V) near 1
    ] as const) {
      for (const e of [1e-6, 0.3, 2.5]) {
        const x = conditionalResidualLife(law, age, e);
        const after = law.cumulativeHazard(age + x);
        const gained = after - law.cumulativeHazard(age);
        // The difference of two values near H(V) carries their rounding, a few ulps of H(V).
        const tolerance = 1e-9 * e + 16 * Number.EPSILON * after;
        expect(Math.abs(gained - e), `${law.family} V ${age} E ${e}`).toBeLessThan(tolerance);
      }
    }
  });

  it('keeps the digits of a Weibull residual life small against V', () => {
    // V = 1e4 η, h = (V/η)^β = 1e10: X = V((1 + E/h)^{1/β} − 1) = V(ε/β)(1 − (β − 1)ε/(2β) + …).
    const law = weibull({ shape: 2.5, scale: 1000 });
    const age = 1e7;
    const e = 0.7;
    const eps = e / 1e10;
    const series = age * (eps / 2.5) * (1 - (1.5 * eps) / 5);
    expect(Math.abs(conditionalResidualLife(law, age, e) / series - 1)).toBeLessThan(1e-12);
    // The exponential is memoryless: X = mean·E whatever V.
    const exponentialLaw = weibull({ shape: 1, scale: 10 });
    expect(conditionalResidualLife(exponentialLaw, 5, 1)).toBeCloseTo(10, 12);
  });
});

describe('maintenance measures: what is given, left out and refused', () => {
  it('proof tests with costs: no steady measures and no costRate, each with its warning', () => {
    const model = loadModel(`name: t
components:
  x:
    failure: { rate: 2e-4 }
    repair: { mttr: 1 }
    inspection: { interval: 100 }
    costs: { corrective: 10, inspection: 1 }
system: x
mission_time: 1000
`);
    const result = simulate(model, { replications: 100, seed: 3 });
    const said = result.warnings.join('\n');
    expect(result.measures.steadyAvailability).toBeUndefined();
    expect(said).toMatch(/steady measures .* no steady state/);
    expect(result.measures.costRate).toBeUndefined();
    expect(said).toMatch(/costRate is left out: .* not a long-run rate/);
    expect((result.measures.missionCost as Estimate).mean).toBeGreaterThan(10); // 10 tests at least
    // pfdAvg ≈ λT/2 = 0.01 with 100 replications: its interval spans SIL 1 and 2.
    const pfd = result.measures.pfdAvg as Estimate;
    expect(pfd.ci95[0]).toBeLessThan(0.01);
    expect(pfd.ci95[1]).toBeGreaterThan(0.01);
    expect(result.measures.sil).toBeUndefined();
    expect(said).toMatch(/sil is left out: the 95 % interval of pfdAvg/);
  });

  it('maintenance measures asked of a model without them are left out with a warning', () => {
    const model = loadModel('name: a\ncomponents: { x: { failure: { mtbf: 10 } } }\nsystem: x');
    const plain = simulate(model, { replications: 50, horizon: 10 });
    expect(plain.warnings.join('\n')).not.toMatch(/pfdAvg|costRate/);
    const asked = simulate(model, {
      replications: 50,
      horizon: 10,
      measures: ['pfdAvg', 'missionCost'],
    });
    expect(asked.warnings).toEqual([
      'pfdAvg is left out: the model has no proof tests (inspection)',
      'missionCost is left out: the model has no costs',
    ]);
  });

  it('refuses imperfect repair of a failure law bounded above', () => {
    const model = loadModel(`name: t
components:
  x:
    failure: { dist: deterministic, value: 100 }
    repair: { mttr: 1 }
    imperfect_repair: { model: kijima-2, factor: 0.5 }
system: x
`);
    expect(() => simulate(model)).toThrow(UnsupportedModelError);
    expect(() => simulate(model)).toThrow(/largest life/);
  });
});

describe('sharded runs of a model with maintenance', () => {
  it('merge to the statistics and measures of one run', () => {
    const model = loadModel(`name: m
components:
  x:
    count: 2
    failure: { rate: 1e-3 }
    repair: { mttr: 8 }
    inspection: { interval: 100, duration: 1, coverage: 0.9 }
    costs: { corrective: 10, inspection: 1, downtime_per_hour: 2 }
  y:
    failure: { dist: weibull, shape: 2, scale: 400 }
    repair: { mttr: 3 }
    preventive: { policy: age, interval: 200, duration: 1 }
    imperfect_repair: { model: kijima-1, factor: 0.3 }
    costs: { corrective: 5, preventive: 1 }
system: { series: [{ parallel: [x] }, y] }
maintenance: { crews: 1, crew_cost_per_hour: 4 }
mission_time: 1000
`);
    const options = { seed: 9 };
    const clockless = (stats: SimulationStats) =>
      Object.fromEntries(Object.entries(stats).filter(([key]) => key !== 'elapsedSeconds'));
    const whole = runReplications(model, options, 0, 60);
    const parts = [runReplications(model, options, 25, 35), runReplications(model, options, 0, 25)];
    const checked = validateStatsParts(JSON.parse(JSON.stringify(parts)) as unknown[]);
    const merged = mergeSimulationStats(checked);
    expect(clockless(merged)).toEqual(clockless(whole));
    const result = finalizeSimulation(model, merged);
    expect(result.measures).toEqual(simulate(model, { ...options, replications: 60 }).measures);
    expect((result.measures.missionCost as Estimate).mean).toBeGreaterThan(0);
    expect(result.measures.pfdAvg).toBeDefined();
  });
});
