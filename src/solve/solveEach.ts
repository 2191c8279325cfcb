import { ConvergenceError, UnsupportedModelError } from '../errors.js';
import type { Model } from '../model/Model.js';
import type { Result } from '../model/Result.js';
import { solveWith, type ExactOptions } from './solveWith.js';

/** One exact method's result, or why it does not apply. */
export interface ExactRun {
  /** `analytic`, `markov`, or where a result from elsewhere came from (`reference`). */
  readonly method: string;
  readonly result?: Result;
  /** Why the method could not solve the model (its error message). */
  readonly skipped?: string;
}

/** The exact methods, in the order {@link solveEach} runs them. */
const EACH: readonly ('analytic' | 'markov')[] = ['analytic', 'markov'];

/**
 * Solves a model with every exact method (the closed forms, then the Markov engine), each by
 * {@link solveWith}; a method that cannot (analytic: dependent units; markov: a non-exponential
 * time, too many states; a numerical method that did not converge) says why instead.
 *
 * @param model - a loaded model
 * @param options - as for {@link solveWith}, given to each method
 * @returns one run per method, `analytic` then `markov`, each with its result or the message of
 * the {@link UnsupportedModelError} or {@link ConvergenceError} that stopped it
 * @throws whatever else a solver throws (a bad option)
 *
 * @remarks Used by `relkit check` to compare the methods with each other and with a simulation.
 */
export function solveEach(model: Model, options: ExactOptions = {}): ExactRun[] {
  return EACH.map((method) => {
    try {
      return { method, result: solveWith(model, method, options) };
    } catch (error) {
      if (error instanceof UnsupportedModelError || error instanceof ConvergenceError) {
        return { method, skipped: error.message };
      }
      throw error;
    }
  });
}
