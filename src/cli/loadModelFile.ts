import { loadModel, type LoadModelOptions } from '../model/loadModel.js';
import type { Model } from '../model/Model.js';
import type { ModelLimits } from '../model/ModelLimits.js';
import { parseIntegerOption } from './format.js';
import { readText } from './io.js';

/** The parseArgs options of the model limits, shared by every command that loads a model. */
export const MODEL_LIMIT_FLAGS = {
  'max-model-size': { type: 'string' },
  'max-expression-length': { type: 'string' },
  'max-units': { type: 'string' },
} as const;

/** The help lines of {@link MODEL_LIMIT_FLAGS}, the same in every command's help. */
export const MODEL_LIMITS_HELP = `  --max-model-size N         longest model file, in characters (default 5000000)
  --max-expression-length N  longest expression in the model, in characters (default 1000)
  --max-units N              most units in all, the sum of the counts (default 100000)`;

/**
 * Checks the model-limit flags: each an integer >= 1 (not a number: exit 64; out of range:
 * exit 1, as other numeric flags); those not given keep the library's defaults.
 */
export function parseModelLimits(values: {
  readonly 'max-model-size'?: string;
  readonly 'max-expression-length'?: string;
  readonly 'max-units'?: string;
}): ModelLimits {
  const limit = (flag: keyof typeof MODEL_LIMIT_FLAGS): number | undefined => {
    const text = values[flag];
    return text === undefined ? undefined : parseIntegerOption(`--${flag}`, text, 1);
  };
  const maxModelSize = limit('max-model-size');
  const maxExpressionLength = limit('max-expression-length');
  const maxUnits = limit('max-units');
  return {
    ...(maxModelSize !== undefined && { maxModelSize }),
    ...(maxExpressionLength !== undefined && { maxExpressionLength }),
    ...(maxUnits !== undefined && { maxUnits }),
  };
}

/**
 * Reads and loads a model file; `ModelError` carries the file's name in every issue, and a limit
 * reached names the flag that raises it.
 */
export function loadModelFile(path: string, options: Omit<LoadModelOptions, 'file'> = {}): Model {
  return loadModel(readText(path), { ...options, file: path });
}
