/**
 * The geometry of a diagram (web/compute/diagram.ts) for ELK: the size of each node from its
 * kind and label, the nested ELK graph with its layout options, and the laid-out graph read back
 * as absolute positions. Pure (no DOM, no ELK call): web/views/diagramLayout.ts runs ELK.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Diagram, DiagramEdge, DiagramNode } from '../compute/diagram.js';

/** Width of one character of the diagram's 12 px sans-serif labels, a safe estimate. */
export const CHAR_WIDTH = 7;
/** Labels longer than this are cut with … (the tooltip has the whole name). */
export const LABEL_CHARS = 28;
/** Height of a fault-tree node's name box; the gate or event symbol is drawn under it. */
export const NAME_BOX = 22;
/** Height of the symbol under a fault-tree node's name box. */
export const SYMBOL = 34;
/** A series of more blocks than this is wrapped into rows. */
export const WRAP_SERIES_ABOVE = 10;
/** Height of the badge under a folded gate. */
export const FOLD_BADGE = 18;
/** Room for a group's caption above its children. */
const CAPTION = 22;

/** A node placed: its box in the diagram's coordinates. */
export interface PlacedNode {
  readonly node: DiagramNode;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An edge placed: its polyline in the diagram's coordinates. */
export interface PlacedEdge {
  readonly edge: DiagramEdge;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

/** A diagram laid out. */
export interface PlacedDiagram {
  readonly diagram: Diagram;
  readonly width: number;
  readonly height: number;
  /** Groups first (parents before children), so frames are drawn under their contents. */
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

/** Returns a label cut to LABEL_CHARS characters (with …). */
export function shortLabel(label: string): string {
  return label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
}

/** Returns the width and height of a node that is not a group (ELK sizes groups). */
export function nodeSize(node: DiagramNode): { width: number; height: number } {
  const text = (s: string | undefined, min: number) =>
    Math.max(min, shortLabel(s ?? '').length * CHAR_WIDTH + 16);
  const textWidth = Math.max(text(node.label, 0), text(node.note, 0));
  switch (node.kind) {
    case 'block':
      return { width: Math.max(56, textWidth), height: node.note === undefined ? 30 : 42 };
    case 'event':
    case 'house':
    case 'gate':
      return {
        width: Math.max(72, text(node.label, 0)),
        height: NAME_BOX + SYMBOL + (node.hidden === undefined ? 0 : FOLD_BADGE),
      };
    case 'junction':
      return node.label === '' ? { width: 8, height: 8 } : { width: 36, height: 36 };
    case 'switch':
      return { width: Math.max(56, textWidth), height: node.note === undefined ? 30 : 42 };
    case 'terminal':
      return { width: Math.max(30, textWidth), height: node.note === undefined ? 28 : 40 };
    case 'group':
      return { width: 0, height: 0 };
  }
}

/** Up to this many nodes, ELK weighs the written order against crossings (slow beyond). */
export const ORDERED_UP_TO = 150;

// Layered layout with orthogonal edges; edges from one node merged into one line.
const COMMON_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.mergeEdges': 'true',
} as const;

/**
 * The options that keep the written order of children. A small group (or diagram) asks ELK to
 * consider the model order while it minimises crossings. On a large one that made a tree of 480 nodes take
 * 40 s instead of 3 s, so it gets no crossing minimisation and its edges in reverse (ELK places
 * the ends of later edges first): a tree has no crossings in its written order, and a shared gate
 * adds a few.
 */
function orderOptions(large: boolean): Record<string, string> {
  return large
    ? { 'elk.layered.crossingMinimization.strategy': 'NONE' }
    : { 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES' };
}

/** Returns the diagram as a nested ELK graph: groups hold their children and edges. */
export function toElkGraph(diagram: Diagram): ElkNode {
  const topDown = diagram.kind === 'faultTree';
  const childCount = new Map<string, number>();
  for (const node of diagram.nodes) {
    const parent = node.parent ?? 'root';
    childCount.set(parent, (childCount.get(parent) ?? 0) + 1);
  }
  // Each group is laid out on its own: the cost is the size of each.
  const isLarge = (id: string) => (childCount.get(id) ?? 0) > ORDERED_UP_TO;
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      ...COMMON_OPTIONS,
      'elk.direction': topDown ? 'DOWN' : 'RIGHT',
      'elk.spacing.nodeNode': topDown ? '14' : '16',
      'elk.layered.spacing.nodeNodeBetweenLayers': topDown ? '36' : '24',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
      ...orderOptions(isLarge('root')),
    },
    children: [],
    edges: [],
  };
  const elkNodes = new Map<string, ElkNode>([['root', root]]);
  for (const node of diagram.nodes) {
    const elkNode: ElkNode =
      node.kind === 'group'
        ? {
            id: node.id,
            layoutOptions: {
              ...COMMON_OPTIONS,
              ...orderOptions(isLarge(node.id)),
              'elk.direction': 'RIGHT',
              'elk.spacing.nodeNode': '10',
              'elk.layered.spacing.nodeNodeBetweenLayers': '18',
              'elk.padding': `[top=${node.label === '' ? 10 : CAPTION},left=10,bottom=10,right=10]`,
              // A long series is cut into rows, read left to right and top to bottom.
              ...(node.group === 'series' &&
                (childCount.get(node.id) ?? 0) > WRAP_SERIES_ABOVE && {
                  'elk.layered.wrapping.strategy': 'MULTI_EDGE',
                  'elk.aspectRatio': '1.6',
                }),
            },
            children: [],
            edges: [],
          }
        : { id: node.id, ...nodeSize(node) };
    elkNodes.set(node.id, elkNode);
    elkNodes.get(node.parent ?? 'root')!.children!.push(elkNode); // parents come first
  }
  const parentOf = new Map(diagram.nodes.map((node) => [node.id, node.parent ?? 'root']));
  for (const edge of diagram.edges) {
    const elkEdge: ElkExtendedEdge = { id: edge.id, sources: [edge.from], targets: [edge.to] };
    elkNodes.get(parentOf.get(edge.from) ?? 'root')!.edges!.push(elkEdge); // the ids exist
  }
  for (const [id, elkNode] of elkNodes) if (isLarge(id)) elkNode.edges?.reverse();
  return root;
}

/** Returns the laid-out ELK graph as absolute boxes and polylines. */
export function placeDiagram(diagram: Diagram, laidOut: ElkNode): PlacedDiagram {
  const byId = new Map(diagram.nodes.map((node) => [node.id, node]));
  const edgesById = new Map(diagram.edges.map((edge) => [edge.id, edge]));
  const nodes: PlacedNode[] = [];
  const edges: PlacedEdge[] = [];
  const walk = (elkNode: ElkNode, dx: number, dy: number): void => {
    for (const elkEdge of elkNode.edges ?? []) {
      const edge = edgesById.get(elkEdge.id);
      const section = elkEdge.sections?.[0];
      if (!edge || !section) continue;
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
      edges.push({ edge, points: points.map((p) => ({ x: p.x + dx, y: p.y + dy })) });
    }
    for (const child of elkNode.children ?? []) {
      const node = byId.get(child.id);
      const x = (child.x ?? 0) + dx;
      const y = (child.y ?? 0) + dy;
      if (node) {
        nodes.push({ node, x, y, width: child.width ?? 0, height: child.height ?? 0 });
      }
      walk(child, x, y);
    }
  };
  walk(laidOut, 0, 0);
  return { diagram, width: laidOut.width ?? 0, height: laidOut.height ?? 0, nodes, edges };
}
