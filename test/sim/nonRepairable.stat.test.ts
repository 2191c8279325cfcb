/**
 * Simulated R(t) and MTTF of non-repairable models against exact answers (STYLE.md §8): each
 * check passes iff |estimate − exact| ≤ z·SE with Bonferroni z over the test's checks (α = 1e-4
 * per test); R(t) uses SE = √(p(1 − p)/n) at the exact p. Power: the same estimates must fail
 * against the exact answers of the model with a failure rate 5 % off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { analyze } from '../../src/analytic/solver/analyze.js';
import {
  coldStandbyMttf,
  coldStandbyReliability,
} from '../../src/analytic/formulas/coldStandbyReliability.js';
import {
  duplexCoverageMttf,
  duplexCoverageReliability,
} from '../../src/analytic/formulas/duplexCoverageReliability.js';
import { kOutOfNMttf } from '../../src/analytic/formulas/kOutOfNMttf.js';
import { kOutOfNReliability } from '../../src/analytic/formulas/kOutOfNReliability.js';
import {
  warmStandbyMttf,
  warmStandbyReliability,
} from '../../src/analytic/formulas/warmStandbyReliability.js';
import { loadModel } from '../../src/model/loadModel.js';
import type { Model } from '../../src/model/Model.js';
import { simulate } from '../../src/sim/simulate.js';
import { expectAgreement, meanCheck, proportionCheck, type StatCheck } from './statCheck.js';

const MODELS = join(import.meta.dirname, '../../models');
const SEED = 20240611;
const N = 40_000;

interface Exact {
  readonly reliability: (t: number) => number;
  readonly mttf: number;
}

/** Simulates and checks R at the grid times with 0.05 ≤ R ≤ 0.95 and the MTTF. */
function checkModel(name: string, model: Model, horizon: number, exact: Exact, wrong: Exact): void {
  const result = simulate(model, { seed: SEED, replications: N, horizon, grid: 5 });
  const curve = result.measures.reliability!;
  const build = (reference: Exact): StatCheck[] => {
    const checks: StatCheck[] = [];
    curve.t.forEach((t, j) => {
      const p = reference.reliability(t);
      if (p >= 0.05 && p <= 0.95) checks.push(proportionCheck(`R(${t})`, curve.values[j]!, p, N));
    });
    checks.push(meanCheck('mttf', result.measures.mttf, reference.mttf));
    return checks;
  };
  expectAgreement(`${name}: seed ${SEED}, n ${N}`, build(exact), build(wrong));
}

function fromFile(file: string): Model {
  return loadModel(readFileSync(join(MODELS, file), 'utf8'));
}

/** The exact R(t) and MTTF of a model by analyze (the structure function and closed forms). */
function analytic(model: Model): Exact {
  const mttf = analyze(model).measures.mttf as number;
  return {
    reliability: (t) => analyze(model, { times: [t] }).measures.reliability!.values[0]!,
    mttf,
  };
}

/** The model text with every exponential `rate`/`mtbf` scaled so rates are 5 % higher. */
function fivePercentFaster(text: string): Model {
  return loadModel(
    text
      .replace(/rate: ([0-9.e-]+)/g, (_, x: string) => `rate: ${Number(x) * 1.05}`)
      .replace(/lambda: ([0-9.e-]+)/g, (_, x: string) => `lambda: ${Number(x) * 1.05}`)
      .replace(/mtbf: ([0-9.e-]+)/g, (_, x: string) => `mtbf: ${Number(x) / 1.05}`)
      .replace(/pump_scale: ([0-9.e-]+)/g, (_, x: string) => `pump_scale: ${Number(x) / 1.05}`),
  );
}

describe('simulate on non-repairable models agrees with exact R(t) and MTTF', () => {
  for (const [file, horizon] of [
    ['tmr-voter.yaml', 8000],
    ['pump-train.yaml', 25000],
    ['shared-psu.yaml', 8000],
    ['power-2n.yaml', 6000],
    ['duplex-coverage.yaml', 12000],
  ] as const) {
    it(`models/${file}`, () => {
      const text = readFileSync(join(MODELS, file), 'utf8');
      checkModel(
        file,
        fromFile(file),
        horizon,
        analytic(fromFile(file)),
        analytic(fivePercentFaster(text)),
      );
    });
  }

  it('2-of-4 exponential equals kOutOfNReliability and kOutOfNMttf', () => {
    const model = loadModel(
      'name: k\ncomponents: { u: { count: 4, failure: { rate: 0.001 } } }\nsystem: { koon: { k: 2, of: u } }',
    );
    const exact = (rate: number): Exact => ({
      reliability: (t) => kOutOfNReliability(2, 4, Math.exp(-rate * t)),
      mttf: kOutOfNMttf(2, 4, rate),
    });
    checkModel('2-of-4', model, 2500, exact(0.001), exact(0.00105));
  });

  it('cold standby with 2 spares and switch success 0.9 equals coldStandbyReliability', () => {
    const model = loadModel(`name: c
components: { g: { count: 3, failure: { rate: 0.01 } } }
system: { standby: { of: g, mode: cold, switch: { success: 0.9 } } }`);
    const exact = (rate: number): Exact => ({
      reliability: (t) => coldStandbyReliability(rate, 2, t, 0.9),
      mttf: coldStandbyMttf(rate, 2, 0.9),
    });
    checkModel('cold standby', model, 400, exact(0.01), exact(0.0105));
  });

  it('warm standby (dormancy 0.3, 1 spare) equals warmStandbyReliability', () => {
    const model = loadModel(`name: w
components: { g: { count: 2, failure: { rate: 0.01 } } }
system: { standby: { of: g, mode: warm, dormancy: 0.3 } }`);
    const exact = (rate: number): Exact => ({
      reliability: (t) => warmStandbyReliability(rate, 0.3 * rate, 1, t),
      mttf: warmStandbyMttf(rate, 0.3 * rate, 1),
    });
    checkModel('warm standby', model, 300, exact(0.01), exact(0.0105));
  });

  it('warm standby with switch success 0.8 equals analyze', () => {
    const text = `name: w
components: { g: { count: 3, failure: { rate: 0.01 } } }
system: { standby: { of: g, mode: warm, dormancy: 0.5, switch: { success: 0.8 } } }`;
    checkModel(
      'warm standby p',
      loadModel(text),
      300,
      analytic(loadModel(text)),
      analytic(fivePercentFaster(text)),
    );
  });

  it('duplex with coverage 0.9 equals duplexCoverageReliability', () => {
    const model = loadModel(`name: d
components: { u: { count: 2, failure: { rate: 0.001 }, coverage: 0.9 } }
system: { parallel: [u] }`);
    const exact = (rate: number): Exact => ({
      reliability: (t) => duplexCoverageReliability(rate, 0.9, t),
      mttf: duplexCoverageMttf(rate, 0.9),
    });
    checkModel('duplex coverage', model, 3000, exact(0.001), exact(0.00105));
  });
});
