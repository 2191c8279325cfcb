import { checkInteger, checkPositive } from '../../errors.js';
import { exactSum } from '../../numeric/sum.js';
import { steadyStateMeasures, type SteadyStateMeasures } from '../../model/steadyStateMeasures.js';
import { largest } from '../../numeric/extremes.js';

// Rescale the running product by 2^±830 (exact) before it overflows.
const SCALE_BITS = 830;

/** Steady-state and first-failure measures of a repairable k-out-of-n system. */
/** Steady-state measures (with nines) and the MTTF of a repairable k-out-of-n system. */
export interface RepairableKOutOfNResult extends SteadyStateMeasures {
  /** Mean time from all units new to the first system failure. */
  readonly mttf: number;
}

/**
 * Returns the steady availability, failure frequency, MTBF, MUT, MDT and MTTF of a k-out-of-n
 * system of identical repairable units shared by `crews` repair crews.
 *
 * $$
 * \pi_j \propto \prod_{i=0}^{j-1}\frac{(n-i)\lambda}{\min(i+1,c)\,\mu},\quad
 * A = \sum_{j=0}^{n-k}\pi_j,\quad f = \pi_{n-k}\,k\lambda,\quad
 * \mathrm{MTTF} = \sum_{j=0}^{n-k}\frac{\rho_j}{(n-j)\lambda},\;
 * \rho_0 = 1,\; \rho_j = 1 + \rho_{j-1}\frac{\min(j,c)\,\mu}{(n-j+1)\lambda}
 * $$
 *
 * - j: number of failed units (state of the birth–death chain), π_j its steady probability
 * - k: `k`, units needed, n: `n`, units present
 * - λ: `rate`, failure rate of one unit, μ: `repairRate`, repair rate of one crew, per unit time
 * - c: `crews`, number of repair crews
 * - ρ_j: Σ_{i≤j} π_i/π_j, so that ρ_j/((n − j)λ) is the mean time to go from j to j + 1 failed
 *
 * @param k - required number of working units, integer in [1, n]
 * @param n - number of units, integer ≥ 1
 * @param rate - unit failure rate, finite and > 0
 * @param repairRate - repair rate per crew, finite and > 0
 * @param crews - number of repair crews, integer in [1, n]; default n (every unit has its own)
 * @returns the measures as plain numbers (see {@link RepairableKOutOfNResult})
 *
 * @throws {@link ParameterError} when n is not an integer ≥ 1, k is not an integer in [1, n],
 * rate or repairRate is not a finite number > 0, or crews is not an integer in [1, n].
 *
 * @remarks
 * Exponential failure and repair times, repair as good as new, first come first served. Units
 * keep failing while the system is down (no suspension), so with c = n the units are
 * independent and A equals the k-out-of-n reliability at unit availability μ/(λ + μ). The
 * product form is built as a scaled linear product (relative error about j·ε in π_j), the up
 * and down sums are formed separately (no 1 − A), and the first-passage recursion uses only
 * positive terms; n = 1000 works. Measured ≤ 5e-15 relative against a 40-digit mpmath linear
 * solve. Cost O(n).
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, Ch. 8 (birth–death processes; paywalled);
 * M. Rausand, A. Høyland, System Reliability Theory, 2nd ed., Wiley, 2004, Ch. 8 (Markov
 * processes: mean time to first system failure; paywalled).
 *
 * @example
 * ```ts
 * repairableKOutOfN(1, 2, 1, 9, 1).steadyAvailability; // → ~0.9801980198
 * repairableKOutOfN(1, 2, 0.001, 0.1, 1).mttf; // → 51500
 * ```
 */
export function repairableKOutOfN(
  k: number,
  n: number,
  rate: number,
  repairRate: number,
  crews: number = n,
): RepairableKOutOfNResult {
  const where = 'repairableKOutOfN';
  checkInteger(where, 'n', n, 1);
  checkInteger(where, 'k', k, 1, n);
  checkPositive(where, 'rate', rate);
  checkPositive(where, 'repairRate', repairRate);
  checkInteger(where, 'crews', crews, 1, n);
  const lastUp = n - k;

  // Unnormalised π_j = mantissa[j]·2^(830·exponent[j]), both n + 1 long (the `!` reads, j ≤ n).
  const mantissa = new Float64Array(n + 1);
  const exponent = new Int32Array(n + 1);
  mantissa[0] = 1;
  for (let j = 0; j < n; j++) {
    let next = (mantissa[j]! * (n - j) * rate) / (Math.min(j + 1, crews) * repairRate);
    let e = exponent[j]!;
    if (next > 2 ** SCALE_BITS) {
      next *= 2 ** -SCALE_BITS;
      e += 1;
    } else if (next < 2 ** -SCALE_BITS && next > 0) {
      next *= 2 ** SCALE_BITS;
      e -= 1;
    }
    mantissa[j + 1] = next;
    exponent[j + 1] = e;
  }
  const top = largest(exponent);
  const pi = Array.from(mantissa, (m, j) => scaleBy(m, exponent[j]! - top));
  const total = exactSum(pi);
  const steadyAvailability = exactSum(pi.slice(0, lastUp + 1)) / total;
  const steadyUnavailability = exactSum(pi.slice(lastUp + 1)) / total;
  const failureFrequency = (pi[lastUp]! / total) * k * rate; // lastUp = n − k < n + 1

  const passage: number[] = [];
  let visits = 1;
  for (let j = 0; j <= lastUp; j++) {
    if (j > 0) visits = 1 + (visits * Math.min(j, crews) * repairRate) / ((n - j + 1) * rate);
    passage.push(visits / ((n - j) * rate));
  }
  return {
    ...steadyStateMeasures(steadyAvailability, steadyUnavailability, failureFrequency),
    mttf: exactSum(passage),
  };
}

/** m·2^(830·steps) for steps ≤ 0, in stages so that 2^(830·steps) itself cannot underflow early. */
function scaleBy(m: number, steps: number): number {
  let value = m;
  for (let s = steps; s < 0 && value !== 0; s++) value *= 2 ** -SCALE_BITS;
  return value;
}
