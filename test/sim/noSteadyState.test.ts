/**
 * Measures the simulator must not print for maintenance models (found by an outside review):
 * steady measures of a unit whose Kijima type I virtual age grows without bound (each run gave
 * H(T)/T = T/η² as a "failure frequency", with a tight interval), and PFDavg over an arbitrary
 * default horizon when the model has no mission time.
 */
import { describe, expect, it } from 'vitest';
import { loadModel, simulate } from '../../src/index.js';

describe('no steady state, no mission', () => {
  it('leaves out the steady measures of an as-bad-as-old Weibull unit', () => {
    const result = simulate(
      loadModel(`name: worn
components:
  m:
    failure: { dist: weibull, shape: 2, scale: 1000 }
    repair: { dist: deterministic, value: 0 }
    imperfect_repair: { model: kijima-1, factor: 1 }
    costs: { corrective: 4 }
system: m
mission_time: 5000
`),
      { replications: 300, seed: 2, horizon: 20000 },
    );
    expect(result.measures.failureFrequency).toBeUndefined();
    expect(result.measures.mtbf).toBeUndefined();
    expect(result.measures.costRate).toBeUndefined();
    expect(result.warnings.join('\n')).toMatch(/virtual age grows without bound/);
    // Over [0, T] the expected failures are H(T) = (T/η)² = 400: missionCost ≈ 4·400.
    expect(result.measures.missionCost).toBeDefined();
  });

  it('leaves out pfdAvg and sil without a mission time, as the exact solvers do', () => {
    const result = simulate(
      loadModel(`name: no mission
components:
  c: { failure: { rate: 1e-5 }, repair: { dist: deterministic, value: 0 }, inspection: { interval: 8760 } }
system: c
`),
      { replications: 100, seed: 1 },
    );
    expect(result.measures.pfdAvg).toBeUndefined();
    expect(result.measures.sil).toBeUndefined();
    expect(result.warnings.join('\n')).toMatch(/pfdAvg and sil are left out: .*give mission_time/);
  });
});
