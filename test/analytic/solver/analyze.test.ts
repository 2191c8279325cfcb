/**
 * analyze() on models built to reach every path of the solver, each compared with a closed form
 * of src/analytic computed by a different algorithm (or by hand), plus the reasons it refuses.
 */
import { describe, expect, it } from 'vitest';
import {
  UnsupportedModelError,
  analyze,
  coldStandbyReliability,
  duplexCoverageMttf,
  loadModel,
  parallelReliability,
  pointAvailability,
  warmStandbyReliability,
  type Curve,
} from '../../../src/index.js';
import { expectRelClose } from '../../helpers/expectClose.js';

const model = (text: string) => loadModel(`name: test\n${text}`);
const curve = (value: unknown): Curve => value as Curve;

describe('analyze on standby blocks', () => {
  it('cold standby of identical units with switch success p equals coldStandbyReliability', () => {
    const result = analyze(
      model(
        `components:\n  g: { count: 3, failure: { rate: 0.002 } }\nsystem: { standby: { of: g, switch: { success: 0.9 } } }`,
      ),
      { times: [0, 100, 1000, 5000] },
    );
    const r = curve(result.measures.reliability);
    r.t.forEach((t, i) => {
      // Closed form: e^{-λt} Σ_{i≤n} (pλt)^i / i!, summed as a positive series (another algorithm).
      expectRelClose(r.values[i], coldStandbyReliability(0.002, 2, t, 0.9), 1e-13, `R(${t})`);
    });
    // MTTF = (1 + p + p²)/λ by hand.
    expectRelClose(result.measures.mttf as number, (1 + 0.9 + 0.81) / 0.002, 1e-10, 'mttf');
  });

  it('warm standby with perfect switching equals warmStandbyReliability (negative-binomial sum)', () => {
    const result = analyze(
      model(
        `components:\n  g: { count: 3, failure: { rate: 0.01 } }\nsystem: { standby: { of: g, mode: warm, dormancy: 0.25 } }`,
      ),
      { times: [50, 300, 2000] },
    );
    const r = curve(result.measures.reliability);
    r.t.forEach((t, i) => {
      expectRelClose(r.values[i], warmStandbyReliability(0.01, 0.0025, 2, t), 1e-13, `R(${t})`);
    });
  });

  it('warm standby with switch failures has the sequential-chain MTTF worked by hand (202 h)', () => {
    // Stages: rates 0.02, 0.015, 0.01; advance 0.95, 14/15: 50 + 0.95/0.015 + 0.95·(14/15)/0.01.
    const result = analyze(
      model(
        `components:\n  g: { count: 3, failure: { rate: 0.01 } }\nsystem: { standby: { of: g, mode: warm, dormancy: 0.5, switch: { success: 0.9 } } }`,
      ),
    );
    expectRelClose(result.measures.mttf as number, 202, 1e-10, 'mttf');
  });

  it('hot standby with perfect switching is parallel redundancy, repairable or not', () => {
    const hot = analyze(
      model(
        `components:\n  a: { failure: { rate: 0.001 } }\n  b: { failure: { rate: 0.003 } }\nsystem: { standby: { primary: a, spares: [b], mode: hot } }`,
      ),
      { times: [400] },
    );
    const expected = parallelReliability([Math.exp(-0.4), Math.exp(-1.2)]);
    expectRelClose(curve(hot.measures.reliability).values[0], expected, 1e-14, 'R(400)');
  });
});

describe('analyze with coverage and repair', () => {
  it('duplex with coverage: the separable method gives MTTF (1/2 + c)/λ', () => {
    const result = analyze(
      model(
        `components:\n  u: { count: 2, failure: { rate: 1e-3 }, coverage: 0.9 }\nsystem: { parallel: [u] }`,
      ),
    );
    expectRelClose(result.measures.mttf as number, duplexCoverageMttf(1e-3, 0.9), 1e-10, 'mttf');
  });

  it('a repairable unit in series has A(t) = pointAvailability and interval availability by integral', () => {
    const result = analyze(
      model(`components:\n  u: { failure: { rate: 0.01 }, repair: { rate: 0.5 } }\nsystem: u`),
      { times: [0, 1, 10], horizon: 10 },
    );
    const a = curve(result.measures.availability);
    a.t.forEach((t, i) =>
      expectRelClose(a.values[i], pointAvailability(0.01, 0.5, t), 1e-15, `A(${t})`),
    );
    // (1/T)∫_0^T A = μ/(λ+μ) + λ(1 − e^{−(λ+μ)T})/((λ+μ)²T)
    const s = 0.51;
    const exact = 0.5 / s + (0.01 * -Math.expm1(-s * 10)) / (s * s * 10);
    expectRelClose(result.measures.intervalAvailability as number, exact, 1e-12, 'interval');
    expectRelClose(result.measures.mdt as number, 2, 1e-14, 'mdt');
  });
});

describe('analyze with a detection delay', () => {
  it('adds the mean detection delay to the down time: A = 100/(100 + 2 + 8), and gives no A(t)', () => {
    const result = analyze(
      model(
        `components:\n  u: { failure: { mtbf: 100 }, repair: { mttr: 8 }, detection: { mean: 2 } }\nsystem: u`,
      ),
    );
    expectRelClose(result.measures.steadyAvailability as number, 100 / 110, 1e-15, 'A');
    expectRelClose(result.measures.mdt as number, 10, 1e-14, 'mdt');
    expect(result.measures.availability).toBeUndefined();
    expect(result.warnings[0]).toMatch(
      /^availability\(t\) needs exponential failure and repair times, no detection delay and no preventive replacement/,
    );
  });
});

describe('analyze at the edges', () => {
  it('a system that survives every failure has no mttf, and a warning says why', () => {
    const result = analyze(
      model(
        `components:\n  a: { count: 2, failure: { mtbf: 10 } }\nsystem: { koon: { k: 0, of: a } }`,
      ),
    );
    expect(result.measures.mttf).toBeUndefined();
    expect(result.warnings).toEqual([
      'mttf is Infinity and is left out: the system never fails: it survives every unit failing',
    ]);
    expect(curve(result.measures.reliability).values.every((r) => r === 1)).toBe(true);
  });

  it('a repairable system that needs a non-repairable unit is down for good: steady A = 0, no MTBF', () => {
    const result = analyze(
      model(
        `components:\n  a: { failure: { mtbf: 100 }, repair: { mttr: 5 } }\n  b: { failure: { mtbf: 1000 } }\nsystem: { series: [a, b] }`,
      ),
    );
    expect(result.measures.steadyAvailability).toBe(0);
    expect(result.measures.mtbf).toBeUndefined();
    expect(result.warnings.some((w) => w.startsWith('mtbf is Infinity and is left out'))).toBe(
      true,
    );
  });

  it('refuses a hand-written chain, naming relkit markov', () => {
    const chain = loadModel(
      'name: c\nmarkov:\n  states: [{ name: a, up: true }, { name: b, up: false }]\n  initial: a\n  transitions: [{ from: a, to: b, rate: 1 }]',
    );
    expect(() => analyze(chain)).toThrow(
      /^analytic: the model is a hand-written Markov chain; use relkit markov$/,
    );
  });

  it('refuses a grid of one point', () => {
    expect(() =>
      analyze(loadModel('name: x\ncomponents: { a: { failure: { mtbf: 1 } } }\nsystem: a'), {
        points: 1,
      }),
    ).toThrow(/^grid: points must be an integer in \[2, 100000\]; got 1$/);
  });
});

describe('analyze refuses models whose units are dependent, naming the feature and the command', () => {
  const refused: [string, string, RegExp][] = [
    [
      'finite crews',
      `components:\n  a: { count: 3, failure: { mtbf: 9 }, repair: { mttr: 1 } }\nsystem: { koon: { k: 2, of: a } }\nmaintenance: { crews: 2 }`,
      /^analytic: maintenance\.crews is 2 for 3 repairable units: .*; use relkit markov \(exponential times\) or relkit simulate$/,
    ],
    [
      'coverage with repair',
      `components:\n  a: { count: 2, failure: { mtbf: 9 }, repair: { mttr: 1 }, coverage: 0.9 }\nsystem: { parallel: [a] }`,
      /^analytic: component a is repairable with coverage 0\.9 < 1/,
    ],
    [
      'idle while down',
      `components:\n  a: { failure: { mtbf: 9 }, repair: { mttr: 1 } }\nsystem: a\nmaintenance: { idle_while_down: true }`,
      /^analytic: maintenance\.idle_while_down makes every unit depend on the system state/,
    ],
    [
      'a repairable standby',
      `components:\n  g: { count: 2, failure: { mtbf: 9 }, repair: { mttr: 1 } }\nsystem: { standby: { of: g } }`,
      /^analytic: the standby block at system\.standby has the repairable component g/,
    ],
    [
      'a Weibull standby',
      `components:\n  g: { count: 2, failure: { dist: weibull, shape: 2, scale: 9 } }\nsystem: { standby: { of: g } }`,
      /^analytic: the standby block at system\.standby has g with a weibull lifetime; .*; use relkit simulate$/,
    ],
    [
      'a switch delay',
      `components:\n  g: { count: 2, failure: { mtbf: 9 } }\nsystem: { standby: { of: g, switch: { delay: { mean: 0.1 } } } }`,
      /^analytic: the standby block at system\.standby has a switch delay/,
    ],
    [
      'a warm standby of unequal units',
      `components:\n  a: { failure: { mtbf: 9 } }\n  b: { failure: { mtbf: 5 } }\nsystem: { standby: { primary: a, spares: [b], mode: warm, dormancy: 0.5 } }`,
      /^analytic: the standby block at system\.standby is warm with units of different failure rates/,
    ],
  ];
  for (const [title, text, expected] of refused) {
    it(`refuses ${title}`, () => {
      const solve = () => analyze(model(text));
      expect(solve).toThrow(UnsupportedModelError);
      expect(solve).toThrow(expected);
    });
  }
});
