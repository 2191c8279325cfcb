import { describe, expect, test } from 'vitest';

import { ParameterError } from '../../src/errors.js';
import { compileStructure } from '../../src/structure/compileStructure.js';
import type { StructureNode } from '../../src/structure/StructureNode.js';
import { element } from '../helpers/element.js';
import { BRIDGE, c, koon, parallel, seededRandom, series, works } from '../helpers/structures.js';

// Issue 16: ranked minimal cut sets with an order limit (SCRAM's --limit-order), a probability
// cut-off (--cut-off) and a cap on the number listed, the count staying exact. Against brute
// force on random coherent trees with blocks: failure probabilities are powers of 1/2, so every
// product is exact and ties are frequent, and the expected list (filtered, sorted by probability,
// size, then lexicographically, cut to maxSets) is compared element by element.
const RUNS = 300;
const MAX_COMPONENTS = 10;

/** A random coherent tree (series, parallel, k-of-n, networks, blocks of fresh components). */
function randomTree(random: () => number): { node: StructureNode; m: number } {
  let next = 0;
  const pick = (n: number): number => Math.floor(random() * n);
  const component = (fresh: boolean): number =>
    next === 0 || ((fresh || random() < 0.75) && next < MAX_COMPONENTS) ? next++ : pick(next);
  const gate = (kind: number, children: StructureNode[]): StructureNode =>
    kind === 0
      ? series(...children)
      : kind === 1
        ? parallel(...children)
        : koon(Math.min(children.length, 1 + pick(children.length)), ...children);
  const tree = (depth: number): StructureNode => {
    const roll = depth === 0 ? 1 : random();
    if (depth === 3 || roll < 0.25) return c(component(false));
    if (roll < 0.45) {
      const size = 2 + pick(3);
      return gate(
        pick(3),
        Array.from({ length: size }, () => c(component(true))),
      );
    }
    if (roll < 0.55) {
      const names = ['s', 'a', 'b', 't'];
      const count = 1 + pick(5);
      const edges = Array.from({ length: count }, (_, e) => ({
        from: e === 0 ? 's' : element(names, pick(4)),
        to: e === count - 1 ? 't' : element(names, pick(4)),
        component: component(false),
      }));
      return { kind: 'network', source: 's', sink: 't', edges };
    }
    return gate(
      pick(3),
      Array.from({ length: 2 + pick(3) }, () => tree(depth + 1)),
    );
  };
  const node = tree(0);
  return { node, m: next };
}

/** The minimal cut sets by brute force: failing sets of which no member can be repaired. */
function bruteCutSets(node: StructureNode, m: number): number[][] {
  const size = 2 ** m;
  const fails = (f: number): boolean =>
    !works(
      node,
      Array.from({ length: m }, (_, i) => ((f >> i) & 1) === 0),
    );
  const sets: number[][] = [];
  for (let f = 0; f < size; f++) {
    if (!fails(f)) continue;
    let minimal = true;
    for (let i = 0; i < m && minimal; i++)
      if ((f >> i) & 1 && fails(f & ~(1 << i))) minimal = false;
    if (minimal) sets.push(Array.from({ length: m }, (_, i) => i).filter((i) => (f >> i) & 1));
  }
  return sets;
}

const product = (set: readonly number[], q: readonly number[]): number =>
  set.reduce((w, i) => w * element(q, i), 1);

/** The order of the cut set lists: probability (largest first), size, then lexicographic. */
function ranked(sets: number[][], q: readonly number[]): number[][] {
  return sets.toSorted((a, b) => {
    const pa = product(a, q);
    const pb = product(b, q);
    if (pa !== pb) return pb - pa;
    if (a.length !== b.length) return a.length - b.length;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return element(a, i) - element(b, i);
    return 0;
  });
}

describe('cutSets by hand', () => {
  const q = [0.1, 0.2, 0.3, 0.4, 0.5];

  test('the bridge: its four cut sets by probability, and each limit alone', () => {
    // {3,4}: 0.2, {1,2,3}: 0.024, {0,1}: 0.02, {0,2,4}: 0.015.
    const system = compileStructure(BRIDGE, 5);
    expect(system.cutSets(q)).toEqual({
      count: 4,
      sets: [
        [3, 4],
        [1, 2, 3],
        [0, 1],
        [0, 2, 4],
      ],
    });
    expect(system.cutSets(q, { maxOrder: 2 })).toEqual({
      count: 2,
      sets: [
        [3, 4],
        [0, 1],
      ],
    });
    expect(system.cutSets(q, { cutOff: 0.018 })).toEqual({
      count: 3,
      sets: [
        [3, 4],
        [1, 2, 3],
        [0, 1],
      ],
    });
    expect(system.cutSets(q, { maxSets: 1 })).toEqual({ count: 4, sets: [[3, 4]] });
    expect(system.cutSets(q, { maxSets: 0, maxOrder: 3, cutOff: 0.016 })).toEqual({
      count: 3,
      sets: [],
    });
  });

  test('ties: equal probabilities by size, then lexicographically', () => {
    const system = compileStructure(BRIDGE, 5);
    expect(system.cutSets([0.1, 0.1, 0.1, 0.1, 0.1]).sets).toEqual([
      [0, 1],
      [3, 4],
      [0, 2, 4],
      [1, 2, 3],
    ]);
    // series(0, parallel(1, 2)) has the cut sets {0} and {1, 2}, both of probability 1/4.
    const tie = compileStructure(series(c(0), parallel(c(1), c(2))), 3);
    expect(tie.cutSets([0.25, 0.5, 0.5]).sets).toEqual([[0], [1, 2]]);
    expect(tie.cutSets([0.25, 0.5, 0.5], { cutOff: 0.25 }).count).toBe(2); // ≥, not >
  });

  test('labels list each component as given, in the same order', () => {
    const system = compileStructure(BRIDGE, 5);
    const labels = ['a', 'b', 'c', 'd', 'e'];
    expect(system.cutSets(q, { maxSets: 3 }, labels)).toEqual({
      count: 4,
      sets: [
        ['d', 'e'],
        ['b', 'c', 'd'],
        ['a', 'b'],
      ],
    });
    expect(() => system.cutSets(q, {}, ['a'])).toThrow(
      /^cutSets: labels\.length must equal componentCount 5; got 1$/,
    );
  });

  test('constant structures: one empty cut set when the system always fails, none when never', () => {
    expect(compileStructure(parallel(), 2).cutSets([0.5, 0.5])).toEqual({ count: 1, sets: [[]] });
    expect(compileStructure(series(), 2).cutSets([0.5, 0.5])).toEqual({ count: 0, sets: [] });
  });

  test('2^30 cut sets counted without listing them, the most probable listed', () => {
    // parallel of 30 series pairs (a_j, b_j), q(a) = 1/2, q(b) = 1/4: a cut set takes one member
    // of every pair, probability 2^-(30 + number of b's).
    const pairs = Array.from({ length: 30 }, (_, j) => series(c(2 * j), c(2 * j + 1)));
    const system = compileStructure(parallel(...pairs), 60);
    const q = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 0.5 : 0.25));
    const all = system.cutSets(q, { maxSets: 3 });
    expect(all.count).toBe(2 ** 30);
    const evens = Array.from({ length: 30 }, (_, j) => 2 * j);
    // The all-a set, then one b: by lexicographic order, b of the last pair first.
    expect(all.sets).toEqual([
      evens,
      evens.map((i) => (i === 58 ? 59 : i)),
      evens.map((i) => (i === 56 ? 57 : i)),
    ]);
    // At most two b's: 1 + 30 + 435 sets, counted by walking only those.
    expect(system.cutSets(q, { cutOff: 2 ** -32, maxSets: 0 }).count).toBe(466);
    // Every set passes this cut-off: counted from the table, not one by one.
    expect(system.cutSets(q, { cutOff: 2 ** -60, maxSets: 2 }).count).toBe(2 ** 30);
    expect(system.cutSets(q, { maxOrder: 29 }).count).toBe(0);
  });

  test('options out of range and q of the wrong length throw ParameterError', () => {
    const system = compileStructure(BRIDGE, 5);
    expect(() => system.cutSets(q, { maxOrder: -1 })).toThrow(
      /^cutSets: maxOrder must be an integer >= 0 or Infinity; got -1$/,
    );
    expect(() => system.cutSets(q, { maxSets: 1.5 })).toThrow(ParameterError);
    expect(() => system.cutSets(q, { cutOff: 2 })).toThrow(
      /^cutSets: cutOff must be a probability in \[0, 1\]; got 2$/,
    );
    expect(() => system.cutSets(q, { cutOff: NaN })).toThrow(ParameterError);
    expect(() => system.cutSets([0.1])).toThrow(
      /^cutSets: q\.length must equal componentCount 5; got 1$/,
    );
    expect(() => system.primeImplicants([0.1])).toThrow(ParameterError);
    expect(system.cutSets(q, { maxOrder: Infinity, maxSets: Infinity }).count).toBe(4);
  });
});

describe('cutSets against brute force', () => {
  test(`${RUNS} random coherent trees with random limits: count and list exact`, () => {
    let limited = 0;
    let truncated = 0;
    let listed = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = seededRandom(seed);
      const { node, m } = randomTree(random);
      const q = Array.from({ length: m }, () => 2 ** -(1 + Math.floor(4 * random())));
      const system = compileStructure(node, m);
      const all = bruteCutSets(node, m);
      expect(system.minimalCutSets().length, `seed ${seed}`).toBe(all.length);
      const maxOrder = random() < 0.5 ? Infinity : 1 + Math.floor(4 * random());
      const cutOff = random() < 0.5 ? 0 : 2 ** -Math.floor(2 + 8 * random());
      const maxSets = random() < 0.4 ? Infinity : Math.floor(8 * random());
      const within = all.filter((set) => set.length <= maxOrder && product(set, q) >= cutOff);
      const expected = ranked(within, q).slice(0, maxSets);
      const actual = system.cutSets(q, { maxOrder, cutOff, maxSets });
      const label = `seed ${seed}: maxOrder ${maxOrder}, cutOff ${cutOff}, maxSets ${maxSets}`;
      expect(actual.count, label).toBe(within.length);
      expect(actual.sets, label).toEqual(expected);
      if (within.length < all.length) limited++;
      if (expected.length < within.length) truncated++;
      listed += expected.length;
    }
    // The limits bite in many trees (counts for seeds 1..300).
    expect(limited).toBeGreaterThan(100); // 139
    expect(truncated).toBeGreaterThan(40); // 61
    expect(listed).toBeGreaterThan(500); // 715
  });
});
