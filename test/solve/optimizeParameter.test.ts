/**
 * optimizeParameter on models whose optimum is known in closed form, derived by hand below.
 *
 * The model TRADE: units a (MTBF x, MTTR 10) and b (MTBF 1000/x, MTTR 0.1) in series, every time
 * exponential, repairs independent.
 * - MTTF (first system failure) = 1/(1/x + x/1000): greatest where 1/x² = 1/1000, at x = √1000,
 *   where it is √1000/2.
 * - Steady availability A(x) = x/(x + 10) · 1000/(1000 + 0.1x) (product of the units'). d ln A/dx
 *   = 1/x − 1/(x + 10) − 0.1/(1000 + 0.1x) = 0 ⇔ 10(1000 + 0.1x) = 0.1x(x + 10) ⇔ x² = 10⁵, so the
 *   unavailability 1 − A is least at x = √10⁵.
 * - A(x) ≥ 0.9 ⇔ 0.09x² − 99.1x + 9000 ≤ 0 (multiply out 1000x = 0.9(x + 10)(1000 + 0.1x)), so
 *   the feasible set of "unavailability ≤ 0.1" is [x₁, x₂], x₁,₂ = (99.1 ∓ √(99.1² − 3240))/0.18
 *   ≈ 99.877, 1001.234. The MTTF falls beyond √1000 < x₁: the constrained optimum is x₁.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ModelError,
  ParameterError,
  optimizeParameter,
  parseModel,
  type Estimate,
  type OptimizeResult,
} from '../../src/index.js';
import { expectRelClose } from '../helpers/expectClose.js';

const TRADE = parseModel(`name: trade
parameters: { x: 10 }
components:
  a: { failure: { mtbf: x }, repair: { mttr: 10 } }
  b: { failure: { mtbf: 1000 / x }, repair: { mttr: 0.1 } }
system: { series: [a, b] }
`);
const mttf = (x: number): number => 1 / (1 / x + x / 1000);
const unavailability = (x: number): number => 1 - (x / (x + 10)) * (1000 / (1000 + 0.1 * x));
const X1 = (99.1 - Math.sqrt(99.1 ** 2 - 3240)) / 0.18;
const X2 = (99.1 + Math.sqrt(99.1 ** 2 - 3240)) / 0.18;

const range = { parameter: 'x', lo: 1, hi: 2000 } as const;

describe('optimizeParameter, exact', () => {
  it('finds the optimal age of the bearing example: its cost rate to 1e-6 (the maintenance contract)', () => {
    // 40-digit optimum of test/reference/maintenance_reference.py (mpmath findroot on dC/dT).
    const template = parseModel(
      readFileSync(join(import.meta.dirname, '../../models/bearing-age-replacement.yaml'), 'utf8'),
    );
    const found = optimizeParameter(template, {
      parameter: 'replacement_age',
      lo: 100,
      hi: 2000,
      measure: 'costRate',
      goal: 'minimize',
    });
    expect(found.solver).toBe('analytic');
    // Measured: 1e-16 in cost, 6e-9 in age (the minimum is flat: the age is found to about √ε).
    expectRelClose(found.minimum as number, 0.0034620427387892687, 1e-12);
    expectRelClose(found.argmin!, 493.0469575966341, 1e-6);
  });

  it('finds the interior maximum of the MTTF (Markov engine) to 1e-6 in x and 1e-9 in value', () => {
    const best = optimizeParameter(TRADE, {
      ...range,
      measure: 'mttf',
      goal: 'maximize',
      exactMethod: 'markov',
    });
    expectRelClose(best.argmax, Math.sqrt(1000), 1e-6, 'argmax');
    expectRelClose(best.maximum as number, Math.sqrt(1000) / 2, 1e-9, 'maximum');
    expect(best).toMatchObject({
      parameter: 'x',
      measure: 'mttf',
      method: 'exact',
      goal: 'maximize',
    });
    expect(best.solver).toBe('markov');
    expect(best.warnings).toEqual([]);
    expect(best.argmin).toBeUndefined();
    expect(best.evaluations).toBe(best.points.length);
    expect(best.evaluations).toBeLessThan(60);
  });

  it('searches ln x over a range of decades with scale log', () => {
    const best = optimizeParameter(TRADE, {
      parameter: 'x',
      lo: 1e-2,
      hi: 1e6,
      measure: 'mttf',
      goal: 'maximize',
      exactMethod: 'markov',
      scale: 'log',
    });
    expectRelClose(best.argmax, Math.sqrt(1000), 1e-6, 'argmax');
    expectRelClose(best.maximum as number, Math.sqrt(1000) / 2, 1e-9, 'maximum');
    // The grid is geometric: its points include 1e-2, 1e-1.5, …, 1e6, ends exact.
    expect(best.points[0]!.x).toBe(1e-2);
    expect(best.points.at(-1)!.x).toBe(1e6);
    expectRelClose(best.points[1]!.x, 10 ** -1.5, 1e-12, 'second grid point');
    expect(() =>
      optimizeParameter(TRADE, {
        ...range,
        lo: 0,
        measure: 'mttf',
        goal: 'maximize',
        scale: 'log',
      }),
    ).toThrow('optimizeParameter: lo must be > 0 with scale log; got 0');
  });

  it('finds the interior minimum of the steady unavailability (closed forms)', () => {
    const best = optimizeParameter(TRADE, {
      ...range,
      measure: 'steadyUnavailability',
      goal: 'minimize',
    });
    expectRelClose(best.argmin, Math.sqrt(1e5), 1e-6, 'argmin');
    expectRelClose(best.minimum as number, unavailability(Math.sqrt(1e5)), 1e-9, 'minimum');
    expect(best.solver).toBe('analytic');
  });

  it('puts a constrained optimum on the hand-derived boundary of the feasible set', () => {
    const best = optimizeParameter(TRADE, {
      ...range,
      measure: 'mttf',
      goal: 'maximize',
      exactMethod: 'markov',
      subjectTo: { measure: 'steadyUnavailability', max: 0.1 },
    });
    // The boundary is located by bisection to 1e-8 relative, on its feasible side.
    expectRelClose(best.argmax, X1, 1e-7, 'argmax');
    expect(best.argmax).toBeGreaterThanOrEqual(X1 * (1 - 1e-12));
    expectRelClose(best.maximum as number, mttf(X1), 1e-7, 'maximum');
    const constraint = best.subjectTo!;
    expect(constraint.feasible).toBe(true);
    expect(constraint.active).toBe(true);
    expect(constraint.value as number).toBeLessThanOrEqual(0.1);
    expect(constraint.intervals).toHaveLength(1);
    expectRelClose(constraint.intervals[0]![0], X1, 1e-7, 'x1');
    expectRelClose(constraint.intervals[0]![1], X2, 1e-7, 'x2');
  });

  it('leaves an inactive constraint inactive', () => {
    const best = optimizeParameter(TRADE, {
      ...range,
      measure: 'steadyUnavailability',
      goal: 'minimize',
      subjectTo: { measure: 'mtbf', min: 0.1 },
    });
    expectRelClose(best.argmin, Math.sqrt(1e5), 1e-6, 'argmin');
    expect(best.subjectTo).toMatchObject({ feasible: true, active: false, intervals: [[1, 2000]] });
  });

  it('says when nothing is feasible, with the closest value of the constrained measure', () => {
    const best = optimizeParameter(TRADE, {
      ...range,
      measure: 'mttf',
      goal: 'maximize',
      exactMethod: 'markov',
      subjectTo: { measure: 'steadyUnavailability', max: 0.01 },
    });
    expect(best.argmax).toBeUndefined();
    expect(best.maximum).toBeUndefined();
    expect(best.subjectTo).toMatchObject({ feasible: false, intervals: [] });
    // The least unavailability, at √10⁵, found by Brent on the slack.
    expectRelClose(best.subjectTo!.closest!.x, Math.sqrt(1e5), 1e-6, 'closest x');
    expectRelClose(
      best.subjectTo!.closest!.value as number,
      unavailability(Math.sqrt(1e5)),
      1e-9,
      'closest value',
    );
    expect(best.warnings[0]).toMatch(
      /^no value of x in \[1, 2000\] found to satisfy steadyUnavailability ≤ 0.01: the closest is steadyUnavailability = 0.0603/,
    );
  });

  it('warns when the optimum is at a bound of the range', () => {
    const best = optimizeParameter(TRADE, {
      parameter: 'x',
      lo: 1,
      hi: 20,
      measure: 'mttf',
      goal: 'maximize',
      exactMethod: 'markov',
    });
    expect(best.argmax).toBe(20);
    expectRelClose(best.maximum as number, mttf(20), 1e-12, 'maximum');
    expect(best.warnings).toEqual([
      'the optimum is at the upper bound x = 20: mttf rises towards it, so the optimum over all values may lie above 20',
    ]);
  });

  it('refines every local optimum of the grid, keeps the best and warns', () => {
    // Failure rate (x − 2)²(x − 6)² + 0.01 + 0.001x: MTTF has local maxima near 2 and 6, the
    // one near 2 higher (rate 0.012 against 0.016).
    const template = parseModel(`name: twin
parameters: { x: 1 }
components:
  a: { failure: { rate: (x - 2)^2 * (x - 6)^2 + 0.01 + 0.001 * x } }
system: a
`);
    const best = optimizeParameter(template, {
      parameter: 'x',
      lo: 0,
      hi: 8,
      measure: 'mttf',
      goal: 'maximize',
    });
    // At x = 2 + δ the rate is 0.012 + δ(0.001 + 16δ) + O(δ³): least at δ ≈ −0.001/32, where it
    // is 0.012 − 0.001²/64
    // (the δ² term of (x − 6)² moves it by about 1e-9).
    expectRelClose(best.argmax, 2 - 0.001 / 32, 1e-7, 'argmax');
    expectRelClose(best.maximum as number, 1 / (0.012 - 0.001 ** 2 / 64), 1e-9, 'maximum');
    expect(best.warnings).toHaveLength(1);
    expect(best.warnings[0]).toMatch(
      /^mttf has 2 local maxima on the 17-point grid of x \(near 2, 6\)/,
    );
  });

  it('warns when the measure does not depend on the parameter', () => {
    const template = parseModel(`name: flat
parameters: { x: 1 }
components:
  a: { failure: { mtbf: 100 } }
system: a
`);
    const best = optimizeParameter(template, {
      parameter: 'x',
      lo: 0,
      hi: 1,
      measure: 'mttf',
      goal: 'minimize',
    });
    expect(best.minimum).toBe(100);
    expect(best.warnings.some((w) => w.startsWith('mttf is flat on the grid of x'))).toBe(true);
  });
});

describe('optimizeParameter over whole values (scale integer)', () => {
  const whole = { ...range, lo: 1, hi: 100, scale: 'integer', exactMethod: 'markov' } as const;
  const values = Array.from({ length: 100 }, (_, i) => i + 1);

  it('evaluates every whole value and keeps the best: MTTF peaks at 32, beside √1000 ≈ 31.6', () => {
    const best = optimizeParameter(TRADE, { ...whole, measure: 'mttf', goal: 'maximize' });
    expect(best.argmax).toBe(32); // mttf(31) = 15.8083 < mttf(32) = 15.8103 (closed form above)
    expectRelClose(best.maximum as number, mttf(32), 1e-12);
    expect(best.evaluations).toBe(100);
    expect(best.points.map((p) => p.x)).toEqual(values);
  });

  it('keeps to the runs of whole values that satisfy the constraint', () => {
    const max = 0.3;
    const best = optimizeParameter(TRADE, {
      ...whole,
      measure: 'mttf',
      goal: 'minimize',
      subjectTo: { measure: 'steadyUnavailability', max },
    });
    const feasible = values.filter((x) => unavailability(x) <= max);
    const expected = feasible.reduce((a, b) => (mttf(b) < mttf(a) ? b : a));
    expect(best.argmin).toBe(expected);
    expect(best.subjectTo?.intervals).toEqual([[feasible[0], feasible.at(-1)]]);
  });

  it('refuses a range that is not whole, or of more than 1001 values', () => {
    expect(() =>
      optimizeParameter(TRADE, { ...whole, lo: 0.5, measure: 'mttf', goal: 'maximize' }),
    ).toThrow('optimizeParameter: lo must be whole with scale integer; got 0.5');
    expect(() =>
      optimizeParameter(TRADE, { ...whole, hi: 1002, measure: 'mttf', goal: 'maximize' }),
    ).toThrow(/hi must be ≤ lo \+ 1000 with scale integer/);
  });

  it('says to search whole values when a fractional value is refused as not whole', () => {
    const template = parseModel(`name: pool
parameters: { stock: 1 }
components:
  pump: { count: 2, failure: { mtbf: 1000 }, repair: { mttr: 10 } }
system: { koon: { k: 1, of: pump } }
maintenance:
  spares: [{ components: [pump], stock: stock, lead_time: { mean: 100 } }]
`);
    expect(() =>
      optimizeParameter(template, {
        parameter: 'stock',
        lo: 0,
        hi: 3,
        measure: 'mttf',
        goal: 'maximize',
      }),
    ).toThrow(/stock must be whole here: search its whole values only, with the integer scale/);
  });
});

describe('optimizeParameter, errors', () => {
  const goal = { measure: 'mttf', goal: 'maximize', exactMethod: 'markov' } as const;
  it('names the model parameters for an unknown one', () => {
    expect(() => optimizeParameter(TRADE, { ...goal, parameter: 'y', lo: 1, hi: 2 })).toThrow(
      new ParameterError('sweepParameter', 'name', 'be a parameter of the model (x)', 'y'),
    );
  });

  it('refuses an empty range', () => {
    expect(() => optimizeParameter(TRADE, { ...goal, parameter: 'x', lo: 5, hi: 5 })).toThrow(
      'optimizeParameter: hi must be finite and > lo (5); got 5',
    );
  });

  it('says a curve is not a scalar and lists the scalar measures', () => {
    expect(() => optimizeParameter(TRADE, { ...range, ...goal, measure: 'reliability' })).toThrow(
      /measure must be a scalar measure, but reliability is a curve \(a function of time\); its scalar measures are .*mttf/,
    );
  });

  it('names the scalar measures and quotes the warnings when the measure is absent', () => {
    expect(() =>
      optimizeParameter(TRADE, {
        ...range,
        measure: 'mttf',
        goal: 'maximize',
        exactMethod: 'analytic',
      }),
    ).toThrow(
      /which lacks mttf; its scalar measures are intervalAvailability, steadyAvailability, .*; the result's warnings: reliability and mttf of a repairable system need relkit markov/,
    );
    expect(() => optimizeParameter(TRADE, { ...range, ...goal, measure: 'costRate' })).toThrow(
      /measure must be a measure of the result \(markov, at x = 1\), which lacks costRate/,
    );
  });

  it('reports a value of the range where the model is invalid, with the value', () => {
    const error = (() => {
      try {
        optimizeParameter(TRADE, { ...goal, parameter: 'x', lo: -1, hi: 10 });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).message).toMatch(
      /with x = -1, in the range \[-1, 10\] searched: narrow the range/,
    );
  });

  it('refuses a constraint without bounds and a bad goal', () => {
    expect(() =>
      optimizeParameter(TRADE, { ...range, ...goal, subjectTo: { measure: 'mtbf' } }),
    ).toThrow('optimizeParameter: subjectTo must give max or min');
    expect(() =>
      optimizeParameter(TRADE, {
        ...range,
        measure: 'mttf',
        goal: 'least' as 'minimize',
      }),
    ).toThrow('optimizeParameter: goal must be minimize or maximize; got "least"');
  });
});

describe('optimizeParameter, simulate (common random numbers)', () => {
  // Seeded: 200 replications, seed 3, every point with the same seed.
  const run = (): OptimizeResult =>
    optimizeParameter(TRADE, {
      ...range,
      measure: 'steadyUnavailability',
      goal: 'minimize',
      method: 'simulate',
      simulation: { replications: 200, seed: 3 },
    });
  const best = run();
  const estimate = best.minimum as Estimate;
  const exact = unavailability(Math.sqrt(1e5));
  // The estimate at x̂ has mean f(x̂) ≥ f* (x̂ is not x*), pulled down by the selection (x̂ is
  // where the sample average happened to be least). Seeded, x̂ = 379.9: f(x̂) − f* = 9.4e-4, 1.24
  // standard errors (SE = 7.6e-4, the half-width / 1.96), and the estimate lies 0.95 SE below
  // f(x̂), 0.28 SE above f*. The check widens the interval to 3.29 SE: with an offset of 1.3 SE
  // the false-failure rate is P(|Z + 1.3| > 3.29) ≈ 2.3 %, 0.1 % without it.
  const covers = (value: number): boolean => {
    const half = ((estimate.ci95[1] - estimate.ci95[0]) / 2) * (3.29 / 1.96);
    return Math.abs(estimate.mean - value) <= half;
  };

  it('reports an estimate whose interval covers the exact optimum value', () => {
    expect(best.method).toBe('simulate');
    expect(best.solver).toBe('simulation');
    expect(covers(exact)).toBe(true);
    expect(estimate.ci95[0]).toBeLessThanOrEqual(estimate.mean);
    expect(best.simulation).toMatchObject({ replications: 200, seed: 3 });
    expect(best.simulation!.method).toMatch(/^simulation optimum with common random numbers/);
  });

  it('detects an objective shifted by 10 % (power)', () => {
    expect(covers(exact * 1.1)).toBe(false);
    expect(covers(exact * 0.9)).toBe(false);
  });

  it('bounds the values indistinguishable from the optimum, the exact argmin among them', () => {
    const [a, b] = best.simulation!.indistinguishable!;
    expect(a).toBeLessThanOrEqual(best.argmin!);
    expect(b).toBeGreaterThanOrEqual(best.argmin!);
    expect(a).toBeLessThan(Math.sqrt(1e5));
    expect(b).toBeGreaterThan(Math.sqrt(1e5));
    // Far from the optimum the measure is distinguishably worse.
    expect(a).toBeGreaterThan(100);
    expect(b).toBeLessThan(1000);
  });

  it('judges a constraint on the simulated means and says so', () => {
    const constrained = optimizeParameter(TRADE, {
      ...range,
      measure: 'mttf',
      goal: 'maximize',
      method: 'simulate',
      simulation: { replications: 100, seed: 5 },
      subjectTo: { measure: 'steadyUnavailability', max: 0.1 },
    });
    // The simulated boundary moves with the noise of the unavailability: at 100 replications its
    // standard error is about 4 % (the interval's half-width 7.7 %), and near x₁ the boundary
    // moves 1.37 % of x per 1 % of U (d ln U / d ln x = −0.73), so its standard error is about
    // 5 % of x₁. Allowed: 18 % (3.3 standard errors, a 0.1 % false-failure rate); seeded, the run
    // gives 94.70, 5.2 % below x₁.
    expectRelClose(constrained.argmax, X1, 0.18, 'argmax');
    expect(constrained.subjectTo).toMatchObject({ feasible: true, active: true });
    expect((constrained.subjectTo!.value as Estimate).mean).toBeLessThanOrEqual(0.1);
    expect(constrained.warnings.at(-1)).toMatch(
      /^feasibility was judged on the simulated means of steadyUnavailability: at the optimum it is 0\.0985\d* \(95 % interval 0\.091\d* to 0\.1065\d*\), which does not establish steadyUnavailability ≤ 0\.1$/,
    );
  });

  it('is a deterministic function of the seed', () => {
    expect(run().argmin).toBe(best.argmin);
  });
});

describe('optimizeParameter on a model with several systems', () => {
  // Two units in parallel (the system "either") or in series ("both"), MTBF x and 1000/x, MTTR
  // 10: "both" is TRADE, whose unavailability is least at x = √10⁵; a model with several
  // systems needs the one studied.
  const SYSTEMS = parseModel(`name: two
parameters: { x: 10 }
components:
  a: { failure: { mtbf: x }, repair: { mttr: 10 } }
  b: { failure: { mtbf: 1000 / x }, repair: { mttr: 0.1 } }
systems:
  both: { series: [a, b] }
  either: { parallel: [a, b] }
`);
  const options = {
    parameter: 'x',
    lo: 10,
    hi: 1e4,
    scale: 'log',
    measure: 'steadyUnavailability',
    goal: 'minimize',
  } as const;

  it('refuses without a system, naming the systems', () => {
    expect(() => optimizeParameter(SYSTEMS, options)).toThrow(ParameterError);
    expect(() => optimizeParameter(SYSTEMS, options)).toThrow(/both, either/);
  });

  it('studies the system named', () => {
    const result = optimizeParameter(SYSTEMS, { ...options, system: 'both' });
    // Brent's tolerance on a flat minimum: the argument to 1e-4 relative.
    expectRelClose(result.argmin, Math.sqrt(1e5), 1e-4, 'argmin');
  });
});
