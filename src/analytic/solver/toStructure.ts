import type { Model, SystemNode } from '../../model/Model.js';
import type { StructureNode } from '../structure/StructureNode.js';

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
 */
export function toStructure(model: Model, system: SystemNode): ModelStructure {
  const blocks: StandbyBlock[] = [];
  const convert = (node: SystemNode): StructureNode => {
    switch (node.kind) {
      case 'unit':
        return { kind: 'component', component: node.unit };
      case 'series':
      case 'parallel':
        return { kind: node.kind, children: node.children.map(convert) };
      case 'koon':
        return { kind: 'koon', k: node.k, children: node.children.map(convert) };
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
    }
  };
  const node = convert(system);
  return { node, variableCount: model.units.length + blocks.length, blocks };
}
