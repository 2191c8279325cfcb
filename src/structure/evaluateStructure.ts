import { ParameterError } from '../errors.js';
import type { StructureNode } from './StructureNode.js';
import { validateStructure } from './validateStructure.js';

/** Node kinds of the flat evaluator. */
const GATE = 0;
const NETWORK = 1;
const NOT = 2;

/**
 * A structure tree compiled for Boolean evaluation: Φ(x) for one state x of the components at a
 * time, without allocation (the object keeps scratch buffers, so it is not re-entrant;
 * JavaScript never runs two calls at once).
 */
export interface StructureEvaluator {
  /** Number of components m, as passed to {@link evaluateStructure}. */
  readonly componentCount: number;
  /**
   * Returns Φ(x): true when the system works with the components in state `x`.
   *
   * @param x - x[i] 1 (or true) when component i works, 0 (or false) when it has failed; length
   *   m. Entries are read by truthiness and not checked.
   * @throws {@link ParameterError} when `x` does not have length `componentCount`.
   */
  up(x: ArrayLike<number | boolean>): boolean;
}

/**
 * Returns the Boolean structure function of a tree of binary components, compiled once into flat
 * arrays evaluated children first: whether the system works in a given state, exactly and without
 * allocation. An evaluator independent of the BDD of `compileStructure`, to check it and the
 * engines that use one or the other.
 *
 * $$
 * \Phi(x) = \begin{cases}
 * x_i & \text{component } i \\
 * \min_j \Phi_j(x) & \text{series} \\
 * \max_j \Phi_j(x) & \text{parallel} \\
 * \big[\textstyle\sum_j \Phi_j(x) \ge k\big] & k\text{-out-of-}n \\
 * \big[\,s \leftrightarrow t \text{ in } (V, \{e : x_{c(e)} = 1\})\big] & \text{network} \\
 * 1 - \Phi_c(x) & \text{not}
 * \end{cases}
 * $$
 * - x ∈ {0, 1}^m: the state of the components, x_i = 1 when component i works
 * - Φ_j: the structure functions of the node's children; min over no child is 1 (an empty series
 *   works), max over none is 0 (an empty parallel fails), and k = 0 always works
 * - s, t, V: a network's source, sink and node names; c(e) the component of edge e, which joins
 *   its ends in both directions while it works (self-loops join nothing)
 * - Φ_c: the structure function of a `not` node's child
 *
 * @param node - the structure tree over components 0..m−1; a component or a node object may
 *   appear several times (a DAG: each node is evaluated once per state)
 * @param componentCount - m, an integer >= 0
 * @returns the evaluator, see {@link StructureEvaluator}
 *
 * @throws {@link ParameterError} when `componentCount` is not an integer >= 0; a component number
 * is not an integer in [0, m − 1]; a koon's `k` is not an integer in [0, children.length]; a
 * network has no edges, a source or sink named in no edge, or a sink equal to its source; a node
 * has an unknown kind, children that are not an array or (a `not`) a child that is not an object
 * (all checked by the same validation as `compileStructure`); a node contains itself.
 *
 * @remarks
 * Method: the distinct nodes are numbered children first on an explicit stack (so a tree 100 000
 * levels deep compiles), each with its operands: the numbers of its child nodes, or the component
 * of a child leaf. A state is evaluated in that order: a series, parallel or k-out-of-n node
 * counts its working operands against its threshold (n, 1 or k), stopping once the threshold is
 * reached or out of reach; a `not` negates its one operand; a network joins the ends of its working edges by union–find (path
 * halving) and works when source and sink end in one set. Only the validation is shared with the
 * BDD code (apply, frontier method for networks), and nothing with the simulator's incremental
 * depth-first search, so agreement between them is evidence. Cost: compiling O(tree size +
 * edges); evaluating O(distinct nodes + child links + network edges·log(vertices)), no
 * allocation.
 *
 * @see M. Rausand and A. Høyland, System Reliability Theory: Models, Statistical Methods, and
 * Applications, 2nd ed., Wiley, 2004, ch. 4 (structure functions of series, parallel,
 * k-out-of-n and bridge structures) (paywalled).
 * @see R. E. Tarjan and J. van Leeuwen, "Worst-case analysis of set union algorithms", Journal of
 * the ACM 31(2) (1984) 245–281, https://doi.org/10.1145/62.2160 (paywalled) (union–find with path
 * halving).
 *
 * @example
 * ```ts
 * const bridge = evaluateStructure({ kind: 'network', source: 's', sink: 't', edges: [{ from: 's', to: 'a', component: 0 }, { from: 's', to: 'b', component: 1 }, { from: 'a', to: 'b', component: 2 }, { from: 'a', to: 't', component: 3 }, { from: 'b', to: 't', component: 4 }] }, 5);
 * bridge.up([1, 0, 1, 0, 1]); // → true
 * bridge.up([1, 1, 1, 0, 0]); // → false
 * const twoOfThree = evaluateStructure({ kind: 'koon', k: 2, children: [{ kind: 'component', component: 0 }, { kind: 'component', component: 1 }, { kind: 'component', component: 2 }] }, 3);
 * twoOfThree.up([true, false, true]); // → true
 * twoOfThree.up([0, 0, 1]); // → false
 * ```
 */
export function evaluateStructure(node: StructureNode, componentCount: number): StructureEvaluator {
  validateStructure(node, componentCount);
  const flat = flatten(node);
  const { kind, threshold, operandStart, operand, network, root } = flat;
  const { vertexStart, edgeStart, edgeFrom, edgeTo, edgeComponent, source, sink } = flat;
  const nodeCount = kind.length;
  const value = new Uint8Array(nodeCount);
  // Union–find forest over the vertices of every network, reset before each use.
  const parent = new Int32Array(vertexStart[vertexStart.length - 1]!);
  const find = (v: number): number => {
    let r = v;
    while (parent[r] !== r) {
      const grand = parent[parent[r]!]!;
      parent[r] = grand;
      r = grand;
    }
    return r;
  };
  const connected = (n: number, x: ArrayLike<number | boolean>): boolean => {
    for (let v = vertexStart[n]!; v < vertexStart[n + 1]!; v++) parent[v] = v;
    for (let e = edgeStart[n]!; e < edgeStart[n + 1]!; e++) {
      if (!x[edgeComponent[e]!]) continue;
      const a = find(edgeFrom[e]!);
      const b = find(edgeTo[e]!);
      if (a !== b) parent[a] = b;
    }
    return find(source[n]!) === find(sink[n]!);
  };
  const evaluator: StructureEvaluator = {
    componentCount,
    up(x: ArrayLike<number | boolean>): boolean {
      if (x.length !== componentCount) {
        throw new ParameterError(
          'evaluateStructure',
          'x',
          `have ${componentCount} entries`,
          x.length,
        );
      }
      for (let g = 0; g < nodeCount; g++) {
        if (kind[g] === NETWORK) {
          value[g] = connected(network[g]!, x) ? 1 : 0;
          continue;
        }
        if (kind[g] === NOT) {
          const o = operand[operandStart[g]!]!;
          value[g] = (o >= 0 ? value[o] === 1 : x[~o]) ? 0 : 1;
          continue;
        }
        // Count down the working operands still needed and the failed ones still affordable,
        // stopping as soon as either runs out.
        let i = operandStart[g]!;
        const end = operandStart[g + 1]!;
        let need = threshold[g]!;
        let spare = end - i - need;
        while (need > 0 && spare >= 0) {
          const o = operand[i++]!;
          if (o >= 0 ? value[o] === 1 : x[~o]) need--;
          else spare--;
        }
        value[g] = need === 0 ? 1 : 0;
      }
      return root >= 0 ? value[root] === 1 : Boolean(x[~root]);
    },
  };
  return Object.freeze(evaluator);
}

/**
 * The flat form of a structure: nodes numbered children first; an operand o ≥ 0 is node o, o < 0
 * is component ~o (a leaf, not numbered). Networks have their vertices numbered consecutively
 * from `vertexStart[n]` and their edges from `edgeStart[n]`.
 */
interface FlatStructure {
  /** GATE, NETWORK or NOT (whose one operand is its child). */
  readonly kind: Uint8Array;
  /** Working operands a gate needs: n for series, 1 for parallel, k for k-out-of-n. */
  readonly threshold: Int32Array;
  readonly operandStart: Int32Array;
  readonly operand: Int32Array;
  /** Network number of a NETWORK node (−1 for a gate). */
  readonly network: Int32Array;
  readonly vertexStart: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeComponent: Int32Array;
  readonly source: Int32Array;
  readonly sink: Int32Array;
  /** The root as an operand. */
  readonly root: number;
}

/**
 * Numbers the distinct nodes of a validated tree children first, on an explicit stack, each
 * node object once however many parents it has.
 *
 * @throws {@link ParameterError} when a node contains itself.
 */
function flatten(root: StructureNode): FlatStructure {
  const numberOf = new Map<StructureNode, number>();
  const kind: number[] = [];
  const threshold: number[] = [];
  const operandStart: number[] = [0];
  const operand: number[] = [];
  const network: number[] = [];
  const vertexStart: number[] = [0];
  const edgeStart: number[] = [0];
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeComponent: number[] = [];
  const source: number[] = [];
  const sink: number[] = [];
  const operandOf = (child: StructureNode): number =>
    child.kind === 'component' ? ~child.component : numberOf.get(child)!;
  const emit = (n: Exclude<StructureNode, { kind: 'component' }>): void => {
    numberOf.set(n, kind.length);
    if (n.kind === 'network') {
      kind.push(NETWORK);
      threshold.push(0);
      network.push(source.length);
      const base = vertexStart[vertexStart.length - 1]!;
      const vertices = new Map<string, number>();
      const vertex = (name: string): number => {
        let v = vertices.get(name);
        if (v === undefined) vertices.set(name, (v = base + vertices.size));
        return v;
      };
      for (const edge of n.edges) {
        edgeFrom.push(vertex(edge.from));
        edgeTo.push(vertex(edge.to));
        edgeComponent.push(edge.component);
      }
      // Validation guarantees both ends name an edge's end, so they are already numbered.
      source.push(vertex(n.source));
      sink.push(vertex(n.sink));
      vertexStart.push(base + vertices.size);
      edgeStart.push(edgeFrom.length);
    } else if (n.kind === 'not') {
      kind.push(NOT);
      threshold.push(0);
      network.push(-1);
      operand.push(operandOf(n.child));
    } else {
      kind.push(GATE);
      const count = n.children.length;
      threshold.push(n.kind === 'series' ? count : n.kind === 'parallel' ? 1 : n.k);
      network.push(-1);
      for (const child of n.children) operand.push(operandOf(child));
    }
    operandStart.push(operand.length);
  };

  if (root.kind !== 'component') {
    // Depth-first, children pushed last first; a node is emitted when popped the second time
    // (`expanded`), after all its children. A node met again while expanded but not emitted is
    // its own descendant.
    const stack: StructureNode[] = [root];
    const expanded: boolean[] = [false];
    const open = new Set<StructureNode>();
    while (stack.length > 0) {
      const n = stack.pop()!;
      const ready = expanded.pop()!;
      if (n.kind === 'component' || numberOf.has(n)) continue;
      if (ready || n.kind === 'network') {
        emit(n);
        continue;
      }
      if (open.has(n)) {
        throw new ParameterError('evaluateStructure', 'node', 'not contain itself', n.kind);
      }
      open.add(n);
      stack.push(n);
      expanded.push(true);
      const children = n.kind === 'not' ? [n.child] : n.children;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i]!;
        if (child.kind === 'component' || numberOf.has(child)) continue;
        stack.push(child);
        expanded.push(false);
      }
    }
  }
  return {
    kind: Uint8Array.from(kind),
    threshold: Int32Array.from(threshold),
    operandStart: Int32Array.from(operandStart),
    operand: Int32Array.from(operand),
    network: Int32Array.from(network),
    vertexStart: Int32Array.from(vertexStart),
    edgeStart: Int32Array.from(edgeStart),
    edgeFrom: Int32Array.from(edgeFrom),
    edgeTo: Int32Array.from(edgeTo),
    edgeComponent: Int32Array.from(edgeComponent),
    source: Int32Array.from(source),
    sink: Int32Array.from(sink),
    root: operandOf(root),
  };
}
