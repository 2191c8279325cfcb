import type { FitFamily } from './families.js';
import type { Observation } from './lifeData.js';
import { kaplanMeier } from './nonParametric.js';
import { largest } from '../numeric/extremes.js';

/**
 * Returns the Anderson–Darling distance between the Kaplan–Meier estimate F̂ = 1 − R̂ and a
 * fitted cdf F, over the observed range: for complete data the classic statistic A²; with
 * right-censoring its extension that integrates only where F̂ is defined (up to the largest
 * observed time, and over the whole line once F̂ reaches 1).
 *
 * $$
 * A^2 = n \int_0^{F(\tau)} \frac{(\hat F - u)^2}{u(1 - u)}\,du, \qquad
 * \int_{u_a}^{u_b} \frac{(p - u)^2}{u(1-u)}\,du = p^2 \ln\frac{u_b}{u_a} - (1-p)^2 \ln\frac{1-u_b}{1-u_a} - (u_b - u_a)
 * $$
 *
 * on each step where F̂ = p is constant, u = F(t − γ), n the number of units.
 *
 * @param family - the fitted family
 * @param p - its parameters
 * @param location - its location γ
 * @param observations - failures and suspensions only
 * @returns A² (smaller is closer); a figure for ranking fits of the same data, not a test: its
 * null distribution depends on the family, on the estimated parameters and on the censoring,
 * so no p-value is given
 *
 * @remarks
 * The logarithms are formed from the family's ln F and ln R, so steps in either tail keep their
 * digits. Equals −n − (1/n)Σ(2i − 1)[ln u_(i) + ln(1 − u_(n+1−i))] for complete data (checked
 * against that form in the tests). Cost O(rows · log rows).
 *
 * @see T. W. Anderson and D. A. Darling, A test of goodness of fit, JASA 49 (1954) 765–769;
 * A. N. Pettitt and M. A. Stephens, Modified Cramér–von Mises statistics for censored data,
 * Biometrika 63 (1976) 291–298.
 */
export function andersonDarling(
  family: FitFamily,
  p: readonly number[],
  location: number,
  observations: readonly Observation[],
): number {
  const n = observations.reduce((sum, row) => sum + row.count, 0);
  const end = largest(observations.map((row) => row.time));
  const logF = (t: number): number => (t <= location ? -Infinity : family.logCdf(t - location, p));
  const logR = (t: number): number => (t <= location ? 0 : family.logSf(t - location, p));
  let total = 0;
  let from = location;
  let level = 0;
  const segment = (to: number, last: boolean): void => {
    const ua = Math.exp(logF(from));
    const ub = last ? 1 : Math.exp(logF(to));
    if (!(ub > ua)) return;
    const lower = level > 0 ? level * level * ((last ? 0 : logF(to)) - logF(from)) : 0;
    const upper = level < 1 ? (1 - level) ** 2 * ((last ? -Infinity : logR(to)) - logR(from)) : 0;
    total += lower - upper - (ub - ua);
  };
  for (const step of kaplanMeier(observations)) {
    segment(step.time, false);
    from = step.time;
    level = 1 - step.survival;
  }
  if (level === 1) segment(Infinity, true);
  else segment(end, false);
  return n * total;
}
