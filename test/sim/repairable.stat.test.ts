/**
 * Simulated availability measures of repairable models against exact answers (STYLE.md §8):
 * |estimate − exact| ≤ z·SE with Bonferroni z over each test's checks (α = 1e-4 per test);
 * means use the replication-to-replication SE (≥ 30 replications). Steady measures are window
 * averages over [0.1T, T] with T ≥ 1000 × the largest mean repair time, so the initial
 * transient's bias is far below one SE. Power: each test also fails against a slightly wrong
 * model (a rate 5 % off, or one crew more or fewer).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { analyze } from '../../src/analytic/solver/analyze.js';
import { repairableDuplexCoverage } from '../../src/analytic/formulas/repairableDuplexCoverage.js';
import { repairableKOutOfN } from '../../src/analytic/formulas/repairableKOutOfN.js';
import { loadModel } from '../../src/model/loadModel.js';
import { simulate } from '../../src/sim/simulate.js';
import { expectAgreement, meanCheck } from './statCheck.js';

const MODELS = join(import.meta.dirname, '../../models');
const SEED = 777;

describe('simulate on repairable models agrees with exact steady measures', () => {
  it('models/bridge.yaml: steady unavailability, failure frequency and A(t) equal analyze', () => {
    const text = readFileSync(join(MODELS, 'bridge.yaml'), 'utf8');
    const model = loadModel(text);
    const n = 2000;
    const result = simulate(model, { seed: SEED, replications: n, horizon: 2e5, grid: 3 });
    const exact = analyze(model, { times: [1e5, 2e5] }).measures;
    const wrongModel = loadModel(
      text.replace(/mtbf: (\d+)/g, (_, x: string) => `mtbf: ${Number(x) / 1.05}`),
    );
    const wrong = analyze(wrongModel, { times: [1e5, 2e5] }).measures;
    const build = (m: typeof exact) => [
      meanCheck(
        'steadyUnavailability',
        result.measures.steadyUnavailability,
        m.steadyUnavailability as number,
      ),
      meanCheck('failureFrequency', result.measures.failureFrequency, m.failureFrequency as number),
    ];
    expectAgreement(`bridge: seed ${SEED}, n ${n}`, build(exact), build(wrong));
    // A(t) at one time is a rare-event proportion here (1 − A ≈ 1.5e-4): n(1 − p) < 10, so it
    // is checked only for consistency with the steady value via its Wilson band.
    const a = result.measures.availability!;
    if (!(
      a.lo![2]! <= (exact.availability!.values[1] as number) &&
      (exact.availability!.values[1] as number) <= a.hi![2]! + 1e-3
    )) {
      throw new Error(
        `bridge A(T) band [${a.lo![2]}, ${a.hi![2]}] far from ${exact.availability!.values[1]}`,
      );
    }
  });

  it('2-of-3 with one crew equals repairableKOutOfN (availability, failure frequency, MTTF)', () => {
    const model = loadModel(`name: k
components: { u: { count: 3, failure: { rate: 0.01 }, repair: { rate: 0.1 } } }
system: { koon: { k: 2, of: u } }
maintenance: { crews: 1 }`);
    const n = 400;
    const result = simulate(model, { seed: SEED, replications: n, horizon: 1e4, grid: 2 });
    const build = (rate: number, crews: number) => {
      const m = repairableKOutOfN(2, 3, rate, 0.1, crews);
      return [
        meanCheck(
          'steadyUnavailability',
          result.measures.steadyUnavailability,
          m.steadyUnavailability,
        ),
        meanCheck('failureFrequency', result.measures.failureFrequency, m.failureFrequency),
        meanCheck('mttf', result.measures.mttf, m.mttf),
      ];
    };
    expectAgreement(`2-of-3, 1 crew: seed ${SEED}, n ${n}`, build(0.01, 1), build(0.01, 2));
    expectAgreement(`2-of-3, 1 crew: seed ${SEED}, n ${n}`, build(0.01, 1), build(0.0105, 1));
  });

  it('7-of-10 with 2 crews equals repairableKOutOfN', () => {
    const model = loadModel(`name: k
components: { u: { count: 10, failure: { rate: 0.01 }, repair: { rate: 0.05 } } }
system: { koon: { k: 7, of: u } }
maintenance: { crews: 2 }`);
    const n = 100;
    const result = simulate(model, {
      seed: SEED,
      replications: n,
      horizon: 2e4,
      grid: 2,
      mttfCap: 1,
    });
    const build = (crews: number) => {
      const m = repairableKOutOfN(7, 10, 0.01, 0.05, crews);
      return [
        meanCheck(
          'steadyUnavailability',
          result.measures.steadyUnavailability,
          m.steadyUnavailability,
        ),
        meanCheck('failureFrequency', result.measures.failureFrequency, m.failureFrequency),
      ];
    };
    expectAgreement(`7-of-10, 2 crews: seed ${SEED}, n ${n}`, build(2), build(3));
  });

  it('series with idle while down equals 1/(1 + λa/μa + λb/μb)', () => {
    // Hand-derived: with ageing frozen while down, the system alternates between "both up" and
    // one of two down states, so A = 1/(1 + Σ λ_i/μ_i) (without freezing it is Π μ_i/(λ_i+μ_i)).
    const model = loadModel(`name: s
components:
  a: { failure: { rate: 0.02 }, repair: { rate: 0.1 } }
  b: { failure: { rate: 0.01 }, repair: { rate: 0.05 } }
system: { series: [a, b] }
maintenance: { idle_while_down: true }`);
    const n = 200;
    const result = simulate(model, { seed: SEED, replications: n, horizon: 1e4, grid: 2 });
    const frozen = 1 - 1 / (1 + 0.2 + 0.2);
    const independent = 1 - (0.1 / 0.12) * (0.05 / 0.06);
    expectAgreement(
      `idle while down: seed ${SEED}, n ${n}`,
      [meanCheck('steadyUnavailability', result.measures.steadyUnavailability, frozen)],
      [meanCheck('steadyUnavailability', result.measures.steadyUnavailability, independent)],
    );
  });

  it('parallel pair with Weibull lives and lognormal repairs equals analyze (alternating renewal)', () => {
    const text = (scale: number) => `name: p
components:
  u: { count: 2, failure: { dist: weibull, shape: 1.5, scale: ${scale} }, repair: { dist: lognormal, mean: 20, sd: 10 } }
system: { parallel: [u] }`;
    const model = loadModel(text(100));
    const n = 200;
    const result = simulate(model, { seed: SEED, replications: n, horizon: 2e4, grid: 2 });
    const build = (scale: number) => [
      meanCheck(
        'steadyUnavailability',
        result.measures.steadyUnavailability,
        analyze(loadModel(text(scale))).measures.steadyUnavailability as number,
      ),
    ];
    expectAgreement(`weibull/lognormal pair: seed ${SEED}, n ${n}`, build(100), build(100 / 1.05));
  });

  it('one unit with a detection delay equals MTTF/(MTTF + detection + MTTR)', () => {
    const model = loadModel(`name: d
components:
  u: { failure: { mtbf: 100 }, repair: { mttr: 10 }, detection: { dist: uniform, min: 0, max: 10 } }
system: u`);
    const n = 100;
    const result = simulate(model, { seed: SEED, replications: n, horizon: 2e4, grid: 2 });
    const unavailability = (detection: number) => (detection + 10) / (100 + detection + 10);
    expectAgreement(
      `detection: seed ${SEED}, n ${n}`,
      [meanCheck('steadyUnavailability', result.measures.steadyUnavailability, unavailability(5))],
      [meanCheck('steadyUnavailability', result.measures.steadyUnavailability, unavailability(4))],
    );
  });

  it('repairable duplex with coverage 0.9: MTTF equals repairableDuplexCoverage', () => {
    const model = loadModel(`name: d
components: { u: { count: 2, failure: { rate: 0.01 }, repair: { rate: 0.2 }, coverage: 0.9 } }
system: { parallel: [u] }`);
    const n = 20_000;
    const result = simulate(model, { seed: SEED, replications: n, horizon: 100, grid: 2 });
    const mttf = (rate: number) => repairableDuplexCoverage(rate, 0.9, 0.2, 1).mttf;
    expectAgreement(
      `duplex coverage: seed ${SEED}, n ${n}`,
      [meanCheck('mttf', result.measures.mttf, mttf(0.01))],
      [meanCheck('mttf', result.measures.mttf, mttf(0.0105))],
    );
  });
});
