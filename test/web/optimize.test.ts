/** The optimise panel's worker computation and chart builders, in Node, against the library. */
import { describe, expect, it } from 'vitest';
import { optimizeParameter, parseModel } from '../../src/index.js';
import { optimizeLayout, optimizeTraces } from '../../web/charts/optimizeTraces.js';
import { optimizeScenario } from '../../web/compute/optimize.js';

// MTTF = 1/(1/x + x/1000), greatest at x = √1000 (test/solve/optimizeParameter.test.ts).
const TEXT = `name: trade
parameters: { x: 10, y: 1000 }
components:
  a: { failure: { mtbf: x } }
  b: { failure: { mtbf: y / x } }
system: { series: [a, b] }
`;
const request = {
  parameter: 'x',
  lo: 1,
  hi: 1000,
  measure: 'mttf',
  goal: 'maximize',
  scale: 'log',
} as const;

describe('optimizeScenario', () => {
  it("equals optimizeParameter with the scenario's values", () => {
    const outcome = optimizeScenario(TEXT, { overrides: { x: 5, y: 4000 } }, request);
    expect(outcome.ok).toBe(true);
    const expected = optimizeParameter(parseModel(TEXT, { file: 'model' }), {
      ...request,
      overrides: { x: 5, y: 4000 },
      exact: { points: 2, maxStates: 500_000 },
    });
    expect(outcome.ok && outcome.result).toEqual(expected);
    // y = 4000 moves the optimum to √4000.
    expect(Math.abs(expected.argmax! / Math.sqrt(4000) - 1)).toBeLessThan(1e-6);
  });

  it('searches the whole values of a count (the integer scale of its slider)', () => {
    const outcome = optimizeScenario(
      TEXT,
      { overrides: {} },
      { ...request, lo: 1, hi: 60, scale: 'integer' },
    );
    expect(outcome.ok && [outcome.result.argmax, outcome.result.evaluations]).toEqual([32, 60]);
  });

  it('turns every error into a message', () => {
    const outcome = optimizeScenario(TEXT, { overrides: {} }, { ...request, measure: 'nines' });
    expect(outcome).toEqual({
      ok: false,
      message: expect.stringMatching(/which lacks nines; its scalar measures are mttf/) as string,
    });
    expect(optimizeScenario('name: [', { overrides: {} }, request).ok).toBe(false);
  });
});

describe('optimizeTraces', () => {
  it('draws every point evaluated and marks the optimum', () => {
    const outcome = optimizeScenario(TEXT, { overrides: {} }, request);
    if (!outcome.ok) throw new Error(outcome.message);
    const [line, marker] = optimizeTraces(outcome.result) as {
      x: number[];
      y: number[];
    }[];
    expect(line!.x).toEqual(outcome.result.points.map((p) => p.x));
    expect(marker!.x).toEqual([outcome.result.argmax]);
    expect(marker!.y).toEqual([outcome.result.maximum]);
    expect(optimizeLayout(outcome.result, true).xaxis?.type).toBe('log');
  });
});
