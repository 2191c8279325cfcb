import { ParameterError, checkInteger } from '../../errors.js';
import { exactSum } from '../../numeric/sum.js';
import type { Ctmc } from './Ctmc.js';
import { INITIAL_SUM_TOLERANCE, markCtmcChecked } from './checkCtmc.js';

/** One transition i → j at a rate. */
export interface CtmcTransition {
  /** Source state index, 0-based. */
  readonly from: number;
  /** Target state index, 0-based. */
  readonly to: number;
  /** Rate per time unit, finite and > 0. */
  readonly rate: number;
}

/** The transitions as three parallel typed arrays (the fast path for generated chains). */
export interface CtmcTransitionArrays {
  /** Source state of each transition. */
  readonly from: Int32Array;
  /** Target state of each transition. */
  readonly to: Int32Array;
  /** Rate of each transition, finite and > 0. */
  readonly rate: Float64Array;
}

/** Options of {@link buildCtmc}. */
export interface BuildCtmcOptions {
  /** Names of the states, for messages and reports; length `stateCount`. */
  readonly stateNames?: readonly string[];
}

/**
 * Returns a validated, frozen continuous-time Markov chain in compressed sparse rows, built from a
 * list of transitions, the up/down flag and the initial distribution of every state.
 *
 * $$
 * q_{ij} = \sum_{\text{transitions } i \to j} r,\qquad q_{ii} = -\sum_{j \ne i} q_{ij}
 * $$
 *
 * - q_ij: generator entry, the summed `rate` of every transition from `from` = i to `to` = j
 * - q_ii: minus the exit rate of state i, so every row of the generator sums to 0
 *
 * @param stateCount - number of states n, integer ≥ 1
 * @param transitions - the transitions, as objects or as parallel typed arrays; rates per time unit
 * @param up - 1 (or true) where the system is up, 0 where it is down; length n
 * @param initial - the initial distribution (length n, entries in [0, 1], summing to 1 within
 *   1e-12), or the index of the one initial state
 * @param options - state names
 * @returns the chain; its rows are sorted by target, duplicate pairs merged, self-loops dropped
 *
 * @throws {@link ParameterError} when stateCount is not an integer ≥ 1; a from or to index is not
 * an integer in [0, n − 1]; a rate is not a finite number > 0; up or initial does not have n
 * entries; an up flag is not 0/1; an initial probability is not in [0, 1]; the initial
 * probabilities do not sum to 1 within 1e-12; stateNames does not have n entries.
 *
 * @remarks
 * Duplicate i → j transitions (say two failure modes leading to the same state) are merged by
 * adding their rates. A self-loop i → i is dropped: it leaves the state unchanged, and the
 * generator's diagonal is defined as minus the sum of the other entries of its row, so it has
 * no effect on the process. The exit rate of each row is the sum of its merged rates in target
 * order, so rows sum to 0 within a few ulps. The typed arrays of the result are neither copied
 * nor checked again by the solvers (the chain is registered with checkCtmc): do not modify
 * them. Cost O(n + m log d) for m transitions, at most d per row; memory 16 bytes per merged
 * transition plus 13 per state.
 *
 * @see W. J. Stewart, Introduction to the Numerical Solution of Markov Chains, Princeton
 * University Press, 1994, Ch. 1 (the infinitesimal generator) and §2.7 (sparse storage;
 * paywalled).
 *
 * @example
 * ```ts
 * const unit = buildCtmc(2, [{ from: 0, to: 1, rate: 0.001 }, { from: 1, to: 0, rate: 0.1 }], [1, 0], 0);
 * unit.exitRate; // → [0.001, 0.1]
 * buildCtmc(2, [{ from: 0, to: 1, rate: 1 }, { from: 0, to: 1, rate: 2 }], [1, 0], [1, 0]).rate; // → [3]
 * ```
 */
export function buildCtmc(
  stateCount: number,
  transitions: readonly CtmcTransition[] | CtmcTransitionArrays,
  up: ArrayLike<number | boolean>,
  initial: ArrayLike<number> | number,
  options: BuildCtmcOptions = {},
): Ctmc {
  const where = 'buildCtmc';
  const n = checkInteger(where, 'stateCount', stateCount, 1, 2 ** 31 - 2);
  const { from, to, rate } = toArrays(transitions);
  const m = from.length;
  if (to.length !== m || rate.length !== m) {
    throw new ParameterError(where, 'transitions', `have equal from, to and rate lengths`, {
      from: m,
      to: to.length,
      rate: rate.length,
    });
  }

  // Count entries per row, checking every index and rate once here so the solvers can trust them.
  // The three lists have m entries (checked above), so e indexes each; a hole in an array
  // (undefined) fails the checks below.
  const rowStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const i = from[e]!;
    const j = to[e]!;
    const r = rate[e]!;
    if (!(Number.isInteger(i) && i >= 0 && i < n)) {
      throw new ParameterError(
        where,
        `transitions[${e}].from`,
        `be an integer in [0, ${n - 1}]`,
        i,
      );
    }
    if (!(Number.isInteger(j) && j >= 0 && j < n)) {
      throw new ParameterError(where, `transitions[${e}].to`, `be an integer in [0, ${n - 1}]`, j);
    }
    if (!(Number.isFinite(r) && r > 0)) {
      throw new ParameterError(where, `transitions[${e}].rate`, 'be a finite number > 0', r);
    }
    if (i !== j) rowStart[i + 1]!++;
  }
  for (let i = 0; i < n; i++) rowStart[i + 1]! += rowStart[i]!;

  // Scatter into rows, then sort each row by target and merge duplicates in place.
  const total = rowStart[n]!;
  const fill = rowStart.slice(0, n);
  const rawTarget = new Int32Array(total);
  const rawRate = new Float64Array(total);
  for (let e = 0; e < m; e++) {
    const i = from[e]!;
    const j = to[e]!;
    if (i === j) continue;
    const p = fill[i]!++;
    rawTarget[p] = j;
    rawRate[p] = rate[e]!;
  }
  const merged = new Int32Array(n + 1);
  let out = 0;
  for (let i = 0; i < n; i++) {
    const begin = rowStart[i]!;
    const end = rowStart[i + 1]!;
    sortRow(rawTarget, rawRate, begin, end);
    const rowOut = out;
    merged[i] = rowOut;
    for (let p = begin; p < end; p++) {
      const t = rawTarget[p]!;
      if (out > rowOut && rawTarget[out - 1] === t) rawRate[out - 1]! += rawRate[p]!;
      else {
        rawTarget[out] = t;
        rawRate[out] = rawRate[p]!;
        out++;
      }
    }
  }
  merged[n] = out;
  const target = out === rawTarget.length ? rawTarget : rawTarget.slice(0, out);
  const rates = out === rawRate.length ? rawRate : rawRate.slice(0, out);
  const exitRate = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = merged[i]!; p < merged[i + 1]!; p++) s += rates[p]!;
    exitRate[i] = s;
  }

  const chain: Ctmc = {
    stateCount: n,
    rowStart: merged,
    target,
    rate: rates,
    exitRate,
    up: checkUp(where, up, n),
    initial: checkInitial(where, initial, n),
    ...(options.stateNames === undefined
      ? {}
      : { stateNames: Object.freeze(checkNames(where, options.stateNames, n)) }),
  };
  // Every rule of checkCtmc holds by construction (indices and rates checked above, exit rates
  // the row sums), so the solvers do not scan the chain again.
  return markCtmcChecked(chain);
}

function toArrays(
  transitions: readonly CtmcTransition[] | CtmcTransitionArrays,
): CtmcTransitionArrays | { from: number[]; to: number[]; rate: number[] } {
  if (!Array.isArray(transitions)) return transitions as CtmcTransitionArrays;
  const list = transitions as readonly CtmcTransition[];
  return {
    from: list.map((t) => t.from),
    to: list.map((t) => t.to),
    rate: list.map((t) => t.rate),
  };
}

/** Insertion sort of one row by target (rows hold a handful of entries). */
function sortRow(target: Int32Array, rate: Float64Array, begin: number, end: number): void {
  for (let p = begin + 1; p < end; p++) {
    const t = target[p]!;
    const r = rate[p]!;
    let q = p - 1;
    while (q >= begin && target[q]! > t) {
      target[q + 1] = target[q]!;
      rate[q + 1] = rate[q]!;
      q--;
    }
    target[q + 1] = t;
    rate[q + 1] = r;
  }
}

function checkUp(where: string, up: ArrayLike<number | boolean>, n: number): Uint8Array {
  if (up.length !== n) throw new ParameterError(where, 'up', `have ${n} entries`, up.length);
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = up[i];
    if (v === 1 || v === true) flags[i] = 1;
    else if (!(v === 0 || v === false)) {
      throw new ParameterError(where, `up[${i}]`, 'be 0, 1, true or false', v);
    }
  }
  return flags;
}

function checkInitial(where: string, initial: ArrayLike<number> | number, n: number): Float64Array {
  const vector = new Float64Array(n);
  if (typeof initial === 'number') {
    vector[checkInteger(where, 'initial', initial, 0, n - 1)] = 1;
    return vector;
  }
  if (initial.length !== n) {
    throw new ParameterError(where, 'initial', `have ${n} entries`, initial.length);
  }
  for (let i = 0; i < n; i++) {
    const p = initial[i];
    if (p === undefined || !(p >= 0 && p <= 1)) {
      throw new ParameterError(where, `initial[${i}]`, 'be a probability in [0, 1]', p);
    }
    vector[i] = p;
  }
  const total = exactSum(vector);
  if (!(Math.abs(total - 1) <= INITIAL_SUM_TOLERANCE)) {
    throw new ParameterError(where, 'initial', `sum to 1 within ${INITIAL_SUM_TOLERANCE}`, total);
  }
  return vector;
}

function checkNames(where: string, names: readonly string[], n: number): string[] {
  if (names.length !== n) {
    throw new ParameterError(where, 'stateNames', `have ${n} entries`, names.length);
  }
  return [...names];
}
