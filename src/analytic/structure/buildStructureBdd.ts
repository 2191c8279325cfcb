import { type BddManager, FALSE, TRUE } from './BddManager.js';
import type { NetworkEdge, StructureNode } from './StructureNode.js';

/**
 * Returns the BDD node, in `manager`, of the structure function of a validated tree.
 *
 * $$
 * \Phi_{\text{series}} = \prod_j \Phi_j, \qquad
 * \Phi_{\text{parallel}} = 1 - \prod_j (1 - \Phi_j), \qquad
 * T_{i}(j) = \Phi_i\,T_{i+1}(j-1) + T_{i+1}(j)
 * $$
 * where T_i(j) is "at least j of children i..n−1 work", built for j ≤ k (the sum is a Boolean OR;
 * T_{i+1}(j) ≤ T_{i+1}(j−1) makes it the Shannon expansion on Φ_i for monotone children).
 *
 * @param manager - the node store, with one level per component in the order of `levelOf`
 * @param node - a tree that passed {@link validateStructure}
 * @param levelOf - component number → level (−1 for components absent from the tree)
 * @returns the root node of Φ
 *
 * @throws {@link UnsupportedModelError} from the manager when the node budget is exceeded.
 *
 * @remarks
 * A node object reused at several places is built once. Cost: series and parallel n−1 operations,
 * koon O(n·k) operations, network O(E·S) nodes (see networkBdd below); each operation
 * O(|f|·|g|) nodes.
 */
export function buildStructureBdd(
  manager: BddManager,
  node: StructureNode,
  levelOf: Int32Array,
): number {
  const built = new Map<StructureNode, number>();
  const build = (n: StructureNode): number => {
    const done = built.get(n);
    if (done !== undefined) return done;
    let result: number;
    switch (n.kind) {
      case 'component':
        result = manager.variable(levelOf[n.component]);
        break;
      case 'series':
        result = n.children.reduce((acc, child) => manager.and(acc, build(child)), TRUE);
        break;
      case 'parallel':
        result = n.children.reduce((acc, child) => manager.or(acc, build(child)), FALSE);
        break;
      case 'koon':
        result = atLeast(manager, n.k, n.children.map(build));
        break;
      case 'network':
        result = networkBdd(manager, n.source, n.sink, n.edges, levelOf);
        break;
    }
    built.set(n, result);
    return result;
  };
  return build(node);
}

/** "At least k of `children` work", by the recurrence T_i(j) over a rolling row. */
function atLeast(manager: BddManager, k: number, children: number[]): number {
  // row[j] = T_{i+1}(j): at least j of children i+1..n−1 work; T_n(0) = 1, T_n(j > 0) = 0.
  const row = new Int32Array(k + 1).fill(FALSE);
  row[0] = TRUE;
  for (let i = children.length - 1; i >= 0; i--) {
    // Descending j reads row[j − 1] before it is overwritten for this i.
    for (let j = k; j >= 1; j--) {
      row[j] = manager.or(manager.and(children[i], row[j - 1]), row[j]);
    }
  }
  return row[k];
}

/**
 * Returns the BDD of "sink is connected to source through working edges", built top-down over the
 * edges in variable order, merging states that have the same frontier partition (Hardy, Lucet and
 * Limnios' frontier method).
 *
 * $$
 * \Phi_{\text{net}}(x) = [\,\text{source} \leftrightarrow \text{sink in } (V, \{e : x_{c(e)} = 1\})\,]
 * $$
 *
 * @remarks
 * After deciding the edges of the first i components, only the frontier matters: which of the
 * vertices that still have undecided edges (plus source and sink) are connected to which. That
 * partition, put in canonical form, is the memo key; a state is 1 as soon as source and sink share
 * a block and 0 when the block of either can no longer grow. Edges sharing a component are decided
 * together, so repeated components stay exact. Cost O(E·S) states and nodes, S the number of
 * frontier partitions met: small for the breadth-first order of narrow meshes (a 10×4 grid of
 * 66 edges), exponential in the frontier width (complete graphs: K9, 36 edges, about 10⁴ nodes).
 *
 * @see G. Hardy, C. Lucet and N. Limnios, "K-Terminal Network Reliability Measures With Binary
 * Decision Diagrams", IEEE Transactions on Reliability 56(3) (2007) 506–515,
 * https://doi.org/10.1109/TR.2007.898572 (paywalled).
 */
function networkBdd(
  manager: BddManager,
  source: string,
  sink: string,
  edges: readonly NetworkEdge[],
  levelOf: Int32Array,
): number {
  const vertex = new Map<string, number>();
  const id = (name: string): number => {
    if (!vertex.has(name)) vertex.set(name, vertex.size);
    return vertex.get(name) as number;
  };
  // Edges grouped by component, groups in level order: one decision per variable.
  const byLevel = new Map<number, [number, number][]>();
  for (const e of edges) {
    const level = levelOf[e.component];
    byLevel.set(level, [...(byLevel.get(level) ?? []), [id(e.from), id(e.to)]]);
  }
  const levels = [...byLevel.keys()].sort((a, b) => a - b);
  const groups = levels.map((level) => byLevel.get(level) as [number, number][]);
  const s = id(source);
  const t = id(sink);
  // last[v]: index of the last group touching v; after it v leaves the frontier.
  const last = new Int32Array(vertex.size).fill(-1);
  groups.forEach((group, i) => group.forEach(([a, b]) => (last[a] = last[b] = i)));

  const memo = new Map<string, number>();
  /** The node for deciding groups i.. given the canonical partition `block` (−1: left). */
  const build = (i: number, block: Int32Array): number => {
    const key = `${i}:${block.join(',')}`;
    const done = memo.get(key);
    if (done !== undefined) return done;
    const result = manager.node(levels[i], next(i, block, false), next(i, block, true));
    memo.set(key, result);
    return result;
  };
  const next = (i: number, before: Int32Array, works: boolean): number => {
    const block = before.slice();
    if (works) {
      for (const [a, b] of groups[i]) {
        const [keep, drop] = [block[a], block[b]];
        if (keep !== drop) block.forEach((x, v) => x === drop && (block[v] = keep));
      }
    }
    if (block[s] === block[t]) return TRUE;
    const grows = (x: number): boolean => block.some((y, v) => y === block[x] && last[v] > i);
    if (!grows(s) || !grows(t)) return FALSE;
    // Forget vertices with no undecided edge (source and sink stay: their blocks are the answer).
    block.forEach((_, v) => last[v] <= i && v !== s && v !== t && (block[v] = -1));
    return build(i + 1, canonical(block));
  };
  return build(
    0,
    Int32Array.from(last, (_, v) => v),
  );
}

/** Relabels blocks 0, 1, 2… in order of first appearance, so equal partitions get equal keys. */
function canonical(block: Int32Array): Int32Array {
  const label = new Map<number, number>([[-1, -1]]);
  return block.map((x) => {
    if (!label.has(x)) label.set(x, label.size - 1);
    return label.get(x) as number;
  });
}
