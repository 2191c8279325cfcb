/** The real binary: relkit fit, its JSON contract, ranking, and located data errors. */
import { beforeAll, describe, expect, it } from 'vitest';
import { relkit, requireBuiltCli, scratch } from '../helpers/cli.js';

beforeAll(requireBuiltCli);

describe('relkit fit', () => {
  it('prints the JSON contract of one fit, with a ready failure block', () => {
    const { status, stdout, stderr } = relkit(
      'fit',
      'test/fit/data/shock-absorbers.csv',
      '--dist',
      'weibull',
      '--json',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const fit = JSON.parse(stdout);
    expect(Object.keys(fit)).toEqual([
      'dist',
      'method',
      'parameters',
      'ci95',
      'covariance',
      'logLikelihood',
      'aicc',
      'bic',
      'ad',
      'n',
      'failure',
      'b10',
      'mean',
      'convergence',
      'notes',
    ]);
    expect(fit.dist).toBe('weibull');
    expect(fit.parameters.scale).toBeCloseTo(27718.72, 2);
    expect(fit.ci95.scale[0]).toBeCloseTo(22347.77, 2);
    expect(fit.n).toEqual({ failures: 11, suspensions: 27, intervals: 0 });
    expect(fit.failure).toEqual({
      dist: 'weibull',
      shape: fit.parameters.shape,
      scale: fit.parameters.scale,
    });
    expect(fit.convergence.converged).toBe(true);
  });

  it('--method rank-regression gives the regression line without bounds, and says why it refuses', () => {
    const ok = relkit(
      'fit',
      'test/fit/data/shock-absorbers.csv',
      '--dist',
      'weibull',
      '--method',
      'rank-regression',
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(
      /weibull \(rank regression on median ranks; no bounds\)\n {2}shape {2}2\.75326527\d* {2}\(no bound\)/,
    );
    const gamma = relkit(
      'fit',
      'test/fit/data/shock-absorbers.csv',
      '--dist',
      'gamma',
      '--method',
      'rank-regression',
    );
    expect(gamma.status).toBe(1);
    expect(gamma.stderr).toMatch(
      /^relkit: --dist must be one of weibull, lognormal, normal, loglogistic, gumbel for rank regression/,
    );
    const bad = relkit('fit', 'test/fit/data/shock-absorbers.csv', '--method', 'rrx');
    expect(bad.status).toBe(64);
    expect(bad.stderr).toMatch(/--method must be maximum-likelihood or rank-regression; got "rrx"/);
  });

  it('ranks every family by default, and in JSON', () => {
    const text = relkit('fit', 'test/fit/data/bearings.csv');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(
      /^test\/fit\/data\/bearings.csv: 23 failures, 0 suspensions, 0 in intervals\n/,
    );
    expect(text.stdout).toMatch(/\n1 +gamma +-113\.029281372/);
    const ranking = JSON.parse(relkit('fit', 'test/fit/data/bearings.csv', '--json').stdout);
    expect(ranking.rankedBy).toBe('aicc');
    expect(ranking.fits).toHaveLength(9);
    expect(ranking.skipped).toEqual([]);
  });

  it('locates bad rows and exits 1, without a stack trace', () => {
    const path = scratch('bad.csv', 'time,status,time_hi\n5,F,\n-2,F,\n7,F,3\n');
    const { status, stderr } = relkit('fit', path);
    expect(status).toBe(1);
    expect(stderr).toBe(
      `relkit: ${path}:3:1: time: expected a finite time ≥ 0; got -2\n${path}:4:5: time_hi: expected a finite end ≥ time (7); got 3\n`,
    );
  });

  it('refuses data without a failure, and an unknown family', () => {
    const path = scratch('suspended.csv', 'time,status\n5,S\n6,S\n');
    expect(relkit('fit', path).stderr).toBe(
      `relkit: ${path}: a fit needs at least one failure (an F row or an interval); got 2 suspensions only\n`,
    );
    const unknown = relkit('fit', 'test/fit/data/bearings.csv', '--dist', 'weibul');
    expect(unknown.status).toBe(64);
    expect(unknown.stderr).toMatch(/^relkit: --dist must be all or one of exponential, /);
  });

  it('--nonparametric prints Kaplan–Meier and Nelson–Aalen, and refuses intervals', () => {
    const json = JSON.parse(
      relkit('fit', 'test/fit/data/shock-absorbers.csv', '--nonparametric', '--json').stdout,
    );
    expect(json.nonParametric).toHaveLength(11);
    expect(json.nonParametric[0]).toEqual({
      time: 6700,
      atRisk: 38,
      failures: 1,
      reliability: 37 / 38,
      reliabilityCi95: [expect.closeTo(0.92409666242619, 12), 1],
      cumulativeHazard: 1 / 38,
      cumulativeHazardCi95: [
        expect.closeTo(0.00370693405508467, 14),
        expect.closeTo(0.186817668006088, 12),
      ],
    });
    const intervals = relkit('fit', 'test/fit/data/inspection.csv', '--nonparametric');
    expect(intervals.status).toBe(1);
    expect(intervals.stderr).toMatch(/Turnbull estimate for intervals is not provided/);
    expect(
      relkit('fit', 'test/fit/data/bearings.csv', '--nonparametric', '--dist', 'weibull').status,
    ).toBe(64);
  });

  it('--lr adds likelihood-ratio bounds', () => {
    const fit = JSON.parse(
      relkit('fit', 'test/fit/data/bearings.csv', '--dist', 'weibull', '--lr', '--json').stdout,
    );
    // test/fit/lifeFitReference.ts (R: uniroot on the profile likelihood).
    expect(fit.lr95.shape[0]).toBeCloseTo(1.50414615972767, 9);
    expect(fit.lr95.scale[1]).toBeCloseTo(100.875405515061, 7);
    expect(relkit('fit', 'test/fit/data/bearings.csv', '--dist', 'weibull', '--lr').stdout).toMatch(
      /shape +2\.10205887\d+ +\(1\.547\d+ to 2\.855\d+\) +LR \(1\.504\d+ to 2\.791\d+\)/,
    );
  });

  it('--at adds R(t) with bounds; every fit has B10', () => {
    const fit = JSON.parse(
      relkit('fit', 'test/fit/data/bearings.csv', '--dist', 'weibull', '--at', '50', '--json')
        .stdout,
    );
    // test/fit/lifeFitReference.ts (R: predict.survreg and the delta method on logit R).
    expect(fit.b10.value).toBeCloseTo(28.069414010705, 8);
    expect(fit.b10.ci95[0]).toBeCloseTo(18.0601031046225, 6);
    expect(fit.reliability).toHaveLength(1);
    expect(fit.reliability[0].t).toBe(50);
    expect(fit.reliability[0].value).toBeCloseTo(0.701452609137551, 9);
    expect(fit.reliability[0].ci95[1]).toBeCloseTo(0.829931038992099, 7);
    expect(relkit('fit', 'test/fit/data/bearings.csv', '--at', 'x').status).toBe(64);
    const negative = relkit('fit', 'test/fit/data/bearings.csv', '--at=-5');
    expect(negative.status).toBe(1);
    expect(negative.stderr).toBe('relkit: --at must hold finite times >= 0; got -5\n');
  });

  it('says in its own words that a family needs more failures than the data hold', () => {
    const path = scratch('one.csv', 'time,status\n10,F\n20,S\n');
    const run = relkit('fit', path, '--dist', 'weibull');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `relkit: ${path}: weibull data must hold at least 2 failed units (exact or interval) for 2 parameters; got 1\n`,
    );
  });
});
