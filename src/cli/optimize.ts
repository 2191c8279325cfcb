import { parseCommandLine } from './commandLine.js';
import { evaluateModel, parseModel } from '../model/loadModel.js';
import { refuseSeveralSystems } from './systems.js';
import type { Scalar } from '../model/Result.js';
import {
  optimizeParameter,
  type OptimizeConstraint,
  type OptimizeOptions,
  type OptimizeResult,
} from '../solve/optimizeParameter.js';
import type { ExactMethod } from '../solve/solveWith.js';
import { formatEstimate, formatNumber, parseIntegerOption, parseNumberOption } from './format.js';
import { EXIT, UsageError, type Output } from './io.js';
import { resultJson } from './json.js';
import {
  MODEL_LIMIT_FLAGS,
  MODEL_LIMITS_HELP,
  parseModelLimits,
  readModelText,
  dataBeside,
} from './loadModelFile.js';
import { parseSimulationFlags, SIMULATION_FLAGS } from './simulationFlags.js';
import {
  EXACT_BUDGET_FLAGS,
  EXACT_BUDGET_HELP,
  parseExactBudget,
  parseMaxEvents,
  WORK_BUDGET_FLAGS,
} from './workBudget.js';

const METHODS = ['exact', 'analytic', 'markov', 'simulate'] as const;
type Method = (typeof METHODS)[number];

export const OPTIMIZE_HELP: string = `relkit optimize MODEL --param NAME=LO:HI[:log|:int] (--minimize M | --maximize M)
             [--subject-to 'M<=V' | 'M>=V'] [--method exact|analytic|markov|simulate] [--json]
             [--replications N] [--seed S] [--horizon T] [--grid N] [--mttf-cap C]
             [--tolerance R] [--grid-points N] [--max-events N]
             [--max-states N] [--max-nodes N] [--max-products N]
             [--max-model-size N] [--max-expression-length N] [--max-units N]

Finds the value of one parameter in [LO, HI] at which a scalar measure (mttf,
steadyUnavailability, ...) is least or greatest: the measure on a grid of the range, then
Brent's method in the bracket of each local optimum of the grid; with --subject-to, only
within the values satisfying the bound (their boundaries located by bisection).

  --param NAME=LO:HI[:log|:int]
                        the parameter and the range searched, LO < HI; with "log" the grid is
                        geometric and the search is on ln NAME (LO > 0), for a range of decades;
                        with "int" every whole value from LO to HI is evaluated and the best
                        kept (a stock of spares, a number of crews; at most 1001 values)
  --minimize M, --maximize M
                        the measure and the goal (one of the two)
  --subject-to 'M<=V'   a bound on a second measure (M>=V for a lower bound; given twice for both)
  --method M            exact (default: closed forms, else the Markov engine), analytic,
                        markov, or simulate: every point simulated with the same seed (common
                        random numbers), in this process; the optimum comes with its 95 % interval
  --json                the result as JSON (argmin/minimum or argmax/maximum, evaluations,
                        every point evaluated, warnings)
  --tolerance R         relative tolerance on the parameter (default 1e-8 exact, 1e-3 simulate)
  --grid-points N       points of the initial grid, 3 to 1001 (default 17)
  --replications, --seed, --horizon, --grid, --mttf-cap   for simulate, as in relkit simulate
  --max-events N        refuse any one simulated point estimated to process more events
                        (default 1e11)
${EXACT_BUDGET_HELP}
${MODEL_LIMITS_HELP}

Exit 0 on success (also when no value satisfies --subject-to: the output says INFEASIBLE), 1 for
an invalid model or value (an unknown parameter lists the model's; a measure the result lacks
lists those it has), 2 when the method cannot solve the model, 64 for a usage error.`;

/** `relkit optimize`: the parameter value that makes a measure least or greatest. */
export function optimizeCommand(args: readonly string[], output: Output): number {
  const { replications, seed, horizon, grid } = SIMULATION_FLAGS;
  const { values, positionals } = parseCommandLine({
    args: [...args],
    allowPositionals: true,
    options: {
      replications,
      seed,
      horizon,
      grid,
      'mttf-cap': SIMULATION_FLAGS['mttf-cap'],
      ...WORK_BUDGET_FLAGS,
      ...EXACT_BUDGET_FLAGS,
      ...MODEL_LIMIT_FLAGS,
      param: { type: 'string' },
      minimize: { type: 'string' },
      maximize: { type: 'string' },
      'subject-to': { type: 'string', multiple: true },
      method: { type: 'string', default: 'exact' },
      json: { type: 'boolean', default: false },
      tolerance: { type: 'string' },
      'grid-points': { type: 'string' },
    },
  });
  if (positionals.length !== 1) {
    throw new UsageError(`optimize takes one model file\n\n${OPTIMIZE_HELP}`);
  }
  if (values.param === undefined) {
    throw new UsageError(`optimize needs --param NAME=LO:HI[:log|:int]\n\n${OPTIMIZE_HELP}`);
  }
  if ((values.minimize === undefined) === (values.maximize === undefined)) {
    throw new UsageError(`optimize needs one of --minimize MEASURE and --maximize MEASURE`);
  }
  if (!(METHODS as readonly string[]).includes(values.method)) {
    throw new UsageError(
      `--method must be one of ${METHODS.join(', ')}; got ${JSON.stringify(values.method)}`,
    );
  }
  const method = values.method as Method;
  const { name, lo, hi, scale } = parseRange(values.param);
  const subjectTo = parseConstraints(values['subject-to'] ?? []);
  const flags = parseSimulationFlags(values);
  const maxEvents = parseMaxEvents(values['max-events']);
  const limits = parseModelLimits(values);
  const file = positionals[0]!;
  const template = parseModel(readModelText(file, limits), {
    file,
    limits,
    readData: dataBeside(file),
  });
  refuseSeveralSystems(evaluateModel(template), 'optimize');
  if (!template.parameterNames.includes(name)) {
    const names = template.parameterNames;
    throw new UsageError(
      `--param: ${file} has no parameter ${JSON.stringify(name)}; ${names.length > 0 ? `its parameters are ${names.join(', ')}` : 'it has no parameters'}`,
      EXIT.failed,
    );
  }
  const options: OptimizeOptions = {
    parameter: name,
    lo,
    hi,
    scale,
    measure: (values.minimize ?? values.maximize)!,
    goal: values.minimize === undefined ? 'maximize' : 'minimize',
    method: method === 'simulate' ? 'simulate' : 'exact',
    ...(method !== 'simulate' && {
      exactMethod: (method === 'exact' ? 'auto' : method) as ExactMethod,
      exact: {
        ...(flags.options.horizon !== undefined && { horizon: flags.options.horizon }),
        ...parseExactBudget(values),
      },
    }),
    ...(method === 'simulate' && {
      simulation: {
        ...flags.options,
        ...(flags.replications !== undefined && { replications: flags.replications }),
        maxEvents,
      },
    }),
    ...(subjectTo && { subjectTo }),
    ...(values.tolerance !== undefined && {
      tolerance: parseNumberOption('--tolerance', values.tolerance),
    }),
    ...(values['grid-points'] !== undefined && {
      gridPoints: parseIntegerOption('--grid-points', values['grid-points'], 3, 1001),
    }),
  };
  const result = optimizeParameter(template, options);
  const model = evaluateModel(template).name;
  output.stdout(
    values.json ? resultJson({ model, ...result }) : optimizeText(model, result, method),
  );
  return EXIT.ok;
}

/** Parses `NAME=LO:HI[:log|:int]`. */
export function parseRange(text: string): {
  name: string;
  lo: number;
  hi: number;
  scale: 'linear' | 'log' | 'integer';
} {
  const match = /^([^=]+)=([^:]+):([^:]+)(?::(log|int))?$/.exec(text);
  if (!match) {
    throw new UsageError(`--param must be NAME=LO:HI[:log|:int]; got ${JSON.stringify(text)}`);
  }
  const name = match[1]!.trim();
  const lo = parseNumberOption('--param LO', match[2]!);
  const hi = parseNumberOption('--param HI', match[3]!);
  if (!(lo < hi)) {
    throw new UsageError(`--param needs LO < HI; got ${lo}:${hi}`, EXIT.failed);
  }
  const scale = match[4] === undefined ? 'linear' : match[4] === 'log' ? 'log' : 'integer';
  if (scale === 'log' && !(lo > 0)) {
    throw new UsageError(`--param with log needs LO > 0; got ${lo}`, EXIT.failed);
  }
  if (scale === 'integer' && !(Number.isInteger(lo) && Number.isInteger(hi) && hi - lo <= 1000)) {
    throw new UsageError(
      `--param with int needs whole LO and HI at most 1000 apart (every whole value is evaluated); got ${lo}:${hi}`,
      EXIT.failed,
    );
  }
  return { name, lo, hi, scale };
}

/** Parses the `--subject-to` bounds: at most one upper and one lower, on one measure. */
export function parseConstraints(texts: readonly string[]): OptimizeConstraint | undefined {
  if (texts.length === 0) return undefined;
  let measure: string | undefined;
  let max: number | undefined;
  let min: number | undefined;
  for (const text of texts) {
    const match = /^\s*([A-Za-z][A-Za-z0-9]*)\s*(<=|>=)\s*(\S.*)$/.exec(text);
    if (!match) {
      throw new UsageError(
        `--subject-to must be MEASURE<=VALUE or MEASURE>=VALUE; got ${JSON.stringify(text)}`,
      );
    }
    const [, name, operator, valueText] = match;
    if (measure !== undefined && name !== measure) {
      throw new UsageError(
        `--subject-to bounds one measure; got ${measure} and ${name!} (give one measure, twice for both bounds)`,
      );
    }
    measure = name!;
    const value = parseNumberOption(`--subject-to ${name!}${operator!}`, valueText!.trim());
    if (operator === '<=') {
      if (max !== undefined)
        throw new UsageError(`--subject-to gives two upper bounds on ${name!}`);
      max = value;
    } else {
      if (min !== undefined)
        throw new UsageError(`--subject-to gives two lower bounds on ${name!}`);
      min = value;
    }
  }
  return {
    measure: measure!,
    ...(max !== undefined && { max }),
    ...(min !== undefined && { min }),
  };
}

/** The text report: the optimum, the constraint, the simulation facts, the warnings. */
export function optimizeText(model: string, result: OptimizeResult, method: Method): string {
  const { parameter, measure, goal, range } = result;
  const how =
    method === 'exact' && result.solver !== undefined ? `exact: ${result.solver}` : method;
  const lines = [
    `${model}: ${goal} ${measure} over ${parameter} in [${formatNumber(range[0])}, ${formatNumber(range[1])}] (${how}, ${result.evaluations} evaluations)`,
  ];
  const argument = result.argmin ?? result.argmax;
  const value = result.minimum ?? result.maximum;
  const [argKey, valueKey] = goal === 'minimize' ? ['argmin', 'minimum'] : ['argmax', 'maximum'];
  const constraint = result.subjectTo;
  if (argument === undefined || value === undefined) {
    lines.push(`  INFEASIBLE: no value of ${parameter} in the range satisfies the constraint`);
  } else {
    lines.push(`  ${argKey}   ${parameter} = ${formatNumber(argument)}`);
    lines.push(`  ${valueKey}  ${measure} = ${formatScalar(value)}`);
  }
  if (constraint) {
    const bounds = [
      constraint.min === undefined ? [] : [`${constraint.measure} >= ${constraint.min}`],
      constraint.max === undefined ? [] : [`${constraint.measure} <= ${constraint.max}`],
    ]
      .flat()
      .join(' and ');
    if (constraint.feasible) {
      const intervals = constraint.intervals
        .map(([a, b]) => `[${formatNumber(a)}, ${formatNumber(b)}]`)
        .join(', ');
      lines.push(
        `  subject to ${bounds}: ${constraint.active ? 'active' : 'inactive'}; ${constraint.measure} = ${formatScalar(constraint.value!)} at the optimum; satisfied for ${parameter} in ${intervals}`,
      );
    } else {
      lines.push(
        `  subject to ${bounds}: closest ${constraint.measure} = ${formatScalar(constraint.closest!.value)} at ${parameter} = ${formatNumber(constraint.closest!.x)}`,
      );
    }
  }
  const simulation = result.simulation;
  if (simulation?.indistinguishable) {
    const [a, b] = simulation.indistinguishable;
    lines.push(
      `  indistinguishable from the optimum (95 % intervals overlap): ${parameter} in [${formatNumber(a)}, ${formatNumber(b)}]`,
    );
  }
  if (simulation) lines.push(`  ${simulation.method}`);
  if (result.warnings.length > 0) {
    lines.push('', ...result.warnings.map((w) => `  note: ${w}`));
  }
  return `${lines.join('\n')}\n`;
}

function formatScalar(value: Scalar): string {
  if (typeof value === 'number') return formatNumber(value);
  const { mean, lo, hi } = formatEstimate(value.mean, value.ci95);
  return `${mean} (95 % CI ${lo} to ${hi})`;
}
