/**
 * The sub-intervals of a range where a slack function is ≥ 0, from its values on a grid: each
 * run of feasible grid points, widened to the boundary on either side located by bisection.
 *
 * $$
 * \{x \in [x_1, x_n] : g(x) \ge 0\} \approx \bigcup_k [a_k, b_k],\qquad
 * g(a_k) \ge 0,\ g(a_k - \delta) < 0 \text{ within } \delta \le \mathrm{tol}(a_k)
 * $$
 *
 * @param points - the grid, sorted by x, with the slack g at each point
 * @param slack - g, evaluated at the bisection points
 * @param width - the bracket width at which a bisection stops, as a function of the point
 * @returns the intervals in order; an interval may be one point
 *
 * @remarks Assumes one sign change between neighbouring grid points: a feasible or infeasible
 * stretch narrower than the grid step may be missed. Each boundary costs about
 * log₂(step / width) evaluations of g; the ends returned are feasible points.
 */
export function feasibleIntervals(
  points: readonly { readonly x: number; readonly slack: number }[],
  slack: (x: number) => number,
  width: (x: number) => number,
): [number, number][] {
  const intervals: [number, number][] = [];
  let start: number | undefined;
  let previous: { readonly x: number; readonly slack: number } | undefined;
  for (const point of points) {
    const feasible = point.slack >= 0;
    if (feasible && start === undefined) {
      start = previous === undefined ? point.x : boundary(point.x, previous.x, slack, width);
    } else if (!feasible && start !== undefined && previous !== undefined) {
      intervals.push([start, boundary(previous.x, point.x, slack, width)]);
      start = undefined;
    }
    previous = point;
  }
  if (start !== undefined && previous !== undefined) intervals.push([start, previous.x]);
  return intervals;
}

/** Bisection between a feasible and an infeasible point: the last feasible point found. */
function boundary(
  feasible: number,
  infeasible: number,
  slack: (x: number) => number,
  width: (x: number) => number,
): number {
  let inside = feasible;
  let outside = infeasible;
  while (Math.abs(outside - inside) > width(inside)) {
    const middle = (inside + outside) / 2;
    if (middle === inside || middle === outside) break;
    if (slack(middle) >= 0) inside = middle;
    else outside = middle;
  }
  return inside;
}
