import { ParameterError, checkInteger } from '../errors.js';
import type { NetworkEdge, StructureNode } from './StructureNode.js';

/**
 * Returns the variable order for a structure tree, the components in order of first appearance
 * in a depth-first walk, after checking every node; throws at the first invalid one.
 *
 * Within a `network`, edges are visited by breadth-first distance of their nearer end from the
 * source (ties in input order), so links close in the graph are close in the order, which keeps
 * the connectivity BDD narrow.
 *
 * @param node - the structure tree
 * @param componentCount - number of components m; component numbers must lie in [0, m − 1]
 * @returns level → component number; components that do not appear are left out
 *
 * @throws {@link ParameterError} when `componentCount` is not an integer >= 0; a component number is
 * not an integer in [0, m − 1]; `k` of a koon is not an integer in [0, children.length]; a network
 * has no edges, a source or sink that appears in no edge, or a sink equal to its source; a node has
 * an unknown kind, children that are not an array, or (a `not`) a child that is not an object.
 *
 * @remarks
 * Iterative (an explicit stack), so any depth of tree is accepted. Cost O(size of the tree +
 * edges·log(edges)).
 */
export function validateStructure(node: StructureNode, componentCount: number): Int32Array {
  checkInteger('compileStructure', 'componentCount', componentCount, 0);
  const order: number[] = [];
  const seen = new Uint8Array(componentCount);
  const visited = new Set<StructureNode>();
  const add = (where: string, parameter: string, component: number): void => {
    checkComponent(where, parameter, component, componentCount);
    if (seen[component] === 0) {
      seen[component] = 1;
      order.push(component);
    }
  };
  // Pre-order on an explicit stack (children pushed last first), so the depth of the tree is not
  // limited by the call stack and the order is that of a recursive depth-first walk.
  const stack: StructureNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as StructureNode;
    if (n?.kind === 'component') {
      // Leaves are checked at each place rather than remembered: most of a large tree is leaves.
      add('compileStructure', 'component', n.component);
      continue;
    }
    if (visited.has(n)) continue;
    visited.add(n);
    switch (n?.kind) {
      case 'series':
      case 'parallel':
        checkChildren(n.kind, n.children);
        break;
      case 'koon':
        checkChildren('koon', n.children);
        checkInteger('koon', 'k', n.k, 0, n.children.length);
        break;
      case 'network':
        checkNetwork(n.source, n.sink, n.edges);
        for (const [i, edge] of edgeOrder(n.source, n.edges)) {
          add('network', `edges[${i}].component`, edge.component);
        }
        continue;
      case 'not':
        if (typeof n.child !== 'object' || n.child === null) {
          throw new ParameterError('not', 'child', 'be a structure node', n.child);
        }
        stack.push(n.child);
        continue;
      default:
        throw new ParameterError(
          'compileStructure',
          'kind',
          'be one of component, series, parallel, koon, network, not',
          (n as { kind?: unknown } | undefined)?.kind,
        );
    }
    for (const child of n.children.toReversed()) stack.push(child);
  }
  return Int32Array.from(order);
}

/** Component numbers index the probability arrays, so they must be exact integers in range. */
function checkComponent(where: string, parameter: string, c: number, m: number): void {
  if (!(Number.isInteger(c) && c >= 0 && c < m)) {
    const expectation =
      m === 0 ? 'not appear (componentCount is 0)' : `be an integer in [0, ${m - 1}]`;
    throw new ParameterError(where, parameter, expectation, c);
  }
}

function checkChildren(where: string, children: unknown): void {
  if (!Array.isArray(children)) {
    throw new ParameterError(where, 'children', 'be an array of structure nodes', children);
  }
}

function checkNetwork(source: string, sink: string, edges: readonly NetworkEdge[]): void {
  if (!Array.isArray(edges) || edges.length === 0) {
    throw new ParameterError('network', 'edges', 'be a non-empty array', edges);
  }
  const names = new Set<string>();
  for (const edge of edges) names.add(edge.from).add(edge.to);
  if (!names.has(source)) {
    throw new ParameterError('network', 'source', 'be a node named in edges', source);
  }
  if (!names.has(sink)) {
    throw new ParameterError('network', 'sink', 'be a node named in edges', sink);
  }
  if (sink === source) {
    throw new ParameterError('network', 'sink', 'differ from source', sink);
  }
}

/**
 * The edges with their indices, sorted by breadth-first distance (ignoring direction) of their
 * nearer end.
 */
function edgeOrder(source: string, edges: readonly NetworkEdge[]): [number, NetworkEdge][] {
  const neighbours = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!neighbours.has(from)) neighbours.set(from, []);
    if (!neighbours.has(to)) neighbours.set(to, []);
    neighbours.get(from)?.push(to);
    neighbours.get(to)?.push(from);
  }
  const distance = new Map<string, number>([[source, 0]]);
  const queue = [source];
  // The iteration also visits the vertices pushed while it runs.
  for (const current of queue) {
    const d = distance.get(current) as number;
    for (const next of neighbours.get(current) ?? []) {
      if (!distance.has(next)) {
        distance.set(next, d + 1);
        queue.push(next);
      }
    }
  }
  // Edges cut off from the source come last (their distance is never used as a number).
  const far = edges.length * 2;
  const near = (e: NetworkEdge): number =>
    Math.min(distance.get(e.from) ?? far, distance.get(e.to) ?? far);
  // Array.prototype.sort is stable (ES2019), so ties keep input order.
  return [...edges.entries()].sort(([, a], [, b]) => near(a) - near(b));
}
