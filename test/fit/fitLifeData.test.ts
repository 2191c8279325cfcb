/**
 * Maximum-likelihood fits against independent references: R's survival::survreg (analytic
 * Newton–Raphson and its own information matrix) for the location-scale families, R's
 * dgamma/pgamma with fitdistrplus as a check for the gamma, optimize() over survreg profile
 * fits for the location of the 2P/3P families (test/reference/life_fit_reference.R; the numbers
 * are in lifeFitReference.ts with R's and the packages' versions).
 *
 * Data (test/fit/data, each file citing its source): ball bearings (complete; Lieblein and Zelen
 * 1956), shock absorbers (right-censored; Meeker and Escobar 1998, App. C), salinity (exact,
 * interval and right-censored; fitdistrplus), inspection (grouped counts, left- and
 * interval-censored, exact, right-censored).
 *
 * Tolerances: parameters 1e-6 relative, log-likelihood 1e-8 absolute, Fisher and
 * likelihood-ratio bounds 1e-4 relative (the R likelihood-ratio bounds: uniroot on the profile,
 * the other parameter by optimize), B10 and R(t) 1e-6 with their delta-method bounds 1e-4 (R:
 * predict.survreg's quantile standard errors, an analytic gradient for logit R), Anderson–Darling 1e-6 relative (complete data, against the classic sum form).
 * Measured: parameters within 7e-8, log-likelihoods within 6e-13, bounds within 1.5e-6,
 * Anderson–Darling within 4e-10.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distributionFromSpec } from '../../src/distributions/registry.js';
import { FIT_FAMILIES, FIT_FAMILY_NAMES, type FitFamilyName } from '../../src/fit/families.js';
import { fitLifeData, rankLifeFits } from '../../src/fit/fitLifeData.js';
import { lifeDataFrom, parseLifeData } from '../../src/fit/lifeData.js';
import { LIFE_FIT_REFERENCE } from './lifeFitReference.js';
import { SCIPY_BEARINGS } from './scipyReference.js';

const DATA = join(import.meta.dirname, 'data');

function expectRelative(actual: number, expected: number, tolerance: number, what: string): void {
  const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  expect(error, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

interface Reference {
  readonly parameters: Readonly<Record<string, number>>;
  readonly ci95: Readonly<Record<string, readonly [number, number] | null>>;
  readonly logLikelihood: number;
  /** survreg families: B10 (predict uquantile) and R(t) (delta method on logit R). */
  readonly b10?: { readonly value: number; readonly ci95: readonly [number, number] };
  readonly reliability?: {
    readonly t: number;
    readonly value: number;
    readonly ci95: readonly [number, number];
  };
  /** Likelihood-ratio 95 % bounds (families without a location). */
  readonly lr95?: Readonly<Record<string, readonly [number, number]>>;
  /** Complete data only: the classic A² (null where it is infinite). */
  readonly ad?: number | null;
}

describe('fitLifeData against R (survreg, fitdistrplus)', () => {
  for (const [set, families] of Object.entries(LIFE_FIT_REFERENCE)) {
    const data = parseLifeData(readFileSync(join(DATA, `${set}.csv`), 'utf8'), `${set}.csv`);
    for (const name of FIT_FAMILY_NAMES) {
      it(`${set}: ${name}`, () => {
        const reference = (families as Record<string, Reference>)[name]!;
        const fit = fitLifeData(data, name, {
          likelihoodRatio: reference.lr95 !== undefined,
          ...(reference.reliability ? { at: [reference.reliability.t] } : {}),
        });
        for (const [what, expected, actual] of [
          ['B10', reference.b10, fit.b10],
          ['R(t)', reference.reliability, fit.reliability?.[0]],
        ] as const) {
          if (expected === undefined) continue;
          expectRelative(actual!.value, expected.value, 1e-6, what);
          expectRelative(actual!.ci95![0], expected.ci95[0], 1e-4, `${what} lower`);
          expectRelative(actual!.ci95![1], expected.ci95[1], 1e-4, `${what} upper`);
        }
        expect(fit.convergence.converged, fit.convergence.message).toBe(true);
        for (const [parameter, bounds] of Object.entries(reference.lr95 ?? {})) {
          expectRelative(fit.lr95![parameter]![0], bounds[0], 1e-4, `${parameter} LR lower`);
          expectRelative(fit.lr95![parameter]![1], bounds[1], 1e-4, `${parameter} LR upper`);
        }
        expect(Object.keys(fit.parameters)).toEqual(Object.keys(reference.parameters));
        for (const [parameter, value] of Object.entries(reference.parameters)) {
          expectRelative(fit.parameters[parameter]!, value, 1e-6, parameter);
        }
        expect(Math.abs(fit.logLikelihood - reference.logLikelihood)).toBeLessThanOrEqual(1e-8);
        for (const [parameter, bounds] of Object.entries(reference.ci95)) {
          const actual = fit.ci95[parameter];
          if (bounds === null) {
            expect(actual, parameter).toBeNull();
            continue;
          }
          expect(actual, parameter).not.toBeNull();
          expectRelative(actual![0], bounds[0], 1e-4, `${parameter} lower`);
          expectRelative(actual![1], bounds[1], 1e-4, `${parameter} upper`);
        }
        if (reference.ad === null) expect(fit.ad).toBeNull();
        else if (reference.ad !== undefined) expectRelative(fit.ad!, reference.ad, 1e-6, 'ad');
      });
    }
  }
});

describe('fitLifeData against published fits', () => {
  const read = (set: string) =>
    parseLifeData(readFileSync(join(DATA, `${set}.csv`), 'utf8'), `${set}.csv`);

  it('ball bearings, Weibull: shape 2.102, scale 81.88 (Lawless 2003, Example 5.2.2)', () => {
    const fit = fitLifeData(read('bearings'), 'weibull');
    expect(fit.parameters.shape!.toFixed(3)).toBe('2.102');
    expect(fit.parameters.scale!.toFixed(2)).toBe('81.88');
  });

  it('shock absorbers, Weibull: eta 27718.72 [22347.77, 34380.49], beta 3.16 (Meeker and Escobar 1998, as printed by their SPLIDA)', () => {
    const fit = fitLifeData(read('shock-absorbers'), 'weibull');
    expect(fit.parameters.scale!.toFixed(2)).toBe('27718.72');
    expect(fit.parameters.shape!.toFixed(2)).toBe('3.16');
    expect(fit.ci95.scale!.map((x) => x.toFixed(2))).toEqual(['22347.77', '34380.49']);
    expect(Math.sqrt(fit.covariance!.matrix[1]![1]!).toFixed(2)).toBe('3046.02');
  });
});

describe('fitLifeData results', () => {
  const bearings = parseLifeData(readFileSync(join(DATA, 'bearings.csv'), 'utf8'));

  it('gives a ready model block, or says why there is none', () => {
    expect(fitLifeData(bearings, 'weibull').failure).toEqual({
      dist: 'weibull',
      shape: expect.closeTo(2.102, 3),
      scale: expect.closeTo(81.878, 3),
    });
    const threeP = fitLifeData(bearings, 'weibull-3p');
    expect(threeP.failure).toMatchObject({ dist: 'weibull', location: threeP.parameters.location });
    expect(fitLifeData(bearings, 'exponential-2p').failure).toMatchObject({
      dist: 'weibull',
      shape: 1,
    });
    const gumbel = fitLifeData(bearings, 'gumbel');
    expect(gumbel.failure).toBeNull();
    expect(gumbel.notes).toContain('failure: none, the model format has no Gumbel family');
    expect(fitLifeData(bearings, 'normal').notes.join()).toMatch(/truncated at 0/);
  });

  it("gives failure blocks that the model format's registry reads as the fitted law", () => {
    // The normal is left out: the model format's normal is truncated at 0 (a note says so).
    for (const name of FIT_FAMILY_NAMES.filter((family) => family !== 'normal')) {
      const fit = fitLifeData(bearings, name);
      if (fit.failure === null) continue;
      const law = distributionFromSpec(fit.failure);
      const family = FIT_FAMILIES[name];
      const p = family.parameters.map((parameter) => fit.parameters[parameter]!);
      const location = fit.parameters.location ?? 0;
      for (const t of [20, 50, 100, 150]) {
        const expected = Math.exp(family.logCdf(t - location, p));
        expect(Math.abs(law.cdf(t) - expected), `${name} at ${t}`).toBeLessThanOrEqual(1e-13);
      }
    }
  });

  it('reports the exponential-2p location at the first failure without a bound, and ad as null', () => {
    const fit = fitLifeData(bearings, 'exponential-2p');
    expect(fit.parameters.location).toBe(17.88);
    expect(fit.ci95.location).toBeNull();
    expect(fit.ad).toBeNull();
    expect(fit.convergence.converged).toBe(true);
  });

  it('refuses a 3P Weibull whose likelihood rises to the first failure (shape < 1)', () => {
    // Early failures crowding after a gap: the profile has no interior maximum.
    const data = lifeDataFrom(
      [10, 10.01, 10.03, 10.1, 10.3, 11, 13, 20, 40, 90].map((time) => ({
        kind: 'failure' as const,
        time,
      })),
    );
    const fit = fitLifeData(data, 'weibull-3p');
    expect(fit.convergence.converged).toBe(false);
    expect(fit.convergence.message).toMatch(/no maximum inside/);
    expect(fit.ci95.shape).toBeNull();
    expect(fit.covariance).toBeNull();
  });

  it('reports, without throwing, data that have no maximum (identical failure times)', () => {
    const data = lifeDataFrom([5, 5, 5].map((time) => ({ kind: 'failure' as const, time })));
    const ranking = rankLifeFits(data);
    expect(ranking.fits[0]!.dist).toBe('exponential');
    expect(ranking.fits[0]!.convergence.converged).toBe(true);
    const normal = ranking.fits.find((fit) => fit.dist === 'normal')!;
    expect(normal.convergence.converged).toBe(false);
    expect(normal.ci95).toEqual({ mean: null, sd: null });
    // No law to paste into a model: the figures of an unconverged fit are not estimates.
    expect(normal.failure).toBeNull();
    expect(normal.notes.join('\n')).toMatch(/failure: none, the maximisation did not converge/);
  });

  it('needs as many failed units as parameters', () => {
    const data = lifeDataFrom([
      { kind: 'failure', time: 5 },
      { kind: 'suspension', time: 9 },
    ]);
    expect(() => fitLifeData(data, 'weibull')).toThrow(
      'fitLifeData: weibull data must hold at least 2 failed units',
    );
    expect(fitLifeData(data, 'exponential').parameters.rate).toBeCloseTo(1 / 14, 12);
  });

  it('ranks every family by AICc and says which it skipped', () => {
    const ranking = rankLifeFits(bearings);
    expect(ranking.fits.map((fit) => fit.dist).slice(0, 2)).toEqual(['gamma', 'lognormal']);
    const aicc = ranking.fits.map((fit) => fit.aicc!);
    expect([...aicc].sort((a, b) => a - b)).toEqual(aicc);
    expect(ranking.skipped).toEqual([]);
    const two = lifeDataFrom([
      { kind: 'failure', time: 5 },
      { kind: 'failure', time: 7 },
    ]);
    expect(rankLifeFits(two).skipped.map((s) => s.dist)).toEqual(['weibull-3p']);
  });
});

describe('fitLifeData against scipy (complete data)', () => {
  // test/reference/life_fit_reference.py: likelihood equations solved by scipy's root finders,
  // Nelder–Mead for the log-logistic and Gumbel. Tolerances as above.
  const data = parseLifeData(readFileSync(join(DATA, 'bearings.csv'), 'utf8'));
  for (const [name, reference] of Object.entries(SCIPY_BEARINGS)) {
    it(`bearings: ${name}`, () => {
      const fit = fitLifeData(data, name as FitFamilyName);
      for (const [parameter, value] of Object.entries(reference.parameters)) {
        expectRelative(fit.parameters[parameter]!, value, 1e-6, parameter);
      }
      expect(Math.abs(fit.logLikelihood - reference.logLikelihood)).toBeLessThanOrEqual(1e-8);
    });
  }
});
