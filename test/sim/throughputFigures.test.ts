/**
 * The two speed figures of a simulation result (issue: `eventsPerSecond` divided the events by
 * the workers' summed time, so with several workers it read as a throughput it was not):
 * `eventsPerThreadSecond` per thread, `eventsPerWallSecond` for the whole run when one process
 * ran it, and `eventsPerSecond` the per-thread figure under its former name.
 */
import { describe, expect, test } from 'vitest';
import { finalizeSimulation, loadModel, runReplications, simulate } from '../../src/index.js';

const model = loadModel(
  'name: unit\ncomponents: { x: { failure: { mtbf: 10 }, repair: { mttr: 1 } } }\nsystem: x',
);

describe('speed figures of a simulation', () => {
  test('simulate gives the per-thread speed and the throughput of its run', () => {
    const result = simulate(model, { replications: 200, horizon: 100 });
    expect(result.eventsPerThreadSecond).toBeGreaterThan(0);
    expect(result.eventsPerSecond).toBe(result.eventsPerThreadSecond);
    expect(result.eventsPerWallSecond).toBeGreaterThan(0);
  });

  test('statistics finalized without a wall time (merged shards) give no throughput', () => {
    const stats = runReplications(model, { horizon: 100 }, 0, 50);
    const result = finalizeSimulation(model, stats);
    expect(result.eventsPerWallSecond).toBeUndefined();
    expect(result.eventsPerThreadSecond).toBe(stats.events / stats.elapsedSeconds);
  });

  test('the throughput is the events over the wall time given', () => {
    const stats = runReplications(model, { horizon: 100 }, 0, 50);
    expect(finalizeSimulation(model, stats, {}, 2).eventsPerWallSecond).toBe(stats.events / 2);
  });
});
