import { ParameterError } from '../errors.js';
import type { StructureNode } from './StructureNode.js';

/**
 * Returns the value `visit` gives each distinct node object of a structure tree, visited children
 * first (post-order), each node once even when it is reused at several places (a DAG); component
 * leaves, which have no children, are visited at each place instead and not stored.
 *
 * @param root - the tree
 * @param visit - computes a node's value from its children's, given by `valueOf`
 * @returns node → value, for `root` and every node reachable from it that is not a component
 *
 * @throws {@link ParameterError} when a node contains itself (a cycle), which no structure can.
 *
 * @remarks
 * Runs on an explicit stack, so the depth of the tree is not limited by the call stack. Children
 * are those of `series`, `parallel` and `koon` and the child of `not`; components and networks
 * are leaves. Cost
 * O(nodes + child links).
 */
export function postOrder<T>(
  root: StructureNode,
  visit: (node: StructureNode, valueOf: (child: StructureNode) => T) => T,
): Map<StructureNode, T> {
  const values = new Map<StructureNode, T>();
  const entered = new Set<StructureNode>();
  // A large tree is mostly leaves: answering them directly saves a map entry each.
  const valueOf = (child: StructureNode): T =>
    child.kind === 'component' ? visit(child, valueOf) : (values.get(child) as T);
  const stack: StructureNode[] = [root];
  const expanded: boolean[] = [false];
  while (stack.length > 0) {
    const node = stack.pop() as StructureNode;
    const ready = expanded.pop() as boolean;
    if (node.kind === 'component' && node !== root) continue;
    if (values.has(node)) continue;
    const children = childrenOf(node);
    if (ready || children.length === 0) {
      values.set(node, visit(node, valueOf));
      continue;
    }
    if (entered.has(node)) {
      throw new ParameterError('compileStructure', 'node', 'not contain itself', node.kind);
    }
    entered.add(node);
    stack.push(node);
    expanded.push(true);
    for (const child of children.toReversed()) {
      if (child.kind === 'component') continue;
      stack.push(child);
      expanded.push(false);
    }
  }
  return values;
}

/** The child nodes of a series, parallel or koon node, the child of a not; none for the others. */
export function childrenOf(node: StructureNode): readonly StructureNode[] {
  switch (node.kind) {
    case 'series':
    case 'parallel':
    case 'koon':
      return node.children;
    case 'not':
      return [node.child];
    default:
      return [];
  }
}
