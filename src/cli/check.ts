import { parseArgs } from 'node:util';
import { analyze } from '../analytic/solver/analyze.js';
import { UnsupportedModelError } from '../errors.js';
import { solveMarkov } from '../markov/solveMarkov.js';
import type { Model } from '../model/Model.js';
import type { Curve, Result } from '../model/Result.js';
import { finalizeSimulation } from '../sim/simulate.js';
import { simulationSupport } from '../sim/simulationSupport.js';
import type { SimulationResult } from '../sim/types.js';
import {
  ALPHA,
  compareExact,
  compareSimulated,
  EXACT_TOLERANCE,
  measuresOf,
  zThreshold,
  type Comparison,
} from './checkComparisons.js';
import { formatNumber } from './format.js';
import { EXIT, UsageError, readJsonFile } from './io.js';
import {
  loadModelFile,
  MODEL_LIMIT_FLAGS,
  MODEL_LIMITS_HELP,
  parseModelLimits,
} from './loadModelFile.js';
import type { Output } from './main.js';
import { parseSimulationFlags, SIMULATION_FLAGS } from './simulationFlags.js';
import { runFixed, startRunner } from './simulationRunner.js';
import { EXIT_INTERRUPTED } from './simulate.js';
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

/** Replications when --replications is not given: half-widths near 2 % of a mean for most models. */
const DEFAULT_REPLICATIONS = 10_000;

export const CHECK_HELP: string = `relkit check MODEL [--replications N] [--seed S] [--workers W] [--horizon T]
             [--grid N] [--max-events N] [--max-states N] [--max-nodes N] [--max-products N]
             [--reference FILE] [--json]
             [--max-model-size N] [--max-expression-length N] [--max-units N]

Solves the model with every method that applies (analytic, markov when every time is
exponential, simulation) and compares them measure by measure:
  simulation vs exact: z = (simulated - exact) / SE, SE = 95% half-width / 1.96; PASS when
    |z| <= 3.89 (alpha = 1e-4 per measure, two-sided). A curve of k times compares each time as a
    proportion of the replications and passes when its worst |z| <= PHI^-1(1 - alpha/(2k)).
  exact vs exact: PASS when the relative difference is <= 1e-9.

  --replications N  replications of the simulation (default 10000)
  --seed S, --workers W, --horizon T, --grid N, --max-events N   as for relkit simulate
${EXACT_BUDGET_HELP}
  --reference FILE  also compare with a result JSON from elsewhere (relkit analyze --json, a
                    published value) as if it were exact
  --json            the comparisons as JSON
${MODEL_LIMITS_HELP}

Exit 0 when every comparison passes, 1 on any DIFF (or an invalid model), 130 when interrupted.`;

/** One exact method's result, or why it does not apply. */
interface ExactRun {
  readonly method: string;
  readonly result?: Result;
  readonly skipped?: string;
}

/** `relkit check`: every applicable solver on one model, compared. */
export async function checkCommand(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ...SIMULATION_FLAGS,
      ...WORK_BUDGET_FLAGS,
      ...EXACT_BUDGET_FLAGS,
      ...MODEL_LIMIT_FLAGS,
      reference: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError(`check takes one model file\n\n${CHECK_HELP}`);
  const flags = parseSimulationFlags(values);
  const maxEvents = parseMaxEvents(values['max-events']);
  const budget = parseExactBudget(values);
  const limits = parseModelLimits(values);
  const reference = values.reference === undefined ? undefined : readReference(values.reference);
  const model = loadModelFile(positionals[0]!, { limits });
  simulationSupport(model);
  const replications = flags.replications ?? DEFAULT_REPLICATIONS;
  checkWorkBudget('check', [estimateEvents(model, flags.options, replications)], maxEvents);

  const { runner, progress, stopListening } = startRunner(flags, output, 'check');
  let simulation: SimulationResult | undefined;
  try {
    const run = await runFixed(runner, model, { ...flags, replications });
    if (run.stats) simulation = finalizeSimulation(model, run.stats, flags.options);
  } finally {
    stopListening();
    progress.finish();
    await runner.close();
  }
  if (!simulation || runner.interrupted) {
    output.stderr('relkit: check interrupted; no verdict\n');
    return EXIT_INTERRUPTED;
  }
  const exact = solveExact(model, simulation, budget);
  if (reference) {
    exact.push({ method: 'reference', result: reference });
    if (reference.model?.hash !== undefined && reference.model.hash !== simulation.model.hash) {
      output.stderr(
        `relkit: note: the reference is for model ${reference.model.hash}, this model is ${simulation.model.hash}\n`,
      );
    }
  }
  const comparisons = compareAll(simulation, exact);
  const failed = comparisons.filter((comparison) => comparison.verdict === 'DIFF').length;
  output.stdout(
    values.json
      ? `${JSON.stringify({ model: simulation.model, replications: simulation.replications, seed: simulation.seed, rule: RULE, comparisons, verdict: failed > 0 ? 'DIFF' : 'PASS', exact, simulation }, null, 2)}\n`
      : formatCheck(simulation, exact, comparisons),
  );
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

/** The decision rule, printed with every check. */
const RULE = {
  alpha: ALPHA,
  z: zThreshold(1),
  exactTolerance: EXACT_TOLERANCE,
  text: `simulation vs exact: PASS when |z| <= ${zThreshold(1).toFixed(2)}, z = (sim - exact)/SE, SE = half-width/1.96 (alpha = 1e-4 per measure; a curve of k times: worst |z| <= PHI^-1(1 - alpha/(2k))); exact vs exact: PASS when relative difference <= 1e-9`,
};

/**
 * Runs each exact solver at the simulation's horizon and grid times; one that cannot (analytic:
 * dependent units; markov: a non-exponential time, too many states) says why.
 */
function solveExact(model: Model, simulation: SimulationResult, budget: ExactBudget): ExactRun[] {
  const curve = Object.values(simulation.measures).find(
    (value): value is Curve => typeof value === 'object' && 't' in value,
  );
  const options = {
    ...(simulation.horizon !== undefined && { horizon: simulation.horizon }),
    ...(curve && { times: curve.t }),
  };
  const solvers: [string, (model: Model) => Result][] = [
    [
      'analytic',
      (m) =>
        analyze(m, {
          ...options,
          ...(budget.maxNodes !== undefined && { maxNodes: budget.maxNodes }),
        }),
    ],
    [
      'markov',
      (m) =>
        solveMarkov(m, {
          ...options,
          ...(budget.maxStates !== undefined && { maxStates: budget.maxStates }),
          ...(budget.maxProducts !== undefined && { maxProducts: budget.maxProducts }),
        }),
    ],
  ];
  return solvers.map(([method, solve]) => {
    try {
      return { method, result: solve(model) };
    } catch (error) {
      if (error instanceof UnsupportedModelError) return { method, skipped: error.message };
      throw error;
    }
  });
}

/** Every exact result against the simulation, and every pair of exact results. */
function compareAll(simulation: SimulationResult, exact: readonly ExactRun[]): Comparison[] {
  const comparisons: Comparison[] = [];
  const solved = exact.filter((run) => run.result !== undefined);
  for (const [measure, simulated] of measuresOf(simulation)) {
    for (const run of solved) {
      const value = (run.result!.measures as Record<string, unknown>)[measure];
      if (value === undefined) continue;
      const comparison = compareSimulated(
        measure,
        simulated,
        value as Parameters<typeof compareSimulated>[2],
        simulation.replications,
        run.method,
      );
      if (comparison) comparisons.push(comparison);
    }
  }
  for (let i = 0; i < solved.length; i += 1) {
    for (let j = i + 1; j < solved.length; j += 1) {
      const a = solved[i]!;
      const b = solved[j]!;
      for (const [measure, value] of measuresOf(a.result!)) {
        const other = (b.result!.measures as Record<string, unknown>)[measure];
        if (other === undefined) continue;
        const comparison = compareExact(
          measure,
          { method: a.method, value },
          { method: b.method, value: other as typeof value },
        );
        if (comparison) comparisons.push(comparison);
      }
    }
  }
  return comparisons;
}

function formatCheck(
  simulation: SimulationResult,
  exact: readonly ExactRun[],
  comparisons: readonly Comparison[],
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
      `${c.measure}${c.t === undefined ? '' : `(t=${formatNumber(c.t)})`}`,
      formatNumber(c.exact),
      `${formatNumber(c.value)}${c.ci95 ? ` (${formatNumber(c.ci95[0])} to ${formatNumber(c.ci95[1])})` : ''}`,
      c.statistic.toFixed(2),
      `${c.verdict} vs ${c.methods[1]}${c.points ? ` (|z| <= ${c.threshold.toFixed(2)}, ${c.points} times)` : ''}`,
    ]);
    const header = ['measure', 'exact', 'simulated (95% CI)', 'z', 'verdict'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (row: string[]): string =>
      `  ${row.map((cell, i) => (i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')}`.trimEnd();
    lines.push('  simulation vs exact', line(header), ...rows.map(line));
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
  const failed = comparisons.filter((c) => c.verdict === 'DIFF').length;
  lines.push(
    '',
    failed > 0
      ? `DIFF: ${failed} of ${comparisons.length} comparisons differ`
      : `PASS: all ${comparisons.length} comparisons agree`,
  );
  if (simulation.warnings.length > 0) lines.push(...simulation.warnings.map((w) => `  note: ${w}`));
  return `${lines.join('\n')}\n`;
}

/** Reads a result JSON (as `relkit analyze --json` writes) to compare with. */
function readReference(path: string): Result {
  const data = readJsonFile(path);
  const measures = (data as { measures?: unknown } | null)?.measures;
  if (typeof measures !== 'object' || measures === null) {
    throw new UsageError(
      `${path}: must be a result JSON with "measures"; got no measures`,
      EXIT.failed,
    );
  }
  return data as Result;
}
