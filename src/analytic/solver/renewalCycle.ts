import type { Distribution } from '../../distributions/types.js';
import type { CostsModel, PreventiveModel } from '../../model/Model.js';
import { integrate } from '../../numeric/integrate.js';

/** The expected parts of one renewal cycle of a repairable unit. */
export interface RenewalCycle {
  /** Expected up time E[min(L, T)]. */
  readonly up: number;
  /** Expected down time: repair (with detection) after a failure, or the replacement's duration. */
  readonly down: number;
  /** up + down. */
  readonly length: number;
  /** Expected number of up → down transitions: 1 after a failure; after a replacement if it takes time. */
  readonly downs: number;
  /** Expected maintenance cost. */
  readonly cost: number;
}

/**
 * Returns the expected up time, down time, down transitions and cost of one renewal cycle of a
 * repairable unit replaced at failure or, under age replacement, at age T, whichever comes
 * first; as good as new at the cycle's end. By the renewal-reward theorem the unit's long-run
 * availability is up/length, its failure frequency downs/length and its cost rate cost/length.
 *
 * $$
 * \begin{aligned}
 * E[\text{up}] &= \int_0^T R(t)\,dt, &
 * E[\text{down}] &= F(T)\,(m_d + m_r) + R(T)\,d,\\
 * E[\text{downs}] &= F(T) + R(T)\,[d > 0], &
 * E[\text{cost}] &= c_u F(T) + c_p R(T) + c_{crew} F(T)\, m_r + c_{down} E[\text{down}]
 * \end{aligned}
 * $$
 * - R, F: the unit's lifetime survival and distribution functions; T the replacement age
 *   (∞ without age replacement: E[up] = MTTF, F(T) = 1)
 * - m_d + m_r: the mean detection delay plus mean repair time (`meanDowntime`); m_r the mean
 *   repair time alone (the crew's time); d the replacement's duration
 * - c_u, c_p, c_down: the corrective, preventive and downtime costs; c_crew per crew hour
 *
 * @remarks ∫₀ᵀ R by adaptive Gauss–Kronrod at 1e-13 relative (not MTTF − ∫_T^∞ R, which cancels
 * for small T). Units must be independent (unlimited crews). Reference: R. E. Barlow and F.
 * Proschan, Mathematical Theory of Reliability, Wiley, 1965, ch. 4 (age replacement), and S.
 * M. Ross, Applied Probability Models with Optimization Applications, Holden-Day, 1970, ch. 3
 * (renewal-reward).
 */
export function renewalCycle(
  life: Distribution,
  unit: {
    readonly meanDowntime: number;
    readonly meanRepair: number;
    readonly preventive?: PreventiveModel;
    readonly costs?: CostsModel;
    readonly crewCostPerHour: number;
  },
): RenewalCycle {
  const { meanDowntime, meanRepair, preventive, costs, crewCostPerHour } = unit;
  const age = preventive?.interval ?? Infinity;
  const replaced = Number.isFinite(age);
  const up = replaced
    ? integrate((t) => life.sf(t), 0, age, { tolerance: 1e-13 }).value
    : life.mean;
  const failed = replaced ? life.cdf(age) : 1;
  const renewed = replaced ? life.sf(age) : 0;
  const duration = preventive?.duration ?? 0;
  const down = failed * meanDowntime + renewed * duration;
  const cost =
    (costs?.corrective ?? 0) * failed +
    (costs?.preventive ?? 0) * renewed +
    crewCostPerHour * failed * meanRepair +
    (costs?.downtimePerHour ?? 0) * down;
  return { up, down, length: up + down, downs: failed + (duration > 0 ? renewed : 0), cost };
}
