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
 * Tolerances: parameters 1e-6 relative, log-likelihood 1e-8 absolute, Fisher bounds 1e-4
 * relative, Anderson–Darling 1e-6 relative (complete data, against the classic sum form).
 * Measured: parameters within 7e-8, log-likelihoods within 6e-13, bounds within 1.5e-6,
 * Anderson–Darling within 4e-10.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIT_FAMILY_NAMES } from '../../src/fit/families.js';
import { fitLifeData } from '../../src/fit/fitLifeData.js';
import { parseLifeData } from '../../src/fit/lifeData.js';
import { LIFE_FIT_REFERENCE } from './lifeFitReference.js';

const DATA = join(import.meta.dirname, 'data');

function expectRelative(actual: number, expected: number, tolerance: number, what: string): void {
  const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  expect(error, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

interface Reference {
  readonly parameters: Readonly<Record<string, number>>;
  readonly ci95: Readonly<Record<string, readonly [number, number] | null>>;
  readonly logLikelihood: number;
  /** Complete data only: the classic A² (null where it is infinite). */
  readonly ad?: number | null;
}

describe('fitLifeData against R (survreg, fitdistrplus)', () => {
  for (const [set, families] of Object.entries(LIFE_FIT_REFERENCE)) {
    const data = parseLifeData(readFileSync(join(DATA, `${set}.csv`), 'utf8'), `${set}.csv`);
    for (const name of FIT_FAMILY_NAMES) {
      it(`${set}: ${name}`, () => {
        const reference = (families as Record<string, Reference>)[name]!;
        const fit = fitLifeData(data, name);
        expect(fit.convergence.converged, fit.convergence.message).toBe(true);
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
