import type { DistributionSpec } from '../distributions/registry.js';
import { formatValue, ParameterError } from '../errors.js';
import { minimizeScalar } from '../numeric/minimizeScalar.js';
import { normalQuantile } from '../numeric/normal.js';
import { andersonDarling } from './andersonDarling.js';
import { FIT_FAMILIES, FIT_FAMILY_NAMES, type FitFamily, type FitFamilyName } from './families.js';
import type { LifeData } from './lifeData.js';
import { likelihoodRatioBounds } from './likelihoodRatio.js';
import { boundedEstimate, reliabilityEstimate } from './fittedReliability.js';
import { logLikelihood } from './likelihood.js';
import { maximizeNewton, type Convergence, type Maximum } from './maximize.js';
import { cholesky, choleskyInverse } from './smallMatrix.js';
import { RANK_REGRESSION_FAMILIES, rankRegression, startValues } from './startValues.js';
import { working } from './workingParameters.js';

/** A maximum-likelihood fit of one family to life data, with its uncertainty and fit figures. */
export interface LifeFit {
  /** The family, e.g. `weibull` or `weibull-3p`. */
  readonly dist: FitFamilyName;
  /** How the parameters were estimated. */
  readonly method: FitMethod;
  /** The estimates by name (with `location` for the 2P/3P families). */
  readonly parameters: Readonly<Record<string, number>>;
  /**
   * Fisher-matrix 95 % bounds by parameter name, on the log scale for positive parameters; null
   * where the observed information gives none (a location on the boundary, a singular Hessian).
   */
  readonly ci95: Readonly<Record<string, readonly [number, number] | null>>;
  /** The inverse observed information in the natural parameters (`names` gives the order), or null. */
  readonly covariance: {
    readonly names: readonly string[];
    readonly matrix: readonly (readonly number[])[];
  } | null;
  /** ln L at the estimates, with the density on the time scale. */
  readonly logLikelihood: number;
  /** −2 ln L + 2k + 2k(k+1)/(n − k − 1); null when n ≤ k + 1. */
  readonly aicc: number | null;
  /** −2 ln L + k ln n. */
  readonly bic: number;
  /**
   * Anderson–Darling distance from the Kaplan–Meier estimate ({@link andersonDarling}); null for
   * data with intervals (the Kaplan–Meier estimate does not apply).
   */
  readonly ad: number | null;
  /** Units of each kind. */
  readonly n: LifeData['n'];
  /**
   * The fitted law as a model-file `failure:` block; null when the format lacks the family or the
   * fit did not converge.
   */
  readonly failure: DistributionSpec | null;
  /**
   * Likelihood-ratio 95 % bounds by parameter name, when asked for (`likelihoodRatio: true`);
   * null for a side the data do not bound, and for every parameter of a family with a location.
   */
  readonly lr95?: Readonly<Record<string, readonly [number, number] | null>>;
  /**
   * The B10 life (10 % failed) with Fisher 95 % bounds by the delta method, on the log scale for
   * the families on t > 0; bounds null without a covariance.
   */
  readonly b10: LifeEstimate;
  /**
   * The mean life (the location included) with Fisher 95 % bounds by the delta method, on the
   * log scale for the families on t > 0 (linear for the normal and Gumbel); null where the
   * fitted law has no finite mean (a log-logistic with shape ≤ 1), with a note.
   */
  readonly mean: LifeEstimate | null;
  /**
   * R(t) at the times asked for (`at`), with Fisher 95 % bounds by the delta method on the logit
   * scale.
   */
  readonly reliability?: readonly ({ readonly t: number } & LifeEstimate)[];
  /** How the maximisation ended. */
  readonly convergence: Convergence;
  /** What a reader must know to use the figures (omissions and their reasons, warnings). */
  readonly notes: readonly string[];
}

const Z95 = normalQuantile(0.975);

/** A quantity derived from a fit, with its Fisher 95 % bounds (null where there are none). */
export interface LifeEstimate {
  readonly value: number;
  readonly ci95: readonly [number, number] | null;
}

/** Options of {@link fitLifeData}. */
export interface FitLifeDataOptions {
  /** Times at which to give R(t) with bounds (`reliability`). @defaultValue none */
  readonly at?: readonly number[];
  /**
   * Also compute likelihood-ratio 95 % bounds (`lr95`), from the profile likelihood: better than
   * the Fisher bounds for small or heavily censored samples, about 100 more fits.
   * @defaultValue false
   */
  readonly likelihoodRatio?: boolean;
  /**
   * `maximum-likelihood`, or `rank-regression`: the least-squares line of the failure ages on
   * their median ranks (regression on X; {@link rankRegression}), for exact failures and
   * suspensions and the families drawn straight on their paper; it gives estimates only (no
   * bounds), and its log-likelihood, AICc and BIC are at those estimates, not at a maximum.
   * @defaultValue `maximum-likelihood`
   */
  readonly method?: FitMethod;
}

/** How a fit's parameters are estimated. */
export type FitMethod = 'maximum-likelihood' | 'rank-regression';

/** The estimates of one method, before the figures every fit reports. */
interface Estimated {
  readonly location: number;
  readonly p: readonly number[];
  readonly logL: number;
  readonly covariance: number[][] | undefined;
  readonly convergence: Convergence;
}

/**
 * Fits one family to life data by maximum likelihood, with Fisher-matrix 95 % bounds, the
 * log-likelihood, AICc, BIC, Anderson–Darling, a model-file block and a convergence report.
 *
 * $$
 * \hat\theta = \arg\max_\theta \ell(\theta), \qquad
 * \widehat{\mathrm{Cov}}(\hat\theta) = \bigl(-\nabla^2 \ell(\hat\theta)\bigr)^{-1}, \qquad
 * \hat p \exp\Bigl(\pm z_{0.975}\,\widehat{\mathrm{se}}(\ln \hat p)\Bigr)
 * $$
 *
 * with ℓ the censored log-likelihood ({@link logLikelihood}), the bounds of a positive parameter p
 * on the log scale and those of a real one p̂ ± z·se.
 *
 * @param data - checked life data (`parseLifeData`, `lifeDataFrom`)
 * @param dist - the family
 * @param options - `likelihoodRatio: true` adds likelihood-ratio bounds ({@link likelihoodRatioBounds})
 * @returns the fit; a fit that did not converge says so in `convergence` and `notes`, and its
 * bounds are null
 * @throws {@link ParameterError} when `dist` is not a known family, or the data hold fewer failed
 * units (exact or interval) than the family has parameters
 *
 * @remarks
 * Start from rank regression on median ranks ({@link startValues}), then Newton with a trust
 * region in the log of positive parameters ({@link maximizeNewton}), derivatives by central
 * differences. The location of `exponential-2p` and `weibull-3p` is fitted by profile likelihood
 * over [0, first failure): golden section on the location, each point a two-parameter fit; for
 * the exponential the likelihood rises to the first failure, which is then the estimate. The
 * Weibull-3P bounds come from the full 3 × 3 observed information when it is positive definite
 * (otherwise the location's bound is left out with a note); for shape ≤ 2 the location's
 * estimate is not asymptotically normal (Smith 1985) and a note says the bounds are rough. Cost: a few
 * hundred likelihood evaluations of O(rows) each; the 3P profile about 60 two-parameter fits.
 *
 * @see W. Q. Meeker and L. A. Escobar, Statistical Methods for Reliability Data, Wiley, 1998,
 * §8 (ML for location-scale families, Fisher bounds on the log scale) and §11.4 (threshold
 * parameters); W. Nelson, Applied Life Data Analysis, Wiley, 1982, §8; J. F. Lawless,
 * Statistical Models and Methods for Lifetime Data, 2nd ed., Wiley, 2003, §4–5; R. L. Smith,
 * Maximum likelihood estimation in a class of nonregular cases, Biometrika 72 (1985) 67–90.
 */
export function fitLifeData(
  data: LifeData,
  dist: FitFamilyName,
  options: FitLifeDataOptions = {},
): LifeFit {
  if (!Object.hasOwn(FIT_FAMILIES, dist)) {
    throw new ParameterError(
      'fitLifeData',
      'dist',
      `be one of ${FIT_FAMILY_NAMES.join(', ')}`,
      dist,
    );
  }
  checkTimes('fitLifeData', options.at);
  const family = FIT_FAMILIES[dist];
  const k = family.parameters.length + (family.location ? 1 : 0);
  const failed = data.n.failures + data.n.intervals;
  if (failed < k) {
    throw new ParameterError(
      'fitLifeData',
      `${dist} data`,
      `hold at least ${k} failed units (exact or interval) for ${k} parameters`,
      failed,
    );
  }
  const notes: string[] = [];
  const method = options.method ?? 'maximum-likelihood';
  const { location, p, logL, covariance, convergence } =
    method === 'rank-regression'
      ? byRankRegression(dist, data, notes)
      : byMaximumLikelihood(family, data, notes, method);
  const names = [...family.parameters, ...(family.location ? ['location'] : [])];
  const values = [...p, ...(family.location ? [location] : [])];
  const parameters = Object.fromEntries(names.map((name, i) => [name, values[i]!]));
  const converged = convergence.converged;
  if (!converged)
    notes.push(`the maximisation did not converge (${convergence.message}): no bounds`);
  const ci95 = Object.fromEntries(
    names.map((name, i) => [
      name,
      converged && covariance ? bound(family, i, values[i]!, covariance) : null,
    ]),
  );
  const n = data.n.failures + data.n.suspensions + data.n.intervals;
  const hasIntervals = data.n.intervals > 0;
  if (hasIntervals)
    notes.push(
      'ad: omitted, the Kaplan–Meier estimate it compares with does not apply to interval data',
    );
  else if (data.n.suspensions > 0)
    notes.push(
      'ad: distance from the Kaplan–Meier estimate up to the last observed time (right-censored data)',
    );
  const ad = hasIntervals ? null : andersonDarling(family, p, location, data.observations);
  if (ad === Infinity)
    notes.push(
      'ad: infinite, the fitted cdf is 0 at a failure (the location is the first failure)',
    );
  // A fit that did not converge gives no law to paste into a model: its figures are not estimates.
  const block = converged
    ? family.modelBlock(p, location)
    : 'the maximisation did not converge, so the figures are not estimates';
  if (typeof block === 'string') notes.push(`failure: none, ${block}`);
  if (dist === 'normal') {
    const below = Math.exp(family.logCdf(0, p));
    if (below > 1e-6) {
      notes.push(
        `failure: the model format's normal is truncated at 0, and the fitted normal puts probability ${below.toPrecision(3)} below 0`,
      );
    }
  }
  const covarianceOut =
    converged && covariance ? naturalCovariance(family, names, values, covariance) : null;
  let lr95: LifeFit['lr95'];
  if (options.likelihoodRatio === true) {
    if (method === 'rank-regression') {
      notes.push('lr95: none, likelihood-ratio bounds belong to maximum likelihood');
      lr95 = Object.fromEntries(names.map((name) => [name, null]));
    } else if (family.location) {
      notes.push('lr95: not provided for families with a location');
      lr95 = Object.fromEntries(names.map((name) => [name, null]));
    } else if (converged && covarianceOut !== null) {
      const se = p.map((value, i) => {
        const sd = Math.sqrt(covarianceOut.matrix[i]![i]!); // d × d covariance
        return family.positive[i] === true ? sd / value : sd;
      });
      const bounds = likelihoodRatioBounds(family, data.observations, p, logL, se);
      lr95 = Object.fromEntries(names.map((name, i) => [name, bounds[i] ?? null]));
    } else {
      lr95 = Object.fromEntries(names.map((name) => [name, null]));
    }
  }
  const derived = derivedEstimates(family, values, converged ? covariance : undefined, options.at);
  if (derived.mean === null) notes.push('mean: none, the fitted law has no finite mean');
  return {
    dist,
    method,
    parameters,
    ci95,
    covariance: covarianceOut,
    logLikelihood: logL,
    aicc: n - k - 1 > 0 ? -2 * logL + 2 * k + (2 * k * (k + 1)) / (n - k - 1) : null,
    bic: -2 * logL + k * Math.log(n),
    ad: ad !== null && Number.isFinite(ad) ? ad : null,
    n: data.n,
    failure: typeof block === 'string' ? null : block,
    ...(lr95 === undefined ? {} : { lr95 }),
    b10: derived.b10,
    mean: derived.mean,
    ...(derived.reliability === undefined ? {} : { reliability: derived.reliability }),
    convergence,
    notes,
  };
}

function byMaximumLikelihood(
  family: FitFamily,
  data: LifeData,
  notes: string[],
  method: string,
): Estimated {
  if (method !== 'maximum-likelihood') {
    throw new ParameterError(
      'fitLifeData',
      'method',
      'be maximum-likelihood or rank-regression',
      method,
    );
  }
  const { location, maximum, p, covariance } = family.location
    ? fitWithLocation(family, data, notes)
    : fitAt(family, data, 0);
  return { location, p, logL: maximum.value, covariance, convergence: maximum.convergence };
}

function byRankRegression(dist: FitFamilyName, data: LifeData, notes: string[]): Estimated {
  if (!RANK_REGRESSION_FAMILIES.includes(dist)) {
    throw new ParameterError(
      'fitLifeData',
      'dist',
      `be one of ${RANK_REGRESSION_FAMILIES.join(', ')} for rank regression (a straight line on its probability paper); fit ${dist} by maximum likelihood`,
      dist,
    );
  }
  if (data.n.intervals > 0) {
    throw new ParameterError(
      'fitLifeData',
      'data',
      'hold exact failures and suspensions only for rank regression (an interval has no failure time to rank); fit them by maximum likelihood',
      `${data.n.intervals} units in intervals`,
    );
  }
  const p = rankRegression(dist, data.observations, 0);
  if (p === undefined) {
    throw new ParameterError(
      'fitLifeData',
      'data',
      'hold failures at two or more distinct times for rank regression (a line needs two points)',
      `${data.n.failures} failures`,
    );
  }
  const family = FIT_FAMILIES[dist];
  notes.push(
    'rank regression (median ranks, regression on X): estimates only, no bounds; the log-likelihood, AICc and BIC are at these estimates, not at a maximum',
  );
  return {
    location: 0,
    p,
    logL: logLikelihood(family, p, 0, data.observations),
    covariance: undefined,
    convergence: {
      converged: true,
      iterations: 0,
      gradient: NaN,
      step: 0,
      message: 'rank regression: a least-squares line, no iterations',
    },
  };
}

interface FitAt {
  readonly location: number;
  /** The maximum over the working parameters (see {@link Working}). */
  readonly maximum: Maximum;
  /** The family's parameters at the maximum. */
  readonly p: readonly number[];
  /**
   * The covariance of (ln p for positive parameters, p for real ones, then the location), or
   * undefined when the observed information is not positive definite.
   */
  readonly covariance: number[][] | undefined;
}

/** C scaled by the units: Cᵢⱼ·uᵢ·uⱼ. */
function rescale(
  covariance: number[][] | undefined,
  units: readonly number[],
): number[][] | undefined {
  return covariance?.map((row, i) => row.map((c, j) => c * units[i]! * units[j]!));
}

/** The family's parameters fitted with the location held at `location`. */
function fitAt(family: FitFamily, data: LifeData, location: number): FitAt {
  const w = working(family, startValues(family.name, data.observations, location));
  const objective = (theta: readonly number[]): number =>
    logLikelihood(family, w.toNatural(theta), location, data.observations);
  const maximum = maximizeNewton(objective, w.start);
  return {
    location,
    maximum,
    p: w.toNatural(maximum.argmax),
    covariance: rescale(inverseInformation(maximum.hessian), w.units),
  };
}

function inverseInformation(hessian: readonly (readonly number[])[]): number[][] | undefined {
  const factor = cholesky(hessian.map((row) => row.map((x) => -x)));
  return factor === undefined ? undefined : choleskyInverse(factor);
}

// The profile is first scanned on this grid of fractions of the first failure, so that the local
// maximum inside is found rather than the spike of the 3P Weibull likelihood at the first failure.
const PROFILE_GRID = [...Array.from({ length: 20 }, (_, i) => i / 20), 0.99, 0.999];

/**
 * The location by profile likelihood over [0, first failure): the best local maximum of a grid
 * scan, refined by golden section between its neighbours; then the bounds from the full
 * information matrix.
 */
function fitWithLocation(family: FitFamily, data: LifeData, notes: string[]): FitAt {
  const first = Math.min(
    ...data.observations.filter((row) => row.kind !== 'suspension').map((row) => row.timeHi),
  );
  const exponential = family.name === 'exponential-2p';
  // The exponential density at age 0 is finite, so its location may reach the first failure; the
  // Weibull's is 0 or ∞ there, so its scan ends short of it.
  const grid = [...PROFILE_GRID, ...(exponential ? [1] : [])].map((f) => f * first);
  const profile = (location: number): number => fitAt(family, data, location).maximum.value;
  const values = grid.map(profile);
  let best = -1;
  values.forEach((value, i) => {
    const isPeak =
      (i === 0 || value >= values[i - 1]!) && (i === values.length - 1 || value >= values[i + 1]!);
    if (isPeak && (best < 0 || value > values[best]!)) best = i;
  });
  const last = grid.length - 1;
  if (best < 0 || (!exponential && best === last)) {
    const fit = fitAt(family, data, grid[last]!);
    const unconverged = {
      ...fit.maximum.convergence,
      converged: false,
      message:
        'profile likelihood: no maximum inside [0, first failure); the likelihood grows as the location approaches the first failure (shape < 1): use the 2-parameter fit',
    };
    return { ...fit, maximum: { ...fit.maximum, convergence: unconverged } };
  }
  const lo = grid[Math.max(best - 1, 0)]!;
  const hi = grid[Math.min(best + 1, last)]!;
  const refined = minimizeScalar((location) => -profile(location), lo, hi, { tolerance: 1e-11 });
  const location =
    refined.atBound && best === 0 && refined.argmin < hi / 2
      ? 0
      : refined.atBound && best === last
        ? first
        : refined.argmin;
  const fit = fitAt(family, data, location);
  if (location === 0) {
    notes.push(
      'location: the likelihood is greatest at location 0 (the two-parameter fit); no bound',
    );
    return withoutLocationBound(fit);
  }
  if (location === first) {
    notes.push(
      'location: the estimate is the first failure, where the likelihood is greatest (the boundary); no bound',
    );
    return withoutLocationBound(fit);
  }
  // Polish jointly: the gradient resolves the location far better than the flat profile's values.
  // Working parameters as in fitAt, with the location in units of the first failure.
  const w = working(family, fit.p);
  const objective = (theta: readonly number[]): number =>
    logLikelihood(
      family,
      w.toNatural(theta.slice(0, -1)),
      theta.at(-1)! * first,
      data.observations,
    );
  const joint = maximizeNewton(objective, [...w.start, location / first]);
  const full = rescale(inverseInformation(joint.hessian), [...w.units, first]);
  if (!joint.convergence.converged || full === undefined) {
    notes.push(
      `location: no joint maximum with a positive-definite information (${joint.convergence.message}); the profile's location, no bound for it`,
    );
    return withoutLocationBound(fit);
  }
  if (family.name === 'weibull-3p' && w.toNatural(joint.argmax.slice(0, -1))[0]! <= 2) {
    notes.push(
      'location: with shape ≤ 2 the estimate is not asymptotically normal (Smith 1985); its Fisher bounds are rough',
    );
  }
  return {
    location: joint.argmax.at(-1)! * first,
    maximum: joint,
    p: w.toNatural(joint.argmax.slice(0, -1)),
    covariance: full,
  };
}

/**
 * B10, the mean and R(t) with delta-method bounds, in the coordinates of the fit's covariance
 * (ln p for positive parameters, p for real ones, then the location): B10 and the mean on the
 * log scale (linear for the normal and Gumbel), R(t) on the logit scale, ln R − ln F.
 */
function derivedEstimates(
  family: FitFamily,
  values: readonly number[],
  covariance: number[][] | undefined,
  at: readonly number[] | undefined,
): { b10: LifeEstimate; mean: LifeEstimate | null; reliability: LifeFit['reliability'] } {
  const d = family.parameters.length;
  const u = values.map((value, i) => (family.positive[i] === true ? Math.log(value) : value));
  const params = (v: readonly number[]): number[] =>
    v.slice(0, d).map((x, i) => (family.positive[i] === true ? Math.exp(x) : x));
  const location = (v: readonly number[]): number => (family.location ? v[d]! : 0);
  const estimate = (
    h: (v: readonly number[]) => number,
    back: (x: number) => number,
  ): LifeEstimate => boundedEstimate(h, back, u, covariance);
  const logScale = family.positiveSupport;
  const onScale = (h: (v: readonly number[]) => number): LifeEstimate =>
    estimate((v) => (logScale ? Math.log(h(v)) : h(v)), logScale ? Math.exp : (x) => x);
  const b10 = onScale((v) => family.quantile(0.1, params(v)) + location(v));
  const mean = Number.isFinite(family.mean(params(u)))
    ? onScale((v) => family.mean(params(v)) + location(v))
    : null;
  const reliability = at?.map((t) => reliabilityEstimate(family, u, covariance, t));
  return { b10, mean, reliability };
}

/** The covariance of the other parameters given the location, the location's row and column NaN. */
function withoutLocationBound(fit: FitAt): FitAt {
  if (fit.covariance === undefined) return fit;
  const d = fit.covariance.length;
  const matrix = [
    ...fit.covariance.map((row) => [...row, NaN]),
    new Array<number>(d + 1).fill(NaN),
  ];
  return { ...fit, covariance: matrix };
}

function bound(
  family: FitFamily,
  i: number,
  value: number,
  covariance: readonly (readonly number[])[],
): [number, number] | null {
  const se = Math.sqrt(covariance[i]![i]!); // covariance is d × d with d the parameter count
  if (!Number.isFinite(se)) return null;
  if (family.positive[i] === true) return [value * Math.exp(-Z95 * se), value * Math.exp(Z95 * se)];
  return [value - Z95 * se, value + Z95 * se];
}

/** J·C·J with J = diag(p) for log-scale parameters: the covariance in the natural parameters. */
function naturalCovariance(
  family: FitFamily,
  names: readonly string[],
  values: readonly number[],
  covariance: readonly (readonly number[])[],
): LifeFit['covariance'] {
  const jacobian = values.map((value, i) => (family.positive[i] === true ? value : 1));
  const matrix = covariance.map((row, i) =>
    row.map((c, j) => {
      const x = c * jacobian[i]! * jacobian[j]!;
      return Number.isFinite(x) ? x : NaN;
    }),
  );
  return { names, matrix };
}

/** Fits of several families, best (least AICc, then BIC) first; families that cannot be fitted say why. */
export interface LifeFitRanking {
  /** What the order is by. */
  readonly rankedBy: 'aicc';
  readonly fits: readonly LifeFit[];
  /** Families not fitted, with the reason (e.g. too few failures for their parameters). */
  readonly skipped: readonly { readonly dist: FitFamilyName; readonly reason: string }[];
  /** What the order does not show: a first-ranked fit with a parameter without bounds. */
  readonly notes: readonly string[];
}

/**
 * Fits every family (or those named) and ranks them by AICc, the converged fits first.
 *
 * $$
 * \mathrm{AICc} = -2\ell + 2k + \frac{2k(k+1)}{n-k-1}
 * $$
 *
 * @param data - checked life data
 * @param families - the families to fit (default: all of them)
 * @param options - as for {@link fitLifeData}
 * @returns the fits, best first, and the families skipped with the reason
 *
 * @remarks
 * Fits without an AICc (n ≤ k + 1) follow, ordered by BIC; fits that did not converge come last.
 *
 * @see K. P. Burnham and D. R. Anderson, Model Selection and Multimodel Inference, 2nd ed.,
 * Springer, 2002, §2.4 (AICc).
 */
export function rankLifeFits(
  data: LifeData,
  families: readonly FitFamilyName[] = FIT_FAMILY_NAMES,
  options: FitLifeDataOptions = {},
): LifeFitRanking {
  checkTimes('rankLifeFits', options.at);
  const fits: LifeFit[] = [];
  const skipped: { dist: FitFamilyName; reason: string }[] = [];
  for (const dist of families) {
    try {
      fits.push(fitLifeData(data, dist, options));
    } catch (error) {
      if (!(error instanceof ParameterError)) throw error;
      // The reason without the function's name: a reader of the ranking did not call it.
      skipped.push({
        dist,
        reason: `${error.parameter} must ${error.expectation}; got ${formatValue(error.value)}`,
      });
    }
  }
  const key = (fit: LifeFit): [number, number, number] => [
    fit.convergence.converged ? 0 : 1,
    fit.aicc === null ? 1 : 0,
    fit.aicc ?? fit.bic,
  ];
  fits.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
  });
  const notes: string[] = [];
  const first = fits[0];
  const unbounded = first?.convergence.converged
    ? Object.keys(first.parameters).filter((name) => first.ci95[name] === null)
    : [];
  if (first && unbounded.length > 0 && first.method === 'maximum-likelihood') {
    notes.push(
      `the first-ranked fit, ${first.dist}, has no bounds on ${unbounded.join(', ')} (an estimate at the edge of its range, or a singular information matrix), where the large-sample theory behind bounds and AICc is doubtful; weigh it against the next fits`,
    );
  }
  return { rankedBy: 'aicc', fits, skipped, notes };
}

/** Refuses times of R(t) that are not finite and ≥ 0. */
function checkTimes(where: string, times: readonly number[] | undefined): void {
  for (const t of times ?? []) {
    if (!(Number.isFinite(t) && t >= 0)) {
      throw new ParameterError(where, 'at', 'hold finite times >= 0', t);
    }
  }
}
