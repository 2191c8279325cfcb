import { analyze, type AnalyzeOptions } from '../analytic/solver/analyze.js';
import { ParameterError, UnsupportedModelError } from '../errors.js';
import type { Model } from '../model/Model.js';
import type { Result } from '../model/Result.js';
import { solveMarkov, type SolveMarkovOptions } from '../markov/measures/solveMarkov.js';
import type { ProgressCallback } from '../markov/linalg/solverProgress.js';

const SIMULATE = 'use relkit simulate';

/** An exact method: the closed forms (`analytic`), the Markov engine, or the first that applies. */
export type ExactMethod = 'analytic' | 'markov' | 'auto';

/** Options of {@link solveWith}: those of `analyze`, and the Markov engine's limits. */
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
 * Returns the exact measures of a model by the method asked for: `analytic` (the closed forms and
 * structure function, `analyze`), `markov` (`solveMarkov`), or `auto`, the cheapest that applies:
 * the closed forms when units are independent, else the Markov engine when every time is
 * exponential, with a warning naming why the closed forms did not apply.
 *
 * @param model - a loaded model
 * @param method - `analytic`, `markov` or `auto`
 * @param options - times, points and horizon, as for `analyze`; the node budget goes to
 * `analyze`, the state and product budgets and `onProgress` to the Markov engine
 * @returns the common result shape, `method` `analytic` or `markov`
 * @throws {@link UnsupportedModelError} when the method cannot solve the model; for `auto`, when
 * neither can, giving both reasons and naming `relkit simulate` (after the Markov engine's own
 * advice, such as raising `--max-states`, when it has one)
 * @throws {@link ParameterError} for an unknown method, and whatever the solver throws
 * otherwise (a {@link ConvergenceError}, a bad option)
 *
 * @remarks The one place an exact method is chosen: `solveExactly`, `relkit analyze`, `check`,
 * `sweep`, the explorer and the tests of models/ all come here, so they cannot disagree.
 *
 * @example
 * ```ts
 * const crews = loadModel('name: x\ncomponents:\n  a: { count: 2, failure: { mtbf: 100 }, repair: { mttr: 5 } }\nsystem: { parallel: [a] }\nmaintenance: { crews: 1 }');
 * solveWith(crews, 'auto').method; // → markov
 * solveWith(crews, 'markov').measures.steadyAvailability; // → ~0.995475
 * ```
 */
export function solveWith(model: Model, method: ExactMethod, options: ExactOptions = {}): Result {
  const { maxStates, maxProducts, onProgress, maxNodes, ...common } = options;
  const analyzeOptions: AnalyzeOptions = {
    ...common,
    ...(maxNodes !== undefined && { maxNodes }),
  };
  const markovOptions: SolveMarkovOptions = {
    ...common,
    ...(maxStates !== undefined && { maxStates }),
    ...(maxProducts !== undefined && { maxProducts }),
    ...(onProgress !== undefined && { onProgress }),
  };
  switch (method) {
    case 'analytic':
      return analyze(model, analyzeOptions);
    case 'markov':
      return solveMarkov(model, markovOptions);
    case 'auto':
      return solveAuto(model, analyzeOptions, markovOptions);
    default:
      throw new ParameterError('solveWith', 'method', 'be analytic, markov or auto', method);
  }
}

/** `auto`: the closed forms, else the Markov engine with a warning; both reasons when neither. */
function solveAuto(
  model: Model,
  analyzeOptions: AnalyzeOptions,
  markovOptions: SolveMarkovOptions,
): Result {
  try {
    return analyze(model, analyzeOptions);
  } catch (analytic) {
    if (!(analytic instanceof UnsupportedModelError)) throw analytic;
    // A fault tree without a block form has no chain: the analytic reason is the whole story.
    if (model.faultTree && !model.system) throw analytic;
    let markov: Result;
    try {
      markov = solveMarkov(model, markovOptions);
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
