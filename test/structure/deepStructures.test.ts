import { describe, expect, test } from 'vitest';

import { toStructure } from '../../src/structure/toStructure.js';
import { compileStructure } from '../../src/structure/compileStructure.js';
import type { StructureNode } from '../../src/structure/StructureNode.js';
import type { Model, SystemNode } from '../../src/model/Model.js';
import { exactSum } from '../../src/numeric/sum.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { element } from '../helpers/element.js';

// Issue 12, defect 1: a series of 450 bridges crashed compileStructure with "RangeError: Maximum
// call stack size exceeded" (recursive apply, network build, compaction and minimal sets, each as
// deep as the number of variables). Everything now runs on explicit stacks or recursion bounded
// by the depth of the tree; these structures are thousands of variables deep.
//
// References are closed forms evaluated independently of the BDD: the bridge is self-dual, so its
// unreliability for equal q is 2q² + 2q³ − 5q⁴ + 2q⁵ (Rausand & Høyland 2004, ch. 4, with p → q),
// small terms that keep their digits, and a ladder of n bridges works with (1 − F_b)^n =
// exp(n·log1p(−F_b)). Conditional bridge values come from brute force over the 32 states of one
// bridge with exact sums. Tolerance: the BDD evaluation multiplies along n bridges the same
// rounded numbers, so its relative error grows like n·ε: measured ≤ 2.2e-13 (2000 bridges,
// q = 1e-6; 1.3e-14 at 450 bridges, q = 0.01); RELATIVE = 1e-12.
const RELATIVE = 1e-12;

/** The bridge s–a (o), s–b (o+1), a–b (o+2), a–t (o+3), b–t (o+4). */
const bridge = (o: number): StructureNode => ({
  kind: 'network',
  source: 's',
  sink: 't',
  edges: [
    { from: 's', to: 'a', component: o },
    { from: 's', to: 'b', component: o + 1 },
    { from: 'a', to: 'b', component: o + 2 },
    { from: 'a', to: 't', component: o + 3 },
    { from: 'b', to: 't', component: o + 4 },
  ],
});
const ladder = (n: number): StructureNode => ({
  kind: 'series',
  children: Array.from({ length: n }, (_, i) => bridge(5 * i)),
});

/** Whether the bridge works in state x (x[e] for its edges 0..4): its four minimal paths. */
const bridgeWorks = (x: readonly boolean[]): boolean => {
  const up = (e: number): boolean => element(x, e);
  return (
    (up(0) && up(3)) || (up(1) && up(4)) || (up(0) && up(2) && up(4)) || (up(1) && up(2) && up(3))
  );
};

/** P(bridge works) with edge probabilities p, by brute force over the 32 states, summed exactly. */
function bridgeReliability(p: readonly number[]): number {
  const terms: number[] = [];
  for (let s = 0; s < 32; s++) {
    const x = [0, 1, 2, 3, 4].map((e) => ((s >> e) & 1) === 1);
    if (bridgeWorks(x)) {
      terms.push(x.reduce((acc, up, e) => acc * (up ? element(p, e) : 1 - element(p, e)), 1));
    }
  }
  return exactSum(terms);
}

/** P(bridge fails) with edge probabilities p and q, over the failed states, summed exactly. */
function bridgeUnreliability(p: readonly number[], q: readonly number[]): number {
  const terms: number[] = [];
  for (let s = 0; s < 32; s++) {
    const x = [0, 1, 2, 3, 4].map((e) => ((s >> e) & 1) === 1);
    if (!bridgeWorks(x)) terms.push(x.reduce((acc, up, e) => acc * element(up ? p : q, e), 1));
  }
  return exactSum(terms);
}

/** Bridge unreliability for equal q: the self-dual polynomial, Horner form. */
const bridgeFailure = (q: number): number => q * q * (2 + q * (2 + q * (-5 + 2 * q)));

describe('ladders of bridges in series (issue 12: stack overflow)', () => {
  test.each([450, 2000])(
    'a ladder of %d bridges compiles; P, F and Birnbaum equal the closed forms',
    (n) => {
      const system = compileStructure(ladder(n), 5 * n);
      // Each bridge's diagram has 8 nodes (Rausand & Høyland's bridge BDD); series chains them.
      expect(system.nodeCount).toBe(8 * n + 2);
      for (const q of [0.01, 1e-6]) {
        const qs = new Array<number>(5 * n).fill(q);
        const ps = qs.map((x) => 1 - x);
        const logWorks = Math.log1p(-bridgeFailure(q));
        expectRelClose(system.probability(ps, qs), Math.exp(n * logWorks), RELATIVE, `P q=${q}`);
        expectRelClose(
          system.failureProbability(ps, qs),
          -Math.expm1(n * logWorks),
          RELATIVE,
          `F q=${q}`,
        );
        // I_B(edge e of bridge j) = R_b^(n−1) · I_bridge(e), I_bridge(e) = F(e fails) − F(e works)
        // on the failure side, where both terms are small and nothing cancels.
        const p = 1 - q;
        const others = Math.exp((n - 1) * logWorks);
        const edge = (e: number): number =>
          bridgeUnreliability(
            [0, 1, 2, 3, 4].map((f) => (f === e ? 0 : p)),
            [0, 1, 2, 3, 4].map((f) => (f === e ? 1 : q)),
          ) -
          bridgeUnreliability(
            [0, 1, 2, 3, 4].map((f) => (f === e ? 1 : p)),
            [0, 1, 2, 3, 4].map((f) => (f === e ? 0 : q)),
          );
        const importance = system.birnbaum(ps, qs);
        for (const i of [0, 2, 5 * n - 1, 5 * Math.floor(n / 2) + 2]) {
          expectRelClose(importance[i], others * edge(i % 5), RELATIVE, `I_B(${i}) q=${q}`);
        }
      }
    },
  );

  test('the 450-bridge ladder lists its 1800 minimal cut sets and counts its 4^450 path sets', () => {
    const n = 450;
    const system = compileStructure(ladder(n), 5 * n);
    const cuts = system.minimalCutSets();
    // A series of modules: every bridge's four cuts {0,1}, {3,4}, {0,2,4}, {1,2,3}, shifted.
    const expected = Array.from({ length: n }, (_, j) =>
      [
        [0, 1],
        [3, 4],
        [0, 2, 4],
        [1, 2, 3],
      ].map((cut) => cut.map((e) => 5 * j + e)),
    )
      .flat()
      .sort(
        (a, b) =>
          a.length - b.length ||
          element(a, 0) - element(b, 0) ||
          element(a, 1) - element(b, 1) ||
          element(a, 2) - element(b, 2),
      );
    expect(cuts).toEqual(expected);
    // 4^450 = 8.45e270 path sets (one path of each bridge), counted before any is listed.
    expect(() => system.minimalPathSets()).toThrow(
      /^minimalPathSets: the structure has 8\.45\de270 minimal path sets, more than maxSets 100000;/,
    );
    // 4^2000 overflows doubles.
    expect(() => compileStructure(ladder(2000), 10_000).minimalPathSets()).toThrow(
      /^minimalPathSets: the structure has more than 1\.8e308 minimal path sets, more than maxSets 100000;/,
    );
  });
});

describe('a deep ladder with a shared bypass (apply on diagrams thousands of levels deep)', () => {
  // parallel(ladder, series(first edge, last edge)): the two children share components, so the
  // ladder's diagram is built, then OR-ed with the bypass by the manager's apply, whose expansion
  // walks all 5n levels.
  const bypassed = (n: number): StructureNode => ({
    kind: 'parallel',
    children: [
      ladder(n),
      {
        kind: 'series',
        children: [
          { kind: 'component', component: 0 },
          { kind: 'component', component: 5 * n - 1 },
        ],
      },
    ],
  });

  test.each([450, 2000])('%d bridges: P and F equal inclusion–exclusion on the bypass', (n) => {
    const system = compileStructure(bypassed(n), 5 * n);
    const p = 0.99;
    const ps = new Array<number>(5 * n).fill(p);
    const works = bridgeReliability([p, p, p, p, p]);
    // P(L ∪ B) = P(L) + P(B) − P(L ∩ B), with
    // P(L ∩ B) = p² R(first | s–a works) R^(n−2) R(last | b–t works).
    const first = bridgeReliability([1, p, p, p, p]);
    const last = bridgeReliability([p, p, p, p, 1]);
    const both = p * p * first * works ** (n - 2) * last;
    const expected = works ** n + p * p - both;
    expectRelClose(system.probability(ps), expected, RELATIVE, 'P');
    // F(L ∪ B) = F(L) − P(B ∩ not L) = (1 − R^n) − (p² − both); summed from its parts, whose
    // roundings the cancellation magnifies about 10×: measured 1.5e-13.
    const failure = exactSum([1, -(works ** n), -p * p, both]);
    expectRelClose(system.failureProbability(ps), failure, RELATIVE, 'F');
  });

  test('450 bridges: 3594 minimal cut sets, each a minimal cut; Birnbaum equals the closed form', () => {
    const n = 450;
    const m = 5 * n;
    const system = compileStructure(bypassed(n), m);
    const cuts = system.minimalCutSets();
    // Every bridge cut joined with either bypass edge: 8 per bridge, except that the first
    // bridge's {0,1} and {0,2,4} already hold bypass edge 0 (and {1,2,3} ∪ {0} contains {0,1}),
    // and the same for the last bridge and its edge b–t: 5 sets each at the ends, 8n − 6 in all.
    expect(cuts).toHaveLength(8 * n - 6);
    const state = new Float64Array(m);
    for (const cut of cuts) {
      state.fill(1);
      for (const c of cut) state[c] = 0;
      expect(system.probability(state)).toBe(0);
      for (const c of cut) {
        state[c] = 1;
        expect(system.probability(state)).toBe(1);
        state[c] = 0;
      }
    }
    // Birnbaum against the closed form: P = p0·pL + M·Q, where M is the product of the middle
    // bridges' reliabilities and Q = P(bridge 0 and bridge n−1 work, and not both bypass edges),
    // a function of their 10 edges summed exactly over its 1024 states.
    const ps = Array.from({ length: m }, (_, i) => 0.9 + 0.09 * Math.sin(i));
    const edgesOf = (j: number): number[] => ps.slice(5 * j, 5 * j + 5);
    const reliability = (j: number): number => bridgeReliability(edgesOf(j));
    const middle = (skip: number): number => {
      let product = 1;
      for (let j = 1; j < n - 1; j++) if (j !== skip) product *= reliability(j);
      return product;
    };
    const local = [...edgesOf(0), ...edgesOf(n - 1)];
    const g = (x: readonly boolean[]): boolean =>
      bridgeWorks(x.slice(0, 5)) && bridgeWorks(x.slice(5)) && !(x[0] && x[9]);
    /** Σ over the local states of g·prob, or of ∂(g·prob)/∂p_l when `l` is given. */
    const localSum = (l?: number): number => {
      const terms: number[] = [];
      for (let state = 0; state < 1024; state++) {
        const x = Array.from({ length: 10 }, (_, e) => ((state >> e) & 1) === 1);
        if (l === undefined) {
          const at = (e: number): number => element(local, e);
          if (g(x)) terms.push(x.reduce((acc, up, e) => acc * (up ? at(e) : 1 - at(e)), 1));
        } else if (!x[l]) {
          const on = x.map((v, e) => e === l || v);
          const sign = Number(g(on)) - Number(g(x));
          const weight = x.reduce(
            (acc, up, e) =>
              e === l ? acc : acc * (up ? element(local, e) : 1 - element(local, e)),
            1,
          );
          if (sign !== 0) terms.push(sign * weight);
        }
      }
      return exactSum(terms);
    };
    const importance = system.birnbaum(ps);
    const all = middle(-1);
    // Edges of bridges 0 and n−1: the bypass term p0·pL plus M·∂Q/∂p_l.
    for (const [i, l] of [
      [0, 0],
      [2, 2],
      [m - 2, 8],
      [m - 1, 9],
    ] as const) {
      const bypass = i === 0 ? element(ps, m - 1) : i === m - 1 ? element(ps, 0) : 0;
      expectRelClose(importance[i], bypass + all * localSum(l), RELATIVE, `I_B(${i})`);
    }
    // Edges of middle bridges: I_bridge(e) · (M without that bridge) · Q. The diagram's importance
    // adds, at each node, the difference of two probabilities near 0.9 here, so its error is
    // absolute, a few ε times those: measured Δ ≤ 3.3e-18 for I_B ≈ 1.8e-8; floor 1e-16.
    const q = localSum();
    for (const i of [7, m / 2, m - 8]) {
      const j = Math.floor(i / 5);
      const e = i % 5;
      const pe = edgesOf(j);
      const qe = pe.map((v) => 1 - v);
      const edge =
        bridgeUnreliability(
          pe.map((v, f) => (f === e ? 0 : v)),
          qe.map((v, f) => (f === e ? 1 : v)),
        ) -
        bridgeUnreliability(
          pe.map((v, f) => (f === e ? 1 : v)),
          qe.map((v, f) => (f === e ? 0 : v)),
        );
      expectRelClose(importance[i], edge * middle(j) * q, RELATIVE, `I_B(${i})`, 1e-16);
    }
  });
});

describe('trees 20 000 levels deep', () => {
  const depth = 20_000;

  /** series(c0, parallel(c1, series(c2, …))) ending in the leaf `last`. */
  function chain(last: number): StructureNode {
    let node: StructureNode = { kind: 'component', component: last };
    for (let k = depth - 2; k >= 0; k--) {
      node = {
        kind: k % 2 === 0 ? 'series' : 'parallel',
        children: [{ kind: 'component', component: k }, node],
      };
    }
    return node;
  }

  /** The chain's reliability by its recurrence from the bottom, with p of the last leaf given. */
  function chainReliability(p: (k: number) => number, bottom: number): number {
    let value = bottom;
    for (let k = depth - 2; k >= 0; k--) {
      value = k % 2 === 0 ? p(k) * value : 1 - (1 - p(k)) * (1 - value);
    }
    return value;
  }

  const p = (k: number): number => 0.5 + 0.49 * Math.cos(k);

  test('alternating series/parallel chain of distinct components equals its recurrence', () => {
    const system = compileStructure(chain(depth - 1), depth);
    const ps = Array.from({ length: depth }, (_, k) => p(k));
    // The recurrence contracts errors (|∂P_k/∂P_{k+1}| ≤ max(p, q) < 1): measured 2e-16.
    expectRelClose(system.probability(ps), chainReliability(p, p(depth - 1)), RELATIVE, 'P');
    expect(system.nodeCount).toBe(depth + 2);
  });

  test('the same chain ending in component 0 again (shared) equals its recurrence given c0', () => {
    const system = compileStructure(chain(0), depth - 1);
    const ps = Array.from({ length: depth - 1 }, (_, k) => p(k));
    // Condition on component 0: below the top it is the chain's last leaf, 1 or 0.
    const given = (x0: number): number => chainReliability((k) => (k === 0 ? x0 : p(k)), x0);
    const expected = p(0) * given(1) + (1 - p(0)) * given(0);
    expectRelClose(system.probability(ps), expected, RELATIVE, 'P');
    expectRelClose(system.birnbaum(ps)[0], given(1) - given(0), 1e-10, 'I_B(0)', 1e-15);
  });

  test('toStructure maps a system tree 20 000 levels deep, blocks numbered in order', () => {
    let system: SystemNode = { kind: 'unit', path: 'u', unit: depth - 1 };
    for (let k = depth - 2; k >= 0; k--) {
      system = {
        kind: k % 2 === 0 ? 'series' : 'parallel',
        path: `n${k}`,
        children: [{ kind: 'unit', path: `u${k}`, unit: k }, system],
      };
    }
    const model = { units: new Array<unknown>(depth) } as unknown as Model;
    const { node, variableCount, blocks } = toStructure(model, system);
    expect(variableCount).toBe(depth);
    expect(blocks).toHaveLength(0);
    const ps = Array.from({ length: depth }, (_, k) => p(k));
    expectRelClose(
      compileStructure(node, depth).probability(ps),
      chainReliability(p, p(depth - 1)),
      RELATIVE,
      'P',
    );
    // Standby blocks become variables units.length + b in order of appearance.
    const cold = (path: string, units: number[]): SystemNode => ({
      kind: 'standby',
      path,
      mode: 'cold',
      dormancy: 0,
      switchSuccess: 1,
      units,
    });
    const small = toStructure({ units: [0, 1, 2, 3] } as unknown as Model, {
      kind: 'koon',
      path: 'k',
      k: 2,
      children: [
        cold('a', [0, 1]),
        { kind: 'series', path: 's', children: [cold('b', [2, 3])] },
        { kind: 'unit', path: 'u', unit: 0 },
      ],
    });
    expect(small.blocks.map((b) => b.path)).toEqual(['a', 'b']);
    expect(small.node).toEqual({
      kind: 'koon',
      k: 2,
      children: [
        { kind: 'component', component: 4 },
        { kind: 'series', children: [{ kind: 'component', component: 5 }] },
        { kind: 'component', component: 0 },
      ],
    });
  });
});
