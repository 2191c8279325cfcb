/**
 * Intervals of one long run (one replication) against exact steady measures (STYLE.md §8):
 * regeneration cycles when every failure law is exponential and everything is repaired, batch
 * means over the batches MSER keeps otherwise.
 *
 * Check: the estimate's SE is its ci95 half-width / q (q = 1.96 for the regenerative normal
 * interval; t₀.₉₇₅,ν for batch means); pass iff |estimate − exact| ≤ z·SE with z = Φ⁻¹(1 −
 * α/(2k)) = 4.0556 (α = 1e-4 per test, k = 2 checks, Bonferroni; scipy.stats.norm.ppf(1 −
 * 2.5e-5), scipy 1.17.1). Power: the same check fails against the exact answer of a slightly
 * wrong model (failure rate 5 % off; one crew more).
 *
 * Coverage: over 100 seeds the 95 % interval of a single long run must cover the exact value at
 * least 85 times, for each of 2 quantities; with a correct simulator and exact 95 % coverage,
 * P(Binomial(100, 0.95) ≤ 84) = 3.7e-5 (scipy.stats.binom.cdf(84, 100, 0.95)), so the test
 * fails falsely with probability ≤ 7.4e-5 (union over the 2 quantities).
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
// scipy.stats.norm.ppf(0.975) and norm.ppf(1 - 1e-4 / 4) (scipy 1.17.1).
const Z975 = 1.959963984540054;
const Z_ALPHA_K2 = 4.0556269811219074;

interface Check {
  readonly label: string;
  readonly estimate: Estimate;
  readonly exact: number;
}

/** Whether every check passes |estimate − exact| ≤ z·SE, and a report of each. */
function evaluate(checks: readonly Check[], q: number): { pass: boolean; report: string } {
  let pass = true;
  const lines = checks.map(({ label, estimate, exact }) => {
    const se = (estimate.ci95[1] - estimate.ci95[0]) / (2 * q);
    const score = Math.abs(estimate.mean - exact) / se;
    if (!(score <= Z_ALPHA_K2)) pass = false;
    return `${label}: estimate ${estimate.mean}, SE ${se}, exact ${exact}, |z| ${score.toFixed(2)} (limit ${Z_ALPHA_K2})`;
  });
  return { pass, report: lines.join('\n') };
}

function expectAgreement(context: string, right: Check[], wrong: Check[], q = Z975): void {
  expect(right).toHaveLength(2);
  const ok = evaluate(right, q);
  expect(ok.pass, `${context}\n${ok.report}\nrerun: npx vitest run test/sim/longRun`).toBe(true);
  const power = evaluate(wrong, q);
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

describe('regeneration cycles give intervals to one long run', () => {
  it('one unit: steady unavailability and failure frequency cover λ/(λ+μ) and λμ/(λ+μ)', () => {
    // Horizon 4e7: about 3.6e5 cycles.
    const result = simulate(unitModel(0.01), { seed: SEED, replications: 1, horizon: 4e7 });
    const { u, f } = steady(result);
    const build = (rate: number): Check[] => [
      { label: 'steadyUnavailability', estimate: u, exact: unitExact(rate).u },
      { label: 'failureFrequency', estimate: f, exact: unitExact(rate).f },
    ];
    expectAgreement(`one unit: seed ${SEED}, replications 1`, build(0.01), build(0.0105));
    expect(u.estimator).toMatch(/regenerative/);
    // U rests on the effective count of down times, (ΣD)²/ΣD²: about half the failures for
    // exponential repairs (E[D²] = 2E[D]²).
    expect(u.events).toBeGreaterThan(1.5e5);
    expect(u.inconclusive).toBeUndefined();
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
      // About 9 000 cycles.
      const { u, f } = steady(simulate(model, { seed, replications: 1, horizon: 1e6 }));
      if (u.ci95[0] <= exact.u && exact.u <= u.ci95[1]) coveredU++;
      if (f.ci95[0] <= exact.f && exact.f <= f.ci95[1]) coveredF++;
    }
    const report = `covered: unavailability ${coveredU}/100, failure frequency ${coveredF}/100 (band [85, 100])`;
    expect(coveredU, report).toBeGreaterThanOrEqual(85);
    expect(coveredF, report).toBeGreaterThanOrEqual(85);
  });
});

/**
 * One unit with a Weibull life (shape 2, scale s: mean s·Γ(1.5)) and exponential repair of mean
 * r is an alternating renewal process: U = r/(m + r), failure frequency 1/(m + r) (Ross,
 * Introduction to Probability Models, §7.5).
 */
const weibullUnit = (scale: number) =>
  loadModel(`name: wunit
components: { x: { failure: { dist: weibull, shape: 2, scale: ${scale} }, repair: { mttr: 10 } } }
system: x`);
const weibullExact = (scale: number) => {
  const m = scale * 0.886226925452758; // Γ(1.5) = √π/2
  return { u: 10 / (m + 10), f: 1 / (m + 10) };
};

describe('batch means give intervals to one long run without regeneration', () => {
  it('a Weibull unit: cover r/(m + r) and 1/(m + r), fail a 5 % longer life', () => {
    const result = simulate(weibullUnit(100), { seed: SEED, replications: 1, horizon: 2e7 });
    const { u, f } = steady(result);
    expect(u.estimator).toMatch(/MSER/);
    expect(result.warnings.some((w) => w.includes('batch means'))).toBe(true);
    const df = Number(/(\d+) degrees of freedom/.exec(result.warnings.join(' '))![1]);
    const build = (scale: number): Check[] => [
      { label: 'steadyUnavailability', estimate: u, exact: weibullExact(scale).u },
      { label: 'failureFrequency', estimate: f, exact: weibullExact(scale).f },
    ];
    expectAgreement(`Weibull unit: seed ${SEED}`, build(100), build(105), studentT975(df));
  });
});

describe('batch sums', () => {
  it('add up to the interval sums and merge bit-identically for any split', () => {
    const model = weibullUnit(100);
    const options = { seed: SEED, horizon: 2e4 };
    const whole = runReplications(model, options, 0, 6);
    const parts = mergeSimulationStats([
      runReplications(model, options, 4, 2),
      runReplications(model, options, 0, 1),
      runReplications(model, options, 1, 3),
    ]);
    for (const key of [
      'batchDown',
      'batchDownSquares',
      'suffixDownSquares',
      'suffixCross',
    ] as const)
      expect(parts[key]).toEqual(whole[key]);
    expect(parts.batchFailures).toEqual(whole.batchFailures);
    // Σ over batches of (batch down fraction) / B = Σ over replications of the fraction of [0, T].
    const down = whole.batchDown.reduce((sum, x) => sum + exactValue(x), 0) / BATCH_COUNT;
    const interval = exactValue(whole.intervalDown.sum);
    expect(Math.abs(down - interval)).toBeLessThanOrEqual(1e-13 * interval);
    expect(whole.batchFailures.reduce((a, b) => a + b, 0)).toBe(whole.failures);
  });

  it('30 or more replications keep the replication intervals (no warning)', () => {
    const result = simulate(weibullUnit(100), { seed: SEED, replications: 30, horizon: 1e4 });
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
