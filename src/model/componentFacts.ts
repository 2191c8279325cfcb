import { distributionFromSpec, specKey, type DistributionSpec } from '../distributions/registry.js';
import type { Distribution } from '../distributions/types.js';
import type { Model, SystemNode } from './Model.js';

/** The laws of one component type, built from the specs of its model entry. */
export interface ComponentLaws {
  /** Time to failure of one unit while it operates. */
  readonly failure: Distribution;
  /** Time to repair one failed unit; absent for a non-repairable component. */
  readonly repair?: Distribution;
  /** Time from a failure until it is detected; absent: detected at once. */
  readonly detection?: Distribution;
  /** Time the system stays down after an uncovered failure; absent: until repaired. */
  readonly recovery?: Distribution;
}

/** The laws of a model's components, its standby blocks' switch-over delays and its pools' lead times. */
export interface ComponentFacts {
  /** One entry per component type, in model order. */
  readonly components: readonly ComponentLaws[];
  /** The switch-over delay of each standby node that has one, keyed by the node itself. */
  readonly switchDelays: ReadonlyMap<SystemNode, Distribution>;
  /** The restocking lead time of each spare pool, in `maintenance.spares` order. */
  readonly leadTimes: readonly Distribution[];
}

const factsOf = new WeakMap<Model, ComponentFacts>();

/**
 * Returns the distributions of a model's components and switch-over delays, built once per
 * model and shared by every solver that reads them.
 *
 * @param model - a loaded model (immutable, so the facts stay true)
 * @returns the laws, in model order
 *
 * @remarks A model's specs were checked when it was loaded, so building the laws cannot fail.
 * Equal specs share one (immutable) law, built once. O(components + structure nodes) the first
 * time, O(1) after.
 *
 * @example
 * ```ts
 * const model = loadModel('name: x\ncomponents:\n  cpu: { failure: { rate: 0.001 }, repair: { mttr: 4 } }\nsystem: cpu');
 * componentFacts(model).components[0].repair.mean; // → 4
 * ```
 */
export function componentFacts(model: Model): ComponentFacts {
  let facts = factsOf.get(model);
  if (facts !== undefined) return facts;
  const built = new Map<string, Distribution>();
  const lawOf = (spec: DistributionSpec): Distribution => {
    const key = specKey(spec);
    let law = built.get(key);
    if (law === undefined) {
      law = distributionFromSpec(spec);
      built.set(key, law);
    }
    return law;
  };
  const components = model.components.map((component): ComponentLaws => ({
    failure: lawOf(component.failure),
    ...(component.repair && { repair: lawOf(component.repair) }),
    ...(component.detection && { detection: lawOf(component.detection) }),
    ...(component.recovery && { recovery: lawOf(component.recovery) }),
  }));
  const switchDelays = new Map<SystemNode, Distribution>();
  const nodes: SystemNode[] = model.system ? [model.system] : [];
  for (let node = nodes.pop(); node !== undefined; node = nodes.pop()) {
    if (node.kind === 'standby' && node.switchDelay) {
      switchDelays.set(node, distributionFromSpec(node.switchDelay));
    } else if ('children' in node) nodes.push(...node.children);
  }
  const leadTimes = (model.maintenance.spares ?? []).map((pool) =>
    distributionFromSpec(pool.leadTime),
  );
  facts = { components, switchDelays, leadTimes };
  factsOf.set(model, facts);
  return facts;
}

/**
 * Returns the rate λ of an exponential law as the model gave it, or undefined for any other
 * family.
 *
 * $$
 * \lambda = \texttt{rate} \text{ when given, else } 1/\texttt{mean}
 * $$
 *
 * @remarks Reading the rate, rather than 1/mean, keeps a rate written in the file exactly:
 * 1/(1/λ) differs from λ in the last bit for about one double in seven.
 *
 * @example
 * ```ts
 * exponentialRate(distributionFromSpec({ dist: 'exponential', rate: 0.3 })); // → 0.3
 * exponentialRate(distributionFromSpec({ dist: 'weibull', shape: 2, scale: 1 })); // → undefined
 * ```
 */
export function exponentialRate(law: Distribution): number | undefined {
  return law.family === 'exponential' ? law.parameters.rate : undefined;
}

/**
 * Returns the laws of the component that unit `unit` belongs to.
 *
 * @throws Error (internal) when the model has no such unit
 */
export function unitLaws(model: Model, unit: number): ComponentLaws {
  const owner = model.units[unit];
  const laws = owner && componentFacts(model).components[owner.component];
  if (laws === undefined) throw new Error(`internal: unit ${unit} has no component`);
  return laws;
}

/**
 * Returns the rate of a law as the formulas that need one take it: the exponential's rate as
 * the model gave it, else 1/mean (a time scale).
 *
 * $$
 * r = \lambda \text{ (exponential)}, \qquad r = 1/E[T] \text{ otherwise}
 * $$
 *
 * @example
 * ```ts
 * rateOf(distributionFromSpec({ dist: 'exponential', rate: 0.9 })); // → 0.9
 * rateOf(distributionFromSpec({ dist: 'deterministic', value: 4 })); // → 0.25
 * ```
 */
export function rateOf(law: Distribution): number {
  return exponentialRate(law) ?? 1 / law.mean;
}
