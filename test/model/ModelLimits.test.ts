/**
 * loadModel's limits: each refuses with the file, the location, the limit and both the option
 * and the flag that raise it; each can be raised; bad limits are refused.
 */
import { describe, expect, it } from 'vitest';
import { modelErrorsOf } from '../helpers/modelErrors.js';
import { DEFAULT_MODEL_LIMITS, ParameterError, loadModel } from '../../src/index.js';
import type { ModelLimits } from '../../src/index.js';

const PAIR =
  'name: pair\ncomponents:\n  disk: { count: 2, failure: { mtbf: 1000 } }\nsystem: { parallel: [disk] }\n';

/** The messages of the ModelError that loading `text` with `limits` throws. */
const refusal = (text: string, limits: ModelLimits): string[] =>
  modelErrorsOf(text, { file: 'm.yaml', limits });

describe('loadModel limits', () => {
  it('has the documented defaults, which models/schema.json states for expressions', () => {
    expect(DEFAULT_MODEL_LIMITS).toEqual({
      maxModelSize: 5_000_000,
      maxExpressionLength: 1000,
      maxUnits: 100_000,
    });
  });

  it('maxModelSize refuses a longer text before parsing it, naming the option and the flag', () => {
    expect(refusal(PAIR, { maxModelSize: 50 })).toEqual([
      `m.yaml: is ${PAIR.length} characters; the limit is 50 (--max-model-size or limits.maxModelSize raises it)`,
    ]);
    // Exactly at the limit is accepted.
    expect(loadModel(PAIR, { limits: { maxModelSize: PAIR.length } }).units).toHaveLength(2);
  });

  it('maxExpressionLength refuses a longer expression at its location', () => {
    const text = PAIR.replace('mtbf: 1000', 'mtbf: "500 + 500"');
    expect(refusal(text, { maxExpressionLength: 8 })).toEqual([
      'm.yaml:3:38: components.disk.failure.mtbf is an expression of 9 characters; the limit is 8 (--max-expression-length or limits.maxExpressionLength raises it)',
    ]);
    expect(loadModel(text, { limits: { maxExpressionLength: 9 } }).components[0]?.failure).toEqual({
      dist: 'exponential',
      mean: 1000,
    });
  });

  it('maxExpressionLength can be raised past the default', () => {
    const long = `${'1.0000+'.repeat(200)}1`;
    const text = `name: x\nparameters:\n  a: "${long}"\ncomponents:\n  c: { failure: { mtbf: a } }\nsystem: c\n`;
    expect(refusal(text, {})[0]).toMatch(
      /parameters\.a is an expression of 1401 characters; the limit is 1000 /,
    );
    expect(loadModel(text, { limits: { maxExpressionLength: 2000 } }).parameters).toEqual({
      a: 201,
    });
  });

  it('maxUnits refuses the component that brings the units over it, and can be raised', () => {
    const text = PAIR.replace('count: 2', 'count: 300');
    expect(refusal(text, { maxUnits: 299 })).toEqual([
      'm.yaml:3:18: components.disk.count brings the number of units to 300; the limit is 299 (--max-units or limits.maxUnits raises it)',
    ]);
    expect(loadModel(text, { limits: { maxUnits: 300 } }).units).toHaveLength(300);
    expect(refusal(PAIR.replace('count: 2', 'count: 200000'), {})[0]).toMatch(
      /brings the number of units to 200000; the limit is 100000 \(--max-units/,
    );
    expect(
      loadModel(PAIR.replace('count: 2', 'count: 200000'), { limits: { maxUnits: 200000 } }).units,
    ).toHaveLength(200000);
  });

  it.each([
    [{ maxUnits: 0 }, 'loadModel: limits.maxUnits must be an integer >= 1; got 0'],
    [{ maxModelSize: 1.5 }, 'loadModel: limits.maxModelSize must be an integer >= 1; got 1.5'],
    [
      { maxExpressionLength: Number.NaN },
      'loadModel: limits.maxExpressionLength must be an integer >= 1; got NaN',
    ],
  ])('refuses the limits %j with a ParameterError', (limits, message) => {
    expect(() => loadModel(PAIR, { limits })).toThrow(ParameterError);
    expect(() => loadModel(PAIR, { limits })).toThrow(
      new RegExp(`^${message.replace(/[.()[\]]/g, '\\$&')}$`),
    );
  });
});
