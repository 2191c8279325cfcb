import type { Ctmc } from './Ctmc.js';

/** The transposed generator: for each state j, the transitions i → j into it (CSR by target). */
export interface IncomingTransitions {
  /** Pointers, length n + 1: the transitions into j are entries start[j]..start[j+1]−1. */
  readonly start: Int32Array;
  /** Source state i of each incoming transition, ascending within a target. */
  readonly source: Int32Array;
  /** Rate q_ij of each incoming transition, per time unit. */
  readonly rate: Float64Array;
}

/**
 * Returns the transitions of a chain grouped by target state (the transposed CSR), the layout
 * that lets a solver compute (πQ)_j = Σ_i π_i q_ij for one j at a time.
 *
 * $$
 * (\pi Q)_j = \sum_{i \ne j} \pi_i\, q_{ij} - \pi_j\, q_j
 * $$
 *
 * - π: a row vector over the states, q_ij: `ctmc.rate` of the transition i → j
 * - q_j: `ctmc.exitRate[j]`
 *
 * @param ctmc - the chain, already checked by its caller (checkCtmc or buildCtmc)
 * @param keep - optional filter: only transitions whose source and target both have `keep` = 1
 * @returns the transposed structure; sources ascend within each target
 *
 * @remarks
 * Counting sort by target: two passes over the m transitions, O(n + m) time, 12 bytes per
 * transition plus 4 per state. Gathering (one write per target) beats scattering in the
 * Gauss–Seidel and uniformization kernels, and Gauss–Seidel needs the current values of the
 * sources, which only the gather form can use.
 *
 * @see Y. Saad, Iterative Methods for Sparse Linear Systems, 2nd ed., SIAM, 2003, §3.4 (CSR and
 * its transpose), https://www-users.cse.umn.edu/~saad/IterMethBook_2ndEd.pdf
 *
 * @example
 * ```ts
 * const chain = { stateCount: 2, rowStart: Int32Array.of(0, 1, 2), target: Int32Array.of(1, 0), rate: Float64Array.of(2, 3), exitRate: Float64Array.of(2, 3), up: Uint8Array.of(1, 0), initial: Float64Array.of(1, 0) };
 * incomingTransitions(chain).rate; // → [3, 2]
 * ```
 */
export function incomingTransitions(ctmc: Ctmc, keep?: Uint8Array): IncomingTransitions {
  const n = ctmc.stateCount;
  const { rowStart, target, rate } = ctmc;
  // `!`: i < n, and the rows point into target with targets j in [0, n) (a chain checked by
  // checkCtmc or made by buildCtmc), so start (n + 1 entries) and fill (n) are indexed below
  // their lengths, and fill[j] stays below start[j + 1] ≤ total, the length of source and inRate.
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    if (keep !== undefined && keep[i] === 0) continue;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      const j = target[p]!;
      if (keep === undefined || keep[j] === 1) start[j + 1]!++;
    }
  }
  for (let j = 0; j < n; j++) start[j + 1]! += start[j]!;
  const fill = start.slice(0, n);
  const total = start[n]!;
  const source = new Int32Array(total);
  const inRate = new Float64Array(total);
  for (let i = 0; i < n; i++) {
    if (keep !== undefined && keep[i] === 0) continue;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      const j = target[p]!;
      if (keep !== undefined && keep[j] === 0) continue;
      const slot = fill[j]!++;
      source[slot] = i;
      inRate[slot] = rate[p]!;
    }
  }
  return { start, source, rate: inRate };
}
