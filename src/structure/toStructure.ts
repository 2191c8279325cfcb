import type { Model, SystemNode } from '../model/Model.js';
import type { StructureNode } from './StructureNode.js';

/** A standby block of the model, solved on its own and entered in the structure as one variable. */
export type StandbyBlock = Extract<SystemNode, { kind: 'standby' }>;

/** The model's structure over binary variables: units first, then one per standby block. */
export interface ModelStructure {
  readonly node: StructureNode;
  /** Number of variables: units plus standby blocks. */
  readonly variableCount: number;
  /** Standby blocks; block b is variable `units.length + b`. */
  readonly blocks: readonly StandbyBlock[];
}

/**
 * Maps the model's system tree to a structure over binary variables: each unit is variable
 * `unit`; each standby block, whose state depends on time and order of failures, becomes one
 * more variable whose probability the caller computes from the block's own law. A hot standby
 * with perfect instantaneous switching is parallel redundancy and stays in the structure.
 *
 * @remarks
 * Walks the tree on an explicit stack (children before their parent, blocks numbered in order of
 * appearance), so the depth of the tree is not limited by the call stack. Cost O(tree size).
 */
export function toStructure(model: Model, system: SystemNode): ModelStructure {
  const blocks: StandbyBlock[] = [];
  const leaf = (node: SystemNode): StructureNode | undefined => {
    switch (node.kind) {
      case 'unit':
        return { kind: 'component', component: node.unit };
      case 'standby':
        // Hot spares with perfect, instantaneous switching are plain parallel redundancy.
        if (node.mode === 'hot' && node.switchSuccess === 1 && !node.switchDelay) {
          return {
            kind: 'parallel',
            children: node.units.map((unit) => ({ kind: 'component', component: unit })),
          };
        }
        blocks.push(node);
        return { kind: 'component', component: model.units.length + blocks.length - 1 };
      case 'network':
        return {
          kind: 'network',
          source: node.source,
          sink: node.sink,
          edges: node.edges.map((edge) => ({ from: edge.from, to: edge.to, component: edge.unit })),
        };
      default:
        return undefined;
    }
  };
  // Frames of the inner nodes being converted: the node and its converted children so far.
  type Inner = Extract<SystemNode, { children: readonly SystemNode[] }>;
  const frames: { node: Inner; children: StructureNode[] }[] = [];
  let done: StructureNode | undefined = leaf(system);
  if (done === undefined) frames.push({ node: system as Inner, children: [] });
  for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
    const next = frame.node.children[frame.children.length];
    if (next === undefined) {
      frames.pop();
      const { node, children } = frame;
      const converted: StructureNode =
        node.kind === 'koon'
          ? { kind: 'koon', k: node.k, children }
          : { kind: node.kind, children };
      frames.at(-1)?.children.push(converted); // the parent's frame, when there is one
      done = converted;
      continue;
    }
    const converted = leaf(next);
    if (converted === undefined) frames.push({ node: next as Inner, children: [] });
    else frame.children.push(converted);
  }
  const node = done as StructureNode;
  return { node, variableCount: model.units.length + blocks.length, blocks };
}
