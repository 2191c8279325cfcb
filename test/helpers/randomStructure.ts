import type { StructureNode } from '../../src/structure/StructureNode.js';
import { element } from './element.js';
import { c, koon, parallel, series } from './structures.js';

// At most 10 components: the importance tests enumerate all 2^m states.
const MAX_COMPONENTS = 10;

/** A random tree of series, parallel, k-of-n and network nodes; components may be shared. */
export function randomStructure(random: () => number): { node: StructureNode; m: number } {
  let next = 0;
  const pick = (n: number): number => Math.floor(random() * n);
  const component = (): number =>
    next === 0 || (random() < 0.8 && next < MAX_COMPONENTS) ? next++ : pick(next);
  const tree = (depth: number): StructureNode => {
    const roll = depth === 0 ? 1 : random();
    if (depth === 3 || roll < 0.3) return c(component());
    if (roll < 0.4) {
      const names = ['s', 'a', 'b', 't'];
      const count = 1 + pick(5);
      const edges = Array.from({ length: count }, (_, e) => ({
        from: e === 0 ? 's' : element(names, pick(4)),
        to: e === count - 1 ? 't' : element(names, pick(4)),
        component: component(),
      }));
      return { kind: 'network', source: 's', sink: 't', edges };
    }
    const children = Array.from({ length: (depth === 0 ? 2 : 0) + pick(4) }, () => tree(depth + 1));
    const kind = pick(3);
    return kind === 0
      ? series(...children)
      : kind === 1
        ? parallel(...children)
        : koon(pick(children.length + 1), ...children);
  };
  const node = tree(0);
  return { node, m: next };
}
