import { ParameterError } from '../errors.js';
import { exactSum } from './sum.js';

/**
 * Most partials an exact sum of doubles can need: each non-overlapping partial holds at least one
 * bit of the 2098 from 2^1023 down to 2^−1074, and a canonical list (see {@link canonicalExact})
 * drops at least 53 bits a term, so 40 terms reach 0; 64 leaves room and bounds every loop.
 */
export const MAX_EXACT_PARTIALS = 64;

/**
 * An exact running sum as plain JSON data: the sum of `partials` is exactly the sum of every
 * value added, so accumulators built from any split of the values merge to the same number.
 */
export interface ExactAccumulator {
  /** Non-overlapping doubles whose exact sum is the accumulated total. */
  readonly partials: number[];
}

/**
 * Returns an empty exact accumulator, whose value is 0.
 *
 * @returns a fresh accumulator with no partials
 *
 * @example
 * ```ts
 * exactValue(createExactAccumulator()); // → 0
 * ```
 */
export function createExactAccumulator(): ExactAccumulator {
  return { partials: [] };
}

/**
 * Adds `value` to `accumulator` exactly (Shewchuk's grow-expansion), in place.
 *
 * $$
 * \sum \text{partials}' = \sum \text{partials} + x \quad\text{exactly}
 * $$
 *
 * @param accumulator - the running sum, changed in place
 * @param value - a finite number x (JSON cannot carry others)
 * @throws {@link ParameterError} when x is not a finite number, or when the sum overflows (its
 * magnitude reaches 2^1024); the accumulator then holds no meaningful sum and must be dropped
 *
 * @remarks
 * Cost O(m) with m partials (m is 1 to 3 for sums of like-signed values of similar size). The
 * checks cost one comparison each: a NaN or an infinity would otherwise spread into the partials
 * and make {@link canonicalExact} loop without end (issue #14).
 *
 * @see J. R. Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric
 * Predicates", Discrete & Computational Geometry 18 (1997) 305–363,
 * https://doi.org/10.1007/PL00009321; CPython `math.fsum`.
 *
 * @example
 * ```ts
 * const a = createExactAccumulator();
 * addExact(a, 1e100); addExact(a, 1); addExact(a, -1e100);
 * exactValue(a); // → 1
 * ```
 */
export function addExact(accumulator: ExactAccumulator, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ParameterError('addExact', 'value', 'be a finite number', value);
  }
  const partials = accumulator.partials;
  let x = value;
  let used = 0;
  // Writes go to index used ≤ the one being read, so the iteration sees every old partial.
  for (const partial of partials) {
    let y = partial;
    if (Math.abs(x) < Math.abs(y)) {
      const swap = x;
      x = y;
      y = swap;
    }
    const high = x + y;
    const low = y - (high - x);
    if (low !== 0) partials[used++] = low;
    x = high;
  }
  partials.length = used;
  // Every partial was finite, so only an overflow of some x + y makes x infinite (or NaN).
  if (!Number.isFinite(x)) {
    throw new ParameterError(
      'addExact',
      'the sum',
      'stay below 1.8e308 in magnitude (the largest double)',
      x,
    );
  }
  if (x !== 0) partials.push(x);
}

/**
 * Returns a new accumulator holding the exact sum of all `parts`, in canonical form (see
 * {@link canonicalExact}), so the result does not depend on the order of the parts.
 *
 * @param parts - accumulators to add; none is changed
 * @returns the merged accumulator
 * @throws {@link ParameterError} when a partial is not a finite number or the sum overflows
 *
 * @example
 * ```ts
 * const a = createExactAccumulator(); addExact(a, 0.1);
 * const b = createExactAccumulator(); addExact(b, 0.2);
 * exactValue(mergeExact([a, b])); // → 0.30000000000000004
 * ```
 */
export function mergeExact(parts: readonly ExactAccumulator[]): ExactAccumulator {
  const merged = createExactAccumulator();
  for (const part of parts) for (const partial of part.partials) addExact(merged, partial);
  return canonicalExact(merged);
}

/**
 * Returns the canonical form of an exact sum S: r₀ = round(S), r₁ = round(S − r₀), … until the
 * remainder is 0. Equal sums give equal lists whatever the order of the additions.
 *
 * @param accumulator - the sum to normalise; not changed
 * @returns a new accumulator whose partials are r₀, r₁, … (largest first), or [] for 0
 * @throws {@link ParameterError} when a partial is not a finite number, or when the sum or its
 * rounding overflows (|S| at or above the largest double plus half an ulp)
 *
 * @remarks
 * Each rᵢ is the correctly rounded value of an exact remainder, so the list is a function of
 * the exact sum alone. Total: every remainder is finite and at most half an ulp of the term
 * before it, so the loop ends after at most {@link MAX_EXACT_PARTIALS} terms (about 40). Cost
 * O(m·k) for m partials and k terms, both small.
 *
 * @example
 * ```ts
 * canonicalExact({ partials: [1, 1e-20] }).partials.length; // → 2
 * ```
 */
export function canonicalExact(accumulator: ExactAccumulator): ExactAccumulator {
  const rest = createExactAccumulator();
  for (const partial of accumulator.partials) addExact(rest, partial);
  const terms: number[] = [];
  for (;;) {
    const rounded = exactSum(rest.partials);
    if (rounded === 0) break;
    if (!Number.isFinite(rounded)) {
      throw new ParameterError(
        'canonicalExact',
        'the sum',
        'round to a finite number (below 1.8e308 in magnitude)',
        rounded,
      );
    }
    // Unreachable for finite sums (see @remarks); a bound, so no input can loop forever.
    if (terms.length === MAX_EXACT_PARTIALS) {
      throw new Error(`canonicalExact: more than ${MAX_EXACT_PARTIALS} terms; this is a defect`);
    }
    terms.push(rounded);
    addExact(rest, -rounded);
  }
  return { partials: terms };
}

/**
 * Returns the accumulated sum, correctly rounded to the nearest double.
 *
 * @param accumulator - the running sum
 * @returns the correctly rounded total
 *
 * @example
 * ```ts
 * const a = createExactAccumulator(); addExact(a, 0.1); addExact(a, 0.2); addExact(a, 0.3);
 * exactValue(a); // → 0.6
 * ```
 */
export function exactValue(accumulator: ExactAccumulator): number {
  return exactSum(accumulator.partials);
}
