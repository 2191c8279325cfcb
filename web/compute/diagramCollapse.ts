/**
 * Folding a large fault tree: the gates of a set are drawn without what lies under them (a badge
 * says how many nodes are hidden), so a tree of hundreds of events opens readable and unfolds
 * gate by gate. Pure, unit-tested.
 */
import type { Diagram, DiagramNode } from './diagram.js';

/** A fault tree with more nodes than this opens folded to about this many. */
export const FOLD_ABOVE = 120;

/** Returns each node's children (the ends of its edges), by id. */
function childrenOf(diagram: Diagram): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const edge of diagram.edges) {
    const list = children.get(edge.from) ?? [];
    list.push(edge.to);
    children.set(edge.from, list);
  }
  return children;
}

/** Returns the nodes no edge points to: the top event (or several tops). */
function roots(diagram: Diagram): string[] {
  const pointed = new Set(diagram.edges.map((edge) => edge.to));
  return diagram.nodes.filter((node) => !pointed.has(node.id)).map((node) => node.id);
}

/**
 * Returns the gates to fold when a fault tree opens: none when it has at most `budget` nodes;
 * else the tree is unfolded level by level from the top while it stays within the budget, and
 * the gates of the last level unfolded keep their children folded.
 */
export function initialFolds(diagram: Diagram, budget: number = FOLD_ABOVE): Set<string> {
  if (diagram.kind !== 'faultTree' || diagram.nodes.length <= budget) return new Set();
  const children = childrenOf(diagram);
  const seen = new Set(roots(diagram));
  let frontier = [...seen];
  for (;;) {
    const next = [
      ...new Set(frontier.flatMap((id) => children.get(id) ?? []).filter((id) => !seen.has(id))),
    ];
    if (next.length === 0) return new Set();
    if (seen.size + next.length > budget) {
      return new Set(frontier.filter((id) => (children.get(id) ?? []).some((c) => !seen.has(c))));
    }
    for (const id of next) seen.add(id);
    frontier = next;
  }
}

/**
 * Returns the part of a fault tree that shows with `folded` gates folded: the nodes reached from
 * the top without passing through a folded gate, each folded gate with `hidden`, the number of
 * nodes under it that show nowhere else. Block diagrams are returned as they are.
 */
export function unfoldedPart(diagram: Diagram, folded: ReadonlySet<string>): Diagram {
  if (diagram.kind !== 'faultTree' || folded.size === 0) return diagram;
  const children = childrenOf(diagram);
  const shown = new Set<string>();
  const visit = (id: string): void => {
    if (shown.has(id)) return;
    shown.add(id);
    if (!folded.has(id)) for (const child of children.get(id) ?? []) visit(child);
  };
  roots(diagram).forEach(visit);
  const below = (id: string): number => {
    const under = new Set<string>();
    const walk = (at: string): void => {
      for (const child of children.get(at) ?? []) {
        if (shown.has(child) || under.has(child)) continue;
        under.add(child);
        walk(child);
      }
    };
    walk(id);
    return under.size;
  };
  const nodes: DiagramNode[] = diagram.nodes
    .filter((node) => shown.has(node.id))
    .map((node) => {
      const hidden = folded.has(node.id) ? below(node.id) : 0;
      return hidden > 0 ? { ...node, hidden } : node;
    });
  return {
    ...diagram,
    nodes,
    edges: diagram.edges.filter((edge) => shown.has(edge.from) && shown.has(edge.to)),
  };
}
