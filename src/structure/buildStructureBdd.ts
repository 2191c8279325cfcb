import { type BddManager, FALSE, TRUE } from './BddManager.js';
import { networkBdd } from './networkBdd.js';
import { type NodePlan, componentLevel, planStructure } from './planStructure.js';
import type { StructureNode } from './StructureNode.js';

/** A request from one node's builder to its driver: build `node` with these two continuations. */
type Request = readonly [node: StructureNode, onTrue: number, onFalse: number];

/**
 * Returns the BDD node, in `manager`, of the structure function of a validated tree.
 *
 * $$
 * B(v, t, f) = \Phi_v\,t + (1 - \Phi_v)\,f, \qquad
 * T_i(w) = B\big(c_i,\ T_{i+1}(w + 1),\ T_{i+1}(w)\big), \qquad
 * B(\lnot c, t, f) = B(c, f, t)
 * $$
 * - B(v, t, f): the diagram of node v whose 1-terminal leads to t and 0-terminal to f
 * - T_i(w): the diagram deciding "at least k of children i..n−1 work" after w of the first i
 *   worked; T_i(w) = t once w = k, f once i − w > n − k (series: k = n, parallel: k = 1)
 * - c_i: the i-th non-constant child by increasing level
 *
 * @param manager - the node store, with one level per component in the order of `levelOf`
 * @param node - a tree that passed {@link validateStructure}
 * @param levelOf - component number → level (−1 for components absent from the tree)
 * @param plan - the tree's plan from {@link planStructure} (computed when omitted)
 * @returns the root node of Φ
 *
 * @throws {@link UnsupportedModelError} from the manager when the node budget is exceeded.
 *
 * @remarks
 * When a node's children use disjoint ranges of levels (no shared components), its diagram is
 * built directly by continuations, child by child from the last: every node created is a node of
 * the final diagram, in time linear in its size (series and parallel of n parts O(n), k-of-n
 * O(Σ size·states)). Children that share components are built on their own and combined with
 * the manager's AND and OR, right to left (each step then walks mostly the new child), k-of-n by
 * the recurrence T_i(j) = c_i·T_{i+1}(j−1) + T_{i+1}(j); the result is re-pointed to its
 * continuations by {@link BddManager.compose}. A `not` builds its child with the continuations
 * exchanged, so negation creates no node of its own. A node object reused at several places is built on
 * its own once. Each node's builder is a generator driven from an explicit stack, so neither the
 * depth of the tree nor the number of variables is limited by the call stack.
 *
 * @see R. E. Bryant, "Graph-Based Algorithms for Boolean Function Manipulation", IEEE Transactions
 * on Computers C-35(8) (1986) 677–691, https://doi.org/10.1109/TC.1986.1676819 (paywalled).
 */
export function buildStructureBdd(
  manager: BddManager,
  node: StructureNode,
  levelOf: Int32Array,
  plan: ReadonlyMap<StructureNode, NodePlan> = planStructure(node, levelOf).plans,
): number {
  const alone = new Map<StructureNode, number>();

  function* build(
    n: StructureNode,
    onTrue: number,
    onFalse: number,
  ): Generator<Request, number, number> {
    if (n.kind === 'component') {
      return manager.node(componentLevel(levelOf, n.component), onFalse, onTrue);
    }
    const p = plan.get(n) as NodePlan;
    if (p.constant !== -1) return p.constant === 1 ? onTrue : onFalse;
    if (n.kind === 'network') {
      return networkBdd(manager, n.source, n.sink, n.edges, levelOf, onTrue, onFalse);
    }
    // B(¬c, t, f) = B(c, f, t): negation costs nothing but the exchanged continuations.
    if (n.kind === 'not') return yield [n.child, onFalse, onTrue];
    const children = p.children;
    const size = children.length;
    const k = p.k;
    if (!p.disjoint) {
      let f = alone.get(n);
      if (f === undefined) {
        const parts: number[] = [];
        for (const child of children) parts.push(yield [child, TRUE, FALSE]);
        f = combine(manager, k, parts);
        alone.set(n, f);
      }
      return manager.compose(f, onTrue, onFalse);
    }
    // row[w] = T_{i+1}(w) for the undecided states of the boundary after child i; the `!` reads
    // have 0 ≤ w < k ≤ size and 0 ≤ i < size.
    let row = new Int32Array(k + 1);
    let next = new Int32Array(k + 1);
    const at = (after: number, w: number): number =>
      w >= k ? onTrue : after - w > size - k ? onFalse : row[w]!;
    for (let i = size - 1; i >= 0; i--) {
      const child = children[i]!;
      for (let w = Math.min(i, k - 1); w >= Math.max(0, i - (size - k)); w--) {
        next[w] = yield [child, at(i + 1, w + 1), at(i + 1, w)];
      }
      [row, next] = [next, row];
    }
    return row[0]!;
  }

  const stack: Generator<Request, number, number>[] = [build(node, TRUE, FALSE)];
  let value = FALSE;
  for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
    const step = top.next(value);
    if (step.done === true) {
      stack.pop();
      value = step.value;
      continue;
    }
    const [child, onTrue, onFalse] = step.value;
    if (child.kind === 'component') {
      // Leaves are answered here, without a generator: most of a large tree is leaves.
      value = manager.node(componentLevel(levelOf, child.component), onFalse, onTrue);
    } else {
      stack.push(build(child, onTrue, onFalse));
    }
  }
  return value;
}

/** "At least k of `parts`" from their diagrams, with the manager's AND and OR. */
function combine(manager: BddManager, k: number, parts: readonly number[]): number {
  const n = parts.length;
  if (k === n || k === 1) {
    // Right to left: the accumulated diagram lies mostly below the next part's variables.
    return parts.reduceRight(
      (result, part) => (k === n ? manager.and(part, result) : manager.or(part, result)),
      k === n ? TRUE : FALSE,
    );
  }
  // row[j] = T_{i+1}(j): at least j of parts i+1..n−1 work; T_n(0) = 1, T_n(j > 0) = 0.
  const row = new Int32Array(k + 1).fill(FALSE);
  row[0] = TRUE;
  for (const part of parts.toReversed()) {
    // Descending j reads row[j − 1] before it is overwritten for this part; 1 ≤ j ≤ k.
    for (let j = k; j >= 1; j--) {
      row[j] = manager.or(manager.and(part, row[j - 1]!), row[j]!);
    }
  }
  return row[k]!;
}
