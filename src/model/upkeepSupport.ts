import { UnsupportedModelError } from '../errors.js';
import type { ComponentModel } from './Model.js';

/** A maintenance feature of a component that a solver may or may not model. */
export type UpkeepFeature = 'inspection' | 'preventive' | 'imperfectRepair';

const WHAT: Readonly<Record<UpkeepFeature, string>> = {
  inspection: 'proof tests (inspection): its failures stay hidden until a test finds them',
  preventive: 'preventive replacement',
  imperfectRepair: 'imperfect repair (Kijima virtual age)',
};

/**
 * Throws when a component has a maintenance feature (proof tests, preventive replacement,
 * imperfect repair) that the solver does not model, so that no solver answers for a model it
 * has not understood.
 *
 * @param model - the components of a loaded model
 * @param solver - the solver's name, for the message
 * @param supported - the features the solver models
 * @param suggestion - what can solve such a model instead
 * @throws {@link UnsupportedModelError} naming the first component and feature not supported
 */
export function refuseUnsupportedUpkeep(
  model: { readonly components: readonly ComponentModel[] },
  solver: string,
  supported: readonly UpkeepFeature[],
  suggestion: string,
): void {
  for (const component of model.components) {
    for (const feature of Object.keys(WHAT) as UpkeepFeature[]) {
      if (component[feature] === undefined || supported.includes(feature)) continue;
      throw new UnsupportedModelError(
        solver,
        `component ${component.name} has ${WHAT[feature]}, which this solver does not model`,
        suggestion,
      );
    }
  }
}
