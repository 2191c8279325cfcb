import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { compileStructure } from '../../src/structure/compileStructure.js';
import type { StructureNode } from '../../src/structure/StructureNode.js';
import { exactSum } from '../../src/numeric/sum.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { element } from '../helpers/element.js';
import { works } from '../helpers/structures.js';

// Random trees over M components: every kind, shared components (M is small), nesting, networks
// with self-loops, dead ends and components shared between edges. Seeded, so CI sees the same trees.
const M = 6;
const SEED = 20261126;
const RUNS = 300;
const NAMES = ['s', 'a', 'b', 'c', 't'];

const component = fc.integer({ min: 0, max: M - 1 });
const edge = fc.record({
  from: fc.constantFrom(...NAMES),
  to: fc.constantFrom(...NAMES),
  component,
});
const network: fc.Arbitrary<StructureNode> = fc
  .array(edge, { minLength: 1, maxLength: 7 })
  .map((edges) => ({
    kind: 'network' as const,
    source: element(edges, 0).from,
    sink: element(edges, edges.length - 1).to,
    edges,
  }))
  .filter((n) => n.source !== n.sink);
const { tree } = fc.letrec<{ tree: StructureNode }>((tie) => {
  const children = fc.array(tie('tree'), { maxLength: 4 });
  return {
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      component.map((c): StructureNode => ({ kind: 'component', component: c })),
      children.map((ch): StructureNode => ({ kind: 'series', children: ch })),
      children.map((ch): StructureNode => ({ kind: 'parallel', children: ch })),
      children.chain((ch) =>
        fc
          .integer({ min: 0, max: ch.length })
          .map((k): StructureNode => ({ kind: 'koon', k, children: ch })),
      ),
      network,
    ),
  };
});
// Probabilities in (0, 1) away from the ends, where every term of the state sum matters.
const probabilities = fc.array(fc.double({ min: 0.01, max: 0.99, noNaN: true }), {
  minLength: M,
  maxLength: M,
});

const states = Array.from({ length: 2 ** M }, (_, s) =>
  Array.from({ length: M }, (_, i) => ((s >> i) & 1) === 1),
);

describe('compileStructure properties on seeded random trees', () => {
  test('with every p 0 or 1 it returns the Boolean structure function on all 2^6 states', () => {
    fc.assert(
      fc.property(tree, (node) => {
        const system = compileStructure(node, M);
        for (const x of states) {
          const p = x.map(Number);
          const expected = works(node, x) ? 1 : 0;
          expect(system.probability(p)).toBe(expected);
          expect(system.failureProbability(p)).toBe(1 - expected);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('probability equals the sum over all 2^6 states, and probability + failureProbability = 1', () => {
    // Both sides add non-negative terms: measured ≤ 3.5e-16 relative (1.6 ε); 1e-14 is a 28× margin.
    fc.assert(
      fc.property(tree, probabilities, (node, p) => {
        const system = compileStructure(node, M);
        const terms = states.map((x) =>
          works(node, x)
            ? x.reduce((acc, up, i) => acc * (up ? element(p, i) : 1 - element(p, i)), 1)
            : 0,
        );
        const expected = exactSum(terms);
        expectRelClose(system.probability(p), expected, 1e-14, 'state sum', 1e-300);
        expectRelClose(system.probability(p) + system.failureProbability(p), 1, 1e-14, 'P + Q');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('birnbaum equals P(p_i = 1) − P(p_i = 0) and is ≥ 0 (coherence)', () => {
    // Same multilinear polynomial evaluated two ways: agree to a few ε absolute (measured 1.2e-16).
    fc.assert(
      fc.property(tree, probabilities, (node, p) => {
        const system = compileStructure(node, M);
        const importance = system.birnbaum(p);
        for (let i = 0; i < M; i++) {
          const up = system.probability(p.map((v, j) => (j === i ? 1 : v)));
          const down = system.probability(p.map((v, j) => (j === i ? 0 : v)));
          expectRelClose(importance[i], up - down, 1e-13, `I_B(${i})`, 2e-15);
          expect(importance[i]).toBeGreaterThanOrEqual(0);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('probability never decreases when one p_i increases (coherence)', () => {
    fc.assert(
      fc.property(
        tree,
        probabilities,
        component,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (node, p, i, t) => {
          const system = compileStructure(node, M);
          const before = system.probability(p);
          const after = system.probability(p.map((v, j) => (j === i ? v + t * (1 - v) : v)));
          expect(after).toBeGreaterThanOrEqual(before - 4e-16);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('minimal path and cut sets are minimal and cover every working and failed state', () => {
    fc.assert(
      fc.property(tree, (node) => {
        const system = compileStructure(node, M);
        const paths = system.minimalPathSets();
        const cuts = system.minimalCutSets();
        const only = (set: number[], value: boolean): boolean[] =>
          Array.from({ length: M }, (_, i) => (set.includes(i) ? value : !value));
        for (const set of paths) {
          expect(works(node, only(set, true))).toBe(true);
          for (const i of set)
            expect(
              works(
                node,
                only(
                  set.filter((j) => j !== i),
                  true,
                ),
              ),
            ).toBe(false);
        }
        for (const set of cuts) {
          expect(works(node, only(set, false))).toBe(false);
          for (const i of set)
            expect(
              works(
                node,
                only(
                  set.filter((j) => j !== i),
                  false,
                ),
              ),
            ).toBe(true);
        }
        for (const x of states) {
          const up = works(node, x);
          expect(paths.some((set) => set.every((i) => x[i]))).toBe(up);
          expect(cuts.some((set) => set.every((i) => !x[i]))).toBe(!up);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('a 6×6 grid network (60 edges) agrees with depth-first search on seeded random states', () => {
    const edges: { from: string; to: string; component: number }[] = [];
    for (let r = 0; r < 6; r++) {
      for (let c = 0; c < 6; c++) {
        if (c < 5) edges.push({ from: `${r},${c}`, to: `${r},${c + 1}`, component: edges.length });
        if (r < 5) edges.push({ from: `${r},${c}`, to: `${r + 1},${c}`, component: edges.length });
      }
    }
    const grid: StructureNode = { kind: 'network', source: '0,0', sink: '5,5', edges };
    const system = compileStructure(grid, 60);
    expect(system.nodeCount).toBe(4971);
    // Edges work with probability 0.6, near the percolation threshold 0.5, so both answers occur.
    const state = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
      minLength: 60,
      maxLength: 60,
    });
    fc.assert(
      fc.property(state, (u) => {
        const x = u.map((v) => v < 0.6);
        expect(system.probability(x.map(Number))).toBe(works(grid, x) ? 1 : 0);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
