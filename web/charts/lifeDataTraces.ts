/**
 * The data panel's plotly charts: the probability plot and the Kaplan–Meier plot, drawn from the
 * library's geometry (probabilityPlot, survivalPlot: the same as `relkit fit --plot`). Pure.
 */
import type { Data, Layout } from 'plotly.js-dist-min';
import type { ProbabilityPlot, SurvivalPlot } from '../../src/index.js';
import { formatNumber } from '../views/format.js';
import { BASE_LAYOUT, plotText } from './layout.js';

const FIT = '#c0392b';
const FIT_FILL = 'rgba(192, 57, 43, 0.16)';
const POINTS = '#1f4e99';
const KM = '#222222';
const KM_FILL = 'rgba(85, 85, 85, 0.18)';

/** A band as two traces: its upper edge, then its lower edge filled up to it. */
function band(
  name: string,
  x: readonly number[],
  lower: readonly (number | null)[],
  upper: readonly (number | null)[],
  fill: string,
  step: boolean,
): Data[] {
  const line = { width: 0, ...(step ? { shape: 'hv' as const } : {}) };
  return [
    { x: [...x], y: [...upper], mode: 'lines', line, hoverinfo: 'skip', showlegend: false, name },
    {
      x: [...x],
      y: [...lower],
      mode: 'lines',
      line,
      fill: 'tonexty',
      fillcolor: fill,
      hoverinfo: 'skip',
      name,
    },
  ];
}

/** The traces of a probability plot: the fit's band and line, then the points. */
export function probabilityTraces(plot: ProbabilityPlot): Data[] {
  const traces: Data[] = [];
  if (plot.fit !== null) {
    const { band: points, curve, dist } = plot.fit;
    if (points.length > 0) {
      traces.push(
        ...band(
          'Fisher 95 % bounds',
          points.map((p) => p.x),
          points.map((p) => p.yLower),
          points.map((p) => p.yUpper),
          FIT_FILL,
          false,
        ),
      );
    }
    traces.push({
      x: curve.map((p) => p.x),
      y: curve.map((p) => p.y),
      mode: 'lines',
      line: { color: FIT, width: 2 },
      name: plotText(`${dist} fit (ML)`),
      text: curve.map((p) => `t ${formatNumber(p.time)}, F ${formatNumber(p.f * 100)} %`),
      hoverinfo: 'text',
    });
  }
  for (const interval of [false, true]) {
    const points = plot.points.filter((p) => p.interval === interval);
    if (points.length === 0) continue;
    traces.push({
      x: points.map((p) => p.x),
      y: points.map((p) => p.y),
      mode: 'markers',
      marker: interval
        ? { symbol: 'diamond-open', size: 9, color: POINTS, line: { width: 2 } }
        : { size: 8, color: POINTS },
      name: interval ? `intervals at midpoints (${points.length})` : `failures (${points.length})`,
      text: points.map(
        (p) =>
          `t ${formatNumber(p.time)}, median rank ${formatNumber(p.f * 100)} %${p.count > 1 ? ` (${p.count} units)` : ''}`,
      ),
      hoverinfo: 'text',
    });
  }
  return traces;
}

/** The probability plot's title, for the card above it. */
export function probabilityTitle(plot: ProbabilityPlot): string {
  return `${PAPER_TITLES[plot.paper]} probability plot`;
}

const PAPER_TITLES: Readonly<Record<ProbabilityPlot['paper'], string>> = {
  weibull: 'Weibull',
  lognormal: 'lognormal',
  normal: 'normal',
  exponential: 'exponential',
  gumbel: 'Gumbel',
  loglogistic: 'log-logistic',
};

/** The probability plot's axes: the paper's coordinates, ticked in time and % failed. */
export function probabilityLayout(plot: ProbabilityPlot): Partial<Layout> {
  return {
    ...BASE_LAYOUT,
    xaxis: {
      title: { text: plot.logTime ? 'time (log scale)' : 'time' },
      range: [...plot.xRange],
      tickvals: plot.xTicks.map((t) => t.value),
      ticktext: plot.xTicks.map((t) => t.label),
      zeroline: false,
    },
    yaxis: {
      title: { text: 'unreliability F(t)' },
      range: [...plot.yRange],
      tickvals: plot.yTicks.map((t) => t.value),
      ticktext: plot.yTicks.map((t) => t.label),
      zeroline: false,
    },
  };
}

/** The traces of the Kaplan–Meier plot: Greenwood band, the steps, suspensions, the fit's R(t). */
export function survivalTraces(plot: SurvivalPlot): Data[] {
  const times = plot.steps.map((s) => s.time);
  const traces: Data[] = [
    ...band(
      'Greenwood 95 % bounds',
      times,
      plot.steps.map((s) => s.ci95?.[0] ?? null),
      plot.steps.map((s) => s.ci95?.[1] ?? null),
      KM_FILL,
      true,
    ),
    {
      x: times,
      y: plot.steps.map((s) => s.reliability),
      mode: 'lines',
      line: { color: KM, width: 2, shape: 'hv' },
      name: 'Kaplan–Meier',
    },
  ];
  if (plot.suspensions.length > 0) {
    traces.push({
      x: plot.suspensions.map((s) => s.time),
      y: plot.suspensions.map((s) => s.reliability),
      mode: 'markers',
      marker: { symbol: 'line-ns-open', size: 9, color: KM, line: { width: 1.5 } },
      name: 'suspensions',
    });
  }
  if (plot.fit !== null) {
    traces.push({
      x: plot.fit.curve.map((p) => p.time),
      y: plot.fit.curve.map((p) => p.reliability),
      mode: 'lines',
      line: { color: FIT, width: 2, dash: 'dash' },
      name: plotText(`${plot.fit.dist} fit R(t)`),
    });
  }
  return traces;
}

/** The Kaplan–Meier plot's axes: time from 0, R from 0 to 1. */
export function survivalLayout(plot: SurvivalPlot): Partial<Layout> {
  return {
    ...BASE_LAYOUT,
    xaxis: {
      title: { text: 'time' },
      range: [...plot.xRange],
      tickvals: plot.xTicks.map((t) => t.value),
      ticktext: plot.xTicks.map((t) => t.label),
    },
    yaxis: {
      title: { text: 'reliability R(t)' },
      range: [...plot.yRange],
      tickvals: plot.yTicks.map((t) => t.value),
      ticktext: plot.yTicks.map((t) => t.label),
    },
  };
}
