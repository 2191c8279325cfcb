/**
 * solveWith, the one choice of an exact method, and solveEach built on it: each method's result
 * is the solver's own, `auto` falls back with a warning and combines both reasons, and each
 * budget reaches the solver it limits.
 */
import { describe, expect, it } from 'vitest';
import {
  analyze,
  loadModel,
  ParameterError,
  solveExactly,
  solveMarkov,
  solveWith,
  UnsupportedModelError,
  type ExactMethod,
} from '../../src/index.js';
import { solveEach } from '../../src/solve/solveEach.js';

/** Two repairable units in parallel sharing one crew: dependent units, exponential times. */
const crews = loadModel(
  'name: crews\ncomponents:\n  a: { count: 2, failure: { mtbf: 100 }, repair: { mttr: 5 } }\nsystem: { parallel: [a] }\nmaintenance: { crews: 1 }',
);
/** Two Weibull units in parallel, not repaired: independent, not exponential. */
const weibull = loadModel(
  'name: wb\ncomponents:\n  a: { count: 2, failure: { dist: weibull, shape: 2, scale: 100 } }\nsystem: { parallel: [a] }',
);
/** Both at once: crews and a Weibull repair time. */
const neither = loadModel(
  'name: neither\ncomponents:\n  a: { count: 2, failure: { dist: weibull, shape: 2, scale: 100 }, repair: { mttr: 5 } }\nsystem: { parallel: [a] }\nmaintenance: { crews: 1 }',
);

/** The error `solve` throws. */
function thrown(solve: () => unknown): UnsupportedModelError {
  try {
    solve();
  } catch (error) {
    if (error instanceof UnsupportedModelError) return error;
    throw error;
  }
  throw new Error('expected an UnsupportedModelError');
}

describe('solveWith', () => {
  it('gives the result of the solver named, and its error', () => {
    expect(solveWith(weibull, 'analytic', { points: 3 })).toEqual(analyze(weibull, { points: 3 }));
    expect(solveWith(crews, 'markov', { points: 3 })).toEqual(solveMarkov(crews, { points: 3 }));
    expect(() => solveWith(crews, 'analytic')).toThrow(thrown(() => analyze(crews)).message);
    expect(() => solveWith(weibull, 'markov')).toThrow(thrown(() => solveMarkov(weibull)).message);
  });

  it('auto: the closed forms, else the Markov engine with a warning naming why', () => {
    expect(solveWith(weibull, 'auto')).toEqual(analyze(weibull));
    const markov = solveMarkov(crews);
    const auto = solveWith(crews, 'auto');
    expect(auto).toEqual({
      ...markov,
      warnings: [
        `analytic: ${thrown(() => analyze(crews)).reason}; solved with the Markov engine instead`,
        ...markov.warnings,
      ],
    });
    expect(solveExactly(crews)).toEqual(auto);
  });

  it('auto: when neither applies, one error with both reasons, naming relkit simulate', () => {
    const analytic = thrown(() => analyze(neither));
    const markov = thrown(() => solveMarkov(neither));
    const error = thrown(() => solveWith(neither, 'auto'));
    expect(error.message).toBe(
      `analytic: ${analytic.reason}; the Markov engine cannot solve it either (${markov.reason}); use relkit simulate`,
    );
    // The Markov engine's own advice comes first when it has some.
    const small = thrown(() => solveWith(crews, 'auto', { maxStates: 1 }));
    const limit = thrown(() => solveMarkov(crews, { maxStates: 1 }));
    expect(small.suggestion).toBe(`${limit.suggestion}, or use relkit simulate`);
  });

  it('gives each budget to the solver it limits', () => {
    const big = loadModel(
      'name: big\ncomponents:\n  a: { count: 3, failure: { mtbf: 100 }, repair: { mttr: 5 } }\nsystem: { koon: { k: 2, of: a } }',
    );
    expect(() => solveWith(big, 'analytic', { maxNodes: 1 })).toThrow(/--max-nodes/);
    expect(solveWith(big, 'markov', { maxNodes: 1 }).method).toBe('markov');
    expect(() => solveWith(big, 'markov', { maxStates: 1 })).toThrow(/--max-states/);
    expect(solveWith(big, 'analytic', { maxStates: 1 }).method).toBe('analytic');
  });

  it('refuses an unknown method', () => {
    expect(() => solveWith(crews, 'simulate' as ExactMethod)).toThrow(ParameterError);
  });
});

describe('solveEach', () => {
  it('runs analytic then markov, each with its result or why it could not', () => {
    expect(solveEach(crews)).toEqual([
      { method: 'analytic', skipped: thrown(() => analyze(crews)).message },
      { method: 'markov', result: solveMarkov(crews) },
    ]);
    expect(solveEach(weibull, { times: [10] })).toEqual([
      { method: 'analytic', result: analyze(weibull, { times: [10] }) },
      { method: 'markov', skipped: thrown(() => solveMarkov(weibull)).message },
    ]);
  });
});
