/**
 * Draws a laid-out diagram (web/views/diagramGeometry.ts) as SVG: group frames, then edges, then
 * blocks, events, house events and gates with their fault-tree symbols. Styles are presentation
 * attributes, so the exported file looks the same on its own. Every label is textContent: a
 * model's names never become markup.
 */
import type { DiagramNode } from '../compute/diagram.js';
import {
  NAME_BOX,
  SYMBOL,
  shortLabel,
  type PlacedDiagram,
  type PlacedNode,
} from './diagramGeometry.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
/** The stroke of a node that is not selected. */
export const NODE_STROKE = '#57606a';
const COMMON_CAUSE = '#8250df';
/** The fill of a node without an importance value. */
export const NEUTRAL_FILL = '#ffffff';
const SELECTED = '#0969da';

/** A drawn node that the panel recolours: its shape to fill, its texts, its tooltip. */
export interface DrawnNode {
  readonly node: DiagramNode;
  readonly element: SVGGElement;
  /** The shape that the importance colour fills (a block's box, an event's circle). */
  readonly shape: SVGElement;
  /** The texts drawn on that shape, whose colour follows its fill. */
  readonly texts: readonly SVGTextElement[];
  readonly title: SVGTitleElement;
  /** A frame around the node, shown while it is selected. */
  readonly outline: SVGRectElement;
}

/** Returns an SVG element with attributes. */
function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function text(
  x: number,
  y: number,
  content: string,
  attributes: Record<string, string | number> = {},
): SVGTextElement {
  const element = svg('text', {
    x,
    y,
    'text-anchor': 'middle',
    'dominant-baseline': 'central',
    'font-size': 12,
    fill: '#1b1f24',
    ...attributes,
  });
  element.textContent = content;
  return element;
}

/** Returns the SVG of a placed diagram, and its nodes by id for recolouring. */
export function renderDiagram(placed: PlacedDiagram): {
  svg: SVGSVGElement;
  nodes: Map<string, DrawnNode>;
} {
  const root = svg('svg', {
    xmlns: SVG_NS,
    viewBox: `0 0 ${placed.width} ${placed.height}`,
    'font-family': FONT,
    role: 'img',
  });
  root.append(svg('rect', { width: placed.width, height: placed.height, fill: '#ffffff' }));
  const frames = svg('g', { class: 'dg-frames' });
  const lines = svg('g', { class: 'dg-edges', fill: 'none', stroke: NODE_STROKE });
  const shapes = svg('g', { class: 'dg-nodes' });
  root.append(frames, lines, shapes);
  for (const { edge, points } of placed.edges) {
    lines.append(
      svg('polyline', {
        points: points.map((p) => `${p.x},${p.y}`).join(' '),
        'stroke-width': 1.2,
        ...(edge.dashed && { 'stroke-dasharray': '4 3' }),
      }),
    );
  }
  const nodes = new Map<string, DrawnNode>();
  for (const placedNode of placed.nodes) {
    if (placedNode.node.kind === 'group') frames.append(drawGroup(placedNode));
    else {
      const drawn = drawNode(placedNode);
      shapes.append(drawn.element);
      nodes.set(placedNode.node.id, drawn);
    }
  }
  return { svg: root, nodes };
}

function drawGroup({ node, x, y, width, height }: PlacedNode): SVGGElement {
  const group = svg('g', { class: 'dg-group', 'data-group': node.group ?? '' });
  const series = node.group === 'series';
  group.append(
    svg('rect', {
      x,
      y,
      width,
      height,
      rx: 6,
      fill: series ? 'none' : '#f6f8fa',
      stroke: series ? '#d0d7de' : '#afb8c1',
      ...(series && { 'stroke-dasharray': '2 3' }),
    }),
  );
  if (node.label !== '') {
    group.append(
      text(x + 8, y + 11, node.label, {
        'text-anchor': 'start',
        'font-size': 11,
        fill: '#57606a',
      }),
    );
  }
  return group;
}

function drawNode(placed: PlacedNode): DrawnNode {
  const { node } = placed;
  const element = svg('g', {
    class: `dg-node dg-${node.kind}`,
    'data-node': node.id,
    ...(node.gate !== undefined && { 'data-gate': node.gate }),
    ...(node.component !== undefined && { 'data-component': node.component }),
  });
  const title = svg('title');
  const { x, y, width, height } = placed;
  const outline = svg('rect', {
    x: x - 4,
    y: y - 4,
    width: width + 8,
    height: height + 8,
    rx: 6,
    fill: 'none',
    stroke: SELECTED,
    'stroke-width': 3,
    visibility: 'hidden',
  });
  element.append(title, outline);
  const drawn = ((): Omit<DrawnNode, 'node' | 'element' | 'title' | 'outline'> => {
    switch (node.kind) {
      case 'event':
      case 'house':
      case 'gate':
        return drawTreeNode(element, placed);
      case 'junction':
        return drawJunction(element, placed);
      default:
        return drawBox(element, placed);
    }
  })();
  if ((node.uses ?? 1) > 1) {
    element.append(
      svg('rect', { x: x + width - 22, y: y - 7, width: 24, height: 14, rx: 7, fill: '#0969da' }),
      text(x + width - 10, y, `×${node.uses}`, { 'font-size': 10, fill: '#ffffff' }),
    );
  }
  return { node, element, title, outline, ...drawn };
}

/** A block, switch or network terminal: a box with its name and note. */
function drawBox(element: SVGGElement, { node, x, y, width, height }: PlacedNode) {
  const terminal = node.kind === 'terminal';
  const shape = svg('rect', {
    x,
    y,
    width,
    height,
    rx: terminal ? height / 2 : node.kind === 'switch' ? 0 : 4,
    fill: node.kind === 'switch' ? '#eaeef2' : NEUTRAL_FILL,
    stroke: node.commonCause ? COMMON_CAUSE : NODE_STROKE,
    'stroke-width': node.isEnd ? 2 : 1.2,
    ...(node.isCommonCause && { 'stroke-dasharray': '5 3' }),
  });
  element.append(shape);
  const texts: SVGTextElement[] = [];
  const middle = x + width / 2;
  if (node.note === undefined) {
    texts.push(text(middle, y + height / 2, shortLabel(node.label)));
  } else {
    texts.push(
      text(middle, y + height / 2 - 7, shortLabel(node.label), {
        'font-weight': node.isEnd ? 600 : 400,
      }),
      text(middle, y + height / 2 + 9, node.note, { 'font-size': 10, fill: '#57606a' }),
    );
  }
  element.append(...texts);
  return { shape, texts };
}

/** A split point (a dot) or a k-of-n voter (a circle with k/n). */
function drawJunction(element: SVGGElement, { node, x, y, width, height }: PlacedNode) {
  const cx = x + width / 2;
  const cy = y + height / 2;
  const shape = svg('circle', {
    cx,
    cy,
    r: width / 2,
    fill: node.label === '' ? NODE_STROKE : '#eaeef2',
    stroke: NODE_STROKE,
  });
  element.append(shape);
  const texts = node.label === '' ? [] : [text(cx, cy, node.label, { 'font-weight': 600 })];
  element.append(...texts);
  return { shape, texts };
}

/** A fault-tree node: its name in a box, the gate or event symbol under it. */
function drawTreeNode(element: SVGGElement, { node, x, y, width }: PlacedNode) {
  const cx = x + width / 2;
  const top = y + NAME_BOX;
  const symbol = treeSymbol(node, cx, top + 4, SYMBOL - 4);
  // An inline (unnamed) gate has no name box: a line from its parent's edge to its symbol.
  const named = node.label !== '';
  element.append(
    svg('line', { x1: cx, y1: named ? top : y, x2: cx, y2: top + 4, stroke: NODE_STROKE }),
  );
  if (named) {
    element.append(
      svg('rect', { x, y, width, height: NAME_BOX, fill: NEUTRAL_FILL, stroke: NODE_STROKE }),
      text(cx, y + NAME_BOX / 2, shortLabel(node.label)),
    );
  }
  element.append(...symbol.parts, ...symbol.texts);
  if (node.hidden !== undefined) {
    const badgeTop = top + SYMBOL + 2;
    element.append(
      svg('rect', { x: cx - 24, y: badgeTop, width: 48, height: 14, rx: 7, fill: '#6e7781' }),
      text(cx, badgeTop + 7, `+${node.hidden}`, { 'font-size': 10, fill: '#ffffff' }),
    );
  }
  // An event or house event is coloured in its symbol, with the texts drawn on it.
  return { shape: symbol.shape, texts: symbol.texts };
}

/** The symbol of a gate (AND, OR, vote, NOT, XOR, NAND, NOR), basic event or house event. */
function treeSymbol(
  node: DiagramNode,
  cx: number,
  top: number,
  size: number,
): { shape: SVGElement; parts: SVGElement[]; texts: SVGTextElement[] } {
  const stroke = node.commonCause ? COMMON_CAUSE : NODE_STROKE;
  const base = { fill: NEUTRAL_FILL, stroke, 'stroke-width': 1.2 };
  const bottom = top + size;
  const half = 17;
  const small = (content: string, y: number) =>
    text(cx, y, content, { 'font-size': 9, 'font-weight': 600, fill: '#1b1f24' });
  if (node.kind === 'event') {
    const r = size / 2 - 1;
    const shape = svg('circle', { cx, cy: top + size / 2, r, ...base });
    const parts: SVGElement[] = [shape];
    if (node.isCommonCause) {
      parts.push(svg('circle', { cx, cy: top + size / 2, r: r - 4, fill: 'none', stroke }));
    }
    return { shape, parts, texts: node.isCommonCause ? [small('CCF', top + size / 2)] : [] };
  }
  if (node.kind === 'house') {
    const path = `M ${cx - 13} ${bottom} V ${top + 10} L ${cx} ${top} L ${cx + 13} ${top + 10} V ${bottom} Z`;
    const shape = svg('path', { d: path, ...base });
    return { shape, parts: [shape], texts: [small(node.note ?? '', top + size / 2 + 4)] };
  }
  const gate = node.gate ?? 'or';
  const negated = gate === 'nand' || gate === 'nor' || gate === 'not';
  const bodyTop = negated ? top + 7 : top;
  const andPath = `M ${cx - half} ${bottom} V ${bodyTop + half} A ${half} ${half} 0 0 1 ${cx + half} ${bodyTop + half} V ${bottom} Z`;
  const orPath = `M ${cx - half} ${bottom} Q ${cx} ${bottom - 8} ${cx + half} ${bottom} Q ${cx + half} ${bodyTop + 10} ${cx} ${bodyTop} Q ${cx - half} ${bodyTop + 10} ${cx - half} ${bottom} Z`;
  const notPath = `M ${cx - half + 3} ${bottom} L ${cx} ${bodyTop} L ${cx + half - 3} ${bottom} Z`;
  const d = gate === 'and' || gate === 'nand' ? andPath : gate === 'not' ? notPath : orPath;
  const shape = svg('path', { d, ...base });
  const parts: SVGElement[] = [shape];
  if (gate === 'xor') {
    parts.push(
      svg('path', {
        d: `M ${cx - half} ${bottom + 4} Q ${cx} ${bottom - 4} ${cx + half} ${bottom + 4}`,
        fill: 'none',
        stroke,
      }),
    );
  }
  if (negated) parts.push(svg('circle', { cx, cy: top + 3.5, r: 3.5, ...base }));
  const word = node.note ?? '';
  return { shape, parts, texts: [small(word, bottom - 9)] };
}
