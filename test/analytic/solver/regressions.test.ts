/**
 * Models a new user wrote that once got a wrong number or an internal error from analyze. The
 * exact values come from test/reference/analyze_regressions_reference.py (mpmath 1.3.0, 50
 * digits, closed forms; 2026-12-05), rounded to the nearest double.
 */
import { describe, expect, it } from 'vitest';
import { analyze, loadModel, type Result } from '../../../src/index.js';
import { expectRelClose } from '../../helpers/expectClose.js';

const model = (text: string) => loadModel(`name: regression\n${text}`);
const scalar = (result: Result, name: string): number => {
  const value = (result.measures as Record<string, unknown>)[name];
  if (typeof value !== 'number')
    throw new Error(`${name} is missing: ${result.warnings.join('; ')}`);
  return value;
};

describe('analyze on models that once misled', () => {
  it('gives the MTTF of a 250 h part in series with a 1e8 h part (was 0)', () => {
    const pair = model(
      'components: { cpu: { failure: { mttf: 250 } }, cable: { failure: { mttf: 1e8 } } }\nsystem: { series: [cpu, cable] }',
    );
    const result = analyze(pair);
    expectRelClose(scalar(result, 'mttf'), 249.9993750015625, 1e-12, 'mttf');
    // The default horizon is 2·MTTF, not 0 (which once refused the grid).
    expectRelClose(result.horizon!, 2 * 249.9993750015625, 1e-12, 'horizon');
  });

  it('gives the MTTF of differential seed 117207, whose R(t) turns subnormal (was left out)', () => {
    // The last piece of the quadrature lay where R < 2.2e-308; exact value by expanding R(t)
    // into exponentials in rational arithmetic (test/reference/markov_mixture_reference.py).
    const seed = model(`components:
  c0: { failure: { rate: 2.99e-8 } }
  c1: { failure: { dist: exponential, mean: 543000 }, coverage: 0.9881 }
  c2: { failure: { mttf: 1000000000 }, coverage: 0.99785 }
  c3: { failure: { rate: 1.03e-8 } }
  c4: { failure: { dist: exponential, rate: 5.45e-7 } }
  c5: { failure: { mtbf: 1000000000 } }
  c6: { failure: { dist: exponential, mean: 1000000000 } }
  c7: { failure: { rate: 1.12e-7 }, coverage: 0.773 }
system:
  series:
    - parallel: [{ parallel: [c4, c1] }, c0]
    - c7
    - series: [c3, c6]
    - koon: { k: 1, of: [c2, c5] }
`);
    const result = analyze(seed);
    expect(result.warnings).toEqual([
      'importance is left out: coverage, detection or recovery delays make units dependent',
    ]);
    // Measured 1.4e-16.
    expectRelClose(scalar(result, 'mttf'), 6521386.046885296, 1e-12, 'mttf');
    // The default horizon is 2·MTTF, not 10 × the largest mean life (1e10).
    expectRelClose(result.horizon!, 2 * 6521386.046885296, 1e-12, 'horizon');
  });

  it('gives the MTTF of one cold standby block by its closed form (differential seed 1795: 5 s of quadrature)', () => {
    const block = model(`components:
  c0: { failure: { mttf: 1000000000 } }
  c1: { count: 4, failure: { rate: 0.0000137 } }
  c2: { count: 4, failure: { dist: exponential, mean: 350 } }
  fan_3: { failure: { rate: 1000 } }
system:
  standby: { primary: c0, spares: [fan_3, c1, c2], mode: cold }
mission_time: 2650
`);
    const started = performance.now();
    const result = analyze(block);
    // The sum of the means (markov_mixture_reference.py); measured 0 ulps.
    expectRelClose(scalar(result, 'mttf'), 1000293370.8039197, 1e-15, 'mttf');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('ignores a 1e8 h part outside the structure', () => {
    const result = analyze(
      model(
        'components: { cpu: { failure: { mttf: 250 } }, spare: { failure: { mttf: 1e9 } } }\nsystem: cpu',
      ),
    );
    expect(scalar(result, 'mttf')).toBe(250);
  });

  it('keeps the early transient in the interval availability of a long horizon', () => {
    const pair = model(
      'components:\n  server: { count: 2, failure: { mtbf: 2000 }, repair: { mttr: 4 } }\nsystem: { parallel: [server] }',
    );
    const a = scalar(analyze(pair, { horizon: 20000 }), 'intervalAvailability');
    expectRelClose(a, 0.9999960171449563, 1e-14, 'interval A');
    // The unavailability side, where the transient is 3e-4 of the value.
    expectRelClose(1 - a, 3.982855043614947e-6, 1e-9, 'interval U');
  });

  it('keeps the transient term of one unit over T = 739 000', () => {
    const unit = model(
      'components:\n  c0: { failure: { rate: 0.09 }, repair: { rate: 0.04 } }\nsystem: c0',
    );
    const a = scalar(analyze(unit, { horizon: 739000 }), 'intervalAvailability');
    expectRelClose(a, 0.3076995139761872, 1e-13, 'interval A');
  });

  it('gives the MTTF of a Weibull of shape 0.05 (was a quadrature failure)', () => {
    const one = model(
      'components: { a: { failure: { dist: weibull, shape: 0.05, scale: 1 } } }\nsystem: a',
    );
    expectRelClose(scalar(analyze(one), 'mttf'), 2.43290200817664e18, 1e-14, 'one unit');
    const pair = model(
      'components: { a: { count: 2, failure: { dist: weibull, shape: 0.05, scale: 1 } } }\nsystem: { parallel: [a] }',
    );
    expectRelClose(scalar(analyze(pair), 'mttf'), 4.8658016961571205e18, 1e-10, 'pair');
  });

  it('counts a non-repairable standby block beside a repairable unit as down in the long run', () => {
    for (const block of ['{ of: c1 }', '{ of: c1, mode: hot, switch: { success: 0.9 } }']) {
      const result = analyze(
        model(
          `components:\n  c0: { failure: { rate: 7.3e-5 }, repair: { rate: 0.04727 } }\n  c1: { count: 2, failure: { rate: 1e-3 } }\nsystem: { parallel: [c0, { standby: ${block} }] }`,
        ),
      );
      const u = scalar(result, 'steadyUnavailability');
      const a = scalar(result, 'steadyAvailability');
      expectRelClose(u, 0.0015419386181695289, 1e-13, `U, ${block}`);
      expectRelClose(a, 0.9984580613818305, 1e-15, `A, ${block}`);
      expectRelClose(a + u, 1, 1e-15, 'A + U');
      expectRelClose(scalar(result, 'failureFrequency'), 7.288743848087362e-5, 1e-13, 'ω');
    }
  });

  it('gives U = 1 and no error for a repairable part in series with a non-repairable one', () => {
    const result = analyze(
      model(
        'components:\n  a: { failure: { rate: 0.2 }, repair: { rate: 18.4 } }\n  b: { failure: { rate: 0.0013 } }\nsystem: { series: [a, b] }',
      ),
    );
    expect(scalar(result, 'steadyUnavailability')).toBe(1);
    expect(scalar(result, 'steadyAvailability')).toBe(0);
    expect(scalar(result, 'nines')).toBe(0);
  });

  it('keeps the early uncovered failures in the MTTF of a coverage model', () => {
    const result = analyze(
      model(
        'components:\n  c0: { failure: { rate: 1e-7 } }\n  c1: { failure: { rate: 0.1 }, coverage: 0.5 }\nsystem: { parallel: [c0, c1] }',
      ),
    );
    expectRelClose(scalar(result, 'mttf'), 5000005.000005, 1e-12, 'mttf');
  });

  it('solves a series of 100 000 units and a 99 990-of-100 000 without a diagram of that size', () => {
    const series = model(
      'components: { c: { count: 100000, failure: { mttf: 1e6 } } }\nsystem: { series: [c] }',
    );
    expectRelClose(scalar(analyze(series), 'mttf'), 10, 1e-12, 'series');
    const koon = model(
      'components: { c: { count: 100000, failure: { mttf: 1e6 } } }\nsystem: { koon: { k: 99990, of: c } }',
    );
    // MTTF = (1/λ) Σ_{j=k}^{n} 1/j for k-of-n identical exponential units.
    let sum = 0;
    for (let j = 99990; j <= 100000; j++) sum += 1 / j;
    expectRelClose(scalar(analyze(koon), 'mttf'), 1e6 * sum, 1e-12, 'koon');
  });

  it('downs the system for good on an uncovered failure of a unit that is not repaired', () => {
    // parallel [a: repairable, b: not repaired, coverage c]: A(t) = K − u_a(t)·c·F_b(t) with
    // K = 1 − (1 − c)F_b(t) (b uncovered downs the system for good; covered, b is a lost spare).
    const [la, ma, lb, c] = [0.01, 0.5, 0.002, 0.9];
    const result = analyze(
      model(
        `components:\n  a: { failure: { rate: ${la} }, repair: { rate: ${ma} } }\n  b: { failure: { rate: ${lb} }, coverage: ${c} }\nsystem: { parallel: [a, b] }`,
      ),
      { times: [0, 10, 1000] },
    );
    const curve = result.measures.availability as { readonly values: readonly number[] };
    [0, 10, 1000].forEach((t, i) => {
      const fb = -Math.expm1(-lb * t);
      const ua = (la / (la + ma)) * -Math.expm1(-(la + ma) * t);
      expectRelClose(curve.values[i], 1 - (1 - c) * fb - ua * c * fb, 1e-14, `A(${t})`);
    });
    // The long run depends on whether the uncovered failure happens: no steady measures.
    expect(result.measures.steadyAvailability).toBeUndefined();
    expect(result.warnings.join(' ')).toMatch(/steady measures are left out: an uncovered failure/);
  });

  it('leaves a unit with coverage and a recovery time in a repairable system to the Markov engine', () => {
    expect(() =>
      analyze(
        model(
          'components:\n  a: { failure: { rate: 0.01 }, repair: { rate: 0.5 } }\n  b: { failure: { rate: 0.002 }, coverage: 0.9, recovery: { mean: 1 } }\nsystem: { parallel: [a, b] }',
        ),
      ),
    ).toThrow(/not repaired, has coverage 0.9 < 1 and a recovery time/);
  });
});
