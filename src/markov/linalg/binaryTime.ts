/** A time split into whole steps h = 2^e, by binary digit, and a remainder shorter than h. */
export interface BinaryTime {
  /** The levels s ≥ 0 whose step 2^s·h is part of t, ascending. */
  readonly levels: number[];
  /** r = t − Σ_s 2^s·h, in [0, h). */
  readonly remainder: number;
}

/**
 * Returns the binary digits of a time above a power-of-two step, and what is left below it, with
 * no rounding at all.
 *
 * $$
 * t = r + \sum_{s \in S} 2^{s}\,h,\qquad h = 2^{e},\qquad 0 \le r < h
 * $$
 *
 * - t: `time`, h: the step 2^`exponent`, S: `levels`, r: `remainder`
 *
 * @param time - t, a finite number ≥ 0
 * @param exponent - e, an integer in [−1074, 1023]
 * @returns the levels S (ascending) and r
 *
 * @remarks
 * Peels the leading bit off t from 2^⌊log₂ t⌋ down to 2^e: subtracting the leading power of two
 * of a double is exact, so the levels and r are the exact binary expansion of the double t. The
 * levels are not bounded by 2^53 (t = 1e15 over h = 2^−20 has levels up to 69). Cost: one step
 * per binary digit between 2^e and t, at most about 2100.
 *
 * @see IEEE 754-2019, §3.4 (binary interchange format: a finite double is an integer times a
 * power of two), https://doi.org/10.1109/IEEESTD.2019.8766229 (paywalled).
 *
 * @example
 * ```ts
 * splitTime(11.25, 1).levels; // → [0, 2]
 * splitTime(11.25, 1).remainder; // → 1.25
 * splitTime(1e15, -20).levels.length; // → 20
 * ```
 */
export function splitTime(time: number, exponent: number): BinaryTime {
  const levels: number[] = [];
  let rest = time;
  if (!(rest >= 2 ** exponent)) return { levels, remainder: rest };
  let power = Math.floor(Math.log2(rest));
  // log2 may round across an integer near a power of two: settle the leading exponent exactly.
  while (2 ** power > rest) power--;
  while (power < 1023 && 2 ** (power + 1) <= rest) power++;
  for (let k = power; k >= exponent; k--) {
    const step = 2 ** k;
    if (rest >= step) {
      rest -= step;
      levels.push(k - exponent);
    }
  }
  levels.reverse();
  return { levels, remainder: rest };
}
