import { type BddManager, FALSE, TRUE } from './BddManager.js';
import { componentLevel } from './planStructure.js';
import type { NetworkEdge } from './StructureNode.js';

/**
 * Returns the BDD node, in `manager`, of "sink is connected to source through working edges",
 * with its terminals replaced by `onTrue` and `onFalse`, built over the edges in variable order,
 * merging states that have the same frontier partition (Hardy, Lucet and Limnios' frontier
 * method).
 *
 * $$
 * \Phi_{\text{net}}(x) = [\,\text{source} \leftrightarrow \text{sink in }
 * (V, \{e : x_{c(e)} = 1\})\,], \qquad
 * \text{result} = \Phi_{\text{net}}\cdot\text{onTrue} + (1 - \Phi_{\text{net}})\cdot\text{onFalse}
 * $$
 * - V: the vertices named in `edges`; c(e): the component of edge e; x: component states
 *
 * @param manager - the node store
 * @param source - name of the vertex the flow starts from
 * @param sink - name of the vertex to reach, different from `source`
 * @param edges - the links, validated (see validateStructure)
 * @param levelOf - component number → level in `manager`
 * @param onTrue - node to go to when source and sink are connected (TRUE for the function itself)
 * @param onFalse - node to go to when they are not (FALSE for the function itself); both must
 * test only variables below every edge's level
 * @returns the root node
 *
 * @throws {@link UnsupportedModelError} from the manager when the node budget is exceeded.
 *
 * @remarks
 * After deciding the edges of the first i components, only the frontier matters: which of the
 * vertices that still have undecided edges (plus source and sink) are connected to which. That
 * partition, put in canonical form, identifies a state; a state is decided (onTrue) as soon as
 * source and sink share a block, and (onFalse) when the block of either can no longer grow.
 * Edges sharing a component are decided together, so repeated components stay exact. The states
 * are explored one level at a time and the nodes created from the last level up, so nothing
 * recurses over the levels. Cost O(E·S) states and nodes, S the number of frontier partitions
 * met: small for the breadth-first order of narrow meshes (a 6×6 grid, 60 edges: 4 969 nodes),
 * exponential in the frontier width (complete graphs: K9, 36 edges, about 10⁴ nodes).
 *
 * @see G. Hardy, C. Lucet and N. Limnios, "K-Terminal Network Reliability Measures With Binary
 * Decision Diagrams", IEEE Transactions on Reliability 56(3) (2007) 506–515,
 * https://doi.org/10.1109/TR.2007.898572 (paywalled).
 */
export function networkBdd(
  manager: BddManager,
  source: string,
  sink: string,
  edges: readonly NetworkEdge[],
  levelOf: Int32Array,
  onTrue: number = TRUE,
  onFalse: number = FALSE,
): number {
  const vertex = new Map<string, number>();
  const id = (name: string): number => {
    let v = vertex.get(name);
    if (v === undefined) {
      v = vertex.size;
      vertex.set(name, v);
    }
    return v;
  };
  // Edges grouped by component, groups in level order: one decision per variable.
  const byLevel = new Map<number, [number, number][]>();
  for (const e of edges) {
    const level = componentLevel(levelOf, e.component);
    const group = byLevel.get(level);
    if (group === undefined) byLevel.set(level, [[id(e.from), id(e.to)]]);
    else group.push([id(e.from), id(e.to)]);
  }
  const levels = [...byLevel.keys()].sort((a, b) => a - b);
  const groups = levels.map((level) => ({
    level,
    edges: byLevel.get(level) as [number, number][],
  }));
  const s = id(source);
  const t = id(sink);
  // last[v]: index of the last group touching v; after it v leaves the frontier.
  const last = new Int32Array(vertex.size).fill(-1);
  groups.forEach((group, i) => group.edges.forEach(([a, b]) => (last[a] = last[b] = i)));

  // Successor of a state after deciding group i (its `edges`): a terminal code, or a partition
  // for level i + 1. Vertex ids index `block` and `last` (both have one entry per vertex).
  const DECIDED_FALSE = -1;
  const DECIDED_TRUE = -2;
  const next = (
    i: number,
    groupEdges: readonly [number, number][],
    before: Int32Array,
    works: boolean,
  ): number | Int32Array => {
    const block = before.slice();
    if (works) {
      for (const [a, b] of groupEdges) {
        const keep = block[a]!;
        const drop = block[b]!;
        if (keep !== drop)
          for (let v = 0; v < block.length; v++) if (block[v] === drop) block[v] = keep;
      }
    }
    if (block[s] === block[t]) return DECIDED_TRUE;
    const grows = (x: number): boolean => {
      for (let v = 0; v < block.length; v++) if (block[v] === block[x] && last[v]! > i) return true;
      return false;
    };
    if (!grows(s) || !grows(t)) return DECIDED_FALSE;
    // Forget vertices with no undecided edge (source and sink stay: their blocks are the answer).
    for (let v = 0; v < block.length; v++) if (last[v]! <= i && v !== s && v !== t) block[v] = -1;
    return canonical(block);
  };

  // Forward pass, one level at a time: the states of each level and, for every state, its two
  // successors (terminal codes or indices of states of the next level).
  const passes: { level: number; low: Int32Array; high: Int32Array }[] = [];
  let states: Int32Array[] = [Int32Array.from(last, (_, v) => v)];
  for (const [i, { level, edges: groupEdges }] of groups.entries()) {
    if (states.length === 0) break;
    const nextStates: Int32Array[] = [];
    const index = new Map<string, number>();
    const refer = (successor: number | Int32Array): number => {
      if (typeof successor === 'number') return successor;
      const key = successor.join(',');
      let k = index.get(key);
      if (k === undefined) {
        k = nextStates.length;
        index.set(key, k);
        nextStates.push(successor);
      }
      return k;
    };
    const low = new Int32Array(states.length);
    const high = new Int32Array(states.length);
    states.forEach((block, k) => {
      low[k] = refer(next(i, groupEdges, block, false));
      high[k] = refer(next(i, groupEdges, block, true));
    });
    passes.push({ level, low, high });
    states = nextStates;
  }
  // Backward pass: nodes from the last level up, so children exist before their parents. A
  // successor r ≥ 0 is a state of the level below, so below[r] exists.
  let below = new Int32Array(0);
  for (const { level, low, high } of passes.reverse()) {
    const resolve = (r: number): number =>
      r === DECIDED_TRUE ? onTrue : r === DECIDED_FALSE ? onFalse : below[r]!;
    const here = new Int32Array(low.length);
    for (let k = 0; k < here.length; k++) {
      here[k] = manager.node(level, resolve(low[k]!), resolve(high[k]!));
    }
    below = here;
  }
  // The first level has one state (every vertex alone), and a network has at least one edge.
  const root = below[0];
  if (root === undefined) throw new Error('internal: networkBdd decided no level');
  return root;
}

/** Relabels blocks 0, 1, 2… in order of first appearance, so equal partitions get equal keys. */
function canonical(block: Int32Array): Int32Array {
  const label = new Map<number, number>([[-1, -1]]);
  return block.map((x) => {
    let y = label.get(x);
    if (y === undefined) {
      y = label.size - 1;
      label.set(x, y);
    }
    return y;
  });
}
