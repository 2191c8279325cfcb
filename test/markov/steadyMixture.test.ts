/**
 * Steady measures of chains with several closed classes (issue 12): the long run from the
 * initial state is the mix of each class's stationary distribution, weighted by the probability
 * of ending in it. The exact values come from test/reference/markov_mixture_reference.py
 * (exact rational arithmetic: closed forms, and the fundamental matrix solved by Gauss–Jordan on
 * fractions; python 3, standard library; 2026-12-05), rounded to the nearest double.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analytic/solver/analyze.js';
import { absorptionProbabilities } from '../../src/markov/linalg/absorptionProbabilities.js';
import { buildCtmc } from '../../src/markov/generation/buildCtmc.js';
import { failureFrequency } from '../../src/markov/measures/failureFrequency.js';
import { solveMarkov } from '../../src/markov/measures/solveMarkov.js';
import { solveSteadyState } from '../../src/markov/linalg/solveSteadyState.js';
import { loadModel } from '../../src/model/loadModel.js';
import type { Result } from '../../src/model/Result.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';

interface Steady {
  readonly A: number;
  readonly U: number;
  readonly frequency: number;
  readonly mtbf: number;
  readonly mut: number;
  readonly mdt: number;
  readonly nines: number;
}

const KEYS = {
  steadyAvailability: 'A',
  steadyUnavailability: 'U',
  failureFrequency: 'frequency',
  mtbf: 'mtbf',
  mut: 'mut',
  mdt: 'mdt',
  nines: 'nines',
} as const;

function expectSteady(result: Result, exact: Steady, tolerance: number): void {
  for (const [measure, key] of Object.entries(KEYS)) {
    const value = (result.measures as Record<string, unknown>)[measure];
    if (typeof value !== 'number') {
      throw new Error(`${measure} is missing: ${result.warnings.join('; ')}`);
    }
    expectRelClose(value, exact[key], tolerance, measure);
  }
}

describe('steady measures of chains with several closed classes', () => {
  it('differential seed 10684: a standby block that ends down in one of four classes, beside a repairable unit', () => {
    // Closed form: the block of never-repaired units is down for good in every class (which
    // one depends on the switch-over that fails), so the long run is that of c0 alone.
    const model = loadModel(`name: random 10684
components:
  c0: { failure: { mttf: 10600 }, repair: { mttr: 3320 } }
  c1: { count: 4, failure: { mttf: 11000 } }
system:
  koon:
    k: 1
    of:
      - standby: { of: c1, mode: cold, switch: { success: 0.9825 } }
      - c0
`);
    const exact: Steady = {
      A: 0.7614942528735632,
      U: 0.23850574712643677,
      frequency: 7.183908045977011e-5,
      mtbf: 13920,
      mut: 10600,
      mdt: 3320,
      nines: 0.6225011515705068,
    };
    const markov = solveMarkov(model, { steady: true });
    // Before the mix the steady measures were left out with a warning; measured ≤ 3.6e-16.
    expectSteady(markov, exact, 1e-14);
    expect(markov.warnings.join('\n')).toMatch(/the chain has 4 closed classes reachable/);
    expectSteady(analyze(model), exact, 1e-14);
  });

  it('differential seed 17443: a dead standby branch beside a repairable 2-of-2', () => {
    const model = loadModel(`name: random 17443
components:
  c0: { count: 2, failure: { mttf: 1.58 } }
  c1: { count: 2, failure: { rate: 0.633 }, repair: { dist: exponential, mean: 0.0001 } }
  c2: { failure: { mtbf: 1.58 }, repair: { dist: exponential, mean: 0.00431 } }
system:
  parallel:
    - koon: { k: 2, of: c1 }
    - series:
        - standby: { of: c0, switch: { success: 0.845 } }
        - c2
mission_time: 7.71
`);
    // Closed form: A = a², a = μ/(λ + μ); failure frequency 2λa² (Birnbaum).
    const exact: Steady = {
      A: 0.9998734120196555,
      U: 0.00012658798034446427,
      frequency: 1.265839739616884,
      mtbf: 0.7899894186468326,
      mut: 0.7898894154818326,
      mdt: 0.000100003165,
      nines: 3.89760752905714,
    };
    const markov = solveMarkov(model, { steady: true });
    // Measured ≤ 1.4e-16.
    expectSteady(markov, exact, 1e-14);
    expect(markov.warnings.join('\n')).toMatch(/the chain has 2 closed classes reachable/);
    expectSteady(analyze(model), exact, 1e-12);
  });

  it('mixes the covered and the lost system of a coverage pair (analyze leaves it out)', () => {
    // parallel [a repairable, b never repaired with coverage 0.9]: the covered class with
    // probability 0.9 (a alone), the lost system with 0.1.
    const model = loadModel(`name: coverage pair
components:
  a: { failure: { rate: 0.01 }, repair: { rate: 1 } }
  b: { failure: { rate: 0.001 }, coverage: 0.9 }
system: { parallel: [a, b] }
`);
    const exact: Steady = {
      A: 0.8910891089108911,
      U: 0.10891089108910891,
      frequency: 0.00891089108910891,
      mtbf: 112.22222222222223,
      mut: 100,
      mdt: 12.222222222222221,
      nines: 0.9629286886244177,
    };
    expectSteady(solveMarkov(model, { steady: true }), exact, 1e-13);
    expect(analyze(model).measures.steadyAvailability).toBeUndefined();
  });

  it('weights each class by a probability that depends on the rates', () => {
    // 0 → 1 at 2, 0 → class {2, 3} at 1, 0 → class {4, 5} at 3; 1 → 0 at 5, 1 → {4, 5} at 0.5.
    const chain = buildCtmc(
      6,
      [
        { from: 0, to: 1, rate: 2 },
        { from: 0, to: 2, rate: 1 },
        { from: 0, to: 4, rate: 3 },
        { from: 1, to: 0, rate: 5 },
        { from: 1, to: 4, rate: 0.5 },
        { from: 2, to: 3, rate: 0.25 },
        { from: 3, to: 2, rate: 4 },
        { from: 4, to: 5, rate: 0.5 },
        { from: 5, to: 4, rate: 2 },
      ],
      [1, 1, 1, 0, 1, 0],
      0,
    );
    // h = (11/46, 35/46); A = 326/391, U = 65/391, frequency 141/391.
    const h = absorptionProbabilities(chain, [
      [2, 3],
      [4, 5],
    ]).probabilities;
    expectRelClose(h[0], 0.2391304347826087, 1e-15, 'h first');
    expectRelClose(h[1], 0.7608695652173914, 1e-15, 'h second');
    for (const method of ['auto', 'bicgstab', 'gauss-seidel'] as const) {
      const pi = solveSteadyState(chain, { method }).probabilities;
      const availability = element(pi, 2) + element(pi, 4);
      const unavailability = element(pi, 3) + element(pi, 5);
      expectRelClose(availability, 0.8337595907928389, 1e-13, `${method} A`);
      expectRelClose(unavailability, 0.16624040920716113, 1e-13, `${method} U`);
      expectRelClose(failureFrequency(chain, pi), 0.36061381074168797, 1e-13, `${method} f`);
    }
    // Iterative absorption (forced by a direct limit of 1) agrees with elimination.
    const iterative = absorptionProbabilities(
      chain,
      [
        [2, 3],
        [4, 5],
      ],
      { directLimit: 1 },
    );
    expectRelClose(iterative.probabilities[0], 0.2391304347826087, 1e-12, 'iterative h');
  });
});

describe('iterative steady state of a large chain', () => {
  it('keeps the digits of a tiny unavailability (differential seed 139: was 9e-9 off)', () => {
    // 2304 states, above the direct limit: BiCGSTAB, then polished by Gauss–Seidel sweeps. The
    // exact U is a closed form of the independent units (markov_mixture_reference.py).
    const model = loadModel(`name: random 139
components:
  c0: { failure: { mtbf: 15600 }, repair: { rate: 0.0783 } }
  c1: { failure: { rate: 0.0000639 }, repair: { mttr: 0.000226 } }
  c2: { count: 3, failure: { mtbf: 15600 }, repair: { dist: exponential, mean: 24.5 } }
  c3: { failure: { rate: 0.0000639 }, repair: { dist: exponential, mean: 433 }, detection: { mean: 130 } }
  c4: { failure: { mttf: 15600 }, repair: { rate: 0.166 } }
  c5: { failure: { dist: exponential, mean: 15600 }, repair: { mttr: 0.00833 } }
  c6: { failure: { mttf: 15600 }, repair: { dist: exponential, mean: 0.00602 } }
  c7: { failure: { dist: exponential, mean: 15600 }, repair: { dist: exponential, mean: 0.0758 } }
  c8: { failure: { rate: 0.0000639 }, repair: { rate: 0.0017 }, detection: { rate: 0.168 } }
system:
  parallel:
    - series: [c7, c3]
    - c2
    - series: [c4, { parallel: [c1, c8, c7] }]
    - series: [c0, { parallel: [c5, c6] }]
`);
    const result = solveMarkov(model, { steady: true });
    expect(result.states).toBe(2304);
    const u = result.measures.steadyUnavailability;
    if (typeof u !== 'number') throw new Error(result.warnings.join('; '));
    // Measured 4.4e-16 (9.3e-9 before the polish).
    expectRelClose(u, 4.2282054469406997e-17, 1e-13, 'U');
  });
});
