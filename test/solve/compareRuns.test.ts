/**
 * compareRuns pairs results like with like: restrictedMttf against the exact MTTF, interval
 * availability only at the same horizon (else a note), every pair of exact results, skipped runs
 * left out. The verdict rules themselves are tested in test/cli/check.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Measures, Result } from '../../src/index.js';
import { compareRuns } from '../../src/solve/compareRuns.js';
import type { ExactRun } from '../../src/solve/solveEach.js';
import type { SimulationResult } from '../../src/sim/types.js';

const model = { name: 'synthetic', hash: '0123456789abcdef' };

function simulated(measures: Measures): SimulationResult {
  return {
    method: 'simulation',
    model,
    timeUnit: 'h',
    horizon: 100,
    measures,
    warnings: [],
    replications: 1000,
    events: 0,
    eventsPerThreadSecond: 0,
    eventsPerSecond: 0,
    seed: 1,
    generator: 'test',
    criticality: [],
  };
}

function exact(method: string, measures: Measures, horizon: number): ExactRun {
  const result: Result = {
    method: 'analytic',
    model,
    timeUnit: 'h',
    horizon,
    measures,
    warnings: [],
  };
  return { method, result };
}

describe('compareRuns', () => {
  it('pairs measures like with like and notes an interval over another horizon', () => {
    const simulation = simulated({
      restrictedMttf: { mean: 50, ci95: [49, 51], events: 1000, restrictedTo: 100 },
      intervalAvailability: { mean: 0.99, ci95: [0.98, 1], events: 1000 },
    } as Measures);
    const runs: ExactRun[] = [
      exact('analytic', { mttf: 80, intervalAvailability: 0.99 }, 100),
      exact('markov', { mttf: 80, intervalAvailability: 0.99 }, 200),
      { method: 'other', skipped: 'cannot' },
    ];
    const { comparisons, notes } = compareRuns(simulation, runs);
    expect(comparisons.map((c) => [c.kind, c.measure, ...c.methods])).toEqual([
      ['simulation', 'restrictedMttf', 'simulation', 'analytic'],
      ['simulation', 'restrictedMttf', 'simulation', 'markov'],
      ['simulation', 'intervalAvailability', 'simulation', 'analytic'],
      ['exact', 'mttf', 'analytic', 'markov'],
    ]);
    expect(notes).toEqual([
      "intervalAvailability vs markov not compared: its horizon (200) is not the simulation's 100",
    ]);
  });
});
