/**
 * Fits of data simulated from known parameters recover them within their Fisher 95 % bounds at
 * the nominal rate.
 *
 * For each family, M = 200 seeded samples of n = 100 units, Type I censored at the true 0.8
 * quantile (about 20 % suspensions); each parameter's count K of covering bounds is compared
 * with Binomial(M, 0.95): |K − 190| ≤ z·√(M·0.95·0.05) with z = 3.8906, i.e. K in [178, 200],
 * a false-failure rate of 1e-4 per check at the nominal rate (the Wald bounds' true coverage at
 * n = 100, 0.93–0.95 in Meeker and Escobar's simulations, §8.4, stays well inside).
 *
 * Power: the same fits with the bounds narrowed to 60 % of their half-width (nominal coverage
 * 0.76, K ≈ 152) or centred on a parameter 25 % off must fail the check for at least one
 * parameter of every family; so would a covariance too small by a factor 2.8 or a systematic
 * bias of that size.
 */
import { describe, expect, it } from 'vitest';
import { exponential } from '../../src/distributions/exponential.js';
import { gamma } from '../../src/distributions/gamma.js';
import { lognormal } from '../../src/distributions/lognormal.js';
import type { Rng } from '../../src/distributions/types.js';
import { weibull } from '../../src/distributions/weibull.js';
import type { FitFamilyName } from '../../src/fit/families.js';
import { fitLifeData, type LifeFit } from '../../src/fit/fitLifeData.js';
import { lifeDataFrom } from '../../src/fit/lifeData.js';
import { normalQuantile } from '../../src/numeric/normal.js';
import { testRng } from '../helpers/testRng.js';

const M = 200;
const N = 100;
const Z = 3.8906;
const HALF_WIDTH = Z * Math.sqrt(M * 0.95 * 0.05);
const SEED = 20261206;

interface Case {
  readonly family: FitFamilyName;
  readonly truth: Readonly<Record<string, number>>;
  /** Which parameters are positive (bounds on the log scale). */
  readonly positive: readonly boolean[];
  sample(rng: Rng): number;
  readonly censorAt: number;
}

const loglogisticQuantile = (p: number, shape: number, scale: number): number =>
  scale * (p / (1 - p)) ** (1 / shape);
const gumbelQuantile = (p: number, mu: number, sigma: number): number =>
  mu + sigma * Math.log(-Math.log1p(-p));

const CASES: readonly Case[] = [
  {
    family: 'exponential',
    truth: { rate: 0.01 },
    positive: [true],
    sample: (rng) => exponential({ rate: 0.01 }).sample(rng),
    censorAt: exponential({ rate: 0.01 }).quantile(0.8),
  },
  {
    family: 'weibull',
    truth: { shape: 1.7, scale: 1000 },
    positive: [true, true],
    sample: (rng) => weibull({ shape: 1.7, scale: 1000 }).sample(rng),
    censorAt: weibull({ shape: 1.7, scale: 1000 }).quantile(0.8),
  },
  {
    family: 'lognormal',
    truth: { mu: 5, sigma: 0.8 },
    positive: [false, true],
    sample: (rng) => lognormal({ mu: 5, sigma: 0.8 }).sample(rng),
    censorAt: lognormal({ mu: 5, sigma: 0.8 }).quantile(0.8),
  },
  {
    family: 'gamma',
    truth: { shape: 2.5, scale: 40 },
    positive: [true, true],
    sample: (rng) => gamma({ shape: 2.5, scale: 40 }).sample(rng),
    censorAt: gamma({ shape: 2.5, scale: 40 }).quantile(0.8),
  },
  {
    family: 'loglogistic',
    truth: { shape: 3, scale: 200 },
    positive: [true, true],
    sample: (rng) => loglogisticQuantile(rng.next(), 3, 200),
    censorAt: loglogisticQuantile(0.8, 3, 200),
  },
  {
    family: 'normal',
    truth: { mean: 500, sd: 60 },
    positive: [false, true],
    sample: (rng) => 500 + 60 * normalQuantile(rng.next()),
    censorAt: 500 + 60 * normalQuantile(0.8),
  },
  {
    family: 'gumbel',
    truth: { mu: 300, sigma: 25 },
    positive: [false, true],
    sample: (rng) => gumbelQuantile(rng.next(), 300, 25),
    censorAt: gumbelQuantile(0.8, 300, 25),
  },
];

function simulateFits(c: Case, seed: number): LifeFit[] {
  const rng = testRng(seed);
  return Array.from({ length: M }, () => {
    const observations = Array.from({ length: N }, () => {
      const t = c.sample(rng);
      return t > c.censorAt
        ? { kind: 'suspension' as const, time: c.censorAt }
        : { kind: 'failure' as const, time: t };
    });
    return fitLifeData(lifeDataFrom(observations), c.family);
  });
}

/** Counts, per parameter, the fits whose (transformed) bounds cover `truth`. */
function coverage(
  c: Case,
  fits: readonly LifeFit[],
  narrow = 1,
  shift = 1,
): Record<string, number> {
  const counts: Record<string, number> = {};
  Object.entries(c.truth).forEach(([name, value], i) => {
    const target = value * shift;
    counts[name] = fits.filter((fit) => {
      const bound = fit.ci95[name];
      if (bound === null || bound === undefined) return false;
      const estimate = fit.parameters[name]!;
      const [lo, hi] = c.positive[i]
        ? [estimate * (bound[0] / estimate) ** narrow, estimate * (bound[1] / estimate) ** narrow]
        : [estimate - (estimate - bound[0]) * narrow, estimate + (bound[1] - estimate) * narrow];
      return lo <= target && target <= hi;
    }).length;
  });
  return counts;
}

const accepted = (count: number): boolean => Math.abs(count - 0.95 * M) <= HALF_WIDTH;

describe('Fisher bounds cover the true parameters at the nominal 95 %', () => {
  CASES.forEach((c, index) => {
    it(`${c.family} (seed ${SEED + index}; rerun: npx vitest run test/fit/coverage.stat.test.ts)`, () => {
      const fits = simulateFits(c, SEED + index);
      expect(fits.every((fit) => fit.convergence.converged)).toBe(true);
      const counts = coverage(c, fits);
      for (const [name, count] of Object.entries(counts)) {
        expect(accepted(count), `${name}: ${count} of ${M} bounds cover the truth`).toBe(true);
      }
      // Power: narrowed bounds, or a 25 % bias, must be caught.
      const narrowed = Object.values(coverage(c, fits, 0.6));
      expect(
        narrowed.some((count) => !accepted(count)),
        `narrowed: ${narrowed}`,
      ).toBe(true);
      const biased = Object.values(coverage(c, fits, 1, 1.25));
      expect(
        biased.some((count) => !accepted(count)),
        `biased: ${biased}`,
      ).toBe(true);
    });
  });
});
