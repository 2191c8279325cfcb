import { steadyUnavailability } from '../formulas/steadyAvailability.js';
import { pointUnavailability } from '../formulas/pointAvailability.js';
import { exponentialRate, unitLaws } from '../../model/componentFacts.js';
import type { Model } from '../../model/Model.js';
import { unitComponent } from '../../model/Model.js';
import type { ImportanceFactors } from '../../model/Result.js';
import { compileStructure } from '../../structure/compileStructure.js';
import { timedUnits } from '../../model/timeScales.js';
import type { ModelStructure } from '../../structure/toStructure.js';
import { groupImportanceTable, importanceTable } from '../importanceTable.js';

/**
 * Most units whose importance a block model gets: Fussell–Vesely builds a diagram per unit, whose
 * cost grows with the units above it (a series of 10^5 units would take minutes).
 */
export const MAX_IMPORTANCE_UNITS = 2000;

/** The importance of a block model's units, or why it is left out, and what it rests on. */
export type BlockImportance =
  | {
      readonly importance: Record<string, ImportanceFactors>;
      /**
       * The factors of each component as the group of its units (docs/concepts.md, "Importance
       * of a group"), when some component has more than one unit.
       */
      readonly componentImportance?: Record<string, ImportanceFactors>;
      /** At the time given, or in the steady state. */
      readonly basis: 'time' | 'steady';
    }
  | { readonly reason: string };

/**
 * Returns the six importance factors of every unit of a block model whose units are
 * independent, and of every component as the group of its units when some component has more
 * than one (groupImportance): at the mission time, from each unit's probability of being failed then, or, for a
 * repairable system without a mission time (or with repair times that are not exponential), in
 * the steady state.
 *
 * $$
 * q_i = F_i(t) \text{ (no repair)}, \quad
 * q_i = \tfrac{\lambda_i}{\lambda_i+\mu_i}\big(1 - e^{-(\lambda_i+\mu_i)t}\big), \quad
 * q_i = \tfrac{MDT_i}{MTTF_i + MDT_i} \text{ (steady state)}
 * $$
 *
 * @param model - a block model
 * @param structure - its structure ({@link toStructure})
 * @param time - the mission time (analyze's horizon), if any
 * @param maxNodes - the BDD node budget
 * @returns the factors by unit name (and by component name) and their basis, or the reason they are left out (standby
 *   blocks, coverage or delays, a non-repairable system without a mission time)
 */
export function blockImportance(
  model: Model,
  structure: ModelStructure,
  time: number | undefined,
  maxNodes: number | undefined,
): BlockImportance {
  if (structure.blocks.length > 0) {
    return { reason: 'standby blocks are not sums of independent units' };
  }
  const m = model.units.length;
  if (m > MAX_IMPORTANCE_UNITS) {
    return {
      reason: `the model has ${m} units; importance is computed for at most ${MAX_IMPORTANCE_UNITS} (Fussell–Vesely costs a diagram per unit)`,
    };
  }
  const dependent = model.units.some((_, i) => {
    const component = unitComponent(model, i);
    return component.coverage !== 1 || component.detection || component.recovery;
  });
  if (dependent) return { reason: 'coverage, detection or recovery delays make units dependent' };
  if (model.components.some((component) => component.inspection || component.preventive)) {
    return { reason: 'importance under proof tests or preventive replacement is not computed yet' };
  }
  const t = time;
  const repairable = model.components.some((component) => component.repair !== undefined);
  // Units outside the structure have importance 0 whatever their laws: only those inside count.
  const inStructure = new Set(timedUnits(model));
  const exponentialRepairs = model.units.every((_, i) => {
    const laws = unitLaws(model, i);
    return (
      !inStructure.has(i) ||
      !laws.repair ||
      (exponentialRate(laws.failure) !== undefined && exponentialRate(laws.repair) !== undefined)
    );
  });
  const atTime = t !== undefined && exponentialRepairs;
  if (!atTime && (!repairable || model.components.some((c) => c.repair === undefined))) {
    return {
      reason:
        t === undefined
          ? 'a system with non-repairable units needs a mission_time for importance'
          : 'importance at the mission time of a system with non-repairable units needs exponential failure and repair times of its repairable units',
    };
  }
  const p = new Float64Array(m);
  const q = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const laws = unitLaws(model, i);
    if (atTime && !laws.repair) {
      q[i] = laws.failure.cdf(t);
      p[i] = laws.failure.sf(t);
    } else if (atTime && !inStructure.has(i)) {
      q[i] = 0; // outside the structure: any value gives importance 0
      p[i] = 1;
    } else if (atTime) {
      // Both rates exist: checked for every repairable unit in the structure above.
      q[i] = pointUnavailability(exponentialRate(laws.failure)!, exponentialRate(laws.repair!)!, t);
      p[i] = 1 - q[i]!;
    } else {
      q[i] = steadyUnavailability(laws.failure.mean, laws.repair!.mean); // every unit repairable
      p[i] = 1 - q[i]!;
    }
  }
  const compiled = compileStructure(structure.node, structure.variableCount, {
    ...(maxNodes !== undefined && { maxNodes }),
  });
  const names = model.units.map((unit) => unit.name);
  const importance = importanceTable(compiled, names, p, q);
  const groups = model.components.map((component, c) => ({
    name: component.name,
    members: model.units.flatMap((unit, i) => (unit.component === c ? [i] : [])),
  }));
  const several = groups.filter((group) => group.members.length > 1);
  // A component of one unit has its unit's factors: only the others need the group diagram.
  const grouped =
    several.length > 0 &&
    groupImportanceTable(structure.node, structure.variableCount, several, p, q, maxNodes);
  return {
    importance,
    ...(grouped && {
      componentImportance: Object.fromEntries(
        groups
          .filter((group) => group.members.length > 0)
          .map(({ name, members }) => [
            name,
            // members[0] is a unit index; grouped holds every component of several units.
            members.length === 1 ? importance[names[members[0]!]!]! : grouped[name]!,
          ]),
      ),
    }),
    basis: atTime ? 'time' : 'steady',
  };
}
