import { squareDense } from './denseKernels.js';
import { TINY } from './poissonSeries.js';

/** A dense stochastic matrix E = e^{Qa} that keeps each row's complement 1 − e_ii exactly. */
export interface StochasticPower {
  /** The order n. */
  readonly stateCount: number;
  /** E row-major, n², diagonal included. */
  readonly matrix: Float64Array;
  /**
   * leave[i] = Σ_{j≠i} e_ij = 1 − e_ii: the probability of not being in i at the end of the step,
   * summed from the off-diagonal entries so that it keeps its digits when it is tiny.
   */
  readonly leave: Float64Array;
}

/**
 * Settles the diagonal of a non-negative matrix whose rows should sum to 1: forms each row's
 * complement from its off-diagonal entries, then sets e_ii = 1 − leave_i when that is at least
 * 1/2, or else keeps e_ii and divides the row by its sum.
 *
 * $$
 * \ell_i = \sum_{j \ne i} e_{ij},\qquad
 * e_{ii} \leftarrow 1 - \ell_i \ \ (\ell_i < \tfrac12),\qquad
 * e_{i\cdot} \leftarrow e_{i\cdot} / (e_{ii} + \ell_i),\ \ell_i \leftarrow \ell_i/(e_{ii} + \ell_i) \ \ (\ell_i \ge \tfrac12)
 * $$
 *
 * - e_ij: `power.matrix`, ℓ_i: `power.leave` (written)
 *
 * @param power - the matrix; `leave` is overwritten
 *
 * @remarks
 * The complement is what matters on long horizons: a state left at rate 10^−12 in a step of
 * 10^−6 has e_ii = 1 − 10^−18, which a double rounds to 1, so repeated products of e_ii would
 * lose the leaving probability entirely (the uniformization error of q·t·ε_mach). Summing ℓ_i
 * from the off-diagonal entries keeps it to relative accuracy, and e_ii = 1 − ℓ_i is then exact
 * to ε_mach/2 as a multiplier. When ℓ_i ≥ 1/2, 1 − ℓ_i would cancel, so e_ii keeps its own
 * (non-negative, accurate) value and the row is scaled to sum 1 instead. No subtraction of
 * nearly equal numbers anywhere. Cost O(n²).
 *
 * @see W. K. Grassmann, M. I. Taksar, D. P. Heyman, "Regenerative analysis and steady state
 * distributions for Markov chains", Operations Research 33(5), 1985, 1107–1116,
 * https://doi.org/10.1287/opre.33.5.1107 (paywalled; diagonals from off-diagonal sums).
 *
 * @example
 * ```ts
 * const power = { stateCount: 2, matrix: Float64Array.of(1, 1e-18, 0, 1), leave: new Float64Array(2) };
 * settleDiagonal(power);
 * power.leave; // → [1e-18, 0]
 * ```
 */
export function settleDiagonal(power: StochasticPower): void {
  const { stateCount: n, matrix, leave } = power;
  // `!`: the matrix is n×n (length n²) and i, j < n.
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let off = 0;
    for (let j = 0; j < n; j++) if (j !== i) off += matrix[row + j]!;
    if (off < 0.5) {
      matrix[row + i] = 1 - off;
      leave[i] = off;
    } else {
      const total = matrix[row + i]! + off;
      for (let j = 0; j < n; j++) matrix[row + j]! /= total;
      leave[i] = off / total;
    }
  }
}

/**
 * Writes E² into `out` for a stochastic E = e^{Qa}, giving e^{2Qa}, and returns how far it moved
 * from E, entry by entry and relatively.
 *
 * $$
 * E(2a) = E(a)^2,\qquad
 * \delta = \max_{i,j} \frac{|E(2a)_{ij} - E(a)_{ij}|}{\max(E(2a)_{ij}, E(a)_{ij})}
 * \ \text{(also over the complements } \ell_i)
 * $$
 *
 * - E(a): `power`, E(2a): `out`; entries below 1e-290 in both count as unchanged
 *
 * @param power - E(a)
 * @param out - receives E(2a) and its complements (a different matrix of the same order)
 * @returns δ, the largest relative change of an entry or complement (0 when nothing moved)
 *
 * @remarks
 * The product is {@link squareDense} (non-negative terms only), then {@link settleDiagonal}.
 * δ = 0 to rounding means E(a) is idempotent: the chain has reached its limit in a (E(a) = 1π
 * for an ergodic chain, the absorption probabilities for an absorbing one), and every later
 * power is the same matrix. A mode that has not mixed by time a always moves some entry by a
 * large relative amount (the probability of crossing into a slowly reached part doubles, and
 * so does the complement of a slowly left state), which is why the test is relative and
 * includes the complements. Cost n³ multiply–adds and O(n²).
 *
 * @see C. Moler, C. Van Loan, "Nineteen dubious ways to compute the exponential of a matrix,
 * twenty-five years later", SIAM Review 45(1), 2003, 3–49, https://doi.org/10.1137/S00361445024180
 * (paywalled; scaling and squaring); J. Xue, Q. Ye, "Computing exponentials of essentially
 * non-negative matrices entrywise to high relative accuracy", Mathematics of Computation
 * 82(283), 2013, 1577–1596 (paywalled).
 *
 * @example
 * ```ts
 * const power = { stateCount: 2, matrix: Float64Array.of(0.5, 0.5, 0.5, 0.5), leave: Float64Array.of(0.5, 0.5) };
 * const out = { stateCount: 2, matrix: new Float64Array(4), leave: new Float64Array(2) };
 * squareStochastic(power, out); // → 0
 * out.matrix; // → [0.5, 0.5, 0.5, 0.5]
 * ```
 */
export function squareStochastic(power: StochasticPower, out: StochasticPower): number {
  const n = power.stateCount;
  squareDense(power.matrix, out.matrix, n);
  settleDiagonal(out);
  return Math.max(relativeChange(power.matrix, out.matrix), relativeChange(power.leave, out.leave));
}

/** max_i |b_i − a_i| / max(a_i, b_i) over entries where either is at least TINY (b as long as a). */
function relativeChange(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  // `!`: i < a.length, and the two are a matrix and its square, or their complements.
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const larger = x > y ? x : y;
    if (larger < TINY) continue;
    const change = Math.abs(y - x) / larger;
    if (change > worst) worst = change;
  }
  return worst;
}
