/**
 * What-if charts → plotly traces and layouts: the tornado chart, a parameter sweep and a failure
 * distribution's pdf and hazard (the importance bars: importanceTraces.ts). Pure functions,
 * unit-tested.
 */
import type { Data, Layout } from 'plotly.js-dist-min';
import type { Extras } from '../compute/explore.js';
import { isTimeMeasure, MEASURE_LABELS, type MeasureKey } from '../compute/measures.js';
import type { Sweep, TornadoRow } from '../compute/sensitivity.js';
import type { SimulatedSweep } from '../compute/simulatedSweep.js';
import { formatNumber } from '../views/format.js';
import { BASE_LAYOUT, plotText } from './layout.js';

/**
 * Returns the axis title of a measure, with the time unit for a time (`MTTF (h)`), as plotly text
 * (the unit comes from the model file).
 */
export function measureTitle(measure: MeasureKey, timeUnit: string): string {
  return `${MEASURE_LABELS[measure]}${isTimeMeasure(measure) ? ` (${plotText(timeUnit)})` : ''}`;
}

/**
 * Returns the tornado chart: for each parameter a bar from the base value of the measure to its
 * value at the parameter's low and high ends, the largest swing on top. Rows whose ends could not
 * be solved are left out.
 */
export function tornadoTraces(rows: readonly TornadoRow[], base: number, percent: number): Data[] {
  const kept = rows.filter((row) => row.low !== null && row.high !== null).reverse();
  const y = kept.map((row) => plotText(row.parameter));
  const bar = (name: string, values: number[], ends: number[], color: string): Data =>
    ({
      type: 'bar',
      orientation: 'h',
      name,
      y,
      x: values.map((v) => v - base),
      base: values.map(() => base),
      customdata: ends,
      hovertemplate: '%{y} = %{customdata:.4g}: %{x:.4g} from base<extra></extra>',
      marker: { color },
    }) as Data;
  return [
    bar(
      `parameter −${percent} %`,
      kept.map((row) => row.low!),
      kept.map((row) => row.lowValue),
      '#56B4E9',
    ),
    bar(
      `parameter +${percent} %`,
      kept.map((row) => row.high!),
      kept.map((row) => row.highValue),
      '#D55E00',
    ),
  ];
}

/** Returns the layout of the tornado chart of a measure (`title`) around its `base` value. */
export function tornadoLayout(title: string, base: number | undefined): Partial<Layout> {
  return {
    ...BASE_LAYOUT,
    barmode: 'overlay',
    // Two lines: "steady unavailability, base 2.30356e-8" is wider than a half-width chart.
    xaxis: {
      title: { text: `${title}<br>base ${formatNumber(base)}` },
      exponentformat: 'power',
      // Values close together (1.6635e-7 … 1.665e-7) have long labels: few of them fit.
      nticks: 5,
    },
    margin: { l: 110, r: 35, t: 30, b: 45 },
  };
}

/** Returns the sweep line and a marker at the current value of the parameter. */
export function sweepTraces(sweep: Sweep, current: number, currentMeasure?: number): Data[] {
  const traces: Data[] = [
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: plotText(sweep.parameter),
      x: [...sweep.x],
      y: [...sweep.y],
      line: { color: '#0072B2' },
      marker: { size: 4 },
    },
  ];
  if (currentMeasure !== undefined) {
    traces.push({
      type: 'scatter',
      mode: 'markers',
      name: 'current',
      x: [current],
      y: [currentMeasure],
      marker: { color: '#D55E00', size: 10, symbol: 'diamond' },
    });
  }
  return traces;
}

/**
 * Returns the traces of a simulated sweep: the 95 % band of the estimates (shaded, the lower
 * ends then the upper ones filled to them) under the dashed estimates with their markers, and
 * the current value of the parameter as a dotted vertical line.
 */
export function simulatedSweepTraces(sweep: SimulatedSweep, current: number): Data[] {
  const color = '#0072B2';
  const name = plotText(sweep.parameter);
  const known = sweep.mean.filter((y): y is number => y !== null);
  const traces: Data[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: `${name} (95 % lower end)`,
      x: [...sweep.x],
      y: [...sweep.lo],
      line: { width: 0, color },
      hoverinfo: 'skip',
      showlegend: false,
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: `${name} (simulated 95 % band)`,
      x: [...sweep.x],
      y: [...sweep.hi],
      fill: 'tonexty',
      fillcolor: 'rgba(0, 114, 178, 0.2)',
      line: { width: 0, color },
      hoverinfo: 'skip',
    },
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: `${name} (simulated mean)`,
      x: [...sweep.x],
      y: [...sweep.mean],
      line: { color, dash: 'dash' },
      marker: { size: 5 },
    },
  ];
  if (known.length > 0) {
    const lows = sweep.lo.filter((y): y is number => y !== null);
    const highs = sweep.hi.filter((y): y is number => y !== null);
    traces.push({
      type: 'scatter',
      mode: 'lines',
      name: 'current',
      x: [current, current],
      y: [Math.min(...lows, ...known), Math.max(...highs, ...known)],
      line: { color: '#D55E00', dash: 'dot', width: 1 },
      hoverinfo: 'skip',
    });
  }
  return traces;
}

/**
 * Returns the layout of the sweep of `measure` (axis title `title`): a log x axis for a parameter
 * on a log slider (`logX`), a log y axis when every value is positive and the measure is not a
 * probability near 1.
 */
export function sweepLayout(
  sweep: Sweep | undefined,
  logX: boolean,
  measure: MeasureKey,
  title: string,
): Partial<Layout> {
  const positive = sweep?.y.every((y) => y === null || y > 0) ?? false;
  const logY = positive && measure !== 'reliability' && measure !== 'steadyAvailability';
  return {
    ...BASE_LAYOUT,
    xaxis: {
      title: { text: plotText(sweep?.parameter ?? '') },
      type: logX ? 'log' : 'linear',
      exponentformat: 'power',
    },
    yaxis: { title: { text: title }, type: logY ? 'log' : 'linear', exponentformat: 'power' },
    showlegend: false,
  };
}

/** Returns the pdf (left axis) and hazard (right axis) of a failure distribution. */
export function distributionTraces(curves: {
  readonly component: string;
  readonly t: readonly number[];
  readonly pdf: readonly (number | null)[];
  readonly hazard: readonly (number | null)[];
}): Data[] {
  return [
    {
      type: 'scatter',
      mode: 'lines',
      name: `pdf f(t)`,
      x: [...curves.t],
      y: [...curves.pdf],
      line: { color: '#0072B2' },
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: `hazard h(t)`,
      x: [...curves.t],
      y: [...curves.hazard],
      yaxis: 'y2',
      line: { color: '#D55E00', dash: 'dot' },
    },
  ];
}

/** Returns the layout of the pdf and hazard plot: the hazard on a right axis from 0. */
export function distributionLayout(
  curves: NonNullable<Extras['distribution']>,
  timeUnit: string,
): Partial<Layout> {
  return {
    ...BASE_LAYOUT,
    xaxis: { title: { text: `t (${plotText(timeUnit)})` } },
    yaxis: {
      title: { text: `pdf (per ${plotText(timeUnit)})` },
      exponentformat: 'power',
      rangemode: 'tozero',
    },
    yaxis2: {
      title: { text: `hazard (per ${plotText(timeUnit)})` },
      overlaying: 'y',
      side: 'right',
      exponentformat: 'power',
      range: [0, 1.1 * maxOf(curves.hazard)],
    },
    margin: { l: 60, r: 60, t: 30, b: 45 },
  };
}

/** Returns the largest finite value when it is positive, else 1. */
function maxOf(values: readonly (number | null)[]): number {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return finite.length > 0 && Math.max(...finite) > 0 ? Math.max(...finite) : 1;
}
