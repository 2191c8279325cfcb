/**
 * Simulated proof tests, preventive replacement, Kijima repair and costs against exact values
 * (docs/semantics.md, "Hidden failures and proof tests", "Preventive replacement and imperfect
 * repair", "Costs"). Each check is |estimate − exact| ≤ z·SE with Bonferroni z over a test's checks
 * (α = 1e-4 per test, statCheck.ts); SE from the estimate's 95 % interval. Power: every test also
 * fails against a slightly wrong model (5 % off in a rate, a cost or the renewal function, β
 * 0.1 → 0.13, test coverage 0.8 → 0.85, mean repair 20 → 22 h, crew cost 2 → 2.5, the exponent of
 * E[N(t)] 2.5 → 2.4).
 *
 * Exact values: the library's closed forms (proofTestedPfdAverage, ageReplacementCostRate,
 * independent of the simulator), elementary closed forms written here, and
 * test/reference/sim_upkeep_reference.py (mpmath 1.3.0, numpy 2.4.6, 2026-12-06) for the 1oo1 with
 * test coverage and duration and for the Weibull renewal function. Kijima repair with q = 0.5 has
 * no closed form: it is compared with a direct Monte Carlo written in the test (two-sample z), and
 * its power check swaps types I and II.
 */
import { describe, expect, it } from 'vitest';
import { ageReplacementCostRate } from '../../src/analytic/formulas/ageReplacement.js';
import { proofTestedPfdAverage } from '../../src/analytic/formulas/proofTestedPfd.js';
import { weibull } from '../../src/distributions/weibull.js';
import { loadModel } from '../../src/model/loadModel.js';
import type { Estimate } from '../../src/model/Result.js';
import { simulate } from '../../src/sim/simulate.js';
import { testRng } from '../helpers/testRng.js';
import { expectAgreement, meanCheck } from './statCheck.js';

const SEED = 2026;

/** A proof-tested 1oo1 or 1oo2 (β-factor group) with instantaneous repair, tests every 100 h. */
function proofTested(count: 1 | 2, beta: number, rate = 1e-3): string {
  return `name: sis
components:
  x:
    count: ${count}
    failure: { rate: ${rate} }
    repair: { dist: deterministic, value: 0 }
    inspection: { interval: 100 }
system: { parallel: [x] }
${count === 2 ? `common_cause: [{ members: [x], model: beta-factor, beta: ${beta} }]\n` : ''}mission_time: 1000
`;
}

describe('proof tests', () => {
  it('1oo1 and 1oo2 with β, perfect instantaneous tests: pfdAvg equals proofTestedPfdAverage', () => {
    const n = 40000;
    const one = simulate(loadModel(proofTested(1, 0)), { seed: SEED, replications: n });
    const two = simulate(loadModel(proofTested(2, 0.1)), { seed: SEED, replications: n });
    const exact = (rate: number, beta: number) => [
      meanCheck(
        '1oo1 pfdAvg',
        one.measures.pfdAvg,
        proofTestedPfdAverage({ k: 1, n: 1, rate, testInterval: 100 }),
      ),
      meanCheck(
        '1oo2 pfdAvg',
        two.measures.pfdAvg,
        proofTestedPfdAverage({ k: 1, n: 2, rate, beta, testInterval: 100 }),
      ),
    ];
    expectAgreement(`proof tests: seed ${SEED}, n ${n}`, exact(1e-3, 0.1), [
      ...exact(1.05e-3, 0.13),
    ]);
    // 1oo1: 0.0484 lies in the SIL 1 band with its whole interval; steady measures are left out.
    expect(one.measures.sil).toBe(1);
    expect(one.measures.steadyAvailability).toBeUndefined();
    expect(one.warnings.join('\n')).toMatch(/no steady state/);
  });

  it('1oo1 with test coverage 0.8 and test duration 5 h: pfdAvg equals the reference', () => {
    // sim_upkeep_reference.py: pfd_1oo1(1e-3, 100, 5, c, 10).
    const exact = 0.16033970151702115;
    const wrong = 0.14319634640022644; // coverage 0.85
    const model = loadModel(`name: partial
components:
  x:
    failure: { rate: 1e-3 }
    repair: { dist: deterministic, value: 0 }
    inspection: { interval: 100, duration: 5, coverage: 0.8 }
system: x
mission_time: 1000
`);
    const n = 20000;
    const result = simulate(model, { seed: SEED, replications: n });
    expectAgreement(
      `partial tests: seed ${SEED}, n ${n}`,
      [meanCheck('pfdAvg', result.measures.pfdAvg, exact)],
      [meanCheck('pfdAvg', result.measures.pfdAvg, wrong)],
    );
    // pfdAvg 0.16 is in no SIL band but 0: its interval is far from 0.1.
    expect(result.measures.sil).toBe(0);
  });
});

describe('preventive replacement', () => {
  const bearing = (policy: 'age' | 'block', interval: number): string => `name: bearing
components:
  b:
    failure: { dist: weibull, shape: 2.5, scale: 1000 }
    repair: { dist: deterministic, value: 0 }
    preventive: { policy: ${policy}, interval: ${interval} }
    costs: { corrective: 5, preventive: 1 }
system: b
`;
  const life = weibull({ shape: 2.5, scale: 1000 });

  it('age replacement at 493 h: costRate equals ageReplacementCostRate', () => {
    const result = simulate(loadModel(bearing('age', 493)), {
      seed: SEED,
      replications: 400,
      horizon: 1e5,
      measures: ['costRate'],
    });
    const rate = (corrective: number) =>
      ageReplacementCostRate(life, 493, { preventive: 1, corrective });
    expect(rate(5)).toBeCloseTo(0.003462, 6);
    expectAgreement(
      `age replacement: seed ${SEED}`,
      [meanCheck('costRate', result.measures.costRate, rate(5))],
      [meanCheck('costRate', result.measures.costRate, rate(5.25))],
    );
    expect(result.measures.costRate).not.toHaveProperty('inconclusive');
  });

  it('age replacement with repair and replacement times: steady availability and costRate by renewal-reward', () => {
    // sim_upkeep_reference.py: m = ∫₀^493 R and R(493) of Weibull(2.5, 1000); one renewal cycle
    // lasts m + F r + R d and costs cp R + cu F + (w + k) F r + w R d.
    const m = 470.1120831695853;
    const survive = 0.8431129665638682;
    const cycle = (repair: number) => m + (1 - survive) * repair + survive * 5;
    const availability = (repair: number) => m / cycle(repair);
    const rate = (crew: number) =>
      (survive + 5 * (1 - survive) + (3 + crew) * (1 - survive) * 20 + 3 * survive * 5) / cycle(20);
    expect(availability(20)).toBeCloseTo(0.9845992910145643, 14);
    expect(rate(2)).toBeCloseTo(0.06275417378253959, 15);
    const model = loadModel(`name: bearing
components:
  b:
    failure: { dist: weibull, shape: 2.5, scale: 1000 }
    repair: { mttr: 20 }
    preventive: { policy: age, interval: 493, duration: 5 }
    costs: { corrective: 5, preventive: 1, downtime_per_hour: 3 }
maintenance: { crew_cost_per_hour: 2 }
system: b
`);
    const result = simulate(model, {
      seed: SEED,
      replications: 200,
      horizon: 1e5,
      measures: ['steadyAvailability', 'costRate'],
    });
    expect(result.measures.steadyAvailability).toHaveProperty(
      'estimator',
      'regenerative cycles (all-new to all-new), ratio estimator',
    );
    expectAgreement(
      `age replacement with durations: seed ${SEED}`,
      [
        meanCheck('steadyAvailability', result.measures.steadyAvailability, availability(20)),
        meanCheck('costRate', result.measures.costRate, rate(2)),
      ],
      [
        meanCheck('steadyAvailability', result.measures.steadyAvailability, availability(22)),
        meanCheck('costRate', result.measures.costRate, rate(2.5)),
      ],
    );
  });

  it('block replacement every 500 h: costRate equals (cp + cu·M(500))/500', () => {
    // sim_upkeep_reference.py: M(500) of Weibull(2.5, 1000).
    const renewals = 0.16477133255406662;
    const result = simulate(loadModel(bearing('block', 500)), {
      seed: SEED,
      replications: 400,
      horizon: 1e5,
      measures: ['costRate', 'missionCost'],
    });
    const rate = (corrective: number) => (1 + corrective * renewals) / 500;
    expectAgreement(
      `block replacement: seed ${SEED}`,
      [
        meanCheck('costRate', result.measures.costRate, rate(5)),
        // Every block period is alike from the start: the mission cost is 200 periods' worth.
        meanCheck('missionCost', result.measures.missionCost, 200 * 500 * rate(5)),
      ],
      [meanCheck('costRate', result.measures.costRate, rate(5.25))],
    );
  });
});

describe('Kijima imperfect repair', () => {
  const kijima = (model: string, factor: number): string => `name: k
components:
  b:
    failure: { dist: weibull, shape: 2.5, scale: 1000 }
    repair: { dist: deterministic, value: 0 }
    imperfect_repair: { model: ${model}, factor: ${factor} }
    costs: { corrective: 1 }
system: b
mission_time: 2000
`;

  // The mission cost with a corrective cost of 1 is the expected number of failures in [0, 2000].
  it('q = 1 is minimal repair: E[N(2000)] = (2000/1000)^2.5 for both types; q = 0 is renewal', () => {
    const n = 20000;
    const runWith = (seed: number, model: string, factor: number) =>
      simulate(loadModel(kijima(model, factor)), {
        seed,
        replications: n,
        measures: ['missionCost'],
      }).measures.missionCost;
    const run = (model: string, factor: number) => runWith(SEED, model, factor);
    // Types I and II leave the same virtual ages at q = 1: another seed makes them two checks.
    const one = run('kijima-1', 1);
    const two = runWith(SEED + 1, 'kijima-2', 1);
    const perfect = run('kijima-1', 0);
    // sim_upkeep_reference.py: M(2000) of Weibull(2.5, 1000).
    const renewal = 1.8439075575345205;
    const checks = (exponent: number, scale: number) => [
      meanCheck('kijima-1 q 1', one, 2 ** exponent),
      meanCheck('kijima-2 q 1', two, 2 ** exponent),
      meanCheck('q 0', perfect, renewal * scale),
    ];
    expectAgreement(`Kijima: seed ${SEED}, n ${n}`, checks(2.5, 1), checks(2.4, 1.05));
  });
});

describe('Kijima imperfect repair, q = 0.5', () => {
  /**
   * A direct Monte Carlo of the same process, written plainly here (its own generator, the
   * Weibull conditional life by inversion, X = η((V/η)^β + E)^{1/β} − V): the mean and standard
   * error of the number of failures in [0, 2000].
   */
  function direct(type: 1 | 2, q: number, n: number, seed: number): { mean: number; se: number } {
    const rng = testRng(seed);
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      let t = 0;
      let age = 0;
      let failures = 0;
      for (;;) {
        const e = -Math.log1p(-rng.next());
        const life = 1000 * ((age / 1000) ** 2.5 + e) ** (1 / 2.5) - age;
        t += life;
        if (t > 2000) break;
        failures++;
        age = type === 1 ? age + q * life : q * (age + life);
      }
      sum += failures;
      squares += failures * failures;
    }
    const mean = sum / n;
    return { mean, se: Math.sqrt((squares / n - mean * mean) / (n - 1)) };
  }

  it('E[N(2000)] of types I and II equals a direct Monte Carlo (two-sample z)', () => {
    const n = 20000;
    const simulated = (model: string) => {
      const text = `name: k
components:
  b:
    failure: { dist: weibull, shape: 2.5, scale: 1000 }
    repair: { dist: deterministic, value: 0 }
    imperfect_repair: { model: ${model}, factor: 0.5 }
    costs: { corrective: 1 }
system: b
mission_time: 2000
`;
      return simulate(loadModel(text), { seed: SEED, replications: n, measures: ['missionCost'] })
        .measures.missionCost as Estimate;
    };
    const one = simulated('kijima-1');
    const two = simulated('kijima-2');
    const check = (label: string, estimate: Estimate, reference: { mean: number; se: number }) => {
      const se = (estimate.ci95[1] - estimate.ci95[0]) / (2 * 1.959963984540054);
      // The difference of two independent means, against 0, with the SE of the difference.
      return {
        label,
        estimate: estimate.mean - reference.mean,
        exact: 0,
        se: Math.hypot(se, reference.se),
      };
    };
    const typeOne = direct(1, 0.5, n, 11);
    const typeTwo = direct(2, 0.5, n, 12);
    expectAgreement(
      `Kijima q = 0.5: seed ${SEED}, n ${n}`,
      [check('kijima-1', one, typeOne), check('kijima-2', two, typeTwo)],
      // Power: each type against the other's reference.
      [check('kijima-1 vs II', one, typeTwo), check('kijima-2 vs I', two, typeOne)],
    );
  });
});

describe('costs', () => {
  it('exponential repairable unit: costRate = (corrective + (crew + downtime)·MTTR)/(MTTF + MTTR)', () => {
    const model = loadModel(`name: c
components:
  x:
    failure: { mtbf: 100 }
    repair: { mttr: 10 }
    costs: { corrective: 50, downtime_per_hour: 2 }
maintenance: { crew_cost_per_hour: 3 }
system: x
`);
    const horizon = 1000;
    const n = 4000;
    const result = simulate(model, {
      seed: SEED,
      replications: n,
      horizon,
      measures: ['costRate', 'missionCost'],
    });
    // Alternating renewal from up: U(t) = p(1 − e^{−st}), s = λ + μ, p = λ/s; in [0, T] the
    // expected down (= repair) time is p(T − (1 − e^{−sT})/s) and the expected failures λ·(T − it).
    const missionCost = (corrective: number) => {
      const lambda = 0.01;
      const s = lambda + 0.1;
      const down = (lambda / s) * (horizon + Math.expm1(-s * horizon) / s);
      return corrective * lambda * (horizon - down) + (2 + 3) * down;
    };
    const rate = (corrective: number) => (corrective + 5 * 10) / 110;
    expectAgreement(
      `costs: seed ${SEED}, n ${n}`,
      [
        meanCheck('costRate', result.measures.costRate, rate(50)),
        meanCheck('missionCost', result.measures.missionCost, missionCost(50)),
      ],
      [
        meanCheck('costRate', result.measures.costRate, rate(55)),
        meanCheck('missionCost', result.measures.missionCost, missionCost(55)),
      ],
    );
  });
});
