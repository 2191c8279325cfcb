import { describe, expect, it } from 'vitest';
import { coldStandbyReliability } from '../../src/analytic/formulas/coldStandbyReliability.js';
import { pointAvailability } from '../../src/analytic/formulas/pointAvailability.js';
import { intervalAvailability } from '../../src/markov/measures/intervalAvailability.js';
import { makeAbsorbing } from '../../src/markov/generation/makeAbsorbing.js';
import { pointAvailabilityCurve } from '../../src/markov/measures/pointAvailabilityCurve.js';
import { reliabilityCurve } from '../../src/markov/measures/reliabilityCurve.js';
import { solveSteadyState } from '../../src/markov/linalg/solveSteadyState.js';
import { buildCtmc } from '../../src/markov/generation/buildCtmc.js';
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

  it('pointAvailabilityCurve by uniformization keeps U ≈ 1e-9 … 1e-15 to 1e-12 relative at the default tolerance', () => {
    // U(t) = λ/(λ+μ)(1 − e^{−(λ+μ)t}); the old absolute truncation of 1e-12 allowed 1e-3
    // relative at U = 1e-9. Measured ≤ 2e-16.
    const [rate, repairRate] = [1e-6, 1];
    const times = [1e-9, 1e-6, 1e-3, 1, 30];
    const curve = pointAvailabilityCurve(unitChain(rate, repairRate), times, {
      method: 'uniformization',
    });
    times.forEach((t, j) => {
      const u = (-rate / (rate + repairRate)) * Math.expm1(-(rate + repairRate) * t);
      expectRelClose(curve.unavailability[j], u, 1e-12, `U(${t})`);
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

  it('reliabilityCurve by uniformization keeps R = e^{−30} ≈ 9.4e-14 to 1e-12 relative (truncation relative to R)', () => {
    // The iterates give R only at step 0 (a_0 = 1, a_k = 0 after), which a window of absolute
    // truncation 1e-12 centred on q·t = 30 left out: the result was 0. Measured 4e-16.
    const part = buildCtmc(2, [{ from: 0, to: 1, rate: 1 }], [1, 0], 0);
    const curve = reliabilityCurve(part, [30, 5], { method: 'uniformization' });
    expect(curve.method).toBe('uniformization');
    expectRelClose(curve.reliability[0], Math.exp(-30), 1e-12, 'R(30)');
    expectRelClose(curve.reliability[1], Math.exp(-5), 1e-12, 'R(5)');
    expectRelClose(curve.unreliability[1], -Math.expm1(-5), 1e-14, 'F(5)');
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

  it('intervalAvailability over short horizons keeps Ū to 1e-12 relative, T = 1e-280 included', () => {
    // Ū(T) = λ/(λ+μ)(1 + expm1(−(λ+μ)T)/((λ+μ)T)) ≈ λT/2 for small T; the window's tails lost
    // P{N > 0} ≈ qT there (T = 1e-300 gave 0/0 → 0 for Ā). Below q·T = 1e-290 the horizon counts
    // as 0 (Ū = U(0)), an absolute error under 1e-290. Measured ≤ 1.1e-15.
    const [rate, repairRate] = [0.01, 0.5];
    const total = rate + repairRate;
    for (const horizon of [1e-280, 1e-12, 1e-3, 0.5, 1.5]) {
      const x = total * horizon;
      // expm1(−x)/x + 1 by its series below 1e-5, where the division would cancel.
      const ratio = x < 1e-5 ? x / 2 - (x * x) / 6 : 1 + Math.expm1(-x) / x;
      const exactDown = (rate / total) * ratio;
      for (const method of ['uniformization', 'squaring'] as const) {
        const result = intervalAvailability(unitChain(rate, repairRate), horizon, { method });
        expectRelClose(result.unavailability, exactDown, 1e-12, `Ū(${horizon}) ${method}`);
        expectRelClose(result.availability, 1 - exactDown, 1e-15, `Ā(${horizon}) ${method}`);
      }
    }
    for (const method of ['uniformization', 'squaring'] as const) {
      const tiny = intervalAvailability(unitChain(rate, repairRate), 1e-300, { method });
      expect(tiny.availability).toBe(1);
      expect(tiny.unavailability).toBeLessThan(1e-290);
    }
  });

  it('intervalAvailability at T = 0 is A(0) and refuses a negative horizon', () => {
    expect(intervalAvailability(unitChain(1, 1), 0).availability).toBe(1);
    expect(() => intervalAvailability(unitChain(1, 1), -1)).toThrow(
      /^intervalAvailability: horizon must be a finite number >= 0; got -1$/,
    );
  });
});
