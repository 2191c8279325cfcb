import { parseCommandLine } from './commandLine.js';
import type { Model } from '../model/Model.js';
import type { Curve, Result, Scalar } from '../model/Result.js';
import { finalizeSimulation, simulationViews } from '../sim/simulate.js';
import { simulationSupport } from '../sim/simulationSupport.js';
import { SIMULATED_MEASURES, type SimulatedMeasure } from '../sim/types.js';
import {
  fittedModelDraws,
  summarizeDraws,
  type ParameterUncertainty,
} from '../solve/uncertainty.js';
import { formatNumber } from './format.js';
import { EXIT, EXIT_INTERRUPTED, UsageError, type Output } from './io.js';
import {
  loadModelFile,
  MODEL_LIMIT_FLAGS,
  MODEL_LIMITS_HELP,
  parseModelLimits,
} from './loadModelFile.js';
import { RARE_EVENT_FLAGS, RARE_EVENT_HELP, rareEventCommand } from './rareEvent.js';
import {
  parseShard,
  parseSimulationFlags,
  shardRange,
  SIMULATION_FLAGS,
  type SimulationFlags,
} from './simulationFlags.js';
import {
  checkWritable,
  formatOutput,
  formatSystemsOutput,
  outputFormat,
  writeOutput,
  type OutputFormat,
} from './simulationOutput.js';
import type { Progress } from './progress.js';
import { SYSTEM_FLAG, oneSystemToSolve } from './systems.js';
import { formatUncertainty, parseUncertainty } from './uncertaintyOutput.js';
import {
  EVERY_SYSTEM,
  ONE_SYSTEM,
  runFixed,
  startRunner,
  type NamedResult,
  type RunKind,
  type SimulationRun,
  type SimulationRunner,
} from './simulationRunner.js';
import {
  checkWorkBudget,
  estimateEvents,
  parseMaxEvents,
  WORK_BUDGET_FLAGS,
} from './workBudget.js';

/** Replications of the first batch when running to a precision; later batches are sized from it. */
const FIRST_BATCH = 1000;
/** Cap on replications with --precision when --replications is not given. */
const PRECISION_CAP = 1_000_000;
export const SIMULATE_HELP: string = `relkit simulate MODEL [--replications N | --precision E[%]] [--measure M]
                [--measures M,...] [--mttf-cap C] [--horizon T] [--seed S] [--workers W]
                [--grid N] [--json | --csv] [--out FILE] [--shard i/n] [--system NAME] [--max-events N]
                [--uncertainty N]
                [--max-model-size N]
                [--max-expression-length N] [--max-units N]
       relkit simulate MODEL --rare-event [--replications N | --precision E%] [--seed S] [--bias P]
                [--json | --csv] [--out FILE] [--max-events N]

Discrete-event simulation of any model, replications spread over worker threads. The result is
bit-identical for any --workers and any sharding.

  --replications N  replications to run (default 1000); with --precision the most to run (default 1e6)
  --precision E     run until the 95% CI half-width of --measure is <= E; "E%" is relative to the mean
  --measure M       the measure for --precision (default steadyAvailability if repairable, else mttf)
  --measures M,...  the measures to estimate (default all): reliability, availability,
                    intervalAvailability, mttf, steadyAvailability, steadyUnavailability,
                    failureFrequency, mtbf, mut, mdt, nines; only mttf may run a replication past
                    the horizon (to its first failure when the model is not regenerative)
  --mttf-cap C      a replication running on past the horizon stops at C x horizon (default 1000)
  --horizon T       simulated time per replication (default mission_time, else 10 x the model's
                    slowest time scale: its largest mean life, repair, detection, recovery or
                    switch-over time)
  --seed S          replication i uses the random stream of (S, i) (default 1)
  --workers W       worker threads (default: every core)
  --grid N          times on [0, horizon] for R(t) and A(t), N in [2, 100000] (default 21)
  --json | --csv    the result as JSON, or as CSV rows measure,t,value,lo,hi
  --out FILE        write the output to FILE atomically (checked before the run starts)
  --shard i/n       run only slice i (0-based) of n equal slices of the replications and write
                    its mergeable statistics as JSON, for relkit merge
  --progress        draw the progress line on stderr even when it is not a terminal
  --system NAME     the system function to simulate, for a model with several (systems:, quorum:);
                    default every one, from one event stream per replication (a section per
                    system; each equals --system NAME with the same --horizon and --seed)
  --uncertainty N   for a model with laws fitted from data (fit: FILE): after the run at the
                    estimates, draw N parameter vectors (N in [40, 1e6]; 100 to 1000) from the
                    fits' Fisher-matrix normal law and simulate each with --replications
                    replications (nested: N + 1 runs in all); gives each measure's percentile
                    95 % interval over the draws and the mean inner 95 % half-width, the
                    simulation noise in that spread, with a warning when it is not small
                    (docs/fitting.md). Not with --precision, --shard or --csv
  --max-events N    refuse a run estimated to process more events (default 1e11); the estimate is
                    replications x the units' failure (and repair) rates x the replication's
                    length: the horizon, or, when the MTTF is asked of a model that is not
                    regenerative, up to --mttf-cap x it (the run goes on to the first failure)
${RARE_EVENT_HELP}
${MODEL_LIMITS_HELP}

Ctrl-C or SIGTERM stops handing out work, writes the result of the finished replications with
a warning and exits 130 (143 after SIGTERM); a second signal also stops the running chunks. A chunk whose worker thread dies
is re-run once on a fresh worker. Exit 0 on success, 1 for an invalid model, file or option
value, a run over --max-events, or a worker that died twice or failed (nothing is written), 2
when the simulator cannot run the model, 64 for a usage error.`;

/** `relkit simulate`: a simulation result, or one shard's statistics. */
export async function simulateCommand(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args: [...args],
    allowPositionals: true,
    options: {
      ...SIMULATION_FLAGS,
      ...WORK_BUDGET_FLAGS,
      ...MODEL_LIMIT_FLAGS,
      precision: { type: 'string' },
      measure: { type: 'string' },
      shard: { type: 'string' },
      json: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
      out: { type: 'string' },
      ...SYSTEM_FLAG,
      ...RARE_EVENT_FLAGS,
      uncertainty: { type: 'string' },
    },
  });
  if (positionals.length !== 1)
    throw new UsageError(`simulate takes one model file\n\n${SIMULATE_HELP}`);
  if (values['rare-event']) {
    const goal = values.precision === undefined ? undefined : parsePrecision(values.precision);
    return rareEventCommand(values, positionals[0]!, output, goal);
  }
  if (values.bias !== undefined) throw new UsageError('--bias is an option of --rare-event');
  if (values.uncertainty !== undefined) {
    for (const flag of ['precision', 'shard', 'csv'] as const) {
      if (values[flag] !== undefined && values[flag] !== false)
        throw new UsageError(
          `--uncertainty runs a fixed number of replications per draw: drop --${flag}`,
        );
    }
  }
  const flags = parseSimulationFlags(values);
  const maxEvents = parseMaxEvents(values['max-events']);
  const limits = parseModelLimits(values);
  const format = outputFormat(values);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard && (values.precision !== undefined || format !== 'table')) {
    throw new UsageError(
      '--shard writes mergeable statistics as JSON: drop --precision, --json, --csv',
    );
  }
  const precision = values.precision === undefined ? undefined : parsePrecision(values.precision);
  if (values.measure !== undefined) {
    if (!precision)
      throw new UsageError('--measure sets the measure of --precision; give --precision');
    if (!(SIMULATED_MEASURES as readonly string[]).includes(values.measure)) {
      throw new UsageError(
        `--measure must be one of ${SIMULATED_MEASURES.join(', ')}; got ${JSON.stringify(values.measure)}`,
        EXIT.failed,
      );
    }
  }
  if (values.out !== undefined) checkWritable(values.out);
  const loaded = loadModelFile(positionals[0]!, { limits });
  // A model with several systems: all of them from one event stream, unless --system picks one.
  const joint = loaded.systems !== undefined && values.system === undefined;
  const model = joint ? loaded : oneSystemToSolve(loaded, values.system, 'simulate');
  if (joint && values.uncertainty !== undefined) {
    throw new UsageError(
      `--uncertainty simulates one system at a time; this model has several (${loaded.systems!.map(({ name }) => name).join(', ')}): choose one with --system NAME`,
    );
  }
  simulationViews(model).forEach(simulationSupport);
  const draws =
    values.uncertainty === undefined ? undefined : parseUncertainty(values.uncertainty, model);
  const precisionMeasure = values.measure ?? defaultMeasure(model);
  const asked = flags.options.measures;
  if (precision && asked && !asked.includes(precisionMeasure as SimulatedMeasure)) {
    throw new UsageError(
      `--precision needs its measure (${precisionMeasure}) among --measures (${asked.join(', ')})`,
      EXIT.failed,
    );
  }
  const budgeted = shard
    ? shardRange(shard.index, shard.count, flags.replications ?? 1000)[1]
    : precision
      ? (flags.replications ?? PRECISION_CAP)
      : (flags.replications ?? 1000);
  // With --uncertainty every draw runs as many replications again (its laws differ a little).
  const runs = (draws ?? 0) + 1;
  checkWorkBudget('simulate', [estimateEvents(model, flags.options, runs * budgeted)], maxEvents);

  const { runner, progress, stopListening } = startRunner(flags, output);
  let outcome: CommandOutcome | undefined;
  try {
    const run: SimulateRun = {
      runner,
      progress,
      model,
      flags,
      format,
      output,
      ...(shard && { shard }),
      ...(precision && { precision: { ...precision, measure: precisionMeasure } }),
      ...(draws !== undefined && { draws }),
    };
    outcome = joint ? await simulateWith(EVERY_SYSTEM, run) : await simulateWith(ONE_SYSTEM, run);
  } finally {
    stopListening();
    progress.finish();
    await runner.close();
  }
  if (outcome === undefined) return nothingFinished(output);
  writeOutput(outcome.text, values.out, output);
  if (!runner.interrupted) return EXIT.ok;
  output.stderr(`relkit: ${interruptedWarning(outcome.done, outcome.planned)}\n`);
  return EXIT_INTERRUPTED;
}

/** What `relkit simulate` runs, once its flags are read. */
interface SimulateRun {
  readonly runner: SimulationRunner;
  readonly progress: Progress;
  readonly model: Model;
  readonly flags: SimulationFlags;
  readonly format: OutputFormat;
  readonly output: Output;
  readonly shard?: { readonly index: number; readonly count: number };
  readonly precision?: Precision & { readonly measure: string };
  readonly draws?: number;
}

/** The text a run writes (JSON as its UTF-8 bytes), and its replications finished and planned. */
interface CommandOutcome {
  readonly text: string | Uint8Array;
  readonly done: number;
  readonly planned: number;
}

/**
 * Runs the simulation of one system or of every system ({@link RunKind}): one shard's
 * statistics, or the result of a fixed number of replications or of a precision goal (with the
 * parameter uncertainty of one system). Undefined when interrupted before any replication ended.
 */
async function simulateWith<S extends object>(
  kind: RunKind<S>,
  run: SimulateRun,
): Promise<CommandOutcome | undefined> {
  const { runner, progress, model, flags, shard, precision, draws, format, output } = run;
  if (shard) {
    const replications = flags.replications ?? 1000;
    const [first, count] = shardRange(shard.index, shard.count, replications);
    const outcome = await kind.run(runner, model, flags.options, first, count);
    progress.finish();
    if (!outcome.stats) return undefined;
    const file = { ...outcome.stats, model, shard: { ...shard, replications } };
    return { text: `${JSON.stringify(file)}\n`, done: outcome.done, planned: count };
  }
  const started = performance.now();
  const ran = precision
    ? await runToPrecision(runner, kind, model, flags, precision)
    : await runFixed(runner, kind, model, flags);
  progress.finish();
  if (!ran.stats) return undefined;
  const wallSeconds = (performance.now() - started) / 1000;
  const results = kind.results(model, ran.stats, flags.options, wallSeconds);
  const [done, planned] = [kind.replications(ran.stats), ran.planned];
  const point = results[0]!.result; // one system at least
  const uncertainty =
    draws === undefined || runner.interrupted
      ? undefined
      : await simulateDraws(runner, model, point, flags, draws);
  const notes = [...ran.warnings];
  if (draws !== undefined && runner.interrupted)
    notes.push('interrupted: the parameter uncertainty (--uncertainty) is left out');
  if (runner.interrupted) notes.push(interruptedWarning(done, planned));
  if (ran.capped) output.stderr(`relkit: warning: ${ran.warnings[0]}\n`);
  const solved = results.map(({ name, result }) => ({
    ...(name !== undefined && { name }),
    result: { ...result, warnings: [...result.warnings, ...notes] },
  }));
  if (uncertainty === undefined) {
    return { text: formatSystemsOutput(model, solved, format, output), done, planned };
  }
  // --uncertainty: one system (several refuse it).
  const final = solved[0]!.result;
  const text =
    format === 'json'
      ? formatOutput({ ...final, uncertainty } as Result, format, output)
      : `${formatOutput(final, format, output)}\n${formatUncertainty(uncertainty)}`;
  return { text, done, planned };
}

/**
 * Nested simulation of parameter uncertainty: draw i of the fitted laws' parameters is simulated
 * with replications (i + 1)·R … (i + 2)·R − 1 (R per draw, the streams of the run at the
 * estimates not reused) at the point run's horizon, and the draws' estimates are summarised by
 * their percentile intervals and mean inner half-widths. Undefined when interrupted.
 */
async function simulateDraws(
  runner: SimulationRunner,
  model: Model,
  point: Result,
  flags: SimulationFlags,
  draws: number,
): Promise<ParameterUncertainty | undefined> {
  const seed = flags.options.seed ?? 1;
  const replications = flags.replications ?? 1000;
  const options = {
    ...flags.options,
    ...(point.horizon !== undefined && { horizon: point.horizon }),
  };
  const drawn = fittedModelDraws(model, { draws, seed });
  const results: Result[] = [];
  let index = 0;
  for (const variant of drawn.models) {
    index++;
    const first = index * replications;
    const shown = { before: first, total: (draws + 1) * replications };
    const outcome = await runner.run(variant, options, first, replications, shown);
    if (runner.interrupted || !outcome.stats) return undefined;
    results.push(finalizeSimulation(variant, outcome.stats, options));
  }
  return summarizeDraws(model, point, results, { draws, seed }, drawn.clipped());
}

/** A precision goal: the 95 % CI half-width of `measure` at most ε, or ε·|estimate| if relative. */
export interface Precision {
  readonly epsilon: number;
  readonly relative: boolean;
}

/** Parses `--precision`: `0.001` (absolute, in the measure's unit) or `0.5%` (relative). */
export function parsePrecision(text: string): Precision {
  const trimmed = text.trim();
  const relative = trimmed.endsWith('%');
  const number = relative ? trimmed.slice(0, -1) : trimmed;
  const epsilon = Number(number);
  if (number === '' || !Number.isFinite(epsilon)) {
    throw new UsageError(
      `--precision must be a number or a percentage; got ${JSON.stringify(text)}`,
    );
  }
  if (!(epsilon > 0)) {
    throw new UsageError(`--precision must be > 0; got ${JSON.stringify(text)}`, EXIT.failed);
  }
  return { epsilon: relative ? epsilon / 100 : epsilon, relative };
}

/** steadyAvailability when any component is repaired, else mttf. */
export function defaultMeasure(model: Model): string {
  return model.components.some((component) => component.repair !== undefined)
    ? 'steadyAvailability'
    : 'mttf';
}

/**
 * Runs batches until the 95 % half-width of the measure meets the goal or the cap
 * (`--replications`, default 1e6) is reached, with a warning then. The next batch is sized from
 * the last estimate, n ≈ 1.1·n·(h/ε)², at least ×1.25 and at most ×16, so where the run stops
 * depends only on (model, seed, goal), never on timing or the number of workers.
 */
async function runToPrecision<S>(
  runner: SimulationRunner,
  kind: RunKind<S>,
  model: Model,
  flags: SimulationFlags,
  precision: Precision & { readonly measure: string },
): Promise<SimulationRun<S>> {
  const cap = flags.replications ?? PRECISION_CAP;
  const { measure } = precision;
  let stats: S | undefined;
  let done = 0;
  let target = Math.min(cap, FIRST_BATCH);
  while (true) {
    const shown = { before: done, total: target };
    const outcome = await kind.run(runner, model, flags.options, done, target - done, shown);
    done += outcome.done;
    if (outcome.stats) stats = stats ? kind.merge([stats, outcome.stats]) : outcome.stats;
    if (stats === undefined) return { planned: target, warnings: [] };
    const { halfWidth, goal, name } = worstPrecision(
      kind.results(model, stats, flags.options),
      measure,
      precision,
    );
    const met = halfWidth <= goal;
    const of = name === undefined ? '' : ` of system ${name}`;
    const state = `${measure}${of} 95% CI half-width ${formatNumber(halfWidth)} ${met ? '<=' : '>'} ${formatNumber(goal)}`;
    if (met) return { stats, planned: target, warnings: [`precision reached: ${state}`] };
    if (runner.interrupted)
      return { stats, planned: target, warnings: [`precision not reached: ${state}`] };
    if (target >= cap) {
      const warning = `precision not reached: ${state} after the cap of ${cap} replications; raise --replications`;
      return { stats, planned: target, warnings: [warning], capped: true };
    }
    // A half-width of NaN (no failure seen yet, say) gives no forecast: quadruple.
    const needed =
      Number.isFinite(halfWidth) && goal > 0 ? 1.1 * done * (halfWidth / goal) ** 2 : 4 * done;
    target = Math.min(cap, 16 * done, Math.max(Math.ceil(1.25 * done), Math.ceil(needed)));
  }
}

/**
 * The system furthest from the precision goal (largest half-width / goal; one whose half-width
 * is not known yet first): its half-width, goal and name.
 */
function worstPrecision(
  results: readonly NamedResult[],
  measure: string,
  precision: Precision,
): { halfWidth: number; goal: number; name?: string } {
  let worst: { halfWidth: number; goal: number; name?: string } | undefined;
  let worstRatio = -1;
  for (const { name, result } of results) {
    const { halfWidth, goal } = precisionOf(result, measure, precision);
    const ratio = Number.isNaN(halfWidth) ? Infinity : halfWidth === 0 ? 0 : halfWidth / goal;
    if (ratio > worstRatio) {
      worstRatio = ratio;
      worst = { halfWidth, goal, ...(name !== undefined && { name }) };
    }
  }
  return worst!; // one system at least
}

/**
 * The half-width of a measure's 95 % interval and the goal it must meet. A curve counts its
 * widest point (relative goals: the point with the largest half-width / |value|).
 */
export function precisionOf(
  result: Result,
  measure: string,
  precision: Precision,
): { halfWidth: number; goal: number } {
  const value = (result.measures as Record<string, Scalar | Curve | undefined>)[measure];
  // A measure the simulator estimates but left out for now (no system failure seen yet, say):
  // no half-width yet, so the run goes on.
  if (value === undefined && (SIMULATED_MEASURES as readonly string[]).includes(measure)) {
    return { halfWidth: NaN, goal: precision.epsilon };
  }
  if (value === undefined) {
    throw new UsageError(
      `--measure ${measure} is not in this model's result; it has ${Object.keys(result.measures).join(', ')}`,
      EXIT.failed,
    );
  }
  const points: [number, number][] =
    typeof value === 'number'
      ? [[0, value]]
      : 'mean' in value
        ? [[(value.ci95[1] - value.ci95[0]) / 2, value.mean]]
        : value.values.map((v, i) => [((value.hi?.[i] ?? v) - (value.lo?.[i] ?? v)) / 2, v]);
  let worst = { halfWidth: 0, goal: Infinity, ratio: 0 };
  for (const [halfWidth, estimate] of points) {
    const goal = precision.relative ? precision.epsilon * Math.abs(estimate) : precision.epsilon;
    // An exact point (half-width 0) meets any goal, even a relative one at a value of 0.
    const ratio = halfWidth === 0 ? 0 : halfWidth / goal;
    if (Number.isNaN(ratio)) return { halfWidth: NaN, goal };
    if (ratio > worst.ratio) worst = { halfWidth, goal, ratio };
  }
  return { halfWidth: worst.halfWidth, goal: worst.goal };
}

function interruptedWarning(done: number, planned: number): string {
  return `interrupted: ${done} of ${planned} replications ran; the result covers those only`;
}

function nothingFinished(output: Output): number {
  output.stderr('relkit: interrupted before any replication finished; nothing written\n');
  return EXIT_INTERRUPTED;
}
