import { parseCommandLine } from './commandLine.js';
import type { Model } from '../model/Model.js';
import type { Result } from '../model/Result.js';
import { simulationViews } from '../sim/simulate.js';
import { simulationSupport } from '../sim/simulationSupport.js';
import type { SimulationResult } from '../sim/types.js';
import type { SimulationFlags } from './simulationFlags.js';
import {
  ALPHA,
  EXACT_TOLERANCE,
  isCurve,
  MIN_EVENTS,
  summarizeComparisons,
  Z_CAP,
  zThreshold,
  type CheckSummary,
  type Comparison,
  type Verdict,
} from '../solve/compareResults.js';
import { compareRuns } from '../solve/compareRuns.js';
import { solveEach, type ExactRun } from '../solve/solveEach.js';
import { formatEstimate, formatNumber } from './format.js';
import { EXIT, UsageError, readJsonFile } from './io.js';
import {
  loadModelFile,
  MODEL_LIMIT_FLAGS,
  MODEL_LIMITS_HELP,
  parseModelLimits,
} from './loadModelFile.js';
import type { Output } from './io.js';
import { parseSimulationFlags, SIMULATION_FLAGS } from './simulationFlags.js';
import {
  EVERY_SYSTEM,
  ONE_SYSTEM,
  runFixed,
  startRunner,
  type NamedResult,
  type RunKind,
  type SimulationRunner,
} from './simulationRunner.js';
import { EXIT_INTERRUPTED } from './io.js';
import {
  checkWorkBudget,
  estimateEvents,
  parseMaxEvents,
  EXACT_BUDGET_FLAGS,
  EXACT_BUDGET_HELP,
  parseExactBudget,
  type ExactBudget,
  WORK_BUDGET_FLAGS,
} from './workBudget.js';
import { resultJson } from './json.js';
import { SYSTEM_FLAG, oneSystemToSolve } from './systems.js';

/** Replications when --replications is not given: half-widths near 2 % of a mean for most models. */
const DEFAULT_REPLICATIONS = 10_000;

export const CHECK_HELP: string = `relkit check MODEL [--replications N] [--seed S] [--workers W] [--horizon T]
             [--grid N] [--max-events N] [--max-states N] [--max-nodes N] [--max-products N]
             [--reference FILE] [--system NAME] [--json]
             [--max-model-size N] [--max-expression-length N] [--max-units N]

Solves the model with every method that applies (analytic, markov when every time is
exponential, simulation) and compares them measure by measure:
  simulation vs exact: z = (simulated - exact) / SE, SE = the larger side of the 95% interval /
    1.96; PASS when |z| <= 3.89 (alpha = 1e-4 per measure, two-sided). A curve of k times
    compares each time as a proportion of the replications and passes when its worst
    |z| <= PHI^-1(1 - alpha/(2k)). INCONCLUSIVE when the estimate rests on fewer than 30 events
    or the simulator marks it inconclusive; a zero-width interval off the exact value is DIFF
    when it rests on enough events, else INCONCLUSIVE. restrictedMttf, E[min(T1, tau)], only
    bounds the MTTF from below: DIFF when the exact MTTF is more than 3.89 SE below it, else
    INCONCLUSIVE. |z| beyond 99 is written as 99 (JSON) and >99 (text).
  exact vs exact: PASS when the relative difference is <= 1e-9.
  overall: DIFF if any comparison differs; else INCONCLUSIVE if nothing was compared or no
    simulation-vs-exact comparison is conclusive; else PASS (inconclusive ones listed).

  --replications N  replications of the simulation (default 10000)
  --seed S, --workers W, --horizon T, --grid N, --max-events N   as for relkit simulate
${EXACT_BUDGET_HELP}
  --reference FILE  also compare with a result JSON from elsewhere (relkit analyze --json, a
                    published value) as if it were exact
  --system NAME     the system function to check, for a model with several (systems:, quorum:);
                    by default every one, from one simulation, each against its exact values
                    (a section per system, then the overall verdict: DIFF if any system
                    differs, else INCONCLUSIVE if any is, else PASS; alpha holds per measure
                    of each system)
  --json            the comparisons as JSON
${MODEL_LIMITS_HELP}

Exit codes: 0 PASS; 1 DIFF, or an invalid model, an unreadable file, a refused or failed
simulation; 2 the simulator cannot solve the model; 3 INCONCLUSIVE; 64 a wrong command line;
130 interrupted (no verdict).`;

/**
 * `relkit check`: every applicable solver on one model, compared.
 *
 * @returns the exit code: {@link EXIT}.ok on PASS, `failed` on DIFF, `inconclusive` on
 * INCONCLUSIVE, 130 when interrupted
 */
export async function checkCommand(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args: [...args],
    allowPositionals: true,
    options: {
      ...SIMULATION_FLAGS,
      ...WORK_BUDGET_FLAGS,
      ...EXACT_BUDGET_FLAGS,
      ...MODEL_LIMIT_FLAGS,
      reference: { type: 'string' },
      json: { type: 'boolean', default: false },
      ...SYSTEM_FLAG,
    },
  });
  if (positionals.length !== 1) throw new UsageError(`check takes one model file\n\n${CHECK_HELP}`);
  const flags = parseSimulationFlags(values);
  const maxEvents = parseMaxEvents(values['max-events']);
  const budget = parseExactBudget(values);
  const limits = parseModelLimits(values);
  const reference =
    values.reference === undefined ? undefined : readReference(values.reference, values.system);
  const loaded = loadModelFile(positionals[0]!, { limits });
  // A model with several systems: every one from one simulation, unless --system picks one.
  const joint = loaded.systems !== undefined && values.system === undefined;
  if (joint && reference) {
    throw new UsageError(
      `--reference compares one system's result; this model has several (${loaded.systems!.map(({ name }) => name).join(', ')}): choose one with --system NAME`,
    );
  }
  const model = joint ? loaded : oneSystemToSolve(loaded, values.system, 'check');
  const views = simulationViews(model);
  views.forEach(simulationSupport);
  const replications = flags.replications ?? DEFAULT_REPLICATIONS;
  checkWorkBudget('check', [estimateEvents(model, flags.options, replications)], maxEvents);

  const { runner, progress, stopListening } = startRunner(flags, output, 'check');
  let simulations: NamedResult[] | undefined;
  try {
    const run = { ...flags, replications };
    simulations = joint
      ? await simulateOnce(runner, EVERY_SYSTEM, model, run)
      : await simulateOnce(runner, ONE_SYSTEM, model, run);
  } finally {
    stopListening();
    progress.finish();
    await runner.close();
  }
  if (!simulations || runner.interrupted) {
    output.stderr('relkit: check interrupted; no verdict\n');
    return EXIT_INTERRUPTED;
  }
  const reports = simulations.map(({ name, result: simulation }, s) => {
    const exact = solveExact(views[s]!, simulation, budget); // one view per system
    if (reference) {
      exact.push({ method: 'reference', result: reference });
      if (reference.model?.hash !== undefined && reference.model.hash !== simulation.model.hash) {
        output.stderr(
          `relkit: note: the reference is for model ${reference.model.hash}, this model is ${simulation.model.hash}\n`,
        );
      }
    }
    return {
      ...(name !== undefined && { name }),
      report: checkReport(simulation, exact, values.json),
    };
  });
  const [first] = reports;
  if (reports.length === 1 && first !== undefined && first.name === undefined) {
    output.stdout(first.report.text);
    return first.report.exitCode;
  }
  const verdict = overallVerdict(reports.map(({ report }) => report.verdict));
  const line = `overall: ${verdict} (${reports.map(({ name, report }) => `${name} ${report.verdict}`).join(', ')})`;
  output.stdout(
    values.json
      ? resultJson({
          model: { name: model.name },
          systems: Object.fromEntries(reports.map(({ name, report }) => [name, report.document])),
          verdict,
          summary: line,
        })
      : `${reports.map(({ name, report }) => `system ${name}\n${report.text}`).join('\n')}\n${line}\n`,
  );
  return VERDICT_EXIT[verdict];
}

/**
 * Runs the check's replications of one system or of every system ({@link RunKind}) and returns
 * each system's result; undefined when interrupted before any replication ended.
 */
async function simulateOnce<S>(
  runner: SimulationRunner,
  kind: RunKind<S>,
  model: Model,
  flags: SimulationFlags,
): Promise<NamedResult[] | undefined> {
  const run = await runFixed(runner, kind, model, flags);
  return run.stats === undefined ? undefined : kind.results(model, run.stats, flags.options);
}

/** DIFF when any system differs; else INCONCLUSIVE when any is; else PASS. */
function overallVerdict(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('DIFF')) return 'DIFF';
  return verdicts.includes('INCONCLUSIVE') ? 'INCONCLUSIVE' : 'PASS';
}

/** What `check` prints and returns, from the simulation and the exact runs. */
export interface CheckReport {
  /** The report: text ending with the verdict line, or JSON. */
  readonly text: string;
  /** The report as the JSON document `--json` writes. */
  readonly document: object;
  readonly verdict: Verdict;
  /** {@link EXIT}.ok on PASS, `failed` on DIFF, `inconclusive` on INCONCLUSIVE. */
  readonly exitCode: number;
}

/**
 * Compares the simulation with every exact run and each pair of exact runs, and writes the
 * report with its verdict (see {@link summarizeComparisons}).
 *
 * @param simulation - the simulation's result
 * @param exact - each exact method's result, or why it does not apply
 * @param json - the report as JSON instead of text
 * @returns the report, the overall verdict and the exit code
 */
export function checkReport(
  simulation: SimulationResult,
  exact: readonly ExactRun[],
  json = false,
): CheckReport {
  const { comparisons, notes } = compareRuns(simulation, exact);
  const summary = summarizeComparisons(comparisons);
  const document = {
    model: simulation.model,
    replications: simulation.replications,
    seed: simulation.seed,
    rule: RULE,
    comparisons,
    verdict: summary.verdict,
    summary: summary.line,
    exact,
    simulation,
  };
  const text = json
    ? resultJson(document)
    : formatCheck(simulation, exact, comparisons, notes, summary);
  return { text, document, verdict: summary.verdict, exitCode: VERDICT_EXIT[summary.verdict] };
}

/** The exit code of each overall verdict. */
const VERDICT_EXIT: Readonly<Record<Verdict, number>> = {
  PASS: EXIT.ok,
  DIFF: EXIT.failed,
  INCONCLUSIVE: EXIT.inconclusive,
};

/** The decision rule, printed with every check. */
const RULE = {
  alpha: ALPHA,
  z: zThreshold(1),
  exactTolerance: EXACT_TOLERANCE,
  minEvents: MIN_EVENTS,
  zCap: Z_CAP,
  text: `simulation vs exact: PASS when |z| <= ${zThreshold(1).toFixed(2)}, z = (sim - exact)/SE, SE = larger side of the 95% interval/1.96 (alpha = 1e-4 per measure; a curve of k times: worst |z| <= PHI^-1(1 - alpha/(2k))); INCONCLUSIVE when an estimate rests on fewer than ${MIN_EVENTS} events or the simulator marks it so; |z| beyond ${Z_CAP} is shown as >${Z_CAP}; exact vs exact: PASS when relative difference <= 1e-9`,
};

/**
 * Runs each exact solver ({@link solveEach}) at the simulation result's horizon (so that
 * intervalAvailability covers the same [0, T]) and at its grid times.
 */
function solveExact(model: Model, simulation: SimulationResult, budget: ExactBudget): ExactRun[] {
  const curve = Object.values(simulation.measures).find(isCurve);
  return solveEach(model, {
    ...(simulation.horizon !== undefined && { horizon: simulation.horizon }),
    ...(curve && { times: curve.t }),
    ...budget,
  });
}

/** z for the table: two decimals, or `>99` / `<-99` when clamped to ±{@link Z_CAP}. */
function formatZ(z: number): string {
  if (z >= Z_CAP) return `>${Z_CAP}`;
  if (z <= -Z_CAP) return `<-${Z_CAP}`;
  return z.toFixed(2);
}

/** A comparison's row label: the measure, the worst time of a curve, τ of a restricted MTTF. */
function label(c: Comparison): string {
  if (c.restrictedTo !== undefined) return `${c.measure}(tau=${formatNumber(c.restrictedTo)})`;
  return `${c.measure}${c.t === undefined ? '' : `(t=${formatNumber(c.t)})`}`;
}

/** The text report: exact methods not applicable, the two tables, notes, then the verdict line. */
function formatCheck(
  simulation: SimulationResult,
  exact: readonly ExactRun[],
  comparisons: readonly Comparison[],
  notes: readonly string[],
  summary: CheckSummary,
): string {
  const lines = [
    `${simulation.model.name}: check (model ${simulation.model.hash}), ${simulation.replications} replications, seed ${simulation.seed}`,
    `rule: ${RULE.text}`,
    '',
  ];
  for (const run of exact) {
    if (run.skipped) lines.push(`  ${run.method}: not applicable (${run.skipped})`);
  }
  const statistical = comparisons.filter((c) => c.kind === 'simulation');
  if (statistical.length > 0) {
    const rows = statistical.map((c) => [
      label(c),
      formatNumber(c.exact),
      simulatedCell(c),
      formatZ(c.statistic),
      `${c.verdict} vs ${c.methods[1]}${c.points ? ` (|z| <= ${c.threshold.toFixed(2)}, ${c.points} times)` : ''}`,
    ]);
    const header = ['measure', 'exact', 'simulated (95% CI)', 'z', 'verdict'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (row: string[]): string =>
      `  ${row.map((cell, i) => (i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')}`.trimEnd();
    lines.push('  simulation vs exact', line(header), ...rows.map(line));
    // One line per measure and reason, naming every exact method it was compared with.
    const inconclusive = new Map<string, { row: string; reason: string; methods: string[] }>();
    for (const c of statistical) {
      if (c.verdict !== 'INCONCLUSIVE') continue;
      const row = label(c);
      const reason = c.reason ?? '';
      const entry = inconclusive.get(`${row}\n${reason}`);
      if (entry) entry.methods.push(c.methods[1]);
      else inconclusive.set(`${row}\n${reason}`, { row, reason, methods: [c.methods[1]] });
    }
    if (inconclusive.size > 0) lines.push('  inconclusive:');
    for (const { row, reason, methods } of inconclusive.values()) {
      lines.push(`    ${row} vs ${methods.join(', ')}: ${reason}`);
    }
  }
  const only = Object.keys(simulation.measures).filter(
    (measure) => !comparisons.some((c) => c.measure === measure),
  );
  if (only.length > 0) lines.push(`  simulation only (no exact value): ${only.join(', ')}`);
  const exactPairs = comparisons.filter((c) => c.kind === 'exact');
  if (exactPairs.length > 0) {
    lines.push('', '  exact vs exact');
    for (const c of exactPairs) {
      lines.push(
        `  ${c.measure.padEnd(22)} ${c.methods[0]} ${formatNumber(c.value)} vs ${c.methods[1]} ${formatNumber(c.exact)}: relative difference ${c.statistic.toExponential(1)}  ${c.verdict}`,
      );
    }
  }
  const allNotes = [...notes, ...simulation.warnings];
  if (allNotes.length > 0) lines.push('', ...allNotes.map((note) => `  note: ${note}`));
  lines.push('', summary.line);
  return `${lines.join('\n')}\n`;
}

/** Reads a result JSON (as `relkit analyze --json` writes) to compare with. */
function readReference(path: string, system: string | undefined): Result {
  const data = oneSystemOf(path, readJsonFile(path), system);
  const measures = (data as { measures?: unknown } | null)?.measures;
  if (typeof measures !== 'object' || measures === null) {
    throw new UsageError(
      `${path}: must be a result JSON with "measures"; got no measures`,
      EXIT.failed,
    );
  }
  return data as Result;
}

/**
 * The result of the system `--system` names in a reference of several systems (`{ systems: {
 * NAME: result } }`, as `relkit analyze` and `markov` write them, with `--system` too); a
 * reference of one system as it is.
 *
 * @throws {@link UsageError} for a reference of several systems without `--system`, or without
 * the system it names
 */
function oneSystemOf(path: string, data: unknown, system: string | undefined): unknown {
  const systems = (data as { systems?: unknown } | null)?.systems;
  if (typeof systems !== 'object' || systems === null || Array.isArray(systems)) return data;
  const names = Object.keys(systems);
  if (system === undefined) {
    throw new UsageError(
      `${path}: the reference holds results by system (${names.join(', ')}); choose the one to compare with --system NAME`,
    );
  }
  if (!Object.hasOwn(systems, system)) {
    throw new UsageError(
      `${path}: the reference has no system ${system} (it holds ${names.join(', ')})`,
      EXIT.failed,
    );
  }
  return (systems as Record<string, unknown>)[system];
}

/** A simulated value with its interval, in the digits the interval supports. */
function simulatedCell(c: Comparison): string {
  if (!c.ci95) return formatNumber(c.value);
  const { mean, lo, hi } = formatEstimate(c.value, c.ci95);
  return `${mean} (${lo} to ${hi})`;
}
