import {
  steadyAvailability,
  steadyUnavailability,
} from '../analytic/formulas/steadyAvailability.js';
import { checkNonNegative } from '../errors.js';
import type { Model } from '../model/Model.js';
import { unitLaws, type ComponentLaws } from '../model/componentFacts.js';
import { groupImportance } from '../structure/groupImportance.js';
import type { StructureNode } from '../structure/StructureNode.js';
import { substituteComponents } from '../structure/substituteComponents.js';
import { toStructure } from '../structure/toStructure.js';

/** Birnbaum importance of each component of a model, with what it rests on. */
export interface ComponentImportance {
  /** The component names, in file order. */
  readonly components: readonly string[];
  /**
   * The Birnbaum importance of each component as the group of its units: P(system works | all
   * its units work) − P(system works | all failed), a probability (not a sum over the units).
   */
  readonly values: readonly number[];
  /** What the unit probabilities are: `R(t) at t = …` or `steady availability`. */
  readonly basis: string;
  /** What the importance leaves out for this model (coverage, standby behaviour). */
  readonly notes: readonly string[];
}

/**
 * Returns the Birnbaum importance of each component of a model, the component taken as the group
 * of its units: how much the probability that the system works changes between all its units
 * failed and all working; undefined for a model that is only a hand-written Markov chain.
 *
 * $$
 * I_B(c) = P(\Phi = 1 \mid x_i = 1 \ \forall i \in c) - P(\Phi = 1 \mid x_i = 0 \ \forall i \in c)
 * $$
 *
 * - Φ: the structure function of the model's system (compiled to a BDD, {@link groupImportance})
 * - x_i: the state of unit i (1: works), independent, P(x_i = 1) = R_i(t) at the mission time t
 *   when no component is repairable, else its steady availability MTTF_i/(MTTF_i + MDT_i) (0 for
 *   a unit that is never repaired), MDT_i its mean detection plus repair time; c: the units of one
 *   component
 *
 * I_B(c) lies in [0, 1]; for a component of one unit it is the unit's ∂P(Φ = 1)/∂p_i. (A sum of
 * the units' I_B can exceed 1: the three units of a 1-of-3 bank with p = 0.1 have 0.81 each.)
 *
 * @param model - a loaded model
 * @param missionTime - t, the time of the units' reliabilities (used when no component is
 * repairable), ≥ 0
 * @returns the importance per component, with its basis and notes; undefined when the model has
 * no `system`, or has proof tests or preventive replacement (its units' probabilities are not
 * their laws' alone)
 * @throws {@link ParameterError} when `missionTime` is used and is not a finite number ≥ 0
 * @throws {@link UnsupportedModelError} when the structure needs more BDD nodes than the default
 * budget
 *
 * @remarks
 * Units are taken as independent. Coverage is left out, and a standby block that is not plain
 * parallel redundancy (cold or warm spares, imperfect or delayed switching) is counted as the
 * parallel redundancy of its units. A note says so in both cases: the values then rank components
 * rather than give exact sensitivities. Cost: one compilation of the structure with two more
 * variables per component and one Birnbaum pass.
 *
 * @see Z. W. Birnbaum, "On the importance of different components in a multicomponent system", in
 * P. R. Krishnaiah (ed.), Multivariate Analysis II, Academic Press, 1969, 581–592.
 * @see M. Rausand and A. Høyland, System Reliability Theory, 2nd ed., Wiley, 2004, §5.3
 * (Birnbaum's measure; paywalled).
 *
 * @example
 * ```ts
 * const pair = loadModel('name: pair\ncomponents:\n  a: { failure: { mtbf: 1000 } }\n  b: { failure: { mtbf: 2000 } }\nsystem: { series: [a, b] }');
 * componentImportance(pair, 1000)?.values[0]; // → ~0.60653066
 * componentImportance(pair, 1000)?.basis; // → R(t) at t = 1000
 * ```
 */
export function componentImportance(
  model: Model,
  missionTime: number,
): ComponentImportance | undefined {
  if (!model.system) return undefined;
  // Their units' probabilities are not the laws' alone.
  if (model.components.some((component) => component.inspection || component.preventive)) {
    return undefined;
  }
  const layout = toStructure(model, model.system);
  const repairable = model.components.some((component) => component.repair !== undefined);
  if (!repairable) checkNonNegative('componentImportance', 'missionTime', missionTime);
  const m = model.units.length;
  const p = new Float64Array(m);
  const q = new Float64Array(m);
  model.units.forEach((_, i) => {
    const laws = unitLaws(model, i);
    [p[i], q[i]] = repairable ? availability(laws) : reliability(laws, missionTime);
  });
  // A standby block counted as parallel redundancy: it fails when every one of its units has.
  const parallels = layout.blocks.map((block): StructureNode => ({
    kind: 'parallel',
    children: block.units.map((unit) => ({ kind: 'component', component: unit })),
  }));
  // Variables past m are the blocks; toStructure gives a network's links units, never blocks.
  const node = substituteComponents(layout.node, layout.variableCount, (i) =>
    i < m ? { kind: 'component', component: i } : parallels[i - m]!,
  );
  const groups = model.components.map((_, c) =>
    model.units.flatMap((unit, i) => (unit.component === c ? [i] : [])),
  );
  const grouped = groups.flatMap((members, c) => (members.length > 0 ? [{ members, c }] : []));
  const birnbaum = groupImportance(
    node,
    m,
    grouped.map((group) => group.members),
    p,
    q,
  ).birnbaum;
  const values = model.components.map(() => 0);
  grouped.forEach((group, k) => (values[group.c] = birnbaum[k]!)); // k < grouped.length
  const notes: string[] = [];
  if (model.components.some((component) => component.coverage < 1)) {
    notes.push('coverage is not included in the importance');
  }
  if (layout.blocks.length > 0) notes.push('standby blocks are counted as parallel redundancy');
  return {
    components: model.components.map((component) => component.name),
    values,
    basis: repairable ? 'steady availability' : `R(t) at t = ${missionTime}`,
    notes,
  };
}

/** [A, 1 − A] of a unit in the long run; [0, 1] when it is never repaired. */
function availability(laws: ComponentLaws): [number, number] {
  if (!laws.repair) return [0, 1];
  const up = laws.failure.mean;
  const down = laws.repair.mean + (laws.detection?.mean ?? 0);
  return [steadyAvailability(up, down), steadyUnavailability(up, down)];
}

/** [R(t), F(t)] of a unit's life. */
function reliability(laws: ComponentLaws, t: number): [number, number] {
  return [laws.failure.sf(t), laws.failure.cdf(t)];
}
