/**
 * A continuous-time Markov chain on states 0..n−1, stored sparsely on typed arrays.
 *
 * The generator Q has off-diagonal rates q_ij ≥ 0 (i ≠ j) in compressed sparse rows (row i =
 * transitions out of state i) and diagonal q_ii = −exitRates[i], so every row sums to 0.
 *
 * `buildCtmc` makes one; a chain written by hand as an object literal is checked by every public
 * function that takes it (checkCtmc: the rules below, the exit rates within 1e-12 of their
 * rows), once: its typed arrays are trusted afterwards, so do not write into them.
 */
export interface Ctmc {
  /** Number of states n. */
  readonly stateCount: number;
  /** CSR row pointers, length n + 1: the transitions out of i are entries rowStart[i]..rowStart[i+1]−1. */
  readonly rowStart: Int32Array;
  /** Target state of each transition, in [0, n) and never the row's own state. */
  readonly target: Int32Array;
  /** Rate of each transition, > 0, per time unit. */
  readonly rate: Float64Array;
  /** Total rate out of each state (−q_ii), the sum of its row (0 for a row without transitions). */
  readonly exitRate: Float64Array;
  /** 1 where the system is up in that state, 0 where it is down. */
  readonly up: Uint8Array;
  /** Initial probability of each state, in [0, 1]; sums to 1 within 1e-12. */
  readonly initial: Float64Array;
  /**
   * Optional state names for messages and reports (hand-written chains, small generated ones),
   * one per state.
   */
  readonly stateNames?: readonly string[];
}
