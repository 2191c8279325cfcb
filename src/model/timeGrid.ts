import { checkInteger, checkNonNegative, checkPositive } from '../errors.js';

/** Most points in one time grid: bounds memory and solver time for a mistyped count. */
export const MAX_GRID_POINTS = 100_000;

/**
 * Returns the times at which curves are given: the explicit `times` (sorted as given), or
 * `points` evenly spaced times from 0 to `horizon` inclusive.
 *
 * @throws {@link ParameterError} for a negative or non-finite time, a non-positive horizon or a
 * point count outside [2, 100000]
 */
export function timeGrid(
  options: { readonly times?: readonly number[]; readonly points?: number },
  horizon: number,
): number[] {
  if (options.times !== undefined) {
    return options.times.map((t) => checkNonNegative('times', 'each time', t));
  }
  const points = checkInteger('grid', 'points', options.points ?? 11, 2, MAX_GRID_POINTS);
  checkPositive('grid', 'horizon', horizon);
  return Array.from({ length: points }, (_, i) => (horizon * i) / (points - 1));
}
