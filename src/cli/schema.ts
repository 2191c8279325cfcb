import { parseCommandLine } from './commandLine.js';
import { schemaFileText } from '../model/schemaFile.js';
import { EXIT } from './io.js';
import type { Output } from './io.js';

export const SCHEMA_HELP = `relkit schema

Prints the JSON Schema of model files (the file models/schema.json), for editors that validate
and complete YAML and JSON.`;

/** `relkit schema`: prints the JSON Schema of model files. */
export function schemaCommand(args: readonly string[], output: Output): number {
  parseCommandLine({ args: [...args], options: {} });
  output.stdout(schemaFileText());
  return EXIT.ok;
}
