import { ParameterError } from '../errors.js';
import type { LifeFit } from './fitLifeData.js';
import { fittedReliability } from './fittedReliability.js';
import type { LifeData } from './lifeData.js';
import { nonParametricEstimates } from './nonParametric.js';
import { formatTick, thin, timeRange, timeTicks, type PlotTick } from './plotAxes.js';
import { largest } from '../numeric/extremes.js';

/** A corner of the Kaplan–Meier step function: R̂ and its bounds from `time` on. */
export interface SurvivalStep {
  readonly time: number;
  readonly reliability: number;
  /** Greenwood 95 % bounds (log scale); [1, 1] at time 0 (R = 1 there); null once R̂ = 0. */
  readonly ci95: readonly [number, number] | null;
}

/** Everything needed to draw the Kaplan–Meier estimate (and a fit's R(t)) against time. */
export interface SurvivalPlot {
  /**
   * The step function's corners, from (0, 1) to the last observed time: draw each value flat up
   * to the next corner's time (plotly's `hv` line shape).
   */
  readonly steps: readonly SurvivalStep[];
  /** Suspension times with R̂ there (marks on the curve). */
  readonly suspensions: readonly { readonly time: number; readonly reliability: number }[];
  /** The fit's R(t) with its Fisher 95 % bounds (logit scale) across the time axis, if given. */
  readonly fit: {
    readonly dist: LifeFit['dist'];
    readonly curve: readonly {
      readonly time: number;
      readonly reliability: number;
      readonly ci95: readonly [number, number] | null;
    }[];
  } | null;
  readonly xRange: readonly [number, number];
  readonly yRange: readonly [number, number];
  readonly xTicks: readonly PlotTick[];
  readonly yTicks: readonly PlotTick[];
}

const Y_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

/**
 * The geometry of the Kaplan–Meier reliability plot on a linear time axis from 0, with
 * Greenwood's 95 % bounds ({@link nonParametricEstimates}) and, given a fit, its R(t) and Fisher
 * band (as `probabilityPlot` draws them on a paper).
 *
 * $$
 * \hat R(t) = \prod_{t_j \le t}\Bigl(1 - \frac{d_j}{n_j}\Bigr)
 * $$
 *
 * @param data - exact failures and suspensions
 * @param fit - a fit of these data to draw, or none
 * @param samples - times at which the fit is drawn @defaultValue 121
 * @returns the steps, suspension marks, fit curve, ranges and ticks
 * @throws {@link ParameterError} for data with interval or left-censored rows (the Kaplan–Meier
 * estimate needs exact failure times)
 *
 * @see E. L. Kaplan and P. Meier, Nonparametric estimation from incomplete observations, JASA
 * 53 (1958) 457–481; J. F. Lawless, Statistical Models and Methods for Lifetime Data, 2nd ed.,
 * Wiley, 2003, §3.2.
 */
export function survivalPlot(data: LifeData, fit?: LifeFit, samples = 121): SurvivalPlot {
  if (!(Number.isInteger(samples) && samples >= 2)) {
    throw new ParameterError('survivalPlot', 'samples', 'be an integer >= 2', samples);
  }
  const estimates = nonParametricEstimates(data);
  const last = largest(data.observations.map((row) => row.time));
  const steps: SurvivalStep[] = [
    { time: 0, reliability: 1, ci95: [1, 1] },
    ...estimates.map((step) => ({
      time: step.time,
      reliability: step.reliability,
      ci95: step.reliabilityCi95,
    })),
  ];
  const final = steps.at(-1)!; // steps holds (0, 1) at least
  if (last > final.time) steps.push({ ...final, time: last });
  const at = (time: number): number =>
    steps.filter((step) => step.time <= time).at(-1)?.reliability ?? 1;
  const suspensions = data.observations
    .filter((row) => row.kind === 'suspension')
    .map((row) => ({ time: row.time, reliability: at(row.time) }));
  const xRange = timeRange(0, last, false, true);
  let drawn: SurvivalPlot['fit'] = null;
  if (fit !== undefined) {
    const times = Array.from({ length: samples }, (_, i) => (xRange[1] * i) / (samples - 1));
    const curve = fittedReliability(fit, times).map(({ t, value, ci95 }) => ({
      time: t,
      reliability: value,
      ci95,
    }));
    drawn = { dist: fit.dist, curve };
  }
  const yRange: [number, number] = [0, 1.02];
  return {
    steps,
    suspensions,
    fit: drawn,
    xRange,
    yRange,
    xTicks: thin(
      timeTicks(xRange[0], xRange[1], false).map((t) => ({ value: t, label: formatTick(t) })),
      xRange,
    ),
    yTicks: Y_TICKS.map((r) => ({ value: r, label: formatTick(r) })),
  };
}
