/**
 * Solves one scenario of a model exactly, the way the explorer shows it: the curves on a fine grid
 * ending at the mission time, and the headline numbers.
 */
import {
  downtimeHoursPerYear,
  solveExactly,
  UnsupportedModelError,
  type Model,
  type ProgressCallback,
  type Result,
} from '../../src/index.js';
import { measureValue, scalarValue } from './measures.js';
import {
  chainSizeOf,
  noExactMethodMessage,
  PAGE_STATE_LIMIT,
  plainLibraryNote,
} from './plainWords.js';

// 201 points draw smooth curves and cost about 1 ms more than the default 11 (measured on
// tmr-voter and bridge, see docs/explorer.md).
/** Number of points of the R(t) and A(t) curves. */
export const CURVE_POINTS = 201;

/** The headline numbers of a scenario; a number the solver cannot give is absent. */
export interface Numbers {
  readonly missionTime: number;
  /** A fault tree's P(top event) at the mission time (or at its events' fixed probabilities). */
  readonly topEventProbability?: number;
  readonly reliability?: number;
  readonly mttf?: number;
  readonly steadyAvailability?: number;
  readonly steadyUnavailability?: number;
  readonly nines?: number;
  /** Expected downtime per year from the steady unavailability, in hours. */
  readonly downtimeHoursPerYear?: number;
  readonly mtbf?: number;
  /** Models with proof tests: the average probability of failure on demand over the mission. */
  readonly pfdAvg?: number;
  /** Its safety integrity level band, 0–4. */
  readonly sil?: number;
  /** Models with costs: the long-run maintenance cost per time unit. */
  readonly costRate?: number;
  /** Models with costs: the expected maintenance cost over the mission. */
  readonly missionCost?: number;
}

/** A solved scenario, or why it could not be solved. */
export type Solution =
  | { readonly ok: true; readonly result: Result; readonly numbers: Numbers }
  | {
      readonly ok: false;
      readonly message: string;
      /** The chain size the Markov engine estimated, when it refused the chain as too large. */
      readonly chainStates?: number;
    };

/** One problem of a model text, located by line and column when known. */
export interface TextIssue {
  readonly line?: number;
  readonly column?: number;
  readonly path: string;
  readonly message: string;
}

/**
 * Returns the exact result (`solveExactly`: analyze, else the Markov engine) of a model at a
 * mission time (absent: the model's own, else analyze's default horizon), with `points` times on
 * [0, mission] so the last is the mission time, or why no exact solver applies, in plain words
 * (web/compute/plainWords.ts). A Markov chain is built only up to `maxStates` (the page's
 * limit); `onProgress` hears the Markov engine's progress.
 */
export function solveModel(
  model: Model,
  missionTime: number | undefined,
  points: number = CURVE_POINTS,
  options: { readonly onProgress?: ProgressCallback; readonly maxStates?: number } = {},
): Solution {
  const { onProgress, maxStates = PAGE_STATE_LIMIT } = options;
  let result: Result;
  try {
    // analyze where units are independent, else the Markov engine (exponential times).
    result = solveExactly(model, {
      points,
      maxStates,
      ...(missionTime !== undefined && { horizon: missionTime }),
      ...(onProgress !== undefined && { onProgress }),
    });
  } catch (error) {
    if (error instanceof UnsupportedModelError) {
      const chainStates = chainSizeOf(error.reason);
      return {
        ok: false,
        message: noExactMethodMessage(error.reason, maxStates),
        ...(chainStates !== undefined && { chainStates }),
      };
    }
    if (error instanceof RangeError) {
      return { ok: false, message: plainLibraryNote(error.message) };
    }
    throw error;
  }
  return { ok: true, result, numbers: numbersOf(result) };
}

/** Returns the headline numbers of a result. */
export function numbersOf(result: Result): Numbers {
  const m = result.measures;
  const unavailability = scalarValue(m.steadyUnavailability);
  const entries: [keyof Numbers, number | undefined][] = [
    ['topEventProbability', scalarValue(m.topEventProbability)],
    ['reliability', measureValue(result, 'reliability')],
    ['mttf', scalarValue(m.mttf)],
    ['steadyAvailability', scalarValue(m.steadyAvailability)],
    ['steadyUnavailability', unavailability],
    ['nines', scalarValue(m.nines)],
    [
      'downtimeHoursPerYear',
      unavailability === undefined ? undefined : downtimeHoursPerYear(unavailability),
    ],
    ['mtbf', scalarValue(m.mtbf)],
    ['pfdAvg', scalarValue(m.pfdAvg)],
    ['sil', m.sil],
    ['costRate', scalarValue(m.costRate)],
    ['missionCost', scalarValue(m.missionCost)],
  ];
  const numbers: Record<string, number> = { missionTime: result.horizon ?? NaN };
  for (const [key, value] of entries) if (value !== undefined) numbers[key] = value;
  return numbers as unknown as Numbers;
}
