import type { Measures } from './Result.js';

/** Why a scalar measure can be infinite or undefined, for the warning that replaces it. */
const NON_FINITE_REASONS: Readonly<Record<string, string>> = {
  mttf: 'the system never fails: it survives every unit failing',
  mtbf: 'the failure frequency is 0 (the system is never down, or down for good in the long run)',
  mut: 'the failure frequency is 0 (the system is never down, or down for good in the long run)',
  mdt: 'the failure frequency is 0 (the system is never down, or down for good in the long run)',
  nines: 'the steady unavailability is 0',
};

/**
 * Returns the measures without the scalars that are infinite or NaN (JSON cannot carry them),
 * adding to `warnings` why each was left out, so a result never holds a silent null or NaN.
 *
 * @param measures - the measures a solver computed
 * @param warnings - the result's warnings, appended to
 * @returns the finite measures
 *
 * @example
 * ```ts
 * const notes = [];
 * finiteMeasures({ mttf: Infinity, steadyAvailability: 1 }, notes).mttf; // → undefined
 * notes.length; // → 1
 * ```
 */
export function finiteMeasures(measures: Measures, warnings: string[]): Measures {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(measures)) {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      warnings.push(
        `${key} is ${value} and is left out: ${NON_FINITE_REASONS[key] ?? 'no finite value'}`,
      );
    } else kept[key] = value;
  }
  return kept as Measures;
}
