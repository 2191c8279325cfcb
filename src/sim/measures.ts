import type { Model } from '../model/Model.js';
import type { Curve, Estimate, Measures } from '../model/Result.js';
import { silBand } from '../model/safetyIntegrity.js';
import { SETTLING_SCALES, type TimeScale, type TimedLaw } from '../model/timeScales.js';
import { exactValue, type ExactAccumulator } from '../numeric/exactAccumulator.js';
import { inverseRegularizedGammaP } from '../numeric/gamma.js';
import { BATCH_COUNT, MSER_MAX_DELETION, type MomentSums, type SimulationStats } from './stats.js';
import { CYCLE } from './system/ReplicationRecorder.js';
import { worstTailBias } from './tailBias.js';
import { STEADY_MEASURES, type CriticalityEntry } from './types.js';

// Φ⁻¹(0.975), the two-sided 95 % normal quantile (scipy.stats.norm.ppf(0.975)).
const Z95 = 1.959963984540054;

/**
 * Below this many events an interval comes from the Poisson count of the events (exact for a
 * Poisson count, see {@link poissonCountInterval}) rather than the normal approximation.
 */
export const FEW_EVENTS = 30;

/** Below this many replications the non-regenerative steady intervals come from batch means. */
export const BATCH_MEANS_BELOW = 30;

/**
 * A cycle longer than this share of all the cycle time makes the regenerative estimates
 * inconclusive: they rest on too few long cycles (about 1/share) for the normal approximation.
 */
const LONGEST_CYCLE_SHARE = 0.05;

/**
 * First failure times whose sample squared coefficient of variation exceeds this (CV > 1.73, an
 * exponential has 1) are heavy-tailed: their mean is inconclusive below
 * {@link HEAVY_TAIL_EFFECTIVE} effective replications.
 */
const HEAVY_TAIL_CV2 = 3;
const HEAVY_TAIL_EFFECTIVE = 300;

/** t₀.₉₇₅,ν for ν = 1 … 18: scipy.stats.t.ppf(0.975, ν), scipy 1.17.1. */
const SMALL_DF_T975 = [
  12.706204736174694, 4.302652729749462, 3.1824463052837078, 2.7764451051977934, 2.5705818356363146,
  2.4469118511449786, 2.364624251592784, 2.306004135204166, 2.262157162798205, 2.228138851986274,
  2.200985160091639, 2.1788128296672284, 2.1603686564627913, 2.144786687917804, 2.131449545559776,
  2.1199052992212546, 2.1098155778333156, 2.1009220402410382,
];

/** The steady measures, named in warnings that leave them out. */
const STEADY_LIST = `steady measures (${STEADY_MEASURES.join(', ')})`;

/** Facts of the model that the estimators need besides the statistics. */
export interface ModelFacts {
  /** The all-new state regenerates the process (src/sim/system/SystemSimulator.ts). */
  readonly regenerative: boolean;
  /** `up`: the system can never be down; `down`: it is down even with every unit working. */
  readonly constant?: 'up' | 'down';
  /** The model's slowest time scale ({@link slowestTimeScale}). */
  readonly slowest: TimeScale;
  /** The laws that time the model ({@link timedLaws}), whose tails may bias time averages. */
  readonly laws: readonly TimedLaw[];
  /** Unit failures along the structure's easiest way down ({@link cutOrder}), ≥ 1. */
  readonly cutOrder: number;
  /** How long units remember the phase of their cycles ({@link phaseMemory}). */
  readonly phase: TimeScale;
  /** The largest mean life of a unit that is never repaired, 0 when every unit is repaired. */
  readonly lostForGood: number;
  /** Some component is repaired. */
  readonly repairable: boolean;
  /** The model's time unit, for messages. */
  readonly timeUnit: string;
  /** Some component has proof tests (hidden failures): no steady state; pfdAvg and sil apply. */
  readonly proofTests: boolean;
  /** The model counts maintenance costs: costRate and missionCost apply. */
  readonly costs: boolean;
  /**
   * The fraction of [0, T] the system is down with no unit failed, from proof tests that take
   * time (src/sim/testDowntime.ts): the same in every replication.
   */
  readonly testDowntime: number;
  /** Why the model has no steady state though nothing else says so (an ever-growing virtual age). */
  readonly unsteady?: string;
}

/** Measures, warnings and criticality computed from merged statistics. */
export interface SimulatedMeasures {
  readonly measures: Measures;
  readonly warnings: string[];
  readonly criticality: CriticalityEntry[];
}

/**
 * Returns the measures asked for, estimated from `stats`, each with its 95 % interval, the number
 * of events it rests on and its estimator (see docs/semantics.md, "Simulation estimators"):
 *
 * - R(t), A(t): proportions of replications, Wilson score bands.
 * - intervalAvailability: mean over replications of the fraction of [0, T] up.
 * - Steady measures of a regenerative model: ratio estimators over regeneration cycles (from
 *   all-new to all-new), no warm-up needed; otherwise time averages after the start that MSER
 *   deletes.
 * - MTTF of a regenerative model: E[X]/E[I] over cycles (X time to the cycle's first failure or
 *   its end, I whether it failed); otherwise the mean first failure time, or, when replications
 *   were censored at the cap, the restricted mean as a lower bound (`restrictedMttf`).
 *
 * $$
 * \hat U = \frac{\sum_c D_c}{\sum_c L_c},\quad
 * \widehat{\mathrm{MTTF}} = \frac{\sum_c X_c}{\sum_c I_c},\quad
 * \mathrm{se}(\hat R) = \frac{\sqrt{\widehat{\mathrm{Var}}(a_c - \hat R\,b_c)/C}}{\bar b}
 * \ \text{for}\ \hat R = \frac{\sum a_c}{\sum b_c}
 * $$
 *
 * @param model - the simulated model (component names)
 * @param stats - the merged statistics
 * @param facts - what the estimators need to know of the model
 * @returns measures, warnings and criticality
 *
 * @remarks
 * With fewer than {@link FEW_EVENTS} events, rates and ratios take the exact Poisson interval of
 * the count (never a zero-width interval); with none, a one-sided bound where it means something
 * and the measure is otherwise left out. `inconclusive` is set, with the reason, when the horizon
 * is short against the model's slowest time scale, when MSER had to delete most of the run, when
 * a few long cycles dominate, or when cycles were still open at the cap.
 *
 * @see P. W. Glynn, D. L. Iglehart, "Conditions for the applicability of the regenerative method",
 * Management Science 39 (1993) 1108–1111, https://doi.org/10.1287/mnsc.39.9.1108 (paywalled);
 * K. P. White, "An effective truncation heuristic for bias reduction in simulation output",
 * Simulation 69 (1997) 323–334, https://doi.org/10.1177/003754979706900601 (paywalled);
 * A. M. Law, Simulation Modeling and Analysis, 5th ed., McGraw-Hill, 2015, §9.4–9.5.
 */
export function simulatedMeasures(
  model: Model,
  stats: SimulationStats,
  facts: ModelFacts,
): SimulatedMeasures {
  const n = stats.replications;
  const wants = new Set(stats.measures);
  const warnings: string[] = [];
  const measures: Record<string, unknown> = {};
  const t = gridTimes(stats.horizon, stats.grid);
  if (wants.has('reliability')) measures.reliability = proportionCurve(t, stats.survivors, n);
  if (wants.has('availability')) measures.availability = proportionCurve(t, stats.upAtGrid, n);
  if (facts.constant !== undefined) {
    constantMeasures(facts.constant, wants, measures, warnings);
  } else {
    if (wants.has('intervalAvailability')) {
      measures.intervalAvailability = intervalAvailability(stats, facts.testDowntime);
    }
    if (wants.has('mttf')) {
      if (facts.regenerative) regenerativeMttf(stats, facts.timeUnit, measures, warnings);
      else firstFailureMttf(stats, measures, warnings);
    }
    if (facts.proofTests && STEADY_MEASURES.some((measure) => wants.has(measure))) {
      warnings.push(
        `${STEADY_LIST} are left out: the model has periodic proof tests, so it has no steady state (A(t) keeps its saw-tooth); pfdAvg is the average over [0, T], the mission unless another horizon is asked for`,
      );
    } else if (facts.unsteady && STEADY_MEASURES.some((measure) => wants.has(measure))) {
      warnings.push(`${STEADY_LIST} are left out: ${facts.unsteady}`);
    } else if (STEADY_MEASURES.some((measure) => wants.has(measure))) {
      const steady = facts.regenerative
        ? regenerativeSteady(stats, facts.timeUnit, warnings)
        : timeAverageSteady(stats, facts, warnings);
      for (const [name, value] of Object.entries(steady)) {
        if (wants.has(name as never)) measures[name] = value;
      }
    }
  }
  if (facts.proofTests && model.missionTime === undefined) {
    absentNoMission(wants, warnings);
  } else if (facts.proofTests && (wants.has('pfdAvg') || wants.has('sil'))) {
    const available =
      facts.constant !== undefined
        ? constantAvailability(facts.constant)
        : intervalAvailability(stats, facts.testDowntime);
    proofTestMeasures(available, wants, measures, warnings);
  }
  if (facts.costs) costMeasures(stats, facts, wants, measures, warnings);
  const absent = (names: readonly string[], why: string): void => {
    const asked = names.filter((name) => wants.has(name));
    if (asked.length === 0) return;
    warnings.push(`${asked.join(' and ')} ${asked.length > 1 ? 'are' : 'is'} left out: ${why}`);
  };
  if (!facts.proofTests) absent(['pfdAvg', 'sil'], 'the model has no proof tests (inspection)');
  if (!facts.costs) absent(['costRate', 'missionCost'], 'the model has no costs');
  markWidthless(measures);
  const total = stats.criticality.reduce((sum, x) => sum + x, 0);
  const criticality = model.components.map((component, i) => ({
    component: component.name,
    failures: stats.criticality[i] ?? 0,
    share: total > 0 ? (stats.criticality[i] ?? 0) / total : 0,
  }));
  return { measures: measures as Measures, warnings, criticality };
}

/**
 * Returns the grid times j·T/(G − 1), j = 0 … G − 1, with the last exactly T.
 *
 * @param horizon - T, > 0
 * @param grid - G, integer ≥ 2
 * @returns the times, ascending
 */
export function gridTimes(horizon: number, grid: number): number[] {
  return Array.from({ length: grid }, (_, j) =>
    j === grid - 1 ? horizon : (j * horizon) / (grid - 1),
  );
}

/**
 * Returns the Wilson score interval of a binomial proportion x/n at 95 %.
 *
 * $$
 * \frac{\hat p + z^2/2n \pm z\sqrt{\hat p(1-\hat p)/n + z^2/4n^2}}{1 + z^2/n}
 * $$
 *
 * @param successes - x, integer in [0, n]
 * @param n - trials, integer ≥ 1
 * @returns [lo, hi] in [0, 1]
 *
 * @see E. B. Wilson, "Probable inference, the law of succession, and statistical inference",
 * JASA 22 (1927) 209–212, https://doi.org/10.1080/01621459.1927.10502953 (paywalled).
 */
export function wilsonInterval(successes: number, n: number): [number, number] {
  const p = successes / n;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At x = 0 or x = n one end is exactly 0 or 1 (rounding would leave 1 − 2⁻⁵³).
  return [
    successes === 0 ? 0 : Math.max(0, center - half),
    successes === n ? 1 : Math.min(1, center + half),
  ];
}

/**
 * Returns the exact 95 % interval of the mean of a Poisson count k (Garwood): the means for which
 * k is at the 2.5 % tail on either side.
 *
 * $$
 * \Big[\tfrac12\chi^2_{0.025}(2k),\ \tfrac12\chi^2_{0.975}(2k + 2)\Big]
 * = \big[P^{-1}(k, 0.025),\ P^{-1}(k + 1, 0.975)\big]
 * $$
 *
 * - P⁻¹(a, p): inverse of the regularized lower incomplete gamma function; 0 for k = 0 on the left
 *
 * @param k - the observed count, integer ≥ 0
 * @returns [lo, hi] of the Poisson mean (k = 0: [0, 3.689])
 *
 * @see F. Garwood, "Fiducial limits for the Poisson distribution", Biometrika 28 (1936) 437–442,
 * https://doi.org/10.1093/biomet/28.3-4.437 (paywalled).
 *
 * @example
 * ```ts
 * poissonCountInterval(0)[1]; // → 3.6888794541139354
 * ```
 */
export function poissonCountInterval(k: number): [number, number] {
  const lo = k > 0 ? inverseRegularizedGammaP(k, 0.025) : 0;
  return [lo, inverseRegularizedGammaP(k + 1, 0.975)];
}

/**
 * Returns the 0.975 quantile of Student's t with `df` degrees of freedom, by the Cornish–Fisher
 * expansion in 1/df about the normal quantile z = Φ⁻¹(0.975), to the 1/df⁴ term.
 *
 * $$
 * t \approx z + \frac{g_1}{\nu} + \frac{g_2}{\nu^2} + \frac{g_3}{\nu^3} + \frac{g_4}{\nu^4},\quad
 * g_1 = \tfrac{z^3 + z}{4},\ g_2 = \tfrac{5z^5 + 16z^3 + 3z}{96},\
 * g_3 = \tfrac{3z^7 + 19z^5 + 17z^3 - 15z}{384},\
 * g_4 = \tfrac{79z^9 + 776z^7 + 1482z^5 - 1920z^3 - 945z}{92160}
 * $$
 *
 * @param df - ν, degrees of freedom, ≥ 1 (below 19 the exact quantile of a table, rounded down
 * to an integer ν)
 * @returns t₀.₉₇₅,ν
 *
 * @remarks Measured against scipy.stats.t.ppf(0.975, ν): relative error 1.5e-7 at ν = 19
 * (2.0930237 against 2.0930241), 4e-9 at 39, 5e-10 at 59, decreasing as ν⁻⁵. Below ν = 19 the
 * expansion loses accuracy (6e-6 at ν = 9, worse below), so ν = 1 … 18 come from scipy.stats.t.ppf
 * (scipy 1.17.1).
 *
 * @see M. Abramowitz, I. A. Stegun, Handbook of Mathematical Functions, NBS, 1964, 26.7.5,
 * https://personal.math.ubc.ca/~cbm/aands/page_949.htm
 */
export function studentT975(df: number): number {
  if (df < SMALL_DF_T975.length + 1) return SMALL_DF_T975[Math.max(1, Math.floor(df)) - 1]!;
  const z = Z95;
  const z2 = z * z;
  const g1 = ((z2 + 1) * z) / 4;
  const g2 = (((5 * z2 + 16) * z2 + 3) * z) / 96;
  const g3 = ((((3 * z2 + 19) * z2 + 17) * z2 - 15) * z) / 384;
  const g4 = (((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/**
 * Returns the MSER-m deletion: the number d of leading batches, a multiple of m, at most
 * {@link MSER_MAX_DELETION} and half the series, minimising the squared standard error of the
 * mean of what is kept, computed on the means of groups of m batches.
 *
 * $$
 * d^* = m \cdot \arg\min_{0 \le g \le g_{\max}} \frac{1}{(G - g)^2} \sum_{i=g}^{G-1}
 * (Y_i - \bar Y_g)^2
 * $$
 *
 * - Y_i: the mean of batches m·i … m·i + m − 1; G = ⌊B/m⌋ groups
 *
 * @param series - the batch averages of [0, T] over replications (B values)
 * @param group - m, batches per group (5: MSER-5; 1: plain MSER)
 * @returns d*, in batches
 *
 * @remarks Grouping damps the noise that plain MSER chases when system failures are sparse: on
 * a Weibull 7-of-10 with no transient, 200 seeds, plain MSER on 100 batches biased U by −2.6 %.
 *
 * @see K. P. White, M. J. Cobb, S. C. Spratt, "A comparison of five steady-state truncation
 * heuristics", Proc. Winter Simulation Conference 2000, 755–760,
 * https://doi.org/10.1109/WSC.2000.899870 (MSER-5).
 *
 * @example
 * ```ts
 * mserDeletion([5, 3, 1, 1, 1, 1, 1, 1], 1); // → 2
 * ```
 */
export function mserDeletion(series: readonly number[], group = 5): number {
  const groups: number[] = [];
  for (let start = 0; start + group <= series.length; start += group) {
    let sum = 0;
    for (let j = start; j < start + group; j++) sum += series[j]!;
    groups.push(sum / group);
  }
  const g = groups.length;
  const last = Math.min(Math.floor(MSER_MAX_DELETION / group), Math.floor(g / 2));
  let best = 0;
  let bestValue = Infinity;
  for (let d = 0; d <= last; d++) {
    let sum = 0;
    for (let j = d; j < g; j++) sum += groups[j]!;
    const mean = sum / (g - d);
    let squares = 0;
    for (let j = d; j < g; j++) squares += (groups[j]! - mean) ** 2;
    const value = squares / (g - d) ** 2;
    if (value < bestValue) {
      bestValue = value;
      best = d;
    }
  }
  return best * group;
}

/**
 * Returns the effective number of observations behind a sum of nonnegative terms, (Σx)²/Σx²:
 * their count when they are equal, fewer when a few large ones dominate (Kish's effective sample
 * size). The `events` of an estimate driven by such a sum is at most this.
 *
 * @param sum - Σx
 * @param sumSquares - Σx²
 * @returns (Σx)²/Σx², 0 when the sum is 0
 *
 * @see L. Kish, Survey Sampling, Wiley, 1965, §11.7 (paywalled).
 *
 * @example
 * ```ts
 * effectiveCount(10, 10); // → 10
 * ```
 */
export function effectiveCount(sum: number, sumSquares: number): number {
  return sum > 0 && sumSquares > 0 ? (sum * sum) / sumSquares : 0;
}

/** The exact measures of a structure that is always up or always down. */
function constantMeasures(
  constant: 'up' | 'down',
  wants: ReadonlySet<string>,
  measures: Record<string, unknown>,
  warnings: string[],
): void {
  const up = constant === 'up';
  const estimator = up
    ? 'exact: the system is up even with every unit failed'
    : 'exact: the system is down even with every unit working';
  const exact = (value: number): Estimate => ({ mean: value, ci95: [value, value], estimator });
  if (wants.has('intervalAvailability')) measures.intervalAvailability = exact(up ? 1 : 0);
  if (wants.has('steadyAvailability')) measures.steadyAvailability = exact(up ? 1 : 0);
  if (wants.has('steadyUnavailability')) measures.steadyUnavailability = exact(up ? 0 : 1);
  if (wants.has('failureFrequency')) measures.failureFrequency = exact(0);
  if (wants.has('mttf')) {
    if (up) warnings.push('mttf is left out: the system can never fail (it is infinite)');
    else measures.mttf = exact(0);
  }
  if (['mtbf', 'mut', 'mdt', 'nines'].some((name) => wants.has(name))) {
    warnings.push(
      `mtbf, mut, mdt and nines are left out: the system ${up ? 'never fails' : 'is never up'}`,
    );
  }
}

/** The exact interval availability of a structure that is always up or always down. */
function constantAvailability(constant: 'up' | 'down'): Estimate {
  const value = constant === 'up' ? 1 : 0;
  return {
    mean: value,
    ci95: [value, value],
    estimator: `exact: the system is ${constant === 'up' ? 'up even with every unit failed' : 'down even with every unit working'}`,
  };
}

/**
 * pfdAvg = 1 − intervalAvailability over [0, T] (docs/semantics.md, "Hidden failures and proof
 * tests"), with the interval of the interval availability reflected; `sil` only when the whole
 * 95 % interval of pfdAvg lies in one band of {@link silBand}.
 */
function proofTestMeasures(
  available: Estimate,
  wants: ReadonlySet<string>,
  measures: Record<string, unknown>,
  warnings: string[],
): void {
  const [lo, hi] = [1 - available.ci95[1], 1 - available.ci95[0]];
  const pfd: Estimate = {
    ...available,
    mean: 1 - available.mean,
    ci95: [lo, hi],
    estimator: `1 - interval availability (${available.estimator ?? ''})`,
  };
  if (wants.has('pfdAvg')) measures.pfdAvg = pfd;
  if (!wants.has('sil')) return;
  const [low, high] = [silBand(lo), silBand(hi)];
  if (low === high && pfd.inconclusive === undefined) measures.sil = low;
  else {
    warnings.push(
      `sil is left out: the 95 % interval of pfdAvg, [${compact(lo)}, ${compact(hi)}], spans SIL ${high} to ${low}; simulate more replications to settle the band`,
    );
  }
}

/**
 * missionCost, the mean over replications of the cost in [0, T]; costRate, the long-run cost
 * per time unit, by the ratio of the cycle sums ΣC/ΣL over regeneration cycles (renewal-reward
 * theorem) when the model has regeneration points, else left out: the cost of [0, T] from an
 * all-new start, divided by T, is not a long-run rate.
 */
function costMeasures(
  stats: SimulationStats,
  facts: ModelFacts,
  wants: ReadonlySet<string>,
  measures: Record<string, unknown>,
  warnings: string[],
): void {
  const n = stats.replications;
  if (wants.has('missionCost')) {
    const cost = moments(stats.missionCost, n);
    const effective = Math.floor(
      effectiveCount(exactValue(stats.missionCost.sum), exactValue(stats.missionCost.sumSquares)),
    );
    measures.missionCost = {
      mean: cost.mean,
      ci95: [Math.max(0, cost.mean - Z95 * cost.se), cost.mean + Z95 * cost.se],
      events: effective,
      estimator: 'mean over replications of the maintenance cost in [0, T]',
      ...(effective < FEW_EVENTS && {
        inconclusive: `the mean rests on about ${effective} effective replications (few replications, or a few expensive ones weigh most); about ${FEW_EVENTS} are needed for a normal interval`,
      }),
    } satisfies Estimate;
  }
  if (!wants.has('costRate')) return;
  if (!facts.regenerative) {
    warnings.push(
      'costRate is left out: the model has no regeneration point that the simulator uses (proof tests, several units whose age matters, or units never repaired), and missionCost/T, an average from an all-new start, is not a long-run rate; simulate a long horizon and read missionCost/T as an average over [0, T] only',
    );
    return;
  }
  const cycles = cycleSums(stats);
  const length = cycles.sum(CYCLE.L);
  if (stats.cycles === 0 || length === 0) {
    warnings.push(
      'costRate is left out: no regeneration cycle ended; simulate a longer horizon or raise mttfCap',
    );
    return;
  }
  const total = cycles.sum(CYCLE.C);
  const rate = total / length;
  const se = cycles.ratioSe(CYCLE.CC, CYCLE.L, CYCLE.LL, CYCLE.LC, rate);
  const effective = Math.floor(effectiveCount(total, cycles.sum(CYCLE.CC)));
  const doubt =
    cycleDoubt(stats) ??
    (effective < FEW_EVENTS
      ? `the cost rests on about ${effective} effective regeneration cycles; about ${FEW_EVENTS} are needed for a normal interval: simulate a longer horizon or more replications`
      : undefined);
  measures.costRate = {
    mean: rate,
    ci95: [Math.max(0, rate - Z95 * se), rate + Z95 * se],
    events: Math.min(stats.cycles, effective),
    estimator: 'regenerative cycles: cost per cycle over cycle length, ratio estimator',
    ...(doubt !== undefined && { inconclusive: doubt }),
  } satisfies Estimate;
}

/** pfdAvg and sil average over the mission: without one they are left out, as the exact solvers do. */
function absentNoMission(wants: ReadonlySet<string>, warnings: string[]): void {
  const asked = ['pfdAvg', 'sil'].filter((name) => wants.has(name));
  if (asked.length === 0) return;
  warnings.push(
    `${asked.join(' and ')} ${asked.length > 1 ? 'are' : 'is'} left out: they average over the mission; give mission_time`,
  );
}

/**
 * An interval narrower than this share of its value has no width: a standard error from sums of
 * identical values is their rounding (2e-9 of the value over 3000 cycles), and an interval this
 * narrow from real spread would need some 10¹² events.
 */
const NO_WIDTH = 1e-6;

/**
 * Marks inconclusive every estimate whose interval has no width: one resting on no event (no down
 * time seen, say, when repairs take no time) bounds nothing, and one whose every observation was
 * the same (each system failure the same deterministic repair) cannot show a rarer value it did
 * not see (another unit's failure, with another down time, once in a thousand). An exact value of
 * a constant system is left as it is.
 */
function markWidthless(measures: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(measures)) {
    const estimate = value as Partial<Estimate> | undefined;
    if (
      estimate?.ci95 === undefined ||
      !(estimate.ci95[1] - estimate.ci95[0] <= NO_WIDTH * Math.abs(estimate.mean ?? 0)) ||
      estimate.inconclusive !== undefined ||
      estimate.estimator?.startsWith('exact')
    ) {
      continue;
    }
    measures[name] = {
      ...estimate,
      inconclusive:
        estimate.events === 0
          ? 'it rests on no event (no down time was seen), so its interval has no width and bounds nothing'
          : 'every value it averages was the same (a deterministic time), so its interval has no width and cannot show a rarer value that was not seen; more replications or a longer horizon may see one',
    };
  }
}

/**
 * Interval availability: the mean up fraction of [0, T] over replications. `floor`, the fraction
 * the proof tests alone hold the system down, is the same in every replication: the interval is
 * that of the down time beyond it, which rests on the replications that had some
 * (`downReplications`).
 */
function intervalAvailability(stats: SimulationStats, floor: number): Estimate {
  const n = stats.replications;
  const down = moments(stats.intervalDown, n);
  const events = stats.downReplications;
  const estimator = 'mean over replications of the fraction of [0, T] up';
  if (events === 0) {
    // No replication was down beyond the tests: the excess is at most the probability of being
    // down at all, whose upper 97.5 % Clopper–Pearson bound with 0 of n is 1 − 0.025^{1/n}.
    const bound = -Math.expm1(Math.log(0.025) / n);
    const mean = floor === 0 ? 1 : 1 - down.mean;
    return {
      mean,
      ci95: [Math.max(0, mean - bound), mean],
      events,
      estimator,
      ...(floor > 0 && {
        inconclusive: `no replication was down beyond the proof tests' own down time (${compact(floor)} of the mission), so the interval is a bound; simulate more replications`,
      }),
    };
  }
  // The excess down fraction is positive and skewed (a few long outages): its interval is
  // taken on the log scale, and it rests on no more events than the effective count of the
  // fractions (without tests that take time; with them the floor hides the count).
  const excess = Math.max(down.mean - floor, Number.MIN_VALUE);
  let [lo, hi] = logInterval(excess, down.se, Z95);
  if (events < FEW_EVENTS) {
    const [kLo, kHi] = poissonCountInterval(events);
    lo = Math.min(lo, (excess * kLo) / events);
    hi = Math.max(hi, (excess * kHi) / events);
  }
  const effective =
    floor === 0
      ? effectiveCount(
          exactValue(stats.intervalDown.sum),
          exactValue(stats.intervalDown.sumSquares),
        )
      : events;
  return {
    mean: 1 - down.mean,
    ci95: [1 - Math.min(1, floor + hi), 1 - Math.max(0, floor + lo)],
    events: Math.min(events, Math.floor(effective)),
    estimator,
  };
}

/** MTTF over regeneration cycles: Σ X / Σ I. */
function regenerativeMttf(
  stats: SimulationStats,
  unit: string,
  measures: Record<string, unknown>,
  warnings: string[],
): void {
  const cycles = cycleSums(stats);
  const failures = cycles.sum(CYCLE.I);
  const exposure = cycles.sum(CYCLE.X);
  const estimator = 'regenerative cycles: time to failure per failure-ended cycle';
  if (failures === 0) {
    const bound = exposure / poissonCountInterval(0)[1];
    warnings.push(
      `mttf is left out: no system failure in ${stats.cycles} regeneration cycles (${compact(exposure)} ${unit} from all-new); mttf >= ${compact(bound)} (95 %); simulate longer or more replications`,
    );
    return;
  }
  const mttf = exposure / failures;
  let ci95: [number, number];
  if (failures < FEW_EVENTS) {
    const [kLo, kHi] = poissonCountInterval(failures);
    ci95 = [exposure / kHi, exposure / kLo];
  } else {
    const se = cycles.ratioSe(CYCLE.XX, CYCLE.I, CYCLE.I, CYCLE.XI, mttf);
    ci95 = [Math.max(0, mttf - Z95 * se), mttf + Z95 * se];
  }
  const doubt = cycleDoubt(stats);
  measures.mttf = {
    mean: mttf,
    ci95,
    events: failures,
    estimator,
    ...(doubt !== undefined && { inconclusive: doubt }),
  } satisfies Estimate;
}

/** MTTF from the first failure of each replication, run on to it (at most the cap). */
function firstFailureMttf(
  stats: SimulationStats,
  measures: Record<string, unknown>,
  warnings: string[],
): void {
  const n = stats.replications;
  const failed = n - stats.censored;
  const cap = stats.mttfCap * stats.horizon;
  const first = moments(stats.firstFailure, n);
  const interval: [number, number] = [
    Math.max(0, first.mean - Z95 * first.se),
    first.mean + Z95 * first.se,
  ];
  // A few long first failures can dominate the mean (heavy-tailed lives): it then rests on
  // their effective count, not on n.
  const effective = Math.floor(
    effectiveCount(exactValue(stats.firstFailure.sum), exactValue(stats.firstFailure.sumSquares)),
  );
  if (stats.censored === 0) {
    // The sample's squared coefficient of variation, n·Σx²/(Σx)² − 1: above 3 the times are
    // heavy-tailed, the sample rarely sees the tail that carries the mean, and the normal
    // interval misses low (lognormal σ = 2, 400 replications: 81 % coverage).
    const cv2 = n / Math.max(effective, 1) - 1;
    const doubt =
      effective < FEW_EVENTS
        ? `the mean rests on about ${effective} effective replications (few replications, or a few long first failures weigh most); about ${FEW_EVENTS} are needed for a normal interval: simulate about ${Math.ceil(FEW_EVENTS / Math.max(effective, 1))}x more replications`
        : cv2 > HEAVY_TAIL_CV2 && effective < HEAVY_TAIL_EFFECTIVE
          ? `the first failure times are heavy-tailed (coefficient of variation ${Math.sqrt(cv2).toFixed(1)}): their mean converges slowly and its normal interval is not trusted below ${HEAVY_TAIL_EFFECTIVE} effective replications (${effective} here); simulate about ${Math.ceil(HEAVY_TAIL_EFFECTIVE / effective)}x more replications`
          : undefined;
    measures.mttf = {
      mean: first.mean,
      ci95: interval,
      events: Math.min(failed, effective),
      estimator: 'mean first failure time over replications',
      ...(doubt !== undefined && { inconclusive: doubt }),
    } satisfies Estimate;
    return;
  }
  measures.restrictedMttf = {
    mean: first.mean,
    ci95: interval,
    events: failed,
    estimator: 'restricted mean E[min(T1, cap)] over replications',
    restrictedTo: cap,
  };
  warnings.push(
    `mttf is left out: ${stats.censored} of ${n} replications had no system failure by the cap ${compact(cap)} (mttfCap ${stats.mttfCap} x horizon); restrictedMttf = E[min(T1, ${compact(cap)})] = ${compact(first.mean)} is a lower bound of the MTTF (95 % lower end ${compact(interval[0])}); raise the cap (mttfCap, --mttf-cap) to estimate it`,
  );
}

/** The steady measures over regeneration cycles: ratios of cycle sums. */
function regenerativeSteady(
  stats: SimulationStats,
  unit: string,
  warnings: string[],
): Record<string, Estimate> {
  const cycles = cycleSums(stats);
  const length = cycles.sum(CYCLE.L);
  const down = cycles.sum(CYCLE.D);
  const failures = cycles.sum(CYCLE.F);
  const estimator = 'regenerative cycles (all-new to all-new), ratio estimator';
  const doubt = cycleDoubt(stats);
  const mark = (estimate: Estimate): Estimate => ({
    ...estimate,
    events: estimate.events ?? failures,
    estimator,
    ...(doubt !== undefined && { inconclusive: doubt }),
  });
  if (stats.cycles === 0 || length === 0) {
    warnings.push(
      `${STEADY_LIST} are left out: no regeneration cycle ended; simulate a longer horizon or raise mttfCap`,
    );
    return {};
  }
  const frequency = failures / length;
  if (failures === 0) {
    warnings.push(
      `steadyAvailability, steadyUnavailability, nines, mtbf, mut and mdt are left out: no system failure in ${stats.cycles} regeneration cycles (${compact(length)} ${unit}); failureFrequency <= ${compact(poissonCountInterval(0)[1] / length)} (95 %)`,
    );
    return {
      failureFrequency: mark({ mean: 0, ci95: [0, poissonCountInterval(0)[1] / length] }),
    };
  }
  const unavailability = down / length;
  // mut = Σ(L − D)/ΣF, with the sums of L − D from those of L and D.
  const mut = (length - down) / failures;
  const mutSe = cycles.ratioSeOf(
    cycles.sum(CYCLE.LL) - 2 * cycles.sum(CYCLE.LD) + cycles.sum(CYCLE.DD),
    failures,
    cycles.sum(CYCLE.FF),
    cycles.sum(CYCLE.LF) - cycles.sum(CYCLE.DF),
    mut,
  );
  return steadyEstimates(
    {
      unavailability: {
        value: unavailability,
        se: cycles.ratioSe(CYCLE.DD, CYCLE.L, CYCLE.LL, CYCLE.LD, unavailability),
      },
      frequency: {
        value: frequency,
        se: cycles.ratioSe(CYCLE.FF, CYCLE.L, CYCLE.LL, CYCLE.LF, frequency),
      },
      mtbf: {
        value: 1 / frequency,
        se: cycles.ratioSe(CYCLE.LL, CYCLE.F, CYCLE.FF, CYCLE.LF, 1 / frequency),
      },
      mut: { value: mut, se: mutSe },
      mdt: {
        value: down / failures,
        se: cycles.ratioSe(CYCLE.DD, CYCLE.F, CYCLE.FF, CYCLE.DF, down / failures),
      },
    },
    failures,
    effectiveCount(down, cycles.sum(CYCLE.DD)),
    Z95,
    mark,
    warnings,
  );
}

/** A steady measure's point estimate and delta-method standard error. */
interface SteadyPoint {
  readonly value: number;
  readonly se: number;
}

/**
 * The steady estimates with their intervals, from point estimates and standard errors resting
 * on k ≥ 1 system failures. Unavailability (so availability and nines) and MDT, shares and means
 * of down time that a few long outages can dominate, take their interval on the log scale
 * (value·e^{±q·se/value}) and rest on at most `downEvents`, the effective count of the down
 * times ({@link effectiveCount}). With k < {@link FEW_EVENTS} the count dominates: rates and
 * unavailability take at least the Poisson interval of k scaled to the value, MTBF and MUT its
 * inverse; MDT, an average of k down times, takes Student's t with k − 1 degrees of freedom and is
 * left out at k = 1.
 */
function steadyEstimates(
  points: {
    readonly unavailability: SteadyPoint;
    readonly frequency: SteadyPoint;
    readonly mtbf: SteadyPoint;
    readonly mut: SteadyPoint;
    readonly mdt: SteadyPoint;
  },
  failures: number,
  downEvents: number,
  q: number,
  mark: (estimate: Estimate) => Estimate,
  warnings: string[],
): Record<string, Estimate> {
  const few = failures < FEW_EVENTS;
  // Only few failures widen the intervals to the Poisson count's (and the count's quantiles of
  // a run with 10^8 failures would take the incomplete gamma function past its iterations).
  const [kLo, kHi] = few ? poissonCountInterval(failures) : [failures, failures];
  // On the log scale, as the unavailability's: a rate or a mean time is positive, and a
  // normal interval clipped at 0 would say an MTBF of 0 is plausible.
  const counted = (point: SteadyPoint, low: number, high: number): [number, number] => {
    const [lo, hi] = logInterval(point.value, point.se, q);
    return few ? [Math.min(lo, point.value * low), Math.max(hi, point.value * high)] : [lo, hi];
  };
  const { unavailability, frequency, mtbf, mut, mdt } = points;
  const down = Math.min(failures, Math.floor(downEvents));
  const uInterval = logInterval(unavailability.value, unavailability.se, q);
  if (few) {
    uInterval[0] = Math.min(uInterval[0], (unavailability.value * kLo) / failures);
    uInterval[1] = Math.max(uInterval[1], (unavailability.value * kHi) / failures);
  }
  uInterval[1] = Math.min(1, uInterval[1]);
  const result: Record<string, Estimate> = {
    steadyUnavailability: mark({ mean: unavailability.value, ci95: uInterval, events: down }),
    steadyAvailability: mark({
      mean: 1 - unavailability.value,
      ci95: [1 - uInterval[1], 1 - uInterval[0]],
      events: down,
    }),
    failureFrequency: mark({
      mean: frequency.value,
      ci95: counted(frequency, kLo / failures, kHi / failures),
    }),
    mtbf: mark({ mean: mtbf.value, ci95: counted(mtbf, failures / kHi, failures / kLo) }),
    mut: mark({ mean: mut.value, ci95: counted(mut, failures / kHi, failures / kLo) }),
  };
  if (failures >= 2) {
    const quantile = few ? Math.max(q, studentT975(failures - 1)) : q;
    result.mdt = mark({
      mean: mdt.value,
      ci95: logInterval(mdt.value, mdt.se, quantile),
      events: down,
    });
  } else {
    warnings.push('mdt is left out: one system failure gives no interval for a mean down time');
  }
  if (unavailability.value > 0) {
    result.nines = mark({
      mean: -Math.log10(unavailability.value),
      ci95: [Math.max(0, -Math.log10(uInterval[1])), -Math.log10(uInterval[0])],
      events: down,
    });
  }
  return result;
}

/** Why regenerative estimates cannot be trusted yet, if they cannot. */
function cycleDoubt(stats: SimulationStats): string | undefined {
  if (stats.cyclesCensored > 0) {
    return `${stats.cyclesCensored} replications still had their regeneration cycle open at the cap (mttfCap ${stats.mttfCap} x horizon): long cycles are missing from the ratio; raise the cap or the horizon`;
  }
  if (stats.cycles < 2)
    return `rests on ${stats.cycles} regeneration cycle(s); simulate a longer horizon or more replications`;
  const length = exactValue(stats.cycleSums[CYCLE.L]!);
  const share = stats.longestCycle / length;
  if (share > LONGEST_CYCLE_SHARE) {
    return `one regeneration cycle holds ${(100 * share).toFixed(0)} % of all simulated cycle time: the estimate rests on a few long cycles (long or heavy-tailed repair, detection or recovery times); simulate about ${Math.ceil(share / LONGEST_CYCLE_SHARE)}x longer`;
  }
  return undefined;
}

/** The steady measures as time averages over [d·T/B, T], d chosen by MSER. */
function timeAverageSteady(
  stats: SimulationStats,
  facts: ModelFacts,
  warnings: string[],
): Record<string, Estimate> {
  if (!facts.repairable) {
    warnings.push(
      `${STEADY_LIST} are left out: nothing is repaired, so the system is down for good in the long run`,
    );
    return {};
  }
  const n = stats.replications;
  const batchLength = stats.horizon / BATCH_COUNT;
  const series = stats.batchDown.map((sum) => exactValue(sum) / n);
  // The failure rate has a start of its own: lives that wear out fail in waves from an all-new
  // start (a renewal density that oscillates), which the down time may not show. The kept window
  // must be past both starts, or ω, MTBF and MUT keep part of the waves.
  const rates = stats.batchFailures.map((count) => count / (n * batchLength));
  const d = Math.max(mserDeletion(series), mserDeletion(rates));
  const kept = BATCH_COUNT - d;
  const window = kept * batchLength;
  let downSum = 0;
  let failures = 0;
  for (let j = d; j < BATCH_COUNT; j++) {
    downSum += series[j]!;
    failures += stats.batchFailures[j]!;
  }
  const unavailability = downSum / kept;
  const frequency = failures / (n * window);
  const estimator = `time average over [${d} % of T, T] after MSER deletion`;
  const doubts: string[] = [];
  if (stats.horizon < SETTLING_SCALES * facts.slowest.value) {
    doubts.push(
      `the horizon ${compact(stats.horizon)} is shorter than ${SETTLING_SCALES} x the model's slowest time scale (${facts.slowest.what}, ${compact(facts.slowest.value)}); simulate a horizon of at least ${compact(SETTLING_SCALES * facts.slowest.value)}`,
    );
  }
  if (d >= 0.9 * MSER_MAX_DELETION) {
    doubts.push(`MSER deleted ${d} % of the run: it has not settled; simulate a longer horizon`);
  }
  if (stats.horizon < SETTLING_SCALES * facts.phase.value) {
    const { value, what } = facts.phase;
    doubts.push(
      value === Infinity
        ? `every replication starts its units new and in step, and ${what} never forgets it: no horizon gives the long-run average of independent phases from an all-new start`
        : `every replication starts its units new and in step, and ${what} is remembered for about ${compact(value)} ${facts.timeUnit}: an average over ${compact(stats.horizon)} weights the phases as the long run does not; simulate a horizon of at least ${compact(SETTLING_SCALES * value)} ${facts.timeUnit}`,
    );
  }
  if (facts.lostForGood > 0 && stats.horizon < 20 * facts.lostForGood) {
    doubts.push(
      `some units are never repaired (mean life up to ${compact(facts.lostForGood)}): the long-run state comes only after they are lost; simulate a horizon of at least ${compact(20 * facts.lostForGood)}`,
    );
  }
  // Spread: over replications (each one's average over the kept batches), or over the kept
  // batches of all replications (batch means) when there are few replications.
  let m: number;
  let downVariance: number;
  let rateVariance: number;
  let covariance: number;
  let downSquares: number;
  let q = Z95;
  if (n >= BATCH_MEANS_BELOW) {
    m = n;
    downSquares = exactValue(stats.suffixDownSquares[d]!);
    downVariance = variance(downSquares, unavailability, m);
    rateVariance = variance(exactValue(stats.suffixRateSquares[d]!), frequency, m);
    covariance = (exactValue(stats.suffixCross[d]!) - m * unavailability * frequency) / (m - 1);
  } else {
    m = n * kept;
    const sum = (arrays: readonly ExactAccumulator[]): number =>
      arrays.slice(d).reduce((total, x) => total + exactValue(x), 0);
    downSquares = sum(stats.batchDownSquares);
    downVariance = variance(downSquares, unavailability, m);
    rateVariance = variance(sum(stats.batchRateSquares), frequency, m);
    covariance = (sum(stats.batchCross) - m * unavailability * frequency) / (m - 1);
    q = studentT975(m - 1);
    warnings.push(
      `steady measures: ci95 by batch means, ${kept} batches of ${compact(batchLength)} per replication (${m} in all), Student t with ${m - 1} degrees of freedom; valid when each batch holds many system failures`,
    );
  }
  const mark = (estimate: Estimate): Estimate => ({
    ...estimate,
    events: estimate.events ?? failures,
    estimator,
    ...(doubts.length > 0 && { inconclusive: doubts.join('; ') }),
  });
  if (failures === 0) {
    const bound = poissonCountInterval(0)[1] / (n * window);
    warnings.push(
      `steadyAvailability, steadyUnavailability, nines, mtbf, mut and mdt are left out: no system failure in the kept window of ${n} replications (${compact(n * window)} ${facts.timeUnit}); failureFrequency <= ${compact(bound)} (95 %)`,
    );
    return { failureFrequency: mark({ mean: 0, ci95: [0, bound] }) };
  }
  const rateSe = Math.sqrt(rateVariance / m);
  const downSe = Math.sqrt(downVariance / m);
  const tail = tailDoubt(
    facts,
    d * batchLength,
    stats.horizon,
    q * Math.min(downSe / unavailability, rateSe / frequency),
  );
  if (tail !== undefined) doubts.push(tail);
  const rate = { mean: frequency, variance: rateVariance };
  return steadyEstimates(
    {
      unavailability: { value: unavailability, se: downSe },
      frequency: { value: frequency, se: rateSe },
      mtbf: { value: 1 / frequency, se: rateSe / frequency ** 2 },
      mut: {
        value: (1 - unavailability) / frequency,
        se: ratioSe(1 - unavailability, downVariance, -covariance, rate, m),
      },
      mdt: {
        value: unavailability / frequency,
        se: ratioSe(unavailability, downVariance, covariance, rate, m),
      },
    },
    failures,
    effectiveCount(m * unavailability, downSquares),
    q,
    mark,
    warnings,
  );
}

/**
 * Returns why the time averages over [t₀, T] cannot be trusted when a law's heavy tail biases
 * them ({@link worstTailBias}) by more than their intervals' relative half-width h: periods
 * longer than the run carry a share of the law's long-run mean that an all-new start never sees.
 * A law's bias b moves each unit's unavailability by about b, and the system's, a sum over its
 * smallest cuts of products of o units' unavailabilities, by about o·b ({@link cutOrder}):
 *
 * $$
 * \text{inconclusive when } o \max_X b_X(t_0, T) > h
 * $$
 *
 * @param facts - the model's timed laws, cut order and time unit
 * @param start - t₀, where the kept window starts
 * @param end - T, the horizon
 * @param halfWidth - h, the smaller relative half-width of the unavailability's and the failure
 *   frequency's intervals
 * @returns the reason, or undefined
 */
function tailDoubt(
  facts: ModelFacts,
  start: number,
  end: number,
  halfWidth: number,
): string | undefined {
  const tail = worstTailBias(facts.laws, start, end, halfWidth / facts.cutOrder);
  if (tail === undefined) return undefined;
  const longer =
    tail.horizon === Infinity
      ? 'no horizon up to 2^40 times longer settles it'
      : `simulate a horizon of at least ${compact(tail.horizon)} ${facts.timeUnit}`;
  return `the ${tail.what} has a heavy tail: a time average over [${compact(start)}, ${compact(end)}] ${facts.timeUnit} from an all-new start has not reached the long run (periods longer than the run carry part of its mean), so the steady measures may be off by about ${percent(facts.cutOrder * tail.bias)}${facts.cutOrder > 1 ? ` (${percent(tail.bias)} for each of the ${facts.cutOrder} units whose failures down the system)` : ''}, more than their 95 % intervals allow; ${longer}`;
}

/** A share as a percentage with two significant digits (`15 %`, `1.2 %`). */
function percent(share: number): string {
  return `${Number((100 * share).toPrecision(2))} %`;
}

/**
 * The interval value·e^{±q·se/value}: the delta-method interval of ln(value), for a positive,
 * right-skewed estimate (a share of down time, a mean down time); [0, 0] for a value of 0.
 */
function logInterval(value: number, se: number, q: number): [number, number] {
  if (!(value > 0)) return [0, 0];
  const spread = Math.exp((q * se) / value);
  return [value / spread, value * spread];
}

/** Sample variance from Σx² and the mean of m values. */
function variance(sumSquares: number, mean: number, m: number): number {
  return m > 1 ? Math.max(0, (sumSquares - m * mean * mean) / (m - 1)) : 0;
}

/** Delta-method standard error of ā/f̄ given var(a), cov(a, f) and the moments of f. */
function ratioSe(
  a: number,
  varianceA: number,
  covariance: number,
  f: { readonly mean: number; readonly variance: number },
  m: number,
): number {
  const r = a / f.mean;
  const v = Math.max(0, varianceA - 2 * r * covariance + r * r * f.variance);
  return Math.sqrt(v / m) / f.mean;
}

/** The cycle sums of `stats` as numbers, with the delta-method standard error of their ratios. */
function cycleSums(stats: SimulationStats): {
  sum(index: number): number;
  ratioSe(aa: number, b: number, bb: number, ab: number, ratio: number): number;
  ratioSeOf(aa: number, b: number, bb: number, ab: number, ratio: number): number;
} {
  const values = stats.cycleSums.map(exactValue);
  const c = stats.cycles;
  // Var(a − R b) over cycles, by Σ(a − Rb)² = Σa² − 2RΣab + R²Σb² (Σ(a − Rb) = 0 at R = Σa/Σb).
  const ratioSeOf = (aa: number, b: number, bb: number, ab: number, ratio: number): number => {
    if (c < 2 || b === 0) return 0;
    const squares = Math.max(0, aa - 2 * ratio * ab + ratio * ratio * bb);
    return Math.sqrt(squares / (c - 1) / c) / (b / c);
  };
  return {
    sum: (index) => values[index]!,
    ratioSe: (aa, b, bb, ab, ratio) =>
      ratioSeOf(values[aa]!, values[b]!, values[bb]!, values[ab]!, ratio),
    ratioSeOf,
  };
}

interface Moments {
  readonly mean: number;
  readonly variance: number;
  readonly se: number;
}

function moments(sums: MomentSums, n: number): Moments {
  const sum = exactValue(sums.sum);
  const mean = sum / n;
  const v = n > 1 ? Math.max(0, (exactValue(sums.sumSquares) - sum * mean) / (n - 1)) : 0;
  return { mean, variance: v, se: Math.sqrt(v / n) };
}

function proportionCurve(t: number[], counts: readonly number[], n: number): Curve {
  const bands = counts.map((x) => wilsonInterval(x, n));
  return {
    t,
    values: counts.map((x) => x / n),
    lo: bands.map((band) => band[0]),
    hi: bands.map((band) => band[1]),
  };
}

/** A number in at most 4 significant digits, for messages. */
function compact(x: number): string {
  return Number(x.toPrecision(4)).toString();
}
