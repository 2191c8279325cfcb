import { ParameterError } from '../errors.js';
import { normalQuantile } from '../numeric/normal.js';
import type { LifeData, Observation } from './lifeData.js';

/** One step of the Kaplan–Meier and Nelson–Aalen estimates, at a failure time. */
export interface KaplanMeierStep {
  readonly time: number;
  /** Units at risk just before `time` (a suspension at `time` still counts). */
  readonly atRisk: number;
  /** Units failing at `time`. */
  readonly failures: number;
  /** The Kaplan–Meier R̂(t) from `time` on. */
  readonly survival: number;
  /** Greenwood's sum Σ d/(n(n − d)) up to `time`: Var(ln R̂) (Infinity once R̂ = 0). */
  readonly greenwood: number;
  /** The Nelson–Aalen cumulative hazard Ĥ(t) = Σ d/n. */
  readonly cumulativeHazard: number;
  /** Its variance Σ d/n². */
  readonly cumulativeHazardVariance: number;
}

/**
 * Returns the Kaplan–Meier product-limit estimate of R(t) and the Nelson–Aalen estimate of H(t)
 * for exact failures and right-censored suspensions, with their variance sums, at each distinct
 * failure time.
 *
 * $$
 * \hat R(t) = \prod_{t_j \le t} \Bigl(1 - \frac{d_j}{n_j}\Bigr), \quad
 * \widehat{\mathrm{Var}}\bigl(\ln \hat R(t)\bigr) = \sum_{t_j \le t} \frac{d_j}{n_j (n_j - d_j)}, \quad
 * \hat H(t) = \sum_{t_j \le t} \frac{d_j}{n_j}, \quad \widehat{\mathrm{Var}}\bigl(\hat H(t)\bigr) = \sum_{t_j \le t} \frac{d_j}{n_j^2}
 * $$
 *
 * where d_j units fail at t_j and n_j are at risk just before it (counts weight the rows).
 *
 * @param observations - failures and suspensions only (intervals are the caller's to refuse)
 * @returns the steps at each distinct failure time, increasing
 *
 * @remarks A suspension at a failure time is taken as still at risk then (the usual convention).
 * Cost O(rows · log rows).
 *
 * @see E. L. Kaplan and P. Meier, Nonparametric estimation from incomplete observations, JASA
 * 53 (1958) 457–481; W. Nelson, Applied Life Data Analysis, Wiley, 1982, §4 (cumulative hazard);
 * M. Greenwood, The natural duration of cancer, Reports on Public Health and Medical Subjects 33,
 * HMSO, 1926.
 */
export function kaplanMeier(observations: readonly Observation[]): KaplanMeierStep[] {
  const rows = [...observations].sort((a, b) => a.time - b.time);
  let atRisk = rows.reduce((sum, row) => sum + row.count, 0);
  let survival = 1;
  let greenwood = 0;
  let cumulativeHazard = 0;
  let cumulativeHazardVariance = 0;
  const steps: KaplanMeierStep[] = [];
  let i = 0;
  while (i < rows.length) {
    const time = rows[i]!.time; // i < rows.length
    let failures = 0;
    let leaving = 0;
    for (; i < rows.length && rows[i]!.time === time; i++) {
      const row = rows[i]!;
      if (row.kind === 'failure') failures += row.count;
      leaving += row.count;
    }
    if (failures > 0) {
      survival = failures === atRisk ? 0 : survival * (1 - failures / atRisk);
      greenwood += failures === atRisk ? Infinity : failures / (atRisk * (atRisk - failures));
      cumulativeHazard += failures / atRisk;
      cumulativeHazardVariance += failures / (atRisk * atRisk);
      steps.push({
        time,
        atRisk,
        failures,
        survival,
        greenwood,
        cumulativeHazard,
        cumulativeHazardVariance,
      });
    }
    atRisk -= leaving;
  }
  return steps;
}

/** The non-parametric estimates at one failure time, with 95 % bounds. */
export interface NonParametricStep {
  readonly time: number;
  readonly atRisk: number;
  readonly failures: number;
  /** Kaplan–Meier R̂(t). */
  readonly reliability: number;
  /** Greenwood bounds on the log scale, capped at 1; null once R̂ = 0. */
  readonly reliabilityCi95: readonly [number, number] | null;
  /** Nelson–Aalen Ĥ(t). */
  readonly cumulativeHazard: number;
  /** Bounds on the log scale. */
  readonly cumulativeHazardCi95: readonly [number, number];
}

/**
 * Returns the Kaplan–Meier estimate of the reliability and the Nelson–Aalen estimate of the
 * cumulative hazard at each failure time, with 95 % bounds: Greenwood's variance on the log
 * scale for R̂ (R's `survfit` default, `conf.type = "log"`), and the log scale for Ĥ.
 *
 * $$
 * \hat R \exp\Bigl(\pm z_{0.975} \sqrt{\textstyle\sum d/(n(n-d))}\Bigr) \wedge 1, \qquad
 * \hat H \exp\Bigl(\pm z_{0.975} \sqrt{\textstyle\sum d/n^2} \big/ \hat H\Bigr)
 * $$
 *
 * @param data - life data with exact failures and suspensions only
 * @returns one step per distinct failure time
 * @throws {@link ParameterError} when the data hold interval or left-censored rows: the
 * Kaplan–Meier estimate needs exact failure times (the Turnbull estimate, which handles
 * intervals, is not provided)
 *
 * @see J. F. Lawless, Statistical Models and Methods for Lifetime Data, 2nd ed., Wiley, 2003,
 * §3.2 (product-limit and Nelson–Aalen estimates, Greenwood's formula, log-transformed bounds).
 */
export function nonParametricEstimates(data: LifeData): NonParametricStep[] {
  if (data.n.intervals > 0) {
    throw new ParameterError(
      'nonParametricEstimates',
      'data',
      'hold exact failures and suspensions only for the Kaplan–Meier estimate (the Turnbull estimate for intervals is not provided)',
      `${data.n.intervals} interval or left-censored units`,
    );
  }
  const z = normalQuantile(0.975);
  return kaplanMeier(data.observations).map((step) => {
    const spread = z * Math.sqrt(step.greenwood);
    const hazardSpread = (z * Math.sqrt(step.cumulativeHazardVariance)) / step.cumulativeHazard;
    return {
      time: step.time,
      atRisk: step.atRisk,
      failures: step.failures,
      reliability: step.survival,
      reliabilityCi95:
        step.survival > 0
          ? [step.survival * Math.exp(-spread), Math.min(1, step.survival * Math.exp(spread))]
          : null,
      cumulativeHazard: step.cumulativeHazard,
      cumulativeHazardCi95: [
        step.cumulativeHazard * Math.exp(-hazardSpread),
        step.cumulativeHazard * Math.exp(hazardSpread),
      ],
    };
  });
}
