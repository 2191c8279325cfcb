import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { BddManager } from '../../src/structure/BddManager.js';
import { buildStructureBdd } from '../../src/structure/buildStructureBdd.js';
import { collapseBlocks } from '../../src/structure/collapseBlocks.js';
import { compileStructure } from '../../src/structure/compileStructure.js';
import { planStructure } from '../../src/structure/planStructure.js';
import type { StructureNode } from '../../src/structure/StructureNode.js';
import { validateStructure } from '../../src/structure/validateStructure.js';
import { exactSum } from '../../src/numeric/sum.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { element } from '../helpers/element.js';
import { seededRandom, works } from '../helpers/structures.js';

// Issue 12, defect 3: an oracle for the whole compiler. Random structures (series, parallel,
// k-of-n and networks nested up to 4 deep over at most 12 components, some components shared,
// many blocks of components used nowhere else so that collapsing is exercised, and blocks that
// include a shared component so it must not be) are compared with brute-force enumeration over
// all 2^m states: probabilities by exact sums of the state probabilities, Birnbaum importances by
// exact sums over the states where the component is decisive, minimal sets by testing every subset.
// Seeded: CI sees the same structures. Of the trees drawn from seeds 1..400, 212 have a collapsed
// block, 217 a block of components kept whole because one is shared, 260 a shared component, and
// there are 305 networks in all; 8.9 components a tree on average (the counts are checked below).
//
// Tolerance 1e-12 relative: every quantity is a sum of products of non-negative numbers (Birnbaum
// importances through difference pairs, without subtraction). Measured over 3000 trees: P
// ≤ 5.4e-16, F ≤ 5.8e-16, I_B ≤ 7.0e-16 (26 470 importances).
const SEED = 20261127;
const RUNS = 400;
const MAX_COMPONENTS = 12;
const RELATIVE = 1e-12;

/** A random structure and its number of components (all of 0..m−1 appear). */
function randomStructure(random: () => number): { node: StructureNode; m: number } {
  let next = 0;
  const pick = (n: number): number => Math.floor(random() * n);
  const component = (fresh: boolean): number =>
    next === 0 || ((fresh || random() < 0.8) && next < MAX_COMPONENTS) ? next++ : pick(next);
  const leaf = (fresh = false): StructureNode => ({
    kind: 'component',
    component: component(fresh),
  });
  const network = (): StructureNode => {
    const names = ['s', 'a', 'b', 'c', 't'];
    const count = 1 + pick(6);
    const edges = Array.from({ length: count }, (_, e) => ({
      from: e === 0 ? 's' : element(names, pick(5)),
      to: e === count - 1 ? 't' : element(names, pick(5)),
      component: component(false),
    }));
    return { kind: 'network', source: 's', sink: 't', edges };
  };
  const composite = (
    kind: 'series' | 'parallel' | 'koon',
    children: StructureNode[],
  ): StructureNode =>
    kind === 'koon' ? { kind, k: pick(children.length + 1), children } : { kind, children };
  const kinds = ['series', 'parallel', 'koon'] as const;
  const tree = (depth: number): StructureNode => {
    // The root always has children; below it, leaves, blocks, networks and nested nodes.
    const roll = depth === 0 ? 1 : random();
    if (depth === 4 || roll < 0.2) return leaf();
    if (roll < 0.5) {
      // A block of components: fresh ones (collapsible), sometimes one reused (not collapsible).
      const size = 2 + pick(4);
      return composite(
        element(kinds, pick(3)),
        Array.from({ length: size }, () => leaf(random() < 0.85)),
      );
    }
    if (roll < 0.6) return network();
    // Nested nodes, now and then with no child (constant) or one.
    const size = depth === 0 ? 2 + pick(3) : pick(5);
    return composite(
      element(kinds, pick(3)),
      Array.from({ length: size }, () => tree(depth + 1)),
    );
  };
  const node = tree(0);
  return { node, m: next };
}

/** Φ on every state s (bit i of s is component i), and the sorted minimal sets by brute force. */
function truthTable(node: StructureNode, m: number): Uint8Array {
  const table = new Uint8Array(2 ** m);
  for (let s = 0; s < table.length; s++) {
    table[s] = works(
      node,
      Array.from({ length: m }, (_, i) => ((s >> i) & 1) === 1),
    )
      ? 1
      : 0;
  }
  return table;
}

function bruteMinimalSets(table: Uint8Array, m: number, kind: 'path' | 'cut'): number[][] {
  const all = 2 ** m - 1;
  // A path set S: Φ(1_S) = 1; a cut set S: Φ(1 − 1_S) = 0. Minimal: no element can be dropped.
  const holds = (s: number): boolean => (kind === 'path' ? table[s] === 1 : table[all ^ s] === 0);
  const sets: number[][] = [];
  for (let s = 0; s <= all; s++) {
    if (!holds(s)) continue;
    let minimal = true;
    for (let i = 0; i < m && minimal; i++)
      if ((s >> i) & 1 && holds(s & ~(1 << i))) minimal = false;
    if (minimal) sets.push(Array.from({ length: m }, (_, i) => i).filter((i) => (s >> i) & 1));
  }
  return sets.sort((a, b) => a.length - b.length || compareLex(a, b));
}

function compareLex(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return element(a, i) - element(b, i);
  return 0;
}

/** Working probabilities: uniform in (0.01, 0.99), or a failure probability down to 1e-9. */
function randomProbabilities(random: () => number, m: number): { p: number[]; q: number[] } {
  const q = Array.from({ length: m }, () =>
    random() < 0.7 ? 0.01 + 0.98 * random() : 10 ** -(3 + 6 * random()),
  );
  return { p: q.map((x) => 1 - x), q };
}

const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });

describe('compileStructure against brute force over all 2^m states (m ≤ 12)', () => {
  test('probability, failureProbability and birnbaum equal the exact state sums', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const random = seededRandom(seed);
        const { node, m } = randomStructure(random);
        const system = compileStructure(node, m);
        const table = truthTable(node, m);
        const { p, q } = randomProbabilities(random, m);
        /** Probability of state s over every component but `skip`. */
        const weight = (s: number, skip = -1): number => {
          let w = 1;
          for (let i = 0; i < m; i++) if (i !== skip) w *= element((s >> i) & 1 ? p : q, i);
          return w;
        };
        const up: number[] = [];
        const down: number[] = [];
        for (let s = 0; s < table.length; s++) (table[s] === 1 ? up : down).push(weight(s));
        expectRelClose(system.probability(p, q), exactSum(up), RELATIVE, `P seed ${seed}`, 1e-300);
        expectRelClose(
          system.failureProbability(p, q),
          exactSum(down),
          RELATIVE,
          `F seed ${seed}`,
          1e-300,
        );
        const importance = system.birnbaum(p, q);
        for (let i = 0; i < m; i++) {
          const terms: number[] = [];
          for (let s = 0; s < table.length; s++) {
            if ((s >> i) & 1 || table[s | (1 << i)] === table[s]) continue;
            terms.push(weight(s, i));
          }
          expectRelClose(
            importance[i],
            exactSum(terms),
            RELATIVE,
            `I_B(${i}) seed ${seed}`,
            1e-300,
          );
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('minimal path and cut sets equal those found by testing every subset', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { node, m } = randomStructure(seededRandom(seed));
        const system = compileStructure(node, m);
        const table = truthTable(node, m);
        expect(system.minimalPathSets()).toEqual(bruteMinimalSets(table, m, 'path'));
        expect(system.minimalCutSets()).toEqual(bruteMinimalSets(table, m, 'cut'));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('nodeCount equals the uncollapsed diagram, and the bound never exceeds the built one', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { node, m } = randomStructure(seededRandom(seed));
        // The diagram without collapsing any block, built directly.
        const order = validateStructure(node, m);
        const levelOf = new Int32Array(m).fill(-1);
        order.forEach((component, level) => (levelOf[component] = level));
        const plain = new BddManager(order.length, 1e7, 'test');
        const full = plain.compact(buildStructureBdd(plain, node, levelOf), order);
        expect(compileStructure(node, m).nodeCount).toBe(full.level.length);
        // The collapsed diagram and its bound from the plan.
        const collapsed = collapseBlocks(node, m);
        const extended = validateStructure(collapsed.node, m + collapsed.blocks.length);
        const levels = new Int32Array(m + collapsed.blocks.length).fill(-1);
        extended.forEach((component, level) => (levels[component] = level));
        const { nodeCount } = planStructure(collapsed.node, levels);
        const manager = new BddManager(extended.length, 1e7, 'test');
        const built = manager.compact(buildStructureBdd(manager, collapsed.node, levels), extended);
        expect(nodeCount).toBeLessThanOrEqual(manager.nodeCount);
        const hasNetwork = JSON.stringify(node).includes('"network"');
        const shared = order.length < countLeaves(node);
        // Without networks and shared components the bound is the diagram's size exactly.
        if (!hasNetwork && !shared) expect(nodeCount).toBe(built.level.length);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('the random structures cover what the oracle is for', () => {
  test('collapsed blocks, blocks kept whole by a shared component, networks, shared components', () => {
    let collapsed = 0;
    let keptWhole = 0;
    let networks = 0;
    let shared = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { node, m } = randomStructure(seededRandom(seed));
      const uses = new Int32Array(m);
      const use = (component: number): void => {
        uses[component] = element(uses, component) + 1;
      };
      const leafBlocks: number[][] = [];
      const walk = (n: StructureNode): void => {
        if (n.kind === 'component') use(n.component);
        else if (n.kind === 'network') {
          networks += 1;
          n.edges.forEach((e) => use(e.component));
        } else if (n.kind === 'not') {
          walk(n.child);
        } else {
          if (n.children.length >= 2 && n.children.every((child) => child.kind === 'component')) {
            leafBlocks.push(
              n.children.map((child) => (child.kind === 'component' ? child.component : -1)),
            );
          }
          n.children.forEach(walk);
        }
      };
      walk(node);
      if (collapseBlocks(node, m).blocks.length > 0) collapsed++;
      if (leafBlocks.some((block) => block.some((component) => element(uses, component) > 1)))
        keptWhole++;
      if (uses.some((count) => count > 1)) shared++;
    }
    expect(collapsed).toBeGreaterThan(150);
    expect(keptWhole).toBeGreaterThan(100);
    expect(networks).toBeGreaterThan(150);
    expect(shared).toBeGreaterThan(200);
  });
});

/** Number of component leaves (occurrences) in a tree. */
function countLeaves(node: StructureNode): number {
  switch (node.kind) {
    case 'component':
      return 1;
    case 'network':
      return node.edges.length;
    case 'not':
      return countLeaves(node.child);
    default:
      return node.children.reduce((acc, child) => acc + countLeaves(child), 0);
  }
}
