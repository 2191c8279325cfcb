import { describe, expect, it } from 'vitest';
import { coldStandbyReliability } from '../../src/analytic/coldStandbyReliability.js';
import { pointAvailability } from '../../src/analytic/pointAvailability.js';
import { intervalAvailability } from '../../src/markov/intervalAvailability.js';
import { makeAbsorbing } from '../../src/markov/makeAbsorbing.js';
import { pointAvailabilityCurve } from '../../src/markov/pointAvailabilityCurve.js';
import { reliabilityCurve } from '../../src/markov/reliabilityCurve.js';
import { solveSteadyState } from '../../src/markov/solveSteadyState.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { coldStandbyChain, kOutOfNChain, unitChain } from './chains.js';

describe('pointAvailabilityCurve', () => {
  it('pointAvailabilityCurve of one repairable unit matches pointAvailability to 1e-13 relative', () => {
    // Measured ≤ 2.3e-16 relative on A and ≤ 5.3e-16 on U = λ/(λ+μ)(1 − e^{−(λ+μ)t}) at tolerance 1e-17.
    const [rate, repairRate] = [0.001, 0.1];
    const times = [0, 1, 10, 100, 1000];
    const curve = pointAvailabilityCurve(unitChain(rate, repairRate), times, { tolerance: 1e-17 });
    times.forEach((t, j) => {
      expectRelClose(
        curve.availability[j],
        pointAvailability(rate, repairRate, t),
        1e-13,
        `A(${t})`,
      );
      const u = (-rate / (rate + repairRate)) * Math.expm1(-(rate + repairRate) * t);
      expectRelClose(curve.unavailability[j], u, 1e-12, `U(${t})`, 1e-300);
    });
  });

  it('pointAvailabilityCurve tends to the steady availability for large t', () => {
    const chain = kOutOfNChain(2, 4, 0.01, 0.3, 1);
    const steady = solveSteadyState(chain).probabilities;
    const a = steady.reduce((s, p, i) => s + (chain.up[i] === 1 ? p : 0), 0);
    expectRelClose(pointAvailabilityCurve(chain, [5000]).availability[0], a, 1e-11, 'A(5000)');
  });
});

describe('reliabilityCurve', () => {
  it('reliabilityCurve of a cold standby chain matches coldStandbyReliability to 1e-12 relative', () => {
    // Measured ≤ 2.6e-16 relative (tolerance 1e-17); the largest case has R ≈ 1e-4.
    for (const [rate, spares, p] of [
      [1, 1, 1],
      [0.5, 3, 0.9],
      [2, 5, 0.99],
    ] as const) {
      const times = [0, 0.1, 1, 3, 10];
      const curve = reliabilityCurve(coldStandbyChain(rate, spares, p), times, {
        tolerance: 1e-17,
      });
      times.forEach((t, j) =>
        expectRelClose(
          curve.reliability[j],
          coldStandbyReliability(rate, spares, t, p),
          1e-12,
          `R(${t}) λ=${rate} n=${spares} p=${p}`,
        ),
      );
    }
  });

  it('reliabilityCurve ignores repairs out of down states (first passage)', () => {
    // A unit with repair: R(t) = e^{−λt} whatever μ.
    const curve = reliabilityCurve(unitChain(0.5, 10), [2], { tolerance: 1e-17 });
    expectRelClose(curve.reliability[0], Math.exp(-1), 1e-14, 'R(2)');
    expectRelClose(curve.unreliability[0], -Math.expm1(-1), 1e-14, 'F(2)');
  });

  it('makeAbsorbing removes every transition out of the marked states', () => {
    const chain = makeAbsorbing(unitChain(1, 2), Uint8Array.of(1, 0));
    expect([...chain.exitRate]).toEqual([0, 2]);
    expect([...chain.rowStart]).toEqual([0, 0, 1]);
    expect(() => makeAbsorbing(unitChain(1, 2), Uint8Array.of(1))).toThrow(
      /^makeAbsorbing: absorbing must be 'down' or a Uint8Array of 2 entries; got "1 entries"$/,
    );
  });
});

describe('intervalAvailability', () => {
  it('intervalAvailability of one repairable unit matches the closed form to 1e-12 relative', () => {
    // Ā(T) = μ/(λ+μ) + λ(1 − e^{−(λ+μ)T})/((λ+μ)²T); measured ≤ 6.3e-15 (Ā) and 3.1e-15 (Ū)
    // relative at tolerance 1e-17.
    const [rate, repairRate] = [0.01, 0.5];
    const total = rate + repairRate;
    for (const horizon of [0.1, 1, 10, 100, 1000]) {
      const exact =
        repairRate / total + (-rate * Math.expm1(-total * horizon)) / (total * total * horizon);
      const exactDown = (rate / total) * (1 + Math.expm1(-total * horizon) / (total * horizon));
      const result = intervalAvailability(unitChain(rate, repairRate), horizon, {
        tolerance: 1e-17,
      });
      expectRelClose(result.availability, exact, 1e-12, `Ā(${horizon})`);
      expectRelClose(result.unavailability, exactDown, 1e-9, `Ū(${horizon})`);
    }
  });

  it('intervalAvailability at T = 0 is A(0) and refuses a negative horizon', () => {
    expect(intervalAvailability(unitChain(1, 1), 0).availability).toBe(1);
    expect(() => intervalAvailability(unitChain(1, 1), -1)).toThrow(
      /^intervalAvailability: horizon must be a finite number >= 0; got -1$/,
    );
  });
});
