/**
 * The scalar measures the explorer charts (tornado, sweep, numbers), read from a Result by the
 * measure names of DESIGN.md. `reliability` here means R at the mission time, and
 * `topEventProbability` a fault tree's P(top event) at the mission time.
 */
import type { Result, Scalar } from '../../src/index.js';

/** Scalar measures the tornado and sweep charts can show. */
export type MeasureKey =
  | 'topEventProbability'
  | 'reliability'
  | 'mttf'
  | 'steadyAvailability'
  | 'steadyUnavailability'
  | 'nines'
  | 'mtbf'
  | 'pfdAvg'
  | 'costRate';

/**
 * Every measure key, in the order of the measure menu: a fault tree's P(top) first, then the
 * measures a model asks for by its proof tests or costs.
 */
export const MEASURE_KEYS: readonly MeasureKey[] = [
  'topEventProbability',
  'pfdAvg',
  'costRate',
  'reliability',
  'mttf',
  'steadyUnavailability',
  'steadyAvailability',
  'nines',
  'mtbf',
];

/** Labels of the measures, with where the unit goes. */
export const MEASURE_LABELS: Readonly<Record<MeasureKey, string>> = {
  topEventProbability: 'P(top event)',
  reliability: 'R(mission)',
  mttf: 'MTTF',
  steadyAvailability: 'steady availability',
  steadyUnavailability: 'steady unavailability',
  nines: 'nines',
  mtbf: 'MTBF',
  pfdAvg: 'PFDavg',
  costRate: 'cost rate',
};

/** Returns whether a measure is a time (shown with the model's time unit). */
export function isTimeMeasure(key: MeasureKey): boolean {
  return key === 'mttf' || key === 'mtbf';
}

/** Returns the mean of a scalar: the number itself, or a simulated estimate's mean. */
export function scalarValue(scalar: Scalar | undefined): number | undefined {
  if (scalar === undefined) return undefined;
  return typeof scalar === 'number' ? scalar : scalar.mean;
}

/**
 * Returns a measure of a result, or undefined when the result does not have it; `reliability`
 * is the last point of the R(t) curve, which the explorer always places at the mission time.
 */
export function measureValue(result: Result, key: MeasureKey): number | undefined {
  if (key === 'reliability') {
    const curve = result.measures.reliability;
    return curve && curve.values.length > 0 ? curve.values[curve.values.length - 1] : undefined;
  }
  return scalarValue(result.measures[key]);
}

/** Returns the measures a result has, in menu order. */
export function availableMeasures(result: Result): MeasureKey[] {
  return MEASURE_KEYS.filter((key) => measureValue(result, key) !== undefined);
}

/** A simulated measure: its estimate and 95 % interval. */
export interface MeasureEstimate {
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

/**
 * Returns a measure of a result with its 95 % interval: a simulated estimate's `ci95`, the band
 * of R(t) at its last point, and for an exact number the number at both ends; undefined when the
 * result does not have the measure.
 */
export function measureEstimate(result: Result, key: MeasureKey): MeasureEstimate | undefined {
  if (key === 'reliability') {
    const curve = result.measures.reliability;
    const last = (curve?.values.length ?? 0) - 1;
    if (!curve || last < 0) return undefined;
    const mean = curve.values[last]!;
    return { mean, lo: curve.lo?.[last] ?? mean, hi: curve.hi?.[last] ?? mean };
  }
  const scalar = result.measures[key];
  if (scalar === undefined) return undefined;
  if (typeof scalar === 'number') return { mean: scalar, lo: scalar, hi: scalar };
  return { mean: scalar.mean, lo: scalar.ci95[0], hi: scalar.ci95[1] };
}
