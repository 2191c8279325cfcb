/**
 * Rank regression (RRX) as a fitting method: the least-squares line of the failure times on
 * their median ranks, against test/reference/rank_regression_reference.py (Johnson's ranks with
 * exact fractions, numpy's least squares, scipy's quantiles), and its refusals.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitLifeData, parseLifeData, ParameterError, rankLifeFits } from '../../src/index.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Output of test/reference/rank_regression_reference.py.
const RANK_REGRESSION = {
  'shock-absorbers': {
    weibull: { shape: 2.7532652797687787, scale: 28554.795629434862 },
    gumbel: { mu: 26104.595446821899, sigma: 5472.6243850528072 },
    lognormal: { mu: 10.148595626092867, sigma: 0.58176169525581167 },
    normal: { mean: 24633.413319652798, sd: 9014.1188487689287 },
    loglogistic: { shape: 3.1147711094871182, scale: 25188.760459518508 },
  },
  bearings: {
    weibull: { shape: 2.2478925550254196, scale: 80.972351788531313 },
    gumbel: { mu: 87.834285231719306, sigma: 28.500558755353609 },
    lognormal: { mu: 4.1504544938938315, sigma: 0.55452375511630791 },
    normal: { mean: 72.224347826086955, sd: 37.842495835608474 },
    loglogistic: { shape: 3.1495617917560983, scale: 63.462837216525401 },
  },
} as const;

const read = (name: string) =>
  parseLifeData(readFileSync(join(__dirname, 'data', `${name}.csv`), 'utf8'), `${name}.csv`);

describe('fitLifeData with method rank-regression', () => {
  for (const [data, fits] of Object.entries(RANK_REGRESSION)) {
    for (const [dist, expected] of Object.entries(fits)) {
      it(`fits ${dist} to ${data} as the reference's least-squares line (1e-12)`, () => {
        const fit = fitLifeData(read(data), dist as keyof typeof fits, {
          method: 'rank-regression',
        });
        expect(fit.method).toBe('rank-regression');
        for (const [name, value] of Object.entries(expected as Record<string, number>)) {
          expectRelClose(fit.parameters[name]!, value, 1e-12);
          expect(fit.ci95[name]).toBeNull();
        }
        expect(fit.covariance).toBeNull();
        // The model format has no gumbel or log-logistic law: those fits give no failure: block.
        expect(fit.failure === null).toBe(dist === 'gumbel' || dist === 'loglogistic');
        expect(fit.notes.join('\n')).toMatch(/estimates only, no bounds/);
      });
    }
  }

  it('differs from maximum likelihood on censored data (the methods are not the same)', () => {
    const data = read('shock-absorbers');
    const ml = fitLifeData(data, 'weibull');
    const rr = fitLifeData(data, 'weibull', { method: 'rank-regression' });
    expect(ml.method).toBe('maximum-likelihood');
    expect(Math.abs(rr.parameters.shape! / ml.parameters.shape! - 1)).toBeGreaterThan(0.1);
    expect(rr.logLikelihood).toBeLessThan(ml.logLikelihood);
  });

  it('refuses families not straight on their paper, interval data and a single failure time', () => {
    const options = { method: 'rank-regression' } as const;
    expect(() => fitLifeData(read('bearings'), 'gamma', options)).toThrow(ParameterError);
    expect(() => fitLifeData(read('inspection'), 'weibull', options)).toThrow(
      /exact failures and suspensions only for rank regression/,
    );
    const twins = parseLifeData('time,status\n5,F\n5,F\n9,S\n');
    expect(() => fitLifeData(twins, 'weibull', options)).toThrow(/two or more distinct times/);
    expect(() => fitLifeData(twins, 'weibull', { method: 'least-squares' as never })).toThrow(
      /method must be maximum-likelihood or rank-regression/,
    );
  });

  it('ranks the straight-line families and lists the others as skipped, with the reason', () => {
    const ranking = rankLifeFits(read('bearings'), undefined, { method: 'rank-regression' });
    expect(ranking.fits.map((fit) => fit.dist).sort()).toEqual(
      ['gumbel', 'loglogistic', 'lognormal', 'normal', 'weibull'].sort(),
    );
    expect(ranking.skipped.map((entry) => entry.dist)).toEqual([
      'exponential',
      'exponential-2p',
      'weibull-3p',
      'gamma',
    ]);
  });
});

describe('rank regression ranks every unit of a grouped row', () => {
  it('gives the same line for a grouped file and the same units one per row', () => {
    const grouped = parseLifeData('time,status,count\n100,F,5\n200,F,5\n400,F,5\n150,S,2\n');
    const rows = ['time,status', ...[100, 200, 400].flatMap((t) => Array(5).fill(`${t},F`))];
    const expanded = parseLifeData([...rows, '150,S', '150,S'].join('\n'));
    const options = { method: 'rank-regression' } as const;
    const a = fitLifeData(grouped, 'weibull', options).parameters;
    const b = fitLifeData(expanded, 'weibull', options).parameters;
    expectRelClose(a.shape!, b.shape!, 1e-12);
    expectRelClose(a.scale!, b.scale!, 1e-12);
  });
});
