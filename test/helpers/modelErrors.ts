import { expect } from 'vitest';
import { ModelError } from '../../src/errors.js';
import { loadModel, type LoadModelOptions } from '../../src/model/loadModel.js';

/** Loads `text` and returns the formatted messages of the ModelError it must throw, one per issue. */
export function modelErrorsOf(text: string, options: LoadModelOptions): string[] {
  try {
    loadModel(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return (error as ModelError).message.split('\n');
  }
  return expect.fail('the model was accepted');
}
