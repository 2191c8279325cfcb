import { exactSum } from '../../numeric/sum.js';
import { largest } from '../../numeric/extremes.js';

/** Reliability and unreliability of a sequential chain at one time, both computed directly. */
export interface SequentialChainSurvival {
  /** P(not yet absorbed at t), in [0, 1]. */
  readonly reliability: number;
  /** P(absorbed by t), in [0, 1], not computed as 1 − reliability. */
  readonly unreliability: number;
}

/**
 * Returns the probability that a chain of units used one after another is still working at
 * `t` (an internal kernel of the cold-standby and hypoexponential formulas).
 *
 * $$
 * R(t) = \sum_{j=1}^{n} \big[e^{Qt}\big]_{1j}, \qquad
 * Q_{jj} = -\lambda_j,\; Q_{j,j+1} = p_j\lambda_j,\; Q_{j,\mathrm{down}} = (1-p_j)\lambda_j
 * $$
 *
 * - λ_j: `rates[j]`, failure rate of unit j while active, per unit time, > 0
 * - p_j: `advance[j]`, probability that the switch to unit j + 1 succeeds (p_n = 0)
 * - t: `t`, time, ≥ 0
 *
 * @param rates - active failure rates, each finite and > 0, at least one
 * @param advance - switch success probabilities, one per rate but the last (ignored)
 * @param t - time, finite and ≥ 0
 * @returns reliability and unreliability, each computed as a sum of non-negative terms
 *
 * @remarks
 * Scaling and squaring on the (n + 1)-state upper-triangular generator: a Taylor series for
 * exp(Qh) with h = t/2^s and max λ·h ≤ 1/8 (every entry's series is dominated by its first
 * term, so each entry is accurate to a few ε relative), then s squarings. Squaring a
 * non-negative triangular matrix adds only non-negative products, and the diagonal is reset to
 * the exact e^{−λ_j h} after each step, so relative errors grow by O(n·ε) per squaring instead of
 * doubling: equal, nearly equal and widely spread rates (1e-9 with 1e3) all keep about 13
 * digits. Cost O(n³·s) with s = ⌈log2(8·max λ·t)⌉; meant for n up to a few hundred.
 * Preconditions (not checked): valid rates, advance in [0, 1], t ≥ 0.
 *
 * @see R. B. Sidje, "Expokit: a software package for computing matrix exponentials", ACM TOMS
 * 24(1), 1998, https://doi.org/10.1145/285861.285868 (scaling and squaring); C. McCurdy,
 * K. C. Ng, B. N. Parlett, "Accurate computation of divided differences of the exponential
 * function", Mathematics of Computation 43 (1984) 501–528,
 * https://doi.org/10.1090/S0025-5718-1984-0758198-0 (why the diagonal must stay exact).
 */
export function sequentialChainSurvival(
  rates: readonly number[],
  advance: readonly number[],
  t: number,
): SequentialChainSurvival {
  const n = rates.length;
  const maxRate = largest(rates);
  if (t === 0) return { reliability: 1, unreliability: 0 };
  const squarings = Math.max(0, Math.ceil(Math.log2(8 * maxRate * t)));
  const h = t / 2 ** squarings;
  const size = n + 1; // state n is "down"
  // Nonzeros of Q·h: diagonal, superdiagonal and the last column.
  /** p_j, the caller's advance probability of unit j < n − 1. */
  const advanceAt = (j: number): number => {
    const p = advance[j];
    if (p === undefined) throw new Error(`internal: sequentialChainSurvival lacks advance[${j}]`);
    return p;
  };
  const diag = rates.map((rate) => -rate * h);
  const up = rates.map((rate, j) => (j < n - 1 ? advanceAt(j) * rate * h : 0));
  const down = rates.map((rate, j) => (j < n - 1 ? (1 - advanceAt(j)) * rate * h : rate * h));

  // Taylor series E = Σ (Qh)^k / k!, term by term (T ← T·Qh/k costs O(n²) for this sparsity).
  // Matrices are flat, row-major, size × size, and only their upper triangles are read or
  // written; diag, up, down have n = size − 1 entries, so every `!` read below (indices i, j, l
  // below those bounds) is in range. Two term buffers take turns: no allocation per term.
  let term: Float64Array = identity(size);
  let next: Float64Array = new Float64Array(size * size);
  const e = identity(size);
  for (let k = 1; k <= size + 60; k++) {
    let converged = k > size;
    for (let i = 0; i < size; i++) {
      const r = i * size;
      for (let j = i; j < n; j++) {
        next[r + j] = (term[r + j]! * diag[j]! + (j > i ? term[r + j - 1]! * up[j - 1]! : 0)) / k;
      }
      let toDown = 0;
      for (let l = i; l < n; l++) toDown += term[r + l]! * down[l]!;
      next[r + n] = toDown / k;
      for (let j = i; j < size; j++) {
        e[r + j]! += next[r + j]!;
        if (Math.abs(next[r + j]!) > 1e-18 * Math.abs(e[r + j]!)) converged = false;
      }
    }
    [term, next] = [next, term];
    if (converged) break;
  }
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) e[i * size + j] = Math.max(0, e[i * size + j]!);
  }
  resetDiagonal(e, rates, h);

  let current: Float64Array = e;
  let step = h;
  for (let s = 0; s < squarings; s++) {
    current = squareUpperTriangular(current, size);
    step *= 2;
    resetDiagonal(current, rates, step);
  }
  // The row of the first unit: its n transient entries, then "down".
  return {
    reliability: exactSum(current.subarray(0, n)),
    unreliability: current[n]!,
  };
}

/** Sets the transient diagonal to the exact e^{−λ_j·time} and the absorbing one to 1. */
function resetDiagonal(m: Float64Array, rates: readonly number[], time: number): void {
  // m is (rates.length + 1)² entries, row-major.
  const size = rates.length + 1;
  for (const [j, rate] of rates.entries()) m[j * size + j] = Math.exp(-rate * time);
  m[size * size - 1] = 1;
}

/** M² for a non-negative upper-triangular M (flat, row-major); every product and sum is non-negative. */
function squareUpperTriangular(m: Float64Array, size: number): Float64Array {
  const out = new Float64Array(size * size);
  const column: number[] = [];
  // i ≤ l ≤ j < size.
  for (let i = 0; i < size; i++) {
    // One or two products: their rounded sum is already the correctly rounded one exactSum gives.
    out[i * size + i] = m[i * size + i]! * m[i * size + i]!;
    if (i + 1 < size) {
      out[i * size + i + 1] =
        m[i * size + i]! * m[i * size + i + 1]! + m[i * size + i + 1]! * m[(i + 1) * size + i + 1]!;
    }
    for (let j = i + 2; j < size; j++) {
      column.length = 0;
      for (let l = i; l <= j; l++) column.push(m[i * size + l]! * m[l * size + j]!);
      out[i * size + j] = exactSum(column);
    }
  }
  return out;
}

/** The size × size identity, flat and row-major. */
function identity(size: number): Float64Array {
  const m = new Float64Array(size * size);
  for (let i = 0; i < size; i++) m[i * size + i] = 1;
  return m;
}
