/**
 * sweepParameter and tornado on a parsed model: each point equals loading the text with the
 * override; the tornado's rules (probabilities capped at 1, counts rounded and moved by at least
 * 1, largest swing first, null where the model is invalid).
 */
import { describe, expect, it } from 'vitest';
import {
  analyze,
  loadModel,
  ModelError,
  ParameterError,
  parseModel,
  sweepParameter,
  tornado,
  type Model,
} from '../../src/index.js';

const TEXT = `name: spares
parameters: { m: 1000, c: 0.9, n: 3, mu: 1 / m }
components:
  a: { count: n, failure: { mtbf: m }, coverage: c }
system: { koon: { k: 1, of: a } }
`;
const template = parseModel(TEXT);
const mttf = (model: Model): number => analyze(model).measures.mttf as number;

describe('sweepParameter', () => {
  it('solves the model at each value as if the file said so, the other overrides held', () => {
    const values = [500, 1000, 2000];
    const swept = sweepParameter(template, 'm', values, (model, value) => [value, mttf(model)], {
      overrides: { n: 2 },
    });
    expect(swept).toEqual(
      values.map((m) => [m, mttf(loadModel(TEXT, { overrides: { n: 2, m } }))]),
    );
  });

  it('throws the ModelError of an invalid point, or gives onInvalid’s value', () => {
    expect(() => sweepParameter(template, 'c', [0.5, 1.5], mttf)).toThrow(ModelError);
    const y = sweepParameter<number | string>(template, 'c', [0.5, 1.5], mttf, {
      onInvalid: (error, value) => `${value}: ${error.issues[0]!.path}`,
    });
    expect(y[0]).toBe(mttf(loadModel(TEXT, { overrides: { c: 0.5 } })));
    expect(y[1]).toBe('1.5: components.a.coverage');
  });

  it('refuses a name that is not a parameter, listing those that are', () => {
    expect(() => sweepParameter(template, 'x', [1], mttf)).toThrow(
      'sweepParameter: name must be a parameter of the model (m, c, n, mu); got "x"',
    );
    expect(() => sweepParameter(template, 'toString', [1], mttf)).toThrow(ParameterError);
  });
});

describe('tornado', () => {
  it('moves each parameter ± percent, caps probabilities at 1, moves counts by at least 1', () => {
    const rows = tornado(
      template,
      [
        { name: 'm', value: 1000 },
        { name: 'c', value: 0.9, kind: 'probability' },
        { name: 'n', value: 3, kind: 'integer' },
      ],
      20,
      mttf,
    );
    const byName = Object.fromEntries(rows.map((row) => [row.parameter, row]));
    expect(byName.m).toMatchObject({ lowValue: 800, highValue: 1200 });
    expect(byName.c).toMatchObject({ lowValue: 0.9 * 0.8, highValue: 1 });
    // 3 × 0.8 = 2.4 rounds to 2; 3 × 1.2 = 3.6 rounds to 4.
    expect(byName.n).toMatchObject({ lowValue: 2, highValue: 4 });
    for (const row of rows) {
      const at = (value: number) =>
        mttf(loadModel(TEXT, { overrides: { [row.parameter]: value } }));
      expect(row.low).toBe(at(row.lowValue));
      expect(row.high).toBe(at(row.highValue));
    }
    const swings = rows.map((row) => Math.abs(row.high! - row.low!));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });

  it('moves a small count by 1 each way, and from the scenario’s values', () => {
    const [row] = tornado(template, [{ name: 'n', value: 2, kind: 'integer' }], 10, mttf, {
      overrides: { m: 500, n: 2 },
    });
    expect(row).toMatchObject({ lowValue: 1, highValue: 3 });
    expect(row!.high).toBe(mttf(loadModel(TEXT, { overrides: { m: 500, n: 3 } })));
  });

  it('gives null where the model is invalid and puts such rows last', () => {
    const rows = tornado(
      template,
      [
        { name: 'c', value: 0.9 },
        { name: 'm', value: 1000 },
      ],
      50,
      mttf,
    );
    expect(rows.map((row) => row.parameter)).toEqual(['m', 'c']);
    expect(rows[1]).toMatchObject({ highValue: 0.9 * 1.5, high: null });
    expect(rows[1]!.low).toBe(mttf(loadModel(TEXT, { overrides: { c: 0.45 } })));
  });

  it('refuses a percent outside (0, 100] and a non-finite value', () => {
    expect(() => tornado(template, [], 0, mttf)).toThrow(ParameterError);
    expect(() => tornado(template, [], 101, mttf)).toThrow(
      'tornado: percent must be a number in (0, 100]; got 101',
    );
    expect(() => tornado(template, [{ name: 'm', value: Number.NaN }], 10, mttf)).toThrow(
      ParameterError,
    );
  });
});
