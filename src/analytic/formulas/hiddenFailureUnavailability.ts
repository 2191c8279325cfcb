import { ParameterError, checkNonNegative, checkPositive } from '../../errors.js';

/** The proof tests of one unit: `inspection` of a component (docs/semantics.md). */
export interface ProofTestPlan {
  /** Time between tests, T, > 0. */
  readonly interval: number;
  /** Time a test takes the unit out of service, d, in [0, T). */
  readonly duration: number;
  /** Probability that a test can reveal a failure, c, in [0, 1]. */
  readonly coverage: number;
  /** Time of the first test, t₀, > 0. */
  readonly first: number;
}

/**
 * Returns the probability that one unit with exponential hidden failures is down at time t,
 * when periodic proof tests find its failures and it is renewed at once at the end of the test
 * that finds one (or never, when `renewed` is false: a unit without repair).
 *
 * $$
 * U(t) = \begin{cases}
 *   1 & \text{during a test}\\
 *   1 - P_k\,e^{-\lambda \tau} & \text{otherwise}
 * \end{cases}, \qquad
 * P_k = \big(1 - (1-c)(1-e^{-\lambda t_0})\big)\big(1 - (1-c)(1-e^{-\lambda (T-d)})\big)^{k-1}
 * $$
 *
 * - λ: `rate`; T, d, c, t₀: the test plan; k: tests ended by t (P₀ = 1)
 * - τ: time since the end of the last test (t before the first)
 * - P_k: probability that the unit is up right after the k-th test, that is, has had no failure
 *   the tests cannot reveal: in each period between tests a unit up at its start has such a
 *   failure with probability (1 − c)(1 − e^{−λL}), L the period's length; a failed unit is not
 *   exposed, so these are not e^{−λ(1−c)·t}
 * - without renewal: U(t) = 1 − e^{−λ s}, s the time in service (t minus the tests ended by t)
 *
 * @param rate - failure rate λ while in service, ≥ 0
 * @param plan - the proof tests: interval, duration, coverage, first
 * @param t - time since new, ≥ 0
 * @param renewed - whether a failure found by a test is repaired at once (true) or stays
 *   (false: the unit has no repair)
 * @returns U(t), a probability
 *
 * @throws {@link ParameterError} for a negative rate or time, or an invalid plan
 *
 * @remarks
 * Semantics of docs/semantics.md, "Hidden failures and proof tests", with instantaneous repair
 * (`repair: { dist: deterministic, value: 0 }`): a unit in a test is out of service (down, not
 * ageing); at the end of a test a failure the tests can reveal is found and the unit is new
 * again; a failure they cannot reveal stays. The products are formed in logarithms with log1p
 * and expm1, so a U of 1e-12 keeps its digits. With c = 1, d = 0 and t₀ = T this is the 1oo1
 * saw-tooth 1 − e^{−λ(t mod T)} of IEC 61508-6. Cost O(1).
 *
 * @see IEC 61508-6:2010, annex B (proof tests, proof-test coverage); M. Rausand, Reliability of
 * Safety-Critical Systems, Wiley, 2014, ch. 8 (PFD(t), partial proof tests; paywalled).
 *
 * @example
 * ```ts
 * const plan = { interval: 8760, duration: 0, coverage: 1, first: 8760 };
 * hiddenFailureUnavailability(1e-5, plan, 8760 + 100); // → ~0.000999500167
 * ```
 */
export function hiddenFailureUnavailability(
  rate: number,
  plan: ProofTestPlan,
  t: number,
  renewed = true,
): number {
  checkNonNegative('hiddenFailureUnavailability', 'rate', rate);
  checkNonNegative('hiddenFailureUnavailability', 't', t);
  checkPlan('hiddenFailureUnavailability', plan);
  const { interval, duration, coverage, first } = plan;
  const position = testPosition(plan, t);
  if (position.inTest) return 1;
  const { ended, sinceEnd } = position;
  if (!renewed) return -Math.expm1(-rate * (t - ended * duration));
  if (ended === 0) return -Math.expm1(-rate * t);
  const missed = (length: number): number =>
    Math.log1p((1 - coverage) * Math.expm1(-rate * length));
  const logUp = coverage === 1 ? 0 : missed(first) + (ended - 1) * missed(interval - duration);
  return -Math.expm1(logUp - rate * sinceEnd);
}

/** Where a time falls in a test plan: in a test, or after `ended` tests, `sinceEnd` after the last. */
export type TestPosition =
  | { readonly inTest: true }
  | { readonly inTest: false; readonly ended: number; readonly sinceEnd: number };

/**
 * Returns where time t falls in a test plan: during a test, or how many tests have ended and
 * how long ago the last one ended (t itself before the first test).
 *
 * @param plan - the proof tests
 * @param t - time since new, ≥ 0
 * @returns the position; a test covers [start, start + d), so at start + d it has ended
 */
export function testPosition(plan: ProofTestPlan, t: number): TestPosition {
  const { interval, duration, first } = plan;
  if (t < first) return { inTest: false, ended: 0, sinceEnd: t };
  // The k-th test (0-based) started last. Its start and end are computed as the solvers place
  // the test epochs (first + k·interval, then + duration), so that t at an edge is on the
  // right side of it whatever the rounding of (t − first)/interval.
  let k = Math.floor((t - first) / interval);
  if (first + k * interval > t) k--;
  else if (first + (k + 1) * interval <= t) k++;
  const end = first + k * interval + duration;
  if (t < end) return { inTest: true };
  return { inTest: false, ended: k + 1, sinceEnd: t - end };
}

/** Checks a test plan at a library entry. */
export function checkPlan(where: string, plan: ProofTestPlan): void {
  checkPositive(where, 'interval', plan.interval);
  checkNonNegative(where, 'duration', plan.duration);
  checkPositive(where, 'first', plan.first);
  if (!(plan.duration < plan.interval)) {
    throw new ParameterError(where, 'duration', 'be shorter than the interval', plan.duration);
  }
  if (!(plan.coverage >= 0 && plan.coverage <= 1)) {
    throw new ParameterError(where, 'coverage', 'be a probability in [0, 1]', plan.coverage);
  }
}
