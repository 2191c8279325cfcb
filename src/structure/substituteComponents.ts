import { compileStructure } from './compileStructure.js';
import { postOrder } from './postOrder.js';
import type { StructureNode } from './StructureNode.js';

/** Most minimal path sets of a network rewritten as their union. */
const MAX_NETWORK_PATHS = 10_000;

/**
 * Returns a copy of a structure tree with each component leaf i replaced by `replace(i)` (a leaf
 * replaced by itself stays), as one function composed with others: Φ'(x) = Φ(y) with y_i the
 * state of `replace(i)`. A `network` with a replaced link is first rewritten as the parallel of
 * its minimal path sets, each a series of its links (the same Boolean function).
 *
 * @param node - the tree, over components 0..componentCount − 1
 * @param componentCount - its number of components (a network's path sets are found over them)
 * @param replace - the subtree standing for component i, or the same leaf
 * @param maxNodes - BDD node budget for a network's path sets
 * @returns the new tree; nodes reused in `node` are reused in it
 * @throws {@link UnsupportedModelError} when a rewritten network has more than 10 000 minimal
 *   path sets or its diagram exceeds `maxNodes`.
 *
 * @remarks
 * Runs on an explicit stack ({@link postOrder}). Cost O(tree size), plus the compilation of each
 * rewritten network.
 */
export function substituteComponents(
  node: StructureNode,
  componentCount: number,
  replace: (component: number) => StructureNode,
  maxNodes?: number,
): StructureNode {
  const values = postOrder<StructureNode>(node, (n, valueOf) => {
    switch (n.kind) {
      case 'component':
        return replace(n.component);
      case 'series':
      case 'parallel':
        return { kind: n.kind, children: n.children.map(valueOf) };
      case 'koon':
        return { kind: 'koon', k: n.k, children: n.children.map(valueOf) };
      case 'not':
        return { kind: 'not', child: valueOf(n.child) };
      case 'network': {
        const unchanged = n.edges.every((edge) => {
          const r = replace(edge.component);
          return r.kind === 'component' && r.component === edge.component;
        });
        if (unchanged) return n;
        const paths = compileStructure(n, componentCount, {
          ...(maxNodes !== undefined && { maxNodes }),
        }).minimalPathSets({ maxSets: MAX_NETWORK_PATHS });
        return {
          kind: 'parallel',
          children: paths.map((path) => ({ kind: 'series', children: path.map(replace) })),
        };
      }
    }
  });
  return values.get(node) as StructureNode; // postOrder stores the root, a component too
}
