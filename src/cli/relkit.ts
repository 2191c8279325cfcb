/**
 * The command line: `relkit COMMAND …` dispatched to the commands of src/cli. The build bundles
 * this module and everything it imports into one script, dist/cli/relkit.cjs, which the `relkit`
 * command (src/cli/main.ts) runs through V8's code cache (docs/development.md, "The build").
 */
import { readFileSync } from 'node:fs';
import {
  ConvergenceError,
  ModelError,
  ParameterError,
  UnsupportedModelError,
  WorkBudgetError,
} from '../errors.js';
import { ANALYZE_HELP, analyzeCommand } from './analyze.js';
import { CHECK_HELP, checkCommand } from './check.js';
import { DURABILITY_HELP, durabilityCommand } from './durability.js';
import { EXPORT_HELP, exportCommand } from './export.js';
import { FIT_HELP, fitCommand } from './fit.js';
import {
  EXIT,
  EXIT_INTERRUPTED,
  OutputClosedError,
  UsageError,
  writeFully,
  type Output,
} from './io.js';
import { MARKOV_HELP, markovCommand } from './markov.js';
import { MERGE_HELP, mergeCommand } from './merge.js';
import { OPTIMIZE_HELP, optimizeCommand } from './optimize.js';
import { SCHEMA_HELP, schemaCommand } from './schema.js';
import { SIMULATE_HELP, simulateCommand } from './simulate.js';
import { interruptExitCode } from './simulationRunner.js';
import { SWEEP_HELP, sweepCommand } from './sweep.js';
import { VALIDATE_HELP, validateCommand } from './validate.js';

/** Returns the exit code; commands that run workers return it when they finish. */
type Command = (args: readonly string[], output: Output) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string; summary: string }> = {
  analyze: {
    run: analyzeCommand,
    help: ANALYZE_HELP,
    summary: 'exact measures from closed forms and the structure function',
  },
  markov: {
    run: markovCommand,
    help: MARKOV_HELP,
    summary: "exact measures from the model's Markov chain (exponential times)",
  },
  validate: {
    run: validateCommand,
    help: VALIDATE_HELP,
    summary: 'check a model file and report every problem with its location',
  },
  export: {
    run: exportCommand,
    help: EXPORT_HELP,
    summary: 'write a model as Open-PSA MEF XML (fault trees and block diagrams)',
  },
  schema: {
    run: schemaCommand,
    help: SCHEMA_HELP,
    summary: 'print the JSON Schema of model files',
  },
  simulate: {
    run: simulateCommand,
    help: SIMULATE_HELP,
    summary: 'discrete-event simulation on worker threads; --shard for a slice of it',
  },
  merge: {
    run: mergeCommand,
    help: MERGE_HELP,
    summary: 'merge simulate --shard outputs into one result',
  },
  check: {
    run: checkCommand,
    help: CHECK_HELP,
    summary: 'compare every applicable solver on one model (exit 1 on a difference)',
  },
  sweep: {
    run: sweepCommand,
    help: SWEEP_HELP,
    summary: 'a measure across a range of one parameter',
  },
  optimize: {
    run: optimizeCommand,
    help: OPTIMIZE_HELP,
    summary: 'the value of one parameter that makes a measure least or greatest',
  },
  durability: {
    run: durabilityCommand,
    help: DURABILITY_HELP,
    summary: 'MTTDL and loss probability of replicated or erasure-coded storage',
  },
  fit: {
    run: fitCommand,
    help: FIT_HELP,
    summary: 'fit lifetime distributions to censored field data (CSV), with bounds',
  },
};

/**
 * package.json from dist/cli, in a constant: the build's bundler would inline a literal
 * `new URL('…', import.meta.url)` as a data URL.
 */
const PACKAGE_JSON = '../../package.json';

/** The version of package.json (`relkit --version`), read once when asked. */
export function version(): string {
  const file = new URL(PACKAGE_JSON, import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** `relkit --help`: every command of {@link COMMANDS}, one line each, and the exit codes. */
export const HELP: string = `relkit: reliability and availability of fault-tolerant systems

Usage: relkit COMMAND MODEL [options]     (relkit COMMAND --help for its options)
       relkit --version

Commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`)
  .join('\n')}

Exit codes: 0 ok, 1 invalid model or file error (or standard output cannot be written), 2 needs
another solver, 3 check inconclusive, 64 usage error, 130 interrupted by Ctrl-C and 143 by
SIGTERM (the finished part of a simulation is written), 141 standard output closed by its
reader (nothing printed).`;

/**
 * Runs one command line and returns the exit code. User mistakes become one-line messages on
 * stderr; only a defect in relkit itself shows a stack trace.
 */
export function run(argv: readonly string[], output: Output): number | Promise<number> {
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      output.stdout(`${HELP}\n`);
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      output.stdout(`${version()}\n`);
      return EXIT.ok;
    }
  } catch (error) {
    return report(error, output);
  }
  const command = COMMANDS[name];
  if (!command) {
    output.stderr(`relkit: unknown command "${name}"\n\n${HELP}\n`);
    return EXIT.usage;
  }
  try {
    if (args.includes('--help') || args.includes('-h')) {
      output.stdout(`${command.help}\n`);
      return EXIT.ok;
    }
    const code = command.run(args, output);
    return typeof code === 'number'
      ? signalled(code)
      : code.then(signalled, (error: unknown) => report(error, output));
  } catch (error) {
    return report(error, output);
  }
}

/** A run stopped by a signal exits 128 + its number: 130 for Ctrl-C, 143 for SIGTERM. */
function signalled(code: number): number {
  return code === EXIT_INTERRUPTED ? interruptExitCode() : code;
}

function report(error: unknown, output: Output): number {
  // The reader of standard output is gone: nothing more to say, and no one to say it to.
  if (error instanceof OutputClosedError) return EXIT.closedPipe;
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
  if (error instanceof ParameterError || error instanceof WorkBudgetError) {
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

/**
 * Runs this process's command line (`relkit …`) and sets its exit code: what the `relkit`
 * command does once it has loaded the CLI.
 */
export function main(): void {
  // The progress line writes through process.stderr; a closed stderr must not crash the run.
  process.stderr.on('error', () => {});
  // Written synchronously to the descriptors, so a full disk or a closed pipe is known before
  // the exit code is (process.stdout lost short writes and threw EPIPE as an 'error' event).
  // stderr is best effort: with no one to read it, there is nothing better to do.
  const code = run(process.argv.slice(2), {
    stdout: (text) => writeFully(1, text),
    stderr: (text) => {
      try {
        writeFully(2, text, 'standard error');
      } catch {
        // Ignored: see above.
      }
    },
  });
  // A command that finished synchronously has written everything (synchronously): exit now,
  // without waiting for the background work V8 still has queued (optimising functions that will
  // not run again, collecting garbage), which cost SCRAM's Baobab1 about 0.05 CPU-s. A command
  // that runs workers ends when they do.
  if (typeof code === 'number') process.exit(code);
  else void code.then((value) => (process.exitCode = value));
}
