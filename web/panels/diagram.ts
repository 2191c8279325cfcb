/**
 * The diagram panel (#diagram-panel): the model's block diagram or fault tree, laid out by ELK
 * off the page's thread (web/views/diagramLayout.ts) and drawn as SVG; blocks and events coloured
 * by an importance factor (the menu is the importance chart's factor), a tooltip with each one's
 * laws and factors, a click that selects its component everywhere (the distribution chart's
 * menu, the sliders of its parameters), zoom buttons and SVG/PNG export.
 */
import type { Diagram, DiagramNode } from '../compute/diagram.js';
import {
  diagramShading,
  rampColour,
  rampText,
  shadeFraction,
  type DiagramShading,
} from '../compute/diagramColours.js';
import { initialFolds, unfoldedPart } from '../compute/diagramCollapse.js';
import { IMPORTANCE_KEYS, IMPORTANCE_LABELS, type ImportanceKey } from '../compute/importance.js';
import { chosenImportanceFactor } from '../state/selectors.js';
import type { AppState, Store } from '../state/store.js';
import type { PlacedDiagram } from '../views/diagramGeometry.js';
import { layoutDiagram } from '../views/diagramLayout.js';
import { NEUTRAL_FILL, renderDiagram, type DrawnNode } from '../views/diagramSvg.js';
import { byId, downloadBlob, downloadText, fillSelect, h } from '../views/dom.js';
import { formatNumber } from '../views/format.js';
import { createLevelChoice } from './importanceLevel.js';

/** The panel's handle for the composition root. */
export interface DiagramPanel {
  /** Lays out and draws the diagram of a new exploration (again only when its structure changed). */
  readonly draw: (state: AppState) => void;
  /** Recolours, re-titles and re-selects the drawn nodes (factor, selection, extras changed). */
  readonly paint: (state: AppState) => void;
}

const MIN_ZOOM = 0.1;
const MAX_ZOOM = 3;
/** The first zoom fits the width, but not below this: a large tree is scrolled instead. */
const FIRST_ZOOM_FLOOR = 0.6;
/** A PNG export has at most this many pixels (browsers refuse larger canvases). */
const MAX_PNG_PIXELS = 16e6;

/** Wires the diagram, its factor menu, zoom and export buttons; a click goes through `store`. */
export function createDiagramPanel(store: Store): DiagramPanel {
  const view = byId('diagram');
  const factorSelect = byId<HTMLSelectElement>('diagram-factor');
  const legend = byId('diagram-legend');
  const note = byId('diagram-note');
  const kindLabel = byId('diagram-kind');
  let drawn:
    | { key: string; placed: PlacedDiagram; svg: SVGSVGElement; nodes: Map<string, DrawnNode> }
    | undefined;
  /** The part drawn (folded gates hide what is under them). */
  let diagram: Diagram | undefined;
  /** The whole diagram of the model, its structure key and its folded gates. */
  let full: Diagram | undefined;
  let lastFullKey = '';
  let folded = new Set<string>();
  /** True until a new model's diagram is drawn: it gets its own first zoom. */
  let fresh = true;
  const unfoldAll = byId('diagram-unfold');
  let zoom = 1;
  let requested = 0;

  fillSelect(
    factorSelect,
    IMPORTANCE_KEYS.map((key) => [key, IMPORTANCE_LABELS[key]]),
    chosenImportanceFactor(store.get()),
  );
  factorSelect.addEventListener('change', () =>
    store.dispatch({ type: 'setImportanceFactor', factor: factorSelect.value as ImportanceKey }),
  );
  const levelOf = createLevelChoice(store, 'diagram-level-chooser', 'diagram-level');

  const applyZoom = (next: number): void => {
    if (!drawn) return;
    zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, next));
    drawn.svg.setAttribute('width', String(Math.round(drawn.placed.width * zoom)));
    drawn.svg.setAttribute('height', String(Math.round(drawn.placed.height * zoom)));
    view.dataset.zoom = zoom.toFixed(2);
  };
  /** The zoom that fits the width, and the height too unless `widthOnly` (the view's 70vh). */
  const fitZoom = (widthOnly: boolean): number => {
    if (!drawn) return 1;
    const width = (view.clientWidth - 8) / drawn.placed.width;
    const height = (window.innerHeight * 0.7 - 8) / drawn.placed.height;
    return Math.min(1, width, widthOnly ? width : height);
  };
  byId('diagram-zoom-in').addEventListener('click', () => applyZoom(zoom * 1.25));
  byId('diagram-zoom-out').addEventListener('click', () => applyZoom(zoom / 1.25));
  byId('diagram-zoom-fit').addEventListener('click', () => applyZoom(fitZoom(false)));
  view.addEventListener(
    'wheel',
    (event) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      applyZoom(zoom * (event.deltaY < 0 ? 1.1 : 1 / 1.1));
    },
    { passive: false },
  );
  addExportButtons(() => drawn);

  const select = (node: DiagramNode): void => {
    if (node.component !== undefined) {
      store.dispatch({ type: 'select', name: undefined });
      store.dispatch({ type: 'setWhatIf', settings: { component: node.component } });
    } else {
      store.dispatch({ type: 'select', name: node.label });
    }
  };

  const paint = (state: AppState): void => {
    if (!drawn || !diagram) return;
    const solution = state.exploration?.solution;
    const result = solution?.ok ? solution.result : undefined;
    const factor = chosenImportanceFactor(state);
    const level = levelOf(state);
    const nodes = diagram.nodes;
    const shading = diagramShading(nodes, result, factor, state.extras?.importance, level);
    const groups = level === 'component' ? result?.measures.componentImportance : undefined;
    factorSelect.value = factor;
    factorSelect.disabled = result?.measures.importance === undefined;
    showLegend(legend, shading);
    const chosen = state.view.component;
    for (const node of nodes) {
      const shown = drawn.nodes.get(node.id);
      if (!shown) continue;
      const value = shading.values.get(node.id);
      const colourable = node.importance !== undefined || node.component !== undefined;
      if (colourable) {
        const fraction = value === undefined ? undefined : shadeFraction(value, shading);
        shown.shape.setAttribute(
          'fill',
          fraction === undefined ? NEUTRAL_FILL : rampColour(fraction),
        );
        shown.element.dataset.value = value === undefined ? '' : String(value);
        for (const text of shown.texts) text.setAttribute('fill', rampText(fraction ?? 0));
      }
      const selected =
        (chosen !== undefined && node.component === chosen) ||
        (node.component === undefined && node.label === state.selected && node.kind === 'event');
      shown.outline.setAttribute('visibility', selected ? 'visible' : 'hidden');
      shown.element.classList.toggle('selected', selected);
      const own =
        groups && node.component !== undefined && groups[node.component]
          ? { [node.component]: groups[node.component]! }
          : undefined;
      shown.title.textContent = own
        ? tooltip({ ...node, importance: [node.component!] }, own, shading, value, true)
        : tooltip(node, result?.measures.importance, shading, value);
    }
    const owner = chosen ?? state.selected;
    highlightParameters(owner === undefined ? [] : (diagram.parameterUses?.[owner] ?? []));
  };

  /** Lays out and draws the unfolded part of `full`, then paints it. */
  const layout = (full: Diagram): void => {
    const next = unfoldedPart(full, folded);
    diagram = next;
    unfoldAll.hidden = folded.size === 0;
    const key = structureKey(next);
    if (drawn?.key === key) {
      paint(store.get());
      return;
    }
    const ticket = ++requested;
    if (next.nodes.length === 0) {
      drawn = undefined;
      view.replaceChildren();
      legend.replaceChildren();
      return;
    }
    view.setAttribute('aria-busy', 'true');
    void layoutDiagram(next).then(
      (placed) => {
        if (ticket !== requested) return;
        const rendered = renderDiagram(placed);
        drawn = { key, placed, ...rendered };
        rendered.svg.setAttribute(
          'aria-label',
          `${kindLabel.textContent} of ${store.get().exploration?.name ?? 'the model'}`,
        );
        for (const shown of rendered.nodes.values()) wireNode(shown, select, toggleFold);
        view.replaceChildren(rendered.svg);
        view.removeAttribute('aria-busy');
        applyZoom(fresh ? Math.max(fitZoom(true), FIRST_ZOOM_FLOOR) : zoom);
        fresh = false;
        paint(store.get());
      },
      (error: unknown) => {
        if (ticket !== requested) return;
        view.removeAttribute('aria-busy');
        note.textContent = `the diagram could not be laid out: ${String(error)}`;
      },
    );
  };

  /** Folds an unfolded gate, unfolds a folded one. */
  const toggleFold = (node: DiagramNode): void => {
    if (!folded.delete(node.id)) folded.add(node.id);
    if (full) layout(full);
  };
  unfoldAll.addEventListener('click', () => {
    folded.clear();
    if (full) layout(full);
  });

  const draw = (state: AppState): void => {
    const next = state.exploration?.diagram;
    if (!next) return;
    kindLabel.textContent =
      next.kind === 'faultTree' ? 'fault tree' : next.kind === 'blocks' ? 'block diagram' : '';
    const fold = next.kind === 'faultTree' ? ['a click on a gate folds or unfolds it'] : [];
    note.textContent = [...(next.note === undefined ? [] : [next.note]), ...fold].join('; ');
    const fullKey = structureKey(next);
    if (fullKey !== lastFullKey) {
      lastFullKey = fullKey;
      folded = initialFolds(next);
      fresh = true;
    }
    full = next;
    layout(next);
  };
  return { draw, paint };
}

/** Returns what decides the layout: every node's kind, names and nesting, and the edges. */
function structureKey(diagram: Diagram): string {
  return JSON.stringify([
    diagram.kind,
    diagram.nodes.map((n) => [n.id, n.kind, n.parent, n.label, n.note, n.gate, n.uses, n.hidden]),
    diagram.edges.map((e) => [e.from, e.to]),
  ]);
}

/**
 * Makes a node clickable (and reachable with the keyboard): a block or event selects itself, a
 * gate folds or unfolds.
 */
function wireNode(
  shown: DrawnNode,
  select: (node: DiagramNode) => void,
  toggleFold: (node: DiagramNode) => void,
): void {
  const { node, element } = shown;
  const gate = node.kind === 'gate';
  if (node.component === undefined && node.kind !== 'event' && !gate) return;
  const act = () => (gate ? toggleFold(node) : select(node));
  element.setAttribute('tabindex', '0');
  element.setAttribute('role', 'button');
  const name = node.label === '' ? `${node.note ?? ''} gate` : node.label;
  element.setAttribute(
    'aria-label',
    gate ? `${node.hidden === undefined ? 'fold' : 'unfold'} ${name}` : `select ${name}`,
  );
  element.style.cursor = 'pointer';
  element.addEventListener('click', act);
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    act();
  });
}

/**
 * Returns a node's tooltip: its name, laws or probability, marks and importance factors (`group`:
 * those of its component as the group of its units).
 */
function tooltip(
  node: DiagramNode,
  importance: Readonly<Record<string, Readonly<Record<ImportanceKey, number | null>>>> | undefined,
  shading: DiagramShading,
  value: number | undefined,
  group = false,
): string {
  const lines = [node.note === undefined ? node.label : `${node.label} (${node.note})`];
  lines.push(...(node.details ?? []));
  if (node.commonCause !== undefined) lines.push(node.commonCause);
  if ((node.uses ?? 1) > 1) lines.push(`used at ${node.uses} places`);
  const names = node.importance ?? [];
  const first = names[0] === undefined ? undefined : importance?.[names[0]];
  if (first) {
    if (group) lines.push(`importance of ${names[0]}, its units as a group:`);
    else if (names.length > 1) lines.push(`importance of ${names[0]} (of ${names.length} units):`);
    lines.push(
      IMPORTANCE_KEYS.map(
        (key) => `${IMPORTANCE_LABELS[key]} ${formatNumber(first[key] ?? undefined)}`,
      ).join(', '),
    );
  } else if (value !== undefined) {
    lines.push(`${shading.title} ${formatNumber(value)}`);
  }
  return lines.join('\n');
}

/** Shows the ramp from 0 (or 1 for RAW and RRW) to the largest value, and the neutral swatch. */
function showLegend(legend: HTMLElement, shading: DiagramShading): void {
  if (shading.values.size === 0) {
    legend.replaceChildren(h('span', { class: 'hint', text: 'no importance to colour by' }));
    return;
  }
  const ramp = h('span', { class: 'diagram-ramp' });
  ramp.style.background = `linear-gradient(to right, ${rampColour(0)}, ${rampColour(0.5)}, ${rampColour(1)})`;
  legend.replaceChildren(
    h('span', { text: `${shading.title}: ${shading.ratio ? '1' : '0'}` }),
    ramp,
    h('span', { text: `${formatNumber(shading.max)}${shading.ratio ? ' (log)' : ''}` }),
    h('span', { class: 'diagram-swatch' }),
    h('span', { text: 'no value' }),
  );
}

/** Marks the parameter rows (web/views/parameters.ts) of `names`; clears the others. */
function highlightParameters(names: readonly string[]): void {
  const wanted = new Set(names);
  for (const row of document.querySelectorAll<HTMLElement>('#parameters .param')) {
    const input = row.querySelector<HTMLElement>('[data-param]');
    row.classList.toggle('diagram-uses', wanted.has(input?.dataset.param ?? ''));
  }
}

/** Adds the SVG and PNG buttons to #diagram-exports. */
function addExportButtons(
  current: () => { placed: PlacedDiagram; svg: SVGSVGElement } | undefined,
): void {
  const holder = byId('diagram-exports');
  const standalone = (): { text: string; width: number; height: number } | undefined => {
    const shown = current();
    if (!shown) return undefined;
    const copy = shown.svg.cloneNode(true) as SVGSVGElement;
    const { width, height } = shown.placed;
    copy.setAttribute('width', String(Math.ceil(width)));
    copy.setAttribute('height', String(Math.ceil(height)));
    return { text: new XMLSerializer().serializeToString(copy), width, height };
  };
  const svgButton = h('button', {
    type: 'button',
    text: 'SVG',
    'aria-label': 'download the diagram as svg',
  });
  svgButton.addEventListener('click', () => {
    const file = standalone();
    if (file) downloadText('relkit-diagram.svg', file.text, 'image/svg+xml');
  });
  const pngButton = h('button', {
    type: 'button',
    text: 'PNG',
    'aria-label': 'download the diagram as png',
  });
  pngButton.addEventListener('click', () => {
    const file = standalone();
    if (!file) return;
    const scale = Math.min(2, Math.sqrt(MAX_PNG_PIXELS / (file.width * file.height)));
    const image = new Image();
    image.addEventListener('load', () => {
      const canvas = h('canvas', {
        width: Math.ceil(file.width * scale),
        height: Math.ceil(file.height * scale),
      });
      const context = canvas.getContext('2d');
      if (!context) return;
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => {
        if (blob) downloadBlob('relkit-diagram.png', blob);
      }, 'image/png');
    });
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(file.text)}`;
  });
  holder.append(svgButton, pngButton);
}
