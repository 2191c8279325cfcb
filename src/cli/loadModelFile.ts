import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ModelError } from '../errors.js';
import { readGalileo } from '../formats/galileo.js';
import { readMef } from '../formats/mef/readMef.js';
import {
  evaluateModel,
  loadModel,
  parseModelSource,
  type LoadModelOptions,
} from '../model/loadModel.js';
import type { Model } from '../model/Model.js';
import { DEFAULT_MODEL_LIMITS, limitReached, type ModelLimits } from '../model/ModelLimits.js';
import { parseIntegerOption } from './format.js';
import { readText, UsageError } from './io.js';

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
  return loadModel(readModelText(path, options.limits), {
    ...options,
    file: path,
    readData: dataBeside(path),
  });
}

/**
 * Reads the data files a model names (`fit: data.csv`) beside the model file: a relative name
 * from the model's folder, an absolute one as it is.
 */
export function dataBeside(modelPath: string): (file: string) => string {
  return (file) => readText(resolve(dirname(modelPath), file));
}

/** A model read from one or more files, and what its reader noted (parts it skipped). */
export interface LoadedModel {
  readonly model: Model;
  readonly notes: readonly string[];
}

/** Options of {@link loadModelFiles}. */
export interface LoadModelFilesOptions extends Omit<LoadModelOptions, 'file'> {
  /** Mission time of an Open-PSA MEF or Galileo file (they do not carry one); default 8760. */
  readonly missionTime?: number;
}

/**
 * Reads a model from its files by their names: one relkit model (YAML or JSON); one or more
 * Open-PSA MEF files (`.xml`), read together as one model; or one Galileo file (`.dft`,
 * `.galileo`). Overrides apply as to a relkit model (house events too).
 *
 * @throws {@link UsageError} for a mix of kinds, several relkit files, or `missionTime` with a
 *   relkit model (it writes its own mission_time)
 * @throws {@link ModelError} with every issue located in the file it comes from
 */
export function loadModelFiles(
  paths: readonly string[],
  options: LoadModelFilesOptions = {},
): LoadedModel {
  const { missionTime, ...loadOptions } = options;
  const kinds = new Set(paths.map(fileKind));
  if (paths.length === 0) throw new UsageError('give a model file');
  if (kinds.size > 1) {
    throw new UsageError(
      `the files are of different kinds (${paths.join(', ')}); give one relkit model, MEF files (.xml), or one Galileo file`,
    );
  }
  const kind = fileKind(paths[0]!); // paths is not empty
  const reader = missionTime === undefined ? {} : { missionTime };
  if (kind === 'relkit' || kind === 'galileo') {
    if (paths.length > 1) {
      throw new UsageError(
        `give one ${kind === 'relkit' ? 'relkit model' : 'Galileo file'}; got ${paths.length} files`,
      );
    }
  }
  if (kind === 'relkit') {
    if (missionTime !== undefined) {
      throw new UsageError(
        '--mission-time is for MEF and Galileo files; a relkit model gives mission_time',
      );
    }
    return { model: loadModelFile(paths[0]!, loadOptions), notes: [] };
  }
  const files = paths.map((path) => ({
    name: path,
    text: readModelText(path, loadOptions.limits),
  }));
  const read =
    kind === 'mef'
      ? readMef(files, reader)
      : { source: readGalileo(files[0]!, reader), warnings: [] };
  const template = parseModelSource(
    read.source,
    loadOptions.limits ? { limits: loadOptions.limits } : {},
  );
  return { model: evaluateModel(template, loadOptions.overrides), notes: read.warnings };
}

function fileKind(path: string): 'relkit' | 'mef' | 'galileo' {
  if (/\.xml$/i.test(path)) return 'mef';
  if (/\.(dft|galileo)$/i.test(path)) return 'galileo';
  return 'relkit';
}
