/**
 * Returns the sum of `values` rounded once: exact partial sums (Shewchuk's algorithm), so that
 * long sums of probabilities and simulated totals lose no digits to cancellation.
 *
 * $$
 * S = \operatorname{round}\Big(\sum_i x_i\Big)
 * $$
 *
 * @param values - the terms, any finite numbers
 * @returns the correctly rounded sum; NaN if any term is NaN
 *
 * @remarks
 * Keeps a list of non-overlapping partials (each a double), so the result equals the exact sum
 * rounded to the nearest double. Cost O(n) for well-conditioned input, O(n·m) with m partials
 * in the worst case. Infinite terms give an infinite or NaN result as IEEE 754 arithmetic does.
 *
 * @see J. R. Shewchuk, "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric
 * Predicates", Discrete & Computational Geometry 18 (1997) 305–363,
 * https://doi.org/10.1007/PL00009321 (open preprint at
 * https://people.eecs.berkeley.edu/~jrs/papers/robustr.pdf); CPython `math.fsum`.
 *
 * @example
 * ```ts
 * exactSum([1e100, 1, -1e100]); // → 1
 * exactSum([0.1, 0.2, 0.3]); // → 0.6
 * ```
 */
export function exactSum(values: Iterable<number>): number {
  const partials: number[] = [];
  let special = 0;
  for (const value of values) {
    if (!Number.isFinite(value)) {
      special += value;
      continue;
    }
    let x = value;
    let used = 0;
    for (const partial of partials) {
      let y = partial;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const high = x + y;
      const low = y - (high - x);
      if (low !== 0) partials[used++] = low;
      x = high;
    }
    partials.length = used;
    partials.push(x);
  }
  if (special !== 0 || Number.isNaN(special)) return special;
  return roundPartials(partials);
}

/** Adds the partials from the top, correcting the last rounding as CPython's fsum does. */
function roundPartials(partials: number[]): number {
  let n = partials.length;
  if (n === 0) return 0;
  let high = partials[--n];
  let low = 0;
  while (n > 0) {
    const x = high;
    const y = partials[--n];
    high = x + y;
    const yr = high - x;
    low = y - yr;
    if (low !== 0) break;
  }
  // Half-way case: round-half-even may have gone the wrong way for the remaining partials.
  if (n > 0 && ((low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0))) {
    const y = low * 2;
    const x = high + y;
    if (y === x - high) high = x;
  }
  return high;
}
