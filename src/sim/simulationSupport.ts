import { componentFacts } from '../model/componentFacts.js';
import { whyNoBlockForm } from '../model/buildFaultTree.js';
import { UnsupportedModelError } from '../errors.js';
import { refuseUnsupportedUpkeep } from '../model/upkeepSupport.js';
import type { Model, SystemNode } from '../model/Model.js';

/**
 * Returns the model's structure when the simulator can run the model, and throws otherwise.
 *
 * @param model - a loaded model
 * @returns the model's `system` tree
 * @throws {@link UnsupportedModelError} when the model has no `system` (a hand-written Markov
 * chain: only the Markov engine solves it)
 * @throws {@link ParameterError} when a distribution of the model is invalid
 *
 * @remarks
 * Everything of docs/semantics.md is simulated: any distribution, finite crews with priority,
 * coverage with recovery, detection, standby of any mode with switch success and delay,
 * idle while down, networks and shared components. O(components).
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
  refuseUnsupportedUpkeep(model, 'simulation', [], 'no solver of this version models it');
  // Building the laws checks every one of them (a model built by hand skipped loadModel).
  componentFacts(model);
  return model.system;
}
