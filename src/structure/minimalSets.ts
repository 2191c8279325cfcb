import { UnsupportedModelError } from '../errors.js';
import { BddManager, type CompactBdd, FALSE, TRUE } from './BddManager.js';
import type { Block } from './collapseBlocks.js';
import { blockSetCount } from './blockSetCount.js';
import { expandFamily } from './expandFamily.js';
import { minimalSolutions, truncatedMinimalSolutions } from './setFamily.js';

/**
 * Returns the minimal path sets (`kind` "path") or minimal cut sets (`kind` "cut") of a coherent
 * structure function given as a BDD, each set sorted ascending, the list by size then
 * lexicographically.
 *
 * $$
 * \operatorname{MinSol}(x F_1 + \bar{x} F_0) = \{\{x\} \cup s : s \in \operatorname{MinSol}(F_1)
 * \setminus\!\!\uparrow \operatorname{MinSol}(F_0)\} \cup \operatorname{MinSol}(F_0)
 * $$
 * where ↑K is every superset of a set in K; cut sets are the minimal solutions of the dual
 * Φ^d(x) = 1 − Φ(1 − x), whose BDD swaps the children of every node and the two terminals.
 * A variable standing for a block (a module: series, parallel or k-of-n of components used
 * nowhere else) is replaced by the block's own minimal sets ({@link expandFamily}).
 *
 * @param bdd - the structure function, monotone (coherent)
 * @param kind - "path" or "cut"
 * @param maxSets - largest number of sets to list
 * @param maxNodes - node budget for the set diagrams
 * @param where - function name for error messages
 * @param m - number of components; variables m + b stand for block b
 * @param blocks - the blocks
 * @returns the minimal sets as arrays of component numbers
 *
 * @throws {@link UnsupportedModelError} when there are more than `maxSets` sets (counted before any
 * is listed) or the set diagrams exceed `maxNodes` nodes.
 *
 * @remarks
 * The sets are encoded as a zero-suppressed diagram (Rauzy's meta-products: a path to 1 lists the
 * variables left on their 1-edge), computed with Rauzy's MinSol ({@link minimalSolutions}), then
 * counted (each block weighing its number of sets, so a count beyond `maxSets` is refused before
 * the blocks are expanded) and listed. MinSol runs over the nodes in topological order and the
 * rest on explicit stacks, so the number of variables is not limited by the call stack. Cost
 * O(size of the set diagram) to count, O(number of sets · m) to list.
 *
 * @see A. Rauzy, "New algorithms for fault trees analysis", Reliability Engineering & System Safety
 * 40(3) (1993) 203–211, https://doi.org/10.1016/0951-8320(93)90060-C (paywalled), §4 (minimal
 * solutions).
 * @see R. E. Barlow and F. Proschan, Statistical Theory of Reliability and Life Testing, Holt,
 * Rinehart and Winston, 1975, ch. 1 §3 (modules) (paywalled).
 */
export function minimalSets(
  bdd: CompactBdd,
  kind: 'path' | 'cut',
  maxSets: number,
  maxNodes: number,
  where: string,
  m: number,
  blocks: readonly Block[],
): number[][] {
  const manager = new BddManager(2 * bdd.order.length, maxNodes, where);
  const root = minimalSetFamily(bdd, kind, manager);
  const weight = (level: number): number => {
    const c = bdd.order[level >> 1];
    if (c === undefined) throw new Error(`internal: level ${level} is outside the variable order`);
    const block = blocks[c - m];
    return block === undefined ? 1 : blockSetCount(block, kind);
  };
  const count = countSets(manager, root, weight);
  if (count > maxSets) {
    throw new UnsupportedModelError(
      where,
      `the structure has ${formatCount(count)} minimal ${kind} sets, more than maxSets ${maxSets}`,
      'use probability() and birnbaum(), which do not list them, or raise maxSets',
    );
  }
  const family = expandFamily(manager, root, bdd.order, m, blocks, maxNodes, where);
  const sets: number[][] = [];
  forEachSet(family, (literals) => sets.push(literals.map((x) => x >> 1).sort((a, b) => a - b)));
  return sets.sort(compareSets);
}

/**
 * Returns, in `manager` (2·levels of `bdd` levels), the minimal path sets (`kind` "path") or cut
 * sets ("cut") of at most `maxOrder` variables of a coherent structure as a family over literals:
 * variable level l is literal level 2l + 1 ("works") for paths and 2l ("failed") for cuts.
 *
 * @param bdd - the structure function, monotone (coherent)
 * @param kind - "path" or "cut"
 * @param manager - an empty store with 2·(levels of `bdd`) levels
 * @param maxOrder - largest number of variables (blocks count one) kept; Infinity for all
 * @returns the family's root
 *
 * @remarks
 * The diagram (or its dual for cuts) is copied first, so MinSol's sweep over ids 2..root visits
 * exactly its nodes; below the number of variables, the truncated MinSol
 * ({@link truncatedMinimalSolutions}). Cost O(diagram) plus MinSol's Without operations.
 */
export function minimalSetFamily(
  bdd: CompactBdd,
  kind: 'path' | 'cut',
  manager: BddManager,
  maxOrder: number = Infinity,
): number {
  // Compact ids are topological, so children come first; the arrays of a CompactBdd share one
  // length and every child id is below its parent's, so the `!` reads of this loop are in range.
  // The dual swaps the children (and the terminals): the loop reads them from swapped arrays,
  // not from a pair made per node (Baobab1, a fresh process: 17 ms instead of 22).
  const path = kind === 'path';
  const lows = path ? bdd.low : bdd.high;
  const highs = path ? bdd.high : bdd.low;
  const literal = path ? 1 : 0;
  const id = new Int32Array(bdd.level.length);
  id[FALSE] = path ? FALSE : TRUE;
  id[TRUE] = path ? TRUE : FALSE;
  for (let n = 2; n < bdd.level.length; n++) {
    id[n] = manager.node(2 * bdd.level[n]! + literal, id[lows[n]!]!, id[highs[n]!]!);
  }
  const root = id[bdd.root]!;
  return maxOrder >= bdd.order.length
    ? minimalSolutions(manager, root)
    : truncatedMinimalSolutions(manager, root, maxOrder);
}

/**
 * Calls `emit` with the literals (the `component` entries) of every set of a compacted family,
 * walking it on an explicit stack.
 *
 * @param family - the family, compacted
 * @param emit - receives each set's literals, a fresh array
 */
export function forEachSet(family: CompactBdd, emit: (literals: number[]) => void): void {
  const { low, high, component } = family;
  const current: number[] = [];
  // Entries: node, length of `current` to restore, literal to append (−1 for none). Node ids
  // come from the family's arrays, so the `!` reads are in range.
  const stack: number[] = [family.root, 0, -1];
  while (stack.length > 0) {
    const add = stack.pop() as number;
    const length = stack.pop() as number;
    const n = stack.pop() as number;
    current.length = length;
    if (add >= 0) current.push(add);
    if (n === FALSE) continue;
    if (n === TRUE) {
      emit(current.slice());
      continue;
    }
    stack.push(low[n]!, current.length, -1, high[n]!, current.length, component[n]!);
  }
}

/**
 * Number of sets in a family, each weighing the product of its variables' weights (a double, so
 * huge counts stay finite), over the nodes in topological order.
 */
function countSets(manager: BddManager, root: number, weight: (level: number) => number): number {
  if (root === FALSE || root === TRUE) return root;
  const count = new Float64Array(root + 1);
  count[TRUE] = 1;
  // Children have smaller ids than their parent, so every `!` read is of a node counted already.
  for (let n = 2; n <= root; n++) {
    count[n] = count[manager.low(n)]! + weight(manager.level(n)) * count[manager.high(n)]!;
  }
  return count[root]!;
}

/** A set count for messages: exact up to 10^15, then 4 digits (`1.607e60`), or beyond doubles. */
function formatCount(count: number): string {
  if (!Number.isFinite(count)) return 'more than 1.8e308';
  return count < 1e15 ? String(count) : count.toExponential(3).replace('e+', 'e');
}

function compareSets(a: number[], b: number[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!; // same lengths
  return 0;
}
