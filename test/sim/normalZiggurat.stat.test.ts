/**
 * The ziggurat normal sampler (src/sim/normalZiggurat.ts) against the exact law Φ (STYLE.md §8,
 * "Samplers get a goodness-of-fit test at α plus moment checks"), with power checks: the same
 * tests must reject the sampler scaled by 1.01 (a 1 % scale error).
 *
 * Each `it` fails with probability α = 1e-4 for a correct sampler, whatever the stream: one
 * Kolmogorov–Smirnov test at α, and six z-checks at the Bonferroni z for k = 6. The exact values
 * come from src/numeric/normal.ts (Φ and its tail, checked against mpmath in test/numeric).
 */
import { describe, expect, it } from 'vitest';
import { normalCdf, normalSf } from '../../src/numeric/normal.js';
import { NORMAL_ZIGGURAT, nextNormal } from '../../src/sim/normalZiggurat.js';
import { replicationStream } from '../../src/sim/random.js';
import {
  ALPHA,
  expectAgreement,
  kolmogorovPValue,
  ksStatistic,
  proportionCheck,
  type StatCheck,
} from './statCheck.js';

type Sampler = () => number;

/** The stream of seed `seed`, replication 0, as a standard normal sampler scaled by `scale`. */
function sampler(seed: number, scale = 1): Sampler {
  const state = replicationStream(seed, 0);
  return () => scale * nextNormal(state);
}

/** Both tails, beyond the base strip's r = 3.44 too, and the first two moments of n draws. */
function tailChecks(draw: Sampler, n: number): StatCheck[] {
  let above2 = 0;
  let below3 = 0;
  let above4 = 0;
  let beyond5 = 0;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const z = draw();
    sum += z;
    squares += z * z;
    if (z > 2) above2++;
    if (z < -3) below3++;
    if (z > 4) above4++;
    if (Math.abs(z) > 5) beyond5++;
  }
  return [
    proportionCheck('P(Z > 2)', above2 / n, normalSf(2), n),
    proportionCheck('P(Z < −3)', below3 / n, normalSf(3), n),
    proportionCheck('P(Z > 4)', above4 / n, normalSf(4), n),
    // n·p(1 − p) = 22.9 at n = 4·10^7: the normal approximation of STYLE.md §8 still holds.
    proportionCheck('P(|Z| > 5)', beyond5 / n, 2 * normalSf(5), n),
    // The mean and the mean square of n standard normals: SE 1/√n and √(2/n) (Var Z² = 2).
    { label: 'mean', estimate: sum / n, exact: 0, se: 1 / Math.sqrt(n) },
    { label: 'mean square', estimate: squares / n, exact: 1, se: Math.sqrt(2 / n) },
  ];
}

describe('nextNormal (ziggurat): goodness of fit', () => {
  it('passes Kolmogorov–Smirnov against Φ on 4·10^6 draws at α = 1e-4; rejects a 1 % scale error', () => {
    const n = 4_000_000;
    const d = ksStatistic(sampler(20261206), n, normalCdf);
    const p = kolmogorovPValue(d, n);
    expect(
      p,
      `KS: seed 20261206 (replication 0), n ${n}, D ${d}, p-value ${p}, α ${ALPHA}\n` +
        'rerun: npx vitest run test/sim/normalZiggurat.stat.test.ts',
    ).toBeGreaterThan(ALPHA);
    // Power: a 1 % scale error moves Φ by up to 0.01·φ(1) = 0.0024 (at z = ±1), √n·D ≈ 4.8
    // against the critical 2.23 (at 10^6 draws it would be 2.4: too close); an independent
    // stream.
    const wrong = ksStatistic(sampler(20261207, 1.01), n, normalCdf);
    expect(
      kolmogorovPValue(wrong, n),
      `KS power check passed a 1 % scale error: D ${wrong}`,
    ).toBeLessThanOrEqual(ALPHA);
  });

  it('matches both tails, beyond r too, and the first two moments on 4·10^7 draws; rejects a 1 % scale error', () => {
    const n = 40_000_000;
    // Power: at 1.01 the mean square is 1.0201 (z ≈ 90) and P(Z > 4) is 3.78e-5 against 3.17e-5
    // (z ≈ 22); an independent stream.
    expectAgreement(
      `seed 20261208 (replication 0), n ${n}`,
      tailChecks(sampler(20261208), n),
      tailChecks(sampler(20261209, 1.01), n),
    );
  });
});

describe('nextNormal (ziggurat): tables', () => {
  const { r, v, x, f } = NORMAL_ZIGGURAT;

  it('has the r and v of test/reference/normal_ziggurat_reference.py, x₀ = 0 < … < x₁₂₇ = r, f = e^{−x²/2}', () => {
    // Marsaglia and Tsang print r = 3.442619855899 and v = 9.91256303526217e-3; the script
    // (mpmath 1.3.0, 40 digits) gives 3.44261985589665212 and 9.912563035336461079e-3.
    expect([r, v, x.length, x[0], x[127], f[0]]).toEqual([
      3.442619855896652, 9.91256303533646e-3, 128, 0, 3.442619855896652, 1,
    ]);
    for (let i = 1; i < 128; i++) {
      expect(x[i]!).toBeGreaterThan(x[i - 1]!);
      expect(f[i]).toBe(Math.exp(-0.5 * x[i]! * x[i]!));
    }
  });

  it('gives every layer the area v to 1e-12 relative, the base strip with its tail included', () => {
    // The base strip: r·f(r) plus the tail ∫_r^∞ e^{−x²/2} dx = √(2π)·Φ̄(r).
    const areas = [r * f[127]! + Math.sqrt(2 * Math.PI) * normalSf(r)];
    for (let i = 1; i < 128; i++) areas.push(x[i]! * (f[i - 1]! - f[i]!));
    const worst = Math.max(...areas.map((a) => Math.abs(a - v) / v));
    expect(worst).toBeLessThanOrEqual(1e-12);
  });
});

describe('nextNormal (ziggurat): change guard', () => {
  // Change guard, not a reference: these values were printed by this implementation
  // (2026-12-06); the goodness-of-fit tests above are what show it right.
  it('pins the first outputs from state (1, 2, 3, 4), and the state after 10^6 more draws', () => {
    const state = Uint32Array.of(1, 2, 3, 4);
    expect(Array.from({ length: 8 }, () => nextNormal(state))).toEqual([
      0.000009959273404080636, -0.005123939157078625, -0.4801273832951458, 0.8461152746217816,
      1.202539573506101, -0.11739245102610937, 0.97050707546859, -2.684133002136925,
    ]);
    let largest = 0;
    let tail = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const value = Math.abs(nextNormal(state));
      if (value > NORMAL_ZIGGURAT.r) tail++;
      largest = Math.max(largest, value);
    }
    // The tail path ran (569 draws beyond ±r, about 576 expected; the largest 4.90).
    expect([tail, largest]).toEqual([569, 4.896597851299278]);
    expect([nextNormal(state), nextNormal(state)]).toEqual([
      0.8640471548544466, -0.7096797717686024,
    ]);
    expect(Array.from(state)).toEqual([2711485525, 1556024509, 2743464275, 228206511]);
  });
});
