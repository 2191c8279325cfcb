import { describe, expect, test } from 'vitest';
import * as relkit from '../../src/index.js';
import { findSimulator } from '../../web/compute/simulation.js';
import {
  startSweep,
  sweepEstimates,
  sweepRound,
  type SimulatedSweep,
  type SweepRun,
} from '../../web/compute/simulatedSweep.js';

const simulator = findSimulator(relkit)!;

// Two units in parallel, each repaired at once by its own crew: independent alternating renewal
// processes, so the steady unavailability is q², q = mttr / (mtbf + mttr) (Barlow & Proschan).
const PAIR = `name: pair
time_unit: h
parameters:
  mttr: 10
components:
  unit: { count: 2, failure: { mtbf: 100 }, repair: { mttr: mttr } }
system: { parallel: [unit] }
mission_time: 2000
`;
const exact = (mttr: number) => (mttr / (100 + mttr)) ** 2;
const VALUES = [2, 5, 10, 20];
// Per point, a two-sided normal tail of 1e-5: with 4 points a false failure about once in 25 000.
const Z = 4.42;

const run = (values: number[], seed: number, replications: number): SimulatedSweep => {
  const sweep = startSweep(PAIR, { overrides: {} }, 'mttr', values, 'steadyUnavailability', seed);
  if (typeof sweep === 'string') throw new Error(sweep);
  for (let done = 0; done < replications; done += 100) sweepRound(sweep, simulator, 100);
  return sweepEstimates(sweep, simulator);
};

/** |estimate − truth| in standard errors, the SE read from the 95 % interval. */
const zScores = (sweep: SimulatedSweep, truth: (x: number) => number): number[] =>
  sweep.x.map((x, j) => {
    const se = (sweep.hi[j]! - sweep.lo[j]!) / (2 * 1.96);
    return Math.abs(sweep.mean[j]! - truth(x)) / se;
  });

describe('the sweep by simulation', () => {
  const sweep = run(VALUES, 11, 400);

  test('each point agrees with the exact unavailability q² within its interval', () => {
    expect(sweep.replications).toBe(400);
    for (const z of zScores(sweep, exact)) expect(z).toBeLessThan(Z);
    expect(sweep.lo.every((lo, j) => lo! <= sweep.mean[j]! && sweep.mean[j]! <= sweep.hi[j]!)).toBe(
      true,
    );
  });

  test('power: a sweep 15 % off in the repair time would be caught', () => {
    const wrong = (mttr: number) => exact(1.15 * mttr);
    expect(Math.max(...zScores(sweep, wrong))).toBeGreaterThan(Z);
  });

  test('common random numbers: every point gets the same replications of the same seed', () => {
    const twice = run([10, 10], 11, 200);
    expect(twice.mean[0]).toBe(twice.mean[1]);
    expect(twice.lo[0]).toBe(twice.lo[1]);
    // ... and the seed matters: another seed gives another estimate.
    expect(run([10], 12, 200).mean[0]).not.toBe(twice.mean[0]);
  });

  test('rounds merge like one run of all their replications', () => {
    const oneGo = startSweep(PAIR, { overrides: {} }, 'mttr', [10], 'steadyUnavailability', 11);
    sweepRound(oneGo as SweepRun, simulator, 200);
    expect(sweepEstimates(oneGo as SweepRun, simulator).mean[0]).toBeCloseTo(
      run([10], 11, 200).mean[0]!,
      12,
    );
  });

  test('a value where the model is invalid is a gap; a text that does not load is refused', () => {
    const gap = run([-1, 10], 11, 100);
    expect(gap.mean[0]).toBeNull();
    expect(gap.mean[1]).not.toBeNull();
    expect(startSweep('name: [', { overrides: {} }, 'mttr', [1], 'mttf', 1)).toEqual(
      expect.any(String),
    );
  });
});
