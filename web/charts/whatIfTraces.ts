/**
 * What-if charts → plotly traces: component importance bars, the tornado chart, a parameter
 * sweep and a failure distribution's pdf and hazard. Pure functions, unit-tested.
 */
import type { Data } from 'plotly.js-dist-min';
import type { Importance } from '../compute/importance.js';
import type { Sweep, TornadoRow } from '../compute/sensitivity.js';

/** Returns one horizontal bar per component, largest importance on top. */
export function importanceTraces(importance: Importance): Data[] {
  const order = importance.components
    .map((name, i) => ({ name, value: importance.values[i]! }))
    .sort((a, b) => a.value - b.value);
  return [
    {
      type: 'bar',
      orientation: 'h',
      name: 'Birnbaum importance',
      y: order.map((entry) => entry.name),
      x: order.map((entry) => entry.value),
      marker: { color: '#0072B2' },
    },
  ];
}

/**
 * Returns the tornado chart: for each parameter a bar from the base value of the measure to its
 * value at the parameter's low and high ends, the largest swing on top. Rows whose ends could not
 * be solved are left out.
 */
export function tornadoTraces(rows: readonly TornadoRow[], base: number, percent: number): Data[] {
  const kept = rows.filter((row) => row.low !== null && row.high !== null).reverse();
  const y = kept.map((row) => row.parameter);
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

/** Returns the sweep line and a marker at the current value of the parameter. */
export function sweepTraces(sweep: Sweep, current: number, currentMeasure?: number): Data[] {
  const traces: Data[] = [
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: sweep.parameter,
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
