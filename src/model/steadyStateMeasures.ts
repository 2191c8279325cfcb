import { ninesFromUnavailability } from './nines.js';

/** Steady-state measures of a repairable system, all derived from three. */
export interface SteadyStateMeasures {
  readonly steadyAvailability: number;
  readonly steadyUnavailability: number;
  readonly failureFrequency: number;
  readonly mtbf: number;
  readonly mut: number;
  readonly mdt: number;
  readonly nines: number;
}

/**
 * Returns MTBF, MUT, MDT and nines from the steady availability, unavailability and failure
 * frequency of a repairable system.
 *
 * $$
 * \mathrm{MTBF} = \frac{1}{\omega},\quad \mathrm{MUT} = \frac{A}{\omega},\quad
 * \mathrm{MDT} = \frac{U}{\omega},\quad \text{nines} = -\log_{10} U
 * $$
 *
 * - A: `steadyAvailability`; U: `steadyUnavailability` (given separately so that a tiny U keeps
 *   its digits); ω: `failureFrequency`, system failures per unit time
 *
 * @remarks
 * Renewal-reward identities: over a long time each up–down cycle lasts MTBF on average, of
 * which MUT is up. ω = 0 (a system that never fails, or never comes back) gives infinite MTBF.
 *
 * @see M. Rausand and A. Høyland, System Reliability Theory, 2nd ed., Wiley, 2004, ch. 5
 * (availability and failure frequency of repairable systems) (paywalled).
 *
 * @example
 * ```ts
 * steadyStateMeasures(0.999, 0.001, 0.0001).mdt; // → 10
 * ```
 */
export function steadyStateMeasures(
  steadyAvailability: number,
  steadyUnavailability: number,
  failureFrequency: number,
): SteadyStateMeasures {
  // Sums of probabilities can round past 1 by an ulp (1.0000000000000002); a probability is
  // never above 1.
  const a = Math.min(1, Math.max(0, steadyAvailability));
  const u = Math.min(1, Math.max(0, steadyUnavailability));
  return {
    steadyAvailability: a,
    steadyUnavailability: u,
    failureFrequency,
    mtbf: 1 / failureFrequency,
    mut: a / failureFrequency,
    mdt: u / failureFrequency,
    nines: ninesFromUnavailability(u),
  };
}
