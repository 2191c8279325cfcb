import { ConvergenceError } from '../errors.js';
import type { FitFamily } from './families.js';
import type { Observation } from './lifeData.js';

/**
 * Returns the log-likelihood of life data under a family with given parameters and location:
 * each row contributes its count times ln f(t − γ) (failure), ln R(t − γ) (suspension),
 * ln F(t_hi − γ) (left-censored: `time` 0) or ln[F(t_hi − γ) − F(t − γ)] (interval).
 *
 * $$
 * \ell(\theta) = \sum_{\text{failures}} c_i \ln f(t_i) + \sum_{\text{suspensions}} c_i \ln R(t_i)
 *   + \sum_{\text{intervals}} c_i \ln\bigl[F(t_{hi,i}) - F(t_i)\bigr]
 * $$
 *
 * @param family - the family's log-density, log-cdf and log-survival
 * @param p - the natural parameters in the family's order
 * @param location - the failure-free time γ (0 for two-parameter families)
 * @param observations - the checked rows
 * @returns ℓ, the density on the time scale (with the Jacobian 1/t of log-time families);
 * −Infinity where the data are impossible under the parameters, for parameters outside the
 * family's range (not finite, a positive one ≤ 0), and where a special function cannot
 * converge (an extreme trial point of the optimiser)
 *
 * @remarks
 * A row at or before the location cannot fail there: a suspension contributes ln 1 = 0 and an
 * interval starting there is left-censored. For the whole-line families (normal, Gumbel) a row
 * with `time` 0 is left-censored too (T ≤ t_hi, as survreg reads an interval with no lower end),
 * not the interval (0, t_hi]. Interval differences are formed from whichever of F and R is
 * smaller at the lower end, ln[F(b) − F(a)] = ln F(b) + ln(1 − e^{ln F(a) − ln F(b)}), so narrow
 * intervals in either tail keep their digits. Cost O(rows).
 *
 * @see W. Q. Meeker and L. A. Escobar, Statistical Methods for Reliability Data, Wiley, 1998,
 * §2.4 and §7.2 (the likelihood of censored data).
 */
export function logLikelihood(
  family: FitFamily,
  p: readonly number[],
  location: number,
  observations: readonly Observation[],
): number {
  const valid = p.every((x, i) => Number.isFinite(x) && (family.positive[i] !== true || x > 0));
  if (!valid || !Number.isFinite(location)) return -Infinity;
  try {
    return sumTerms(family, p, location, observations);
  } catch (error) {
    // A special function that cannot converge at an extreme trial point: no likelihood there.
    if (error instanceof ConvergenceError) return -Infinity;
    throw error;
  }
}

function sumTerms(
  family: FitFamily,
  p: readonly number[],
  location: number,
  observations: readonly Observation[],
): number {
  let sum = 0;
  for (const { kind, time, timeHi, count } of observations) {
    const x = time - location;
    let term: number;
    if (kind === 'failure') {
      term = family.positiveSupport && x < 0 ? -Infinity : family.logPdf(x, p);
    } else if (kind === 'suspension') {
      term = family.positiveSupport && x <= 0 ? 0 : family.logSf(x, p);
    } else {
      const xHi = timeHi - location;
      if (family.positiveSupport && xHi <= 0) term = -Infinity;
      else if (time === 0 || (family.positiveSupport && x <= 0)) term = family.logCdf(xHi, p);
      else term = logIntervalProbability(family, p, x, xHi);
    }
    sum += count * term;
  }
  return Number.isNaN(sum) ? -Infinity : sum;
}

function logIntervalProbability(
  family: FitFamily,
  p: readonly number[],
  lo: number,
  hi: number,
): number {
  const logCdfLo = family.logCdf(lo, p);
  if (logCdfLo < -Math.LN2) {
    const logCdfHi = family.logCdf(hi, p);
    return logCdfHi + log1mExpOf(logCdfLo - logCdfHi);
  }
  const logSfLo = family.logSf(lo, p);
  return logSfLo + log1mExpOf(family.logSf(hi, p) - logSfLo);
}

/** ln(1 − eᵈ) for d ≤ 0. */
function log1mExpOf(d: number): number {
  return d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d));
}
