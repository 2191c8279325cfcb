import { UnsupportedModelError } from '../../errors.js';
import { BddManager, type CompactBdd, FALSE, TRUE } from './BddManager.js';

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
 *
 * @param bdd - the structure function, monotone (coherent)
 * @param kind - "path" or "cut"
 * @param maxSets - largest number of sets to list
 * @param maxNodes - node budget for the set BDDs
 * @param where - function name for error messages
 * @returns the minimal sets as arrays of component numbers
 *
 * @throws {@link UnsupportedModelError} when there are more than `maxSets` sets (counted before any
 * is listed) or the set BDDs exceed `maxNodes` nodes.
 *
 * @remarks
 * The sets are encoded as a BDD read as a set family (Rauzy's meta-products: a path to 1 lists the
 * variables left on their 1-edge), computed with Rauzy's MinSol and Without operations, then
 * counted and listed. Cost O(size of the set BDD) to count, O(number of sets · m) to list.
 *
 * @see A. Rauzy, "New algorithms for fault trees analysis", Reliability Engineering & System Safety
 * 40(3) (1993) 203–211, https://doi.org/10.1016/0951-8320(93)90060-C (paywalled), §4 (minimal
 * solutions).
 */
export function minimalSets(
  bdd: CompactBdd,
  kind: 'path' | 'cut',
  maxSets: number,
  maxNodes: number,
  where: string,
): number[][] {
  const manager = new BddManager(bdd.order.length, maxNodes, where);
  // Re-create the nodes in the manager; compact ids are topological, so children come first.
  const id = new Int32Array(bdd.level.length);
  id[FALSE] = kind === 'path' ? FALSE : TRUE;
  id[TRUE] = kind === 'path' ? TRUE : FALSE;
  for (let n = 2; n < bdd.level.length; n++) {
    const [low, high] = kind === 'path' ? [bdd.low[n], bdd.high[n]] : [bdd.high[n], bdd.low[n]];
    id[n] = manager.node(bdd.level[n], id[low], id[high]);
  }
  const family = minimalSolutions(manager, id[bdd.root]);
  const count = countSets(manager, family);
  if (count > maxSets) {
    throw new UnsupportedModelError(
      where,
      `the structure has ${count} minimal ${kind} sets, more than maxSets ${maxSets}`,
      'use probability() and birnbaum(), which do not list them, or raise maxSets',
    );
  }
  const sets: number[][] = [];
  const current: number[] = [];
  const list = (n: number): void => {
    if (n === FALSE) return;
    if (n === TRUE) {
      sets.push(current.map((level) => bdd.order[level]).sort((a, b) => a - b));
      return;
    }
    current.push(manager.level(n));
    list(manager.high(n));
    current.pop();
    list(manager.low(n));
  };
  list(family);
  return sets.sort(compareSets);
}

/** Rauzy's MinSol: the family of minimal solutions of a monotone function, memoised per node. */
function minimalSolutions(manager: BddManager, root: number): number {
  const memo = new Map<number, number>();
  const without = withoutOperation(manager);
  const solve = (f: number): number => {
    if (f === FALSE || f === TRUE) return f;
    const done = memo.get(f);
    if (done !== undefined) return done;
    const low = solve(manager.low(f));
    const result = manager.node(manager.level(f), low, without(solve(manager.high(f)), low));
    memo.set(f, result);
    return result;
  };
  return solve(root);
}

/**
 * Rauzy's Without: the sets of family F that contain no set of antichain G. An antichain that
 * holds ∅ is {∅} (the terminal 1), which the terminal cases rely on.
 */
function withoutOperation(manager: BddManager): (f: number, g: number) => number {
  const memo = new Map<number, number>();
  const without = (f: number, g: number): number => {
    if (f === FALSE || g === TRUE) return FALSE;
    if (g === FALSE || f === TRUE) return f;
    // Ids stay below 2^26, so the key is an exact integer.
    const key = f * 67108864 + g;
    const done = memo.get(key);
    if (done !== undefined) return done;
    const lf = manager.level(f);
    const lg = manager.level(g);
    let result: number;
    if (lf < lg) {
      result = manager.node(lf, without(manager.low(f), g), without(manager.high(f), g));
    } else if (lf > lg) {
      // Sets of G holding g's variable cannot lie inside a set of F, which never holds it.
      result = without(f, manager.low(g));
    } else {
      const high = without(without(manager.high(f), manager.high(g)), manager.low(g));
      result = manager.node(lf, without(manager.low(f), manager.low(g)), high);
    }
    memo.set(key, result);
    return result;
  };
  return without;
}

/** Number of sets in a family: paths to the terminal 1 (a double, so huge counts stay finite). */
function countSets(manager: BddManager, root: number): number {
  const memo = new Map<number, number>([
    [FALSE, 0],
    [TRUE, 1],
  ]);
  const count = (n: number): number => {
    const done = memo.get(n);
    if (done !== undefined) return done;
    const result = count(manager.low(n)) + count(manager.high(n));
    memo.set(n, result);
    return result;
  };
  return count(root);
}

function compareSets(a: number[], b: number[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
