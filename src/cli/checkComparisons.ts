import type { Curve, Result, Scalar } from '../model/Result.js';
import { logGamma } from '../numeric/gamma.js';
import { normalQuantile } from '../numeric/normal.js';

/** False-alarm probability of one simulation-vs-exact comparison (STYLE.md §8). */
export const ALPHA = 1e-4;
/** Two exact methods agree when their relative difference is at most this (STYLE.md §8). */
export const EXACT_TOLERANCE = 1e-9;
/** 1.96 = Φ⁻¹(0.975): a 95 % half-width is 1.96 standard errors. */
const Z_95 = 1.959963984540054;
/** Below this n·p(1 − p) the normal approximation to a binomial count is poor (STYLE.md §8). */
const NORMAL_MIN_VARIANCE = 10;

/** One comparison of two results on one measure. */
export interface Comparison {
  readonly measure: string;
  /** `simulation` (statistical, z-score) or `exact` (relative difference). */
  readonly kind: 'simulation' | 'exact';
  /** The two methods compared, such as `simulation` and `analytic`. */
  readonly methods: readonly [string, string];
  /** The value of the first method (a curve: at the worst time). */
  readonly value: number;
  /** The value of the second (exact) method there. */
  readonly exact: number;
  /** Simulation: the 95 % interval of `value`. */
  readonly ci95?: readonly [number, number];
  /** Curves: the time of the worst point, and how many times were compared. */
  readonly t?: number;
  readonly points?: number;
  /** Simulation: z of the worst point; exact: the relative difference. */
  readonly statistic: number;
  /** PASS when |statistic| ≤ threshold. */
  readonly threshold: number;
  readonly verdict: 'PASS' | 'DIFF';
}

/** z = Φ⁻¹(1 − α/(2k)): the two-sided threshold for k comparisons at family-wise α. */
export function zThreshold(k: number): number {
  return -normalQuantile(ALPHA / (2 * k));
}

/**
 * Compares a simulated measure with an exact one. A scalar's z is (sim − exact)/SE with SE = its
 * 95 % half-width / 1.96. A curve's points are proportions of n replications (R(t), A(t)), so each
 * point uses the score SE = √(p(1 − p)/n) at the exact p, or an exact binomial test when
 * n·p(1 − p) < 10; the curve passes when its worst |z| is within Φ⁻¹(1 − α/(2k)) for its k
 * times, keeping α per measure.
 */
export function compareSimulated(
  measure: string,
  simulated: Scalar | Curve,
  exact: Scalar | Curve,
  replications: number,
  method: string,
): Comparison | undefined {
  const methods = ['simulation', method] as const;
  if (typeof simulated === 'object' && 't' in simulated) {
    if (typeof exact !== 'object' || !('t' in exact)) return undefined;
    const threshold = zThreshold(simulated.t.length);
    let worst: { z: number; i: number } | undefined;
    simulated.t.forEach((t, i) => {
      const j = exact.t.findIndex((u) => Math.abs(u - t) <= 1e-12 * Math.max(1, Math.abs(t)));
      if (j < 0) return;
      const z = proportionZ(simulated.values[i]!, exact.values[j]!, replications);
      if (!worst || !(Math.abs(z) <= Math.abs(worst.z))) worst = { z, i };
    });
    if (!worst) return undefined;
    const { z, i } = worst;
    const t = simulated.t[i]!;
    const exactValue =
      exact.values[exact.t.findIndex((u) => Math.abs(u - t) <= 1e-12 * Math.max(1, Math.abs(t)))]!;
    const ci95: [number, number] | undefined =
      simulated.lo && simulated.hi ? [simulated.lo[i]!, simulated.hi[i]!] : undefined;
    return {
      measure,
      kind: 'simulation',
      methods,
      value: simulated.values[i]!,
      exact: exactValue,
      ...(ci95 && { ci95 }),
      t,
      points: simulated.t.length,
      statistic: z,
      threshold,
      verdict: Math.abs(z) <= threshold ? 'PASS' : 'DIFF',
    };
  }
  if (typeof simulated !== 'object' || typeof exact !== 'number' || !Number.isFinite(exact)) {
    return undefined;
  }
  const { mean, ci95 } = simulated;
  const se = (ci95[1] - ci95[0]) / 2 / Z_95;
  const z = se > 0 ? (mean - exact) / se : mean === exact ? 0 : Math.sign(mean - exact) * Infinity;
  const threshold = zThreshold(1);
  const verdict = Math.abs(z) <= threshold ? 'PASS' : 'DIFF';
  return {
    measure,
    kind: 'simulation',
    methods,
    value: mean,
    exact,
    ci95,
    statistic: z,
    threshold,
    verdict,
  };
}

/** Compares two exact results on one measure: relative difference ≤ 1e-9 passes. */
export function compareExact(
  measure: string,
  a: { readonly method: string; readonly value: Scalar | Curve },
  b: { readonly method: string; readonly value: Scalar | Curve },
): Comparison | undefined {
  const pairs: [number, number, number | undefined][] = [];
  if (typeof a.value === 'number' && typeof b.value === 'number')
    pairs.push([a.value, b.value, undefined]);
  else if (
    typeof a.value === 'object' &&
    't' in a.value &&
    typeof b.value === 'object' &&
    't' in b.value
  ) {
    const other = b.value;
    a.value.t.forEach((t, i) => {
      const j = other.t.indexOf(t);
      if (j >= 0) pairs.push([(a.value as Curve).values[i]!, other.values[j]!, t]);
    });
  }
  if (pairs.length === 0) return undefined;
  let worst = { difference: -1, pair: pairs[0]! };
  for (const pair of pairs) {
    const difference = relativeDifference(pair[0], pair[1]);
    if (!(difference <= worst.difference)) worst = { difference, pair };
  }
  const [value, exact, t] = worst.pair;
  return {
    measure,
    kind: 'exact',
    methods: [a.method, b.method],
    value,
    exact,
    ...(t !== undefined && { t, points: pairs.length }),
    statistic: worst.difference,
    threshold: EXACT_TOLERANCE,
    verdict: worst.difference <= EXACT_TOLERANCE ? 'PASS' : 'DIFF',
  };
}

/** Every measure of a result with its value, for pairing results measure by measure. */
export function measuresOf(result: Result): [string, Scalar | Curve][] {
  return Object.entries(result.measures) as [string, Scalar | Curve][];
}

/** |a − b| / max(|a|, |b|); 0 when both are 0 or both the same infinity. */
function relativeDifference(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

/**
 * z of a simulated proportion p̂ of n replications against the exact p: score form when
 * n·p(1 − p) ≥ 10, else the z with the same two-sided p-value as an exact binomial test.
 */
function proportionZ(estimate: number, p: number, n: number): number {
  if (estimate === p) return 0;
  if (p <= 0 || p >= 1) return Math.sign(estimate - p) * Infinity;
  const variance = n * p * (1 - p);
  const count = Math.round(estimate * n);
  if (variance >= NORMAL_MIN_VARIANCE || Math.abs(count - estimate * n) > 1e-6 * n) {
    return (estimate - p) / Math.sqrt((p * (1 - p)) / n);
  }
  const pValue = Math.min(1, 2 * binomialTail(count, n, p));
  return pValue >= 1 ? 0 : Math.sign(estimate - p) * -normalQuantile(pValue / 2);
}

/**
 * P(X ≤ x) when x is at or below the mean n·p, else P(X ≥ x), for X ~ Binomial(n, p): the pmf
 * at x from log-gamma, then the terms towards the tail by the ratio recurrence until they no
 * longer change the sum.
 */
function binomialTail(x: number, n: number, p: number): number {
  const logPmf =
    logGamma(n + 1) -
    logGamma(x + 1) -
    logGamma(n - x + 1) +
    x * Math.log(p) +
    (n - x) * Math.log1p(-p);
  let term = Math.exp(logPmf);
  let sum = term;
  if (x <= n * p) {
    for (let j = x; j > 0 && term > 1e-17 * sum; j -= 1) {
      term *= (j / (n - j + 1)) * ((1 - p) / p);
      sum += term;
    }
  } else {
    for (let j = x; j < n && term > 1e-17 * sum; j += 1) {
      term *= ((n - j) / (j + 1)) * (p / (1 - p));
      sum += term;
    }
  }
  return Math.min(1, sum);
}
