import { describe, expect, it } from 'vitest';
import {
  ageReplacementCostRate,
  optimalAgeReplacement,
} from '../../src/analytic/formulas/ageReplacement.js';
import {
  proofTestedPfd,
  proofTestedPfdAverage,
  safetyIntegrityLevel,
} from '../../src/analytic/formulas/proofTestedPfd.js';
import { exponential } from '../../src/distributions/exponential.js';
import { weibull } from '../../src/distributions/weibull.js';
import { ParameterError } from '../../src/errors.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/maintenance_reference.py (mpmath 1.3.0, 40 digits,
// 2026-12-06): PFDavg by a closed-form expansion into exponentials (no quadrature), checked there
// against mpmath quadrature at 1e-30; age replacement by findroot on dC/dT with the incomplete
// gamma function for ∫R.

// [k, n, λ_DU, β, T₁, PFDavg]
const PFD_AVERAGE: [number, number, number, number, number, number][] = [
  [1, 1, 1e-6, 0, 8760, 0.004367238360223395],
  [1, 1, 2e-6, 0, 4380, 0.004367238360223395],
  [1, 2, 5e-6, 0.1, 8760, 0.0026881026196305647],
  [1, 2, 5e-6, 0, 8760, 0.0006188958325521291],
  [2, 3, 5e-6, 0.05, 8760, 0.0027356319471174644],
  [2, 3, 1e-4, 0.1, 8760, 0.28398834949332846],
  [1, 3, 1e-7, 0.02, 17520, 1.7521058107540827e-5],
  [2, 2, 1e-6, 0, 8760, 0.008709064890924358],
  [3, 5, 3e-5, 0.1, 2000, 0.0033385268002376744],
];

// PFD(t) of 2oo3, λ_DU = 1e-4, β = 0.1, T₁ = 8760: [t, PFD(t)]
const PFD_AT: [number, number][] = [
  [0, 0],
  [1, 1.0024246112515957e-5],
  [100, 0.0012386468740757633],
  [4380, 0.28142035751020283],
  [8759, 0.6041322678987006],
  [8760, 0],
  [13140, 0.28142035751020283],
];

describe('proofTestedPfd and proofTestedPfdAverage (exact, perfect instantaneous tests)', () => {
  // Tolerance 1e-12: Gauss–Kronrod at 1e-13 requested; measured at most 2e-15 relative.
  it.each(PFD_AVERAGE)(
    '%doo%d, λ = %f, β = %f, T₁ = %f: PFDavg',
    (k, n, rate, beta, testInterval, expected) => {
      expectRelClose(proofTestedPfdAverage({ k, n, rate, beta, testInterval }), expected, 1e-12);
    },
  );

  // Tolerance 1e-13: expm1 terms summed by the k-out-of-n kernel, a few ε each.
  it.each(PFD_AT)('the 2oo3 saw-tooth at t = %f', (t, expected) => {
    const group = { k: 2, n: 3, rate: 1e-4, beta: 0.1, testInterval: 8760 };
    expectRelClose(proofTestedPfd(group, t), expected, 1e-13, `t = ${t}`);
  });

  it('keeps its digits where 1 − x would not: 1oo2 with λT₁ = 1e-9', () => {
    // ((λT)²/3 + …) with λT = 1e-9: the series 1/3·x² − 1/4·x³ … to 40 digits.
    const x = 1e-9;
    expectRelClose(
      proofTestedPfdAverage({ k: 1, n: 2, rate: 1e-9, testInterval: 1 }),
      x ** 2 / 3 - x ** 3 / 4,
      1e-12,
    );
  });

  it('approaches the IEC 61508-6 simplified formulas when λT₁ ≪ 1', () => {
    const [rate, beta, testInterval] = [1e-7, 0.1, 8760];
    const x = rate * testInterval;
    const oneOfTwo = ((1 - beta) * x) ** 2 / 3 + (beta * x) / 2;
    const twoOfThree = ((1 - beta) * x) ** 2 + (beta * x) / 2;
    expectRelClose(proofTestedPfdAverage({ k: 1, n: 2, rate, beta, testInterval }), oneOfTwo, 1e-3);
    expectRelClose(
      proofTestedPfdAverage({ k: 2, n: 3, rate, beta, testInterval }),
      twoOfThree,
      1e-3,
    );
  });

  it('refuses bad groups with a named parameter', () => {
    const good = { k: 1, n: 2, rate: 1e-6, testInterval: 8760 };
    expect(() => proofTestedPfdAverage({ ...good, k: 3 })).toThrow(ParameterError);
    expect(() => proofTestedPfdAverage({ ...good, rate: -1 })).toThrow(/rate/);
    expect(() => proofTestedPfdAverage({ ...good, beta: 1.5 })).toThrow(/beta/);
    expect(() => proofTestedPfdAverage({ ...good, testInterval: 0 })).toThrow(/testInterval/);
    expect(() => proofTestedPfd(good, -1)).toThrow(/\bt\b/);
  });
});

describe('safetyIntegrityLevel (IEC 61508-1 table 2, low demand)', () => {
  it('bands PFDavg with closed lower ends', () => {
    const cases: [number, number][] = [
      [0, 4],
      [1e-5, 4],
      [9.99e-5, 4],
      [1e-4, 3],
      [1e-3, 2],
      [0.0027, 2],
      [1e-2, 1],
      [0.0999, 1],
      [0.1, 0],
      [1, 0],
    ];
    for (const [pfd, sil] of cases) expect(safetyIntegrityLevel(pfd), `${pfd}`).toBe(sil);
    expect(() => safetyIntegrityLevel(NaN)).toThrow(ParameterError);
  });
});

describe('ageReplacementCostRate and optimalAgeReplacement (Weibull lives)', () => {
  const costs = { preventive: 1, corrective: 5 };
  const bearing = weibull({ scale: 1000, shape: 2.5 });

  it('gives C(T) of the Weibull bearing at 1e-12', () => {
    for (const [age, expected] of [
      [100, 0.010135440327574487],
      [493, 0.003462042759614446],
      [2000, 0.005622418181551927],
    ] as const) {
      expectRelClose(ageReplacementCostRate(bearing, age, costs), expected, 1e-12, `T = ${age}`);
    }
    expectRelClose(ageReplacementCostRate(bearing, Infinity, costs), 0.005635302489930138, 1e-13);
  });

  // [scale, shape, c_p, c_u, T*, C(T*)]; the check: about 493 h at 0.003462 per hour.
  const OPTIMA: [number, number, number, number, number, number][] = [
    [1000, 2.5, 1, 5, 493.0469575966341, 0.0034620427387892687],
    [500, 3.5, 2, 30, 181.21802222464504, 0.015500100934928476],
    [1000, 1.8, 1, 3, 821.4553250882194, 0.003075881926116962],
  ];
  it.each(OPTIMA)(
    'Weibull(%f, %f), c_p = %f, c_u = %f: T* and C(T*)',
    (scale, shape, preventive, corrective, age, cost) => {
      const found = optimalAgeReplacement(weibull({ scale, shape }), { preventive, corrective });
      // The cost at the optimum to 1e-12 (flat there); the age to 1e-7 (Brent at 1e-10 on a
      // minimum of curvature C'' gives about √(2ε·C/C'')/T* ≈ 1e-8 relative).
      expectRelClose(found.costRate, cost, 1e-12, 'C(T*)');
      expectRelClose(found.age, age, 1e-7, 'T*');
      expect(found.note).toBeUndefined();
    },
  );

  it('says run to failure when the hazard is constant (no age beats it)', () => {
    const found = optimalAgeReplacement(exponential({ mean: 1000 }), costs);
    expect(found.age).toBe(Infinity);
    expect(found.costRate).toBe(5 / 1000);
    expect(found.note).toMatch(/running to failure/);
  });

  it('refuses a negative cost and an empty range', () => {
    expect(() => ageReplacementCostRate(bearing, 100, { preventive: -1, corrective: 5 })).toThrow(
      /costs.preventive/,
    );
    expect(() => optimalAgeReplacement(bearing, costs, [10, 5])).toThrow(/range/);
  });
});
