import { createRequire } from 'node:module';
import { basename, extname } from 'node:path';
import type { LifeFit } from '../fit/fitLifeData.js';
import type { LifeData } from '../fit/lifeData.js';
import {
  PROBABILITY_PAPERS,
  probabilityPlot,
  type ProbabilityPaper,
} from '../fit/probabilityPlot.js';
import { survivalPlot } from '../fit/survivalPlot.js';
import { EXIT, UsageError, writeTextAtomically } from './io.js';
import { chartSvg, type Chart, type ChartPanel, type ChartSeries } from './svgChart.js';

const PAPER_NAMES: Readonly<Record<ProbabilityPaper, string>> = {
  weibull: 'Weibull',
  lognormal: 'lognormal',
  normal: 'normal',
  exponential: 'exponential',
  gumbel: 'Gumbel (smallest extreme value)',
  loglogistic: 'log-logistic',
};

const COLOURS = { points: '#1f4e99', fit: '#c0392b', km: '#222222', kmBand: '#555555' } as const;

/** Checks `--paper`: one of the papers. */
export function checkPaper(paper: string): ProbabilityPaper {
  if (!(PROBABILITY_PAPERS as readonly string[]).includes(paper)) {
    throw new UsageError(`--paper must be one of ${PROBABILITY_PAPERS.join(', ')}; got "${paper}"`);
  }
  return paper as ProbabilityPaper;
}

/** Checks `--plot`'s file name: it ends in .svg or .png. */
export function checkPlotFile(file: string): 'svg' | 'png' {
  const extension = extname(file).toLowerCase();
  if (extension !== '.svg' && extension !== '.png') {
    throw new UsageError(`--plot must name a .svg or .png file; got "${file}"`);
  }
  return extension === '.svg' ? 'svg' : 'png';
}

/**
 * The chart of life data: the probability plot on `paper` (points, and the fit with its Fisher
 * band when given and converged), and beside it the Kaplan–Meier reliability with Greenwood
 * bounds (and the fit's R(t)) when the data have no intervals.
 */
export function fitChart(
  path: string,
  data: LifeData,
  paper: ProbabilityPaper,
  fit: LifeFit | undefined,
): Chart {
  const notes: string[] = [
    "Points: median ranks (Benard's approximation) with Johnson's adjustment for suspensions.",
  ];
  const drawn = fit?.convergence.converged === true ? fit : undefined;
  if (fit !== undefined && drawn === undefined) {
    notes.push(`The ${fit.dist} fit did not converge: it is not drawn.`);
  }
  const plot = probabilityPlot(data, paper, drawn);
  notes.push(...plot.notes.map((note) => `${capitalise(note)}.`));
  const series: ChartSeries[] = [];
  if (plot.fit !== null && plot.fit.band.length > 0) {
    series.push({
      kind: 'band',
      name: 'Fisher 95 % bounds',
      points: plot.fit.band.map((point) => [point.x, point.yLower, point.yUpper]),
      colour: COLOURS.fit,
    });
  }
  if (plot.fit !== null) {
    series.push({
      kind: 'line',
      name: `${plot.fit.dist} fit (${drawn?.method === 'rank-regression' ? 'RRX' : 'ML'})`,
      points: plot.fit.curve.map((point) => [point.x, point.y]),
      colour: COLOURS.fit,
    });
  }
  const exact = plot.points.filter((point) => !point.interval);
  const intervals = plot.points.filter((point) => point.interval);
  if (exact.length > 0) {
    series.push({
      kind: 'markers',
      name: `failures (${exact.length})`,
      points: exact.map((point) => [point.x, point.y]),
      colour: COLOURS.points,
      shape: 'circle',
    });
  }
  if (intervals.length > 0) {
    series.push({
      kind: 'markers',
      name: `intervals at midpoints (${intervals.length})`,
      points: intervals.map((point) => [point.x, point.y]),
      colour: COLOURS.points,
      shape: 'diamond',
    });
  }
  const panels: ChartPanel[] = [
    {
      title: `${PAPER_NAMES[paper]} probability plot`,
      xLabel: plot.logTime ? 'time (log scale)' : 'time',
      yLabel: `unreliability F(t), % (${plot.yScale} scale)`,
      xRange: plot.xRange,
      yRange: plot.yRange,
      xTicks: plot.xTicks,
      yTicks: plot.yTicks,
      series,
      legend: 'top-left',
    },
  ];
  if (data.n.intervals === 0) panels.push(survivalPanel(data, drawn));
  else
    notes.push('Kaplan–Meier not drawn: it needs exact failure times (the data have intervals).');
  const { failures, suspensions, intervals: inIntervals } = data.n;
  const counts = `${failures} failures, ${suspensions} suspensions, ${inIntervals} in intervals`;
  const title =
    drawn === undefined
      ? [`${basename(path)}: life data`, counts]
      : [
          `${basename(path)}: ${drawn.dist} fit (${drawn.method.replace('-', ' ')})`,
          parameterLine(drawn),
          `${counts}; log-likelihood ${short(drawn.logLikelihood)}, AICc ${drawn.aicc === null ? 'none' : short(drawn.aicc)}`,
        ];
  return { title, panels, notes };
}

function survivalPanel(data: LifeData, fit: LifeFit | undefined): ChartPanel {
  const plot = survivalPlot(data, fit);
  const series: ChartSeries[] = [
    {
      kind: 'band',
      name: 'Greenwood 95 % bounds',
      points: plot.steps.map((step) => [step.time, step.ci95?.[0] ?? NaN, step.ci95?.[1] ?? NaN]),
      colour: COLOURS.kmBand,
      step: true,
    },
    {
      kind: 'line',
      name: 'Kaplan–Meier',
      points: plot.steps.map((step) => [step.time, step.reliability]),
      colour: COLOURS.km,
      step: true,
    },
  ];
  if (plot.suspensions.length > 0) {
    series.push({
      kind: 'markers',
      name: `suspensions (${plot.suspensions.length} rows)`,
      points: plot.suspensions.map((mark) => [mark.time, mark.reliability]),
      colour: COLOURS.km,
      shape: 'diamond',
    });
  }
  if (plot.fit !== null) {
    series.push({
      kind: 'line',
      name: `${plot.fit.dist} fit R(t)`,
      points: plot.fit.curve.map((point) => [point.time, point.reliability]),
      colour: COLOURS.fit,
      dashed: true,
    });
  }
  return {
    title: 'Kaplan–Meier reliability',
    xLabel: 'time',
    yLabel: 'reliability R(t)',
    xRange: plot.xRange,
    yRange: plot.yRange,
    xTicks: plot.xTicks,
    yTicks: plot.yTicks,
    series,
    legend: 'bottom-left',
  };
}

/** The parameters with their Fisher bounds, to 4 significant digits. */
function parameterLine(fit: LifeFit): string {
  const items = Object.entries(fit.parameters).map(([name, value]) => {
    const bound = fit.ci95[name];
    return `${name} ${short(value)}${bound ? ` (${short(bound[0])} to ${short(bound[1])})` : ''}`;
  });
  return fit.method === 'rank-regression'
    ? `${items.join(', ')}; no bounds by rank regression`
    : `${items.join(', ')}; Fisher 95 % bounds`;
}

function short(value: number): string {
  return String(Number(value.toPrecision(4)));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Writes the chart to `file` atomically: SVG as it is, PNG rendered from it by resvg
 * (@resvg/resvg-js, prebuilt native binaries) at twice the SVG's size.
 */
export function writeChart(file: string, chart: Chart): void {
  const svg = chartSvg(chart);
  if (checkPlotFile(file) === 'svg') {
    writeTextAtomically(file, svg);
    return;
  }
  writeTextAtomically(file, renderPng(svg));
}

interface Resvg {
  render(): { asPng(): Uint8Array };
}
type ResvgModule = {
  Resvg: new (svg: string, options: object) => Resvg;
};

function renderPng(svg: string): Uint8Array {
  let resvg: ResvgModule;
  try {
    // Loaded only for PNG output: a native module, kept out of the bundle and of start-up.
    resvg = createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
  } catch (error) {
    throw new UsageError(
      `--plot: PNG output needs the package @resvg/resvg-js, which did not load (${(error as Error).message.split('\n')[0]}); write a .svg instead`,
      EXIT.failed,
    );
  }
  const renderer = new resvg.Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return renderer.render().asPng();
}
