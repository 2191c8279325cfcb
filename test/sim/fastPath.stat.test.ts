/**
 * The exponential fast path (inline −mean·ln(1 − u)) against the general path
 * (`Distribution.sample`): the same repairable 2-of-3 with one crew, once with exponential laws
 * and once with the same laws written as gamma of shape 1 (so every unit takes the general
 * path), must both equal repairableKOutOfN and agree with each other (STYLE.md §8: α = 1e-4 per
 * test, Bonferroni over its 5 checks; means over 1600 replications of T = 1e4 h, 100 × the mean
 * repair time, window [0.1T, T]). Power: the same estimates fail against the model with one
 * crew more.
 */
import { describe, it } from 'vitest';
import { repairableKOutOfN } from '../../src/analytic/formulas/repairableKOutOfN.js';
import { loadModel } from '../../src/model/loadModel.js';
import { simulate } from '../../src/sim/simulate.js';
import { bonferroniZ, evaluate, expectAgreement, meanCheck, type StatCheck } from './statCheck.js';
import type { Estimate } from '../../src/model/Result.js';

const SEED = 31337;
const N = 1600;

function run(failure: string, repair: string) {
  const model = loadModel(`name: k
components: { u: { count: 3, failure: ${failure}, repair: ${repair} } }
system: { koon: { k: 2, of: u } }
maintenance: { crews: 1 }`);
  return simulate(model, { seed: SEED, replications: N, horizon: 1e4, grid: 2 }).measures;
}

describe('simulate with exponential laws (fast path) and gamma of shape 1 (general path)', () => {
  it('both equal repairableKOutOfN(2, 3) and agree with each other', () => {
    const fast = run('{ rate: 0.01 }', '{ rate: 0.1 }');
    const general = run(
      '{ dist: gamma, shape: 1, rate: 0.01 }',
      '{ dist: gamma, shape: 1, rate: 0.1 }',
    );
    const build = (crews: number): StatCheck[] => {
      const m = repairableKOutOfN(2, 3, 0.01, 0.1, crews);
      return [
        meanCheck('fast steadyUnavailability', fast.steadyUnavailability, m.steadyUnavailability),
        meanCheck('fast failureFrequency', fast.failureFrequency, m.failureFrequency),
        meanCheck(
          'general steadyUnavailability',
          general.steadyUnavailability,
          m.steadyUnavailability,
        ),
        meanCheck('general failureFrequency', general.failureFrequency, m.failureFrequency),
      ];
    };
    // The two estimates are independent (different draws): their difference has SE
    // √(SE₁² + SE₂²) and mean 0.
    const a = meanCheck('fast', fast.steadyUnavailability, 0);
    const b = meanCheck('general', general.steadyUnavailability, 0);
    const difference: StatCheck = {
      label: 'fast − general steadyUnavailability',
      estimate:
        (fast.steadyUnavailability as Estimate).mean -
        (general.steadyUnavailability as Estimate).mean,
      exact: 0,
      se: Math.hypot(a.se, b.se),
    };
    const right = [...build(1), difference];
    expectAgreement(`exponential vs gamma(1): seed ${SEED}, n ${N}`, right, build(2));
    // The difference check alone must not be vacuous: 5 % of the exact value is many SEs.
    const shift = 0.05 * repairableKOutOfN(2, 3, 0.01, 0.1, 1).steadyUnavailability;
    if (evaluate([{ ...difference, exact: shift }], bonferroniZ(5)).pass) {
      throw new Error(`difference check cannot see a 5 % shift (SE ${difference.se})`);
    }
  });
});
