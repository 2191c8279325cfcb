import { parseCommandLine } from './commandLine.js';
import type { Result } from '../model/Result.js';
import { solveExactly } from '../solve/solveExactly.js';
import { solveWithUncertainty, type ParameterUncertainty } from '../solve/uncertainty.js';
import { FAULT_TREE_FLAGS, FAULT_TREE_HELP, parseFaultTreeFlags } from './faultTreeFlags.js';
import {
  loadModelFiles,
  MODEL_LIMIT_FLAGS,
  MODEL_LIMITS_HELP,
  parseModelLimits,
} from './loadModelFile.js';
import { EXIT, UsageError } from './io.js';
import { formatResult, parseNumberList, parseNumberOption } from './format.js';
import type { Output } from './io.js';
import { startSolverProgress } from './progress.js';
import { EXACT_BUDGET_FLAGS, EXACT_BUDGET_HELP, parseExactBudget } from './workBudget.js';
import { SYSTEM_FLAG, SYSTEM_HELP, systemsOutput, systemsToSolve } from './systems.js';
import { formatUncertainty, parseUncertainty } from './uncertaintyOutput.js';

export const ANALYZE_HELP: string = `relkit analyze MODEL [--at t1,t2,...] [--points N] [--horizon T] [--json]
               [--approximation rare-event|mcub] [--limit-order N] [--cut-off P]
               [--max-cut-sets N] [--house NAME=true|false] [--mission-time T]
               [--no-importance] [--system NAME] [--uncertainty N [--seed S]]
               [--max-states N] [--max-nodes N] [--max-products N] [--max-model-size N]
               [--max-expression-length N] [--max-units N]
relkit analyze A.xml [B.xml ...] [options]   (Open-PSA MEF files, read as one model)
relkit analyze TREE.dft [options]            (a Galileo fault tree)

Exact measures from closed forms and the structure function, for models whose units are
independent. Non-repairable: reliability R(t) and mttf. Repairable: steadyAvailability,
failureFrequency, mtbf, mut, mdt, nines, and availability A(t) when times are exponential;
with costs, costRate (age replacement included). Proof tests (inspection) with instantaneous
repair: pfdAvg over the mission, its sil band, and the PFD(t) saw-tooth as A(t).
Models the closed forms cannot solve but whose times are all exponential are solved with
the Markov engine instead (relkit markov), and a warning says so.

  --at t1,t2,...  times for R(t) or A(t), in the model's time unit
  --points N      N evenly spaced times on [0, horizon] (default 11)
  --horizon T     end of the time grid (default: mission_time, else 2*mttf, or for a repairable
                  system 10 relaxation times 1/(1/mttf + 1/mttr) of its slowest unit)
  --json          the result as JSON (the common result shape)
  --no-importance leave out the importance factors (of every basic event or unit); their exact
                  Fussell–Vesely factors can cost more than the rest of a large fault tree
  --uncertainty N for a model with laws fitted from data (fit: FILE): solve it again for N
                  parameter vectors drawn from the fits' Fisher-matrix normal law, N in
                  [40, 1e6] (1000 is a good start), and give each measure's percentile 95 %
                  interval beside its value at the estimates (docs/fitting.md)
  --seed S        draw i of --uncertainty uses the random stream of (S, i) (default 1)
${SYSTEM_HELP}
${FAULT_TREE_HELP}
${EXACT_BUDGET_HELP}
${MODEL_LIMITS_HELP}

Exit 0 on success, 1 for an invalid model, 2 when neither the closed forms nor the Markov
engine can solve the model (the message names relkit simulate).`;

/** `relkit analyze`: exact measures as a table or JSON. */
export function analyzeCommand(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandLine({
    args: [...args],
    allowPositionals: true,
    options: {
      at: { type: 'string' },
      points: { type: 'string' },
      horizon: { type: 'string' },
      json: { type: 'boolean', default: false },
      'no-importance': { type: 'boolean', default: false },
      uncertainty: { type: 'string' },
      seed: { type: 'string' },
      ...SYSTEM_FLAG,
      ...FAULT_TREE_FLAGS,
      ...EXACT_BUDGET_FLAGS,
      ...MODEL_LIMIT_FLAGS,
    },
  });
  if (positionals.length === 0)
    throw new UsageError(`analyze takes a model file (or MEF files)\n\n${ANALYZE_HELP}`);
  const budget = parseExactBudget(values);
  const faultTree = parseFaultTreeFlags(values);
  if (values.seed !== undefined && values.uncertainty === undefined)
    throw new UsageError('--seed is an option of --uncertainty');
  const seed = values.seed === undefined ? undefined : parseNumberOption('--seed', values.seed);
  const { model, notes } = loadModelFiles(positionals, {
    limits: parseModelLimits(values),
    ...faultTree.load,
  });
  const draws =
    values.uncertainty === undefined ? undefined : parseUncertainty(values.uncertainty, model);
  const solved = systemsToSolve(model, values.system).map(({ name, model: system }) => {
    const progress = startSolverProgress();
    let result: Result & { uncertainty?: ParameterUncertainty };
    try {
      const options = {
        ...budget,
        onProgress: progress.report,
        faultTree: faultTree.analysis,
        ...(values['no-importance'] && { importance: false }),
        ...(values.at !== undefined && { times: parseNumberList('--at', values.at) }),
        ...(values.points !== undefined && {
          points: parseNumberOption('--points', values.points),
        }),
        ...(values.horizon !== undefined && {
          horizon: parseNumberOption('--horizon', values.horizon),
        }),
      };
      result =
        draws === undefined
          ? solveExactly(system, options)
          : solveWithUncertainty(system, 'auto', options, {
              draws,
              ...(seed !== undefined && { seed }),
            });
    } finally {
      progress.finish();
    }
    if (notes.length > 0) result = { ...result, warnings: [...notes, ...result.warnings] };
    return { ...(name !== undefined && { name }), result };
  });
  output.stdout(systemsOutput(model, solved, values.json, formatWithUncertainty));
  return EXIT.ok;
}

/** The result's table, then its parameter uncertainty when there is one. */
function formatWithUncertainty(result: Result & { uncertainty?: ParameterUncertainty }): string {
  const { uncertainty, ...point } = result;
  const table = formatResult(point);
  return uncertainty === undefined ? table : `${table}\n${formatUncertainty(uncertainty)}`;
}
