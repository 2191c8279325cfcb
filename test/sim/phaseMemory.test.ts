/**
 * Units whose cycles are nearly periodic remember the phase they started in
 * (src/sim/phaseMemory.ts). Two units in parallel with uniform(90, 110) lives and repairs of
 * exactly 20 were started in step in every replication; at the default horizon (1 000) their
 * simulated U was 0.063 against the exact 0.0278 (z = 86 with 10 000 replications) and
 * `relkit check` said DIFF on all seven steady measures. Now they are inconclusive with the
 * reason and a horizon, and at that horizon they agree with the exact values (alternating
 * renewal, independent units: U = (20/120)²). Closed forms of |φ| from the characteristic
 * functions: exponential 1/√(1 + (ωm)²), uniform |sin(ωh)/(ωh)| (h the half-width), gamma
 * (1 + (ωθ)²)^(−k/2); held to 1e-7 (the quadrature's tolerance is 1e-8).
 */
import { describe, expect, it } from 'vitest';
import { deterministic } from '../../src/distributions/deterministic.js';
import { exponential } from '../../src/distributions/exponential.js';
import { gamma } from '../../src/distributions/gamma.js';
import { uniform } from '../../src/distributions/uniform.js';
import { weibull } from '../../src/distributions/weibull.js';
import { loadModel } from '../../src/model/loadModel.js';
import type { Estimate } from '../../src/model/Result.js';
import { characteristicModulus, phaseMemory } from '../../src/sim/phaseMemory.js';
import { simulate } from '../../src/sim/simulate.js';
import { STEADY_MEASURES } from '../../src/sim/types.js';
import { expectAgreement, meanCheck } from './statCheck.js';

describe('characteristicModulus', () => {
  const omega = (2 * Math.PI) / 120;
  it('matches the closed forms of the characteristic functions', () => {
    expect(characteristicModulus(deterministic({ value: 20 }), omega)).toBe(1);
    const x = omega * 10;
    expect(characteristicModulus(uniform({ min: 90, max: 110 }), omega)).toBeCloseTo(
      Math.sin(x) / x,
      7,
    );
    // Gamma of shape 4, scale 25 (CV 0.5).
    expect(characteristicModulus(gamma({ shape: 4, scale: 25 }), omega)).toBeCloseTo(
      (1 + (omega * 25) ** 2) ** -2,
      7,
    );
    // An exponential of mean 100: 1/√(1 + (ωm)²) = 0.188.
    expect(characteristicModulus(exponential({ mean: 100 }), omega)).toBeCloseTo(
      1 / Math.sqrt(1 + (omega * 100) ** 2),
      7,
    );
    // A standard deviation of a period or more counts as forgetting at once.
    expect(characteristicModulus(exponential({ mean: 130 }), omega)).toBe(0);
  });

  it('is near 1 for a Weibull of shape 20 and small for shape 2', () => {
    expect(characteristicModulus(weibull({ shape: 20, scale: 100 }), omega)).toBeGreaterThan(0.9);
    expect(characteristicModulus(weibull({ shape: 2, scale: 100 }), omega)).toBeLessThan(0.5);
  });
});

const twins = (life: string): string => `name: twins
components:
  u:
    count: 2
    failure: ${life}
    repair: { dist: deterministic, value: 20 }
system:
  parallel: [u]
`;

describe('phaseMemory', () => {
  it('twin units of little spread remember their phase for about 2 600', () => {
    const { value, what } = phaseMemory(loadModel(twins('{ dist: uniform, min: 90, max: 110 }')));
    // ρ = sin(π/6)/(π/6) = 0.95493, τ = 120/−ln ρ.
    expect(value).toBeCloseTo(120 / -Math.log(0.5 / (Math.PI / 6)), 3);
    expect(what).toMatch(/u's nearly periodic cycles \(damped by 0\.955 per cycle of 120\)/);
  });

  it('exponential lives forget within a cycle; a deterministic cycle never does', () => {
    // ρ = 1/√(1 + (2π·100/120)²) = 0.188, τ = 120/−ln ρ = 72 (repair deterministic).
    expect(phaseMemory(loadModel(twins('{ dist: exponential, mean: 100 }'))).value).toBeCloseTo(
      120 / -Math.log(1 / Math.sqrt(1 + ((2 * Math.PI * 100) / 120) ** 2)),
      3,
    );
    expect(phaseMemory(loadModel(twins('{ dist: deterministic, value: 100 }'))).value).toBe(
      Infinity,
    );
  });
});

describe('the twins simulated', () => {
  const model = loadModel(twins('{ dist: uniform, min: 90, max: 110 }'));
  it('at the default horizon: every steady measure inconclusive, with a horizon that settles them', () => {
    const { measures } = simulate(model, { seed: 1, replications: 2000 });
    for (const name of STEADY_MEASURES) {
      expect((measures[name] as Estimate).inconclusive, name).toMatch(
        /starts its units new and in step, .* simulate a horizon of at least 26020 h/,
      );
    }
  });

  it('at that horizon: conclusive and agreeing with the exact values', () => {
    const { measures } = simulate(model, { seed: 2, replications: 1000, horizon: 30000 });
    for (const name of STEADY_MEASURES) {
      expect((measures[name] as Estimate).inconclusive, name).toBeUndefined();
    }
    // U = (20/120)² = 1/36; ω = 2 · (1/120) · (20/120) = 1/360.
    expectAgreement('twins, horizon 30 000', [
      meanCheck('steadyUnavailability', measures.steadyUnavailability, 1 / 36),
      meanCheck('failureFrequency', measures.failureFrequency, 1 / 360),
    ]);
  });
});
