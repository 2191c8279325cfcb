import { UnsupportedModelError, checkInteger, checkNonNegative, checkPositive } from '../errors.js';
import type { ComponentModel, InspectionModel } from './Model.js';

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

/**
 * Most epochs of one proof-test or block-replacement schedule in a mission or horizon: each is a
 * step of every solver, so more would run for minutes.
 */
export const MAX_SCHEDULED_EPOCHS = 1_000_000;

/**
 * Throws when a schedule (proof tests, or block replacement with `first` = its interval) has
 * more than {@link MAX_SCHEDULED_EPOCHS} epochs in [0, horizon]: each is a step of every solver.
 *
 * @throws {@link UnsupportedModelError} naming the count, the limit and what to change
 */
export function checkScheduledEpochs(
  schedules: readonly { readonly first: number; readonly interval: number }[],
  horizon: number,
): void {
  for (const { first, interval } of schedules) {
    const epochs = (horizon - first) / interval;
    if (!(epochs > MAX_SCHEDULED_EPOCHS)) continue;
    throw new UnsupportedModelError(
      'maintenance schedule',
      `[0, ${horizon}] holds ${epochs.toPrecision(2)} epochs of a schedule every ${interval}; at most 1e6 are solved`,
      'give a shorter horizon or a longer interval',
    );
  }
}

/** Most proof tests whose edges {@link withProofTestEdges} adds to a grid. */
export const MAX_TEST_EDGES = 2_000;

/** When a component's proof tests happen: `inspection` of a model's component. */
export type TestSchedule = Pick<InspectionModel, 'first' | 'interval' | 'duration'>;

/** The test schedules of a model's components, in file order. */
export function testSchedules(components: readonly ComponentModel[]): TestSchedule[] {
  return components.flatMap((component) => (component.inspection ? [component.inspection] : []));
}

/**
 * Returns the proof-test starts and ends of every schedule that fall in (0, horizon), sorted
 * and without repeats: the times where A(t) jumps and the pieces between which it is smooth.
 *
 * @param schedules - the test schedules ({@link testSchedules})
 * @param horizon - the end of the time range
 * @param limit - the most tests to list (per schedule); a plan with more lists the first ones
 */
export function proofTestEdges(
  schedules: readonly TestSchedule[],
  horizon: number,
  limit: number = Infinity,
): number[] {
  checkScheduledEpochs(schedules, horizon);
  const edges: number[] = [];
  for (const { first, interval, duration } of schedules) {
    for (
      let k = 0, start = first;
      start < horizon && k < limit;
      k++, start = first + k * interval
    ) {
      edges.push(start);
      if (duration > 0 && start + duration < horizon) edges.push(start + duration);
    }
  }
  return [...new Set(edges)].sort((a, b) => a - b);
}

/**
 * Returns an evenly spaced grid with the proof-test edges added so that a saw-tooth curve shows
 * its teeth: each test start, the instant just before it, and each test end (for at most
 * {@link MAX_TEST_EDGES} tests per schedule). An explicit `times` list is kept as given.
 */
export function withProofTestEdges(
  options: { readonly times?: readonly number[] },
  grid: readonly number[],
  schedules: readonly TestSchedule[],
  horizon: number,
): number[] {
  if (options.times !== undefined) return [...grid];
  const edges = proofTestEdges(schedules, horizon, MAX_TEST_EDGES);
  if (edges.length === 0) return [...grid];
  // An instant before each edge (about one ulp): the top of a tooth.
  const before = edges.map((t) => t - Math.max(Number.MIN_VALUE, t * Number.EPSILON));
  return [...new Set([...grid, ...edges, ...before])].sort((a, b) => a - b);
}
