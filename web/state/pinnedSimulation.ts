/**
 * The simulated results a pin keeps: the estimates of the scenario's simulation with their 95 %
 * intervals and its curves with their bands, as plain data small enough for a link. A pin of a
 * model only the simulator solves would otherwise have nothing to show. Kept, rounded to
 * {@link SIGNIFICANT_DIGITS} significant digits (more than any cell or tooltip shows), and
 * checked field by field when a link brings them back. Pure functions, unit-tested.
 */
import type { Curve, Estimate, Measures, Result, Scalar } from '../../src/index.js';

/** The measures a pin keeps: those of the numbers table and the curves plot. */
export const PINNED_SCALARS = [
  'steadyAvailability',
  'steadyUnavailability',
  'mttf',
  'failureFrequency',
  'mtbf',
  'nines',
  'pfdAvg',
  'costRate',
  'missionCost',
] as const;

type PinnedScalar = (typeof PINNED_SCALARS)[number];

/** Measures whose every value, interval end and curve point is a probability, in [0, 1]. */
const PROBABILITIES: ReadonlySet<string> = new Set([
  'steadyAvailability',
  'steadyUnavailability',
  'pfdAvg',
  'reliability',
  'availability',
]);

const CURVES = ['reliability', 'availability'] as const;

/** The simulation kept by a pin. */
export interface PinnedSimulation {
  /** Replications the estimates rest on. */
  readonly replications: number;
  /** The simulated horizon (mission time), when the run had one. */
  readonly horizon?: number;
  readonly measures: Pick<Measures, PinnedScalar | 'reliability' | 'availability' | 'sil'> & {
    readonly restrictedMttf?: Estimate & { readonly restrictedTo: number };
  };
}

/** Digits kept of every number: the table shows at most 4, a tooltip no more. */
export const SIGNIFICANT_DIGITS = 6;
/** Most points of a kept curve (the page simulates on 51). */
export const MAX_CURVE_POINTS = 501;
/** Most replications a kept run can claim. */
export const MAX_REPLICATIONS = 1e9;
const MAX_NOTE_LENGTH = 500;

/**
 * Returns what a pin keeps of a simulated result: its estimates and curves, rounded; none when
 * the result has no measure a link could carry.
 */
export function pinSimulation(result: Result): PinnedSimulation | undefined {
  const m = result.measures;
  const measures: Record<string, unknown> = {};
  // What a link could not bring back (an infinite mean, say) is not kept.
  for (const key of PINNED_SCALARS) {
    const scalar = m[key];
    const probability = PROBABILITIES.has(key);
    if (
      scalar !== undefined &&
      passes(() => checkScalar(roundScalar(scalar), probability, key, refuse))
    ) {
      measures[key] = roundScalar(scalar);
    }
  }
  for (const key of CURVES) {
    const curve = m[key];
    if (curve && passes(() => checkCurve(roundCurve(curve), key, refuse))) {
      measures[key] = roundCurve(curve);
    }
  }
  if (m.sil !== undefined) measures.sil = m.sil;
  if (m.restrictedMttf && passes(() => checkEstimate(m.restrictedMttf, false, '', refuse))) {
    measures.restrictedMttf = {
      ...roundEstimate(m.restrictedMttf),
      restrictedTo: round(m.restrictedMttf.restrictedTo),
    };
  }
  const replications = (result as { readonly replications?: unknown }).replications;
  if (typeof replications !== 'number' || replications < 1 || Object.keys(measures).length === 0) {
    return undefined;
  }
  return {
    replications,
    ...(result.horizon !== undefined && { horizon: round(result.horizon) }),
    measures: measures as PinnedSimulation['measures'],
  };
}

/**
 * Returns a kept simulation as a simulated result of the library's shape, for the table and the
 * curves that show the live simulation (web/views/estimates.ts, web/charts/curveTraces.ts).
 */
export function pinnedResult(pinned: PinnedSimulation, name: string, timeUnit: string): Result {
  return {
    method: 'simulation',
    model: { name, hash: '' },
    timeUnit,
    ...(pinned.horizon !== undefined && { horizon: pinned.horizon }),
    measures: pinned.measures,
    warnings: [],
    replications: pinned.replications,
  } as Result;
}

/**
 * Returns the kept simulation in `data` (a link's), with only known fields of the right types
 * and ranges: finite numbers, intervals whose ends are in order, probabilities in [0, 1], curves
 * of equal lengths on increasing times.
 *
 * @throws through `fail`, naming the first field that is wrong
 */
export function checkPinnedSimulation(
  data: unknown,
  where: string,
  fail: (what: string) => never,
): PinnedSimulation {
  if (!isRecord(data)) return fail(`${where} must be an object`);
  const replications = data.replications;
  if (
    typeof replications !== 'number' ||
    !Number.isInteger(replications) ||
    replications < 1 ||
    replications > MAX_REPLICATIONS
  ) {
    fail(`${where}.replications must be a whole number from 1 to ${MAX_REPLICATIONS}`);
  }
  const horizon = data.horizon;
  if (horizon !== undefined && !(typeof horizon === 'number' && isFinite(horizon) && horizon > 0)) {
    fail(`${where}.horizon must be a positive number`);
  }
  if (!isRecord(data.measures)) return fail(`${where}.measures must be an object`);
  const m = data.measures;
  const measures: Record<string, unknown> = {};
  for (const key of PINNED_SCALARS) {
    if (m[key] !== undefined) {
      measures[key] = checkScalar(m[key], PROBABILITIES.has(key), `${where}.${key}`, fail);
    }
  }
  for (const key of CURVES) {
    if (m[key] !== undefined) measures[key] = checkCurve(m[key], `${where}.${key}`, fail);
  }
  if (m.sil !== undefined) {
    if (typeof m.sil !== 'number' || !Number.isInteger(m.sil) || m.sil < 0 || m.sil > 4) {
      fail(`${where}.sil must be a whole number from 0 to 4`);
    }
    measures.sil = m.sil;
  }
  if (m.restrictedMttf !== undefined) {
    const restricted = m.restrictedMttf;
    const estimate = checkEstimate(restricted, false, `${where}.restrictedMttf`, fail);
    const to = isRecord(restricted) ? restricted.restrictedTo : undefined;
    if (typeof to !== 'number' || !isFinite(to) || to <= 0) {
      fail(`${where}.restrictedMttf.restrictedTo must be a positive number`);
    }
    measures.restrictedMttf = { ...estimate, restrictedTo: to };
  }
  if (Object.keys(measures).length === 0) fail(`${where}.measures has no known measure`);
  return {
    replications: replications as number,
    ...(typeof horizon === 'number' && { horizon }),
    measures: measures as PinnedSimulation['measures'],
  };
}

function checkScalar(
  value: unknown,
  probability: boolean,
  where: string,
  fail: (what: string) => never,
): Scalar {
  if (typeof value === 'number') {
    if (!inRange(value, probability))
      fail(`${where} must be a finite number${inUnit(probability)}`);
    return value;
  }
  return checkEstimate(value, probability, where, fail);
}

function checkEstimate(
  value: unknown,
  probability: boolean,
  where: string,
  fail: (what: string) => never,
): Estimate {
  if (!isRecord(value)) return fail(`${where} must be a number or an estimate`);
  const { mean, ci95, events, inconclusive } = value;
  if (typeof mean !== 'number' || !inRange(mean, probability)) {
    fail(`${where}.mean must be a finite number${inUnit(probability)}`);
  }
  if (
    !Array.isArray(ci95) ||
    ci95.length !== 2 ||
    !ci95.every((end) => typeof end === 'number' && inRange(end, probability)) ||
    !(ci95[0] <= (mean as number) && (mean as number) <= ci95[1])
  ) {
    fail(`${where}.ci95 must be two finite numbers around the mean${inUnit(probability)}`);
  }
  if (events !== undefined && !(Number.isInteger(events) && (events as number) >= 0)) {
    fail(`${where}.events must be a whole number from 0`);
  }
  if (inconclusive !== undefined && typeof inconclusive !== 'string') {
    fail(`${where}.inconclusive must be a text`);
  }
  return {
    mean: mean as number,
    ci95: [(ci95 as number[])[0]!, (ci95 as number[])[1]!],
    ...(typeof events === 'number' && { events }),
    ...(typeof inconclusive === 'string' && {
      inconclusive: inconclusive.slice(0, MAX_NOTE_LENGTH),
    }),
  };
}

function checkCurve(value: unknown, where: string, fail: (what: string) => never): Curve {
  if (!isRecord(value)) return fail(`${where} must be a curve`);
  const t = value.t;
  if (!Array.isArray(t) || t.length < 1 || t.length > MAX_CURVE_POINTS) {
    fail(`${where}.t must be a list of 1 to ${MAX_CURVE_POINTS} times`);
  }
  const times = t as unknown[];
  if (!times.every((x, i) => isNumber(x) && x >= 0 && (i === 0 || x > (times[i - 1] as number)))) {
    fail(`${where}.t must be increasing times from 0`);
  }
  const series = (name: 'values' | 'lo' | 'hi'): number[] | undefined => {
    const list = value[name];
    if (list === undefined && name !== 'values') return undefined;
    if (
      !Array.isArray(list) ||
      list.length !== times.length ||
      !list.every((x) => typeof x === 'number' && inRange(x, true))
    ) {
      return fail(`${where}.${name} must be ${times.length} numbers from 0 to 1`);
    }
    return list as number[];
  };
  const values = series('values')!;
  const lo = series('lo');
  const hi = series('hi');
  if ((lo === undefined) !== (hi === undefined)) fail(`${where} must have both band ends or none`);
  if (lo && hi && !values.every((v, i) => lo[i]! <= v && v <= hi[i]!)) {
    fail(`${where}'s band must hold its values`);
  }
  return { t: times as number[], values, ...(lo && hi && { lo, hi }) };
}

const refuse = (what: string): never => {
  throw new Error(what);
};

/** Whether `check` returns rather than throws. */
function passes(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

function roundScalar(scalar: Scalar): Scalar {
  return typeof scalar === 'number' ? round(scalar) : roundEstimate(scalar);
}

function roundEstimate(estimate: Estimate): Estimate {
  return {
    mean: round(estimate.mean),
    ci95: [round(estimate.ci95[0]), round(estimate.ci95[1])],
    ...(estimate.events !== undefined && { events: estimate.events }),
    ...(estimate.inconclusive !== undefined && { inconclusive: estimate.inconclusive }),
  };
}

function roundCurve(curve: Curve): Curve {
  return {
    t: curve.t.map(round),
    values: curve.values.map(round),
    ...(curve.lo && curve.hi && { lo: curve.lo.map(round), hi: curve.hi.map(round) }),
  };
}

/** Rounds to {@link SIGNIFICANT_DIGITS} digits: monotone, so interval ends stay in order. */
function round(x: number): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(SIGNIFICANT_DIGITS)) : x;
}

function inRange(x: number, probability: boolean): boolean {
  return isFinite(x) && (!probability || (x >= 0 && x <= 1));
}

function inUnit(probability: boolean): string {
  return probability ? ' from 0 to 1' : '';
}

function isNumber(x: unknown): x is number {
  return typeof x === 'number' && isFinite(x);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
