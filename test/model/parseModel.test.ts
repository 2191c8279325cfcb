/** parseModel + evaluateModel: the same models as loadModel, with one parse for many evaluations. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelError, ParameterError } from '../../src/errors.js';
import { evaluateModel, loadModel, parseModel } from '../../src/model/loadModel.js';
import { rememberingCompiler } from '../../src/model/parameters.js';
import { ExpressionError } from '../../src/model/expression.js';

const MODELS = join(import.meta.dirname, '../../models');
const files = readdirSync(MODELS).filter(
  (name) => /\.(ya?ml|json)$/.test(name) && name !== 'schema.json',
);

describe('evaluateModel(parseModel(text), overrides)', () => {
  it.each(files)('equals loadModel(text, { overrides }) for %s, every parameter moved', (name) => {
    const text = readFileSync(join(MODELS, name), 'utf8');
    const template = parseModel(text, { file: name });
    expect(evaluateModel(template)).toEqual(loadModel(text, { file: name }));
    for (const parameter of template.parameterNames) {
      const base = loadModel(text, { file: name }).parameters[parameter];
      if (base === undefined) expect.fail(`${name} has no value for its parameter ${parameter}`);
      const overrides = { [parameter]: base * 1.25 };
      let expected: unknown;
      try {
        expected = loadModel(text, { file: name, overrides });
      } catch (error) {
        expected = (error as Error).message;
      }
      let actual: unknown;
      try {
        actual = evaluateModel(template, overrides);
      } catch (error) {
        actual = (error as Error).message;
      }
      expect(actual, parameter).toEqual(expected);
    }
  });
});

describe('parseModel', () => {
  it('keeps the parameter names in file order and is immutable', () => {
    const template = parseModel(
      'name: t\nparameters: { b: 2, a: b * 3 }\ncomponents:\n  c: { failure: { mtbf: a } }\nsystem: c',
    );
    expect(template.parameterNames).toEqual(['b', 'a']);
    expect(template.expressionParameterNames).toEqual(['a']);
    expect(Object.isFrozen(template)).toBe(true);
    expect(evaluateModel(template, { b: 5 }).components[0]?.failure.mean).toBe(15);
    // The template is not changed by an evaluation with overrides.
    expect(evaluateModel(template).components[0]?.failure.mean).toBe(6);
  });

  it('reports schema and evaluation problems of one file in one error', () => {
    const text = 'name: t\nbogus: 1\ncomponents:\n  c: { failure: { mtbf: nowhere } }\nsystem: c';
    const error = (() => {
      try {
        parseModel(text);
      } catch (caught) {
        return caught as ModelError;
      }
      throw new Error('parseModel accepted a bad file');
    })();
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(/bogus/);
    expect(error.message).toMatch(/nowhere/);
  });

  it('leaves problems that depend on values to evaluateModel, with file and line', () => {
    const template = parseModel(
      'name: t\nparameters: { m: 100 }\ncomponents:\n  c: { failure: { mtbf: m } }\nsystem: c',
      { file: 'm.yaml' },
    );
    expect(() => evaluateModel(template, { m: -1 })).toThrow(/m\.yaml:4/);
    expect(() => evaluateModel(template, { nope: 1 })).toThrow(/has no parameter "nope"/);
  });

  it('refuses a template it did not make', () => {
    expect(() =>
      evaluateModel({ file: 'x', parameterNames: [], expressionParameterNames: [] }),
    ).toThrow(ParameterError);
  });
});

describe('rememberingCompiler', () => {
  it('compiles each text once and refuses a bad text the same way each time', () => {
    const compile = rememberingCompiler();
    const first = compile('a * 2 + 1');
    expect(compile('a * 2 + 1')).toBe(first);
    expect(first.evaluate(new Map([['a', 3]]))).toBe(7);
    let refusal: unknown;
    try {
      compile('2 *');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ExpressionError);
    expect(() => compile('2 *')).toThrow(refusal as Error);
  });
});
