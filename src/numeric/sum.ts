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
  // Every index below is in [0, partials.length): n only counts down while positive.
  let high = partials[--n]!;
  let low = 0;
  while (n > 0) {
    const x = high;
    const y = partials[--n]!;
    high = x + y;
    const yr = high - x;
    low = y - yr;
    if (low !== 0) break;
  }
  // Half-way case: round-half-even may have gone the wrong way for the remaining partials.
  if (n > 0 && ((low < 0 && partials[n - 1]! < 0) || (low > 0 && partials[n - 1]! > 0))) {
    const y = low * 2;
    const x = high + y;
    if (y === x - high) high = x;
  }
  return high;
}

/**
 * Returns the Neumaier-compensated sum of `values`, or of the entries whose flag in `flags`
 * equals `which` when flags are given.
 *
 * $$
 * S = \sum_{i:\ \text{flags}_i = \text{which}} x_i
 * $$
 *
 * @param values - the terms, finite
 * @param flags - optional selector, same length as values
 * @param which - the flag value to include (default 1)
 * @returns the sum, with error at most about 2ε·Σ|x_i| (ε the unit roundoff)
 *
 * @remarks
 * Kahan–Babuška summation as improved by Neumaier: one running correction, so it also holds
 * when a term is larger than the running sum. One pass, no allocation: for long vectors
 * (probabilities of 10^6 states) where {@link exactSum}'s exactness is not needed.
 *
 * @see A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
 * ZAMM 54(1), 1974, 39–51, https://doi.org/10.1002/zamm.19740540106 (paywalled); N. J. Higham,
 * Accuracy and Stability of Numerical Algorithms, 2nd ed., SIAM, 2002, §4.3.
 *
 * @example
 * ```ts
 * compensatedSum(Float64Array.of(1, 1e100, 1, -1e100)); // → 2
 * compensatedSum(Float64Array.of(0.5, 0.25, 0.125), Uint8Array.of(1, 0, 1)); // → 0.625
 * ```
 */
export function compensatedSum(values: Float64Array, flags?: Uint8Array, which = 1): number {
  let sum = 0;
  let correction = 0;
  for (let i = 0; i < values.length; i++) {
    if (flags !== undefined && flags[i] !== which) continue;
    const x = values[i]!;
    const t = sum + x;
    correction += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + correction;
}
