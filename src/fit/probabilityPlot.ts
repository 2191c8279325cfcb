import { ParameterError } from '../errors.js';
import { normalQuantile } from '../numeric/normal.js';
import { FIT_FAMILIES, type FitFamilyName } from './families.js';
import type { LifeFit } from './fitLifeData.js';
import { fittedReliability } from './fittedReliability.js';
import type { LifeData } from './lifeData.js';
import { formatTick, thin, timeRange, timeTicks, type PlotTick } from './plotAxes.js';
import { plottingPositions } from './plottingPositions.js';
import { largest, smallest } from '../numeric/extremes.js';

export type { PlotTick } from './plotAxes.js';

/** The probability papers: the axes on which one family's cdf is a straight line. */
export type ProbabilityPaper =
  'weibull' | 'lognormal' | 'normal' | 'exponential' | 'gumbel' | 'loglogistic';

/** Every paper, in the order a chooser lists them. */
export const PROBABILITY_PAPERS: readonly ProbabilityPaper[] = Object.freeze([
  'weibull',
  'lognormal',
  'normal',
  'exponential',
  'gumbel',
  'loglogistic',
]);

/** A paper's axes: x = ln t or t, y = g(F), and g's inverse. */
interface Paper {
  readonly logTime: boolean;
  readonly y: (f: number) => number;
  /** What the y axis is, for a reader. */
  readonly yScale: string;
}

const PAPERS: Readonly<Record<ProbabilityPaper, Paper>> = {
  weibull: {
    logTime: true,
    y: (f) => Math.log(-Math.log1p(-f)),
    yScale: 'ln(−ln(1 − F))',
  },
  lognormal: { logTime: true, y: normalQuantile, yScale: 'Φ⁻¹(F)' },
  normal: { logTime: false, y: normalQuantile, yScale: 'Φ⁻¹(F)' },
  exponential: {
    logTime: false,
    y: (f) => -Math.log1p(-f),
    yScale: '−ln(1 − F)',
  },
  gumbel: {
    logTime: false,
    y: (f) => Math.log(-Math.log1p(-f)),
    yScale: 'ln(−ln(1 − F))',
  },
  loglogistic: {
    logTime: true,
    y: (f) => Math.log(f / (1 - f)),
    yScale: 'ln(F/(1 − F))',
  },
};

/**
 * The paper on which a family's fit is drawn by default: its own (a straight line), the
 * lognormal's for the gamma (no paper straightens it; both are log-time laws), and the
 * two-parameter paper for a family with a location (on which its cdf bends near the location).
 */
export function paperFor(dist: FitFamilyName): ProbabilityPaper {
  switch (dist) {
    case 'exponential':
    case 'exponential-2p':
      return 'exponential';
    case 'weibull':
    case 'weibull-3p':
      return 'weibull';
    case 'lognormal':
    case 'gamma':
      return 'lognormal';
    default:
      return dist;
  }
}

/** A point on a probability paper: a time and a probability of failure, and their coordinates. */
export interface PaperPoint {
  readonly time: number;
  /** F(t), in (0, 1). */
  readonly f: number;
  /** The paper's x: ln t on the log-time papers, t otherwise. */
  readonly x: number;
  /** The paper's y: g(F). */
  readonly y: number;
}

/** A failure's plotting position. */
export interface PlottedFailure extends PaperPoint {
  /** Units the row stands for. */
  readonly count: number;
  /** An interval (or left-censored) row, plotted at its midpoint. */
  readonly interval: boolean;
}

/** The fitted F(t) and its Fisher 95 % band at one time. */
export interface BandPoint {
  readonly time: number;
  readonly x: number;
  /** Bounds on F(t): 1 − the bounds on R(t). */
  readonly lower: number;
  readonly upper: number;
  readonly yLower: number;
  readonly yUpper: number;
}

/** Everything needed to draw a probability plot, in the paper's coordinates. */
export interface ProbabilityPlot {
  readonly paper: ProbabilityPaper;
  /** Whether x is ln t (the time axis is logarithmic). */
  readonly logTime: boolean;
  /** The y axis' transformation of F, e.g. `ln(−ln(1 − F))`. */
  readonly yScale: string;
  /** The failures' plotting positions (median ranks, Johnson's adjustment), by increasing time. */
  readonly points: readonly PlottedFailure[];
  /** The fit drawn, if one was given. */
  readonly fit: {
    readonly dist: FitFamilyName;
    /** The fitted F(t) across the x range (only where 0 < F < 1). */
    readonly curve: readonly PaperPoint[];
    /** Its Fisher 95 % band; empty when the fit has no covariance. */
    readonly band: readonly BandPoint[];
  } | null;
  /** The axes' ranges, in the paper's coordinates. */
  readonly xRange: readonly [number, number];
  readonly yRange: readonly [number, number];
  /** Time ticks (labels in the data's time unit). */
  readonly xTicks: readonly PlotTick[];
  /** Probability ticks, labelled in % failed. */
  readonly yTicks: readonly PlotTick[];
  /** What a reader must know: rows placed approximately, curves not straight, … */
  readonly notes: readonly string[];
}

/** Options of {@link probabilityPlot}. */
export interface ProbabilityPlotOptions {
  /** Times at which the fitted curve and band are computed, across the x range. @defaultValue 121 */
  readonly samples?: number;
}

// Probabilities ticked on the y axis where they fall inside its range (then thinned).
const F_TICKS = [
  0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.632, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99,
  0.995, 0.999,
];
// The y range never reaches beyond these (the paper's ends are at ±∞).
const F_LIMITS = [0.0005, 0.9995] as const;
const CURVE_LIMITS = [0.01, 0.99] as const;

/**
 * The geometry of a probability plot of life data on a paper — failures at their plotting
 * positions, the fitted cdf and its Fisher 95 % band, the axes' ranges and ticks — for any
 * renderer (the CLI's SVG, the explorer's plotly).
 *
 * $$
 * \text{Weibull: } (\ln t,\ \ln(-\ln(1-F))), \quad \text{lognormal: } (\ln t,\ \Phi^{-1}(F)), \quad
 * \text{normal: } (t,\ \Phi^{-1}(F)), \quad \text{exponential: } (t,\ -\ln(1-F)),
 * $$
 *
 * Gumbel (t, ln(−ln(1 − F))), log-logistic (ln t, ln(F/(1 − F))). The points are median ranks
 * by Benard's approximation with Johnson's adjustment for suspensions ({@link plottingPositions});
 * the band is 1 − the delta-method bounds on R(t) (logit scale, as `fitLifeData`'s `at`).
 *
 * @param data - the life data
 * @param paper - the paper
 * @param fit - a fit of these data to draw (its cdf and band), or none
 * @param options - the number of samples of the curve
 * @returns the plot in the paper's coordinates, with notes
 * @throws {@link ParameterError} for an unknown paper, or a log-time paper with a failure at
 * time ≤ 0 (cannot happen with checked data) — and when no failure can be plotted
 *
 * @remarks Interval and left-censored rows are plotted at their midpoints (left-censored at half
 * their end) and said so in the notes: an honest estimate of F for them needs the Turnbull
 * estimate, which is not provided. Median ranks differ from the Kaplan–Meier estimate most where
 * suspensions are many; both are plotting aids, the fit is by maximum likelihood.
 *
 * @see R. B. Abernethy, The New Weibull Handbook, 5th ed., 2006, §2–§5; W. Nelson, Applied Life
 * Data Analysis, Wiley, 1982, §3; W. Q. Meeker and L. A. Escobar, Statistical Methods for
 * Reliability Data, Wiley, 1998, §6 (probability plotting).
 */
export function probabilityPlot(
  data: LifeData,
  paper: ProbabilityPaper,
  fit?: LifeFit,
  options: ProbabilityPlotOptions = {},
): ProbabilityPlot {
  if (!Object.hasOwn(PAPERS, paper)) {
    throw new ParameterError(
      'probabilityPlot',
      'paper',
      `be one of ${PROBABILITY_PAPERS.join(', ')}`,
      paper,
    );
  }
  const samples = options.samples ?? 121;
  if (!(Number.isInteger(samples) && samples >= 2)) {
    throw new ParameterError('probabilityPlot', 'samples', 'be an integer >= 2', samples);
  }
  const { logTime, y, yScale } = PAPERS[paper];
  const toX = (t: number): number => (logTime ? Math.log(t) : t);
  const points = plottingPositions(data.observations, 0).map((position) => ({
    time: position.age,
    f: position.p,
    x: toX(position.age),
    y: y(position.p),
    count: position.weight,
    interval: position.interval,
  }));
  if (points.length === 0) {
    throw new ParameterError('probabilityPlot', 'data', 'hold at least one failure', 'none');
  }
  const notes: string[] = [];
  const intervals = points.filter((point) => point.interval).length;
  if (intervals > 0) {
    notes.push(
      `${intervals} interval or left-censored rows plotted at their midpoints (approximate: the Turnbull estimate is not provided)`,
    );
  }
  // The times of every row (suspensions too) and of the points, so the axis covers the data.
  const times = [
    ...data.observations.flatMap((row) => [row.time, row.timeHi]),
    ...points.map((point) => point.time),
  ].filter((t) => t > 0 || !logTime);
  const [tLo, tHi] = timeRange(smallest(times), largest(times), logTime, paper === 'exponential');
  const xRange: [number, number] = [toX(tLo), toX(tHi)];
  const sampleTimes = Array.from({ length: samples }, (_, i) => {
    const x = xRange[0] + ((xRange[1] - xRange[0]) * i) / (samples - 1);
    return logTime ? Math.exp(x) : x;
  });
  let drawn: ProbabilityPlot['fit'] = null;
  if (fit !== undefined) {
    const reliability = fittedReliability(fit, sampleTimes);
    const inside = (p: number): boolean => p > 0 && p < 1;
    const curve = reliability
      .map(({ t, value }) => ({ time: t, f: 1 - value }))
      .filter((point) => inside(point.f))
      .map((point) => ({ ...point, x: toX(point.time), y: y(point.f) }));
    const band = reliability.flatMap(({ t, ci95 }) => {
      if (ci95 === null) return [];
      const [lower, upper] = [1 - ci95[1], 1 - ci95[0]];
      if (!inside(lower) || !inside(upper)) return [];
      return [{ time: t, x: toX(t), lower, upper, yLower: y(lower), yUpper: y(upper) }];
    });
    // On a log-time paper ln(t − γ) is not linear in ln t: the curve bends near the location.
    if (logTime && FIT_FAMILIES[fit.dist].location && fit.parameters.location! > 0) {
      notes.push(
        `${fit.dist}: the fitted cdf bends on this log-time paper (location ${fit.parameters.location})`,
      );
    }
    if (band.length === 0) {
      notes.push(
        `${fit.dist}: no Fisher band, the fit gives no bounds on R(t) (${fit.covariance === null ? 'no covariance' : 'a parameter without a bound'})`,
      );
    }
    drawn = { dist: fit.dist, curve, band };
  }
  // The y axis covers the points, and the fitted curve at the time axis' ends as far as 1 % and
  // 99 % (further out its tails would squeeze the data into a corner).
  const ends = [drawn?.curve[0], drawn?.curve.at(-1)].flatMap((point) =>
    point === undefined ? [] : [Math.min(Math.max(point.f, CURVE_LIMITS[0]), CURVE_LIMITS[1])],
  );
  const fs = [...points.map((point) => point.f), ...ends];
  const fLo = Math.max(smallest(fs), F_LIMITS[0]);
  const fHi = Math.min(largest(fs), F_LIMITS[1]);
  const below = F_TICKS.filter((tick) => tick <= fLo).at(-1) ?? F_LIMITS[0];
  const above = F_TICKS.find((tick) => tick >= fHi) ?? F_LIMITS[1];
  const yRange: [number, number] = [y(below), y(above)];
  const yTicks = thin(
    F_TICKS.filter((tick) => tick >= below && tick <= above).map((tick) => ({
      value: y(tick),
      label: `${formatTick(tick * 100)} %`,
    })),
    yRange,
  );
  return {
    paper,
    logTime,
    yScale,
    points,
    fit: drawn,
    xRange,
    yRange,
    xTicks: thin(
      timeTicks(tLo, tHi, logTime).map((t) => ({ value: toX(t), label: formatTick(t) })),
      xRange,
    ),
    yTicks,
    notes,
  };
}
