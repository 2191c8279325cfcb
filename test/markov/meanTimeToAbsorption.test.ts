import { describe, expect, it } from 'vitest';
import { coldStandbyMttf } from '../../src/analytic/coldStandbyReliability.js';
import { repairableDuplexCoverage } from '../../src/analytic/repairableDuplexCoverage.js';
import { repairableKOutOfN } from '../../src/analytic/repairableKOutOfN.js';
import { ConvergenceError } from '../../src/errors.js';
import { buildCtmc } from '../../src/markov/buildCtmc.js';
import { meanTimeToAbsorption } from '../../src/markov/meanTimeToAbsorption.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { coldStandbyChain, duplexCoverageChain, kOutOfNChain } from './chains.js';
import { SCIPY_CHAINS } from './scipyChains.js';

describe('meanTimeToAbsorption', () => {
  it('meanTimeToAbsorption with down absorbing matches repairableKOutOfN().mttf (elimination 1e-13, Gauss–Seidel 1e-8)', () => {
    // Measured: elimination ≤ 2.5e-16 relative; Gauss–Seidel ≤ 3.6e-9 at residual tolerance 1e-14
    // (1-of-4: MTTF 2.3e5 h, slow contraction, so a small residual still leaves 1e-9 error).
    for (const [k, n, rate, repairRate, crews] of [
      [2, 3, 0.001, 0.1, 1],
      [3, 5, 0.01, 0.5, 2],
      [1, 4, 0.02, 0.5, 4],
      [8, 10, 0.001, 0.2, 3],
    ] as const) {
      const chain = kOutOfNChain(k, n, rate, repairRate, crews);
      const exact = repairableKOutOfN(k, n, rate, repairRate, crews).mttf;
      const direct = meanTimeToAbsorption(chain, 'down');
      expect(direct.method).toBe('elimination');
      expectRelClose(direct.meanTime, exact, 1e-13, `elimination ${k}-of-${n}`);
      const iterative = meanTimeToAbsorption(chain, 'down', { directLimit: 1, tolerance: 1e-14 });
      expect(iterative.method).toBe('gauss-seidel');
      expectRelClose(iterative.meanTime, exact, 1e-8, `gauss-seidel ${k}-of-${n}`);
    }
  });

  it('meanTimeToAbsorption matches repairableDuplexCoverage().mttf and coldStandbyMttf to 1e-13', () => {
    for (const coverage of [1, 0.95, 0.5]) {
      const chain = duplexCoverageChain(0.001, coverage, 0.1, 0.5);
      expectRelClose(
        meanTimeToAbsorption(chain, 'down').meanTime,
        repairableDuplexCoverage(0.001, coverage, 0.1, 0.5).mttf,
        1e-13,
        `c=${coverage}`,
      );
    }
    expectRelClose(
      meanTimeToAbsorption(coldStandbyChain(0.5, 4, 0.9), 'down').meanTime,
      coldStandbyMttf(0.5, 4, 0.9),
      1e-13,
      'cold',
    );
  });

  it('meanTimeToAbsorption matches the mpmath MTTF of three random chains to 1e-13', () => {
    for (const reference of SCIPY_CHAINS) {
      const chain = buildCtmc(
        reference.n,
        reference.transitions.map(([from, to, rate]) => ({ from, to, rate })),
        reference.up,
        0,
      );
      expectRelClose(
        meanTimeToAbsorption(chain, 'down').meanTime,
        reference.mttf,
        1e-13,
        `n=${reference.n}`,
      );
    }
  });

  it('meanTimeToAbsorption gives the time spent in each state, 0 from an absorbing start, Infinity when absorption is not certain', () => {
    const chain = buildCtmc(2, [{ from: 0, to: 1, rate: 4 }], [1, 0], 0);
    const result = meanTimeToAbsorption(chain, 'down');
    expect([...result.timeInState]).toEqual([0.25, 0]);
    expect(
      meanTimeToAbsorption(buildCtmc(2, [{ from: 0, to: 1, rate: 4 }], [1, 0], 1), 'down').meanTime,
    ).toBe(0);
    // 0 → 1 (down) or 0 → 2, an up trap: the mean is infinite.
    const trap = buildCtmc(
      3,
      [
        { from: 0, to: 1, rate: 1 },
        { from: 0, to: 2, rate: 1 },
      ],
      [1, 0, 1],
      0,
    );
    const infinite = meanTimeToAbsorption(trap, 'down');
    expect(infinite.meanTime).toBe(Infinity);
    expect(infinite.warnings).toEqual([
      'meanTimeToAbsorption: state 2 is reachable but cannot reach an absorbing state, so the mean time is infinite',
    ]);
  });

  it('meanTimeToAbsorption accepts an explicit absorbing mask and refuses a bad one', () => {
    const chain = kOutOfNChain(1, 3, 1, 1, 1);
    expectRelClose(
      meanTimeToAbsorption(chain, Uint8Array.of(0, 1, 0, 0)).meanTime,
      1 / 3,
      1e-15,
      'to first failure',
    );
    expect(() => meanTimeToAbsorption(chain, Uint8Array.of(0, 1))).toThrow(
      /^meanTimeToAbsorption: absorbing must be 'down' or a Uint8Array of 4 entries; got "2 entries"$/,
    );
    expect(() => meanTimeToAbsorption(chain, Uint8Array.of(0, 2, 0, 0))).toThrow(
      /^meanTimeToAbsorption: absorbing\[1\] must be 0 or 1; got 2$/,
    );
  });

  it('meanTimeToAbsorption throws ConvergenceError when Gauss–Seidel runs out of sweeps', () => {
    const chain = kOutOfNChain(2, 3, 0.001, 0.1, 1);
    expect(() => meanTimeToAbsorption(chain, 'down', { directLimit: 1, maxIterations: 3 })).toThrow(
      ConvergenceError,
    );
  });
});
