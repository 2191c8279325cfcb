import type { FaultNode } from '../../model/Model.js';
import type { StructureNode } from '../../structure/StructureNode.js';

/**
 * Returns the success logic of a fault tree as a structure over its basic events (component i is
 * event i; it "works" while the event has not occurred): the system works iff the top event does
 * not occur.
 *
 * $$
 * S(e_i) = x_i,\quad S(\mathrm{OR}) = \textstyle\bigwedge S(c),\quad S(\mathrm{AND}) = \bigvee S(c),
 * \quad S(\ge k \text{ of } n) = \ge n-k+1 \text{ of } n \text{ of } S(c),\quad
 * S(\mathrm{NOT}\,c) = \lnot S(c)
 * $$
 * NAND and NOR are NOT of AND and OR; XOR folds pairwise with
 * S(a ⊕ b) = (S(a) ∧ S(b)) ∨ (¬S(a) ∧ ¬S(b)); a house event that occurs is the constant
 * "fails" (an empty parallel), one that does not the constant "works" (an empty series).
 *
 * @param root - the top gate
 * @returns the structure; a gate shared in the tree is one shared node in the structure
 *
 * @remarks
 * Converts children before parents on an explicit stack, so depth is not limited by the call
 * stack. Cost O(tree nodes + edges).
 */
export function faultTreeStructure(root: FaultNode): StructureNode {
  const done = new Map<FaultNode, StructureNode>();
  const pending: FaultNode[] = [root];
  while (pending.length > 0) {
    const node = pending.at(-1)!; // non-empty
    if (done.has(node)) {
      pending.pop();
      continue;
    }
    if (node.kind === 'event' || node.kind === 'house') {
      done.set(node, leaf(node));
      pending.pop();
      continue;
    }
    const missing = node.children.filter((child) => !done.has(child));
    if (missing.length > 0) {
      pending.push(...missing);
      continue;
    }
    pending.pop();
    // Every child was converted above.
    done.set(
      node,
      gate(
        node,
        node.children.map((child) => done.get(child)!),
      ),
    );
  }
  return done.get(root)!; // converted last
}

function leaf(node: Extract<FaultNode, { kind: 'event' | 'house' }>): StructureNode {
  if (node.kind === 'event') return { kind: 'component', component: node.event };
  return { kind: node.value ? 'parallel' : 'series', children: [] };
}

function gate(
  node: Extract<FaultNode, { children: readonly FaultNode[] }>,
  children: readonly StructureNode[],
): StructureNode {
  switch (node.kind) {
    case 'or':
      return { kind: 'series', children };
    case 'and':
      return { kind: 'parallel', children };
    case 'atleast':
      return { kind: 'koon', k: children.length - node.k + 1, children };
    case 'not':
      return { kind: 'not', child: children[0]! }; // a NOT gate has one child
    case 'nand':
      return { kind: 'not', child: { kind: 'parallel', children } };
    case 'nor':
      return { kind: 'not', child: { kind: 'series', children } };
    case 'xor':
      return children.slice(1).reduce(
        (a, b) => ({
          kind: 'parallel',
          children: [
            { kind: 'series', children: [a, b] },
            {
              kind: 'series',
              children: [
                { kind: 'not', child: a },
                { kind: 'not', child: b },
              ],
            },
          ],
        }),
        children[0]!,
      ); // at least one child
  }
}
