/**
 * The figures of the headline above the numbers table: the exact nines and downtime per year of
 * a repairable model, or, for a model only the simulator solves, the simulated ones with their
 * 95 % intervals, and when the simulation saw no system failure the lower bound on the MTBF that
 * it does support (no nines: an unavailability bound would need one on the down time, which a
 * run without a failure does not give). Pure, unit-tested.
 */
import { downtimeHoursPerYear, type Estimate, type Result, type Scalar } from '../../src/index.js';
import { formatDowntime, formatNines, formatNumber, formatSil } from '../views/format.js';
import type { Numbers } from './solve.js';

/** One large figure: its value, what it is, and a note in small print (an interval, a bound). */
export interface HeadlineFigure {
  readonly value: string;
  readonly label: string;
  readonly note?: string;
}

/**
 * Returns the exact headline figures the solver gave: PFDavg with its SIL band (a proof-tested
 * model), the nines and downtime per year, and the cost rate.
 */
export function exactFigures(numbers: Numbers | undefined, timeUnit: string): HeadlineFigure[] {
  const figures: HeadlineFigure[] = [];
  if (numbers?.pfdAvg !== undefined) {
    figures.push({
      value: formatNumber(numbers.pfdAvg),
      label: 'PFDavg',
      note: `over the mission; ${formatSil(numbers.sil)}`,
    });
  }
  if (numbers?.nines !== undefined && !Number.isNaN(numbers.nines)) {
    figures.push({ value: formatNines(numbers.nines), label: 'nines' });
  }
  const downtime = numbers?.downtimeHoursPerYear;
  if (downtime !== undefined && !Number.isNaN(downtime)) {
    figures.push({ value: formatDowntime(downtime), label: 'downtime' });
  }
  if (numbers?.costRate !== undefined) {
    figures.push({ value: formatNumber(numbers.costRate), label: `cost per ${timeUnit}` });
  }
  return figures;
}

/**
 * Returns a simulated result's nines and downtime per year, each with its 95 % interval (and
 * "inconclusive" where the estimate says so), or, when no system failure was seen, MTBF ≥ the
 * reciprocal of the failure frequency's upper 95 % bound.
 */
export function simulatedFigures(result: Result): HeadlineFigure[] {
  const m = result.measures;
  const nines = estimate(m.nines);
  const unavailability = estimate(m.steadyUnavailability);
  const figures: HeadlineFigure[] = [];
  const pfd = estimate(m.pfdAvg);
  if (pfd) {
    const [lo, hi] = pfd.ci95;
    figures.push({
      value: formatNumber(pfd.mean),
      label: 'PFDavg',
      note: `simulated; 95 % CI ${formatNumber(lo)} to ${formatNumber(hi)}; ${
        m.sil === undefined ? 'the interval spans two SIL bands' : formatSil(m.sil)
      }${doubt(pfd)}`,
    });
  }
  if (nines) {
    const [lo, hi] = nines.ci95;
    figures.push({
      value: formatNines(nines.mean),
      label: 'nines',
      note: `simulated; 95 % CI ${formatNines(lo)} to ${formatNines(hi)}${doubt(nines)}`,
    });
  }
  if (unavailability) {
    const [lo, hi] = unavailability.ci95.map(downtimeHoursPerYear) as [number, number];
    figures.push({
      value: formatDowntime(downtimeHoursPerYear(unavailability.mean)),
      label: 'downtime',
      note: `simulated; 95 % CI ${formatDowntime(lo)} to ${formatDowntime(hi)}${doubt(unavailability)}`,
    });
  }
  const frequency = estimate(m.failureFrequency);
  if (figures.length === 0 && frequency && frequency.mean === 0 && frequency.ci95[1] > 0) {
    figures.push({
      value: `≥ ${formatNumber(Number((1 / frequency.ci95[1]).toPrecision(2)))} ${result.timeUnit}`,
      label: 'MTBF',
      note: 'simulated: no system failure seen, so no nines; a 95 % lower bound',
    });
  }
  return figures;
}

/** The estimate of a simulated measure, if it is one. */
function estimate(value: Scalar | undefined): Estimate | undefined {
  return typeof value === 'object' ? value : undefined;
}

/** `; inconclusive` for an estimate that cannot support a verdict yet. */
function doubt(value: Estimate): string {
  return value.inconclusive === undefined ? '' : '; inconclusive (see the notes)';
}
