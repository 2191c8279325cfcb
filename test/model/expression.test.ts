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

describe('compileExpression nesting bounds', () => {
  const nested = (open: string, depth: number, inner = '1'): string =>
    `${open.repeat(depth)}${inner}${')'.repeat(depth)}`;

  it('accepts 32 brackets open at once and refuses 33 before mathjs parses them', () => {
    expect(compileExpression(nested('(', 32)).evaluate(values)).toBe(1);
    expect(compileExpression(nested('abs(', 32, '-1')).evaluate(values)).toBe(1);
    expect(() => compileExpression(nested('(', 33))).toThrow(/^nests brackets more than 32 deep$/);
    // 300 levels overflowed the stack inside mathjs before the bound.
    expect(() => compileExpression(nested('max(1,', 300))).toThrow(
      /^nests brackets more than 32 deep$/,
    );
  });

  it('refuses operations nested more than 500 deep, in the text or in the parsed tree', () => {
    expect(compileExpression(`${'-'.repeat(500)}1`).evaluate(values)).toBe(1);
    expect(() => compileExpression(`${'-'.repeat(501)}1`)).toThrow(
      /^nests operations more than 500 deep$/,
    );
    expect(() => compileExpression(`${'2^'.repeat(501)}1`)).toThrow(
      /^nests operations more than 500 deep$/,
    );
    expect(() => compileExpression(`${'not '.repeat(501)}1`)).toThrow(
      /^nests operations more than 500 deep$/,
    );
    // A long sum parses by a loop but is a tree 1 deeper per term.
    expect(compileExpression(`${'1+'.repeat(500)}1`).evaluate(values)).toBe(501);
    expect(() => compileExpression(`${'1+'.repeat(501)}1`)).toThrow(
      /^nests operations more than 500 deep$/,
    );
    // Signs in separate arguments do not nest: 600 of them are fine.
    expect(compileExpression(`max(${Array(600).fill('-1').join(',')})`).evaluate(values)).toBe(-1);
  });

  it('reads exponents, strings and comments as mathjs does, so they cannot hide nesting', () => {
    // The sign of an exponent is part of its number, not a binary minus ending a chain.
    expect(() => compileExpression(`${'2^-1e-5^'.repeat(170)}1`)).toThrow(
      /^nests operations more than 500 deep$/,
    );
    expect(compileExpression('1e-5 + 2.5E+3').evaluate(values)).toBe(2500.00001);
    // Brackets in a string or a comment are not counted (the string is refused later).
    expect(() => compileExpression(`"${'('.repeat(40)}"`)).toThrow(/may not use the constant/);
    expect(compileExpression(`1 # ${'('.repeat(40)}`).evaluate(values)).toBe(1);
    // A closing bracket in a comment cannot cancel open ones on the next line.
    const lines = Array.from({ length: 2 }, () => `${'('.repeat(20)} # ${')'.repeat(20)}\n`);
    expect(() => compileExpression(`${lines.join('')}1${')'.repeat(40)}`)).toThrow(
      /^nests brackets more than 32 deep$/,
    );
  });

  it('the deepest expression allowed still parses and evaluates with 3000 frames already on the stack', () => {
    const deepest = nested('abs(', 32, `${'-'.repeat(468)}1`);
    const at = (frames: number): number =>
      frames === 0 ? compileExpression(deepest).evaluate(values) : at(frames - 1);
    expect(at(3000)).toBe(1);
  });

  it('gamma and round stop at fixed sizes, so one call costs at most a few hundred operations', () => {
    // gamma(n) of an integer is a product of n - 1 factors up to 171; above, mathjs returns
    // Infinity at once (which the model refuses as not finite) instead of multiplying on.
    expect(compileExpression('gamma(171)').evaluate(values)).toBeCloseTo(
      7.257415615307994e306,
      -292,
    );
    expect(compileExpression('gamma(172)').evaluate(values)).toBe(Infinity);
    expect(compileExpression('gamma(1e300)').evaluate(values)).toBe(Infinity);
    expect(compileExpression('round(pi, 15)').evaluate(values)).toBe(3.141592653589793);
    expect(() => compileExpression('round(pi, 1e9)').evaluate(values)).toThrow(
      /Number of decimals in function round must be an integer from 0 to 15/,
    );
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
