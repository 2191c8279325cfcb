import { describe, expect, it } from 'vitest';
import { deterministic } from '../../src/distributions/deterministic.js';
import { erlang } from '../../src/distributions/erlang.js';
import { exponential } from '../../src/distributions/exponential.js';
import { gamma } from '../../src/distributions/gamma.js';
import { lognormal } from '../../src/distributions/lognormal.js';
import {
  DISTRIBUTION_PARAMETERS,
  DISTRIBUTION_PARAMETER_SETS,
  distributionFromSpec,
  specKey,
  type DistributionSpec,
} from '../../src/distributions/registry.js';
import { truncatedNormal } from '../../src/distributions/truncatedNormal.js';
import type { Distribution } from '../../src/distributions/types.js';
import { uniform } from '../../src/distributions/uniform.js';
import { weibull } from '../../src/distributions/weibull.js';

const EXAMPLES: readonly (readonly [DistributionSpec, Distribution])[] = [
  [{ dist: 'exponential', rate: 0.5 }, exponential({ rate: 0.5 })],
  [{ dist: 'exponential', mean: 2 }, exponential({ mean: 2 })],
  [{ dist: 'weibull', shape: 1.3, scale: 2e5 }, weibull({ shape: 1.3, scale: 2e5 })],
  [
    { dist: 'weibull', shape: 2, scale: 10, location: 3 },
    weibull({ shape: 2, scale: 10, location: 3 }),
  ],
  [{ dist: 'lognormal', mu: 1, sigma: 0.5 }, lognormal({ mu: 1, sigma: 0.5 })],
  [{ dist: 'lognormal', mean: 4, sd: 1 }, lognormal({ mean: 4, sd: 1 })],
  [{ dist: 'gamma', shape: 2.5, rate: 3 }, gamma({ shape: 2.5, rate: 3 })],
  [{ dist: 'gamma', shape: 2.5, scale: 3 }, gamma({ shape: 2.5, scale: 3 })],
  [{ dist: 'erlang', k: 3, rate: 1 }, erlang({ k: 3, rate: 1 })],
  [{ dist: 'normal', mean: 10, sd: 2 }, truncatedNormal({ mean: 10, sd: 2 })],
  [{ dist: 'uniform', min: 1, max: 2 }, uniform({ min: 1, max: 2 })],
  [{ dist: 'deterministic', value: 4 }, deterministic({ value: 4 })],
];

describe('distributionFromSpec', () => {
  it.each(EXAMPLES)('distributionFromSpec(%o) equals the factory call', (spec, expected) => {
    const d = distributionFromSpec(spec);
    expect(d.family).toBe(expected.family);
    expect(d.parameters).toEqual(expected.parameters);
    expect([d.mean, d.sf(1.7), d.quantile(0.3)]).toEqual([
      expected.mean,
      expected.sf(1.7),
      expected.quantile(0.3),
    ]);
  });

  it('distributionFromSpec rejects an unknown family, listing the known ones', () => {
    expect(() => distributionFromSpec({ dist: 'weibul' } as unknown as DistributionSpec)).toThrow(
      /^distribution: dist must be one of exponential, weibull, lognormal, gamma, erlang, normal, uniform, deterministic; got "weibul"$/,
    );
  });

  it('distributionFromSpec rejects an unknown parameter name, listing the allowed ones', () => {
    expect(() => distributionFromSpec({ dist: 'weibull', shap: 1.3, scale: 2e5 })).toThrow(
      /^weibull: parameter names must be among shape, scale, location; got "shap"$/,
    );
  });

  it('distributionFromSpec rejects a string value with the factory message', () => {
    expect(() => distributionFromSpec({ dist: 'gamma', shape: '2', rate: 1 })).toThrow(
      /^gamma: shape must be a finite number > 0; got "2"$/,
    );
  });

  it('DISTRIBUTION_PARAMETERS lists every family and name; each alternative set builds a distribution', () => {
    expect(Object.keys(DISTRIBUTION_PARAMETERS).sort()).toEqual([
      'deterministic',
      'erlang',
      'exponential',
      'gamma',
      'lognormal',
      'normal',
      'uniform',
      'weibull',
    ]);
    expect(DISTRIBUTION_PARAMETERS.weibull).toEqual(['shape', 'scale', 'location']);
    expect(DISTRIBUTION_PARAMETERS.lognormal).toEqual(['mu', 'sigma', 'mean', 'sd']);
    for (const [family, sets] of Object.entries(DISTRIBUTION_PARAMETER_SETS)) {
      for (const names of sets.alternatives) {
        // 1 for every parameter, except uniform's max, which must exceed min.
        const spec = Object.fromEntries(names.map((name) => [name, name === 'max' ? 2 : 1]));
        const d = distributionFromSpec({ dist: family, ...spec } as DistributionSpec);
        expect(d.family).toBe(family);
      }
    }
  });
});

describe('specKey', () => {
  it('is shared exactly by specs that give the same law', () => {
    const key = specKey({ dist: 'exponential', mean: 10 });
    expect(specKey({ dist: 'exponential', mean: 10 })).toBe(key);
    expect(specKey({ dist: 'exponential', mean: 10.000000000000002 })).not.toBe(key);
    expect(specKey({ dist: 'exponential', rate: 10 })).not.toBe(key);
    expect(specKey({ dist: 'weibull', shape: 0, scale: 1 })).not.toBe(
      specKey({ dist: 'weibull', shape: -0, scale: 1 }),
    );
    expect(specKey({ dist: 'weibull', shape: 1, scale: 2 })).not.toBe(
      specKey({ dist: 'weibull', shape: '1', scale: 2 } as unknown as DistributionSpec),
    );
  });
});
