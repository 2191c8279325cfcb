import { childrenOf, postOrder } from './postOrder.js';
import type { StructureNode } from './StructureNode.js';

/**
 * A series, parallel or k-out-of-n block of components that appear nowhere else in the tree,
 * evaluated in closed form and entered in the decision diagram as one variable.
 */
export interface Block {
  /** `koon` only for 2 ≤ k ≤ n − 1: k = n is stored as series and k = 1 as parallel. */
  readonly kind: 'series' | 'parallel' | 'koon';
  /** Components needed: n for series, 1 for parallel. */
  readonly k: number;
  /** The components of the block, in the order of the children; at least two, all distinct. */
  readonly members: Int32Array;
}

/** A structure tree with its collapsible blocks replaced by one variable each. */
export interface CollapsedStructure {
  /** The tree; block b is the component `componentCount + b`. */
  readonly node: StructureNode;
  /** The blocks, numbered in order of first appearance in a depth-first walk. */
  readonly blocks: readonly Block[];
}

/**
 * Returns the tree in which every series, parallel and k-out-of-n node whose children are at
 * least two plain components, each used nowhere else in the tree, is replaced by one new
 * component standing for the whole block.
 *
 * $$
 * \Phi(x) = \psi\big(\chi_1(x_{B_1}), \dots, \chi_r(x_{B_r}), x_{\text{rest}}\big)
 * $$
 * - B_b: the components of block b, disjoint from each other and from the rest
 * - χ_b: the block's structure function (series, parallel or k-out-of-n), a module of Φ
 * - ψ: the collapsed tree's structure function over the block variables and the other components
 *
 * @param node - a tree that passed validateStructure
 * @param componentCount - m; block b becomes component m + b
 * @returns the collapsed tree (the same object when nothing collapses) and the blocks
 *
 * @remarks
 * A component counts as used elsewhere when any other child link or network edge names it, so a
 * shared component (a power supply feeding two branches) is never folded into a block and the
 * decision diagram keeps it exact. A `not` is never part of a block, but a block may lie below
 * one: ¬χ_b is a function of the module's variable like any other, so the decomposition stays
 * exact for non-coherent trees. A node object reused at several places stays one object, and a
 * block reused so becomes one variable used at those places. Because a block's components appear
 * nowhere else, they are consecutive in the depth-first variable order, and the decision diagram of
 * Φ is that of ψ with each block variable's node replaced by the block's own diagram. Cost O(tree
 * size), iterative.
 *
 * @see R. E. Barlow and F. Proschan, Statistical Theory of Reliability and Life Testing, Holt,
 * Rinehart and Winston, 1975, ch. 1 §3 (modules and modular decompositions) (paywalled).
 */
export function collapseBlocks(node: StructureNode, componentCount: number): CollapsedStructure {
  // Components of a validated tree are below componentCount: the `!` increments are in range.
  const uses = new Int32Array(componentCount);
  if (node.kind === 'component') uses[node.component]!++;
  postOrder(node, (n) => {
    if (n.kind === 'network') for (const e of n.edges) uses[e.component]!++;
    for (const child of childrenOf(n)) if (child.kind === 'component') uses[child.component]!++;
  });
  const blocks: Block[] = [];
  const collapsible = (n: StructureNode): boolean =>
    (n.kind === 'series' || n.kind === 'parallel' || (n.kind === 'koon' && n.k >= 1)) &&
    n.children.length >= 2 &&
    n.children.every((child) => child.kind === 'component' && uses[child.component] === 1);
  let changed = false;
  const rebuilt = postOrder<StructureNode>(node, (n, valueOf) => {
    if (collapsible(n)) {
      changed = true;
      return { kind: 'component', component: componentCount + blocks.push(blockOf(n)) - 1 };
    }
    switch (n.kind) {
      case 'series':
      case 'parallel':
        return { kind: n.kind, children: n.children.map(valueOf) };
      case 'koon':
        return { kind: 'koon', k: n.k, children: n.children.map(valueOf) };
      case 'not':
        return { kind: 'not', child: valueOf(n.child) };
      default:
        return n;
    }
  });
  // A block's children are components, so post-order meets the blocks in first-appearance order.
  return changed ? { node: rebuilt.get(node) as StructureNode, blocks } : { node, blocks: [] };
}

/** The block of a collapsible node (children are distinct components, at least two). */
function blockOf(n: StructureNode): Block {
  const children = childrenOf(n);
  const members = Int32Array.from(children, (child) =>
    child.kind === 'component' ? child.component : -1,
  );
  const size = members.length;
  const k = n.kind === 'series' ? size : n.kind === 'parallel' ? 1 : n.kind === 'koon' ? n.k : 0;
  const kind = k === size ? 'series' : k === 1 ? 'parallel' : 'koon';
  return { kind, k, members };
}
