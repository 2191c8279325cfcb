import { analyze, type AnalyzeOptions } from '../analytic/solver/analyze.js';
import { UnsupportedModelError } from '../errors.js';
import type { Model } from '../model/Model.js';
import type { Result } from '../model/Result.js';
import { solveMarkov } from '../markov/measures/solveMarkov.js';
import type { ProgressCallback } from '../markov/linalg/solverProgress.js';

const SIMULATE = 'use relkit simulate';

/** Options of {@link solveExactly}: those of `analyze`, and the Markov engine's state limit. */
export interface ExactOptions extends AnalyzeOptions {
  /**
   * Most states the chain may have when the Markov engine is used (see
   * `maxStates` of {@link solveMarkov}).
   * @defaultValue 5 000 000
   */
  readonly maxStates?: number;
  /**
   * Most matrix–vector products of one transient solve when the Markov engine is used (see
   * `maxProducts` of {@link solveMarkov}).
   * @defaultValue 10 000 000
   */
  readonly maxProducts?: number;
  /** Receives the Markov engine's progress when it is used (see {@link solveMarkov}). */
  readonly onProgress?: ProgressCallback;
}

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
 * @remarks Used by `relkit analyze`, the explorer and the tests of models/, so all three agree.
 *
 * @example
 * ```ts
 * const crews = loadModel('name: x\ncomponents:\n  a: { count: 2, failure: { mtbf: 100 }, repair: { mttr: 5 } }\nsystem: { parallel: [a] }\nmaintenance: { crews: 1 }');
 * solveExactly(crews).method; // → markov
 * ```
 */
export function solveExactly(model: Model, options: ExactOptions = {}): Result {
  const { maxStates, maxProducts, onProgress, ...analyzeOptions } = options;
  try {
    return analyze(model, analyzeOptions);
  } catch (analytic) {
    if (!(analytic instanceof UnsupportedModelError)) throw analytic;
    let markov: Result;
    try {
      markov = solveMarkov(model, {
        ...analyzeOptions,
        ...(maxStates !== undefined && { maxStates }),
        ...(maxProducts !== undefined && { maxProducts }),
        ...(onProgress !== undefined && { onProgress }),
      });
    } catch (error) {
      if (!(error instanceof UnsupportedModelError)) throw error;
      // The Markov engine's own advice (raise --max-states, …) comes first when it has one.
      const advice =
        error.suggestion === SIMULATE ? SIMULATE : `${error.suggestion}, or ${SIMULATE}`;
      throw new UnsupportedModelError(
        'analytic',
        `${analytic.reason}; the Markov engine cannot solve it either (${error.reason})`,
        advice,
      );
    }
    return {
      ...markov,
      warnings: [
        `analytic: ${analytic.reason}; solved with the Markov engine instead`,
        ...markov.warnings,
      ],
    };
  }
}
