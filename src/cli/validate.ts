import { parseCommandLine } from './commandLine.js';
import {
  loadModelFile,
  MODEL_LIMIT_FLAGS,
  MODEL_LIMITS_HELP,
  parseModelLimits,
} from './loadModelFile.js';
import { EXIT, UsageError } from './io.js';
import type { Output } from './io.js';

export const VALIDATE_HELP: string = `relkit validate MODEL [--max-model-size N] [--max-expression-length N] [--max-units N]

Checks a model file: prints OK and exits 0, or prints every problem as
file:line:column: path message and exits 1.

${MODEL_LIMITS_HELP}`;

/** `relkit validate MODEL`: OK, or every issue with its location (exit 1 via ModelError). */
export function validateCommand(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandLine({
    args: [...args],
    allowPositionals: true,
    options: MODEL_LIMIT_FLAGS,
  });
  if (positionals.length !== 1)
    throw new UsageError(`validate takes one model file\n\n${VALIDATE_HELP}`);
  loadModelFile(positionals[0]!, { limits: parseModelLimits(values) });
  output.stdout('OK\n');
  return EXIT.ok;
}
