import { describe, expect, it } from 'vitest';
import { ExpressionError, compileExpression } from '../../src/model/expression.js';
import { fnv1a64 } from '../../src/model/modelHash.js';

const values = new Map([
  ['lambda', 1e-4],
  ['c', 0.99],
  ['mttr', 8],
]);

describe('compileExpression', () => {
  it('evaluates arithmetic over parameters: 2*lambda*(1-c) = 2e-6', () => {
    expect(compileExpression('2*lambda*(1-c)').evaluate(values)).toBeCloseTo(2e-6, 20);
  });

  it('knows pi, e, unary minus, powers and the allowed functions', () => {
    expect(
      compileExpression('-(2^3) + exp(0) + log(e) + sqrt(16) + max(1, 2)').evaluate(values),
    ).toBe(0);
    expect(compileExpression('1 / mttr').evaluate(values)).toBe(0.125);
    expect(compileExpression('cos(pi)').evaluate(values)).toBe(-1);
  });

  it('lists the parameters it uses, not the constants or functions', () => {
    expect(compileExpression('exp(-lambda * mttr) + pi').parameters).toEqual(['lambda', 'mttr']);
  });

  // Known mathjs expression-injection routes: each must be refused before anything runs.
  const refused: [string, RegExp][] = [
    ['import({x: 1}, {override: true})', /may not use the function "import"/],
    ['evaluate("1+1")', /may not use the function "evaluate"/],
    ['parse("1")', /may not use the function "parse"/],
    ['compile("1")', /may not use the function "compile"/],
    ['simplify("x")', /may not use the function "simplify"/],
    ['createUnit("foo")', /may not use the function "createUnit"/],
    ['cos.constructor("return process")(1)', /may not use|is not a valid expression/],
    ['[].map.constructor("return this")(1)', /may not use|is not a valid expression/],
    ['f(x) = x', /may not use a function definition/],
    ['a = 1', /may not use an assignment/],
    ['x ? 1 : 2', /may not use a conditional/],
    ['1 > 2', /may not use the operator ">"/],
    ['5!', /may not use the operator "!"/],
    ['"text"', /may not use the constant "text"/],
    ['[1, 2]', /may not use a matrix or array/],
    ['{a: 1}', /may not use an object/],
    ['1; 2', /may not use several statements/],
    ['1:3', /may not use a range/],
    ['x["constructor"]', /may not use property access|may not use indexing/],
  ];
  for (const [source, expected] of refused) {
    it(`refuses ${JSON.stringify(source)}`, () => {
      expect(() => compileExpression(source)).toThrow(ExpressionError);
      expect(() => compileExpression(source)).toThrow(expected);
    });
  }

  it('reports a syntax error as an ExpressionError', () => {
    expect(() => compileExpression('2 *')).toThrow(/^is not a valid expression: /);
  });
});

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    // Vectors from the FNV reference (draft-eastlake-fnv), checked with a Python implementation.
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
});
