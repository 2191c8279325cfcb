import type { ImportanceFactors } from '../model/Result.js';
import { groupImportance } from '../structure/groupImportance.js';
import { type ImportanceMeasures, importanceMeasures } from '../structure/importanceMeasures.js';
import type { StructureNode } from '../structure/StructureNode.js';
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
  return factorsByName(importanceMeasures(structure, p, q), names);
}

/**
 * Returns the six importance factors of groups of variables by name (docs/concepts.md,
 * "Importance of a group"): {@link groupImportance}, a ratio without a finite value as null.
 *
 * @param node - the structure tree over `variableCount` variables
 * @param variableCount - its number of variables
 * @param groups - the name of each group and its variables
 * @param p - P(variable works) of every variable
 * @param q - P(variable failed) of every variable
 * @param maxNodes - the BDD node budget
 * @returns the factors by group name, in the order of `groups`
 */
export function groupImportanceTable(
  node: StructureNode,
  variableCount: number,
  groups: readonly { readonly name: string; readonly members: readonly number[] }[],
  p: ArrayLike<number>,
  q: ArrayLike<number>,
  maxNodes: number | undefined,
): Record<string, ImportanceFactors> {
  const measures = groupImportance(
    node,
    variableCount,
    groups.map((group) => group.members),
    p,
    q,
    maxNodes === undefined ? {} : { maxNodes },
  );
  return factorsByName(
    measures,
    groups.map((group) => group.name),
  );
}

/** The measures of entries 0, 1, … by name, a ratio without a finite value as null. */
function factorsByName(
  measures: ImportanceMeasures,
  names: readonly string[],
): Record<string, ImportanceFactors> {
  const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return Object.fromEntries(
    names.map((name, i) => [
      name,
      {
        birnbaum: measures.birnbaum[i]!, // i < the measures' length
        criticality: finite(measures.criticality[i]!),
        diagnostic: finite(measures.diagnostic[i]!),
        fussellVesely: finite(measures.fussellVesely[i]!),
        raw: finite(measures.raw[i]!),
        rrw: finite(measures.rrw[i]!),
      },
    ]),
  );
}
