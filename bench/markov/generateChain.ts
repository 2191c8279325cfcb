/**
 * The benchmark's reliability model, built directly as a CTMC (mirrored line for line by
 * generate_chain() in bench/markov/reference.py; the run checks both give the same checksum).
 *
 * Several classes of identical repairable units; class c has `count` units, needs `needed` of
 * them, fails at `rate` per unit and is repaired at `repairRate` per crew. `crews` shared crews
 * serve the classes in priority order (class 0 first), one crew per class with failed units
 * (a crew repairs one unit at a time). The
 * state is the vector of failed counts (f_0, …, f_{C−1}), numbered in mixed radix with f_0 most
 * significant, so a repair always leads to a lower index. The system is up when every class has
 * at least `needed` working units (a series of k-out-of-n classes). Starts with all units up.
 */

import { checkedAt } from '../../src/markov/linalg/checked.js';

/** One class of identical units. */
export interface UnitClass {
  readonly count: number;
  readonly needed: number;
  readonly rate: number;
  readonly repairRate: number;
}

/** The model: classes and shared crews. */
export interface BenchModel {
  readonly classes: readonly UnitClass[];
  readonly crews: number;
}

/** The generated chain as typed arrays (rows in state order, targets ascending within a row). */
export interface GeneratedChain {
  readonly stateCount: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly rate: Float64Array;
  readonly up: Uint8Array;
  readonly initial: Float64Array;
}

// Rates per hour: failures 5e-4..2e-3 (MTTF 500–2000 h), repairs 4–20 h, typical of IT hardware.
const RATES = [
  { rate: 1e-3, repairRate: 0.1 },
  { rate: 2e-3, repairRate: 0.05 },
  { rate: 5e-4, repairRate: 0.2 },
  { rate: 1.5e-3, repairRate: 0.125 },
  { rate: 1e-3, repairRate: 0.25 },
];

/** The three benchmark sizes: about 10^4, 10^5 and 10^6 states, 3 crews, each class 2-tolerant. */
export function benchModel(size: 'small' | 'medium' | 'large'): BenchModel {
  const counts = { small: [6, 6, 5, 5, 5], medium: [9, 9, 9, 9, 9], large: [15, 15, 15, 15, 14] }[
    size
  ];
  return {
    classes: counts.map((count, c) => ({
      count,
      needed: count - 2,
      ...checkedAt('benchModel', RATES, c),
    })),
    crews: 3,
  };
}

/** Generates the chain of `model`: failures of each class, then priority repairs. */
export function generateChain(model: BenchModel): GeneratedChain {
  const { classes, crews } = model;
  const k = classes.length;
  // `!` below: every class index c is in [0, k), the length of classes, stride, failed and
  // repairs.
  const stride = new Array<number>(k);
  let n = 1;
  for (let c = k - 1; c >= 0; c--) {
    stride[c] = n;
    n *= classes[c]!.count + 1;
  }
  const capacity = n * 2 * k;
  const from = new Int32Array(capacity);
  const to = new Int32Array(capacity);
  const rate = new Float64Array(capacity);
  const up = new Uint8Array(n);
  const failed = new Array<number>(k).fill(0);
  let m = 0;
  for (let s = 0; s < n; s++) {
    let rest = s;
    let isUp = 1;
    for (let c = 0; c < k; c++) {
      const unit = classes[c]!;
      const f = Math.floor(rest / stride[c]!);
      failed[c] = f;
      rest -= f * stride[c]!;
      if (unit.count - f < unit.needed) isUp = 0;
    }
    up[s] = isUp;
    // Repairs first (they go to lower indices) so each row is sorted by target.
    const repairs: number[] = [];
    let free = crews;
    for (let c = 0; c < k; c++) {
      const busy = failed[c]! > 0 && free > 0 ? 1 : 0;
      free -= busy;
      repairs.push(busy);
    }
    for (let c = k - 1; c >= 0; c--) {
      const busy = repairs[c]!;
      if (busy === 0) continue;
      from[m] = s;
      to[m] = s - stride[c]!;
      rate[m] = busy * classes[c]!.repairRate;
      m++;
    }
    for (let c = k - 1; c >= 0; c--) {
      const unit = classes[c]!;
      const working = unit.count - failed[c]!;
      if (working === 0) continue;
      from[m] = s;
      to[m] = s + stride[c]!;
      rate[m] = working * unit.rate;
      m++;
    }
  }
  const initial = new Float64Array(n);
  initial[0] = 1;
  return {
    stateCount: n,
    from: from.slice(0, m),
    to: to.slice(0, m),
    rate: rate.slice(0, m),
    up,
    initial,
  };
}

/** Order-independent checksum: counts, Σfrom, Σto, Σ rate·(from+1) and the number of up states. */
export function chainChecksum(chain: GeneratedChain): Record<string, number> {
  let sumFrom = 0;
  let sumTo = 0;
  let weighted = 0;
  // `!`: from, to and rate have one entry per transition.
  for (let e = 0; e < chain.from.length; e++) {
    const from = chain.from[e]!;
    sumFrom += from;
    sumTo += chain.to[e]!;
    weighted += chain.rate[e]! * (from + 1);
  }
  let upStates = 0;
  for (const up of chain.up) upStates += up;
  return {
    states: chain.stateCount,
    transitions: chain.from.length,
    sumFrom,
    sumTo,
    weightedRate: weighted,
    upStates,
  };
}
