#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConvergenceError, ModelError, ParameterError, UnsupportedModelError } from '../errors.js';
import { ANALYZE_HELP, analyzeCommand } from './analyze.js';
import { CHECK_HELP, checkCommand } from './check.js';
import { EXIT, UsageError } from './io.js';
import { MARKOV_HELP, markovCommand } from './markov.js';
import { MERGE_HELP, mergeCommand } from './merge.js';
import { SCHEMA_HELP, schemaCommand } from './schema.js';
import { SIMULATE_HELP, simulateCommand } from './simulate.js';
import { SWEEP_HELP, sweepCommand } from './sweep.js';
import { VALIDATE_HELP, validateCommand } from './validate.js';

/** Where a command writes; tests pass their own. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Returns the exit code; commands that run workers return it when they finish. */
type Command = (args: readonly string[], output: Output) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  analyze: { run: analyzeCommand, help: ANALYZE_HELP },
  markov: { run: markovCommand, help: MARKOV_HELP },
  validate: { run: validateCommand, help: VALIDATE_HELP },
  schema: { run: schemaCommand, help: SCHEMA_HELP },
  simulate: { run: simulateCommand, help: SIMULATE_HELP },
  merge: { run: mergeCommand, help: MERGE_HELP },
  check: { run: checkCommand, help: CHECK_HELP },
  sweep: { run: sweepCommand, help: SWEEP_HELP },
};

const HELP = `relkit: reliability and availability of fault-tolerant systems

Usage: relkit COMMAND MODEL [options]     (relkit COMMAND --help for its options)

Commands:
  analyze    exact measures from closed forms and the structure function
  markov     exact measures from the model's Markov chain (exponential times)
  validate   check a model file and report every problem with its location
  schema     print the JSON Schema of model files
  simulate   discrete-event simulation on worker threads; --shard for a slice of it
  merge      merge simulate --shard outputs into one result
  check      compare every applicable solver on one model (exit 1 on a difference)
  sweep      a measure across a range of one parameter

Exit codes: 0 ok, 1 invalid model or file error, 2 needs another solver, 64 usage error,
130 interrupted (Ctrl-C; the finished part of a simulation is written).`;

/**
 * Runs one command line and returns the exit code. User mistakes become one-line messages on
 * stderr; only a defect in relkit itself shows a stack trace.
 */
export function run(argv: readonly string[], output: Output): number | Promise<number> {
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
    const code = command.run(args, output);
    return typeof code === 'number' ? code : code.catch((error: unknown) => report(error, output));
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
  if (error instanceof ConvergenceError) {
    // A valid model the numerical method could not solve: "cannot solve", not "invalid".
    output.stderr(`relkit: ${error.message}; relkit simulate can estimate the measures\n`);
    return EXIT.unsupported;
  }
  if (error instanceof ParameterError) {
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
  const code = run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  if (typeof code === 'number') process.exitCode = code;
  else void code.then((value) => (process.exitCode = value));
}
