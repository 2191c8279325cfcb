/**
 * No simulated interval of zero width from zero events (the trust rule): a bearing repaired at
 * once is never down, so its steady unavailability is 0 in every cycle; the estimate says it
 * rests on no event instead of printing 0 (0 to 0) as if it were exact; a proof-tested model
 * whose only down time is the tests' own gets a one-sided bound. Nor from events that were all
 * alike: a pump with a deterministic repair in series with a valve that fails a thousand times
 * more rarely, with longer repairs, has every down time seen equal to the pump's repair in most
 * short runs, while the exact MDT is a little longer.
 */
import { describe, expect, it } from 'vitest';
import { analyze, loadModel, simulate, type Estimate } from '../../src/index.js';
import { compareEstimate } from '../../src/solve/compareResults.js';

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

  it('marks inconclusive a zero-width MDT of down times that were all the same', () => {
    const model = loadModel(`name: pump and valve
components:
  pump: { failure: { rate: 1e-3 }, repair: { dist: deterministic, value: 10 } }
  valve: { failure: { rate: 1e-6 }, repair: { dist: exponential, mean: 100 } }
system: { series: [pump, valve] }
`);
    const exact = analyze(model).measures.mdt as number;
    let widthless = 0;
    for (let seed = 1; seed <= 10; seed++) {
      // 5 × 1e5 h: about 500 pump failures and 0.5 valve failures per run.
      const { measures } = simulate(model, {
        seed,
        replications: 5,
        horizon: 1e5,
        measures: ['mdt'],
      });
      const mdt = measures.mdt as Estimate;
      if (!(mdt.ci95[1] - mdt.ci95[0] <= 1e-6 * mdt.mean)) continue;
      widthless++;
      expect(mdt.mean).toBe(10);
      expect(mdt.inconclusive).toMatch(/every value it averages was the same/);
      // It was DIFF at z = 99 (the exact MDT is 10.09).
      expect(compareEstimate('mdt', mdt, exact, 'analytic')!.verdict).toBe('INCONCLUSIVE');
    }
    // About e^{-0.5} of the runs see no valve failure.
    expect(widthless).toBeGreaterThanOrEqual(3);
  });
});
