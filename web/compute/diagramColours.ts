/**
 * The colours of a diagram's blocks and events by importance: each node's value of the chosen
 * factor (the result's `measures.importance`, per unit or event, or its `componentImportance`,
 * each block its component's group value; else the library's group Birnbaum per component),
 * scaled to the largest, on a white-to-red ramp. Pure, unit-tested.
 */
import type { ComponentImportance, Result } from '../../src/index.js';
import type { DiagramNode } from './diagram.js';
import { IMPORTANCE_LABELS, type ImportanceKey, type ImportanceLevel } from './importance.js';

/** The values the diagram colours by, and what they are. */
export interface DiagramShading {
  /** The legend's title: the factor (`RAW of each component`), or `Birnbaum of each component`. */
  readonly title: string;
  /** Each node's value by node id (nodes without a value are absent). */
  readonly values: ReadonlyMap<string, number>;
  /** The largest value (the ramp's end); 0 when no node has a value. */
  readonly max: number;
  /** RAW and RRW are ratios from 1: their ramp is logarithmic from 1 to max. */
  readonly ratio: boolean;
}

/**
 * Returns each node's value of `factor`: from the result's importance (a node standing for
 * several units gets their largest), at `level` component from the result's factors per
 * component (every block of a component gets the component's), or, when the result has none,
 * from `summed` (group Birnbaum) per component.
 */
export function diagramShading(
  nodes: readonly DiagramNode[],
  result: Result | undefined,
  factor: ImportanceKey,
  summed: ComponentImportance | undefined,
  level: ImportanceLevel = 'unit',
): DiagramShading {
  const importance = result?.measures.importance;
  const perComponent = level === 'component' ? result?.measures.componentImportance : undefined;
  const values = new Map<string, number>();
  if (perComponent) {
    for (const node of nodes) {
      const value =
        node.component === undefined ? undefined : perComponent[node.component]?.[factor];
      if (typeof value === 'number' && Number.isFinite(value)) values.set(node.id, value);
    }
  } else if (importance) {
    for (const node of nodes) {
      const found = (node.importance ?? [])
        .map((name) => importance[name]?.[factor])
        .filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
      if (found.length > 0) values.set(node.id, Math.max(...found));
    }
  } else if (summed) {
    const byComponent = new Map(summed.components.map((name, i) => [name, summed.values[i]!]));
    for (const node of nodes) {
      const value = node.component === undefined ? undefined : byComponent.get(node.component);
      if (value !== undefined && Number.isFinite(value)) values.set(node.id, value);
    }
  }
  const ratio = importance !== undefined && (factor === 'raw' || factor === 'rrw');
  return {
    title: perComponent
      ? `${IMPORTANCE_LABELS[factor]} of each component`
      : importance
        ? IMPORTANCE_LABELS[factor]
        : summed
          ? 'Birnbaum of each component'
          : '',
    values,
    max: Math.max(0, ...values.values()),
    ratio,
  };
}

/** Returns where a value lies on the ramp, in [0, 1]. */
export function shadeFraction(value: number, shading: DiagramShading): number {
  if (shading.ratio) {
    if (shading.max <= 1 || value <= 1) return 0;
    return Math.min(1, Math.log(value) / Math.log(shading.max));
  }
  return shading.max > 0 ? Math.min(1, Math.max(0, value / shading.max)) : 0;
}

// From a pale yellow to a dark red (ColorBrewer YlOrRd ends): legible text on either end.
const LOW = [255, 247, 188] as const;
const HIGH = [189, 0, 38] as const;

/** Returns the fill colour of a fraction of the ramp, `rgb(r, g, b)`. */
export function rampColour(fraction: number): string {
  const mix = (i: 0 | 1 | 2) => Math.round(LOW[i] + (HIGH[i] - LOW[i]) * fraction);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

/** Returns the text colour that reads on a fill of the ramp. */
export function rampText(fraction: number): string {
  return fraction > 0.55 ? '#ffffff' : '#1b1f24';
}
