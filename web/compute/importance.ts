/**
 * Birnbaum importance of each component of a model, from the library's compiled structure
 * function at the units' reliabilities at the mission time (non-repairable) or their steady
 * availabilities (repairable).
 */
import {
  compileStructure,
  distributionFromSpec,
  type Model,
  type StructureNode,
  type SystemNode,
} from '../../src/index.js';

/** Birnbaum importance per component type. */
export interface Importance {
  readonly components: readonly string[];
  /** ∂P(system works)/∂p of all the component's units together: the sum over its units. */
  readonly values: readonly number[];
  /** What the unit probabilities are: `R(t) at t = …` or `steady availability`. */
  readonly basis: string;
  readonly notes: readonly string[];
}

/**
 * Returns the Birnbaum importance I_B = ∂P(system works)/∂p_i of each component type (the sum
 * over its units), or undefined for a hand-written Markov chain.
 *
 * $$
 * I_B(i) = P(\Phi = 1 \mid x_i = 1) - P(\Phi = 1 \mid x_i = 0)
 * $$
 *
 * @remarks Units are taken as independent; coverage is ignored and standby blocks count as
 * parallel redundancy (a note says so), so the bars rank components rather than give exact
 * sensitivities for such models.
 */
export function componentImportance(model: Model, missionTime: number): Importance | undefined {
  if (!model.system) return undefined;
  const notes: string[] = [];
  const repairable = model.components.some((component) => component.repair !== undefined);
  const p = new Float64Array(model.units.length);
  const q = new Float64Array(model.units.length);
  model.units.forEach((unit, i) => {
    const component = model.components[unit.component]!;
    const life = distributionFromSpec(component.failure);
    if (repairable) {
      const down =
        (component.repair ? distributionFromSpec(component.repair).mean : Infinity) +
        (component.detection ? distributionFromSpec(component.detection).mean : 0);
      p[i] = Number.isFinite(down) ? life.mean / (life.mean + down) : 0;
      q[i] = Number.isFinite(down) ? down / (life.mean + down) : 1;
    } else {
      p[i] = life.sf(missionTime);
      q[i] = life.cdf(missionTime);
    }
  });
  if (model.components.some((component) => component.coverage < 1)) {
    notes.push('coverage is not included in the importance');
  }
  const node = toStructureNode(model.system, () => {
    if (!notes.includes('standby blocks are counted as parallel redundancy')) {
      notes.push('standby blocks are counted as parallel redundancy');
    }
  });
  const perUnit = compileStructure(node, model.units.length).birnbaum(p, q);
  const values = model.components.map(() => 0);
  model.units.forEach((unit, i) => (values[unit.component]! += perUnit[i]!));
  return {
    components: model.components.map((component) => component.name),
    values,
    basis: repairable ? 'steady availability' : `R(t) at t = ${missionTime}`,
    notes,
  };
}

/** Maps the model's system tree to a structure over units, standby blocks as parallel. */
function toStructureNode(node: SystemNode, onStandby: () => void): StructureNode {
  switch (node.kind) {
    case 'unit':
      return { kind: 'component', component: node.unit };
    case 'series':
    case 'parallel':
      return { kind: node.kind, children: node.children.map((c) => toStructureNode(c, onStandby)) };
    case 'koon':
      return {
        kind: 'koon',
        k: node.k,
        children: node.children.map((c) => toStructureNode(c, onStandby)),
      };
    case 'standby':
      if (node.mode !== 'hot' || node.switchSuccess !== 1 || node.switchDelay) onStandby();
      return {
        kind: 'parallel',
        children: node.units.map((unit) => ({ kind: 'component', component: unit })),
      };
    case 'network':
      return {
        kind: 'network',
        source: node.source,
        sink: node.sink,
        edges: node.edges.map((edge) => ({ from: edge.from, to: edge.to, component: edge.unit })),
      };
  }
}
