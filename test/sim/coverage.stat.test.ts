/**
 * Calibration of the simulator's intervals: over 200 independent seeds, the ci95 of the MTTF of
 * a 1-of-2 parallel pair (exact 1.5/λ) covers the exact value in 90–99 % of runs. Under a correct
 * simulator and interval the count is Binomial(200, ≈0.95): falling outside [180, 198] has
 * probability about 4e-4 (a known, stated exception to α = 1e-4: the band is the brief's).
 * Power: against an MTTF 5 % off, coverage drops far below 90 %.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import type { Estimate } from '../../src/model/Result.js';
import { simulate } from '../../src/sim/simulate.js';

describe('simulate ci95 coverage', () => {
  it('covers the exact MTTF of a parallel pair in 90–99 % of 200 seeds', () => {
    const model = loadModel(
      'name: p\ncomponents: { u: { count: 2, failure: { rate: 0.01 } } }\nsystem: { parallel: [u] }',
    );
    const exact = 1.5 / 0.01;
    let covered = 0;
    let coveredWrong = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const result = simulate(model, { seed, replications: 400, horizon: 100, grid: 2 });
      const mttf = result.measures.mttf as Estimate;
      if (mttf.ci95[0] <= exact && exact <= mttf.ci95[1]) covered++;
      if (mttf.ci95[0] <= exact * 1.05 && exact * 1.05 <= mttf.ci95[1]) coveredWrong++;
    }
    expect(covered, `covered ${covered} of 200 (seeds 1–200, n 400)`).toBeGreaterThanOrEqual(180);
    expect(covered, `covered ${covered} of 200 (seeds 1–200, n 400)`).toBeLessThanOrEqual(198);
    expect(coveredWrong, `power: covered a 5 % wrong MTTF ${coveredWrong} of 200`).toBeLessThan(
      180,
    );
  });
});
