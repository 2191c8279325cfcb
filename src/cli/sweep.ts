import { parseCommandLine } from './commandLine.js';
import { UnsupportedModelError } from '../errors.js';
import { evaluateModel, parseModel } from '../model/loadModel.js';
import { refuseSeveralSystems } from './systems.js';
import type { Model } from '../model/Model.js';
import type { Curve, Result, Scalar } from '../model/Result.js';
import { finalizeSimulation } from '../sim/simulate.js';
import { simulationSupport } from '../sim/simulationSupport.js';
import { solveWith, type ExactOptions } from '../solve/solveWith.js';
import { sweepParameter } from '../solve/sweepParameter.js';
import { isCurve, measuresOf } from '../solve/compareResults.js';
import { formatEstimate, formatNumber, parseNumberOption } from './format.js';
import { EXIT, UsageError } from './io.js';
import {
  MODEL_LIMIT_FLAGS,
  MODEL_LIMITS_HELP,
  parseModelLimits,
  readModelText,
  dataBeside,
} from './loadModelFile.js';
import type { Output } from './io.js';
import { EXIT_INTERRUPTED } from './io.js';
import { parseSimulationFlags, SIMULATION_FLAGS } from './simulationFlags.js';
import { checkWritable, writeOutput } from './simulationOutput.js';
import { ONE_SYSTEM, runFixed, startRunner } from './simulationRunner.js';
import {
  checkWorkBudget,
  estimateEvents,
  parseMaxEvents,
  EXACT_BUDGET_FLAGS,
  EXACT_BUDGET_HELP,
  parseExactBudget,
  WORK_BUDGET_FLAGS,
  type EventEstimate,
} from './workBudget.js';

/** Points of a sweep when the range does not say. */
const DEFAULT_POINTS = 11;
/** Replications of a simulated point when --replications is not given, as in simulate. */
const DEFAULT_REPLICATIONS = 1000;
const MAX_POINTS = 10_000;
const METHODS = ['auto', 'analytic', 'markov', 'simulate'] as const;
type Method = (typeof METHODS)[number];

export const SWEEP_HELP: string = `relkit sweep MODEL --param NAME=FROM:TO[:log][:POINTS] [--measure M[,M...]]
             [--method auto|analytic|markov|simulate] [--csv] [--out FILE]
             [--replications N] [--seed S] [--workers W] [--horizon T] [--grid N]
             [--max-events N] [--max-states N] [--max-nodes N] [--max-products N]
             [--max-model-size N] [--max-expression-length N] [--max-units N]

Evaluates measures across a range of one parameter: the model is evaluated with NAME set to
each value (as if the file said so).

  --param NAME=FROM:TO[:log][:POINTS]  POINTS values from FROM to TO, evenly spaced or, with
                    "log", geometrically (FROM, TO > 0); default 11 points
  --measure M,...   measures to tabulate (default every scalar measure of the first point); a
                    curve at one time as NAME@t, such as reliability@1000
  --method M        auto (default: analytic, else markov, else simulate, per point, as the
                    analyze message suggests), analytic, markov or simulate
  --csv             CSV: NAME,method, then each measure (with _lo and _hi for simulation)
  --out FILE        write the output to FILE atomically
  --replications, --seed, --workers, --horizon, --grid   for simulation, as in relkit simulate
  --max-events N    refuse, before any simulation, a sweep whose simulated points are estimated
                    to process more events in all (default 1e11), as in relkit simulate
${EXACT_BUDGET_HELP}
${MODEL_LIMITS_HELP}

Exit 0 on success, 1 for an invalid model or value (an unknown parameter lists the model's) or
a sweep over --max-events, 2 when the method cannot solve the model, 64 for a usage error, 130
when interrupted.`;

/** A parsed `--param NAME=FROM:TO[:log][:POINTS]`. */
export interface SweepRange {
  readonly name: string;
  readonly values: readonly number[];
  readonly log: boolean;
}

/** One measure column: a scalar name, or a curve at one time. */
interface MeasureSpec {
  readonly label: string;
  readonly name: string;
  readonly t?: number;
}

/** One point's result and the method that gave it. */
interface SolvedPoint {
  readonly method: string;
  readonly result: Result;
}

interface SweepRow extends SolvedPoint {
  readonly value: number;
}

/** `relkit sweep`: a table or CSV of measures against one parameter. */
export async function sweepCommand(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args: [...args],
    allowPositionals: true,
    options: {
      ...SIMULATION_FLAGS,
      ...WORK_BUDGET_FLAGS,
      ...EXACT_BUDGET_FLAGS,
      ...MODEL_LIMIT_FLAGS,
      param: { type: 'string' },
      measure: { type: 'string' },
      method: { type: 'string', default: 'auto' },
      csv: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError(`sweep takes one model file\n\n${SWEEP_HELP}`);
  if (values.param === undefined) throw new UsageError(`sweep needs --param\n\n${SWEEP_HELP}`);
  if (!(METHODS as readonly string[]).includes(values.method)) {
    throw new UsageError(
      `--method must be one of ${METHODS.join(', ')}; got ${JSON.stringify(values.method)}`,
    );
  }
  const method = values.method as Method;
  const range = parseSweepRange(values.param);
  const specs = values.measure === undefined ? undefined : parseMeasures(values.measure);
  const flags = parseSimulationFlags(values);
  const maxEvents = parseMaxEvents(values['max-events']);
  const limits = parseModelLimits(values);
  if (values.out !== undefined) checkWritable(values.out);
  const file = positionals[0]!;
  // Parsed once; each point evaluates the template with its value.
  const template = parseModel(readModelText(file, limits), {
    file,
    limits,
    readData: dataBeside(file),
  });
  const base = evaluateModel(template);
  refuseSeveralSystems(base, 'sweep');
  if (!template.parameterNames.includes(range.name)) {
    const names = template.parameterNames;
    throw new UsageError(
      `--param: ${file} has no parameter ${JSON.stringify(range.name)}; ${names.length > 0 ? `its parameters are ${names.join(', ')}` : 'it has no parameters'}`,
      EXIT.failed,
    );
  }
  const times = specs?.flatMap((spec) => (spec.t === undefined ? [] : [spec.t]));
  const exactOptions: ExactOptions = {
    ...(times && times.length > 0 && { times }),
    ...(flags.options.horizon !== undefined && { horizon: flags.options.horizon }),
    ...parseExactBudget(values),
  };

  // Listening for Ctrl-C before the exact solutions too: without a listener a Ctrl-C during them
  // would end the process at once and lose the points already solved.
  const { runner, progress, stopListening } = startRunner(flags, output, 'sweep');
  const rows: SweepRow[] = [];
  try {
    // First every exact point, and the event estimate of every point the simulator must solve:
    // the work budget covers all the simulations before the first starts. A simulated point's
    // model is evaluated again (not parsed) when its turn comes rather than kept (10 000 points
    // of a large model).
    const replications = flags.replications ?? DEFAULT_REPLICATIONS;
    const estimates: EventEstimate[] = [];
    const exact = sweepParameter(template, range.name, range.values, (model) => {
      const solved = solveExact(model, method, exactOptions);
      if (!solved) {
        simulationSupport(model);
        estimates.push(estimateEvents(model, flags.options, replications));
      }
      return solved;
    });
    if (estimates.length > 0) checkWorkBudget('sweep', estimates, maxEvents);
    for (const [i, value] of range.values.entries()) {
      let solved = exact[i];
      if (!solved) {
        const model = evaluateModel(template, { [range.name]: value });
        const run = await runFixed(runner, ONE_SYSTEM, model, { ...flags, replications });
        if (!run.stats) break;
        solved = {
          method: 'simulation',
          result: finalizeSimulation(model, run.stats, flags.options),
        };
      }
      rows.push({ value, ...solved });
      if (runner.interrupted) break;
    }
  } finally {
    stopListening();
    progress.finish();
    await runner.close();
  }
  const columns = specs ?? scalarSpecs(rows[0]?.result);
  const table = values.csv
    ? sweepCsv(range, columns, rows)
    : sweepTable(base, range, columns, rows);
  writeOutput(table, values.out, output);
  if (runner.interrupted) {
    output.stderr(`relkit: interrupted after ${rows.length} of ${range.values.length} points\n`);
    return EXIT_INTERRUPTED;
  }
  return EXIT.ok;
}

/**
 * Parses `NAME=FROM:TO[:log][:POINTS]` into the values to visit: evenly spaced, or geometric with
 * `log`; the ends are exactly FROM and TO.
 */
export function parseSweepRange(text: string): SweepRange {
  const syntax = (): never => {
    throw new UsageError(
      `--param must be NAME=FROM:TO[:log][:POINTS]; got ${JSON.stringify(text)}`,
    );
  };
  const equals = text.indexOf('=');
  if (equals <= 0) syntax();
  const name = text.slice(0, equals).trim();
  const parts = text.slice(equals + 1).split(':');
  if (parts.length < 2 || parts.length > 4) syntax();
  const from = parseNumberOption('--param FROM', parts[0]!);
  const to = parseNumberOption('--param TO', parts[1]!);
  let log = false;
  let points = DEFAULT_POINTS;
  for (const part of parts.slice(2)) {
    if (part === 'log' && !log && points === DEFAULT_POINTS) log = true;
    else points = parseNumberOption('--param POINTS', part);
  }
  if (!(Number.isInteger(points) && points >= 1 && points <= MAX_POINTS)) {
    throw new UsageError(
      `--param POINTS must be an integer in [1, ${MAX_POINTS}]; got ${points}`,
      EXIT.failed,
    );
  }
  if (points === 1 && from !== to) {
    throw new UsageError(`--param with FROM != TO needs POINTS >= 2; got 1`, EXIT.failed);
  }
  if (log && !(from > 0 && to > 0)) {
    throw new UsageError(
      `--param with log needs FROM > 0 and TO > 0; got ${from}:${to}`,
      EXIT.failed,
    );
  }
  const values = Array.from({ length: points }, (_, i) => {
    if (i === 0) return from;
    if (i === points - 1) return to;
    const f = i / (points - 1);
    // 15 significant digits: 1e-4 + 0.5e-4 is 0.00015, not 0.00015000000000000001, and the
    // value printed is the value the model was evaluated with.
    return Number((log ? from * (to / from) ** f : from + (to - from) * f).toPrecision(15));
  });
  return { name, values, log };
}

function parseMeasures(text: string): MeasureSpec[] {
  return text.split(',').map((part) => {
    const [name, at] = part.trim().split('@');
    if (!name)
      throw new UsageError(
        `--measure must be NAME or NAME@t, comma-separated; got ${JSON.stringify(text)}`,
      );
    return at === undefined
      ? { label: name, name }
      : { label: `${name}@${at}`, name, t: parseNumberOption(`--measure ${name}@t`, at) };
  });
}

/**
 * Solves one point exactly by the method asked for ({@link solveWith}), or returns undefined when
 * the simulator must: `simulate`, or `auto` when neither exact method can solve the model.
 */
function solveExact(model: Model, method: Method, options: ExactOptions): SolvedPoint | undefined {
  if (method === 'simulate') return undefined;
  try {
    const result = solveWith(model, method, options);
    return { method: result.method, result };
  } catch (error) {
    if (method === 'auto' && error instanceof UnsupportedModelError) return undefined;
    throw error;
  }
}

function scalarSpecs(result: Result | undefined): MeasureSpec[] {
  if (!result) return [];
  return measuresOf(result)
    .filter(([, value]) => !isCurve(value))
    .map(([name]) => ({ label: name, name }));
}

/** The value and, for a simulated one, its 95 % interval; undefined when the result lacks it. */
function cell(
  result: Result,
  spec: MeasureSpec,
): { value: number; lo?: number; hi?: number } | undefined {
  const value = (result.measures as Record<string, Scalar | Curve | undefined>)[spec.name];
  if (value === undefined) return undefined;
  if (typeof value === 'number') return spec.t === undefined ? { value } : undefined;
  if ('mean' in value)
    return spec.t === undefined
      ? { value: value.mean, lo: value.ci95[0], hi: value.ci95[1] }
      : undefined;
  const i = spec.t === undefined ? value.t.length - 1 : value.t.findIndex((t) => t === spec.t);
  if (i < 0) return undefined;
  return {
    value: value.values[i]!,
    ...(value.lo && { lo: value.lo[i]! }),
    ...(value.hi && { hi: value.hi[i]! }),
  };
}

/** CSV: NAME,method, then per measure its value (and _lo, _hi when any row is simulated). */
export function sweepCsv(
  range: SweepRange,
  specs: readonly MeasureSpec[],
  rows: readonly SweepRow[],
): string {
  const banded = rows.some((row) => row.method === 'simulation');
  const header = [
    range.name,
    'method',
    ...specs.flatMap((s) => (banded ? [s.label, `${s.label}_lo`, `${s.label}_hi`] : [s.label])),
  ];
  const lines = [header.join(',')];
  for (const row of rows) {
    const cells = specs.flatMap((spec) => {
      const c = cell(row.result, spec);
      const value = c === undefined ? '' : String(c.value);
      return banded
        ? [value, c?.lo === undefined ? '' : String(c.lo), c?.hi === undefined ? '' : String(c.hi)]
        : [value];
    });
    lines.push([String(row.value), row.method, ...cells].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function sweepTable(
  model: Model,
  range: SweepRange,
  specs: readonly MeasureSpec[],
  rows: readonly SweepRow[],
): string {
  const spread = `${formatNumber(range.values[0]!)} to ${formatNumber(range.values[range.values.length - 1]!)}`;
  const lines = [
    `${model.name}: sweep of ${range.name} from ${spread} (${range.values.length} points${range.log ? ', log' : ''})`,
  ];
  // Columns as wide as their widest cell: a simulated cell is `mean (lo to hi)`.
  const table = [
    [range.name, 'method', ...specs.map((spec) => spec.label)],
    ...rows.map((row) => [
      formatNumber(row.value),
      row.method,
      ...specs.map((spec) => {
        const c = cell(row.result, spec);
        if (c === undefined) return '-';
        if (c.lo === undefined || c.hi === undefined) return formatNumber(c.value);
        const { mean, lo, hi } = formatEstimate(c.value, [c.lo, c.hi]);
        return `${mean} (${lo} to ${hi})`;
      }),
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((line) => line[i]!.length)));
  for (const line of table) {
    const cells = line.map((text, i) =>
      i === 1 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!),
    );
    lines.push(`  ${cells.join('  ')}`.trimEnd());
  }
  const warnings = [...new Set(rows.flatMap((row) => row.result.warnings))];
  if (warnings.length > 0) lines.push('', ...warnings.map((w) => `  note: ${w}`));
  return `${lines.join('\n')}\n`;
}
