/**
 * The first-order bias a law's tail gives a time average from an all-new start
 * (src/sim/tailBias.ts) and the cut order that scales it to the system (src/model/cutOrder.ts).
 * Reference values: test/reference/tail_bias_reference.py (mpmath double integrals at 30 digits,
 * and the renewal equation solved on 16 000 and 32 000 cells). The module integrates to 1e-6
 * relative, so values are held to 1e-5 relative.
 */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { deterministic } from '../../src/distributions/deterministic.js';
import { exponential } from '../../src/distributions/exponential.js';
import { gamma } from '../../src/distributions/gamma.js';
import { truncatedNormal } from '../../src/distributions/truncatedNormal.js';
import type { Distribution } from '../../src/distributions/types.js';
import { uniform } from '../../src/distributions/uniform.js';
import { lognormal } from '../../src/distributions/lognormal.js';
import { weibull } from '../../src/distributions/weibull.js';
import { cutOrder } from '../../src/model/cutOrder.js';
import { loadModel } from '../../src/model/loadModel.js';
import { windowTailBias, worstTailBias } from '../../src/sim/tailBias.js';

const close = (actual: number, expected: number, relative = 1e-5): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
};

describe('windowTailBias', () => {
  const horizon = 45137.26464750797;
  const heavy = lognormal({ mu: 2, sigma: 2.5 });

  it('a heavy lognormal repair: the share of its time in periods past t, over the window', () => {
    close(windowTailBias(heavy, 'delay', 0.15 * horizon, horizon), 0.1516628084568251);
    close(windowTailBias(heavy, 'delay', 0, horizon), 0.19190635680194335);
    // σ = 1: the same mean scale, no tail left at these times.
    const light = windowTailBias(lognormal({ mu: 2, sigma: 1 }), 'delay', 0.15 * horizon, horizon);
    expect(Math.abs(light - 1.3752026481983894e-11)).toBeLessThan(1e-8);
  });

  it('an exponential delay: (m/W)(e^{-t0/m} - e^{-T/m}); an exponential life: 0', () => {
    const m = 5000;
    const [t0, t1] = [2000, 30000];
    const closedForm = ((m / (t1 - t0)) * (Math.exp(-t0 / m) - Math.exp(-t1 / m))) as number;
    close(windowTailBias(exponential({ mean: m }), 'delay', t0, t1), closedForm);
    expect(Math.abs(windowTailBias(exponential({ mean: m }), 'life', t0, t1))).toBeLessThan(1e-8);
    expect(Math.abs(windowTailBias(exponential({ mean: m }), 'life', 0, t1))).toBeLessThan(1e-8);
  });

  it('Weibull lives of shape < 1: the first-order value, above the exact renewal density but within 2x', () => {
    const cases = [
      { shape: 0.5, firstOrder: 0.10454755605757263, renewal: 0.0758 },
      { shape: 0.7, firstOrder: 0.02142590961449871, renewal: 0.0137 },
    ];
    for (const { shape, firstOrder, renewal } of cases) {
      const life = weibull({ shape, scale: 2500 });
      const end = 10 * life.mean;
      const b = windowTailBias(life, 'life', 0.15 * end, end);
      close(b, firstOrder);
      expect(b).toBeGreaterThan(renewal);
      expect(b).toBeLessThan(2 * renewal);
    }
  });

  it('lives that wear out give a bias <= 0 (MSER and the settling horizon handle their transients)', () => {
    for (const shape of [1.5, 3]) {
      const life = weibull({ shape, scale: 1000 });
      expect(windowTailBias(life, 'life', 0, 10 * life.mean)).toBeLessThanOrEqual(0);
    }
  });
});

describe('windowTailBias over the parameter space', () => {
  it('a finite number, never an exception, for 3000 random laws and windows of every scale', () => {
    // A random Weibull of shape 38 found a NaN mean residual life where (t/scale)^shape
    // underflows (fixed in src/distributions/weibull.ts): 48 NaN of 40 000 before the fix.
    const rng = seedrandom('tail-bias');
    const logUniform = (a: number, b: number): number =>
      Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * rng());
    const makers: (() => Distribution)[] = [
      () => lognormal({ mu: 40 * rng() - 20, sigma: logUniform(0.01, 12) }),
      () => weibull({ shape: logUniform(0.05, 50), scale: logUniform(1e-6, 1e9) }),
      () => exponential({ mean: logUniform(1e-9, 1e12) }),
      () => gamma({ shape: logUniform(0.01, 100), rate: 1 / logUniform(1e-6, 1e9) }),
      () => uniform({ min: 0, max: logUniform(1e-6, 1e9) }),
      () => deterministic({ value: logUniform(1e-6, 1e9) }),
      () => truncatedNormal({ mean: logUniform(1e-3, 1e6), sd: logUniform(1e-3, 1e6) }),
    ];
    for (let i = 0; i < 1500; i++) {
      const law = makers[i % makers.length]!();
      const end = logUniform(1e-6, 1e13);
      const start = rng() < 0.3 ? 0 : 0.5 * end * rng();
      for (const kind of ['life', 'delay'] as const) {
        const b = windowTailBias(law, kind, start, end);
        expect(
          Number.isFinite(b),
          `${law.family} ${JSON.stringify(law.parameters)} ${kind} [${start}, ${end}]`,
        ).toBe(true);
      }
    }
  });
});

describe('worstTailBias', () => {
  const laws = [
    { law: weibull({ shape: 1.5, scale: 5000 }), kind: 'life', what: 'life of pump' },
    { law: lognormal({ mu: 2, sigma: 2.5 }), kind: 'delay', what: 'repair time of pump' },
  ] as const;

  it('names the worst law and a horizon, twice the run or more, over which it settles', () => {
    const end = 45137.26464750797;
    const worst = worstTailBias(laws, 0.15 * end, end, 0.02)!;
    expect(worst.what).toBe('repair time of pump');
    close(worst.bias, 0.1516628084568251);
    const k = Math.log2(worst.horizon / end);
    expect(Number.isInteger(k) && k >= 1).toBe(true);
    const at = (horizon: number): number =>
      windowTailBias(laws[1].law, 'delay', 0.15 * horizon, horizon);
    expect(at(worst.horizon)).toBeLessThanOrEqual(0.02);
    if (k > 1) expect(at(worst.horizon / 2)).toBeGreaterThan(0.02);
  });

  it('is undefined when every law is within the limit', () => {
    expect(worstTailBias(laws, 1e6, 1e7, 0.05)).toBeUndefined();
  });
});

describe('cutOrder', () => {
  const law =
    '{ failure: { dist: exponential, rate: 1e-3 }, repair: { dist: exponential, rate: 0.1 } }';
  const order = (system: string): number =>
    cutOrder(
      loadModel(
        `name: order\ncomponents:\n${['a', 'b', 'c', 'd', 'e'].map((name) => `  ${name}: ${law}\n`).join('')}system: ${system}\n`,
      ).system!,
    );

  it('series takes the smallest, parallel adds, k-of-n adds its n - k + 1 smallest', () => {
    expect(order('{ series: [a, b] }')).toBe(1);
    expect(order('{ parallel: [a, b, c, d, e] }')).toBe(5);
    expect(order('{ koon: { k: 2, of: [a, b, c, d, e] } }')).toBe(4);
    expect(order('{ series: [{ parallel: [a, b] }, { parallel: [c, d, e] }] }')).toBe(2);
    expect(order('{ koon: { k: 2, of: [{ parallel: [a, b] }, c, d] } }')).toBe(2);
  });

  it('a standby block counts all its units', () => {
    expect(order('{ standby: { primary: a, spares: [b, c], mode: cold } }')).toBe(3);
  });
});
