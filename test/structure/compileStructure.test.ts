import { describe, expect, test } from 'vitest';

import { UnsupportedModelError } from '../../src/errors.js';
import { compileStructure } from '../../src/structure/compileStructure.js';
import type { StructureNode } from '../../src/structure/StructureNode.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { BRIDGE, c, koon, parallel, series } from '../helpers/structures.js';

// Reference values: test/reference/structure_reference.py (brute force over all 2^n component
// states, exact rational arithmetic, correctly rounded), python 3.11.7, numpy 2.4.6 (mpmath not
// needed: the sums are exact fractions), run 2026-11-26.
//
// Tolerance: every BDD evaluation adds products of non-negative numbers, so the relative error is
// below about 2·m·ε. Measured over this file: probabilities ≤ 2.2e-16 (1.0 ε), Birnbaum
// importances ≤ 2.0e-15 (8.9 ε, random structure I_B(10): one subtraction per node). RELATIVE =
// 1e-12 leaves a margin of 500× yet catches any wrong term (the terms are all above 1e-4).
const RELATIVE = 1e-12;

const NESTED = series(
  parallel(c(0), koon(2, c(1), c(2), c(3))),
  koon(2, series(c(4), c(5)), c(6), parallel(c(7), c(0))),
  parallel(c(8), series(c(9), c(3))),
);
const NESTED_P = Array.from({ length: 10 }, (_, i) => 0.6 + 0.037 * i);

// random_structure(random.Random(20261126), 20) of the reference script: 20 components, four of
// them shared, a 6-edge network, koon nodes nested three deep.
// prettier-ignore
const RANDOM: StructureNode = { kind: 'koon', k: 2, children: [{ kind: 'series', children: [{ kind: 'series', children: [{ kind: 'koon', k: 2, children: [{ kind: 'koon', k: 2, children: [{ kind: 'component', component: 10 }, { kind: 'component', component: 3 }] }, { kind: 'parallel', children: [{ kind: 'component', component: 13 }, { kind: 'component', component: 11 }] }, { kind: 'koon', k: 4, children: [{ kind: 'component', component: 4 }, { kind: 'component', component: 17 }, { kind: 'component', component: 6 }, { kind: 'component', component: 16 }] }] }, { kind: 'component', component: 8 }, { kind: 'koon', k: 2, children: [{ kind: 'series', children: [{ kind: 'component', component: 19 }, { kind: 'component', component: 2 }, { kind: 'component', component: 18 }, { kind: 'component', component: 7 }] }, { kind: 'koon', k: 2, children: [{ kind: 'component', component: 12 }, { kind: 'component', component: 0 }] }] }] }, { kind: 'network', source: 's', sink: 't', edges: [{ from: 's', to: 'u', component: 15 }, { from: 's', to: 'v', component: 14 }, { from: 'u', to: 'v', component: 1 }, { from: 'u', to: 'w', component: 2 }, { from: 'v', to: 'w', component: 9 }, { from: 'w', to: 't', component: 5 }] }] }, { kind: 'series', children: [{ kind: 'parallel', children: [{ kind: 'koon', k: 3, children: [{ kind: 'component', component: 18 }, { kind: 'component', component: 19 }, { kind: 'component', component: 5 }, { kind: 'component', component: 6 }] }, { kind: 'component', component: 19 }, { kind: 'parallel', children: [{ kind: 'component', component: 9 }, { kind: 'component', component: 0 }, { kind: 'component', component: 14 }] }] }, { kind: 'component', component: 11 }, { kind: 'koon', k: 1, children: [{ kind: 'series', children: [{ kind: 'component', component: 19 }, { kind: 'component', component: 19 }, { kind: 'component', component: 1 }] }, { kind: 'koon', k: 2, children: [{ kind: 'component', component: 12 }, { kind: 'component', component: 4 }] }, { kind: 'component', component: 3 }] }] }, { kind: 'component', component: 8 }] };
// prettier-ignore
const RANDOM_P = [0.906954, 0.518426, 0.807854, 0.903438, 0.725328, 0.974874, 0.506701, 0.529697, 0.895529, 0.589671, 0.811748, 0.752289, 0.760191, 0.532586, 0.958613, 0.628559, 0.631441, 0.514313, 0.672773, 0.75838];

const equal = (p: number, n: number): number[] => new Array<number>(n).fill(p);

describe('compileStructure against exact references', () => {
  test.each([
    [0.5, 0.5, 0.5],
    [0.9, 0.97848, 0.02151999999999999],
    [0.99, 0.9997980498, 0.00020195020000000037],
  ])('bridge with p = %d equals the exact sum and 2p² + 2p³ − 5p⁴ + 2p⁵', (p, works, fails) => {
    const bridge = compileStructure(BRIDGE, 5);
    expectRelClose(bridge.probability(equal(p, 5)), works, RELATIVE, `bridge p=${p}`);
    expectRelClose(bridge.failureProbability(equal(p, 5)), fails, RELATIVE, `bridge q at p=${p}`);
    // Rausand & Høyland (2004) ch. 4; the polynomial cancels, so only to 1e-13 in doubles.
    expectRelClose(works, 2 * p ** 2 + 2 * p ** 3 - 5 * p ** 4 + 2 * p ** 5, 1e-13, 'polynomial');
  });

  test('bridge with unequal p equals the exact sum; Birnbaum equals the exact differences', () => {
    const bridge = compileStructure(BRIDGE, 5);
    const p = [0.9, 0.85, 0.7, 0.95, 0.8];
    expectRelClose(bridge.probability(p), 0.968685, RELATIVE, 'works');
    expectRelClose(bridge.failureProbability(p), 0.031315, RELATIVE, 'fails');
    const expected = [
      0.19515000000000002, 0.1041, 0.021549999999999996, 0.22429999999999997, 0.07145000000000004,
    ];
    bridge.birnbaum(p).forEach((v, i) => expectRelClose(v, expected[i], RELATIVE, `I_B(${i})`));
  });

  test('bridge failureProbability with q passed keeps 2.2e-11 to full precision', () => {
    const bridge = compileStructure(BRIDGE, 5);
    const q = [1e-6, 2e-6, 3e-6, 4e-6, 5e-6];
    const p = q.map((x) => 1 - x);
    expectRelClose(bridge.failureProbability(p, q), 2.2000038999726e-11, RELATIVE, 'fails');
  });

  test('bridge BDD has 10 nodes and the four minimal path and cut sets of the textbook', () => {
    const bridge = compileStructure(BRIDGE, 5);
    expect(bridge.nodeCount).toBe(10);
    expect(bridge.componentCount).toBe(5);
    expect(bridge.minimalPathSets()).toEqual([
      [0, 3],
      [1, 4],
      [0, 2, 4],
      [1, 2, 3],
    ]);
    expect(bridge.minimalCutSets()).toEqual([
      [0, 1],
      [3, 4],
      [0, 2, 4],
      [1, 2, 3],
    ]);
  });

  test('shared component 0 in two parallel branches equals p0·(1 − q1·q2), not the naive product', () => {
    const shared = compileStructure(parallel(series(c(0), c(1)), series(c(0), c(2))), 3);
    const p = [0.95, 0.8, 0.7] as const;
    expectRelClose(shared.probability(p), 0.893, RELATIVE, 'works');
    expectRelClose(shared.failureProbability(p), 0.10700000000000004, RELATIVE, 'fails');
    const naive = 1 - (1 - p[0] * p[1]) * (1 - p[0] * p[2]);
    expect(Math.abs(shared.probability(p) - naive)).toBeGreaterThan(0.01);
  });

  test('2-of-3 and 3-of-5 of non-identical parts equal the exact sums', () => {
    const twoOfThree = compileStructure(koon(2, c(0), c(1), c(2)), 3);
    expectRelClose(twoOfThree.probability([0.9, 0.8, 0.7]), 0.902, RELATIVE, '2-of-3');
    expectRelClose(
      twoOfThree.failureProbability([0.9, 0.8, 0.7]),
      0.09799999999999999,
      RELATIVE,
      '2-of-3 q',
    );
    const threeOfFive = compileStructure(koon(3, c(0), c(1), c(2), c(3), c(4)), 5);
    const p = [0.95, 0.9, 0.85, 0.8, 0.75];
    expectRelClose(threeOfFive.probability(p), 0.9767875, RELATIVE, '3-of-5');
    expectRelClose(threeOfFive.failureProbability(p), 0.0232125, RELATIVE, '3-of-5 q');
  });

  test('nested series/parallel/koon with shared parts equals the exact sum, Birnbaum and sets', () => {
    const nested = compileStructure(NESTED, 10);
    expectRelClose(nested.probability(NESTED_P), 0.7899847099736983, RELATIVE, 'works');
    expectRelClose(nested.failureProbability(NESTED_P), 0.21001529002630168, RELATIVE, 'fails');
    const expected = [
      0.26023925917356927, 0.1398534033526161, 0.1455701483484426, 0.22355969273766862,
      0.14282767688249667, 0.13609567173007328, 0.36738422838086804, 0.13025723808418763,
      0.24453248981003056, 0.06363547085402657,
    ];
    nested
      .birnbaum(NESTED_P)
      .forEach((v, i) => expectRelClose(v, expected[i], RELATIVE, `I_B(${i})`));
    expect(nested.minimalPathSets()).toEqual([
      [0, 6, 8],
      [0, 3, 6, 9],
      [0, 4, 5, 8],
      [0, 3, 4, 5, 9],
      [1, 2, 6, 7, 8],
      [1, 3, 6, 7, 8],
      [1, 3, 6, 7, 9],
      [2, 3, 6, 7, 8],
      [2, 3, 6, 7, 9],
      [1, 2, 4, 5, 6, 8],
      [1, 2, 4, 5, 7, 8],
      [1, 3, 4, 5, 6, 8],
      [1, 3, 4, 5, 6, 9],
      [1, 3, 4, 5, 7, 8],
      [1, 3, 4, 5, 7, 9],
      [2, 3, 4, 5, 6, 8],
      [2, 3, 4, 5, 6, 9],
      [2, 3, 4, 5, 7, 8],
      [2, 3, 4, 5, 7, 9],
    ]);
    expect(nested.minimalCutSets()).toEqual([
      [3, 8],
      [4, 6],
      [5, 6],
      [8, 9],
      [0, 1, 2],
      [0, 1, 3],
      [0, 2, 3],
      [0, 4, 7],
      [0, 5, 7],
      [0, 6, 7],
    ]);
  });

  test('high-reliability parallel of series and 2-of-3 keeps a 2.2e-13 failure probability', () => {
    const high = compileStructure(
      parallel(series(c(0), c(1)), series(c(2), c(3)), koon(2, c(4), c(5), c(6))),
      7,
    );
    const q = [1e-4, 2e-4, 3e-4, 4e-4, 5e-4, 6e-4, 7e-4];
    const p = q.map((x) => 1 - x);
    expectRelClose(high.failureProbability(p, q), 2.24558323566992e-13, RELATIVE, 'fails');
    // 1 − probability would keep only about 3 digits of it: the reason for failureProbability.
    expect(
      Math.abs(1 - high.probability(p, q) - 2.24558323566992e-13) / 2.24558323566992e-13,
    ).toBeGreaterThan(1e-6);
  });

  test('20-component random structure equals brute-force enumeration of 2^20 states', () => {
    const random = compileStructure(RANDOM, 20);
    expectRelClose(random.probability(RANDOM_P), 0.6691693367875464, RELATIVE, 'works');
    expectRelClose(random.failureProbability(RANDOM_P), 0.3308306632124535, RELATIVE, 'fails');
    const expected = [
      0.01648178580822601, 0.024265296257681385, 0.016521291048823338, 0.19600530781648323,
      0.032371614672690605, 0.013774669643966238, 0.0035601426328194068, 0.025197029733897168,
      0.7472335756715265, 0.002903621046647006, 0.014111343988414099, 0.8178889266602312,
      0.04617876032419885, 0.020168799198519383, 0.0083206255744235, 0.0033694836479404014,
      0.002727335723616952, 0.003348450450710777, 0.019960027073755847, 0.03340868289412412,
    ];
    random
      .birnbaum(RANDOM_P)
      .forEach((v, i) => expectRelClose(v, expected[i], RELATIVE, `I_B(${i})`));
    // prettier-ignore
    expect(random.minimalPathSets()).toEqual([[0, 3, 8, 11], [1, 8, 11, 19], [3, 8, 9, 11], [3, 8, 11, 14], [3, 8, 11, 19], [0, 4, 8, 11, 12], [4, 8, 9, 11, 12], [4, 8, 11, 12, 14], [4, 8, 11, 12, 19], [3, 5, 6, 8, 11, 18], [4, 5, 6, 8, 11, 12, 18], [0, 2, 3, 5, 7, 8, 10, 12, 13, 15, 18, 19], [0, 1, 2, 3, 5, 7, 8, 10, 12, 13, 14, 18, 19], [0, 2, 3, 5, 7, 8, 9, 10, 12, 13, 14, 18, 19], [0, 2, 4, 5, 6, 7, 8, 12, 13, 15, 16, 17, 18, 19], [0, 1, 2, 4, 5, 6, 7, 8, 12, 13, 14, 16, 17, 18, 19], [0, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 16, 17, 18, 19], [0, 2, 4, 5, 6, 7, 8, 9, 12, 13, 14, 16, 17, 18, 19], [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 17, 18, 19], [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 17, 18, 19]]);
    // prettier-ignore
    expect(random.minimalCutSets()).toEqual([[8], [0, 11], [2, 11], [5, 11], [7, 11], [11, 12], [11, 18], [11, 19], [1, 3, 4], [1, 3, 12], [3, 4, 11], [3, 4, 19], [3, 6, 11], [3, 11, 13], [3, 11, 16], [3, 11, 17], [3, 12, 19], [4, 10, 11], [4, 11, 13], [6, 10, 11], [6, 11, 13], [10, 11, 13], [10, 11, 16], [10, 11, 17], [11, 13, 16], [11, 13, 17], [11, 14, 15], [1, 9, 11, 15], [0, 5, 9, 14, 19], [0, 6, 9, 14, 19], [0, 9, 14, 18, 19]]);
    expect(random.nodeCount).toBe(54);
  });
});

describe('compileStructure identities', () => {
  const p = [0.93, 0.81, 0.77, 0.99, 0.6];
  const all = [c(0), c(1), c(2), c(3), c(4)];
  const product = p.reduce((acc, x) => acc * x, 1);
  const allFail = p.reduce((acc, x) => acc * (1 - x), 1);

  test('series of components equals the product of p', () => {
    expectRelClose(compileStructure(series(...all), 5).probability(p), product, 4e-16, 'series');
  });

  test('parallel of components equals 1 − Π(1 − p), and fails with Π q exactly', () => {
    const system = compileStructure(parallel(...all), 5);
    expectRelClose(system.probability(p), 1 - allFail, 4e-16, 'parallel');
    expectRelClose(system.failureProbability(p), allFail, 1e-15, 'parallel q');
  });

  test('koon with k = 1 equals parallel and with k = n equals series (same BDD)', () => {
    const one = compileStructure(koon(1, ...all), 5);
    const five = compileStructure(koon(5, ...all), 5);
    expect(one.probability(p)).toBe(compileStructure(parallel(...all), 5).probability(p));
    expect(five.probability(p)).toBe(compileStructure(series(...all), 5).probability(p));
    expect(one.nodeCount).toBe(7);
    expect(five.nodeCount).toBe(7);
  });

  test('series of [] works, parallel of [] fails, koon with k = 0 works', () => {
    expect(compileStructure(series(), 0).probability([])).toBe(1);
    expect(compileStructure(parallel(), 0).probability([])).toBe(0);
    expect(compileStructure(parallel(), 0).failureProbability([])).toBe(1);
    expect(compileStructure(koon(0, c(0), c(1)), 2).probability([0.1, 0.2])).toBe(1);
    expect(compileStructure(koon(0), 0).nodeCount).toBe(2);
  });

  test('a component absent from the tree has Birnbaum importance 0', () => {
    const system = compileStructure(series(c(0), c(2)), 3);
    expect(Array.from(system.birnbaum([0.9, 0.5, 0.8]))).toEqual([0.8, 0, 0.9]);
  });

  test('two edges sharing one component fail together: a bridge whose a–t and b–t are one link', () => {
    const edges = BRIDGE.kind === 'network' ? BRIDGE.edges : [];
    const shared = compileStructure(
      { ...BRIDGE, edges: edges.map((e) => (e.component === 4 ? { ...e, component: 3 } : e)) },
      4,
    );
    // Every path ends through component 3, and s reaches a or b through 0 or 1 (2 is redundant).
    expect(shared.minimalPathSets()).toEqual([
      [0, 3],
      [1, 3],
    ]);
    expectRelClose(shared.probability([0.9, 0.8, 0.7, 0.6]), 0.6 * (1 - 0.1 * 0.2), 4e-16, 'P');
  });

  test('Birnbaum importance by subtraction, when the difference pairs exceed the budget, agrees', () => {
    // K8 has 2368 nodes and 9177 difference pairs: maxNodes 3000 admits the diagram, not the pairs.
    const edges = [];
    for (let a = 0; a < 8; a++) {
      for (let b = a + 1; b < 8; b++)
        edges.push({ from: `${a}`, to: `${b}`, component: edges.length });
    }
    const k8: StructureNode = { kind: 'network', source: '0', sink: '7', edges };
    const p = Array.from({ length: 28 }, (_, i) => 0.5 + 0.4 * Math.sin(i));
    const exact = compileStructure(k8, 28).birnbaum(p);
    const subtracted = compileStructure(k8, 28, { maxNodes: 3000 }).birnbaum(p);
    // Probabilities here are far from 0 and 1: measured ≤ 4.6e-16 apart.
    exact.forEach((v, i) => expectRelClose(subtracted[i], v, 1e-13, `I_B(${i})`));
  });

  test('complete graph K8 (28 undirected edges) has 1957 minimal path sets and 64 cut sets', () => {
    // From 0 to 7: a path visits an ordered subset of the 6 other nodes, Σ_k 6!/(6−k)! = 1957;
    // a minimal cut separates {0} ∪ S from the rest for each S ⊆ the 6 others, 2^6 = 64.
    const edges = [];
    for (let a = 0; a < 8; a++) {
      for (let b = a + 1; b < 8; b++)
        edges.push({ from: `${a}`, to: `${b}`, component: edges.length });
    }
    const k8 = compileStructure({ kind: 'network', source: '0', sink: '7', edges }, 28);
    expect(k8.nodeCount).toBe(2368);
    expect(k8.minimalPathSets()).toHaveLength(1957);
    expect(k8.minimalCutSets()).toHaveLength(64);
    const q = equal(1e-3, 28);
    const p = q.map((x) => 1 - x);
    // The two smallest cuts, all 7 edges at node 0 or all 7 at node 7, share edge 0–7:
    // P(fail) = 2q^7 − q^13 + (12 cuts of 12 edges, relative ≤ 6q^5 = 6e-15).
    expectRelClose(k8.failureProbability(p, q), 2 * 1e-3 ** 7 - 1e-3 ** 13, RELATIVE, 'K8 q^7');
    expectRelClose(k8.probability(p, q) + k8.failureProbability(p, q), 1, 4e-16, 'sum');
  });
});

describe('compileStructure errors', () => {
  test.each<[string, () => unknown, RegExp]>([
    [
      'koon k above the number of children',
      () => compileStructure(koon(4, c(0), c(1), c(2)), 3),
      /^koon: k must be an integer in \[0, 3\]; got 4$/,
    ],
    [
      'koon k not an integer',
      () => compileStructure(koon(1.5, c(0), c(1)), 2),
      /^koon: k must be an integer in \[0, 2\]; got 1\.5$/,
    ],
    [
      'component number out of range',
      () => compileStructure(series(c(0), c(7)), 5),
      /^compileStructure: component must be an integer in \[0, 4\]; got 7$/,
    ],
    [
      'negative componentCount',
      () => compileStructure(series(), -1),
      /^compileStructure: componentCount must be an integer >= 0; got -1$/,
    ],
    [
      'unknown kind',
      () => compileStructure({ kind: 'bridge' } as unknown as StructureNode, 1),
      /^compileStructure: kind must be one of component, series, parallel, koon, network, not; got "bridge"$/,
    ],
    [
      'empty network',
      () => compileStructure({ kind: 'network', source: 's', sink: 't', edges: [] }, 1),
      /^network: edges must be a non-empty array; got \[\]$/,
    ],
    [
      'network source not in edges',
      () => compileStructure({ ...BRIDGE, source: 'x' }, 5),
      /^network: source must be a node named in edges; got "x"$/,
    ],
    [
      'network sink not in edges',
      () => compileStructure({ ...BRIDGE, sink: 'y' }, 5),
      /^network: sink must be a node named in edges; got "y"$/,
    ],
    [
      'network sink equal to source',
      () => compileStructure({ ...BRIDGE, sink: 's' }, 5),
      /^network: sink must differ from source; got "s"$/,
    ],
    [
      'network edge component out of range',
      () => compileStructure(BRIDGE, 4),
      /^network: edges\[4\]\.component must be an integer in \[0, 3\]; got 4$/,
    ],
    [
      'p of the wrong length',
      () => compileStructure(BRIDGE, 5).probability([0.9, 0.9, 0.9]),
      /^probability: p\.length must equal componentCount 5; got 3$/,
    ],
    [
      'q of the wrong length',
      () => compileStructure(BRIDGE, 5).birnbaum(equal(0.9, 5), [0.1]),
      /^birnbaum: q\.length must equal componentCount 5; got 1$/,
    ],
  ])('%s throws ParameterError', (_, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  test('a node that contains itself throws ParameterError instead of looping', () => {
    const children: StructureNode[] = [c(0)];
    const loop: StructureNode = { kind: 'series', children };
    children.push({ kind: 'parallel', children: [c(1), loop] });
    expect(() => compileStructure(loop, 2)).toThrow(
      /^compileStructure: node must not contain itself; got "series"$/,
    );
  });

  test('a BDD larger than maxNodes throws UnsupportedModelError naming the limit and --max-nodes', () => {
    // A network's size is only known while building it, so the limit stops the build.
    const call = (): unknown => compileStructure(BRIDGE, 5, { maxNodes: 6 });
    expect(call).toThrow(UnsupportedModelError);
    expect(call).toThrow(
      /^compileStructure: the decision diagram needs more than 6 nodes; the limit is 6 \(--max-nodes raises it if memory allows\), or simulate the model$/,
    );
    // A series of 10 parallel pairs needs 12 nodes, known before building.
    const pairs = series(...Array.from({ length: 10 }, (_, i) => parallel(c(2 * i), c(2 * i + 1))));
    expect(() => compileStructure(pairs, 20, { maxNodes: 11 })).toThrow(
      /^compileStructure: the decision diagram needs at least 12 nodes \(estimated before building\); the limit is 11 \(--max-nodes raises it if memory allows\), or simulate the model$/,
    );
  });

  test('more minimal sets than maxSets throws UnsupportedModelError after counting them', () => {
    // Series of three parallel pairs: 2^3 = 8 minimal path sets, 3 minimal cut sets.
    const system = compileStructure(
      series(parallel(c(0), c(1)), parallel(c(2), c(3)), parallel(c(4), c(5))),
      6,
    );
    expect(() => system.minimalPathSets({ maxSets: 4 })).toThrow(
      /^minimalPathSets: the structure has 8 minimal path sets, more than maxSets 4; use probability\(\) and birnbaum\(\), which do not list them, or raise maxSets$/,
    );
    expect(system.minimalCutSets({ maxSets: 3 })).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
  });
});
