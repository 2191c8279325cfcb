import { componentFacts } from '../model/componentFacts.js';
import { whyNoBlockForm } from '../model/buildFaultTree.js';
import { UnsupportedModelError, withArticle } from '../errors.js';
import type { Model, SystemNode } from '../model/Model.js';

/** Failure laws with a largest life, for which a Kijima virtual age can leave the support. */
const BOUNDED_FAMILIES: ReadonlySet<string> = new Set(['deterministic', 'uniform']);

/**
 * Returns the model's structure when the simulator can run the model, and throws otherwise.
 *
 * @param model - a loaded model
 * @returns the model's `system` tree
 * @throws {@link UnsupportedModelError} when the model has no `system` (a hand-written Markov
 * chain: only the Markov engine solves it)
 * @throws {@link UnsupportedModelError} for a model with several system functions (`systems`):
 * `simulateSystems` runs them, or `systemView` picks one
 * @throws {@link UnsupportedModelError} for imperfect repair of a failure law bounded above
 * @throws {@link ParameterError} when a distribution of the model is invalid
 *
 * @remarks
 * Everything of docs/semantics.md is simulated: any distribution, finite crews with priority,
 * coverage with recovery, detection, standby of any mode with switch success and delay,
 * idle while down, networks and shared components, proof tests, preventive replacement, Kijima
 * imperfect repair, costs and spare pools (any lead-time law). Refused besides: imperfect repair (factor > 0) of a failure law
 * bounded above (deterministic, uniform). O(components).
 *
 * @example
 * ```ts
 * simulationSupport(loadModel('name: a\ncomponents: { x: { failure: { mtbf: 10 } } }\nsystem: x')).kind; // → unit
 * ```
 */
export function simulationSupport(model: Model): SystemNode {
  if (model.system === undefined && model.faultTree) {
    throw new UnsupportedModelError(
      'simulation',
      `the fault tree has no block form to simulate: ${whyNoBlockForm(model.faultTree)}`,
      'relkit analyze gives its top-event probability, cut sets and importance',
    );
  }
  if (model.system === undefined) {
    throw new UnsupportedModelError(
      'simulation',
      'the model is a hand-written Markov chain with no system structure to simulate',
      'use relkit markov',
    );
  }
  if (model.systems !== undefined) {
    throw new UnsupportedModelError(
      'simulation',
      `the model has several systems (${model.systems.map(({ name }) => name).join(', ')}), and this simulates one`,
      'simulateSystems(model) simulates them all in one run, simulate(systemView(model, name)) one of them',
    );
  }
  // Building the laws checks every one of them (a model built by hand skipped loadModel).
  const facts = componentFacts(model);
  model.components.forEach((component, c) => {
    const law = facts.components[c]!.failure;
    if ((component.imperfectRepair?.factor ?? 0) > 0 && BOUNDED_FAMILIES.has(law.family)) {
      throw new UnsupportedModelError(
        'simulation',
        `component ${component.name} has imperfect repair with factor ${component.imperfectRepair!.factor} and ${withArticle(law.family)} failure law: its virtual age can pass the law's largest life, where the life conditioned on survival to it has no law`,
        'use a failure law unbounded above (exponential, Weibull, lognormal, gamma, Erlang, normal), or imperfect_repair factor 0',
      );
    }
  });
  return model.system;
}
