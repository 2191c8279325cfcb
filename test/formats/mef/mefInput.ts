/** Helpers of the MEF reader's tests: small inputs written inline, and their errors. */
import { expect } from 'vitest';
import { ModelError } from '../../../src/errors.js';
import {
  readMef,
  type ReadMefOptions,
  type ReadMefResult,
} from '../../../src/formats/mef/readMef.js';

/** A MEF file whose `<opsa-mef>` holds `body`. */
export function opsa(body: string): string {
  return `<?xml version="1.0"?>\n<opsa-mef>\n${body}\n</opsa-mef>\n`;
}

/** A fault tree named `name` holding `body`, in a file of its own. */
export function tree(body: string, name = 'FT'): string {
  return opsa(`<define-fault-tree name="${name}">\n${body}\n</define-fault-tree>`);
}

/** `<define-basic-event name>` with a float probability. */
export function basic(name: string, probability = 0.01): string {
  return `<define-basic-event name="${name}"><float value="${probability}"/></define-basic-event>`;
}

/** Reads one file named `model.xml`. */
export function read(text: string, options?: ReadMefOptions): ReadMefResult {
  return readMef([{ name: 'model.xml', text }], options);
}

/** The document read from one file, as a plain record. */
export function documentOf(text: string, options?: ReadMefOptions): Record<string, unknown> {
  return read(text, options).source.data as Record<string, unknown>;
}

/** The formatted issues of the ModelError that reading must throw, one per line. */
export function errorsOf(files: string | readonly { name: string; text: string }[]): string[] {
  const list = typeof files === 'string' ? [{ name: 'model.xml', text: files }] : files;
  try {
    readMef(list);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return (error as ModelError).message.split('\n');
  }
  return expect.fail('the MEF input was accepted');
}
