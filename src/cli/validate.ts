import { parseArgs } from 'node:util';
import { loadModelFile } from './loadModelFile.js';
import { EXIT, UsageError } from './io.js';
import type { Output } from './main.js';

export const VALIDATE_HELP = `relkit validate MODEL

Checks a model file: prints OK and exits 0, or prints every problem as
file:line:column: path message and exits 1.`;

/** `relkit validate MODEL`: OK, or every issue with its location (exit 1 via ModelError). */
export function validateCommand(args: readonly string[], output: Output): number {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  if (positionals.length !== 1)
    throw new UsageError(`validate takes one model file\n\n${VALIDATE_HELP}`);
  loadModelFile(positionals[0]!);
  output.stdout('OK\n');
  return EXIT.ok;
}
