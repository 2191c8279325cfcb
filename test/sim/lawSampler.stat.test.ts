/**
 * The simulator's law sampler (src/sim/lawSampler.ts): each transform of the ziggurats' standard
 * variates against the law's own cdf, mean and quantiles from src/distributions (independent
 * formulas, checked against scipy in test/distributions), at α = 1e-4 per `it`, with a power
 * check that the draws scaled by 1.01 (a 1 % scale error) fail the same tests.
 *
 * Per law: Kolmogorov–Smirnov on 10⁶ draws at α; then on 4·10⁶ draws the frequencies below the
 * 0.001 and above the 0.999 quantile and the mean, at the Bonferroni z for k = 3.
 */
import { describe, expect, it } from 'vitest';
import { distributionFromSpec } from '../../src/distributions/registry.js';
import type { Distribution } from '../../src/distributions/types.js';
import { nextExponential } from '../../src/sim/exponentialZiggurat.js';
import { LawSampler } from '../../src/sim/lawSampler.js';
import { replicationStream, streamRng } from '../../src/sim/random.js';
import {
  ALPHA,
  expectAgreement,
  kolmogorovPValue,
  ksStatistic,
  proportionCheck,
  type StatCheck,
} from './statCheck.js';

type Sampler = () => number;

/** Law `law` drawn by a LawSampler from the stream of seed `seed`, scaled by `scale`. */
function sampler(law: Distribution, seed: number, scale = 1): Sampler {
  const laws = new LawSampler([law], replicationStream(seed, 0));
  return () => scale * laws.draw(0);
}

function tailChecks(law: Distribution, draw: Sampler, n: number): StatCheck[] {
  const low = law.quantile(0.001);
  const high = law.quantile(0.999);
  let below = 0;
  let above = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = draw();
    sum += t;
    if (t < low) below++;
    if (t > high) above++;
  }
  return [
    proportionCheck('P(T < q(0.001))', below / n, 0.001, n),
    proportionCheck('P(T > q(0.999))', above / n, 0.001, n),
    { label: 'mean', estimate: sum / n, exact: law.mean, se: Math.sqrt(law.variance / n) },
  ];
}

// Each law with √n·D of its 1 % scale error at n = 10⁶, about 100·max x·f(x) for a law starting
// at 0 (the critical value is 2.23): all well above.
const LAWS: [name: string, spec: Record<string, unknown>, power: string][] = [
  // The benchmark's laws (bench/sim/kofn-repair-weibull.yaml) and the exponential.
  ['weibull shape 1.5', { dist: 'weibull', shape: 1.5, scale: 1107.7321674324724 }, 'k/e: 5.5'],
  ['lognormal mean 10, sd 5', { dist: 'lognormal', mean: 10, sd: 5 }, 'φ(0)/σ: 8.5'],
  ['exponential mean 1000', { dist: 'exponential', mean: 1000 }, '1/e: 3.7'],
  // Shape below 1 (power 1/k > 1) with a location; a narrow lognormal.
  [
    'weibull shape 0.7, location 3',
    { dist: 'weibull', shape: 0.7, scale: 2, location: 3 },
    'F(3.03) = 5.2 %: 52',
  ],
  ['lognormal mu 1, sigma 0.25', { dist: 'lognormal', mu: 1, sigma: 0.25 }, 'φ(0)/σ: 16'],
  // Truncated normals: a sixth of the mass cut (rejection redraws), and a negligible cut.
  ['normal mean 1, sd 1 (truncated at 0)', { dist: 'normal', mean: 1, sd: 1 }, 'about 6'],
  ['normal mean 100, sd 10', { dist: 'normal', mean: 100, sd: 10 }, 'mean·φ(0)/sd: 40'],
];

describe('LawSampler: goodness of fit of each law', () => {
  LAWS.forEach(([name, spec, power], index) => {
    const law = distributionFromSpec(spec as never);
    const seed = 20261210 + 10 * index;
    it(`${name}: KS on 10^6 draws at α = 1e-4, tails and mean on 4·10^6; rejects a 1 % scale error (√n·D ${power})`, () => {
      const n = 1_000_000;
      const d = ksStatistic(sampler(law, seed), n, (t) => law.cdf(t));
      const p = kolmogorovPValue(d, n);
      expect(
        p,
        `KS ${name}: seed ${seed} (replication 0), n ${n}, D ${d}, p-value ${p}, α ${ALPHA}\n` +
          'rerun: npx vitest run test/sim/lawSampler.stat.test.ts',
      ).toBeGreaterThan(ALPHA);
      const wrong = ksStatistic(sampler(law, seed + 1, 1.01), n, (t) => law.cdf(t));
      expect(
        kolmogorovPValue(wrong, n),
        `KS power check of ${name} passed a 1 % scale error: D ${wrong}`,
      ).toBeLessThanOrEqual(ALPHA);
      const m = 4_000_000;
      // Power: a 1 % scale error moves the mean by 1 %, at least 7 SE here (cv ≤ 0.7 / 2000).
      expectAgreement(
        `${name}: seed ${seed + 2} (replication 0), n ${m}`,
        tailChecks(law, sampler(law, seed + 2), m),
        tailChecks(law, sampler(law, seed + 3, 1.01), m),
      );
    });
  });
});

describe('LawSampler: which draw each family gets', () => {
  it('draws an exponential as mean · nextExponential, and another family by its own sample on the stream', () => {
    const exponential = distributionFromSpec({ dist: 'exponential', mean: 7 });
    const gamma = distributionFromSpec({ dist: 'gamma', shape: 2.5, scale: 3 });
    const state = replicationStream(5, 0);
    const laws = new LawSampler([exponential, gamma, undefined], state);
    const copy = Uint32Array.from(state);
    const first = laws.draw(0);
    const second = laws.draw(1);
    expect(first).toBe(7 * nextExponential(copy));
    expect(second).toBe(gamma.sample(streamRng(copy)));
    expect(Array.from(state)).toEqual(Array.from(copy));
  });
});
