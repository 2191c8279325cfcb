import type { DistributionSpec } from '../distributions/registry.js';
import { checkFinite, checkInteger, ParameterError } from '../errors.js';
import { fitParameterSampler } from '../fit/drawFitParameters.js';
import type { Model } from '../model/Model.js';
import type { Curve, Estimate, Result } from '../model/Result.js';
import { seedReplicationStream, streamRng } from '../sim/random.js';
import { solveWith, type ExactMethod, type ExactOptions } from './solveWith.js';

/** Options of parameter-uncertainty propagation ({@link solveWithUncertainty}). */
export interface UncertaintyOptions {
  /** Parameter vectors to draw, an integer in [40, 1e6]; 1000 gives the 2.5 % point to about ±0.5 % in probability. */
  readonly draws: number;
  /** Draw i uses the random stream of (seed, i, `parameters`). @defaultValue 1 */
  readonly seed?: number;
}

/** A scalar measure's spread over the parameter draws. */
export interface MeasureUncertainty {
  /** For a curve's value at the mission time (`reliabilityAtMission`, …): that time. */
  readonly t?: number;
  /** The measure at the maximum-likelihood estimates (the point result's value). */
  readonly estimate: number;
  /** The 50 % point of the measure over the draws. */
  readonly median: number;
  /** The 2.5 % and 97.5 % points over the draws: the percentile 95 % interval. */
  readonly ci95: readonly [number, number];
  /** Nested simulation only: the mean over the draws of each inner estimate's 95 % half-width. */
  readonly innerHalfWidth?: number;
}

/** A curve's spread over the draws, point by point (each t its own percentile interval). */
export interface CurveUncertainty {
  readonly t: readonly number[];
  readonly estimate: readonly number[];
  readonly median: readonly number[];
  readonly lo: readonly number[];
  readonly hi: readonly number[];
}

/** What {@link solveWithUncertainty} adds to a result: the measures' percentile intervals. */
export interface ParameterUncertainty {
  readonly draws: number;
  readonly seed: number;
  /** Fisher-matrix normal draws on the bounds' scale (docs/fitting.md). */
  readonly method: 'fisher-normal';
  /** The fitted laws varied, by their place in the model. */
  readonly laws: readonly string[];
  /**
   * Scalar measures (and `reliabilityAtMission`, `availabilityAtMission` when the mission time
   * is one of the curve's times) and the curves `reliability`, `availability`.
   */
  readonly measures: Readonly<Record<string, MeasureUncertainty | CurveUncertainty>>;
  readonly warnings: readonly string[];
}

const MIN_DRAWS = 40;
const MAX_DRAWS = 1_000_000;

/**
 * Checks the options of uncertainty propagation and that the model has fitted laws.
 *
 * @throws {@link ParameterError} for draws outside [40, 1e6], a seed that is not finite, or a
 * model without laws fitted from data
 */
function checkUncertainty(model: Model, options: UncertaintyOptions): Required<UncertaintyOptions> {
  const where = 'uncertainty';
  const draws = checkInteger(where, 'draws', options.draws, MIN_DRAWS, MAX_DRAWS);
  const seed = checkFinite(where, 'seed', options.seed ?? 1);
  if ((model.fits ?? []).length === 0) {
    throw new ParameterError(
      where,
      'model',
      'have laws fitted from data (failure: { fit: FILE, dist: FAMILY }) for parameter uncertainty',
      model.name,
    );
  }
  return { draws, seed };
}

/**
 * The model with its fitted laws replaced by draw i of their parameters (each fit independently
 * of the others, {@link fitParameterSampler}), and how many drawn locations were set to 0.
 */
export function fittedModelDraws(
  model: Model,
  options: UncertaintyOptions,
): { readonly models: Iterable<Model>; readonly clipped: () => number } {
  const { draws, seed } = checkUncertainty(model, options);
  const fits = model.fits ?? [];
  const samplers = fits.map((fit) => ({
    place: placeOf(fit.path),
    draw: fitParameterSampler(fit),
  }));
  let clipped = 0;
  function* models(): Generator<Model> {
    const state = new Uint32Array(4);
    for (let i = 0; i < draws; i++) {
      seedReplicationStream(state, seed, i, 'parameters');
      const rng = streamRng(state);
      const laws = samplers.map(({ place, draw }) => {
        const drawn = draw(rng);
        if (drawn.clipped) clipped++;
        return { ...place, law: drawn.law };
      });
      yield withLaws(model, laws);
    }
  }
  return { models: models(), clipped: () => clipped };
}

type LawField = 'failure' | 'repair' | 'detection' | 'recovery';

/** `components.pump.failure` or `events.e1.failure` → the component's name and the field. */
function placeOf(path: string): { readonly name: string; readonly field: LawField } {
  const first = path.indexOf('.');
  const last = path.lastIndexOf('.');
  return {
    name: path.slice(first + 1, last),
    field: path.slice(last + 1) as LawField,
  };
}

/** The model with the named components' laws replaced. */
function withLaws(
  model: Model,
  laws: readonly {
    readonly name: string;
    readonly field: LawField;
    readonly law: DistributionSpec;
  }[],
): Model {
  const components = model.components.map((component) => {
    let next = component;
    for (const { name, field, law } of laws) {
      if (component.name === name) next = { ...next, [field]: law };
    }
    return next;
  });
  return { ...model, components };
}

/**
 * Solves a model with laws fitted from data at the estimates, then for `draws` parameter vectors
 * drawn from the fits' asymptotic normal distribution, and gives beside each measure its
 * percentile 95 % interval over the draws.
 *
 * $$
 * u^{*(k)} \sim N\bigl(\hat u, \widehat{\mathrm{Cov}}(\hat u)\bigr), \qquad
 * m^{(k)} = m\bigl(u^{*(k)}\bigr), \qquad
 * \bigl[\, m_{(0.025)},\ m_{(0.975)} \bigr]
 * $$
 *
 * with û the estimates in the bounds' coordinates (ln p for positive parameters), each fit drawn
 * independently of the others, and m₍q₎ the q-quantile of the draws (linear interpolation
 * between order statistics, Hyndman and Fan's type 7).
 *
 * @param model - a loaded model with fitted laws (`model.fits`)
 * @param method - as for {@link solveWith}
 * @param options - as for {@link solveWith}; the draws are solved at the point result's times
 * and horizon
 * @param uncertainty - number of draws and seed
 * @returns the point result with `uncertainty`
 * @throws {@link ParameterError} for a model without fitted laws or draws outside [40, 1e6],
 * and what {@link solveWith} throws
 *
 * @remarks A frequentist approximation: it rests on the asymptotic normality of the maximum
 * likelihood estimates, on the scale of the Fisher bounds, and ignores the choice of family.
 * For one exponential component the interval of the MTTF tends to the Fisher bound on the mean.
 * Cost: draws + 1 solves.
 *
 * @see W. Q. Meeker and L. A. Escobar, Statistical Methods for Reliability Data, Wiley, 1998,
 * ch. 8 (normal approximations on transformed scales) and App. B; R. J. Hyndman and Y. Fan, Sample quantiles in statistical
 * packages, Am. Stat. 50 (1996) 361–365.
 */
export function solveWithUncertainty(
  model: Model,
  method: ExactMethod,
  options: ExactOptions,
  uncertainty: UncertaintyOptions,
): Result & { readonly uncertainty: ParameterUncertainty } {
  const checked = checkUncertainty(model, uncertainty);
  const point = solveWith(model, method, options);
  const pinned = pinnedOptions(point, options);
  const { models, clipped } = fittedModelDraws(model, checked);
  const results: Result[] = [];
  // The draws' importance factors are not summarised: not computed.
  const drawOptions = { ...pinned, importance: false };
  for (const drawn of models) results.push(solveWith(drawn, method, drawOptions));
  return {
    ...point,
    uncertainty: summarizeDraws(model, point, results, checked, clipped()),
  };
}

/** Options that solve every draw at the point result's times and horizon. */
function pinnedOptions<T extends { readonly times?: readonly number[]; readonly horizon?: number }>(
  point: Result,
  options: T,
): T {
  const curve = point.measures.reliability ?? point.measures.availability;
  return {
    ...options,
    ...(point.horizon !== undefined && { horizon: point.horizon }),
    ...(curve !== undefined && { times: curve.t }),
  };
}

/**
 * The percentile intervals of the point result's measures over the draws' results, with the
 * warnings: a measure some draw lacks is left out, clipped locations and inner noise are named.
 */
export function summarizeDraws(
  model: Model,
  point: Result,
  draws: readonly Result[],
  options: Required<UncertaintyOptions>,
  clipped: number,
): ParameterUncertainty {
  const warnings: string[] = [];
  const measures: Record<string, MeasureUncertainty | CurveUncertainty> = {};
  const valueOf = (result: Result, name: string): number | Estimate | Curve | undefined =>
    (result.measures as Record<string, unknown>)[name] as number | Estimate | Curve | undefined;
  for (const [name, value] of Object.entries(point.measures)) {
    if (typeof value === 'number' || isEstimate(value)) {
      const values = draws.map((result) => valueOf(result, name));
      if (values.some((v) => typeof v !== 'number' && !isEstimate(v))) {
        warnings.push(`${name}: left out, some draws do not give it`);
        continue;
      }
      const scalars = values as (number | Estimate)[];
      measures[name] = scalarSummary(
        scalarOf(value),
        scalars.map(scalarOf),
        scalars.every(isEstimate) ? scalars.map(halfWidthOf) : undefined,
      );
    } else if ((name === 'reliability' || name === 'availability') && isCurve(value)) {
      const curves = draws.map((result) => valueOf(result, name));
      if (!curves.every((c) => isCurve(c) && c.t.length === value.t.length)) {
        warnings.push(`${name}: left out, some draws do not give it at the same times`);
        continue;
      }
      const columns = value.t.map((_, j) => (curves as Curve[]).map((c) => c.values[j]!)); // same length, checked above
      const summaries = columns.map((column, j) =>
        scalarSummary(value.values[j]!, column, undefined),
      );
      measures[name] = {
        t: value.t,
        estimate: value.values,
        median: summaries.map((s) => s.median),
        lo: summaries.map((s) => s.ci95[0]),
        hi: summaries.map((s) => s.ci95[1]),
      };
      const at = model.missionTime === undefined ? -1 : value.t.indexOf(model.missionTime);
      if (at >= 0) {
        const widths = (curves as Curve[]).every((c) => c.lo && c.hi)
          ? (curves as Curve[]).map((c) => (c.hi![at]! - c.lo![at]!) / 2)
          : undefined;
        measures[`${name}AtMission`] = {
          t: value.t[at]!,
          ...scalarSummary(value.values[at]!, columns[at]!, widths),
        };
      }
    }
  }
  for (const [name, summary] of Object.entries(measures)) {
    if (!('ci95' in summary) || summary.innerHalfWidth === undefined) continue;
    const outer = (summary.ci95[1] - summary.ci95[0]) / 2;
    if (!(summary.innerHalfWidth <= NOISE_SHARE * outer)) {
      warnings.push(
        `${name}: the simulation noise is not small beside the parameter spread (mean inner half-width ${summary.innerHalfWidth.toPrecision(3)} against the interval's half-width ${outer.toPrecision(3)}): the interval is wider than the parameters alone make it; raise --replications`,
      );
    }
  }
  if (clipped > 0) {
    warnings.push(
      `${clipped} drawn locations fell below 0 and were set to 0 (the normal approximation of the location is rough there)`,
    );
  }
  return {
    draws: draws.length,
    seed: options.seed,
    method: 'fisher-normal',
    laws: (model.fits ?? []).map((fit) => fit.path),
    measures,
    warnings,
  };
}

/**
 * Inner noise is called small when its half-width is at most this share of the outer one: the
 * noise then adds at most about (0.3)² ≈ 9 % to the outer variance, 4.5 % to the width.
 */
const NOISE_SHARE = 0.3;

function scalarSummary(
  estimate: number,
  values: readonly number[],
  halfWidths: readonly number[] | undefined,
): MeasureUncertainty {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    estimate,
    median: quantileSorted(sorted, 0.5),
    ci95: [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)],
    ...(halfWidths !== undefined && {
      innerHalfWidth: halfWidths.reduce((sum, h) => sum + h, 0) / halfWidths.length,
    }),
  };
}

/**
 * The q-quantile of sorted values by linear interpolation between order statistics (type 7 of
 * Hyndman and Fan): h = (n − 1)q, x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), 0-based.
 */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new ParameterError('quantileSorted', 'values', 'not be empty', 0);
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!); // 0 ≤ low ≤ high < n
}

function isEstimate(value: unknown): value is Estimate {
  return typeof value === 'object' && value !== null && 'mean' in value && 'ci95' in value;
}

function isCurve(value: unknown): value is Curve {
  return typeof value === 'object' && value !== null && 't' in value && 'values' in value;
}

function scalarOf(value: number | Estimate): number {
  return typeof value === 'number' ? value : value.mean;
}

function halfWidthOf(value: number | Estimate): number {
  return typeof value === 'number' ? 0 : (value.ci95[1] - value.ci95[0]) / 2;
}
