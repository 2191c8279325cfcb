/**
 * Differential test of the three solvers on random proof-tested models
 * (test/helpers/randomProofTestModel.ts: exponential failures, proof tests with durations,
 * partial coverage, offset first tests, instantaneous repair at the test or none, beta-factor
 * groups, other components repaired exponentially or never, random series/parallel/k-of-n).
 * For every model:
 *
 * - analyze (closed forms: each unit's saw-tooth through the structure function, integrated
 *   piece by piece) and the Markov engine (piecewise transient solves between test epochs) give
 *   the same pfdAvg and interval availability to 1e-9 relative on the small side, the same SIL
 *   band, and the same A(t) at the times both report (small side 1e-9 relative + 1e-12);
 * - the simulator's pfdAvg (400 replications) is not DIFF from the exact value by the rule of
 *   `relkit check` (compareEstimate: |z| above zThreshold(1), a false-failure rate of 1e-4 per
 *   model; INCONCLUSIVE below 30 events or when the estimate says so), and at least a third of
 *   the models give a conclusive PASS.
 *
 * Power: the same rule must reject a simulator that is slightly wrong; the last case holds an
 * estimate of a well-sampled model against 1.1 × the exact value and expects DIFF.
 *
 * Replay: `PROOF_SEED=17 npx vitest run test/fuzz/proofTests.differential.test.ts`; a long run:
 * `PROOF_COUNT=500`.
 */
import { describe, expect, it } from 'vitest';
import {
  UnsupportedModelError,
  analyze,
  loadModel,
  simulate,
  solveMarkov,
  type Estimate,
  type Result,
} from '../../src/index.js';
import { compareEstimate } from '../../src/solve/compareResults.js';
import { randomProofTestModel } from '../helpers/randomProofTestModel.js';
import { seedsFromEnv } from '../helpers/seedsFromEnv.js';

const RELATIVE = 1e-9;
/** The largest chain given to the Markov engine (a few seconds at most). */
const MAX_STATES = 30000;

/** |a − b| on the small side of a probability: min(p, 1 − p) held to 1e-9 relative + 1e-12. */
function sameProbability(a: number, b: number, label: string): void {
  const small = Math.min(a, 1 - a);
  expect(Math.abs(a - b), label).toBeLessThanOrEqual(RELATIVE * small + 1e-12);
}

function exactOf(result: Result, key: 'pfdAvg' | 'intervalAvailability'): number {
  const value = result.measures[key];
  if (typeof value !== 'number') throw new Error(`${result.method} gave no exact ${key}`);
  return value;
}

/** The closed forms and the Markov engine: pfdAvg, interval availability, SIL band and A(t). */
function compareExact(exact: Result, markov: Result, text: string): void {
  sameProbability(exactOf(markov, 'pfdAvg'), exactOf(exact, 'pfdAvg'), `pfdAvg\n${text}`);
  sameProbability(
    exactOf(markov, 'intervalAvailability'),
    exactOf(exact, 'intervalAvailability'),
    `intervalAvailability\n${text}`,
  );
  expect(markov.measures.sil).toBe(exact.measures.sil);
  const curve = exact.measures.availability!;
  const other = markov.measures.availability!;
  curve.t.forEach((t, i) => {
    const j = other.t.indexOf(t);
    if (j >= 0) sameProbability(other.values[j]!, curve.values[i]!, `A(${t})\n${text}`);
  });
}

describe('proof-tested models: closed forms, Markov engine and simulator agree', () => {
  const seeds = seedsFromEnv('PROOF', 25);
  let conclusive = 0;
  for (const seed of seeds) {
    const { text, features } = randomProofTestModel(seed);
    it(`seed ${seed} (${features.join(' ')})`, () => {
      const model = loadModel(text);
      const exact = analyze(model, { points: 7 });
      const pfd = exactOf(exact, 'pfdAvg');
      let markov: Result | undefined;
      try {
        markov = solveMarkov(model, { points: 7, maxStates: MAX_STATES });
      } catch (error) {
        // The cost guard: a chain over MAX_STATES states is not built (the refusal says so).
        if (!(error instanceof UnsupportedModelError && /states/.test(error.message))) throw error;
      }
      if (markov) compareExact(exact, markov, text);
      const simulated = simulate(model, { replications: 400, seed });
      const estimate = simulated.measures.pfdAvg;
      expect(typeof estimate, `simulated pfdAvg\n${text}`).toBe('object');
      // What `relkit check` decides: DIFF beyond its threshold, INCONCLUSIVE on few events.
      const verdict = compareEstimate('pfdAvg', estimate as Estimate, pfd, 'analytic')!;
      expect(verdict.verdict, `simulated pfdAvg: ${JSON.stringify(verdict)}\n${text}`).not.toBe(
        'DIFF',
      );
      if (verdict.verdict === 'PASS') conclusive++;
    });
  }

  it('most simulated comparisons were conclusive (the test is not vacuous)', () => {
    expect(conclusive).toBeGreaterThanOrEqual(seeds.length / 3);
  });

  it('rejects a simulated pfdAvg 10 % off (power)', () => {
    const model = loadModel(`name: power
components:
  tx:
    count: 2
    failure: { rate: 1e-4 }
    repair: { dist: deterministic, value: 0 }
    inspection: { interval: 2000 }
system: { koon: { k: 1, of: tx } }
mission_time: 20000
`);
    const pfd = exactOf(analyze(model), 'pfdAvg');
    const estimate = simulate(model, { replications: 20000, seed: 7 }).measures.pfdAvg as Estimate;
    expect(compareEstimate('pfdAvg', estimate, pfd, 'analytic')!.verdict).toBe('PASS');
    expect(compareEstimate('pfdAvg', estimate, 1.1 * pfd, 'analytic')!.verdict).toBe('DIFF');
  });
});
