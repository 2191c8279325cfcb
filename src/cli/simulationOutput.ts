import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Result } from '../model/Result.js';
import { measuresOf } from '../solve/compareResults.js';
import { formatResult } from './format.js';
import { EXIT, UsageError, writeTextAtomically } from './io.js';
import type { Output } from './io.js';
import { resultJson } from './json.js';
import type { Model } from '../model/Model.js';
import { systemsOutput } from './systems.js';

/** How a result is printed. */
export type OutputFormat = 'table' | 'json' | 'csv';

/** The CSV header of {@link resultToCsv}. */
export const CSV_HEADER = 'measure,t,value,lo,hi';

/** `--json` or `--csv` (not both), else the table. */
export function outputFormat(values: {
  readonly json?: boolean;
  readonly csv?: boolean;
}): OutputFormat {
  if (values.json && values.csv) throw new UsageError('--json and --csv exclude each other');
  return values.json ? 'json' : values.csv ? 'csv' : 'table';
}

/**
 * Formats a result as a table, JSON or CSV. CSV carries no warnings, so they go to stderr as
 * `relkit: note: …` lines.
 */
export function formatOutput(result: Result, format: OutputFormat, output: Output): string {
  if (format === 'json') return resultJson(result);
  if (format === 'table') return formatResult(result);
  for (const warning of result.warnings) output.stderr(`relkit: note: ${warning}\n`);
  return resultToCsv(result);
}

/**
 * Returns a result as one long CSV table `measure,t,value,lo,hi`: a scalar is one row with an
 * empty t; a curve is one row per time. lo and hi are the 95 % confidence limits, empty for an
 * exact value. Numbers are written in full (shortest round-trip form).
 *
 * @example
 * ```
 * measure,t,value,lo,hi
 * mttf,,1523.2,1490.1,1556.3
 * reliability,0,1,1,1
 * reliability,500,0.8412,0.8330,0.8494
 * ```
 */
export function resultToCsv(result: Result): string {
  const rows = [CSV_HEADER];
  for (const [name, value] of measuresOf(result)) {
    if (typeof value === 'number') rows.push(`${name},,${value},,`);
    else if ('mean' in value) rows.push(`${name},,${value.mean},${value.ci95[0]},${value.ci95[1]}`);
    else {
      value.t.forEach((t, i) => {
        const band = value.lo && value.hi ? `${value.lo[i]},${value.hi[i]}` : ',';
        rows.push(`${name},${t},${value.values[i]},${band}`);
      });
    }
  }
  return `${rows.join('\n')}\n`;
}

/**
 * Fails before any work when `path` cannot be written: its directory must exist, be a directory
 * and be writable, and the path itself must not be a directory.
 *
 * @throws {@link UsageError} (exit 1) saying which of these fails
 */
export function checkWritable(path: string): void {
  const directory = dirname(resolve(path));
  const fail = (reason: string): never => {
    throw new UsageError(`${path}: cannot write: ${reason}`, EXIT.failed);
  };
  let isDirectory = false;
  try {
    isDirectory = statSync(directory).isDirectory();
  } catch {
    fail(`directory ${directory} does not exist`);
  }
  if (!isDirectory) fail(`${directory} is not a directory`);
  try {
    accessSync(directory, constants.W_OK);
  } catch {
    fail(`directory ${directory} is not writable`);
  }
  try {
    if (statSync(path).isDirectory()) fail('is a directory');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // Absent: it will be created.
  }
}

/** Writes text (or its UTF-8 bytes) to `path` atomically, or to stdout when no path is given. */
export function writeOutput(
  text: string | Uint8Array,
  path: string | undefined,
  output: Output,
): void {
  if (path === undefined) output.stdout(text);
  else writeTextAtomically(path, text);
}

/**
 * Formats the results of the systems simulated ({@link systemsOutput}): one system's result as
 * {@link formatOutput} does; several as one document, and in CSV as rows
 * `system,measure,t,value,lo,hi` (their warnings on stderr, each naming its system). JSON comes
 * as its UTF-8 bytes.
 */
export function formatSystemsOutput(
  model: Model,
  solved: readonly { readonly name?: string; readonly result: Result }[],
  format: OutputFormat,
  output: Output,
): string | Uint8Array {
  const [first] = solved;
  if (format !== 'csv' || (solved.length === 1 && first?.name === undefined)) {
    return systemsOutput(model, solved, format === 'json', (result) =>
      formatOutput(result, format, output),
    );
  }
  const rows = [`system,${CSV_HEADER}`];
  for (const { name = '', result } of solved) {
    for (const warning of result.warnings) output.stderr(`relkit: note: ${name}: ${warning}\n`);
    const cell = /[",\n]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
    const [, ...lines] = resultToCsv(result).trimEnd().split('\n');
    rows.push(...lines.map((line) => `${cell},${line}`));
  }
  return `${rows.join('\n')}\n`;
}
