import { basename } from 'node:path';
import { parseCommandLine } from './commandLine.js';
import { parseChainText } from '../markov/generation/chainText.js';
import {
  solveCtmc,
  solveMarkov,
  solveMarkovSystems,
  type MarkovResult,
  type SolveMarkovOptions,
} from '../markov/measures/solveMarkov.js';
import { fnv1a64 } from '../model/modelHash.js';
import { formatResult, parseNumberList, parseNumberOption } from './format.js';
import { EXIT, UsageError, readText } from './io.js';
import {
  loadModelFile,
  MODEL_LIMIT_FLAGS,
  MODEL_LIMITS_HELP,
  parseModelLimits,
} from './loadModelFile.js';
import type { Output } from './io.js';
import { startSolverProgress } from './progress.js';
import { EXACT_BUDGET_FLAGS, EXACT_BUDGET_HELP, parseExactBudget } from './workBudget.js';
import { resultJson } from './json.js';
import { SYSTEM_FLAG, SYSTEM_HELP, systemsOutput, systemsToSolve } from './systems.js';

export const MARKOV_HELP: string = `relkit markov MODEL [--steady] [--at t1,t2,...] [--points N] [--horizon T] [--mttf]
                    [--json] [--system NAME] [--max-states N] [--max-products N] [--max-model-size N]
                    [--max-expression-length N] [--max-units N]
relkit markov --chain FILE [same options]

Exact measures from the continuous-time Markov chain of a model whose times are all
exponential: finite crews and priority, standby with repair and switch delay, coverage,
detection and recovery, idle while down. Gives steadyAvailability, failureFrequency, mtbf,
mut, mdt, nines (repairable), availability A(t), intervalAvailability, reliability R(t), mttf.

  --steady        only the steady measures (with --mttf: both; curves only with --at/--points)
  --mttf          only the mean time to failure (down states absorbing)
  --at t1,t2,...  times for R(t) and A(t), in the model's time unit
  --points N      N evenly spaced times on [0, horizon] (default 11)
  --horizon T     end of the time grid and of interval availability (default: mission_time,
                  else 10 relaxation times 1/(1/mttf + 1/mttr) of the slowest unit, or 2*mttf
                  when nothing is repaired)
${SYSTEM_HELP}
${EXACT_BUDGET_HELP}
  --chain FILE    solve a chain written in the chain text format instead of a model
  --json          the result as JSON (the common result shape, plus states and transitions)
${MODEL_LIMITS_HELP}

Exit 0 on success, 1 for an invalid model or option value, 2 when the model has a
non-exponential time or too many states (the message names what can solve it), 64 for a
wrong command line.`;

/** `relkit markov`: exact measures from the model's Markov chain, as a table or JSON. */
export function markovCommand(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandLine({
    args: [...args],
    allowPositionals: true,
    options: {
      steady: { type: 'boolean' },
      mttf: { type: 'boolean' },
      at: { type: 'string' },
      points: { type: 'string' },
      horizon: { type: 'string' },
      chain: { type: 'string' },
      json: { type: 'boolean', default: false },
      ...SYSTEM_FLAG,
      ...EXACT_BUDGET_FLAGS,
      ...MODEL_LIMIT_FLAGS,
    },
  });
  const chainFile = values.chain;
  if (chainFile !== undefined && values.system !== undefined)
    throw new UsageError('--system applies to a model file, not to --chain');
  if (chainFile === undefined ? positionals.length !== 1 : positionals.length !== 0) {
    throw new UsageError(`markov takes one model file, or --chain FILE\n\n${MARKOV_HELP}`);
  }
  const options: SolveMarkovOptions = {
    ...(values.steady && { steady: true }),
    ...(values.mttf && { mttf: true }),
    ...(values.at !== undefined && { times: parseNumberList('--at', values.at) }),
    ...(values.points !== undefined && { points: parseNumberOption('--points', values.points) }),
    ...(values.horizon !== undefined && {
      horizon: parseNumberOption('--horizon', values.horizon),
    }),
    ...parseExactBudget(values),
  };
  const states = (result: MarkovResult): string =>
    formatResult(result).replace(
      /\n/,
      `\n  ${'states'.padEnd(22)} ${result.states}\n  ${'transitions'.padEnd(22)} ${result.transitions}\n`,
    );
  const solveOne = <T>(solve: (withProgress: SolveMarkovOptions) => T): T => {
    const progress = startSolverProgress();
    try {
      return solve({ ...options, onProgress: progress.report });
    } finally {
      progress.finish();
    }
  };
  if (chainFile !== undefined) {
    const text = readText(chainFile);
    const ctmc = parseChainText(text, chainFile);
    const result = solveOne((withProgress) =>
      solveCtmc(
        ctmc,
        { name: basename(chainFile), hash: fnv1a64(text), timeUnit: 'h' },
        withProgress,
      ),
    );
    output.stdout(values.json ? resultJson(result) : states(result));
    return EXIT.ok;
  }
  const model = loadModelFile(positionals[0]!, { limits: parseModelLimits(values) });
  // Every system of a model with several from one chain; one system from its own.
  const solved =
    model.systems !== undefined && values.system === undefined
      ? solveOne((withProgress) => solveMarkovSystems(model, withProgress))
      : systemsToSolve(model, values.system).map(({ name, model: system }) => ({
          ...(name !== undefined && { name }),
          result: solveOne((withProgress) => solveMarkov(system, withProgress)),
        }));
  output.stdout(systemsOutput(model, solved, values.json, states));
  return EXIT.ok;
}
