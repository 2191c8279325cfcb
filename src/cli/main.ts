#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConvergenceError, ModelError, ParameterError, UnsupportedModelError } from '../errors.js';
import { ANALYZE_HELP, analyzeCommand } from './analyze.js';
import { EXIT, UsageError } from './io.js';
import { SCHEMA_HELP, schemaCommand } from './schema.js';
import { VALIDATE_HELP, validateCommand } from './validate.js';

/** Where a command writes; tests pass their own. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

type Command = (args: readonly string[], output: Output) => number;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  analyze: { run: analyzeCommand, help: ANALYZE_HELP },
  validate: { run: validateCommand, help: VALIDATE_HELP },
  schema: { run: schemaCommand, help: SCHEMA_HELP },
};

const HELP = `relkit: reliability and availability of fault-tolerant systems

Usage: relkit COMMAND MODEL [options]     (relkit COMMAND --help for its options)

Commands:
  analyze    exact measures from closed forms and the structure function
  validate   check a model file and report every problem with its location
  schema     print the JSON Schema of model files

Exit codes: 0 ok, 1 invalid model or file error, 2 needs another solver, 64 usage error.`;

/**
 * Runs one command line and returns the exit code. User mistakes become one-line messages on
 * stderr; only a defect in relkit itself shows a stack trace.
 */
export function run(argv: readonly string[], output: Output): number {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    output.stdout(`${HELP}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    output.stderr(`relkit: unknown command "${name}"\n\n${HELP}\n`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    output.stdout(`${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return command.run(args, output);
  } catch (error) {
    return report(error, output);
  }
}

function report(error: unknown, output: Output): number {
  if (error instanceof ModelError) {
    output.stderr(`${error.message}\n`);
    return EXIT.failed;
  }
  if (error instanceof UnsupportedModelError) {
    output.stderr(`relkit: ${error.message}\n`);
    return EXIT.unsupported;
  }
  if (error instanceof UsageError) {
    output.stderr(`relkit: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof ParameterError || error instanceof ConvergenceError) {
    output.stderr(`relkit: ${error.message}\n`);
    return EXIT.failed;
  }
  // node:util parseArgs reports unknown or malformed options with these codes.
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    output.stderr(`relkit: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  throw error;
}

const invokedDirectly =
  process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  process.exitCode = run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
