import { ParameterError } from '../errors.js';
import type { Ctmc } from './Ctmc.js';
import { planTransient, upDownSequence, type TransientOptions } from './transientPlan.js';

/** The expected fraction of [0, T] spent up (and down). */
export interface IntervalAvailabilityResult {
  /** The horizon T, as given. */
  readonly horizon: number;
  /** (1/T)∫₀ᵀ A(t) dt, in [0, 1]. */
  readonly availability: number;
  /** (1/T)∫₀ᵀ U(t) dt, in [0, 1], summed over the down states directly. */
  readonly unavailability: number;
  /** Matrix–vector products done. */
  readonly products: number;
  /** Advisory notes: very stiff runs. */
  readonly warnings: string[];
}

/**
 * Returns the interval availability, the expected fraction of the time [0, T] that the system
 * is up, by uniformization of the cumulative measure.
 *
 * $$
 * \bar A(T) = \frac{1}{T}\int_0^T A(t)\,dt
 *           = \frac{1}{qT}\sum_{k \ge 0} a_k\, P\{N(qT) > k\},\qquad
 * a_k = \sum_{i\,\mathrm{up}} (\pi(0) P^k)_i
 * $$
 *
 * - T: `horizon`; A(t): point availability; q: uniformization rate, P = I + Q/q
 * - N(qT): a Poisson(qT) count; P{N > k} is summed from the right of the Fox–Glynn window
 *
 * @param ctmc - the chain, with repair
 * @param horizon - T, finite and ≥ 0 (T = 0 gives A(0)), same unit as the rates
 * @param options - tolerance (default 1e-12) and maxProducts
 * @returns the expected up and down fractions of [0, T]
 *
 * @throws {@link ParameterError} when horizon is not a finite number ≥ 0, or as
 * {@link planTransient}.
 *
 * @remarks
 * Uses ∫₀ᵀ e^{−qt}(qt)^k/k! dt = P{N(qT) > k}/q, so the integral needs the same products as A(T)
 * and no quadrature. Tail probabilities are sums of the window's weights from the right (no
 * 1 − F); below the window they are 1 within ε. Error ≤ ε relative to the fraction, plus
 * rounding; measured ≤ 6.3e-15 relative (tolerance 1e-17) against the closed form of one repairable unit,
 * μ/(λ+μ) + λ(1 − e^{−(λ+μ)T})/((λ+μ)²T). Cost O((n + m)·R), R ≈ qT.
 *
 * @see A. Reibman, K. S. Trivedi, "Numerical transient analysis of Markov models", Computers &
 * Operations Research 15(1), 1988, 19–36, https://doi.org/10.1016/0305-0548(88)90026-3
 * (paywalled); E. de Souza e Silva, H. R. Gail, "Calculating availability and performability
 * measures of repairable computer systems using randomization", Journal of the ACM 36(1), 1989,
 * 171–193, https://doi.org/10.1145/58562.59307 (paywalled).
 *
 * @example
 * ```ts
 * const unit = buildCtmc(2, [{ from: 0, to: 1, rate: 1 }, { from: 1, to: 0, rate: 9 }], [1, 0], 0);
 * intervalAvailability(unit, 1).availability; // → ~0.909999546000
 * ```
 */
export function intervalAvailability(
  ctmc: Ctmc,
  horizon: number,
  options: TransientOptions = {},
): IntervalAvailabilityResult {
  const where = 'intervalAvailability';
  if (!(Number.isFinite(horizon) && horizon >= 0)) {
    throw new ParameterError(where, 'horizon', 'be a finite number >= 0', horizon);
  }
  const plan = planTransient(where, ctmc, [horizon], options);
  const sequence = upDownSequence(plan, ctmc.initial, ctmc.up);
  const lambda = plan.chain.rate * horizon;
  if (lambda === 0) {
    return {
      horizon,
      availability: sequence.up[0],
      unavailability: sequence.down[0],
      products: 0,
      warnings: plan.warnings,
    };
  }
  const { left, right, weights } = plan.windows[0];
  // tail = P{N > k}, accumulated from the right end of the window (small terms first).
  let tail = 0;
  let up = 0;
  let down = 0;
  for (let k = right - 1; k >= 0; k--) {
    if (k + 1 >= left) tail += weights[k + 1 - left];
    up += sequence.up[k] * tail;
    down += sequence.down[k] * tail;
  }
  return {
    horizon,
    availability: up / lambda,
    unavailability: down / lambda,
    products: plan.lastStep,
    warnings: plan.warnings,
  };
}
