/**
 * The optimise panel's chart → plotly traces and layout: the measure at every point the
 * optimiser evaluated, with the optimum marked. Pure functions.
 */
import type { Data, Layout } from 'plotly.js-dist-min';
import type { OptimizeResult, Scalar } from '../../src/index.js';
import { BASE_LAYOUT, plotText } from './layout.js';

const mean = (value: Scalar): number => (typeof value === 'number' ? value : value.mean);

/** Returns the evaluated points as a line and the optimum as a marker (none when infeasible). */
export function optimizeTraces(result: OptimizeResult): Data[] {
  const traces: Data[] = [
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: plotText(result.measure),
      x: result.points.map((p) => p.x),
      y: result.points.map((p) => mean(p.value)),
      line: { color: '#0072B2' },
      marker: { size: 4 },
    },
  ];
  const x = result.argmin ?? result.argmax;
  const value = result.minimum ?? result.maximum;
  if (x !== undefined && value !== undefined) {
    traces.push({
      type: 'scatter',
      mode: 'markers',
      name: 'optimum',
      x: [x],
      y: [mean(value)],
      marker: { color: '#D55E00', size: 11, symbol: 'diamond' },
    });
  }
  return traces;
}

/** Returns the layout: the parameter across, the measure up, a log x axis when asked. */
export function optimizeLayout(result: OptimizeResult, logX: boolean): Partial<Layout> {
  return {
    ...BASE_LAYOUT,
    xaxis: {
      title: { text: plotText(result.parameter) },
      type: logX ? 'log' : 'linear',
      exponentformat: 'power',
    },
    yaxis: { title: { text: plotText(result.measure) }, exponentformat: 'power' },
    showlegend: false,
  };
}
