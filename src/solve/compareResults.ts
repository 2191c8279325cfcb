import type { Curve, Estimate, Result, Scalar } from '../model/Result.js';
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

/**
 * Fewest independent events (system failures, replications with down time…) a simulated scalar
 * must rest on before `check` gives it a verdict: below it the normal interval is unreliable
 * and a zero-width interval is likely, so the comparison is INCONCLUSIVE.
 */
export const MIN_EVENTS = 30;
/**
 * Largest |z| written in a comparison: a z beyond ±99 (including the infinite z of a zero-width
 * interval whose mean differs from the exact value) is written as ±99, which the text shows as
 * `>99` or `<-99`. Every such comparison is DIFF or INCONCLUSIVE; none passes.
 */
export const Z_CAP = 99;

/** The verdict of one comparison, or of a whole check. */
export type Verdict = 'PASS' | 'DIFF' | 'INCONCLUSIVE';

/** One comparison of two results on one measure; every number in it is finite. */
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
  /** Simulation scalars: the number of independent events the estimate rests on, when known. */
  readonly events?: number;
  /**
   * `restrictedMttf` only: τ of the simulated E[min(T₁, τ)], compared one-sidedly with the exact
   * MTTF (which is never below it).
   */
  readonly restrictedTo?: number;
  /**
   * Simulation: z of the worst point, within ±{@link Z_CAP}; exact: the relative difference.
   */
  readonly statistic: number;
  /** PASS when |statistic| ≤ threshold (and the comparison is conclusive). */
  readonly threshold: number;
  readonly verdict: Verdict;
  /** INCONCLUSIVE only: why the comparison cannot support a verdict, and what would help. */
  readonly reason?: string;
}

/** z = Φ⁻¹(1 − α/(2k)): the two-sided threshold for k comparisons at family-wise α. */
export function zThreshold(k: number): number {
  return -normalQuantile(ALPHA / (2 * k));
}

/**
 * Compares a simulated measure with an exact one.
 *
 * @param measure - the simulated measure's name (`restrictedMttf` is compared with the exact
 * `mttf`)
 * @param simulated - the simulated value: a curve of proportions, or an {@link Estimate}
 * @param exact - the exact value of the same measure (for `restrictedMttf`: the exact MTTF)
 * @param replications - n, the replications behind a curve's proportions
 * @param method - the exact method's name
 * @returns the comparison, or undefined when there is nothing to compare (a scalar against a
 * curve, an exact value that is not finite, no common time)
 *
 * @remarks
 * A curve's points are proportions of n replications (R(t), A(t)), so each point uses the score
 * SE = √(p(1 − p)/n) at the exact p, or an exact binomial test when n·p(1 − p) < 10; the curve
 * passes when its worst |z| is within Φ⁻¹(1 − α/(2k)) for its k times, keeping α per measure.
 *
 * A scalar is judged by {@link compareEstimate}.
 */
export function compareSimulated(
  measure: string,
  simulated: Scalar | Curve,
  exact: Scalar | Curve,
  replications: number,
  method: string,
): Comparison | undefined {
  const methods = ['simulation', method] as const;
  if (isCurve(simulated)) {
    if (!isCurve(exact)) return undefined;
    // The simulated times the exact curve also has (a reference from elsewhere may have others).
    const pairs: { z: number; i: number; j: number; p: number }[] = [];
    simulated.t.forEach((t, i) => {
      const j = exact.t.findIndex((u) => Math.abs(u - t) <= 1e-12 * Math.max(1, Math.abs(t)));
      const p = exact.values[j];
      const estimate = simulated.values[i];
      if (j < 0 || !isFiniteNumber(p) || !isFiniteNumber(estimate)) return;
      pairs.push({ z: proportionZ(estimate, p, replications), i, j, p });
    });
    if (pairs.length === 0) return undefined;
    const threshold = zThreshold(pairs.length);
    let worst = pairs[0]!;
    for (const pair of pairs) if (!(Math.abs(pair.z) <= Math.abs(worst.z))) worst = pair;
    const { z, i, j } = worst;
    const lo = simulated.lo?.[i];
    const hi = simulated.hi?.[i];
    const ci95: [number, number] | undefined =
      isFiniteNumber(lo) && isFiniteNumber(hi) ? [lo, hi] : undefined;
    return {
      measure,
      kind: 'simulation',
      methods,
      value: simulated.values[i]!,
      exact: exact.values[j]!,
      ...(ci95 && { ci95 }),
      t: simulated.t[i]!,
      points: pairs.length,
      statistic: capZ(z),
      threshold,
      // An exact curve at other times than the simulation's (a reference from elsewhere) that
      // meets it only where both are 0 or 1 (R(0) = 1) has tested nothing.
      ...(pairs.length < simulated.t.length &&
      pairs.every(({ p, z }) => (p <= 0 || p >= 1) && z === 0)
        ? {
            verdict: 'INCONCLUSIVE' as const,
            reason: `the curves share ${pairs.length === 1 ? 'one time' : `${pairs.length} times`} of the simulation's ${simulated.t.length}, and the exact value is 0 or 1 at each; simulate on the exact curve's times (--horizon, --grid) to compare them`,
          }
        : { verdict: Math.abs(z) <= threshold ? ('PASS' as const) : ('DIFF' as const) }),
    };
  }
  if (typeof simulated !== 'object' || simulated === null || !isFiniteNumber(exact)) {
    return undefined;
  }
  return compareEstimate(measure, simulated as Estimate, exact, method);
}

/**
 * Judges one simulated scalar against its exact value. In order:
 *
 * 1. the estimate carries `inconclusive` (set by the simulator): INCONCLUSIVE with that reason;
 * 2. it rests on fewer than {@link MIN_EVENTS} `events`: INCONCLUSIVE, saying how many are
 *    needed and about how many times more replications (or a longer horizon) would give them;
 * 3. z = (mean − exact)/SE, SE = h/1.96 with h the larger side of the 95 % interval around the
 *    mean (a side cut short by a bound of the measure, such as 0 for an unavailability, would
 *    understate SE); a mean within a relative 1e-9 of the exact value has z = 0;
 * 4. a zero-width interval with a mean different from the exact value (z infinite): DIFF with
 *    z = ±{@link Z_CAP} when `events` says the estimate rests on enough events, else
 *    INCONCLUSIVE (the simulation does not say how many events it saw);
 * 5. two-sided: PASS when |z| ≤ Φ⁻¹(1 − α/2) = 3.89, else DIFF. For `restrictedMttf` (an
 *    estimate with `restrictedTo` = τ: E[min(T₁, τ)] ≤ MTTF always) one-sided: DIFF when the
 *    exact MTTF is below the restricted mean by more than 3.89 SE (z > 3.89), else INCONCLUSIVE,
 *    since the simulation only bounds the MTTF from below.
 *
 * The statistic written is z clamped to ±{@link Z_CAP}, so it is always finite.
 *
 * @param measure - the simulated measure's name
 * @param estimate - the simulated estimate (mean, ci95, events, inconclusive, restrictedTo)
 * @param exact - the exact value, finite
 * @param method - the exact method's name
 * @returns the comparison, or undefined when the mean is not finite
 *
 * @example
 * ```ts
 * compareEstimate('mttf', { mean: 9, ci95: [8, 10], events: 3 }, 9, 'markov')?.verdict; // → INCONCLUSIVE
 * compareEstimate('mttf', { mean: 9, ci95: [8, 10], events: 40 }, 9, 'markov')?.verdict; // → PASS
 * ```
 */
export function compareEstimate(
  measure: string,
  estimate: Estimate & { readonly restrictedTo?: number },
  exact: number,
  method: string,
): Comparison | undefined {
  const { mean, events, inconclusive, restrictedTo } = estimate;
  if (!isFiniteNumber(mean) || !isFiniteNumber(exact)) return undefined;
  const [lo, hi] = estimate.ci95;
  const bounded = isFiniteNumber(lo) && isFiniteNumber(hi);
  const se = bounded ? Math.max(mean - lo, hi - mean, 0) / Z_95 : Infinity;
  const agree = relativeDifference(mean, exact) <= EXACT_TOLERANCE;
  const z = agree ? 0 : se > 0 ? (mean - exact) / se : Math.sign(mean - exact) * Infinity;
  const threshold = zThreshold(1);
  const oneSided = restrictedTo !== undefined;
  const base = {
    measure,
    kind: 'simulation',
    methods: ['simulation', method],
    value: mean,
    exact,
    ...(bounded && { ci95: [lo, hi] as const }),
    ...(isFiniteNumber(events) && { events }),
    ...(oneSided && isFiniteNumber(restrictedTo) && { restrictedTo }),
    statistic: capZ(z),
    threshold,
  } as const;
  const inconclusiveWith = (reason: string): Comparison => ({
    ...base,
    verdict: 'INCONCLUSIVE',
    reason,
  });
  if (inconclusive !== undefined) return inconclusiveWith(inconclusive);
  if (isFiniteNumber(events) && events < MIN_EVENTS) return inconclusiveWith(fewEvents(events));
  if (!bounded) return inconclusiveWith('the 95 % interval is unbounded');
  if (!Number.isFinite(z) && events === undefined) {
    return inconclusiveWith(
      `the 95 % interval has zero width and the simulation does not say how many events it rests on; more replications or a longer horizon (at least ${MIN_EVENTS} events) would give an interval`,
    );
  }
  if (oneSided) {
    return z > threshold
      ? { ...base, verdict: 'DIFF' }
      : inconclusiveWith(
          `the simulation only bounds the MTTF from below: E[min(T1, ${formatShort(restrictedTo)})] = ${formatShort(mean)} is consistent with the exact MTTF ${formatShort(exact)}; a horizon long enough for the replications to fail would estimate the MTTF itself`,
        );
  }
  return { ...base, verdict: Math.abs(z) <= threshold ? 'PASS' : 'DIFF' };
}

/**
 * Why an estimate resting on `events` < {@link MIN_EVENTS} events is inconclusive, and about how
 * many times more replications (or a longer horizon) would give the events needed: events grow
 * in proportion to both, so MIN_EVENTS/events; with none seen, the rule of three (95 % upper
 * bound 3/n of a rate seen 0 times in n) says at least 10×.
 */
function fewEvents(events: number): string {
  if (events <= 0) {
    return `no events observed (a verdict needs at least ${MIN_EVENTS}): at least 10× the replications or a longer horizon, more if the events are rare`;
  }
  const factor = Math.ceil(MIN_EVENTS / events);
  return `rests on ${events} event${events === 1 ? '' : 's'} (a verdict needs at least ${MIN_EVENTS}): about ${factor}× the replications or a ${factor}× longer horizon`;
}

/** The overall verdict of a check and its one-line summary. */
export interface CheckSummary {
  readonly verdict: Verdict;
  /** The last line of the text report, e.g. `PASS: all 12 comparisons agree`. */
  readonly line: string;
}

/**
 * Returns the overall verdict of a set of comparisons: DIFF when any differs; else INCONCLUSIVE
 * when nothing was compared, or when no simulation-vs-exact comparison is conclusive (none at all,
 * or every one INCONCLUSIVE: the simulation was then not checked); else PASS, naming the
 * inconclusive comparisons, if any.
 *
 * @param comparisons - every comparison of the check
 * @returns the verdict and the line that ends the text report
 *
 * @example
 * ```ts
 * summarizeComparisons([]).verdict; // → INCONCLUSIVE
 * ```
 */
export function summarizeComparisons(comparisons: readonly Comparison[]): CheckSummary {
  const total = comparisons.length;
  const differ = comparisons.filter((c) => c.verdict === 'DIFF').length;
  if (differ > 0)
    return { verdict: 'DIFF', line: `DIFF: ${differ} of ${total} comparisons differ` };
  if (total === 0) {
    return {
      verdict: 'INCONCLUSIVE',
      line: 'INCONCLUSIVE: nothing was compared: no exact method gives a measure the simulation estimates; give --reference FILE with an exact result to compare with',
    };
  }
  const simulated = comparisons.filter((c) => c.kind === 'simulation');
  const inconclusive = comparisons.filter((c) => c.verdict === 'INCONCLUSIVE');
  if (simulated.length === 0) {
    return {
      verdict: 'INCONCLUSIVE',
      line: `INCONCLUSIVE: no simulated measure could be compared with an exact one (the ${total} exact-vs-exact comparisons agree); give --reference FILE with an exact result to compare with`,
    };
  }
  if (simulated.every((c) => c.verdict === 'INCONCLUSIVE')) {
    return {
      verdict: 'INCONCLUSIVE',
      line: `INCONCLUSIVE: none of the ${simulated.length} simulation-vs-exact comparisons supports a verdict: ${explainInconclusive(simulated)}`,
    };
  }
  if (inconclusive.length === 0) {
    return { verdict: 'PASS', line: `PASS: all ${total} comparisons agree` };
  }
  const names = [...new Set(inconclusive.map((c) => c.measure))].join(', ');
  return {
    verdict: 'PASS',
    line: `PASS: all ${total - inconclusive.length} conclusive comparisons agree; ${inconclusive.length} of ${total} inconclusive (${names})`,
  };
}

/** Groups the reasons of inconclusive comparisons into one clause, with what would help. */
function explainInconclusive(comparisons: readonly Comparison[]): string {
  const parts: string[] = [];
  const counted = comparisons.filter(
    (c) => c.events !== undefined && c.events < MIN_EVENTS && c.reason !== undefined,
  );
  const flagged = comparisons.filter((c) => !counted.includes(c));
  if (counted.length > 0) {
    const fewest = counted.reduce((a, b) => (b.events! < a.events! ? b : a));
    parts.push(
      `${counted.length} rest on too few events (fewest: ${fewest.measure}, ${fewEvents(fewest.events!)})`,
    );
  }
  if (flagged.length > 0) {
    const first = flagged[0]!;
    parts.push(
      `${flagged.length} ${flagged.length === 1 ? 'is' : 'are'} inconclusive (${first.measure}: ${first.reason ?? 'no reason given'})`,
    );
  }
  return parts.join('; ');
}

/**
 * Compares two exact results on one measure: relative difference ≤ 1e-9 passes. Only finite
 * values are compared (a result from elsewhere may hold null for an infinite measure).
 */
export function compareExact(
  measure: string,
  a: { readonly method: string; readonly value: Scalar | Curve },
  b: { readonly method: string; readonly value: Scalar | Curve },
): Comparison | undefined {
  const pairs: [number, number, number | undefined][] = [];
  const push = (x: unknown, y: unknown, t: number | undefined): void => {
    if (isFiniteNumber(x) && isFiniteNumber(y)) pairs.push([x, y, t]);
  };
  if (typeof a.value === 'number' && typeof b.value === 'number') push(a.value, b.value, undefined);
  else if (isCurve(a.value) && isCurve(b.value)) {
    const other = b.value;
    const values = a.value.values;
    a.value.t.forEach((t, i) => {
      const j = other.t.indexOf(t);
      if (j >= 0) push(values[i], other.values[j], t);
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

/** True for a curve (an object with times), false for a scalar, null or anything else. */
export function isCurve(value: unknown): value is Curve {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Curve).t) &&
    Array.isArray((value as Curve).values)
  );
}

/**
 * Every number or curve of a result with its value, for pairing results measure by measure: the
 * fault-tree lists (cut sets, importance) and labels are left out.
 */
export function measuresOf(result: Result): [string, Scalar | Curve][] {
  return (Object.entries(result.measures) as [string, unknown][]).filter(
    (entry): entry is [string, Scalar | Curve] => {
      const value = entry[1];
      return typeof value === 'number' || isCurve(value) || isEstimate(value);
    },
  );
}

/** A simulated estimate: a mean and its interval. */
export function isEstimate(value: unknown): value is Estimate {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Estimate).mean === 'number' &&
    Array.isArray((value as Estimate).ci95)
  );
}

/** Six significant digits, for numbers inside a sentence. */
function formatShort(value: number | undefined): string {
  return value === undefined ? '?' : String(Number(value.toPrecision(6)));
}

/** True for a number that is neither infinite nor NaN. */
function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** z clamped to ±{@link Z_CAP}: finite, and still beyond every threshold when it was beyond. */
function capZ(z: number): number {
  return Math.max(-Z_CAP, Math.min(Z_CAP, z));
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
