import type { ImportanceFactors } from '../model/Result.js';
import { importanceMeasures } from '../structure/importanceMeasures.js';
import type { StructureFunction } from '../structure/structureFunction.js';

/**
 * Returns the six importance factors of the first `names.length` variables of a compiled
 * structure by name (docs/concepts.md, "Importance"), a ratio without a finite value (RRW of an
 * event in every cut set, any ratio when the system cannot fail) as null.
 *
 * @param structure - the compiled structure
 * @param names - the names of variables 0, 1, …; the variables past them are not reported
 * @param p - P(variable works) of every variable
 * @param q - P(variable failed) of every variable
 * @returns the factors by name, in the order of `names`
 */
export function importanceTable(
  structure: StructureFunction,
  names: readonly string[],
  p: ArrayLike<number>,
  q: ArrayLike<number>,
): Record<string, ImportanceFactors> {
  const measures = importanceMeasures(structure, p, q);
  const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return Object.fromEntries(
    names.map((name, i) => [
      name,
      {
        birnbaum: measures.birnbaum[i]!, // i < componentCount
        criticality: finite(measures.criticality[i]!),
        diagnostic: finite(measures.diagnostic[i]!),
        fussellVesely: finite(measures.fussellVesely[i]!),
        raw: finite(measures.raw[i]!),
        rrw: finite(measures.rrw[i]!),
      },
    ]),
  );
}
