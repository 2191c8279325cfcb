/**
 * fitParameterSampler: draws on the bounds' scale have the fit's estimates as mean and its
 * covariance (mapped back from the natural one), positive parameters stay positive, a location
 * without a bound is held, and a fit without a covariance is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitParameterSampler } from '../../src/fit/drawFitParameters.js';
import { fitLifeData } from '../../src/fit/fitLifeData.js';
import { parseLifeData } from '../../src/fit/lifeData.js';
import { normalCdf } from '../../src/numeric/normal.js';
import { replicationRng } from '../../src/sim/random.js';

const DATA = join(import.meta.dirname, 'data');
const read = (name: string): ReturnType<typeof parseLifeData> =>
  parseLifeData(readFileSync(join(DATA, name), 'utf8'), name);

describe('fitParameterSampler', () => {
  it('draws (ln shape, ln scale) with the fit’s mean and covariance', () => {
    const fit = fitLifeData(read('shock-absorbers.csv'), 'weibull');
    const draw = fitParameterSampler(fit);
    const rng = replicationRng(5, 0);
    const n = 40_000;
    const u = Array.from({ length: n }, () => {
      const { parameters, law } = draw(rng);
      expect(law).toEqual({ dist: 'weibull', shape: parameters.shape, scale: parameters.scale });
      return [Math.log(parameters.shape!), Math.log(parameters.scale!)];
    });
    const p = [fit.parameters.shape!, fit.parameters.scale!];
    const c = fit.covariance!.matrix;
    // Covariance of (ln shape, ln scale): the natural one divided by p_i p_j.
    const want = [0, 1].map((i) => [0, 1].map((j) => c[i]![j]! / (p[i]! * p[j]!)));
    const mean = [0, 1].map((i) => u.reduce((s, x) => s + x[i]!, 0) / n);
    const cov = [0, 1].map((i) =>
      [0, 1].map(
        (j) => u.reduce((s, x) => s + (x[i]! - mean[i]!) * (x[j]! - mean[j]!), 0) / (n - 1),
      ),
    );
    for (const i of [0, 1]) {
      // Mean: 5 standard errors √(σ²/n); variance: 5 standard errors σ²√(2/n) (normal).
      const sd = Math.sqrt(want[i]![i]!);
      expect(Math.abs(mean[i]! - Math.log(p[i]!))).toBeLessThan((5 * sd) / Math.sqrt(n));
      expect(Math.abs(cov[i]![i]! / want[i]![i]! - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    }
    // Correlation: standard error (1 − ρ²)/√n.
    const rho = want[0]![1]! / Math.sqrt(want[0]![0]! * want[1]![1]!);
    const got = cov[0]![1]! / Math.sqrt(cov[0]![0]! * cov[1]![1]!);
    expect(Math.abs(got - rho)).toBeLessThan((5 * (1 - rho * rho)) / Math.sqrt(n));
    // Power: the correlation is large enough that ignoring it would fail the check above.
    expect(Math.abs(rho)).toBeGreaterThan((10 * (1 - rho * rho)) / Math.sqrt(n));
  });

  it('draws a normal fit’s mean on the linear scale and its sd on the log scale', () => {
    const fit = fitLifeData(read('bearings.csv'), 'normal');
    const draw = fitParameterSampler(fit);
    const rng = replicationRng(1, 0);
    const draws = Array.from({ length: 2000 }, () => draw(rng).parameters);
    expect(draws.every((p) => p.sd! > 0)).toBe(true);
    const sdMean = Math.sqrt(fit.covariance!.matrix[0]![0]!);
    const mean = draws.reduce((s, p) => s + p.mean!, 0) / draws.length;
    expect(Math.abs(mean - fit.parameters.mean!)).toBeLessThan((5 * sdMean) / Math.sqrt(2000));
  });

  it('holds a location without a bound at its estimate', () => {
    const fit = fitLifeData(read('bearings.csv'), 'exponential-2p');
    expect(fit.ci95.location).toBeNull();
    const draw = fitParameterSampler(fit);
    const rng = replicationRng(1, 0);
    for (let i = 0; i < 10; i++) {
      const { parameters, law } = draw(rng);
      expect(parameters.location).toBe(fit.parameters.location);
      expect(law).toMatchObject({ dist: 'weibull', shape: 1, location: fit.parameters.location });
    }
  });

  it('sets a drawn location below 0 to 0, and says so', () => {
    // Shock absorbers, 3-parameter Weibull: location 1732 with a standard error near 10 300.
    const fit = fitLifeData(read('shock-absorbers.csv'), 'weibull-3p');
    const location = fit.parameters.location!;
    const se = Math.sqrt(fit.covariance!.matrix[2]![2]!);
    const draw = fitParameterSampler(fit);
    const rng = replicationRng(2, 0);
    const n = 4000;
    let clipped = 0;
    for (let i = 0; i < n; i++) {
      const drawn = draw(rng);
      if (drawn.clipped) {
        clipped++;
        expect(drawn.parameters.location).toBe(0);
        expect(drawn.law).not.toHaveProperty('location');
      } else expect(drawn.parameters.location).toBeGreaterThanOrEqual(0);
    }
    // P(location* < 0) = Φ(−γ̂/se); 5 binomial standard errors.
    const p = normalCdf(-location / se);
    expect(Math.abs(clipped / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
  });

  it('refuses a fit without a covariance, and a family the format lacks', () => {
    const fit = fitLifeData(read('bearings.csv'), 'weibull');
    expect(() => fitParameterSampler({ ...fit, covariance: null })).toThrow(/have a covariance/);
    const gumbel = fitLifeData(read('bearings.csv'), 'gumbel');
    const draw = fitParameterSampler(gumbel);
    expect(() => draw(replicationRng(1, 0))).toThrow(/no Gumbel/);
  });
});
