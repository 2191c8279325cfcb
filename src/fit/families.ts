import type { DistributionSpec } from '../distributions/registry.js';
import {
  inverseRegularizedGammaP,
  logGamma,
  logRegularizedGammaQ,
  regularizedGammaP,
} from '../numeric/gamma.js';
import { normalLogSf, normalQuantile } from '../numeric/normal.js';

/** The families `fitLifeData` can fit, as named on the command line and in results. */
export type FitFamilyName =
  | 'exponential'
  | 'exponential-2p'
  | 'weibull'
  | 'weibull-3p'
  | 'lognormal'
  | 'gamma'
  | 'loglogistic'
  | 'normal'
  | 'gumbel';

/**
 * One family's log-density, log-cdf and log-survival at an age x > 0 (time minus the location),
 * for parameters in the family's natural order; and which parameters are positive (fitted, and
 * bounded, on the log scale).
 */
export interface FitFamily {
  readonly name: FitFamilyName;
  /** The natural parameter names, as in results and (where the model format has the family) model files. */
  readonly parameters: readonly string[];
  /** For each parameter, whether it is > 0 (log-transformed in the optimiser and the bounds). */
  readonly positive: readonly boolean[];
  /** Whether a location (failure-free time) is fitted by profile likelihood. */
  readonly location: boolean;
  /** Whether the support is x > 0; otherwise the whole real line (normal, Gumbel). */
  readonly positiveSupport: boolean;
  logPdf(x: number, p: readonly number[]): number;
  logCdf(x: number, p: readonly number[]): number;
  logSf(x: number, p: readonly number[]): number;
  /** The age x with F(x) = q, for q in (0, 1). */
  quantile(q: number, p: readonly number[]): number;
  /** The mean age E[X] (the location not included); Infinity where it is not finite. */
  mean(p: readonly number[]): number;
  /**
   * The model-file block with these parameters (and location), or why the model format cannot
   * express this family.
   */
  modelBlock(p: readonly number[], location: number): DistributionSpec | string;
}

// Euler–Mascheroni constant γ.
const EULER_GAMMA = 0.5772156649015329;

// ½·ln(2π).
const LOG_SQRT_2PI = 0.9189385332046728;

/** ln(1 + eˣ) without overflow or loss for large negative x. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** ln(1 − e^{−y}) for y > 0, accurate at both ends. */
function log1mExp(y: number): number {
  return y < Math.LN2 ? Math.log(-Math.expm1(-y)) : Math.log1p(-Math.exp(-y));
}

/** A standard location-scale law: log density, log cdf and log sf of the standard variable z. */
interface Standard {
  logPdf(z: number): number;
  logCdf(z: number): number;
  logSf(z: number): number;
  quantile(q: number): number;
}

/** Smallest extreme value (Gumbel for minima): F(z) = 1 − exp(−eᶻ). */
const SEV: Standard = {
  logPdf: (z) => z - Math.exp(z),
  logCdf: (z) => log1mExp(Math.exp(z)),
  logSf: (z) => -Math.exp(z),
  quantile: (q) => Math.log(-Math.log1p(-q)),
};

// Beyond this |z| the normal tail is exactly 0 or 1 in doubles (ln R = −z²/2 overflows), so the
// log-survival is given directly; the optimiser's trial points reach such z when a scale nears 0.
const NORMAL_TAIL = 1e100;
const normalLogTail = (z: number): number =>
  z > NORMAL_TAIL ? -Infinity : z < -NORMAL_TAIL ? 0 : normalLogSf(z);

const NORMAL: Standard = {
  logPdf: (z) => -0.5 * z * z - LOG_SQRT_2PI,
  logCdf: (z) => normalLogTail(-z),
  logSf: normalLogTail,
  quantile: normalQuantile,
};

const LOGISTIC: Standard = {
  logPdf: (z) => -Math.abs(z) - 2 * softplus(-Math.abs(z)),
  logCdf: (z) => -softplus(-z),
  logSf: (z) => -softplus(z),
  quantile: (q) => Math.log(q / (1 - q)),
};

/**
 * A location-scale family in y = ln x (log-time families) or in x: the parameters map to the
 * location a and scale b of y.
 */
function locationScale(
  name: FitFamilyName,
  parameters: readonly string[],
  positive: readonly boolean[],
  standard: Standard,
  logTime: boolean,
  toLocationScale: (p: readonly number[]) => readonly [number, number],
  location: boolean,
  mean: FitFamily['mean'],
  modelBlock: FitFamily['modelBlock'],
): FitFamily {
  const z = (x: number, p: readonly number[]): number => {
    const [a, b] = toLocationScale(p);
    return ((logTime ? Math.log(x) : x) - a) / b;
  };
  return {
    name,
    parameters,
    positive,
    location,
    positiveSupport: logTime,
    logPdf(x, p) {
      const [, b] = toLocationScale(p);
      return standard.logPdf(z(x, p)) - Math.log(b) - (logTime ? Math.log(x) : 0);
    },
    logCdf: (x, p) => standard.logCdf(z(x, p)),
    logSf: (x, p) => standard.logSf(z(x, p)),
    quantile(q, p) {
      const [a, b] = toLocationScale(p);
      const y = a + b * standard.quantile(q);
      return logTime ? Math.exp(y) : y;
    },
    mean,
    modelBlock,
  };
}

const weibullLike = (p: readonly number[]): readonly [number, number] => [
  Math.log(p[1]!), // [shape, scale]
  1 / p[0]!,
];

function weibullFamily(name: 'weibull' | 'weibull-3p', location: boolean): FitFamily {
  return locationScale(
    name,
    ['shape', 'scale'],
    [true, true],
    SEV,
    true,
    weibullLike,
    location,
    ([shape, scale]) => scale! * Math.exp(logGamma(1 + 1 / shape!)),
    (p, at) => ({
      dist: 'weibull',
      shape: p[0]!,
      scale: p[1]!,
      ...(at > 0 ? { location: at } : {}),
    }),
  );
}

function exponentialFamily(name: 'exponential' | 'exponential-2p', location: boolean): FitFamily {
  return {
    name,
    parameters: ['rate'],
    positive: [true],
    location,
    positiveSupport: true,
    logPdf: (x, [rate]) => Math.log(rate!) - rate! * x,
    logCdf: (x, [rate]) => log1mExp(rate! * x),
    logSf: (x, [rate]) => -rate! * x,
    quantile: (q, [rate]) => -Math.log1p(-q) / rate!,
    mean: ([rate]) => 1 / rate!,
    modelBlock: ([rate], at) =>
      at > 0
        ? { dist: 'weibull', shape: 1, scale: 1 / rate!, location: at }
        : { dist: 'exponential', rate: rate! },
  };
}

const GAMMA: FitFamily = {
  name: 'gamma',
  parameters: ['shape', 'scale'],
  positive: [true, true],
  location: false,
  positiveSupport: true,
  logPdf: (x, [k, s]) => (k! - 1) * Math.log(x) - x / s! - logGamma(k!) - k! * Math.log(s!),
  logCdf: (x, [k, s]) => Math.log(regularizedGammaP(k!, x / s!)),
  logSf: (x, [k, s]) => logRegularizedGammaQ(k!, x / s!),
  quantile: (q, [k, s]) => s! * inverseRegularizedGammaP(k!, q),
  mean: ([k, s]) => k! * s!,
  modelBlock: ([k, s]) => ({ dist: 'gamma', shape: k!, scale: s! }),
};

/**
 * Every family by name. The Gumbel is the smallest-extreme-value law (for minima, F(t) =
 * 1 − exp(−e^{(t−μ)/σ})), the one reliability texts use: ln T is Gumbel-for-minima when T is
 * Weibull.
 */
export const FIT_FAMILIES: Readonly<Record<FitFamilyName, FitFamily>> = Object.freeze({
  exponential: exponentialFamily('exponential', false),
  'exponential-2p': exponentialFamily('exponential-2p', true),
  weibull: weibullFamily('weibull', false),
  'weibull-3p': weibullFamily('weibull-3p', true),
  lognormal: locationScale(
    'lognormal',
    ['mu', 'sigma'],
    [false, true],
    NORMAL,
    true,
    ([mu, sigma]) => [mu!, sigma!],
    false,
    ([mu, sigma]) => Math.exp(mu! + (sigma! * sigma!) / 2),
    ([mu, sigma]) => ({ dist: 'lognormal', mu: mu!, sigma: sigma! }),
  ),
  gamma: GAMMA,
  loglogistic: locationScale(
    'loglogistic',
    ['shape', 'scale'],
    [true, true],
    LOGISTIC,
    true,
    weibullLike,
    false,
    // E[X] = α·(π/β)/sin(π/β) for β > 1; the tail is too heavy for a mean otherwise.
    ([shape, scale]) =>
      shape! > 1 ? (scale! * Math.PI) / shape! / Math.sin(Math.PI / shape!) : Infinity,
    () => 'the model format has no log-logistic family',
  ),
  normal: locationScale(
    'normal',
    ['mean', 'sd'],
    [false, true],
    NORMAL,
    false,
    ([mean, sd]) => [mean!, sd!],
    false,
    ([mean]) => mean!,
    ([mean, sd]) => ({ dist: 'normal', mean: mean!, sd: sd! }),
  ),
  gumbel: locationScale(
    'gumbel',
    ['mu', 'sigma'],
    [false, true],
    SEV,
    false,
    ([mu, sigma]) => [mu!, sigma!],
    false,
    // Smallest extreme value: E[X] = μ − γσ, γ Euler's constant.
    ([mu, sigma]) => mu! - EULER_GAMMA * sigma!,
    () => 'the model format has no Gumbel family',
  ),
});

/** The family names in the order `--dist all` tries them. */
export const FIT_FAMILY_NAMES: readonly FitFamilyName[] = Object.freeze(
  Object.keys(FIT_FAMILIES) as FitFamilyName[],
);
