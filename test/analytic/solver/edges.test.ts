/** Numerical edges of analyze: each gives a correct value or a clear error, never NaN. */
import { describe, expect, it } from 'vitest';
import { analyze, loadModel, type Curve } from '../../../src/index.js';
import { expectRelClose } from '../../helpers/expectClose.js';

const model = (text: string) => loadModel(`name: edge\n${text}`);

describe('analyze at numerical edges', () => {
  it('keeps an unavailability of 1e-12 to full precision (no 1 − A cancellation)', () => {
    // Two units with U = 1/(1e6 + 1) in parallel: U_sys = U², exactly representable ratio.
    const result = analyze(
      model(
        'components:\n  u: { count: 2, failure: { mtbf: 1e6 }, repair: { mttr: 1 } }\nsystem: { parallel: [u] }',
      ),
    );
    const u = 1 / (1e6 + 1);
    expectRelClose(result.measures.steadyUnavailability as number, u * u, 1e-14, 'U');
    expectRelClose(result.measures.nines as number, -Math.log10(u * u), 1e-14, 'nines');
    expectRelClose(result.measures.steadyAvailability as number, 1 - u * u, 1e-15, 'A');
  });

  it('solves rates from 1e-12 to 1e6 in one model', () => {
    const result = analyze(
      model(
        'components:\n  slow: { failure: { rate: 1e-12 }, repair: { rate: 1e6 } }\n  fast: { failure: { rate: 1e6 }, repair: { rate: 1e-12 } }\nsystem: { parallel: [slow, fast] }',
      ),
    );
    // U = U_slow · U_fast with U_slow = 1e-12/(1e6 + 1e-12), U_fast = 1e6/(1e6 + 1e-12).
    const expected = (1e-12 / (1e6 + 1e-12)) * (1e6 / (1e6 + 1e-12));
    expectRelClose(result.measures.steadyUnavailability as number, expected, 1e-14, 'U');
    expect(result.warnings.filter((w) => /NaN/.test(w))).toEqual([]);
  });

  it('gives R(0) = 1 and R(1e12) = 0 without NaN', () => {
    const result = analyze(
      model(
        'components:\n  a: { count: 3, failure: { rate: 1e-3 } }\nsystem: { koon: { k: 2, of: a } }',
      ),
      {
        times: [0, 1e12],
      },
    );
    expect((result.measures.reliability as Curve).values).toEqual([1, 0]);
  });

  it('an empty parallel never works: R = 0 and MTTF = 0', () => {
    const result = analyze(
      model(
        'components:\n  a: { failure: { mtbf: 10 } }\nsystem: { series: [a, { parallel: [] }] }',
      ),
      {
        times: [0, 1],
      },
    );
    expect((result.measures.reliability as Curve).values).toEqual([0, 0]);
    expect(result.measures.mttf).toBe(0);
  });

  it('an empty series always works, like k = 0', () => {
    const result = analyze(
      model(
        'components:\n  a: { failure: { mtbf: 10 } }\nsystem: { parallel: [a, { series: [] }] }',
      ),
      {
        times: [5],
      },
    );
    expect((result.measures.reliability as Curve).values).toEqual([1]);
    expect(result.measures.mttf).toBeUndefined();
  });

  it('a component used twice is counted once: series [a, a] has R = R_a', () => {
    const result = analyze(
      model('components:\n  a: { failure: { rate: 0.01 } }\nsystem: { series: [a, a] }'),
      {
        times: [10],
      },
    );
    expectRelClose(
      (result.measures.reliability as Curve).values[0],
      Math.exp(-0.1),
      1e-15,
      'R(10)',
    );
    expectRelClose(result.measures.mttf as number, 100, 1e-10, 'mttf');
  });

  it('refuses count 0 with its location', () => {
    expect(() => model('components:\n  a: { count: 0, failure: { mtbf: 10 } }\nsystem: a')).toThrow(
      /^<input>:3:\d+: components\.a\.count must be an integer >= 1; got 0$/,
    );
  });
});
