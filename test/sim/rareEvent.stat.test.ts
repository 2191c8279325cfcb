/**
 * Calibration of importance sampling's intervals (src/sim/rareEvent): over 200 seeds, the 95 %
 * interval covers the exact value in about 95 % of runs. Exact values: closed forms of
 * test/reference/rare_event_reference.py (mpmath, 40 digits, rounded to the nearest double). Under a correct estimator each
 * count of covers is about Binomial(200, 0.95): below 180 or at 200 with probability 1.2e-3
 * (scipy, the same script), the stated false-failure rate of each coverage assertion. Power: the
 * same runs with the likelihood ratio missing its exposure part (the clocks that did not fire)
 * cover far less.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import type { Measures } from '../../src/model/Result.js';
import { rareEventPlan } from '../../src/sim/rareEvent/rareEventSupport.js';
import {
  addCyclePair,
  DEFAULT_BIAS_PROBABILITY,
  emptyRareEventSums,
  likelihoodRatio,
  rareEventMeasures,
  runCyclePairs,
} from '../../src/sim/rareEvent/simulateRareEvent.js';

const SEEDS = 200;
const REPLICATIONS = 400;

/** Covers of each measure over the seeds, with the right and with a wrong likelihood ratio. */
function coverage(
  text: string,
  exact: Partial<Record<keyof Measures, number>>,
): { right: Record<string, number>; wrong: Record<string, number> } {
  const plan = rareEventPlan(loadModel(text));
  const right: Record<string, number> = {};
  const wrong: Record<string, number> = {};
  for (let seed = 1; seed <= SEEDS; seed++) {
    const sums = emptyRareEventSums();
    const wrongSums = emptyRareEventSums();
    runCyclePairs(plan, seed, DEFAULT_BIAS_PROBABILITY, 0, REPLICATIONS, (original, biased) => {
      addCyclePair(sums, original, biased, likelihoodRatio(biased));
      addCyclePair(wrongSums, original, biased, Math.exp(biased.logRatioFired));
    });
    for (const [counts, s] of [
      [right, sums],
      [wrong, wrongSums],
    ] as const) {
      const { measures } = rareEventMeasures(s);
      for (const [name, value] of Object.entries(exact)) {
        const estimate = measures[name as keyof Measures] as { ci95: [number, number] } | undefined;
        const covers =
          estimate !== undefined && estimate.ci95[0] <= value && value <= estimate.ci95[1];
        counts[name] = (counts[name] ?? 0) + (covers ? 1 : 0);
      }
    }
  }
  return { right, wrong };
}

function expectCalibrated(
  result: { right: Record<string, number>; wrong: Record<string, number> },
  names: readonly string[],
): void {
  for (const name of names) {
    const covered = result.right[name]!;
    expect(covered, `${name}: covered ${covered} of ${SEEDS}`).toBeGreaterThanOrEqual(180);
    expect(covered, `${name}: covered ${covered} of ${SEEDS}`).toBeLessThanOrEqual(199);
    const wrong = result.wrong[name]!;
    expect(wrong, `${name}, wrong likelihood ratio: covered ${wrong}`).toBeLessThan(150);
  }
}

describe('rare-event interval coverage', () => {
  it('covers U and f of a 2-of-3 with lognormal repairs (crew per unit)', () => {
    const text = `name: a
components:
  u: { count: 3, failure: { rate: 0.001 }, repair: { dist: lognormal, mean: 10, sd: 5 } }
system: { koon: { k: 2, of: u } }`;
    // Model A of the reference script.
    const result = coverage(text, {
      steadyUnavailability: 0.000292147634526221,
      failureFrequency: 5.8235408875658666e-5,
    });
    expectCalibrated(result, ['steadyUnavailability', 'failureFrequency']);
  });

  it('covers U, f and the MTTF of a parallel pair with one crew', () => {
    const text = `name: b
components:
  u: { count: 2, failure: { rate: 0.001 }, repair: { rate: 0.1 } }
system: { parallel: [u] }
maintenance: { crews: 1 }`;
    // Model B of the reference script.
    const result = coverage(text, {
      steadyUnavailability: 0.0001960399921584003,
      failureFrequency: 1.9603999215840032e-5,
      mttf: 51500,
    });
    expectCalibrated(result, ['steadyUnavailability', 'failureFrequency', 'mttf']);
  });
});
