import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deterministic } from '../../src/distributions/deterministic.js';
import { erlang } from '../../src/distributions/erlang.js';
import { exponential } from '../../src/distributions/exponential.js';
import { gamma } from '../../src/distributions/gamma.js';
import { lognormal } from '../../src/distributions/lognormal.js';
import { truncatedNormal } from '../../src/distributions/truncatedNormal.js';
import type { Distribution } from '../../src/distributions/types.js';
import { uniform } from '../../src/distributions/uniform.js';
import { weibull } from '../../src/distributions/weibull.js';
import { expectRelClose } from '../helpers/expectClose.js';

const SEED = 20261126;
const RUNS = 200;

const CONTINUOUS: readonly (readonly [string, Distribution])[] = [
  ['exponential rate 1e-3', exponential({ rate: 1e-3 })],
  ['weibull shape 0.7 scale 1e4', weibull({ shape: 0.7, scale: 1e4 })],
  ['weibull shape 2.5 scale 100 location 20', weibull({ shape: 2.5, scale: 100, location: 20 })],
  ['lognormal mu 3 sigma 0.8', lognormal({ mu: 3, sigma: 0.8 })],
  ['gamma shape 0.6 rate 2', gamma({ shape: 0.6, rate: 2 })],
  ['gamma shape 7.5 rate 0.1', gamma({ shape: 7.5, rate: 0.1 })],
  ['erlang k 4 rate 0.5', erlang({ k: 4, rate: 0.5 })],
  ['normal mean 50 sd 15', truncatedNormal({ mean: 50, sd: 15 })],
  ['normal mean -1 sd 2', truncatedNormal({ mean: -1, sd: 2 })],
  ['uniform min 5 max 25', uniform({ min: 5, max: 25 })],
];

/** Times spread over the support: quantiles at p from 1e-12 to 1 − 1e-9. */
const probability = fc.double({ min: 1e-12, max: 1 - 1e-9, noNaN: true });

describe.each(CONTINUOUS)('%s', (_name, d) => {
  it('sf + cdf = 1', () => {
    fc.assert(
      fc.property(probability, (p) => {
        const t = d.quantile(p);
        expect(Math.abs(d.sf(t) + d.cdf(t) - 1)).toBeLessThanOrEqual(1e-15);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('quantile(cdf(t)) = t', () => {
    // Below the median the inverse is well conditioned; tolerance 1e-11 covers the condition
    // number F/(t·f) ≤ 1e3 met here (measured ≤ 2e-14).
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 0.5, noNaN: true }), (p) => {
        const t = d.quantile(p);
        expectRelClose(d.quantile(d.cdf(t)), t, 1e-11, `t=${t}`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('hazard = pdf/sf', () => {
    fc.assert(
      fc.property(probability, (p) => {
        const t = d.quantile(p);
        expectRelClose(d.hazard(t), d.pdf(t) / d.sf(t), 1e-13, `t=${t}`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('cumulativeHazard = −ln sf (as −log1p(−cdf) where cdf is small)', () => {
    fc.assert(
      fc.property(probability, (p) => {
        const t = d.quantile(p);
        const cdf = d.cdf(t);
        const expected = cdf < 0.5 ? -Math.log1p(-cdf) : -Math.log(d.sf(t));
        expectRelClose(d.cumulativeHazard(t), expected, 1e-13, `t=${t}`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('conditionalReliability(x, 0) = sf(x) and conditionalReliability(x, t)·sf(t) = sf(t + x)', () => {
    fc.assert(
      fc.property(probability, probability, (p, q) => {
        const x = d.quantile(p);
        expectRelClose(d.conditionalReliability(x, 0), d.sf(x), 1e-15, `x=${x}`);
        const t = d.quantile(q);
        const product = d.conditionalReliability(x, t) * d.sf(t);
        expectRelClose(product, d.sf(t + x), 1e-13, `x=${x}, t=${t}`, 1e-300);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('meanResidualLife(0) = mean and meanResidualLife(t) = mean − t before the support', () => {
    expect(d.meanResidualLife(0)).toBe(d.mean);
    expect(d.meanResidualLife(-5)).toBe(d.mean + 5);
  });

  it('NaN in gives NaN out; below the support sf = 1, cdf = pdf = hazard = 0; p outside [0, 1] is NaN', () => {
    for (const method of ['pdf', 'cdf', 'sf', 'hazard', 'cumulativeHazard', 'quantile'] as const) {
      expect(d[method](NaN)).toBeNaN();
    }
    expect([d.sf(-1), d.cdf(-1), d.pdf(-1), d.hazard(-1), d.cumulativeHazard(-1)]).toEqual([
      1, 0, 0, 0, 0,
    ]);
    expect([d.quantile(-0.1), d.quantile(1.1)]).toEqual([NaN, NaN]);
    expect(d.conditionalReliability(NaN, 1)).toBeNaN();
    expect(d.meanResidualLife(NaN)).toBeNaN();
  });

  it('objects are frozen', () => {
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d.parameters)).toBe(true);
  });
});

describe('ends of the support', () => {
  it('quantile(0) is the lower end and quantile(1) the upper end', () => {
    expect([exponential({ rate: 2 }).quantile(0), exponential({ rate: 2 }).quantile(1)]).toEqual([
      0,
      Infinity,
    ]);
    const w = weibull({ shape: 2, scale: 3, location: 7 });
    expect([w.quantile(0), w.quantile(1)]).toEqual([7, Infinity]);
    expect([
      gamma({ shape: 3, rate: 1 }).quantile(0),
      gamma({ shape: 3, rate: 1 }).quantile(1),
    ]).toEqual([0, Infinity]);
    expect([
      lognormal({ mu: 1, sigma: 1 }).quantile(0),
      lognormal({ mu: 1, sigma: 1 }).quantile(1),
    ]).toEqual([0, Infinity]);
    const n = truncatedNormal({ mean: 10, sd: 2 });
    expect([n.quantile(0), n.quantile(1)]).toEqual([0, Infinity]);
    expect([
      uniform({ min: 2, max: 3 }).quantile(0),
      uniform({ min: 2, max: 3 }).quantile(1),
    ]).toEqual([2, 3]);
  });

  it('conditionalReliability and meanResidualLife are NaN where R(t) = 0 (the documented choice)', () => {
    const u = uniform({ min: 0, max: 10 });
    expect(u.conditionalReliability(1, 10)).toBeNaN();
    expect(u.meanResidualLife(12)).toBeNaN();
    expect(exponential({ rate: 1 }).conditionalReliability(1, Infinity)).toBeNaN();
    expect(deterministic({ value: 3 }).conditionalReliability(1, 3)).toBeNaN();
  });

  it('conditionalReliability stays finite where R(t) underflows but H(t) does not', () => {
    // gamma shape 2, rate 1: R(t) underflows near t = 745; R(1 | 800) = Q(2, 801)/Q(2, 800) ≈ e⁻¹·801/800.
    const d = gamma({ shape: 2, rate: 1 });
    expect(d.sf(800)).toBe(0);
    expectRelClose(
      d.conditionalReliability(1, 800),
      (Math.exp(-1) * 802) / 801,
      1e-12,
      'R(1 | 800)',
    );
    expectRelClose(d.meanResidualLife(800), 1 + 1 / 801, 1e-13, 'm(800)');
  });

  it('weibull pdf and hazard at the location follow the shape: ∞, 1/scale, 0', () => {
    expect(weibull({ shape: 0.5, scale: 2 }).pdf(0)).toBe(Infinity);
    expect(weibull({ shape: 1, scale: 2 }).hazard(0)).toBe(0.5);
    expect(weibull({ shape: 3, scale: 2 }).pdf(0)).toBe(0);
  });

  it('weibull meanResidualLife where (t/scale)^shape underflows is the mean less t, not 0·∞ = NaN', () => {
    // shape 38.4, scale 8.8e8: (1e-3/scale)^38.4 = 10^-460 underflows; so does 1/scale^38 at t = 1.
    const w = weibull({ shape: 38.41, scale: 884064826.88 });
    for (const t of [1e-3, 1]) expect(w.meanResidualLife(t)).toBe(w.mean - t);
    // Where it no longer underflows the closed form takes over, continuously: m(1000) = mean − 1000
    // to 1e-15 (R(t) = 1 − 10^-307).
    expectRelClose(w.meanResidualLife(1000), w.mean - 1000, 1e-15, 'm(1000)');
  });
});

describe('reductions', () => {
  const times = [0, 1e-9, 0.3, 7, 250, 4000];
  const compare = (a: Distribution, b: Distribution, tolerance: number, label: string): void => {
    for (const t of times) {
      for (const m of [
        'pdf',
        'cdf',
        'sf',
        'hazard',
        'cumulativeHazard',
        'meanResidualLife',
      ] as const) {
        expectRelClose(a[m](t), b[m](t), tolerance, `${label} ${m}(${t})`);
      }
      expectRelClose(
        a.conditionalReliability(1.5, t),
        b.conditionalReliability(1.5, t),
        tolerance,
        label,
      );
    }
    for (const p of [1e-12, 0.1, 0.5, 0.99])
      expectRelClose(a.quantile(p), b.quantile(p), tolerance, label);
    expectRelClose(a.mean, b.mean, tolerance, `${label} mean`);
    expectRelClose(a.variance, b.variance, tolerance, `${label} variance`);
  };

  it('weibull with shape 1 equals exponential with rate 1/scale', () => {
    compare(weibull({ shape: 1, scale: 40 }), exponential({ rate: 1 / 40 }), 1e-14, 'weibull k=1');
  });

  it('erlang with k = 1 equals exponential with the same rate', () => {
    // The gamma route (continued fraction, Newton) agrees with the closed forms to 1e-13.
    compare(erlang({ k: 1, rate: 0.02 }), exponential({ rate: 0.02 }), 1e-13, 'erlang k=1');
  });

  it('gamma with integer shape equals erlang, value for value', () => {
    const g = gamma({ shape: 4, rate: 0.3 });
    const e = erlang({ k: 4, rate: 0.3 });
    for (const t of times) expect(g.sf(t)).toBe(e.sf(t));
    expect(e.parameters).toEqual({ k: 4, rate: 0.3 });
    expect(e.family).toBe('erlang');
  });

  it('gamma by scale equals gamma by rate 1/scale', () => {
    compare(
      gamma({ shape: 2.5, scale: 4 }),
      gamma({ shape: 2.5, rate: 0.25 }),
      1e-15,
      'gamma scale',
    );
  });

  it('exponential by mean equals exponential by rate 1/mean', () => {
    compare(exponential({ mean: 8 }), exponential({ rate: 0.125 }), 1e-15, 'exponential mean');
  });

  it('lognormal by mean and sd round-trips to that mean and variance', () => {
    for (const [mean, sd] of [
      [10, 5],
      [1e5, 3e5],
      [2e-3, 1e-6],
    ] as const) {
      const d = lognormal({ mean, sd });
      expectRelClose(d.mean, mean, 1e-14, `mean (${mean}, ${sd})`);
      expectRelClose(d.variance, sd * sd, 1e-13, `variance (${mean}, ${sd})`);
    }
  });
});

describe('invalid parameters throw ParameterError naming the family and parameter', () => {
  const cases: readonly (readonly [() => unknown, RegExp])[] = [
    [() => exponential({ rate: -1 }), /^exponential: rate must be a finite number > 0; got -1$/],
    [() => exponential({ mean: 0 }), /^exponential: mean must be a finite number > 0; got 0$/],
    [
      () => exponential({ rate: 1, mean: 1 } as never),
      /^exponential: parameters must be exactly one of \{ rate \} or \{ mean \}; got \{"rate":1,"mean":1\}$/,
    ],
    [
      () => exponential({} as never),
      /^exponential: parameters must be exactly one of \{ rate \} or \{ mean \}; got \{\}$/,
    ],
    [
      () => weibull({ shape: -2, scale: 1 }),
      /^weibull: shape must be a finite number > 0; got -2$/,
    ],
    [
      () => weibull({ shape: 2, scale: Infinity }),
      /^weibull: scale must be a finite number > 0; got Infinity$/,
    ],
    [
      () => weibull({ shape: 2, scale: 1, location: -1 }),
      /^weibull: location must be a finite number >= 0; got -1$/,
    ],
    [
      () => weibull({ shape: 2 } as never),
      /^weibull: scale must be a finite number > 0; got nothing$/,
    ],
    [
      () => weibull({ shap: 2, scale: 1 } as never),
      /^weibull: parameter names must be among shape, scale, location; got "shap"$/,
    ],
    [() => lognormal({ mu: 0, sigma: 0 }), /^lognormal: sigma must be a finite number > 0; got 0$/],
    [() => lognormal({ mu: NaN, sigma: 1 }), /^lognormal: mu must be a finite number; got NaN$/],
    [() => lognormal({ mean: 1, sd: -1 }), /^lognormal: sd must be a finite number > 0; got -1$/],
    [
      () => lognormal({ mu: 1, sigma: 1, mean: 2 } as never),
      /^lognormal: parameters must be exactly one of \{ mu, sigma \} or \{ mean, sd \}; got /,
    ],
    [() => gamma({ shape: 0, rate: 1 }), /^gamma: shape must be a finite number > 0; got 0$/],
    [() => gamma({ shape: 1, scale: -3 }), /^gamma: scale must be a finite number > 0; got -3$/],
    [
      () => gamma({ shape: 1, rate: 1, scale: 1 } as never),
      /^gamma: parameters must be exactly one of \{ shape, rate \} or \{ shape, scale \}; got /,
    ],
    [() => erlang({ k: 2.5, rate: 1 }), /^erlang: k must be an integer >= 1; got 2.5$/],
    [() => erlang({ k: 0, rate: 1 }), /^erlang: k must be an integer >= 1; got 0$/],
    [() => erlang({ k: 2, rate: 0 }), /^erlang: rate must be a finite number > 0; got 0$/],
    [() => truncatedNormal({ mean: 1, sd: 0 }), /^normal: sd must be a finite number > 0; got 0$/],
    [
      () => truncatedNormal({ mean: Infinity, sd: 1 }),
      /^normal: mean must be a finite number; got Infinity$/,
    ],
    [() => uniform({ min: -1, max: 1 }), /^uniform: min must be a finite number >= 0; got -1$/],
    [() => uniform({ min: 2, max: 1 }), /^uniform: max must be > min \(2\); got 1$/],
    [
      () => deterministic({ value: -0.5 }),
      /^deterministic: value must be a finite number >= 0; got -0.5$/,
    ],
  ];

  it.each(cases)('%#: %s', (make, pattern) => {
    expect(make).toThrow(pattern);
    try {
      make();
    } catch (error) {
      expect((error as Error).name).toBe('ParameterError');
    }
  });
});
