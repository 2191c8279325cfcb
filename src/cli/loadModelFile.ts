import { loadModel, type LoadModelOptions } from '../model/loadModel.js';
import type { Model } from '../model/Model.js';
import { readText } from './io.js';

/** Reads and loads a model file; `ModelError` carries the file's name in every issue. */
export function loadModelFile(path: string, overrides?: LoadModelOptions['overrides']): Model {
  return loadModel(readText(path), { file: path, ...(overrides && { overrides }) });
}
