import { postOrder } from './postOrder.js';
import type { StructureNode } from './StructureNode.js';

/** What the BDD builder needs to know about one node of a structure tree. */
export interface NodePlan {
  /** 1 when the node always works, 0 when it never does, −1 when it depends on its components. */
  readonly constant: -1 | 0 | 1;
  /** Smallest level of a variable the node names (+∞ for a constant node). */
  readonly first: number;
  /** Largest level of a variable the node names (−∞ for a constant node). */
  readonly last: number;
  /**
   * For series, parallel and koon: true when the spans [first, last] of the non-constant children
   * do not overlap, so the node's diagram is its children's diagrams chained, without any apply.
   */
  readonly disjoint: boolean;
  /** The non-constant children, by increasing `first`; the child of a `not`. */
  readonly children: readonly StructureNode[];
  /**
   * Open children that must work: for koon, k less the children that always work; all of them
   * for series, 1 for parallel (so every kind is "at least k of `children`"); 1 for `not`.
   */
  readonly k: number;
  /**
   * A lower bound on the non-terminal nodes of the node's reduced ordered BDD; exact when the
   * subtree has no network and no overlapping children.
   */
  readonly nodes: number;
  /**
   * Whether a `not` lies below the node (on a non-constant path): when false the node's function
   * is monotone; when true it may or may not be.
   */
  readonly hasNot: boolean;
}

/**
 * Returns, for every node of a structure tree, whether it is constant, the span of levels it
 * names, whether its children's spans are disjoint, and a lower bound on the size of its BDD;
 * and, before any node is built, a lower bound on the nodes the builder will hold at once.
 *
 * $$
 * N(\text{series}) = N(\text{parallel}) = \sum_j N_j, \qquad
 * N(k\text{-of-}n) = \sum_{i=0}^{n-1} N_{(i)}\,c_i, \quad
 * c_i = \#\{w : \max(0, i-n+k) \le w \le \min(i, k-1)\}
 * $$
 * - N_j: nodes of child j's diagram; children taken by increasing level, disjoint spans
 * - c_i: the undecided states (w working, i − w failed) before the i-th child of a k-of-n, each
 *   holding one copy of that child's diagram
 *
 * @param node - a validated tree
 * @param levelOf - component number → level in the variable order
 * @returns the plan of every node and `nodeCount`, terminals included: the larger of the root's
 * bound and the bounds of the children built on their own (those of nodes whose children overlap)
 *
 * @remarks
 * Constant nodes are found exactly in a tree without `not`: every other kind is monotone, so a
 * non-constant node fails when all its components fail and works when all work, and the rules
 * above (and series of nothing works, parallel of nothing fails, k = 0 works, a network whose
 * source cannot reach its sink fails, `not` of a constant is the other constant) decide each node
 * from its children. With `not`, children sharing components may cancel (a ∧ ¬a): such a node is
 * planned as non-constant, which the builder's diagram corrects, and counts 0 nodes in the bound.
 * A `not` node has its child's span and size (its diagram is the child's with the terminals
 * exchanged). When the children's variables occupy disjoint, consecutive
 * ranges of levels, the diagram of a series (parallel) is each child's diagram with its
 * 1-terminal (0-terminal) leading to the next child's, and that of a k-of-n has one copy of child
 * i per undecided state:
 * distinct continuations give distinct, non-redundant nodes, so the counts above are exact. A
 * network counts 1 node and a node with overlapping children (shared components) 1 node (0 with
 * a `not` below it), so the bound is exact for trees without networks and sharing. The children of an overlapping node are
 * each built whole before the manager combines them, and nodes are never freed, so each of their
 * bounds is also a bound on the nodes held. Cost O(tree size · log(children)), iterative.
 *
 * @see R. E. Bryant, "Graph-Based Algorithms for Boolean Function Manipulation", IEEE Transactions
 * on Computers C-35(8) (1986) 677–691, https://doi.org/10.1109/TC.1986.1676819 (paywalled)
 * (composition of functions on disjoint variables).
 */
export function planStructure(
  node: StructureNode,
  levelOf: Int32Array,
): { readonly plans: Map<StructureNode, NodePlan>; readonly nodeCount: number } {
  const plans = postOrder<NodePlan>(node, (n, planOf) => {
    switch (n.kind) {
      case 'component': {
        const level = componentLevel(levelOf, n.component);
        return { ...LEAF, first: level, last: level };
      }
      case 'not': {
        // ¬f has the diagram of f with its terminals exchanged: same span, same size.
        const p = planOf(n.child);
        if (p.constant !== -1) return p.constant === 1 ? FALSE_PLAN : TRUE_PLAN;
        return { ...p, disjoint: true, children: [n.child], k: 1, hasNot: true };
      }
      case 'network': {
        if (!connected(n.source, n.sink, n.edges)) return FALSE_PLAN;
        let first = Infinity;
        let last = -Infinity;
        for (const e of n.edges) {
          first = Math.min(first, componentLevel(levelOf, e.component));
          last = Math.max(last, componentLevel(levelOf, e.component));
        }
        return { ...LEAF, first, last };
      }
      default: {
        let working = 0;
        let failed = 0;
        const openChildren: [StructureNode, NodePlan][] = [];
        for (const child of n.children) {
          const p = planOf(child);
          if (p.constant === 1) working++;
          else if (p.constant === 0) failed++;
          else openChildren.push([child, p]);
        }
        openChildren.sort(([, a], [, b]) => a.first - b.first);
        const open = openChildren.map(([child]) => child);
        const size = open.length;
        // Components still needed among the open children: k of a koon, all for a series, one
        // for a parallel; a series with a failed child fails, a parallel with a working one works.
        const k =
          n.kind === 'koon'
            ? n.k - working
            : n.kind === 'series'
              ? failed > 0
                ? size + 1
                : size
              : working > 0
                ? 0
                : 1;
        if (k <= 0) return TRUE_PLAN;
        if (k > size) return FALSE_PLAN;
        const spans = openChildren.map(([, p]) => p);
        const disjoint = spans.every((p, j) => {
          const previous = spans[j - 1];
          return previous === undefined || previous.last < p.first;
        });
        const hasNot = spans.some((p) => p.hasNot);
        // Overlapping children of a monotone node give a non-constant function, at least one
        // node; with a `not` below they may cancel (a ∧ ¬a), so the bound is 0.
        let nodes = hasNot ? 0 : 1;
        if (disjoint) {
          nodes = 0;
          spans.forEach((p, i) => {
            const states = Math.min(i, k - 1) - Math.max(0, i - (size - k)) + 1;
            nodes += p.nodes * states;
          });
        }
        let last = -Infinity;
        for (const p of spans) last = Math.max(last, p.last);
        // 1 ≤ k ≤ size above, so spans has a first entry.
        return {
          constant: -1,
          first: spans[0]!.first,
          last,
          disjoint,
          children: open,
          k,
          nodes,
          hasNot,
        };
      }
    }
  });
  // The largest diagram built on its own: a child of a node whose children overlap, among the
  // nodes the builder reaches (constant nodes cut their subtrees off).
  let largest = (plans.get(node) as NodePlan).nodes;
  const seen = new Set<StructureNode>();
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop() as StructureNode;
    if (seen.has(n)) continue;
    seen.add(n);
    const plan = plans.get(n) as NodePlan;
    for (const child of plan.children) {
      if (child.kind === 'component') continue; // one node, counted by its parent
      if (!plan.disjoint) largest = Math.max(largest, (plans.get(child) as NodePlan).nodes);
      stack.push(child);
    }
  }
  return { plans, nodeCount: largest + 2 };
}

/**
 * The level of `component` in `levelOf` (component number → level, −1 for components absent from
 * the tree), checked: every component a validated tree names has a level.
 */
export function componentLevel(levelOf: Int32Array, component: number): number {
  const level = levelOf[component];
  if (level === undefined || level < 0) {
    throw new Error(`internal: component ${component} has no level in the variable order`);
  }
  return level;
}

const LEAF: NodePlan = {
  constant: -1,
  first: Infinity,
  last: -Infinity,
  disjoint: true,
  children: [],
  k: 0,
  nodes: 1,
  hasNot: false,
};
const CONSTANT = {
  first: Infinity,
  last: -Infinity,
  disjoint: true,
  children: [],
  k: 0,
  nodes: 0,
  hasNot: false,
};
const TRUE_PLAN: NodePlan = { ...CONSTANT, constant: 1 };
const FALSE_PLAN: NodePlan = { ...CONSTANT, constant: 0 };

/** Whether `sink` can be reached from `source` when every edge works. */
function connected(source: string, sink: string, edges: StructureNodeEdges): boolean {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = neighbours.get(a);
    if (list === undefined) neighbours.set(a, [b]);
    else list.push(b);
  };
  for (const { from, to } of edges) {
    link(from, to);
    link(to, from);
  }
  const seen = new Set([source]);
  const queue = [source];
  // The iteration also visits the vertices pushed while it runs.
  for (const current of queue) {
    for (const next of neighbours.get(current) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen.has(sink);
}

type StructureNodeEdges = Extract<StructureNode, { kind: 'network' }>['edges'];
