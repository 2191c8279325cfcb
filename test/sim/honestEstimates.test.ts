/**
 * Issue 13's defects, each pinned: every simulated number is what its name says.
 *
 * Statistical checks (seeded) use |z| ≤ 4.0556 = Φ⁻¹(1 − 2.5e-5) (α = 1e-4 per test over its k = 2
 * checks, Bonferroni; scipy.stats.norm.ppf, scipy 1.17.1), SE = 95 % half-width / 1.96, with a
 * power check against a value 10 % off. Exact values: closed forms derived in the comments, or
 * the Markov engine (validated against independent references in test/markov).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkBudgetError } from '../../src/errors.js';
import { solveMarkov } from '../../src/markov/measures/solveMarkov.js';
import { loadModel } from '../../src/model/loadModel.js';
import type { Estimate } from '../../src/model/Result.js';
import { mserDeletion, poissonCountInterval } from '../../src/sim/measures.js';
import { runReplications, simulate } from '../../src/sim/simulate.js';

const Z_LIMIT = 4.0556269811219074;
const MODELS = join(import.meta.dirname, '../../models');
const BENCH = join(import.meta.dirname, '../../bench/sim');

/** |z| of an estimate against a value, SE from the 95 % half-width. */
function z(estimate: Estimate, exact: number): number {
  const se = (estimate.ci95[1] - estimate.ci95[0]) / (2 * 1.959963984540054);
  return Math.abs(estimate.mean - exact) / se;
}

function scalar(value: unknown): Estimate {
  expect(value, 'a measure expected in the result').toBeDefined();
  return value as Estimate;
}

describe('a censored mean is never an MTTF', () => {
  it('leaves mttf out and gives restrictedMttf, a lower bound, when runs are censored', () => {
    // Weibull lives (not regenerative), a mirrored pair with 1 h repairs: MTTF far beyond 10 × T.
    const pair = loadModel(`name: mirror
components:
  disk: { count: 2, failure: { dist: weibull, shape: 1.2, scale: 10000 }, repair: { mttr: 1 } }
system: { parallel: [disk] }
`);
    const result = simulate(pair, { replications: 200, horizon: 1e4, mttfCap: 10, seed: 3 });
    expect(result.measures.mttf).toBeUndefined();
    const restricted = result.measures.restrictedMttf!;
    expect(restricted.restrictedTo).toBe(1e5);
    expect(restricted.mean).toBeLessThanOrEqual(1e5);
    expect(restricted.events).toBeLessThan(200);
    expect(result.warnings.join('\n')).toMatch(
      /mttf is left out: \d+ of 200 replications had no system failure by the cap 100000 .*lower bound of the MTTF/,
    );
  });

  it('estimates the MTTF of a regenerative model from cycles, without running on', () => {
    // Two units, λ = 1e-3, μ = 0.1: MTTF = (3λ + μ)/(2λ²) = 51 500 h, 5× the horizon.
    const pair = loadModel(`name: pair
components:
  u: { count: 2, failure: { rate: 0.001 }, repair: { rate: 0.1 } }
system: { parallel: [u] }
`);
    const exact = (3e-3 + 0.1) / 2e-6;
    const result = simulate(pair, { replications: 10000, horizon: 1e4, seed: 11 });
    const mttf = scalar(result.measures.mttf);
    expect(mttf.estimator).toMatch(/regenerative/);
    expect(mttf.events).toBeGreaterThanOrEqual(30);
    expect(z(mttf, exact), `mttf ${mttf.mean} [${mttf.ci95}] vs ${exact}`).toBeLessThanOrEqual(
      Z_LIMIT,
    );
    expect(z(mttf, 1.1 * exact)).toBeGreaterThan(Z_LIMIT);
    // No run-on: about 2 × 2 × T/1000 = 40 events per replication, plus the open cycle's end
    // (running on to each first failure would take about 4 × 51.5 = 206).
    expect(result.events / result.replications).toBeLessThan(45);
  });
});

describe('runs go past the horizon only for what was asked', () => {
  it('the 7-of-10 reference model: every measure costs about the horizon alone (exponential)', () => {
    const model = loadModel(readFileSync(join(BENCH, 'kofn-repair.yaml'), 'utf8'));
    const all = runReplications(model, { horizon: 1e5, seed: 1 }, 0, 50).events;
    const horizonOnly = runReplications(model, { horizon: 1e5, seed: 1, mttfCap: 1 }, 0, 50).events;
    // Before: 18 101 events per replication against 1 982 (docs/benchmarks.md).
    expect(all / horizonOnly).toBeLessThan(1.01);
  });

  it('the Weibull reference model runs on for the MTTF only', () => {
    const model = loadModel(readFileSync(join(BENCH, 'kofn-repair-weibull.yaml'), 'utf8'));
    const options = { horizon: 1e5, seed: 1 };
    const steady = runReplications(
      model,
      { ...options, measures: ['steadyAvailability', 'intervalAvailability'] },
      0,
      20,
    ).events;
    const stopped = runReplications(model, { ...options, mttfCap: 1 }, 0, 20).events;
    expect(steady).toBe(stopped);
    expect(runReplications(model, options, 0, 20).events).toBeGreaterThan(5 * stopped);
  });
});

describe('steady measures are steady', () => {
  it('a cold-standby block with 90 % coverage: cycles from all-new give the long-run value', () => {
    // Exact from the Markov engine; the all-new start is far from steady (settles over ~5000 h).
    const model = loadModel(`name: cold
components:
  a: { failure: { mtbf: 1000 }, repair: { mttr: 500 }, coverage: 0.9 }
  b: { failure: { mtbf: 1000 }, repair: { mttr: 500 } }
system: { standby: { primary: a, spares: [b], mode: cold } }
`);
    const exact = solveMarkov(model).measures;
    const result = simulate(model, { replications: 3000, horizon: 1e4, seed: 5 });
    for (const key of ['steadyUnavailability', 'failureFrequency'] as const) {
      const estimate = scalar(result.measures[key]);
      const value = exact[key] as number;
      expect(z(estimate, value), `${key} ${estimate.mean} vs ${value}`).toBeLessThanOrEqual(
        Z_LIMIT,
      );
      expect(z(estimate, 1.1 * value), `${key}: power`).toBeGreaterThan(Z_LIMIT);
      expect(estimate.inconclusive).toBeUndefined();
    }
  });

  it('heavy-tailed repairs (lognormal σ = 5) are inconclusive, never a confident wrong number', () => {
    // Mean repair 2.7e5 h (μ = ln 2.7e5 − σ²/2), MTBF 1000 h, two units: exact A = 0.0074.
    const mu = Math.log(2.7e5) - 12.5;
    const model = loadModel(`name: heavy
components:
  u: { count: 2, failure: { mtbf: 1000 }, repair: { dist: lognormal, mu: ${mu}, sigma: 5 } }
system: { parallel: [u] }
`);
    const result = simulate(model, { replications: 100, seed: 1 });
    const a = scalar(result.measures.steadyAvailability);
    expect(a.inconclusive).toMatch(/cap|long cycles/);
  });
});

describe('no zero-width interval from zero events', () => {
  it('a 1-of-5 repairable system: no steady unavailability of 0 (0 to 0); a bound instead', () => {
    const model = loadModel(`name: five
components:
  u: { count: 5, failure: { mtbf: 1000 }, repair: { mttr: 1 } }
system: { parallel: [u] }
`);
    const result = simulate(model, { replications: 200, seed: 2 });
    expect(result.measures.steadyUnavailability).toBeUndefined();
    expect(result.measures.mttf).toBeUndefined();
    const f = scalar(result.measures.failureFrequency);
    expect(f.events).toBe(0);
    expect(f.ci95[1]).toBeGreaterThan(0);
    const interval = scalar(result.measures.intervalAvailability);
    expect(interval.ci95[0]).toBeLessThan(1);
    expect(result.warnings.join('\n')).toMatch(/mttf >= \d/);
  });

  it('an always-up structure gets exact values and runs no further than the horizon', () => {
    const model = loadModel(`name: up
components:
  u: { count: 3, failure: { mtbf: 1000 }, repair: { mttr: 1 } }
system: { koon: { k: 0, of: u } }
`);
    const result = simulate(model, { replications: 50, horizon: 1000, seed: 1 });
    expect(scalar(result.measures.steadyAvailability)).toMatchObject({ mean: 1, ci95: [1, 1] });
    expect(result.measures.mttf).toBeUndefined();
    expect(result.warnings.join('\n')).toMatch(/never fail/);
    expect(JSON.stringify(result)).not.toMatch(/Infinity|NaN|null/);
    // Before: every replication ran on to 1000 × the horizon looking for a failure.
    expect(result.events / result.replications).toBeLessThan(10);
  });

  it('one system failure: intervals of nonzero width, mdt left out', () => {
    // RAID 6 with 20 000 replications sees no failure; this horizon and seed see exactly one
    // (seeds 1 to 8 give it for seed 4 alone since results version 6, lognormal repairs drawn
    // through the normal ziggurat; seed 1 did before).
    const model = loadModel(readFileSync(join(MODELS, 'raid6.yaml'), 'utf8'));
    const result = simulate(model, { replications: 10000, seed: 4 });
    const u = scalar(result.measures.steadyUnavailability);
    expect(u.events).toBe(1);
    expect(u.ci95[0]).toBeGreaterThan(0);
    expect(u.ci95[1]).toBeGreaterThan(u.mean);
    expect(result.measures.mdt).toBeUndefined();
    const nines = scalar(result.measures.nines);
    expect(Number.isFinite(nines.ci95[1])).toBe(true);
    // A rate and the mean times from it are positive: no interval reaching down to an MTBF of 0
    // (before: the normal interval clipped at 0, "mtbf 23816 (0 to 196654)" from two failures).
    for (const name of ['failureFrequency', 'mtbf', 'mut'] as const) {
      const [lo, hi] = scalar(result.measures[name]).ci95;
      const { mean } = scalar(result.measures[name]);
      expect(lo, name).toBeGreaterThan(0);
      expect(lo, name).toBeLessThan(mean);
      expect(hi, name).toBeGreaterThan(mean);
    }
  });
});

describe('the library has a work budget', () => {
  it('refuses a run over maxEvents before any work', () => {
    const model = loadModel(readFileSync(join(BENCH, 'kofn-repair.yaml'), 'utf8'));
    expect(() => simulate(model, { replications: 1000, horizon: 1e5, maxEvents: 1e6 })).toThrow(
      WorkBudgetError,
    );
    expect(() => simulate(model, { replications: 1000, horizon: 1e5, maxEvents: 1e6 })).toThrow(
      /^simulate: about 2e\+6 events \(1000 replications x about 1e\+5 h each\); the limit is maxEvents = 1e\+6/,
    );
  });

  it('stops a run whose events pass maxEvents', () => {
    const model = loadModel(readFileSync(join(BENCH, 'kofn-repair.yaml'), 'utf8'));
    expect(() => runReplications(model, { horizon: 1e5, maxEvents: 5000 }, 0, 10)).toThrow(
      /processed more than 5e\+3 events \(maxEvents\) after 3 of 10 replications/,
    );
  });
});

describe('estimates that a few large terms dominate rest on those few', () => {
  it('a heavy-tailed life (lognormal σ = 2): the mean first failure is inconclusive', () => {
    // E[T²]/E[T]² = e^{σ²} = 54.6: 400 replications weigh like about 7 (coverage study, finding
    // 3: the normal interval covered the exact e² in 80.8 % of 400 seeds, all misses low).
    const model = loadModel(`name: lognormal life
components: { u: { failure: { dist: lognormal, mu: 0, sigma: 2 } } }
system: u`);
    const mttf = scalar(
      simulate(model, { replications: 400, horizon: 20, seed: 11010 }).measures.mttf,
    );
    expect(mttf.inconclusive).toMatch(/heavy-tailed \(coefficient of variation \d/);
  });

  it('down time from a few failed switch-overs among many short ones counts those few', () => {
    // models/standby-power.yaml (coverage study, finding 2): about 870 system failures per run,
    // mostly 3-minute switch-overs, while about 20 failed switch-overs carry most of the down time.
    const model = loadModel(readFileSync(join(MODELS, 'standby-power.yaml'), 'utf8'));
    const result = simulate(model, { replications: 40, horizon: 37500, seed: 21059 });
    const u = scalar(result.measures.steadyUnavailability);
    const f = scalar(result.measures.failureFrequency);
    expect(f.events).toBeGreaterThan(500);
    expect(u.events).toBeLessThan(f.events! / 5);
    // This run sees few of them: U rests on 7, so check calls it INCONCLUSIVE (the normal
    // interval [2.42e-5, 1.58e-4] on 868 "events" missed the exact 2.696e-4 and check said DIFF).
    expect(u.events).toBeLessThan(30);
    // nines takes the same interval through −log10 (finding 1: its upper end came from the count).
    const nines = scalar(result.measures.nines);
    expect(nines.ci95[1]).toBeCloseTo(-Math.log10(u.ci95[0]), 12);
  });
});

describe('estimator kernels', () => {
  it('poissonCountInterval equals scipy chi2.ppf / 2 (Garwood)', () => {
    // scipy 1.17.1: chi2.ppf(0.025, 2k)/2 and chi2.ppf(0.975, 2k + 2)/2.
    const table: [number, number, number][] = [
      [0, 0, 3.6888794541139354],
      [1, 0.025317807984289876, 5.571643390938898],
      [5, 1.6234863901184207, 11.66833207932267],
      [29, 19.421755137547937, 41.6488374385866],
    ];
    for (const [k, lo, hi] of table) {
      const [a, b] = poissonCountInterval(k);
      expect(Math.abs(a - lo), `k ${k} lower`).toBeLessThanOrEqual(1e-12 * Math.max(1, lo));
      expect(Math.abs(b - hi), `k ${k} upper`).toBeLessThanOrEqual(1e-12 * hi);
    }
  });

  it('mserDeletion deletes a decaying start and nothing from a flat series', () => {
    const decaying = Array.from({ length: 100 }, (_, j) => 1 + 5 * Math.exp(-j / 3));
    expect(mserDeletion(decaying)).toBeGreaterThanOrEqual(10);
    expect(mserDeletion(decaying) % 5).toBe(0);
    const flat = Array.from({ length: 100 }, (_, j) => (j % 2 === 0 ? 1 : 1.1));
    expect(mserDeletion(flat)).toBe(0);
  });
});
