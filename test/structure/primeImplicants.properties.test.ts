import { describe, expect, test } from 'vitest';

import { UnsupportedModelError } from '../../src/errors.js';
import { exactSum } from '../../src/numeric/sum.js';
import { compileStructure } from '../../src/structure/compileStructure.js';
import { importanceMeasures } from '../../src/structure/importanceMeasures.js';
import type { StructureNode } from '../../src/structure/StructureNode.js';
import type { ImplicantLiteral } from '../../src/structure/structureSets.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { c, koon, not, parallel, seededRandom, series, works } from '../helpers/structures.js';

// Issue 16: structures with `not` (fault trees with NOT, NAND, NOR and XOR gates) against brute
// force over all 2^m states. Random trees of series, parallel, k-of-n, `not` and small networks
// over at most 8 components, some components shared (so a subtree may appear plain and negated),
// some blocks of fresh components (collapsed into one variable, also under a `not`). For each
// tree: the `coherent` flag against a monotonicity test of the truth table; the prime implicants
// of the failure function against the brute-force list (every term over the m components —
// each absent, failed or working — that implies failure and from which no literal can be
// dropped); P, F and Birnbaum importance against sums over the states; for non-coherent trees,
// no cut sets and NaN Fussell–Vesely. Seeded: CI sees the same trees. Of the trees from seeds
// 1..400, the counts of non-coherent ones, of coherent ones with a `not` and of blocks under a
// `not` are checked below.
//
// Tolerance 1e-12 relative for P and F (sums of products of non-negative numbers; measured
// ≤ 4.3e-16 for both); Birnbaum importance of a non-coherent tree is a subtraction
// P(high) − P(low) per node, so it is compared with an absolute tolerance of 1e-13 (measured
// ≤ 2.3e-16). 6.5 components a tree on average.
const RUNS = 400;
const MAX_COMPONENTS = 8;
const RELATIVE = 1e-12;
const ABSOLUTE = 1e-13;

/** A random tree with `not` nodes, and its number of components (all of 0..m−1 appear). */
function randomTree(random: () => number): { node: StructureNode; m: number } {
  let next = 0;
  const pick = (n: number): number => Math.floor(random() * n);
  const component = (fresh: boolean): number =>
    next === 0 || ((fresh || random() < 0.7) && next < MAX_COMPONENTS) ? next++ : pick(next);
  const made: StructureNode[] = [];
  const tree = (depth: number): StructureNode => {
    const roll = depth === 0 ? 1 : random();
    if (depth === 4 || roll < 0.25) return c(component(false));
    if (roll < 0.35 && made.length > 0) return not(element(made, pick(made.length))); // shared
    if (roll < 0.45) {
      // A block of fresh components, under a `not` half of the time.
      const size = 2 + pick(3);
      const children = Array.from({ length: size }, () => c(component(true)));
      const kind = pick(3);
      const block =
        kind === 0
          ? series(...children)
          : kind === 1
            ? parallel(...children)
            : koon(1 + pick(size), ...children);
      return random() < 0.5 ? not(block) : block;
    }
    if (roll < 0.5) {
      const names = ['s', 'a', 'b', 't'];
      const count = 1 + pick(4);
      const edges = Array.from({ length: count }, (_, e) => ({
        from: e === 0 ? 's' : element(names, pick(4)),
        to: e === count - 1 ? 't' : element(names, pick(4)),
        component: component(false),
      }));
      return { kind: 'network', source: 's', sink: 't', edges };
    }
    if (roll < 0.65) return not(tree(depth + 1));
    // Now and then no child or k = 0 (constants), mostly two to four children.
    const children = Array.from({ length: (random() < 0.9 ? 2 : 0) + pick(3) }, () =>
      tree(depth + 1),
    );
    const kind = pick(3);
    const node =
      kind === 0
        ? series(...children)
        : kind === 1
          ? parallel(...children)
          : koon(
              random() < 0.9 ? Math.min(1 + pick(children.length), children.length) : 0,
              ...children,
            );
    made.push(node);
    return node;
  };
  const node = tree(0);
  return { node, m: next };
}

/** failed[f] = 1 when the system fails with exactly the components of bit mask f failed. */
function failureTable(node: StructureNode, m: number): Uint8Array {
  const size = 2 ** m;
  const table = new Uint8Array(size);
  for (let f = 0; f < size; f++) {
    const x = Array.from({ length: m }, (_, i) => ((f >> i) & 1) === 0);
    table[f] = works(node, x) ? 0 : 1;
  }
  return table;
}

/**
 * The prime implicants of failure by brute force, each as a string "i" (i failed) or "!i" (i
 * works) joined by commas, ascending by component. A term is a mask M of the components it fixes
 * and their values V ⊆ M (bit set: failed); it implies failure when every state agreeing with it
 * fails.
 */
function brutePrimes(failed: Uint8Array, m: number): Set<string> {
  const size = 2 ** m;
  // implicant[M·size + V]; terms with V ⊄ M are never marked.
  const implicant = new Uint8Array(size * size);
  for (let mask = 0; mask < size; mask++) {
    const base = mask * size;
    for (let v = 0; v < size; v++) if ((v & ~mask) === 0) implicant[base + v] = 1;
    for (let s = 0; s < size; s++) if (failed[s] === 0) implicant[base + (s & mask)] = 0;
  }
  const primes = new Set<string>();
  for (let mask = 0; mask < size; mask++) {
    for (let v = 0; v < size; v++) {
      if ((v & ~mask) !== 0 || implicant[mask * size + v] !== 1) continue;
      let prime = true;
      for (let i = 0; i < m && prime; i++) {
        const bit = 1 << i;
        if (mask & bit && implicant[(mask & ~bit) * size + (v & ~bit)] === 1) prime = false;
      }
      if (!prime) continue;
      const literals: string[] = [];
      for (let i = 0; i < m; i++) {
        if ((mask >> i) & 1) literals.push((v >> i) & 1 ? `${i}` : `!${i}`);
      }
      primes.add(literals.join(','));
    }
  }
  return primes;
}

function keyOf(set: readonly ImplicantLiteral[]): string {
  return set.map((l) => (l.negated ? `!${l.component}` : `${l.component}`)).join(',');
}

/** Whether failure can only grow with more components failed (Φ monotone). */
function monotone(failed: Uint8Array, m: number): boolean {
  for (let f = 0; f < failed.length; f++) {
    for (let i = 0; i < m; i++) if (failed[f] === 1 && failed[f | (1 << i)] === 0) return false;
  }
  return true;
}

/** Σ over states of ∏ (q_i failed, p_i working), for states where `pick` holds. */
function stateSum(m: number, p: number[], q: number[], pick: (f: number) => boolean): number {
  const terms: number[] = [];
  for (let f = 0; f < 2 ** m; f++) {
    if (!pick(f)) continue;
    let w = 1;
    for (let i = 0; i < m; i++) w *= (f >> i) & 1 ? element(q, i) : element(p, i);
    terms.push(w);
  }
  return exactSum(terms);
}

describe('structures with not against brute force (issue 16)', () => {
  test(`${RUNS} random trees: coherent flag, prime implicants, P, F and Birnbaum importance`, () => {
    let nonCoherent = 0;
    let coherentWithNot = 0;
    let negatedBlocks = 0;
    let implicants = 0;
    let negatedLiterals = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = seededRandom(seed);
      const { node, m } = randomTree(random);
      const label = `seed ${seed}`;
      const system = compileStructure(node, m);
      const failed = failureTable(node, m);
      const isMonotone = monotone(failed, m);
      expect(system.coherent, label).toBe(isMonotone);
      const hasNot = JSON.stringify(node).includes('"not"');
      if (!isMonotone) nonCoherent++;
      else if (hasNot) coherentWithNot++;
      if (
        /"kind":"not","child":\{"kind":"(series|parallel|koon)","children":\[\{"kind":"component","component":\d+\},\{"kind":"component"/.test(
          JSON.stringify(node),
        )
      ) {
        negatedBlocks++;
      }

      const q = Array.from({ length: m }, () => 0.02 + 0.96 * random());
      const p = q.map((x) => 1 - x);
      const { count, sets } = system.primeImplicants(q, { maxSets: Infinity });
      const expected = brutePrimes(failed, m);
      expect(new Set(sets.map(keyOf)), label).toEqual(expected);
      expect(count, label).toBe(expected.size);
      expect(sets, label).toHaveLength(expected.size);
      implicants += sets.length;
      // Truncated by order (a fresh compilation: the family of a larger order serves a smaller).
      const order = 1 + Math.floor(3 * random());
      const short = compileStructure(node, m).primeImplicants(q, {
        maxOrder: order,
        maxSets: Infinity,
      });
      const expectedShort = [...expected].filter(
        (key) => (key === '' ? 0 : key.split(',').length) <= order,
      );
      expect(new Set(short.sets.map(keyOf)), `${label} maxOrder ${order}`).toEqual(
        new Set(expectedShort),
      );
      expect(short.count, `${label} maxOrder ${order}`).toBe(expectedShort.length);
      negatedLiterals += sets.flat().filter((l) => l.negated).length;
      // Sorted by probability, largest first.
      const probability = (set: readonly ImplicantLiteral[]): number =>
        set.reduce(
          (w, l) => w * (l.negated ? element(p, l.component) : element(q, l.component)),
          1,
        );
      for (let j = 1; j < sets.length; j++) {
        expect(probability(element(sets, j)), label).toBeLessThanOrEqual(
          probability(element(sets, j - 1)) * (1 + 1e-12),
        );
      }
      if (isMonotone) {
        // Prime implicants of a coherent structure are its minimal cut sets.
        expect(
          sets.every((set) => set.every((l) => !l.negated)),
          label,
        ).toBe(true);
        const cuts = system.cutSets(q, { maxSets: Infinity });
        expect(
          cuts.sets.map((set) => set.join(',')),
          label,
        ).toEqual(sets.map(keyOf));
      } else {
        expect(() => system.cutSets(q), label).toThrow(UnsupportedModelError);
        expect(() => system.minimalCutSets(), label).toThrow(
          /^minimalCutSets: the structure is not coherent .* so it has no minimal cut sets; list its prime implicants with primeImplicants\(\)$/,
        );
        expect(() => system.minimalPathSets(), label).toThrow(UnsupportedModelError);
        expect(Array.from(system.fussellVesely(p, q)).every(Number.isNaN), label).toBe(true);
      }

      const total = stateSum(m, p, q, (f) => element(failed, f) === 1);
      expectRelClose(system.failureProbability(p, q), total, RELATIVE, `${label} F`, 1e-300);
      const working = stateSum(m, p, q, (f) => element(failed, f) === 0);
      expectRelClose(system.probability(p, q), working, RELATIVE, `${label} P`, 1e-300);
      const importance = system.birnbaum(p, q);
      for (let i = 0; i < m; i++) {
        const bit = 1 << i;
        // I_B(i) = P(fails | i failed) − P(fails | i works), over the states of the others.
        const others = (f: number): number => {
          let w = 1;
          for (let j = 0; j < m; j++) {
            if (j !== i) w *= (f >> j) & 1 ? element(q, j) : element(p, j);
          }
          return w;
        };
        const terms: number[] = [];
        for (let f = 0; f < 2 ** m; f++) {
          if (f & bit) continue;
          terms.push((element(failed, f | bit) - element(failed, f)) * others(f));
        }
        const expectedImportance = exactSum(terms);
        const actual = element(importance, i);
        if (Math.abs(actual - expectedImportance) > ABSOLUTE) {
          expect.fail(`${label} I_B(${i}): ${actual} against ${expectedImportance}`);
        }
      }
      if (!isMonotone) {
        const measures = importanceMeasures(system, p, q);
        expect(Array.from(measures.fussellVesely).every(Number.isNaN), label).toBe(true);
        for (let i = 0; i < m; i++) {
          // DIF is a conditional probability whatever the structure.
          const dif = element(measures.diagnostic, i);
          const bothDown = stateSum(
            m,
            p,
            q,
            (f) => element(failed, f) === 1 && ((f >> i) & 1) === 1,
          );
          expectRelClose(dif, bothDown / total, 1e-11, `${label} DIF(${i})`, 1e-15);
        }
      }
    }
    // The trees cover what this test is about (counts for seeds 1..400).
    expect(nonCoherent).toBeGreaterThan(150); // 186
    expect(coherentWithNot).toBeGreaterThan(100); // 168
    expect(negatedBlocks).toBeGreaterThan(150); // 223
    expect(negatedLiterals).toBeGreaterThan(500); // 968
    expect(implicants).toBeGreaterThan(800); // 1087, up to 22 a tree
  });
});

describe('coherent flag and prime implicants by hand', () => {
  test('double negation, a ∧ ¬a and a ∨ ¬a are coherent; a ∧ ¬b is not', () => {
    expect(compileStructure(not(not(c(0))), 1).coherent).toBe(true);
    expect(compileStructure(series(c(0), not(c(0))), 1).coherent).toBe(true); // constant 0
    expect(compileStructure(parallel(c(0), not(c(0))), 1).coherent).toBe(true); // constant 1
    expect(compileStructure(series(c(0), not(c(1))), 2).coherent).toBe(false);
    expect(compileStructure(series(c(0), c(1)), 2).coherent).toBe(true);
  });

  test('a ∧ ¬b fails when a fails or b works: prime implicants {a failed}, {b works}', () => {
    const system = compileStructure(series(c(0), not(c(1))), 2);
    const { count, sets } = system.primeImplicants([0.1, 0.3]);
    expect(count).toBe(2);
    // P({b works}) = 0.7 > P({a failed}) = 0.1.
    expect(sets).toEqual([[{ component: 1, negated: true }], [{ component: 0, negated: false }]]);
  });

  test('XOR failure (exactly one event): {a, ¬b} and {¬a, b}; no cut sets', () => {
    // The fault tree's XOR gate as success logic: works iff both or neither of a, b fail.
    const a = c(0);
    const b = c(1);
    const system = compileStructure(parallel(series(a, b), series(not(a), not(b))), 2);
    expect(system.coherent).toBe(false);
    expect(system.primeImplicants([0.1, 0.2]).sets).toEqual([
      [
        { component: 0, negated: true },
        { component: 1, negated: false },
      ],
      [
        { component: 0, negated: false },
        { component: 1, negated: true },
      ],
    ]);
    expect(() => system.cutSets([0.1, 0.2])).toThrow(
      /^cutSets: the structure is not coherent \(through a not node, the failure of some component can make the system work\), so it has no minimal cut sets; list its prime implicants with primeImplicants\(\)$/,
    );
  });

  test("NAND of a 2-of-3 block: fails when two members work, the block's paths negated", () => {
    // not(2-of-3) works iff fewer than two work; it fails iff at least two work.
    const system = compileStructure(not(koon(2, c(0), c(1), c(2))), 3);
    const { sets } = system.primeImplicants([0.5, 0.5, 0.5]);
    expect(sets.map((set) => set.map((l) => `${l.negated ? '!' : ''}${l.component}`))).toEqual([
      ['!0', '!1'],
      ['!0', '!2'],
      ['!1', '!2'],
    ]);
  });

  test('a chain of 100 000 nots over one component compiles and evaluates without recursion', () => {
    let node: StructureNode = c(0);
    for (let i = 0; i < 100_000; i++) node = not(node);
    const system = compileStructure(node, 1);
    expect(system.probability([0.9])).toBe(0.9); // an even number of negations
    expect(system.coherent).toBe(true);
    const odd = compileStructure(not(node), 1);
    expect(odd.probability([0.9])).toBeCloseTo(0.1, 15);
    expect(odd.coherent).toBe(false);
    expect(odd.primeImplicants([0.1]).sets).toEqual([[{ component: 0, negated: true }]]);
  });
});
