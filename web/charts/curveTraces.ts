/**
 * Result → plotly traces of R(t) or A(t): exact curves of the live scenario and of each pin, and
 * a simulated mean with its 95 % band; and the layout of their plot. Pure functions over plain
 * data, unit-tested.
 */
import type { Data, Layout } from 'plotly.js-dist-min';
import type { Curve, Result } from '../../src/index.js';
import { BASE_LAYOUT, emptyLayout, plotText } from './layout.js';

/** Which time-dependent measure to draw. */
export type CurveMeasure = 'reliability' | 'availability';

/** Linear R(t), or the complement 1 − R(t) on a log axis. */
export type CurveScale = 'linear' | 'log';

/** One result to draw, with its legend name and colour. */
export interface CurveSeries {
  readonly name: string;
  readonly result: Result;
  readonly color: string;
}

/** Colours of the live scenario (first) and the pins, in order (colour-blind safe, Okabe–Ito). */
export const SERIES_COLORS: readonly string[] = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#F0E442',
  '#999999',
];

/**
 * Returns the measure to draw: the wanted one, unless the result lacks it and has the other.
 */
export function shownCurveMeasure(wanted: CurveMeasure, result: Result | undefined): CurveMeasure {
  const has = (measure: CurveMeasure) => result?.measures[measure] !== undefined;
  if (wanted === 'reliability' && !has('reliability') && has('availability')) return 'availability';
  if (wanted === 'availability' && !has('availability') && has('reliability')) return 'reliability';
  return wanted;
}

/**
 * Returns the traces of one measure for every series that has it: a line per exact curve; for a
 * curve with `lo`/`hi` (simulation) a shaded 95 % band under a dashed mean. On the log scale
 * values are 1 − x, and points where that is not > 0 are gaps (null) since a log axis cannot
 * show them.
 */
export function curveTraces(
  series: readonly CurveSeries[],
  measure: CurveMeasure,
  scale: CurveScale,
): Data[] {
  const traces: Data[] = [];
  for (const entry of series) {
    const { result, color } = entry;
    // A pin's name is typed by the user (or comes in a link): shown as written.
    const name = plotText(entry.name);
    const curve = result.measures[measure];
    if (!curve) continue;
    const y = (values: readonly number[]) => values.map((v) => shown(v, scale));
    if (curve.lo && curve.hi) traces.push(...bandTraces(name, curve, color, scale));
    traces.push({
      type: 'scatter',
      mode: 'lines',
      name: result.method === 'simulation' ? `${name} (simulated mean)` : name,
      x: [...curve.t],
      y: y(curve.values),
      line: { color, width: 2, ...(result.method === 'simulation' && { dash: 'dash' }) },
    });
  }
  return traces;
}

/**
 * Returns the layout of the curve plot: axis titles and types, or when there is no curve to draw
 * (`empty`) no axes and a note saying so.
 */
export function curveLayout(
  measure: CurveMeasure,
  scale: CurveScale,
  timeUnit: string,
  empty = false,
): Partial<Layout> {
  if (empty) return emptyLayout('no time-dependent curve for this model (see the results above)');
  const symbol = measure === 'reliability' ? 'R' : 'A';
  return {
    ...BASE_LAYOUT,
    xaxis: { title: { text: `t (${plotText(timeUnit)})` } },
    yaxis:
      scale === 'log'
        ? { title: { text: `1 − ${symbol}(t)` }, type: 'log', exponentformat: 'power' }
        : { title: { text: `${symbol}(t)` }, type: 'linear' },
  };
}

function bandTraces(name: string, curve: Curve, color: string, scale: CurveScale): Data[] {
  // On the log scale the band of 1 − x runs from 1 − hi up to 1 − lo.
  const lower = scale === 'log' ? curve.hi! : curve.lo!;
  const upper = scale === 'log' ? curve.lo! : curve.hi!;
  return [
    {
      type: 'scatter',
      mode: 'lines',
      name: `${name} 95 % low`,
      x: [...curve.t],
      y: lower.map((v) => shown(v, scale)),
      line: { width: 0, color },
      showlegend: false,
      hoverinfo: 'skip',
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: `${name} (simulated 95 % band)`,
      x: [...curve.t],
      y: upper.map((v) => shown(v, scale)),
      line: { width: 0, color },
      fill: 'tonexty',
      fillcolor: withAlpha(color, 0.2),
    },
  ];
}

function shown(value: number, scale: CurveScale): number | null {
  if (scale === 'linear') return value;
  const complement = 1 - value;
  return complement > 0 ? complement : null;
}

/** Returns a `#rrggbb` colour as `rgba(r, g, b, alpha)`. */
export function withAlpha(color: string, alpha: number): string {
  const n = parseInt(color.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
