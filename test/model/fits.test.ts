/**
 * Laws fitted from life data in a model (`failure: { fit: FILE, dist: FAMILY }`): the estimates
 * of `fitLifeData` become the law, recorded with their bounds in `model.fits`; every mistake
 * (no reader, an unreadable or bad file, a family the format lacks, other keys) is located.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, fitLifeData, loadModel, logGamma, parseLifeData } from '../../src/index.js';
import { relkit, requireBuiltCli, scratch } from '../helpers/cli.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { modelErrorsOf } from '../helpers/modelErrors.js';

const DATA = join(import.meta.dirname, '../fit/data');
const readData = (file: string): string => readFileSync(join(DATA, file), 'utf8');

const PAIR = `name: absorber pair
components:
  absorber: { count: 2, failure: { fit: shock-absorbers.csv, dist: weibull } }
system: { parallel: [absorber] }
`;

describe('laws fitted from life data', () => {
  it('uses the maximum-likelihood estimates and records the fit', () => {
    const model = loadModel(PAIR, { readData });
    const fit = fitLifeData(parseLifeData(readData('shock-absorbers.csv')), 'weibull');
    expect(model.components[0]?.failure).toEqual(fit.failure);
    expect(model.fits).toEqual([
      {
        path: 'components.absorber.failure',
        file: 'shock-absorbers.csv',
        dist: 'weibull',
        law: fit.failure,
        parameters: fit.parameters,
        ci95: fit.ci95,
        covariance: fit.covariance,
        n: fit.n,
      },
    ]);
    // Published: η = 27718.72 (Meeker & Escobar); one unit's MTTF is η Γ(1 + 1/β).
    expectRelClose(fit.parameters.scale, 27718.72, 1e-6, 'scale');
    const single = loadModel(
      PAIR.replace('count: 2, ', '').replace('parallel: [absorber]', 'series: [absorber]'),
      {
        readData,
      },
    );
    const { shape, scale } = fit.parameters as { shape: number; scale: number };
    expectRelClose(
      analyze(single).measures.mttf as number,
      scale * Math.exp(logGamma(1 + 1 / shape)),
      1e-9,
      'MTTF',
    );
  });

  it('keeps a component named __proto__ (found by the fault-tree differential test)', () => {
    const model = loadModel(PAIR.replace(/absorber(?!s)/g, '__proto__').replace('count: 2, ', ''), {
      readData,
    });
    expect(model.components.map((c) => c.name)).toEqual(['__proto__']);
  });

  it('locates every mistake', () => {
    const errorsOf = (text: string, withReader = true): string =>
      modelErrorsOf(text, { file: 'm.yaml', ...(withReader && { readData }) }).join('\n');
    expect(errorsOf(PAIR, false)).toMatch(
      /m\.yaml:3:\d+: components\.absorber\.failure\.fit reads life data from "shock-absorbers\.csv", and no data file can be read here/,
    );
    expect(errorsOf(PAIR.replace('shock-absorbers.csv', 'nope.csv'))).toMatch(
      /components\.absorber\.failure\.fit cannot read "nope\.csv"/,
    );
    expect(errorsOf(PAIR.replace('dist: weibull', 'dist: gumbel'))).toMatch(
      /components\.absorber\.failure\.dist gumbel has no law in the model format/,
    );
    expect(errorsOf(PAIR.replace('dist: weibull', 'dist: weibul'))).toMatch(
      /failure\.dist must be one of .*; got "weibul"; did you mean "weibull"\?/,
    );
    expect(errorsOf(PAIR.replace('dist: weibull', 'dist: weibull, shape: 2'))).toMatch(
      /failure\.shape is not a known key \(expected one of fit, dist\)/,
    );
    const bad = (file: string): string =>
      modelErrorsOf(PAIR.replace('shock-absorbers.csv', 'bad.csv'), {
        file: 'm.yaml',
        readData: () => file,
      }).join('\n');
    expect(bad('time,status\n10,F\n-3,F\n')).toMatch(/failure\.fit "bad\.csv": bad\.csv:3:1: /);
    expect(bad('time,status\n10,S\n20,S\n')).toMatch(
      /failure\.fit "bad\.csv": bad\.csv: a fit needs at least one failure/,
    );
    // A refusal of the fit reads as one of the data, without the library function's name.
    expect(bad('time,status\n10,F\n20,S\n')).toMatch(
      /failure\.fit "bad\.csv": weibull data must hold at least 2 failed units .*; got 1$/m,
    );
  });

  it('the CLI reads the data beside the model file', () => {
    requireBuiltCli();
    const model = scratch('pair.yaml', PAIR);
    const csv = join(model, '..', 'shock-absorbers.csv');
    writeFileSync(csv, readData('shock-absorbers.csv'));
    const run = relkit('analyze', model, '--json');
    expect(run.status, run.stderr).toBe(0);
    const exact = analyze(loadModel(PAIR, { readData })).measures.mttf as number;
    expectRelClose(
      (JSON.parse(run.stdout) as { measures: { mttf: number } }).measures.mttf,
      exact,
      1e-12,
    );
  });
});
