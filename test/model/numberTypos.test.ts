/**
 * Typos in numbers: mathjs reads a number followed by letters, or two factors side by side, as a
 * product, so `1e` was 1·e = 2.718 and `1e3e` was 1000·e, silently. Every such token is
 * refused with a hint, and multiplication is written with `*` (docs/model-format.md). Issue 14.
 */
import { describe, expect, it } from 'vitest';
import { ExpressionError, compileExpression } from '../../src/model/expression.js';
import { loadModel } from '../../src/model/loadModel.js';
import { modelErrorsOf } from '../helpers/modelErrors.js';

const values = new Map([
  ['x', 3],
  ['e1', 5],
  ['lambda_2', 7],
]);

describe('compileExpression on numbers', () => {
  it.each([
    ['1e3', 1000],
    ['1E3', 1000],
    ['2.5e-3', 0.0025],
    ['1e+2', 100],
    ['.5', 0.5],
    ['5.', 5],
    ['0x10', 16],
    ['2*e', 2 * Math.E],
    ['e^2', Math.E ** 2],
    ['2 * pi', 2 * Math.PI],
    ['e1', 5],
    ['2*e1', 10],
    ['2e1', 20],
    ['1e-3*x', 0.003],
    ['x*lambda_2', 21],
    ['(1 + x) * (2)', 8],
    ['-x^2', -9],
  ])('keeps %s = %d', (source, expected) => {
    expect(compileExpression(source).evaluate(values)).toBeCloseTo(expected, 12);
  });

  it.each([
    [
      '1e',
      /^is not a number; did you mean 1e3\? \(an exponent needs digits; to multiply by e, write 1\*e\)$/,
    ],
    [
      '1e3e',
      /^is not a number; did you mean 1e3\? \(a letter after a number; to multiply by e, write 1e3\*e\)$/,
    ],
    ['.5e', /^is not a number; did you mean \.5e3\?/],
    ['2E', /^is not a number; did you mean 2e3\?/],
    ['1e-', /^contains "1e", not a number; did you mean 1e3\?/],
    ['2*1e3e', /^contains "1e3e", not a number; did you mean 1e3\?/],
    ['1e3.5', /^is not a number \(an exponent is a whole number\)$/],
    ['1.2.3', /^is not a number$/],
    [
      '1y',
      /^is not a number: units are not accepted in numbers \(every time and rate is in the model's time_unit\); to multiply, write 1\*y$/,
    ],
    ['8760h', /^is not a number: units are not accepted in numbers/],
    ['2x', /^is not a number: units are not accepted in numbers .*write 2\*x$/],
    ['2e1x', /^is not a number: units are not accepted in numbers .*write 2e1\*x$/],
    ['1_000', /^is not a number; did you mean 1000\? \(numbers take no digit separators\)$/],
    ['1,000', /^is not a number; did you mean 1000\? \(numbers take no digit separators\)$/],
    ['1_0', /^is not a number; did you mean 10\? \(numbers take no digit separators\)$/],
    ['8 760', /^is not a number; did you mean 8760\? \(numbers take no digit separators\)$/],
  ])('refuses %s with a hint', (source, expected) => {
    expect(() => compileExpression(source)).toThrow(ExpressionError);
    expect(() => compileExpression(source)).toThrow(expected);
  });

  it.each([
    ['2 e', 'leaves out the * between 2 and e; write 2 * e'],
    ['2 pi', 'leaves out the * between 2 and pi; write 2 * pi'],
    ['2 x', 'leaves out the * between 2 and x; write 2 * x'],
    ['x e1', 'leaves out the * between x and e1; write x * e1'],
    ['2(x)', 'leaves out the * between 2 and (x); write 2 * (x)'],
    ['(x)(2)', 'leaves out the * between (x) and (2); write (x) * (2)'],
  ])('refuses the product without * %j', (source, message) => {
    expect(() => compileExpression(source)).toThrow(new ExpressionError(message));
  });

  it('names a refused construct before a product without *', () => {
    expect(() => compileExpression('cos.constructor("x")(1)')).toThrow(/^may not use/);
  });

  it('does not read numbers inside strings or comments', () => {
    expect(() => compileExpression('"1e"')).toThrow(/may not use the constant/);
    expect(compileExpression('2 # 1e').evaluate(values)).toBe(2);
  });
});

describe('loadModel on number typos', () => {
  const errorsOf = (text: string): string[] => modelErrorsOf(text, { file: 'n.yaml' });

  it('refuses rate: "1e" and mtbf: 1e3e, which were 2.718 and 2718', () => {
    expect(errorsOf('name: a\ncomponents:\n  c: { failure: { rate: "1e" } }\nsystem: c\n')).toEqual(
      [
        'n.yaml:3:25: components.c.failure.rate "1e" is not a number; did you mean 1e3? (an exponent needs digits; to multiply by e, write 1*e)',
      ],
    );
    expect(errorsOf('name: a\ncomponents:\n  c: { failure: { mtbf: 1e3e } }\nsystem: c\n')).toEqual(
      [
        'n.yaml:3:25: components.c.failure.mtbf "1e3e" is not a number; did you mean 1e3? (a letter after a number; to multiply by e, write 1e3*e)',
      ],
    );
  });

  it('says that units are not accepted in mission_time: 1y', () => {
    expect(
      errorsOf(
        'name: a\ncomponents:\n  c: { failure: { mtbf: 9 } }\nsystem: c\nmission_time: 1y\n',
      ),
    ).toEqual([
      `n.yaml:5:15: mission_time "1y" is not a number: units are not accepted in numbers (every time and rate is in the model's time_unit); to multiply, write 1*y`,
    ]);
  });

  it('suggests the number meant for mtbf: 1 500', () => {
    expect(
      errorsOf('name: a\ncomponents:\n  c: { failure: { mtbf: 1 500 } }\nsystem: c\n'),
    ).toEqual([
      'n.yaml:3:25: components.c.failure.mtbf "1 500" is not a number; did you mean 1500? (numbers take no digit separators)',
    ]);
  });

  it('keeps YAML numbers and expressions over parameters named like exponents', () => {
    const model = loadModel(
      'name: a\nparameters:\n  e3: 2\n  x: 1e3\ncomponents:\n  c: { failure: { mtbf: "1e3 * e3 + x" } }\nsystem: c\n',
    );
    expect(model.components[0]?.failure).toEqual({ dist: 'exponential', mean: 3000 });
  });
});
