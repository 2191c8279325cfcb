/**
 * Simulated numbers as the results table shows them: the estimate with its 95 % interval, a
 * one-sided bound where no failure was seen (never a zero-width interval), and a censored mean
 * called what it is, a lower bound, not an MTTF. Pure functions, unit-tested.
 */
import {
  downtimeHoursPerYear,
  type Curve,
  type Estimate,
  type Result,
  type Scalar,
} from '../../src/index.js';
import type { Numbers } from '../compute/solve.js';
import { plainLibraryNote } from '../compute/plainWords.js';
import { formatDowntime, formatNumber, formatProbability, formatSil } from './format.js';

/** One cell of the simulated column: its text, and why it is uncertain when it is. */
export interface EstimateCell {
  readonly text: string;
  readonly uncertain?: string;
}

type Format = (x: number) => string;

/** Returns the simulated cells of a result by row of the numbers table; a measure left out has none. */
export function simulatedCells(result: Result): Partial<Record<keyof Numbers, EstimateCell>> {
  const m = result.measures;
  const cells: Partial<Record<keyof Numbers, EstimateCell>> = {};
  if (result.horizon !== undefined) cells.missionTime = { text: formatNumber(result.horizon) };
  if (m.reliability) cells.reliability = curveEndCell(m.reliability);
  const mttf = mttfCell(result);
  if (mttf) cells.mttf = mttf;
  const scalars: [keyof Numbers, Scalar | undefined, Format][] = [
    ['steadyAvailability', m.steadyAvailability, (x) => formatProbability(x)],
    ['steadyUnavailability', m.steadyUnavailability, formatNumber],
    ['nines', m.nines, formatNumber],
    ['mtbf', m.mtbf, formatNumber],
    ['pfdAvg', m.pfdAvg, formatNumber],
    ['costRate', m.costRate, formatNumber],
    ['missionCost', m.missionCost, formatNumber],
  ];
  for (const [key, scalar, format] of scalars) {
    if (scalar !== undefined) cells[key] = estimateCell(scalar, format);
  }
  // Only when the whole interval of pfdAvg lies in one band (docs/semantics.md).
  if (m.sil !== undefined) cells.sil = { text: formatSil(m.sil) };
  const unavailability = m.steadyUnavailability;
  if (unavailability !== undefined) {
    cells.downtimeHoursPerYear = estimateCell(
      mapScalar(unavailability, downtimeHoursPerYear),
      (x) => formatDowntime(x),
    );
  }
  return cells;
}

/**
 * Returns an estimate as `mean (95 % CI lo–hi)`; with no event seen, the bound the interval
 * gives (`no failure seen: ≤ hi`); an exact number as itself.
 */
export function estimateCell(scalar: Scalar, format: Format): EstimateCell {
  if (typeof scalar === 'number') return { text: format(scalar) };
  const [lo, hi] = scalar.ci95;
  const uncertain =
    scalar.inconclusive === undefined ? {} : { uncertain: plainLibraryNote(scalar.inconclusive) };
  if (scalar.events === 0 || lo === hi) return { text: boundText(scalar, format), ...uncertain };
  return { text: `${format(scalar.mean)} (95 % CI ${format(lo)}–${format(hi)})`, ...uncertain };
}

/** The text of an estimate resting on no event: the one-sided bound, else only that. */
function boundText(estimate: Estimate, format: Format): string {
  const [lo, hi] = estimate.ci95;
  if (lo === hi) return `${format(estimate.mean)} (no failure seen: no interval)`;
  const bound = hi !== estimate.mean ? `≤ ${format(hi)}` : `≥ ${format(lo)}`;
  return `no failure seen: ${bound} (95 %)`;
}

/** R(mission): the last point of the simulated curve and its band. */
function curveEndCell(curve: Curve): EstimateCell {
  const last = curve.values.length - 1;
  const value = curve.values[last]!;
  const lo = curve.lo?.[last] ?? value;
  const hi = curve.hi?.[last] ?? value;
  if (value === 1) return { text: `no failure seen: ≥ ${formatProbability(lo)} (95 %)` };
  return {
    text: `${formatProbability(value)} (95 % CI ${formatProbability(lo)}–${formatProbability(hi)})`,
  };
}

/**
 * The MTTF, or, when the simulator could not estimate it because runs saw no failure before
 * their cap, the lower bound its censored mean gives: that mean is not an MTTF.
 */
function mttfCell(result: Result): EstimateCell | undefined {
  const { mttf, restrictedMttf } = result.measures;
  if (mttf !== undefined) return estimateCell(mttf, formatNumber);
  if (restrictedMttf === undefined) return undefined;
  return {
    text: `≥ ${formatNumber(restrictedMttf.ci95[0])} (95 %): many runs saw no failure, so no MTTF`,
    uncertain: `the mean of min(T, ${formatNumber(restrictedMttf.restrictedTo)}) is ${formatNumber(restrictedMttf.mean)}, a lower bound of the MTTF`,
  };
}

/** Returns a scalar through an increasing function (the interval's ends map to the ends). */
function mapScalar(scalar: Scalar, f: (x: number) => number): Scalar {
  if (typeof scalar === 'number') return f(scalar);
  return { ...scalar, mean: f(scalar.mean), ci95: [f(scalar.ci95[0]), f(scalar.ci95[1])] };
}
