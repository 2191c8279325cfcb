import { statSync } from 'node:fs';
import { ModelError } from '../errors.js';
import { loadModel, type LoadModelOptions } from '../model/loadModel.js';
import type { Model } from '../model/Model.js';
import { DEFAULT_MODEL_LIMITS, limitReached, type ModelLimits } from '../model/ModelLimits.js';
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
 * Reads a model file's text, refusing before reading a file too large to be within the
 * `maxModelSize` limit: UTF-8 takes at most 3 bytes per UTF-16 code unit, so a file of more than
 * 3 × maxModelSize bytes holds more than maxModelSize characters whatever it contains (a file
 * of several gigabytes is refused without being read; loadModel checks the exact count).
 */
export function readModelText(path: string, limits: ModelLimits = {}): string {
  const maxModelSize = limits.maxModelSize ?? DEFAULT_MODEL_LIMITS.maxModelSize;
  let bytes: number | undefined;
  try {
    bytes = statSync(path).size;
  } catch {
    // readText names the problem.
  }
  if (bytes !== undefined && bytes > 3 * maxModelSize) {
    const message = `is ${bytes} bytes, so more than ${maxModelSize} characters; ${limitReached('maxModelSize', maxModelSize)}`;
    // Reported as loadModel reports the text's length: a model issue of the file.
    throw new ModelError([{ file: path, path: '', message }]);
  }
  return readText(path);
}

/**
 * Reads and loads a model file; `ModelError` carries the file's name in every issue, and a limit
 * reached names the flag that raises it. A file named `.json` is held to JSON's syntax (loadModel
 * chooses the format from the name), any other is read as YAML.
 */
export function loadModelFile(path: string, options: Omit<LoadModelOptions, 'file'> = {}): Model {
  return loadModel(readModelText(path, options.limits), { ...options, file: path });
}
