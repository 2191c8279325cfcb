import { describe, expect, test } from 'vitest';

import { blockGradient, blockTails } from '../../src/structure/blockProbability.js';
import { blockSetCount } from '../../src/structure/blockSetCount.js';
import { type Block, collapseBlocks } from '../../src/structure/collapseBlocks.js';
import { compileStructure } from '../../src/structure/compileStructure.js';
import type { StructureNode } from '../../src/structure/StructureNode.js';
import { UnsupportedModelError } from '../../src/errors.js';
import { exactSum } from '../../src/numeric/sum.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { element } from '../helpers/element.js';
import { c, koon, parallel, series } from '../helpers/structures.js';

// Issue 12, defect 2: a series of 100 000 components ran 238 s and 945 MB before failing on the
// 5e6-node limit, and a 99 990-out-of-100 000 failed the same way after 17 s. Series, parallel and
// k-out-of-n nodes whose children are components used nowhere else are now collapsed into one
// variable evaluated in closed form, and the diagram's size is bounded from below before
// building, so an impossible diagram is refused at once.
//
// Reference values: test/reference/structure_blocks_reference.py (mpmath 1.3.0 at 40 digits from
// the same doubles the test passes, python 3.11.7, run 2026-11-27). Tolerance 1e-12 relative;
// measured: series P 8.9e-16, F 1.9e-16, I_B 1.4e-15; 99 990-of-100 000 P 2.5e-14, F 1.3e-14,
// I_B 1.1e-14 (the recurrence rounds ~n times: √n·ε); equal p (binomial path) ≤ 7.2e-15.
const RELATIVE = 1e-12;
const N = 100_000;

const leaves = (n: number, from = 0): StructureNode[] =>
  Array.from({ length: n }, (_, i) => c(from + i));

describe('collapsed blocks of 100 000 components (issue 12)', () => {
  test('a series of 100 000 compiles to one block variable and equals the mpmath references', () => {
    // Three nodes suffice: the block variable and the two terminals.
    const system = compileStructure(series(...leaves(N)), N, { maxNodes: 3 });
    expect(system.nodeCount).toBe(N + 2); // the diagram over components it stands for
    const q = Float64Array.from({ length: N }, (_, i) => 1e-9 * (1 + (i % 5) / 5));
    const p = q.map((x) => 1 - x);
    expectRelClose(system.probability(p, q), 0.9998600097989594, RELATIVE, 'P');
    expectRelClose(system.failureProbability(p, q), 0.00013999020055930307, RELATIVE, 'F');
    const importance = system.birnbaum(p, q);
    expectRelClose(importance[0], 0.9998600107988194, RELATIVE, 'I_B(0)');
    expectRelClose(importance[4], 0.9998600115987074, RELATIVE, 'I_B(4)');
    expectRelClose(importance[99_999], 0.9998600115987074, RELATIVE, 'I_B(99999)');
  });

  test('99 990-out-of-100 000 compiles and equals the mpmath references', () => {
    const system = compileStructure(koon(99_990, ...leaves(N)), N, { maxNodes: 3 });
    expect(system.nodeCount).toBe(99_990 * 11 + 2); // k(n − k + 1) nodes over components
    const q = Float64Array.from({ length: N }, (_, i) => 1e-5 * (1 + (i % 7) / 7));
    const p = q.map((x) => 1 - x);
    expectRelClose(system.probability(p, q), 0.9999996559690678, RELATIVE, 'P');
    expectRelClose(system.failureProbability(p, q), 3.440310896811412e-7, RELATIVE, 'F');
    const importance = system.birnbaum(p, q);
    expectRelClose(importance[0], 2.33694162946636e-6, RELATIVE, 'I_B(0)');
    expectRelClose(importance[3], 2.3368815347694864e-6, RELATIVE, 'I_B(3)');
    expectRelClose(importance[99_999], 2.3368615037972014e-6, RELATIVE, 'I_B(99999)');
  });

  test('99 990-out-of-100 000 of identical members (binomial path) equals the mpmath references', () => {
    // The binomial path divides its terms by their total, so it answers for p = 1 − q exactly
    // (the p passed, 1 − 1e-5 rounded, is 4.5e-17 off): so does the reference.
    const system = compileStructure(koon(99_990, ...leaves(N)), N);
    const q = new Float64Array(N).fill(1e-5);
    const p = q.map((x) => 1 - x);
    expectRelClose(system.probability(p, q), 0.9999999899567947, RELATIVE, 'P');
    expectRelClose(system.failureProbability(p, q), 1.004320522549776e-8, RELATIVE, 'F');
    expectRelClose(system.birnbaum(p, q)[77], 1.0133260701897886e-7, RELATIVE, 'I_B(77)');
  });

  test.each([
    [50_000, 0.5, 0.5012615631070984, 0.49873843689290165, 0.00252312621419674],
    [60_000, 0.6, 0.5013734150485298, 0.4986265849514701, 0.0025751545512655654],
  ])(
    '%d-out-of-100 000 with every p = %d (binomial path) equals the mpmath references',
    (k, pEach, works, fails, importance) => {
      const system = compileStructure(koon(k, ...leaves(N)), N);
      const p = new Float64Array(N).fill(pEach);
      const q = p.map((x) => 1 - x);
      expectRelClose(system.probability(p, q), works, RELATIVE, 'P');
      expectRelClose(system.failureProbability(p, q), fails, RELATIVE, 'F');
      const all = system.birnbaum(p, q);
      expectRelClose(all[0], importance, RELATIVE, 'I_B(0)');
      expect(all[12_345]).toBe(all[0]);
    },
  );
});

describe('the size bound before building (issue 12)', () => {
  test('a diagram that cannot fit is refused at once, naming the bound, the limit and --max-nodes', () => {
    // 50 000-of-100 000 whose first component is also in series with it: not a block, and its
    // diagram has k(n − k + 1) = 2 500 050 000 nodes, which the old builder found out after
    // minutes.
    const call = (): unknown => compileStructure(series(koon(50_000, ...leaves(N)), c(0)), N);
    expect(call).toThrow(UnsupportedModelError);
    expect(call).toThrow(
      /^compileStructure: the decision diagram needs at least 2500050002 nodes \(estimated before building\); the limit is 5000000 \(--max-nodes raises it if memory allows\), or simulate the model$/,
    );
    expect(call).not.toThrow(/maxNodes/);
  });

  test('a series of 1000 parallel pairs needs exactly 1002 nodes: refused at 1001, built at 1002', () => {
    const pairs = series(
      ...Array.from({ length: 1000 }, (_, i) => parallel(c(2 * i), c(2 * i + 1))),
    );
    expect(() => compileStructure(pairs, 2000, { maxNodes: 1001 })).toThrow(
      /^compileStructure: the decision diagram needs at least 1002 nodes \(estimated before building\); the limit is 1001 /,
    );
    // Each pair is a block: one node per pair, the nodes over components are 2 per pair.
    expect(compileStructure(pairs, 2000, { maxNodes: 1002 }).nodeCount).toBe(2002);
  });

  test('a limit of 1 (the smallest --max-nodes) refuses even a constant structure', () => {
    expect(() => compileStructure(series(), 0, { maxNodes: 1 })).toThrow(
      /^compileStructure: the decision diagram needs at least 2 nodes \(estimated before building\); the limit is 1 /,
    );
  });

  test('when the diagram outgrows the limit while building, the message names the limit and flag', () => {
    // A network's size is not bounded before building (its bound is 1 node).
    const grid: { from: string; to: string; component: number }[] = [];
    for (let r = 0; r < 4; r++) {
      for (let col = 0; col < 4; col++) {
        if (col < 3)
          grid.push({ from: `${r},${col}`, to: `${r},${col + 1}`, component: grid.length });
        if (r < 3)
          grid.push({ from: `${r},${col}`, to: `${r + 1},${col}`, component: grid.length });
      }
    }
    const network: StructureNode = { kind: 'network', source: '0,0', sink: '3,3', edges: grid };
    expect(() => compileStructure(network, grid.length, { maxNodes: 50 })).toThrow(
      /^compileStructure: the decision diagram needs more than 50 nodes; the limit is 50 \(--max-nodes raises it if memory allows\), or simulate the model$/,
    );
  });
});

describe('which nodes collapse', () => {
  test('blocks of distinct components collapse; a component used elsewhere blocks its block', () => {
    const tree = series(
      parallel(c(0), c(1)), // block 0
      koon(2, c(2), c(3), c(4)), // block 1
      parallel(c(5), c(6)), // not a block: 5 is also below
      series(c(5), c(7)), // not a block: 5 is also above
      koon(3, c(8), c(9), c(10)), // k = n: a series block
      koon(1, c(11), c(12)), // k = 1: a parallel block
      koon(0, c(13), c(14)), // constant: left to the builder
      series(c(15)), // a single child: left as is
    );
    const { node, blocks } = collapseBlocks(tree, 16);
    expect(blocks.map((b) => [b.kind, b.k, Array.from(b.members)])).toEqual([
      ['parallel', 1, [0, 1]],
      ['koon', 2, [2, 3, 4]],
      ['series', 3, [8, 9, 10]],
      ['parallel', 1, [11, 12]],
    ]);
    expect(node).toEqual(
      series(
        c(16),
        c(17),
        parallel(c(5), c(6)),
        series(c(5), c(7)),
        c(18),
        c(19),
        koon(0, c(13), c(14)),
        series(c(15)),
      ),
    );
    expect(collapseBlocks(series(c(0), c(1)), 2).blocks).toHaveLength(1);
    expect(collapseBlocks(series(c(0), c(0)), 1).blocks).toHaveLength(0);
    // The same leaf object under two parents is two uses.
    const shared = c(3);
    expect(collapseBlocks(parallel(series(c(0), shared), series(c(1), shared)), 4).blocks).toEqual(
      [],
    );
    // A network edge is a use.
    const net: StructureNode = {
      kind: 'network',
      source: 's',
      sink: 't',
      edges: [{ from: 's', to: 't', component: 1 }],
    };
    expect(collapseBlocks(series(parallel(c(0), c(1)), net), 2).blocks).toEqual([]);
  });

  test('a block object reused at two places is one variable, exact against the state sum', () => {
    const block = series(c(0), c(1));
    const tree = parallel(series(block, c(2)), series(block, c(3)));
    const { blocks } = collapseBlocks(tree, 4);
    expect(blocks).toHaveLength(1);
    const system = compileStructure(tree, 4);
    const p = [0.9, 0.8, 0.7, 0.6];
    // P = p0 p1 (1 − q2 q3).
    expectRelClose(system.probability(p), 0.9 * 0.8 * (1 - 0.3 * 0.4), 4e-16, 'P');
    expect(system.minimalPathSets()).toEqual([
      [0, 1, 2],
      [0, 1, 3],
    ]);
    expect(system.minimalCutSets()).toEqual([[0], [1], [2, 3]]);
    const importance = system.birnbaum(p);
    expectRelClose(importance[0], 0.8 * (1 - 0.3 * 0.4), 4e-16, 'I_B(0)');
    expectRelClose(importance[2], 0.9 * 0.8 * 0.4, 4e-16, 'I_B(2)');
  });
});

describe('block kernels', () => {
  const block = (kind: Block['kind'], k: number, n: number): Block => ({
    kind,
    k,
    members: Int32Array.from({ length: n }, (_, i) => i),
  });

  /** P(block works), P(block fails) and each member's derivative by brute force, exact sums. */
  function bruteForce(b: Block, p: readonly number[]): [number, number, number[]] {
    const n = b.members.length;
    const works: number[] = [];
    const fails: number[] = [];
    const up = Array.from({ length: n }, (): number[] => []);
    for (let s = 0; s < 2 ** n; s++) {
      const x = Array.from({ length: n }, (_, i) => ((s >> i) & 1) === 1);
      const count = x.filter(Boolean).length;
      const weight = x.reduce((acc, w, i) => acc * (w ? element(p, i) : 1 - element(p, i)), 1);
      (count >= b.k ? works : fails).push(weight);
      for (let i = 0; i < n; i++) {
        // Member i is decisive when exactly k − 1 others work.
        if (!x[i] && count === b.k - 1) element(up, i).push(weight / (1 - element(p, i)));
      }
    }
    return [exactSum(works), exactSum(fails), up.map(exactSum)];
  }

  test.each<[Block['kind'], number, number]>([
    ['series', 6, 6],
    ['parallel', 1, 6],
    ['koon', 2, 5],
    ['koon', 4, 5],
    ['koon', 6, 11],
    ['koon', 3, 12],
  ])('%s with k = %d of %d equals the state sum and its derivatives', (kind, k, n) => {
    const b = block(kind, k, n);
    const p = Array.from({ length: n }, (_, i) => 0.05 + (0.9 * i) / (n - 1));
    const q = p.map((x) => 1 - x);
    const out = new Float64Array(2);
    const scratch = new Float64Array(1000);
    blockTails(b, p, q, scratch, out);
    const [works, fails, derivatives] = bruteForce(b, p);
    // Non-negative sums and products only: measured ≤ 3.8e-16 over these six blocks.
    expectRelClose(out[0], works, 1e-14, 'P');
    expectRelClose(out[1], fails, 1e-14, 'F');
    const gradient = new Float64Array(n);
    blockGradient(b, p, q, scratch, gradient);
    gradient.forEach((v, i) => expectRelClose(v, derivatives[i], 1e-14, `∂P/∂p_${i}`));
  });

  test('tiny failure probabilities keep their digits on the failure side', () => {
    const q = [1e-12, 2e-12, 3e-12];
    const p = q.map((x) => 1 - x);
    const out = new Float64Array(2);
    const scratch = new Float64Array(100);
    blockTails(block('series', 3, 3), p, q, scratch, out);
    expectRelClose(out[1], 6e-12 - 11e-24, 1e-15, 'series F');
    blockTails(block('parallel', 1, 3), p, q, scratch, out);
    expectRelClose(out[1], 6e-36, 1e-15, 'parallel F');
    blockTails(block('koon', 2, 3), p, q, scratch, out);
    // Two or more fail: q0q1 + q0q2 + q1q2 − 2 q0q1q2.
    expectRelClose(out[1], 11e-24 - 12e-36, 1e-15, '2-of-3 F');
  });

  test('states 0 and 1 give exact 0 and 1, never −0', () => {
    const out = new Float64Array(2);
    const scratch = new Float64Array(100);
    for (const kind of ['series', 'parallel', 'koon'] as const) {
      const b = block(kind, kind === 'series' ? 4 : kind === 'parallel' ? 1 : 2, 4);
      for (let s = 0; s < 16; s++) {
        const p = [0, 1, 2, 3].map((i) => (s >> i) & 1);
        blockTails(
          b,
          p,
          p.map((x) => 1 - x),
          scratch,
          out,
        );
        const expected = p.filter((x) => x === 1).length >= b.k ? 1 : 0;
        expect([out[0], out[1]]).toEqual([expected, 1 - expected]);
        expect(Object.is(out[1], -0) || Object.is(out[0], -0)).toBe(false);
      }
    }
  });

  test('a p rounded just above 1 (an availability at t = 0) gives 1, not NaN', () => {
    // Found by test/fuzz/differential.test.ts (seed 262): μ/(λ+μ) + λ/(λ+μ) = 1 + 2⁻⁵²; the
    // parallel block's log1p(−p) was NaN. The decision diagram without blocks gives 1 too.
    const above = 1 + 2 ** -52;
    const system = compileStructure(parallel(c(0), c(1), c(2), c(3)), 4);
    expect(system.probability([above, above, above, above], [0, 0, 0, 0])).toBe(1);
    expect(system.failureProbability([above, above, above, above], [0, 0, 0, 0])).toBe(0);
    const pair = compileStructure(series(c(0), c(1)), 2);
    expect(pair.failureProbability([0, 0], [above, above])).toBe(1);
  });

  test('the binomial path for equal p agrees with the recurrence for unequal p', () => {
    // 2500-of-5000: 5000 × 2501 operations is above the binomial threshold. One member with q
    // one ulp larger forces the recurrence; the answers differ by O(ulp) and rounding (measured
    // P 6.6e-16, F 4.5e-16, derivative 6.1e-16).
    const n = 5000;
    const b = block('koon', 2500, n);
    const p = new Float64Array(n).fill(0.5);
    const q = new Float64Array(n).fill(0.5);
    const qNudged = q.slice();
    qNudged[17] = 0.5 + 2 ** -53;
    const direct = new Float64Array(2);
    const recurrence = new Float64Array(2);
    const scratch = new Float64Array(20 * 2600);
    blockTails(b, p, q, scratch, direct);
    blockTails(b, p, qNudged, scratch, recurrence);
    expectRelClose(direct[0], recurrence[0], 1e-13, 'P');
    expectRelClose(direct[1], recurrence[1], 1e-13, 'F');
    const g1 = new Float64Array(n);
    const g2 = new Float64Array(n);
    blockGradient(b, p, q, scratch, g1);
    blockGradient(b, p, qNudged, scratch, g2);
    for (const i of [0, 17, 2500, n - 1]) expectRelClose(g1[i], g2[i], 1e-13, `∂P/∂p_${i}`);
  });

  test('block set counts and lists: C(n, k) paths and C(n, n − k + 1) cuts', () => {
    const b: Block = { kind: 'koon', k: 2, members: Int32Array.of(7, 3, 9, 4) };
    expect(blockSetCount(b, 'path')).toBe(6);
    expect(blockSetCount(b, 'cut')).toBe(4);
    // The lists come from the expanded set families: the block is one variable of the diagram.
    const system = compileStructure(koon(2, c(7), c(3), c(9), c(4)), 10);
    expect(system.minimalPathSets()).toEqual([
      [3, 4],
      [3, 7],
      [3, 9],
      [4, 7],
      [4, 9],
      [7, 9],
    ]);
    expect(system.minimalCutSets()).toEqual([
      [3, 4, 7],
      [3, 4, 9],
      [3, 7, 9],
      [4, 7, 9],
    ]);
    // C(100000, 10) = 27544920827561470257469913571105409574990000 (Python math.comb).
    expectRelClose(
      blockSetCount(block('koon', 10, 100_000), 'path'),
      2.754492082756147e43,
      1e-14,
      'C',
    );
    expect(blockSetCount(block('series', 5, 5), 'cut')).toBe(5);
    expect(compileStructure(series(c(0), c(1), c(2)), 3).minimalPathSets()).toEqual([[0, 1, 2]]);
    expect(compileStructure(parallel(c(0), c(1), c(2)), 3).minimalPathSets()).toEqual([
      [0],
      [1],
      [2],
    ]);
  });
});
