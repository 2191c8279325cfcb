/**
 * The time axis of the curve plot when the current scenario is shorter than its pins: the axis
 * ends at the current mission time, so its curves (exact or simulated) are not squeezed against
 * t = 0 beside pins that run 100 times longer; a note says how far the pins go. Pure, unit-tested.
 */
import { formatNumber } from '../views/format.js';

/** The time axis to draw, and the note that goes with it. */
export interface TimeAxis {
  readonly range: readonly [number, number];
  readonly note: string;
}

// A pin up to this much longer than the current scenario leaves its curves readable.
const SQUEEZE = 1.5;

/**
 * Returns the axis fitted to the current scenario's horizon `current` when a pin's horizon is more
 * than 1.5 times longer, else undefined (the plot fits every curve).
 */
export function fittedTimeAxis(
  current: number | undefined,
  pins: readonly number[],
  timeUnit: string,
): TimeAxis | undefined {
  if (current === undefined || !(current > 0)) return undefined;
  const longest = Math.max(...pins.filter(Number.isFinite));
  if (!(longest > current * SQUEEZE)) return undefined;
  return {
    range: [0, current],
    note: `The time axis ends at the current scenario's mission time, ${formatNumber(current)} ${timeUnit}; pinned scenarios run on to ${formatNumber(longest)} ${timeUnit}, past its right edge.`,
  };
}
