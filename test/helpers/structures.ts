/**
 * Structure trees for tests: builders, the bridge, a seeded generator, and a direct Boolean
 * evaluation of a tree (recursive and obvious, independent of both the BDD and
 * evaluateStructure), shared by the tests of src/structure.
 */
import type { StructureNode } from '../../src/structure/StructureNode.js';
import { element } from './element.js';

/** Component `component`. */
export const c = (component: number): StructureNode => ({ kind: 'component', component });
/** Works iff every child works. */
export const series = (...children: StructureNode[]): StructureNode => ({
  kind: 'series',
  children,
});
/** Works iff some child works. */
export const parallel = (...children: StructureNode[]): StructureNode => ({
  kind: 'parallel',
  children,
});
/** Works iff at least k children work. */
export const koon = (k: number, ...children: StructureNode[]): StructureNode => ({
  kind: 'koon',
  k,
  children,
});

/** Works iff `child` fails. */
export const not = (child: StructureNode): StructureNode => ({ kind: 'not', child });

/** The bridge: s–a (0), s–b (1), a–b (2), a–t (3), b–t (4); Rausand & Høyland (2004) ch. 4. */
export const BRIDGE: Extract<StructureNode, { kind: 'network' }> = {
  kind: 'network',
  source: 's',
  sink: 't',
  edges: [
    { from: 's', to: 'a', component: 0 },
    { from: 's', to: 'b', component: 1 },
    { from: 'a', to: 'b', component: 2 },
    { from: 'a', to: 't', component: 3 },
    { from: 'b', to: 't', component: 4 },
  ],
};

/** mulberry32: a small seeded generator of doubles in [0, 1), enough to draw structures. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Φ(x) by direct recursion on the tree; networks by depth-first search over working edges. */
export function works(node: StructureNode, x: readonly boolean[]): boolean {
  switch (node.kind) {
    case 'component':
      return element(x, node.component);
    case 'series':
      return node.children.every((child) => works(child, x));
    case 'parallel':
      return node.children.some((child) => works(child, x));
    case 'koon':
      return node.children.filter((child) => works(child, x)).length >= node.k;
    case 'not':
      return !works(node.child, x);
    case 'network': {
      const seen = new Set([node.source]);
      const stack = [node.source];
      while (stack.length > 0) {
        const at = stack.pop() as string;
        for (const e of node.edges) {
          if (!element(x, e.component)) continue;
          const other = e.from === at ? e.to : e.to === at ? e.from : undefined;
          if (other !== undefined && !seen.has(other)) {
            seen.add(other);
            stack.push(other);
          }
        }
      }
      return seen.has(node.sink);
    }
  }
}
