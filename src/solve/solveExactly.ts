import type { Model } from '../model/Model.js';
import type { Result } from '../model/Result.js';
import { solveWith, type ExactOptions } from './solveWith.js';

/**
 * Returns the exact measures of a model by the cheapest exact method that applies: the closed
 * forms and structure function (`analyze`) when units are independent, else the Markov engine
 * when every time is exponential, with a warning naming why the closed forms did not apply.
 *
 * @param model - a loaded model
 * @param options - times, points and horizon, as for `analyze`; maxStates for the Markov engine
 * @returns the common result shape, `method` `analytic` or `markov`
 * @throws {@link UnsupportedModelError} from `analytic` when neither applies, giving both
 * reasons and naming `relkit simulate`
 *
 * @remarks `solveWith(model, 'auto', options)` ({@link solveWith}), the one selection of an exact
 * method.
 *
 * @example
 * ```ts
 * const crews = loadModel('name: x\ncomponents:\n  a: { count: 2, failure: { mtbf: 100 }, repair: { mttr: 5 } }\nsystem: { parallel: [a] }\nmaintenance: { crews: 1 }');
 * solveExactly(crews).method; // → markov
 * ```
 */
export function solveExactly(model: Model, options: ExactOptions = {}): Result {
  return solveWith(model, 'auto', options);
}
