import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnsupportedModelError } from '../../src/errors.js';
import { loadModel } from '../../src/model/loadModel.js';
import {
  addExact,
  canonicalExact,
  createExactAccumulator,
  exactValue,
  mergeExact,
} from '../../src/numeric/exactAccumulator.js';
import { finalizeSimulation, runReplications, simulate } from '../../src/sim/simulate.js';
import { simulationSupport } from '../../src/sim/simulationSupport.js';
import { mergeSimulationStats, type SimulationStats } from '../../src/sim/stats.js';

const MODELS = join(import.meta.dirname, '../../models');
const bridge = loadModel(readFileSync(join(MODELS, 'bridge.yaml'), 'utf8'));
const options = { seed: 42, horizon: 5000, grid: 6 };

/** Stats without the wall-clock field, which is the only non-reproducible one. */
function withoutClock(stats: SimulationStats): Omit<SimulationStats, 'elapsedSeconds'> {
  return Object.fromEntries(
    Object.entries(stats).filter(([key]) => key !== 'elapsedSeconds'),
  ) as Omit<SimulationStats, 'elapsedSeconds'>;
}

describe('runReplications and mergeSimulationStats', () => {
  it('give bit-identical stats for 0..99 in one slice and in 3 slices merged in any order', () => {
    const whole = runReplications(bridge, options, 0, 100);
    const a = runReplications(bridge, options, 0, 17);
    const b = runReplications(bridge, options, 17, 50);
    const c = runReplications(bridge, options, 67, 33);
    expect(withoutClock(mergeSimulationStats([a, b, c]))).toEqual(withoutClock(whole));
    expect(withoutClock(mergeSimulationStats([c, a, b]))).toEqual(withoutClock(whole));
    const json = JSON.parse(JSON.stringify(mergeSimulationStats([b, c, a]))) as SimulationStats;
    const fromJson = finalizeSimulation(bridge, json);
    const direct = simulate(bridge, { ...options, replications: 100 });
    expect(fromJson.measures).toEqual(direct.measures);
    expect(fromJson.criticality).toEqual(direct.criticality);
  });

  it('differ for different seeds', () => {
    const one = runReplications(bridge, { ...options, seed: 1 }, 0, 20);
    const two = runReplications(bridge, { ...options, seed: 2 }, 0, 20);
    expect(one.cycleSums).not.toEqual(two.cycleSums);
  });

  it('refuse parts of different runs and overlapping ranges', () => {
    const a = runReplications(bridge, options, 0, 5);
    expect(() =>
      mergeSimulationStats([a, runReplications(bridge, { ...options, seed: 43 }, 5, 5)]),
    ).toThrow(/^mergeSimulationStats: parts\[1\]\.seed must equal parts\[0\]\.seed \(42\)/);
    expect(() =>
      mergeSimulationStats([a, runReplications(bridge, { ...options, horizon: 10 }, 5, 5)]),
    ).toThrow(/parts\[1\]\.horizon must equal/);
    expect(() => mergeSimulationStats([a, runReplications(bridge, options, 3, 5)])).toThrow(
      /^mergeSimulationStats: parts must cover disjoint replication ranges; got "\[0, 5\) overlaps \[3, 8\)"$/,
    );
    const other = loadModel(readFileSync(join(MODELS, 'raid5.yaml'), 'utf8'));
    expect(() => mergeSimulationStats([a, runReplications(other, options, 5, 5)])).toThrow(
      /parts\[1\]\.modelHash must equal/,
    );
    expect(() => finalizeSimulation(other, a)).toThrow(
      /^finalizeSimulation: stats\.modelHash must equal/,
    );
  });
});

describe('simulationSupport', () => {
  it('refuses a model with no system (a hand-written Markov chain)', () => {
    const chain = { ...bridge, system: undefined } as unknown as typeof bridge;
    expect(() => simulationSupport(chain)).toThrow(UnsupportedModelError);
    expect(() => simulationSupport(chain)).toThrow(
      /^simulation: the model is a hand-written Markov chain/,
    );
  });
});

describe('exact accumulators', () => {
  it('merge to the same canonical partials in any order', () => {
    const values = [1e16, 1, -1e16, 0.1, 0.2, 3e-300, 1e-5, 7];
    const parts = [values.slice(0, 3), values.slice(3, 5), values.slice(5)].map((chunk) => {
      const acc = createExactAccumulator();
      for (const v of chunk) addExact(acc, v);
      return acc;
    });
    const whole = createExactAccumulator();
    for (const v of [...values].reverse()) addExact(whole, v);
    expect(mergeExact(parts)).toEqual(canonicalExact(whole));
    expect(mergeExact([parts[2]!, parts[0]!, parts[1]!])).toEqual(canonicalExact(whole));
    expect(exactValue(whole)).toBe(8.30001);
  });
});
