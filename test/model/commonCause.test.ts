import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import type { CommonCauseModelKind } from '../../src/model/Model.js';
import {
  MAX_COMMON_CAUSE_MEMBERS,
  commonCauseFactorIssues,
  commonCauseLevels,
  expandCommonCause,
  type CommonCauseEvent,
} from '../../src/model/commonCause.js';
import { exactSum } from '../../src/numeric/sum.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';

// Reference values: test/reference/common_cause_reference.py (python 3.11.7, fractions only,
// run 2026-12-05): each model derived from its definition (MGL from the conditional
// probabilities ρ_k through the tails of the member's shares, alpha-factor from "α_k ∝ C(n, k)
// Q_k" and the member's total) in exact rational arithmetic from the same doubles, rounded once.
// Tolerance 1e-14 relative: each Q_k is a product of at most n + 3 rounded numbers; measured
// at most 2.2e-16 (1 ulp) over these rows.
const RELATIVE = 1e-14;

type Row = [CommonCauseModelKind, number, number[], number, number[]];
const LEVELS: Row[] = [
  ['beta-factor', 2, [0.1], 1e-3, [0.0009, 0.0001]],
  ['beta-factor', 3, [0.1], 1e-3, [0.0009, 0.0, 0.0001]],
  ['beta-factor', 4, [0.05], 2.5e-4, [0.0002375, 0.0, 0.0, 1.25e-5]],
  ['MGL', 2, [0.1], 1e-3, [0.0009, 0.0001]],
  ['MGL', 3, [0.1, 0.3], 1e-3, [0.0009, 3.5000000000000004e-5, 3e-5]],
  ['MGL', 4, [0.1, 0.2, 0.3], 1e-3, [0.0009, 2.666666666666667e-5, 4.666666666666667e-6, 6e-6]],
  ['MGL', 4, [0.12, 0.0, 0.5], 3e-5, [2.64e-5, 1.2e-6, 0.0, 0.0]],
  [
    'MGL',
    8,
    [0.1, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8],
    1e-3,
    [
      0.0009, 1e-5, 8.571428571428571e-7, 1.7142857142857143e-7, 6.857142857142859e-8,
      5.1428571428571436e-8, 7.199999999999998e-8, 2.0160000000000003e-6,
    ],
  ],
  ['alpha-factor', 2, [0.95, 0.05], 1e-3, [0.0009047619047619047, 9.523809523809525e-5]],
  [
    'alpha-factor',
    3,
    [0.95, 0.03, 0.02],
    1e-3,
    [0.0008878504672897196, 2.8037383177570094e-5, 5.6074766355140194e-5],
  ],
  [
    'alpha-factor',
    4,
    [0.9, 0.05, 0.03, 0.02],
    2.5e-4,
    [0.0001923076923076923, 7.122507122507123e-6, 6.41025641025641e-6, 1.7094017094017095e-5],
  ],
  [
    'alpha-factor',
    4,
    [90, 5, 3, 2],
    2.5e-4,
    [0.0001923076923076923, 7.122507122507123e-6, 6.410256410256411e-6, 1.7094017094017095e-5],
  ],
  [
    'alpha-factor',
    8,
    [0.9, 0.03, 0.02, 0.015, 0.01, 0.01, 0.01, 0.005],
    1e-3,
    [
      0.0006923076923076924, 6.5934065934065935e-6, 2.197802197802198e-6, 1.3186813186813185e-6,
      1.098901098901099e-6, 2.197802197802198e-6, 7.692307692307692e-6, 3.076923076923077e-5,
    ],
  ],
  ['phi-factor', 2, [0.9, 0.1], 1e-3, [0.0009000000000000001, 0.0001]],
  ['phi-factor', 3, [0.9, 0.07, 0.03], 1e-3, [0.0009000000000000001, 7.000000000000001e-5, 3e-5]],
  ['phi-factor', 4, [0.85, 0.1, 0.03, 0.02], 2.5e-4, [0.0002125, 2.5e-5, 7.5e-6, 5e-6]],
];

/** Σ_k C(n − 1, k − 1) Q_k: the rare-event probability that one given member fails. */
function memberSum(levels: Float64Array): number {
  const n = levels.length;
  return exactSum(Array.from(levels, (q, i) => binomial(n - 1, i) * q));
}

function binomial(m: number, j: number): number {
  let c = 1;
  for (let i = 1; i <= j; i++) c = (c * (m - j + i)) / i;
  return c;
}

describe('commonCauseLevels', () => {
  it('commonCauseLevels matches the exact rational references for n = 2, 3, 4 and 8', () => {
    for (const [model, n, factors, total, expected] of LEVELS) {
      const levels = commonCauseLevels(model, n, factors, total);
      expect(levels.length).toBe(n);
      expected.forEach((q, i) => {
        expectRelClose(levels[i], q, RELATIVE, `${model} n=${n} [${factors.join(', ')}] Q${i + 1}`);
      });
    }
  });

  it('commonCauseLevels gives the hand-derived forms of the MEF for n = 3 and 4', () => {
    const q = 1e-3;
    // MGL, n = 4 (the MEF's worked example): Q1 = (1−ρ2)Q, Q2 = ρ2(1−ρ3)Q/3, Q3 = ρ2ρ3(1−ρ4)Q/3,
    // Q4 = ρ2ρ3ρ4 Q.
    const [b, g, d] = [0.1, 0.2, 0.3];
    const mgl = commonCauseLevels('MGL', 4, [b, g, d], q);
    const handMgl = [(1 - b) * q, (b * (1 - g) * q) / 3, (b * g * (1 - d) * q) / 3, b * g * d * q];
    handMgl.forEach((x, i) => expectRelClose(mgl[i], x, RELATIVE, `MGL Q${i + 1}`));
    // Alpha-factor, n = 3: α_t = α1 + 2α2 + 3α3; Q1 = α1 Q/α_t, Q2 = 2α2 Q/(2α_t), Q3 = 3α3 Q/α_t.
    const [a1, a2, a3] = [0.95, 0.03, 0.02];
    const at = a1 + 2 * a2 + 3 * a3;
    const alpha = commonCauseLevels('alpha-factor', 3, [a1, a2, a3], q);
    [(a1 * q) / at, (a2 * q) / at, (3 * a3 * q) / at].forEach((x, i) =>
      expectRelClose(alpha[i], x, RELATIVE, `alpha Q${i + 1}`),
    );
    // Beta-factor, n = 3: only the independent and the all-member events.
    expect(Array.from(commonCauseLevels('beta-factor', 3, [0.25], 0.5))).toEqual([0.375, 0, 0.125]);
    // Phi-factor: the factors are the levels' shares as given.
    expect(Array.from(commonCauseLevels('phi-factor', 3, [0.5, 0.25, 0.25], 0.5))).toEqual([
      0.25, 0.125, 0.125,
    ]);
  });

  it('commonCauseLevels MGL with n = 2 is the beta-factor model', () => {
    for (const beta of [0, 0.05, 0.1, 0.5, 1]) {
      expect(Array.from(commonCauseLevels('MGL', 2, [beta], 3e-4))).toEqual(
        Array.from(commonCauseLevels('beta-factor', 2, [beta], 3e-4)),
      );
    }
  });

  it('commonCauseLevels alpha-factor with α_k ∝ C(n, k) Q_k of an MGL group gives its levels', () => {
    // NUREG/CR-5485: α_k is the fraction of failure events of the group that fail k members.
    fc.assert(
      fc.property(mglCase(), ({ n, factors }) => {
        const mgl = commonCauseLevels('MGL', n, factors, 1e-3);
        const alphas = Array.from(mgl, (q, i) => binomial(n, i + 1) * q);
        const alpha = commonCauseLevels('alpha-factor', n, alphas, 1e-3);
        mgl.forEach((q, i) => expectRelClose(alpha[i], q, 1e-14, `n=${n} Q${i + 1}`, 1e-30));
      }),
    );
  });

  it('commonCauseLevels keeps each member at Q_t (Σ C(n−1, k−1) Q_k) for beta, MGL, alpha', () => {
    for (const [model, n, factors, total] of LEVELS) {
      if (model === 'phi-factor') continue;
      expectRelClose(
        memberSum(commonCauseLevels(model, n, factors, total)),
        total,
        RELATIVE,
        model,
      );
    }
    fc.assert(
      fc.property(mglCase(), alphaCase(), ({ n, factors }, alphas) => {
        const mgl = memberSum(commonCauseLevels('MGL', n, factors, 0.01));
        expectRelClose(mgl, 0.01, 1e-14, `MGL n=${n} [${factors.join(', ')}]`);
        const m = alphas.length;
        const alpha = memberSum(commonCauseLevels('alpha-factor', m, alphas, 0.01));
        expectRelClose(alpha, 0.01, 1e-14, `alpha n=${m} [${alphas.join(', ')}]`);
        const beta = memberSum(commonCauseLevels('beta-factor', n, [element(factors, 0)], 0.01));
        expectRelClose(beta, 0.01, 1e-15, `beta n=${n}`);
      }),
    );
  });

  it('commonCauseLevels phi-factor gives Σ C(n−1, k−1) φ_k Q_t, Q_t only at n = 2', () => {
    // Reference script: S / Q_t = 1 at n = 2, 1.07 for [0.9, 0.07, 0.03], 1.26 for
    // [0.85, 0.1, 0.03, 0.02]: the MEF's phi-factor levels do not keep the member at Q_t.
    const sums: [number[], number][] = [
      [[0.9, 0.1], 1],
      [[0.9, 0.07, 0.03], 1.07],
      [[0.85, 0.1, 0.03, 0.02], 1.26],
    ];
    for (const [phis, ratio] of sums) {
      const levels = commonCauseLevels('phi-factor', phis.length, phis, 1e-3);
      expectRelClose(memberSum(levels) / 1e-3, ratio, RELATIVE, `[${phis.join(', ')}]`);
    }
  });

  it('commonCauseLevels is linear in the total, so it shares out failure rates too', () => {
    for (const [model, n, factors] of LEVELS) {
      const unit = commonCauseLevels(model, n, factors, 1);
      const rates = commonCauseLevels(model, n, factors, 2.5e-6);
      unit.forEach((q, i) => expectRelClose(element(rates, i), 2.5e-6 * q, 1e-15, model, 0));
    }
    // A rate above 1 is a valid total.
    expect(Array.from(commonCauseLevels('beta-factor', 2, [0.25], 8))).toEqual([6, 2]);
  });

  it('commonCauseLevels refuses a bad total, size or factor with a ParameterError', () => {
    const cases: [() => unknown, RegExp][] = [
      [
        () => commonCauseLevels('MGL', 3, [0.1, 0.3], -1e-3),
        /^commonCauseLevels: total must be a finite number >= 0; got -0\.001$/,
      ],
      [
        () => commonCauseLevels('MGL', 3, [0.1, 0.3], NaN),
        /^commonCauseLevels: total must be a finite number >= 0; got NaN$/,
      ],
      [
        () => commonCauseLevels('beta-factor', 3, [1.5], 1e-3),
        /^commonCauseLevels: factors\[0\] must be a probability in \[0, 1\]; got 1\.5$/,
      ],
      [
        () => commonCauseLevels('phi-factor', 1, [1], 1e-3),
        /^commonCauseLevels: members must have at least 2 members; got 1$/,
      ],
      [
        () => commonCauseLevels('alpha-factor', 3, [0.9, 0.1], 1e-3),
        /^commonCauseLevels: factors must hold 3 factors \[α1 … α3\] .*; got \[0\.9,0\.1\]$/,
      ],
    ];
    for (const [call, message] of cases) {
      expect(call).toThrow(ParameterError);
      expect(call).toThrow(message);
    }
  });
});

describe('expandCommonCause', () => {
  it('expandCommonCause lists every subset by size, then lexicographically, with its Q_k', () => {
    const events = expandCommonCause('MGL', 4, [0.1, 0.2, 0.3], 1e-3);
    expect(events.map((e) => e.members.join(''))).toEqual([
      '0',
      '1',
      '2',
      '3', // prettier-ignore
      '01',
      '02',
      '03',
      '12',
      '13',
      '23',
      '012',
      '013',
      '023',
      '123',
      '0123',
    ]);
    const levels = commonCauseLevels('MGL', 4, [0.1, 0.2, 0.3], 1e-3);
    for (const event of events) {
      expect(event.probability).toBe(levels[event.members.length - 1]);
    }
  });

  it('expandCommonCause gives beta-factor n + 1 events, however large the group', () => {
    const three = expandCommonCause('beta-factor', 3, [0.1], 1e-3);
    expect(three).toEqual([
      { members: [0], probability: 0.0009000000000000001 },
      { members: [1], probability: 0.0009000000000000001 },
      { members: [2], probability: 0.0009000000000000001 },
      { members: [0, 1, 2], probability: 0.0001 },
    ]);
    const large = expandCommonCause('beta-factor', 1000, [0.1], 1e-3);
    expect(large.length).toBe(1001);
    expect(element(large, 1000).members.length).toBe(1000);
  });

  it('expandCommonCause leaves out the sizes the factors give no share, whatever the total', () => {
    // MGL with γ = 0: no event of 3 or 4 members; alpha and phi with a zero factor: no such size.
    const sizes = (events: CommonCauseEvent[]): number[] => [
      ...new Set(events.map((e) => e.members.length)),
    ];
    expect(sizes(expandCommonCause('MGL', 4, [0.12, 0, 0.5], 3e-5))).toEqual([1, 2]);
    expect(sizes(expandCommonCause('alpha-factor', 4, [0.9, 0, 0.1, 0], 1e-3))).toEqual([1, 3]);
    expect(sizes(expandCommonCause('phi-factor', 3, [0, 0, 1], 1e-3))).toEqual([3]);
    expect(sizes(expandCommonCause('beta-factor', 3, [1], 1e-3))).toEqual([3]);
    expect(sizes(expandCommonCause('beta-factor', 3, [0], 1e-3))).toEqual([1]);
    // A zero total keeps the structure: the same 7 events, each with probability 0.
    const none = expandCommonCause('MGL', 3, [0.1, 0.3], 0);
    expect(none.length).toBe(7);
    expect(none.every((e) => e.probability === 0)).toBe(true);
  });

  it('expandCommonCause makes 2^n − 1 events at the limit of 16 members', () => {
    const alphas = Array.from({ length: MAX_COMMON_CAUSE_MEMBERS }, () => 1);
    const events = expandCommonCause('alpha-factor', MAX_COMMON_CAUSE_MEMBERS, alphas, 1e-3);
    expect(events.length).toBe(65_535);
    // Every member is in 2^15 of them, which add up to its total.
    const ofFirst = events.filter((e) => e.members.includes(0));
    expect(ofFirst.length).toBe(32_768);
    expectRelClose(exactSum(ofFirst.map((e) => e.probability)), 1e-3, 1e-14, 'member 0');
  });

  it('expandCommonCause: each member’s events add up to Q_t, but for phi-factor', () => {
    for (const [model, n, factors, total] of LEVELS) {
      const events = expandCommonCause(model, n, factors, total);
      const expected = memberSum(commonCauseLevels(model, n, factors, total));
      for (let member = 0; member < n; member++) {
        const mine = events.filter((e) => e.members.includes(member)).map((e) => e.probability);
        expectRelClose(exactSum(mine), expected, RELATIVE, `${model} n=${n} member ${member}`);
        if (model !== 'phi-factor') expectRelClose(exactSum(mine), total, RELATIVE, model);
      }
    }
  });

  it('expandCommonCause reproduces the three-train CCF benchmarks of SCRAM', () => {
    // SCRAM (github.com/rakhimov/scram at b85b7894, tests/bench_core_tests.cc and
    // tests/input/core/*_ccf.xml): top = AND_i (valve_i OR pump_i), i = 1..3, pumps and valves
    // each a group with Q_t = 0.1. SCRAM asserts, within 1e-5, the rare-event sum and the exact
    // value (BDD); the reference script gives both exactly, and the count of minimal cut sets.
    const benchmarks: [
      CommonCauseModelKind,
      number[],
      [number, number],
      [number, number],
      number,
    ][] = [
      ['beta-factor', [0.2], [0.04308, 0.044096], [0.04308037306122241, 0.044096], 10],
      ['MGL', [0.2, 0.1], [0.0163, 0.01771], [0.016294770525823205, 0.017708], 34],
      [
        'alpha-factor',
        [0.7, 0.2, 0.1],
        [0.05298, 0.05488],
        [0.052981410695180677, 0.05487755102040817],
        34,
      ],
      [
        'phi-factor',
        [0.7, 0.2, 0.1],
        [0.04104, 0.04434],
        [0.04103931761671499, 0.04434400000000001],
        34,
      ],
    ];
    for (const [model, factors, scram, reference, cutSets] of benchmarks) {
      const group = expandCommonCause(model, 3, factors, 0.1);
      const result = threeTrains(group);
      // Tolerance 1e-13: 2^14 products of 14 factors summed (exactly); measured ≤ 3.9e-16.
      expectRelClose(result.exact, reference[0], 1e-13, `${model} exact`);
      expectRelClose(result.rareEvent, reference[1], 1e-13, `${model} rare event`);
      expectRelClose(result.exact, scram[0], 0, `${model} vs SCRAM exact`, 1e-5);
      expectRelClose(result.rareEvent, scram[1], 0, `${model} vs SCRAM rare event`, 1e-5);
      expect(result.cutSets).toBe(cutSets);
    }
  });
});

describe('commonCauseFactorIssues', () => {
  it('commonCauseFactorIssues accepts well-formed groups of each model', () => {
    expect(commonCauseFactorIssues('beta-factor', 2, [0.1])).toEqual([]);
    expect(commonCauseFactorIssues('beta-factor', 10_000, [0.1])).toEqual([]);
    expect(commonCauseFactorIssues('MGL', 4, [0.1, 0.2, 0.3])).toEqual([]);
    expect(commonCauseFactorIssues('alpha-factor', 3, [95, 3, 2])).toEqual([]);
    // 0.85 + 0.1 + 0.03 + 0.02 is 1 − 1.1e-16 in doubles: within the tolerance.
    expect(commonCauseFactorIssues('phi-factor', 4, [0.85, 0.1, 0.03, 0.02])).toEqual([]);
    expect(commonCauseFactorIssues('MGL', 16, Array<number>(15).fill(0.5))).toEqual([]);
  });

  it('commonCauseFactorIssues says how many factors each model takes', () => {
    const cases: [CommonCauseModelKind, number, number[], RegExp][] = [
      [
        'beta-factor',
        3,
        [0.1, 0.2],
        /^must hold 1 factor \[β\] under the beta-factor model; got \[0\.1,0\.2\]$/,
      ],
      [
        'MGL',
        3,
        [0.1],
        /^must hold 2 factors \[β, γ\] \(for failures of 2 to 3 members\) under the MGL model of 3 members; got \[0\.1\]$/,
      ],
      ['MGL', 2, [0.1, 0.2], /^must hold 1 factor \[β\] \(for failures of 2 to 2 members\)/],
      [
        'alpha-factor',
        3,
        [0.9, 0.1],
        /^must hold 3 factors \[α1 … α3\] \(for failures of 1 to 3 members\) under the alpha-factor model of 3 members; got \[0\.9,0\.1\]$/,
      ],
      [
        'phi-factor',
        2,
        [1],
        /^must hold 2 factors \[φ1 … φ2\] .* under the phi-factor model of 2 members; got \[1\]$/,
      ],
    ];
    for (const [model, n, factors, message] of cases) {
      const issues = commonCauseFactorIssues(model, n, factors);
      expect(issues.map((issue) => issue.path)).toEqual([['factors']]);
      expect(element(issues, 0).message).toMatch(message);
    }
  });

  it('commonCauseFactorIssues locates each factor out of range', () => {
    expect(commonCauseFactorIssues('MGL', 4, [1.2, -0.1, 0.3])).toEqual([
      { path: ['factors', 0], message: 'must be a probability in [0, 1]; got 1.2' },
      { path: ['factors', 1], message: 'must be a probability in [0, 1]; got -0.1' },
    ]);
    expect(commonCauseFactorIssues('alpha-factor', 3, [0.9, -1, Infinity])).toEqual([
      { path: ['factors', 1], message: 'must be a finite number >= 0; got -1' },
      { path: ['factors', 2], message: 'must be a finite number >= 0; got Infinity' },
    ]);
    expect(commonCauseFactorIssues('phi-factor', 2, [NaN, 1])).toEqual([
      { path: ['factors', 0], message: 'must be a probability in [0, 1]; got NaN' },
    ]);
    expect(commonCauseFactorIssues('beta-factor', 2, [2])).toEqual([
      { path: ['factors', 0], message: 'must be a probability in [0, 1]; got 2' },
    ]);
  });

  it('commonCauseFactorIssues refuses alpha factors all 0 and phi factors not summing to 1', () => {
    expect(commonCauseFactorIssues('alpha-factor', 2, [0, 0])).toEqual([
      {
        path: ['factors'],
        message:
          'must not all be 0 (the alpha-factor model divides by the sum of k·α_k); got [0,0]',
      },
    ]);
    expect(commonCauseFactorIssues('phi-factor', 3, [0.9, 0.03, 0.02])).toEqual([
      {
        path: ['factors'],
        message: 'must sum to 1 (within 1e-9), but they sum to 0.95; got [0.9,0.03,0.02]',
      },
    ]);
    expect(commonCauseFactorIssues('phi-factor', 2, [0.5, 0.5 + 2e-9])).toHaveLength(1);
    expect(commonCauseFactorIssues('phi-factor', 2, [0.5, 0.5 + 5e-10])).toEqual([]);
  });

  it('commonCauseFactorIssues refuses fewer than 2 members and more than 16 but for beta-factor', () => {
    expect(commonCauseFactorIssues('MGL', 1, [])).toEqual([
      { path: ['members'], message: 'must have at least 2 members; got 1' },
    ]);
    expect(commonCauseFactorIssues('beta-factor', 2.5, [0.1])).toEqual([
      { path: ['members'], message: 'must have at least 2 members; got 2.5' },
    ]);
    for (const model of ['MGL', 'alpha-factor', 'phi-factor'] as const) {
      const issues = commonCauseFactorIssues(model, 17, Array<number>(17).fill(0));
      expect(issues.map((issue) => issue.path)).toEqual([['members']]);
      expect(element(issues, 0).message).toMatch(
        new RegExp(
          `^must have at most 16 members under the ${model} model, which makes an event for each of the 2\\^n - 1 sets of members \\(beta-factor has no limit\\); got 17$`,
        ),
      );
    }
    expect(commonCauseFactorIssues('beta-factor', 17, [0.1])).toEqual([]);
  });
});

/** Factors of a valid MGL group of 2 … 8 members, some of them 0 or 1. */
function mglCase(): fc.Arbitrary<{ n: number; factors: number[] }> {
  return fc.integer({ min: 2, max: 8 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      factors: fc.array(
        fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1)),
        { minLength: n - 1, maxLength: n - 1 },
      ),
    }),
  );
}

/** Alpha factors of a group of 2 … 8 members, not all 0. */
function alphaCase(): fc.Arbitrary<number[]> {
  return fc
    .array(fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(0)), {
      minLength: 2,
      maxLength: 8,
    })
    .filter((alphas) => alphas.some((a) => a > 0));
}

/**
 * The three-train system over the events of two groups alike (pumps and valves): the exact top
 * probability by enumerating every state of the events, the rare-event sum over the minimal cut
 * sets, and their count.
 */
function threeTrains(group: readonly CommonCauseEvent[]): {
  exact: number;
  rareEvent: number;
  cutSets: number;
} {
  const events = [...group, ...group]; // pumps, then valves: each fails its trains
  const masks = events.map((e) => e.members.reduce((mask, m) => mask | (1 << m), 0));
  const top = (state: number): boolean => {
    let failed = 0;
    masks.forEach((mask, i) => {
      if (state & (1 << i)) failed |= mask;
    });
    return failed === 0b111;
  };
  const exact: number[] = [];
  const rare: number[] = [];
  for (let state = 0; state < 1 << events.length; state++) {
    if (!top(state)) continue;
    let p = 1;
    let cut = 1;
    events.forEach((e, i) => {
      const on = (state & (1 << i)) !== 0;
      p *= on ? e.probability : 1 - e.probability;
      if (on) cut *= e.probability;
    });
    exact.push(p);
    if (masks.every((_, i) => !(state & (1 << i)) || !top(state & ~(1 << i)))) rare.push(cut);
  }
  return { exact: exactSum(exact), rareEvent: exactSum(rare), cutSets: rare.length };
}
