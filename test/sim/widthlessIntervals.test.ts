/**
 * No simulated interval of zero width from zero events (the trust rule): a bearing repaired at
 * once is never down, so its steady unavailability is 0 in every cycle; the estimate says it
 * rests on no event instead of printing 0 (0 to 0) as if it were exact; a proof-tested model
 * whose only down time is the tests' own gets a one-sided bound.
 */
import { describe, expect, it } from 'vitest';
import { loadModel, simulate, type Estimate } from '../../src/index.js';

describe('intervals without events', () => {
  it('marks a zero-width steady unavailability inconclusive', () => {
    const result = simulate(
      loadModel(`name: bearing
components:
  bearing:
    failure: { dist: weibull, shape: 2.5, scale: 1000 }
    repair: { dist: deterministic, value: 0 }
    preventive: { policy: age, interval: 493 }
    costs: { corrective: 5, preventive: 1 }
system: bearing
`),
      { replications: 200, seed: 3 },
    );
    const u = result.measures.steadyUnavailability as Estimate;
    expect(u.mean).toBe(0);
    expect(u.events).toBe(0);
    expect(u.inconclusive).toMatch(/rests on no event/);
    // The failures themselves are events: the failure frequency is conclusive.
    expect((result.measures.failureFrequency as Estimate).inconclusive).toBeUndefined();
  });

  it('bounds the PFDavg of a model whose only down time was its tests', () => {
    const result = simulate(
      loadModel(`name: tested trio
components:
  c: { count: 3, failure: { rate: 1.87e-5 }, inspection: { interval: 151, duration: 1.52 }, repair: { dist: deterministic, value: 0 } }
system: { koon: { k: 1, of: c } }
mission_time: 524
`),
      { replications: 400, seed: 1 },
    );
    const pfd = result.measures.pfdAvg as Estimate;
    const tests = (3 * 1.52) / 524; // three tests of the whole trio in the mission
    expect(pfd.mean).toBeCloseTo(tests, 12);
    expect(pfd.ci95[0]).toBeCloseTo(tests, 12);
    expect(pfd.ci95[1]).toBeGreaterThan(tests + 1e-3);
    expect(pfd.events).toBe(0);
    expect(pfd.inconclusive).toMatch(/beyond the proof tests' own down time/);
    expect(result.measures.sil).toBeUndefined();
  });
});
