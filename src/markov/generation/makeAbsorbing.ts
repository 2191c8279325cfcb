import { ParameterError } from '../../errors.js';
import type { Ctmc } from './Ctmc.js';
import { checkCtmc, markCtmcChecked } from './checkCtmc.js';

/**
 * Returns a copy of a chain in which the marked states are absorbing: every transition out of
 * them is removed, everything else is kept.
 *
 * $$
 * \tilde q_{ij} = \begin{cases} 0 & i \in D \\ q_{ij} & i \notin D \end{cases}
 * $$
 *
 * - D: the states with `absorbing[i]` = 1; q_ij: the rates of `ctmc`
 *
 * @param ctmc - the chain
 * @param absorbing - 1 for each state to make absorbing, length n, or `'down'` for the down states
 * @returns a frozen chain with the same states, up flags, initial vector and names
 *
 * @throws {@link ParameterError} when `ctmc` is not a well-formed chain ({@link checkCtmc}), or
 * absorbing does not have n entries.
 *
 * @remarks
 * The first-passage construction: P(no visit to D by t) of the original chain equals
 * P(X̃(t) ∉ D) of the new one. Cost O(n + m), a new CSR of the kept transitions.
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, §8.5 (absorbing states and reliability;
 * paywalled).
 *
 * @example
 * ```ts
 * const chain = { stateCount: 2, rowStart: Int32Array.of(0, 1, 2), target: Int32Array.of(1, 0), rate: Float64Array.of(1, 3), exitRate: Float64Array.of(1, 3), up: Uint8Array.of(1, 0), initial: Float64Array.of(1, 0) };
 * makeAbsorbing(chain, 'down').exitRate; // → [1, 0]
 * ```
 */
export function makeAbsorbing(ctmc: Ctmc, absorbing: Uint8Array | 'down'): Ctmc {
  const where = 'makeAbsorbing';
  checkCtmc(ctmc, where);
  const n = ctmc.stateCount;
  const marked = absorbingMask(where, ctmc, absorbing);
  const { rowStart, target, rate, exitRate } = ctmc;
  // `!`: i < n, and rowStart (n + 1 entries), exitRate (n) and marked (n, absorbingMask) are the
  // vectors of a chain checked by checkCtmc; newStart has n + 1 entries.
  const newStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    newStart[i + 1] = newStart[i]! + (marked[i] === 1 ? 0 : rowStart[i + 1]! - rowStart[i]!);
  }
  const total = newStart[n]!;
  const newTarget = new Int32Array(total);
  const newRate = new Float64Array(total);
  const newExit = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (marked[i] === 1) continue;
    const begin = rowStart[i]!;
    const end = rowStart[i + 1]!;
    newTarget.set(target.subarray(begin, end), newStart[i]!);
    newRate.set(rate.subarray(begin, end), newStart[i]!);
    newExit[i] = exitRate[i]!;
  }
  const chain: Ctmc = {
    stateCount: n,
    rowStart: newStart,
    target: newTarget,
    rate: newRate,
    exitRate: newExit,
    up: ctmc.up,
    initial: ctmc.initial,
    ...(ctmc.stateNames === undefined ? {} : { stateNames: ctmc.stateNames }),
  };
  // Whole rows of a checked chain, with their exit rates, or empty rows with exit rate 0.
  return markCtmcChecked(chain);
}

/**
 * Returns the 0/1 mask of absorbing states: `'down'` means every down state.
 *
 * @param where - the calling function, for messages
 * @param ctmc - the chain
 * @param absorbing - a mask of length n, or `'down'`
 * @returns a mask of length n (the given one, or a new one for `'down'`)
 *
 * @throws {@link ParameterError} when the mask does not have n entries or holds values other
 * than 0 and 1.
 *
 * @example
 * ```ts
 * const chain = { stateCount: 2, rowStart: Int32Array.of(0, 1, 2), target: Int32Array.of(1, 0), rate: Float64Array.of(1, 3), exitRate: Float64Array.of(1, 3), up: Uint8Array.of(1, 0), initial: Float64Array.of(1, 0) };
 * absorbingMask('example', chain, 'down'); // → [0, 1]
 * ```
 */
export function absorbingMask(
  where: string,
  ctmc: Ctmc,
  absorbing: Uint8Array | 'down',
): Uint8Array {
  const n = ctmc.stateCount;
  if (absorbing === 'down') return ctmc.up.map((u) => 1 - u);
  if (!(absorbing instanceof Uint8Array) || absorbing.length !== n) {
    throw new ParameterError(
      where,
      'absorbing',
      `be 'down' or a Uint8Array of ${n} entries`,
      absorbing instanceof Uint8Array ? `${absorbing.length} entries` : absorbing,
    );
  }
  // `!`: i < n, the mask's length (checked above).
  for (let i = 0; i < n; i++) {
    const flag = absorbing[i]!;
    if (flag > 1) throw new ParameterError(where, `absorbing[${i}]`, 'be 0 or 1', flag);
  }
  return absorbing;
}
