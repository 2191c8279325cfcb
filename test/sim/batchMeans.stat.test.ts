/**
 * Batch-means intervals of one long run (fewer than 30 replications) against exact steady
 * measures (STYLE.md §8).
 *
 * Check: the estimate's SE is its ci95 half-width / t₀.₉₇₅,₁₉ (replications 1: 20 batches, 19
 * degrees of freedom); pass iff |estimate − exact| ≤ t·SE with t = t_{1−α/(2k), 19} (Student, as
 * the batch-means statistic is), α = 1e-4 per test, k checks per test (Bonferroni). Quantiles
 * from scipy.stats.t.ppf (scipy 1.17.1, 2026-11-26): t₀.₉₇₅,₁₉ = 2.0930240544083087,
 * t_{1−0.25e-4, 19} = 5.208582529935308 (k = 2). Power: the same check fails against the exact
 * answer of a slightly wrong model (failure rate 5 % off; one crew more).
 *
 * Coverage: over 100 seeds the 95 % interval of a single long run must cover the exact value at
 * least 85 times, for each of 2 quantities; with a correct simulator and exact 95 % coverage,
 * P(Binomial(100, 0.95) ≤ 84) = 3.7e-5 (scipy.stats.binom.cdf(84, 100, 0.95)), so the test
 * fails falsely with probability ≤ 7.4e-5 (union over the 2 quantities).
 *
 * Steady window [0.1T, T] with T ≥ 1e5 × the mean repair time, so the initial transient's bias is
 * far below one SE; every batch holds hundreds of system failures on average.
 */
import { describe, expect, it } from 'vitest';
import { repairableKOutOfN } from '../../src/index.js';
import { exactValue } from '../../src/numeric/exactAccumulator.js';
import { loadModel } from '../../src/model/loadModel.js';
import type { Estimate } from '../../src/model/Result.js';
import { studentT975 } from '../../src/sim/measures.js';
import { runReplications, simulate } from '../../src/sim/simulate.js';
import { BATCH_COUNT, mergeSimulationStats } from '../../src/sim/stats.js';
import type { SimulationResult } from '../../src/sim/types.js';

const SEED = 2027;
// scipy.stats.t.ppf(0.975, 19) and t.ppf(1 - 1e-4 / 4, 19) (scipy 1.17.1).
const T975_19 = 2.0930240544083087;
const T_ALPHA_K2_19 = 5.208582529935308;

interface Check {
  readonly label: string;
  readonly estimate: Estimate;
  readonly exact: number;
}

/** Whether every check passes |estimate − exact| ≤ t·SE, and a report of each. */
function evaluate(checks: readonly Check[]): { pass: boolean; report: string } {
  let pass = true;
  const lines = checks.map(({ label, estimate, exact }) => {
    const se = (estimate.ci95[1] - estimate.ci95[0]) / (2 * T975_19);
    const score = Math.abs(estimate.mean - exact) / se;
    if (!(score <= T_ALPHA_K2_19)) pass = false;
    return `${label}: estimate ${estimate.mean}, SE ${se}, exact ${exact}, |t| ${score.toFixed(2)} (limit ${T_ALPHA_K2_19})`;
  });
  return { pass, report: lines.join('\n') };
}

function expectAgreement(context: string, right: Check[], wrong: Check[]): void {
  expect(right).toHaveLength(2);
  const ok = evaluate(right);
  expect(ok.pass, `${context}\n${ok.report}\nrerun: npx vitest run test/sim/batchMeans`).toBe(true);
  const power = evaluate(wrong);
  expect(power.pass, `${context}: power check passed against a wrong model\n${power.report}`).toBe(
    false,
  );
}

function steady(result: SimulationResult): { u: Estimate; f: Estimate } {
  return {
    u: result.measures.steadyUnavailability as Estimate,
    f: result.measures.failureFrequency as Estimate,
  };
}

const unitModel = (rate: number) =>
  loadModel(`name: unit
components: { x: { failure: { rate: ${rate} }, repair: { rate: 0.1 } } }
system: x`);

/** One unit, failure λ, repair μ: U = λ/(λ + μ), failure frequency λμ/(λ + μ). */
const unitExact = (rate: number) => ({ u: rate / (rate + 0.1), f: (rate * 0.1) / (rate + 0.1) });

describe('batch means give intervals to one long run', () => {
  it('one unit: steady unavailability and failure frequency cover λ/(λ+μ) and λμ/(λ+μ)', () => {
    // Horizon 4e7: about 3.3e5 failures in the window, 16 000 per batch.
    const result = simulate(unitModel(0.01), { seed: SEED, replications: 1, horizon: 4e7 });
    const { u, f } = steady(result);
    const build = (rate: number): Check[] => [
      { label: 'steadyUnavailability', estimate: u, exact: unitExact(rate).u },
      { label: 'failureFrequency', estimate: f, exact: unitExact(rate).f },
    ];
    expectAgreement(`one unit: seed ${SEED}, replications 1`, build(0.01), build(0.0105));
    expect(result.warnings.some((w) => w.includes('batch means'))).toBe(true);
    // Availability is the complement, with the same interval.
    const a = result.measures.steadyAvailability as Estimate;
    expect(a.mean).toBe(1 - u.mean);
    expect(a.ci95).toEqual([1 - u.ci95[1], 1 - u.ci95[0]]);
    // The derived measures get intervals too.
    for (const key of ['mtbf', 'mut', 'mdt', 'nines'] as const) {
      const e = result.measures[key] as Estimate;
      expect(e.ci95[0], key).toBeLessThan(e.mean);
      expect(e.ci95[1], key).toBeGreaterThan(e.mean);
    }
  });

  it('2-of-3 with one crew equals repairableKOutOfN', () => {
    const text = (rate: number) => `name: k
components: { u: { count: 3, failure: { rate: ${rate} }, repair: { rate: 0.1 } } }
system: { koon: { k: 2, of: u } }
maintenance: { crews: 1 }`;
    // Horizon 1.6e7: about 63 000 system failures in the window, 3 200 per batch; the rate 5 %
    // off is then about 14 SE away in unavailability.
    const result = simulate(loadModel(text(0.01)), {
      seed: SEED,
      replications: 1,
      horizon: 1.6e7,
    });
    const { u, f } = steady(result);
    const build = (rate: number, crews: number): Check[] => {
      const m = repairableKOutOfN(2, 3, rate, 0.1, crews);
      return [
        { label: 'steadyUnavailability', estimate: u, exact: m.steadyUnavailability },
        { label: 'failureFrequency', estimate: f, exact: m.failureFrequency },
      ];
    };
    const context = `2-of-3, 1 crew: seed ${SEED}, replications 1`;
    expectAgreement(context, build(0.01, 1), build(0.0105, 1));
    expectAgreement(context, build(0.01, 1), build(0.01, 2));
  });

  it('covers the exact value in at least 85 of 100 seeds (95 % intervals)', () => {
    const model = unitModel(0.01);
    const exact = unitExact(0.01);
    let coveredU = 0;
    let coveredF = 0;
    for (let seed = 1; seed <= 100; seed++) {
      // About 8 000 failures in the window, 400 per batch.
      const { u, f } = steady(simulate(model, { seed, replications: 1, horizon: 1e6 }));
      if (u.ci95[0] <= exact.u && exact.u <= u.ci95[1]) coveredU++;
      if (f.ci95[0] <= exact.f && exact.f <= f.ci95[1]) coveredF++;
    }
    const report = `covered: unavailability ${coveredU}/100, failure frequency ${coveredF}/100 (band [85, 100])`;
    expect(coveredU, report).toBeGreaterThanOrEqual(85);
    expect(coveredF, report).toBeGreaterThanOrEqual(85);
  });
});

describe('batch sums', () => {
  it('add up to the window sums and merge bit-identically for any split', () => {
    const model = unitModel(0.01);
    const options = { seed: SEED, horizon: 2e4, warmup: 0.25 };
    const whole = runReplications(model, options, 0, 6);
    const parts = mergeSimulationStats([
      runReplications(model, options, 4, 2),
      runReplications(model, options, 0, 1),
      runReplications(model, options, 1, 3),
    ]);
    for (const key of ['batchDown', 'batchRate'] as const) expect(parts[key]).toEqual(whole[key]);
    expect(parts.batchCross).toEqual(whole.batchCross);
    // Σ over batches of (batch average) / B = window average, per replication and in total.
    const down = exactValue(whole.batchDown.sum) / BATCH_COUNT;
    const windowDown = exactValue(whole.windowDown.sum);
    expect(Math.abs(down - windowDown)).toBeLessThanOrEqual(1e-13 * windowDown);
    const rate = exactValue(whole.batchRate.sum) / BATCH_COUNT;
    const windowRate = exactValue(whole.windowRate.sum);
    expect(Math.abs(rate - windowRate)).toBeLessThanOrEqual(1e-13 * windowRate);
  });

  it('30 or more replications keep the replication intervals (no warning)', () => {
    const result = simulate(unitModel(0.01), { seed: SEED, replications: 30, horizon: 1e4 });
    expect(result.warnings.some((w) => w.includes('batch means'))).toBe(false);
  });
});

describe('studentT975', () => {
  it('equals scipy.stats.t.ppf(0.975, ν) to 2e-7 relative for ν ≥ 19', () => {
    // scipy 1.17.1: t.ppf(0.975, ν) for ν = 19, 39, 59.
    const table: [number, number][] = [
      [19, 2.0930240544083087],
      [39, 2.022690920036761],
      [59, 2.000995378088267],
    ];
    for (const [df, exact] of table) {
      const actual = studentT975(df);
      expect(Math.abs(actual - exact), `ν ${df}: ${actual} vs ${exact}`).toBeLessThanOrEqual(
        2e-7 * exact,
      );
    }
  });
});
