/**
 * Differential test of the Markov engine and the simulator on random models with spare-part
 * pools (test/helpers/randomModel.ts with `spares: true`: up to four component types, structures
 * of series, parallel, k-out-of-n, standby and networks, crews with priority, coverage,
 * detection and recovery, one or two pools with stock 0 to 3 and exponential lead times).
 * For every model whose chain the engine builds within MAX_STATES states:
 *
 * - the simulator's steady unavailability, failure frequency and MTTF are not DIFF from the
 *   engine's exact values by the rule of `relkit check` (compareEstimate: |z| above
 *   zThreshold(1), a false-failure rate of 1e-4 per measure; INCONCLUSIVE below 30 events or
 *   when the estimate says so), and at least a third of the models give a conclusive PASS;
 * - the simulation runs at a horizon within its work budget (about 2e5 events at the largest
 *   total event rate), like test/fuzz/simulate.fuzz.test.ts.
 *
 * Power: the same rule must reject a simulator that ignores the pools: the last case holds the
 * simulated estimates of a pool-limited model against the exact values of the same model
 * without its pool and expects DIFF.
 *
 * Replay: `SPARES_SEED=17 npx vitest run test/fuzz/spares.differential.test.ts`; a long run:
 * `SPARES_COUNT=500`.
 */
import { describe, expect, it } from 'vitest';
import {
  UnsupportedModelError,
  loadModel,
  simulate,
  solveMarkov,
  type Estimate,
  type Result,
} from '../../src/index.js';
import { compareEstimate } from '../../src/solve/compareResults.js';
import { randomModel } from '../helpers/randomModel.js';
import { seedsFromEnv } from '../helpers/seedsFromEnv.js';

/** The largest chain given to the Markov engine (well under a second). */
const MAX_STATES = 20000;
const MEASURES = ['steadyUnavailability', 'failureFrequency', 'mttf'] as const;

/** Verdicts of the simulated measures against the exact ones, as `relkit check` decides. */
function verdicts(simulated: Result, exact: Result): { measure: string; verdict: string }[] {
  return MEASURES.flatMap((measure) => {
    const estimate = simulated.measures[measure];
    const value = exact.measures[measure];
    if (typeof estimate !== 'object' || typeof value !== 'number' || !Number.isFinite(value))
      return [];
    const compared = compareEstimate(measure, estimate as Estimate, value, 'markov');
    return compared ? [{ measure, verdict: compared.verdict }] : [];
  });
}

describe('spare pools: the Markov engine and the simulator agree on random models', () => {
  const seeds = seedsFromEnv('SPARES', 30);
  let conclusive = 0;
  let compared = 0;
  for (const seed of seeds) {
    const { text, features, scales, rateBound } = randomModel(seed, {
      spares: true,
      maxComponents: 4,
      maxDepth: 2,
    });
    it(`seed ${seed} (${features.join(' ')})`, () => {
      const model = loadModel(text);
      let exact: Result;
      try {
        exact = solveMarkov(model, { points: 2, maxStates: MAX_STATES });
      } catch (error) {
        // The cost guard (a chain over MAX_STATES states), or a model the engine cannot solve
        // (a non-exponential time): the refusal says why.
        if (error instanceof UnsupportedModelError) return;
        throw error;
      }
      const sorted = [...scales].sort((a, b) => a - b);
      const horizon = Math.min(sorted[sorted.length - 1]! * 50, 2e5 / rateBound);
      const simulated = simulate(model, {
        replications: 40,
        seed,
        horizon,
        measures: [...MEASURES],
      });
      compared++;
      const found = verdicts(simulated, exact);
      expect(
        found.filter((v) => v.verdict === 'DIFF'),
        `${JSON.stringify(found)}\n${text}`,
      ).toEqual([]);
      if (found.some((v) => v.verdict === 'PASS')) conclusive++;
    });
  }

  it('most models were compared, and conclusively (the test is not vacuous)', () => {
    expect(compared).toBeGreaterThanOrEqual(seeds.length / 2);
    expect(conclusive).toBeGreaterThanOrEqual(compared / 3);
  });

  it('rejects a simulator that ignores the pool (power)', () => {
    const pooled = `name: power
components:
  pump: { count: 3, failure: { rate: 1e-3 }, repair: { mttr: 10 } }
system: { koon: { k: 2, of: pump } }
maintenance:
  crews: 1
  spares: [{ components: [pump], stock: 1, lead_time: { mean: 200 } }]`;
    const plain = pooled.replace(/\n {2}spares:.*/, '');
    const simulated = simulate(loadModel(pooled), { replications: 40, seed: 3, horizon: 1e6 });
    const withPool = verdicts(simulated, solveMarkov(loadModel(pooled)));
    const withoutPool = verdicts(simulated, solveMarkov(loadModel(plain)));
    expect(withPool.map((v) => v.verdict)).toEqual(['PASS', 'PASS', 'PASS']);
    expect(withoutPool.find((v) => v.measure === 'steadyUnavailability')?.verdict).toBe('DIFF');
  });
});
