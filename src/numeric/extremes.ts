/**
 * The largest and smallest of many numbers. `Math.max(...values)` passes every value as an
 * argument and overflows the call stack beyond about 10^5 of them (a large data file); these
 * loop instead.
 */

/** The largest value; -Infinity for none, NaN when any is NaN (as `Math.max`). */
export function largest(values: Iterable<number>): number {
  let top = -Infinity;
  for (const value of values) {
    if (Number.isNaN(value)) return NaN;
    if (value > top) top = value;
  }
  return top;
}

/** The smallest value; Infinity for none, NaN when any is NaN (as `Math.min`). */
export function smallest(values: Iterable<number>): number {
  let bottom = Infinity;
  for (const value of values) {
    if (Number.isNaN(value)) return NaN;
    if (value < bottom) bottom = value;
  }
  return bottom;
}
