import { simulateRareEvent, type RareEventResult } from '../sim/rareEvent/simulateRareEvent.js';
import { formatResult, parseIntegerOption, parseNumberOption } from './format.js';
import { EXIT, UsageError, type Output } from './io.js';
import { loadModelFile, parseModelLimits } from './loadModelFile.js';
import { oneSystemToSolve } from './systems.js';
import { checkWritable, formatOutput, outputFormat, writeOutput } from './simulationOutput.js';
import { parseMaxEvents } from './workBudget.js';

/** The parseArgs options of `simulate --rare-event` beyond the shared ones. */
export const RARE_EVENT_FLAGS = {
  'rare-event': { type: 'boolean', default: false },
  bias: { type: 'string' },
} as const;

/** Flags of plain simulation that have no meaning for `--rare-event`. */
const NOT_WITH_RARE_EVENT = [
  'horizon',
  'grid',
  'measures',
  'mttf-cap',
  'workers',
  'shard',
  'measure',
] as const;

/** The parsed flags of `simulate` that `--rare-event` reads (the others must be absent). */
export interface RareEventValues {
  readonly replications?: string;
  readonly seed?: string;
  readonly bias?: string;
  readonly precision?: string;
  readonly json?: boolean;
  readonly csv?: boolean;
  readonly out?: string;
  readonly system?: string;
  readonly 'max-events'?: string;
  readonly 'max-model-size'?: string;
  readonly 'max-expression-length'?: string;
  readonly 'max-units'?: string;
  readonly [flag: string]: string | boolean | undefined;
}

export const RARE_EVENT_HELP = `  --rare-event      importance sampling (balanced failure biasing) over regeneration cycles, for
                    highly reliable systems: steady unavailability, failure frequency, MTBF and
                    MTTF with 95% intervals and relative errors. Needs exponential lives, every
                    component repaired, no standby, coverage 1, no idle_while_down. One thread;
                    --replications N pairs of cycles (default 10000), --seed S, --bias P;
                    --precision E% runs until the relative error of steadyUnavailability is <= E%
                    (at most --replications, default 1e6)
  --bias P          with --rare-event: probability in (0, 1) aimed at for a failure coming next
                    while some unit is failed (default 0.4; at
                    0.5 or more the likelihood ratio's variance is infinite)`;

/**
 * `relkit simulate MODEL --rare-event`: the result of {@link simulateRareEvent} as a table, JSON
 * or CSV. Flags of plain simulation that do not apply are refused (exit 64).
 *
 * @param precision - `--precision`, parsed: relative only (the relative error of U)
 *
 * @param values - the parsed flags of `simulate`
 * @param file - the model file
 * @param output - where to write
 * @returns the exit code
 */
export function rareEventCommand(
  values: RareEventValues,
  file: string,
  output: Output,
  precision?: { readonly epsilon: number; readonly relative: boolean },
): number {
  const given = NOT_WITH_RARE_EVENT.filter((flag) => values[flag] !== undefined);
  if (given.length > 0) {
    throw new UsageError(
      `--rare-event runs whole regeneration cycles on one thread: drop ${given.map((f) => `--${f}`).join(', ')}`,
    );
  }
  if (precision !== undefined && !(precision.relative && precision.epsilon < 1)) {
    throw new UsageError(
      `--precision with --rare-event is the relative error of steadyUnavailability: give a percentage below 100%, such as 10%; got ${values.precision}`,
    );
  }
  const { replications: replicationsText, seed: seedText, bias: biasText, out } = values;
  const bias = biasText === undefined ? undefined : parseNumberOption('--bias', biasText);
  if (bias !== undefined && !(bias > 0 && bias < 1)) {
    throw new UsageError(`--bias must be in (0, 1); got ${JSON.stringify(biasText)}`, EXIT.failed);
  }
  const format = outputFormat(values);
  if (out !== undefined) checkWritable(out);
  const maxEvents = parseMaxEvents(values['max-events']);
  const model = oneSystemToSolve(
    loadModelFile(file, { limits: parseModelLimits(values) }),
    values.system,
    'simulate',
  );
  const result = simulateRareEvent(model, {
    ...(replicationsText !== undefined && {
      replications: parseIntegerOption('--replications', replicationsText, 1),
    }),
    ...(precision !== undefined && { relativePrecision: precision.epsilon }),
    ...(seedText !== undefined && { seed: parseNumberOption('--seed', seedText) }),
    ...(bias !== undefined && { biasProbability: bias }),
    maxEvents,
  });
  const written =
    format === 'table' ? formatRareEventTable(result) : formatOutput(result, format, output);
  writeOutput(written, out, output);
  return EXIT.ok;
}

/** The table of a rare-event result: the common table with the technique and relative errors. */
function formatRareEventTable(result: RareEventResult): string {
  const [head, ...rest] = formatResult(result).split('\n');
  const errors = Object.entries(result.relativeError)
    .map(([name, value]) => `${name} ${(100 * value).toPrecision(3)} %`)
    .join(', ');
  const lines = [
    head!,
    `  ${result.technique} (p = ${result.biasProbability}), ${result.replications} replications of a cycle under each measure, seed ${result.seed}, ${result.biasedCyclesFailed} biased cycles with a system failure`,
    ...(errors === '' ? [] : [`  relative error (95% half-width / estimate): ${errors}`]),
    ...rest,
  ];
  return lines.join('\n');
}
