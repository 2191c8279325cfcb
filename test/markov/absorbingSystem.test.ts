import { describe, expect, it } from 'vitest';
import {
  absorbingSystem,
  renewalResidual,
  scaleToAbsorption,
} from '../../src/markov/linalg/absorbingSystem.js';
import { buildCtmc } from '../../src/markov/generation/buildCtmc.js';
import { meanTimeToAbsorption } from '../../src/markov/linalg/meanTimeToAbsorption.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';

/**
 * 0 → 1 → 2 (absorbing), 1 → 0 repairs, 0 → 3 → 0 a detour, and state 4 (absorbing) where a
 * quarter of the initial mass starts: α = (0.75, 0, 0, 0, 0.25).
 */
function detourChain() {
  return buildCtmc(
    5,
    [
      { from: 0, to: 1, rate: 0.02 },
      { from: 0, to: 3, rate: 0.5 },
      { from: 1, to: 0, rate: 1 },
      { from: 1, to: 2, rate: 0.01 },
      { from: 3, to: 0, rate: 2 },
    ],
    [1, 1, 0, 1, 0],
    [0.75, 0, 0, 0, 0.25],
  );
}

describe('absorbingSystem', () => {
  it('renumbers the transient states and groups the transitions inside them by target', () => {
    const system = absorbingSystem(
      detourChain(),
      Uint8Array.of(0, 0, 1, 0, 1),
      Int32Array.of(0, 1, 3),
    );
    expect([...system.states]).toEqual([0, 1, 3]);
    // Into 0 (position 0) from 1 and 3; into 1 from 0; into 3 (position 2) from 0.
    expect([...system.start]).toEqual([0, 2, 3, 4]);
    expect([...system.source]).toEqual([1, 2, 0, 0]);
    expect([...system.rate]).toEqual([1, 2, 0.02, 0.5]);
    expect([...system.exitRate]).toEqual([0.52, 1.01, 2]);
    expect([...system.toAbsorbing]).toEqual([0, 0.01, 0]);
    expect([...system.restart]).toEqual([1, 0, 0]);
    expect(system.initialMass).toBe(0.75);
    expect(system.maxExit).toBe(2);
  });

  it('renewalResidual is 0 for τ at any scale, positive otherwise, and without absorption flow judges stationarity alone', () => {
    const chain = detourChain();
    const system = absorbingSystem(chain, Uint8Array.of(0, 0, 1, 0, 1), Int32Array.of(0, 1, 3));
    const exact = meanTimeToAbsorption(chain, Uint8Array.of(0, 0, 1, 0, 1));
    const tau = Float64Array.from([0, 1, 3], (i) => element(exact.timeInState, i));
    expect(renewalResidual(system, tau)).toBeLessThan(1e-16);
    expect(
      renewalResidual(
        system,
        tau.map((t) => 1e-30 * t),
      ),
    ).toBeLessThan(1e-16);
    expect(renewalResidual(system, Float64Array.of(1, 1, 1))).toBeGreaterThan(0.1);
    // No flow: balance of 0 and 3 without restarts, (1.48 + 0.02 + 1.5) / (2 · 2).
    expect(renewalResidual(system, Float64Array.of(1, 0, 1))).toBeCloseTo(0.75, 15);
  });

  it('scaleToAbsorption turns any multiple of τ into τ, with the mass that starts absorbed left out', () => {
    const chain = detourChain();
    const mask = Uint8Array.of(0, 0, 1, 0, 1);
    const system = absorbingSystem(chain, mask, Int32Array.of(0, 1, 3));
    const exact = meanTimeToAbsorption(chain, mask);
    const x = Float64Array.from([0, 1, 3], (i) => element(exact.timeInState, i) * 123.5);
    expectRelClose(scaleToAbsorption(system, x), exact.meanTime, 1e-15, 'mean');
    expectRelClose(x[1], exact.timeInState[1], 1e-15, 'τ_1');
    // By hand: from 0, reaching 1 takes 26 visits to 0 (1/0.52 h each) and 25 detours to 3
    // (0.5 h each), 62.5 h; state 1 is visited 101 times (1/1.01 h each) before absorption;
    // three quarters of the mass start in 0: 0.75 · 101 · (62.5 + 1/1.01) = 4809.375.
    expectRelClose(exact.meanTime, 4809.375, 1e-15, 'by hand');
  });

  it('meanTimeToAbsorption gives the same mean by every method when part of the mass starts absorbed', () => {
    const chain = detourChain();
    const direct = meanTimeToAbsorption(chain, 'down');
    for (const method of ['bicgstab', 'gauss-seidel'] as const) {
      expectRelClose(
        meanTimeToAbsorption(chain, 'down', { method }).meanTime,
        direct.meanTime,
        1e-13,
        method,
      );
    }
  });
});
