import { UnsupportedModelError } from '../errors.js';
import { BddManager, type CompactBdd, FALSE, TRUE } from './BddManager.js';

/**
 * How the variables of a diagram stand for sets of components: variable `c` below `first` is
 * component c itself; variable c ≥ `first` is a module whose own minimal sets replace it.
 */
export interface SetExpansion {
  /** The first variable that stands for a module. */
  readonly first: number;
  /** Number of the module's own minimal sets (of the requested kind), c ≥ `first`. */
  count(c: number): number;
  /** The module's own minimal sets (of the requested kind), c ≥ `first`. */
  sets(c: number): readonly (readonly number[])[];
}

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
 * A variable standing for a module χ (a function of components used nowhere else) is expanded:
 * $$
 * \operatorname{MinSol}(\psi(\chi(x_B), x_R)) = \{(s \setminus \{\chi\}) \cup t : s \in
 * \operatorname{MinSol}(\psi),\ \chi \in s,\ t \in \operatorname{MinSol}(\chi)\} \cup
 * \{s \in \operatorname{MinSol}(\psi) : \chi \notin s\}
 * $$
 *
 * @param bdd - the structure function, monotone (coherent)
 * @param kind - "path" or "cut"
 * @param maxSets - largest number of sets to list
 * @param maxNodes - node budget for the set BDDs
 * @param where - function name for error messages
 * @param expansion - which variables are modules and their sets (none when omitted)
 * @returns the minimal sets as arrays of component numbers
 *
 * @throws {@link UnsupportedModelError} when there are more than `maxSets` sets (counted before any
 * is listed) or the set BDDs exceed `maxNodes` nodes.
 *
 * @remarks
 * The sets are encoded as a BDD read as a set family (Rauzy's meta-products: a path to 1 lists the
 * variables left on their 1-edge), computed with Rauzy's MinSol and Without operations, then
 * counted (each module variable weighing its number of sets) and listed. The expansion is exact
 * for modules (Barlow and Proschan's modular decomposition). MinSol runs over the nodes in
 * topological order and Without, counting and listing on explicit stacks, so the number of
 * variables is not limited by the call stack. Cost O(size of the set BDD) to count,
 * O(number of sets · m) to list.
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
  expansion?: SetExpansion,
): number[][] {
  const manager = new BddManager(bdd.order.length, maxNodes, where);
  // Re-create the nodes in the manager; compact ids are topological, so children come first.
  // The arrays of a CompactBdd share one length and every child id is below its parent's, so
  // the `!` reads of this loop are in range.
  const id = new Int32Array(bdd.level.length);
  id[FALSE] = kind === 'path' ? FALSE : TRUE;
  id[TRUE] = kind === 'path' ? TRUE : FALSE;
  for (let n = 2; n < bdd.level.length; n++) {
    const [low, high] = kind === 'path' ? [bdd.low[n]!, bdd.high[n]!] : [bdd.high[n]!, bdd.low[n]!];
    id[n] = manager.node(bdd.level[n]!, id[low]!, id[high]!);
  }
  const family = minimalSolutions(manager, id[bdd.root]!);
  const componentAt = (level: number): number => {
    const c = bdd.order[level];
    if (c === undefined) throw new Error(`internal: level ${level} is outside the variable order`);
    return c;
  };
  const weight = (level: number): number => {
    const c = componentAt(level);
    return expansion !== undefined && c >= expansion.first ? expansion.count(c) : 1;
  };
  const count = countSets(manager, family, weight);
  if (count > maxSets) {
    throw new UnsupportedModelError(
      where,
      `the structure has ${formatCount(count)} minimal ${kind} sets, more than maxSets ${maxSets}`,
      'use probability() and birnbaum(), which do not list them, or raise maxSets',
    );
  }
  const sets: number[][] = [];
  forEachSet(manager, family, (levels) => {
    const components = levels.map(componentAt);
    if (expansion === undefined) sets.push(components.sort((a, b) => a - b));
    else expand(components, expansion, (set) => sets.push(set.sort((a, b) => a - b)));
  });
  return sets.sort(compareSets);
}

/** Rauzy's MinSol for every node below `root`, children first: node ids are topological. */
function minimalSolutions(manager: BddManager, root: number): number {
  if (root === FALSE || root === TRUE) return root;
  const without = withoutOperation(manager);
  const solved = new Int32Array(root + 1);
  solved[TRUE] = TRUE;
  // Children have smaller ids than their parent, so every `!` read is of a node solved already.
  for (let f = 2; f <= root; f++) {
    const low = solved[manager.low(f)]!;
    solved[f] = manager.node(manager.level(f), low, without(solved[manager.high(f)]!, low));
  }
  return solved[root]!;
}

/**
 * Rauzy's Without: the sets of family F that contain no set of antichain G. An antichain that
 * holds ∅ is {∅} (the terminal 1), which the terminal cases rely on. Runs on explicit stacks of
 * (f, g, phase) tasks and of results, memoised per pair.
 */
function withoutOperation(manager: BddManager): (f: number, g: number) => number {
  const memo = new Map<number, number>();
  const tasks: number[] = [];
  const results: number[] = [];
  const finish = (f: number, g: number, result: number): void => {
    // Ids stay below 2^26, so the key is an exact integer.
    memo.set(f * 67108864 + g, result);
    results.push(result);
  };
  return (f0: number, g0: number): number => {
    tasks.push(f0, g0, 0);
    while (tasks.length > 0) {
      const phase = tasks.pop() as number;
      const g = tasks.pop() as number;
      const f = tasks.pop() as number;
      const lf = manager.level(f);
      switch (phase) {
        case 0: {
          if (f === FALSE || g === TRUE) {
            results.push(FALSE);
            break;
          }
          if (g === FALSE || f === TRUE) {
            results.push(f);
            break;
          }
          const done = memo.get(f * 67108864 + g);
          if (done !== undefined) {
            results.push(done);
            break;
          }
          const lg = manager.level(g);
          if (lf < lg) {
            // node(lf, W(f0, g), W(f1, g)): low solved first, so it lies below high.
            tasks.push(f, g, 1, manager.high(f), g, 0, manager.low(f), g, 0);
          } else if (lf > lg) {
            // Sets of G holding g's variable cannot lie inside a set of F, which never holds it.
            tasks.push(f, g, 2, f, manager.low(g), 0);
          } else {
            // high = W(W(f1, g1), g0), low = W(f0, g0).
            tasks.push(f, g, 3, manager.high(f), manager.high(g), 0);
          }
          break;
        }
        case 1: {
          const high = results.pop() as number;
          const low = results.pop() as number;
          finish(f, g, manager.node(lf, low, high));
          break;
        }
        case 2:
          finish(f, g, results.pop() as number);
          break;
        case 3: // results: W(f1, g1); next W(that, g0), which stays on the result stack
          tasks.push(f, g, 4, results.pop() as number, manager.low(g), 0);
          break;
        case 4: // results: high; next low = W(f0, g0)
          tasks.push(f, g, 5, manager.low(f), manager.low(g), 0);
          break;
        case 5: {
          const low = results.pop() as number;
          const high = results.pop() as number;
          finish(f, g, manager.node(lf, low, high));
          break;
        }
      }
    }
    return results.pop() as number;
  };
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

/** Calls `emit` with the levels of every set of the family, walking it on an explicit stack. */
function forEachSet(manager: BddManager, root: number, emit: (levels: number[]) => void): void {
  const current: number[] = [];
  // Entries: node, length of `current` to restore, level to append (−1 for none).
  const stack: number[] = [root, 0, -1];
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
    stack.push(
      manager.low(n),
      current.length,
      -1,
      manager.high(n),
      current.length,
      manager.level(n),
    );
  }
}

/** Emits every set made of the plain components of `set` and one set of each of its modules. */
function expand(set: number[], expansion: SetExpansion, emit: (set: number[]) => void): void {
  const plain = set.filter((c) => c < expansion.first);
  const choices = set.filter((c) => c >= expansion.first).map((c) => expansion.sets(c));
  // pick[j] < choices[j].length: the odometer wraps each digit at its module's number of sets.
  const pick = new Int32Array(choices.length);
  for (;;) {
    const result = plain.slice();
    choices.forEach((sets, j) => result.push(...sets[pick[j]!]!));
    emit(result);
    // Next combination, as an odometer over the modules' sets.
    let j = choices.length - 1;
    while (j >= 0 && ++pick[j]! === choices[j]!.length) pick[j--] = 0;
    if (j < 0) return;
  }
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
