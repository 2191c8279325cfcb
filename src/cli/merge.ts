import { parseArgs } from 'node:util';
import { formatValue, ParameterError } from '../errors.js';
import type { Model } from '../model/Model.js';
import { modelHash } from '../model/modelHash.js';
import { finalizeSimulation } from '../sim/simulate.js';
import { mergeSimulationStats, type SimulationStats } from '../sim/stats.js';
import { validateSimulationStats, validateStatsParts } from '../sim/statsValidation.js';
import type { SimulationResult } from '../sim/types.js';
import { EXIT, readJsonFile, UsageError } from './io.js';
import type { Output } from './io.js';
import { checkWritable, formatOutput, outputFormat, writeOutput } from './simulationOutput.js';
import { shardRange } from './simulationFlags.js';

export const MERGE_HELP = `relkit merge PART... [--json | --csv] [--out FILE]

Merges the statistics written by relkit simulate --shard i/n into one simulation result. The
merge of all n shards equals the single run of the same replications, bit for bit. Parts of
different models, seeds, horizons or grids, or with overlapping replications, are refused, and
so is a part with a field of the wrong type, length or range (the message names the file and
the field).

  --json | --csv  the result as JSON, or as CSV rows measure,t,value,lo,hi
  --out FILE      write the output to FILE atomically

Exit 0 on success, 1 when a part cannot be read or the parts do not belong together, 64 for a
usage error.`;

/**
 * A shard file: the mergeable statistics, plus the evaluated model they were simulated on (so
 * merge needs no model file) and which slice of how many replications the shard was.
 */
export type ShardFile = SimulationStats & {
  readonly model: Model;
  readonly shard: { readonly index: number; readonly count: number; readonly replications: number };
};

/** `relkit merge`: shards' statistics into one result. */
export function mergeCommand(args: readonly string[], output: Output): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  if (positionals.length === 0)
    throw new UsageError(`merge takes one or more parts\n\n${MERGE_HELP}`);
  const format = outputFormat(values);
  if (values.out !== undefined) checkWritable(values.out);
  const parts = positionals.map(readJsonFile);
  const result = mergeShards(parts, positionals);
  writeOutput(formatOutput(result, format, output), values.out, output);
  return EXIT.ok;
}

/**
 * Merges parsed shard files into one simulation result, after checking each part's shape and
 * invariants ({@link validateSimulationStats}), its `shard` and `model`, and that the parts
 * belong together; a warning names the replications no part covers.
 *
 * @param parts - the parsed JSON of each file, at least one
 * @param paths - the file names, for messages
 * @returns the result of the merged statistics, as `relkit simulate` gives it
 * @throws {@link UsageError} (exit 1) naming the file and the field when a part is refused
 *
 * @remarks No file-system access: `relkit merge` reads the files, the fuzzer of
 * test/fuzz/mergeParts.test.ts calls it on mutated parts. Cost O(parts · size of a part).
 */
export function mergeShards(parts: readonly unknown[], paths: readonly string[]): SimulationResult {
  const shards = parts.map((part, i) => checkShard(part, paths[i] ?? `part ${i}`));
  const names = paths.map((path, i) => `${path} (part ${i})`);
  let stats: SimulationStats;
  try {
    validateStatsParts(shards, names);
    stats = mergeSimulationStats(shards);
  } catch (error) {
    if (!(error instanceof ParameterError)) throw error;
    throw new UsageError(`merge: ${describeMismatch(error, paths)}`, EXIT.failed);
  }
  const result = finalizeSimulation(shards[0]!.model, stats);
  const planned = Math.max(...shards.map((part) => part.shard.replications));
  const gaps = missingRanges(stats.ranges, planned);
  const warnings = [...result.warnings];
  if (gaps.length > 0) {
    warnings.push(
      `the parts cover ${stats.replications} of ${planned} replications; missing ${gaps.map(([a, b]) => (b - a === 1 ? `${a}` : `${a}-${b - 1}`)).join(', ')} (a shard not run, or interrupted)`,
    );
  }
  return { ...result, warnings };
}

/**
 * Checks one part: a shard file from relkit simulate --shard, whose statistics have the layout
 * and invariants of {@link validateSimulationStats}, whose `shard` is a slice i of n of N
 * replications holding only replications of that slice, and whose `model` hashes to its
 * `modelHash` and has one criticality counter per component.
 */
function checkShard(data: unknown, path: string): ShardFile {
  const refuse = (message: string): never => {
    throw new UsageError(`merge: ${path}: ${message}`, EXIT.failed);
  };
  const must = (field: string, expectation: string, value: unknown): never =>
    refuse(`${field} must ${expectation}; got ${formatValue(value)}`);
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('shard' in data)) {
    refuse('is not a shard file; write parts with relkit simulate MODEL --shard i/n --out FILE');
  }
  try {
    validateSimulationStats(data, '');
  } catch (error) {
    if (!(error instanceof ParameterError)) throw error;
    must(error.parameter, error.expectation, error.value);
  }
  const part = data as ShardFile;
  const shard: unknown = part.shard;
  if (typeof shard !== 'object' || shard === null) {
    must('shard', 'be { index, count, replications }', shard);
  }
  const { index, count, replications } = shard as Record<string, unknown>;
  const integer = (field: string, value: unknown, min: number, max: number): number => {
    if (!(typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)) {
      must(field, `be an integer in [${min}, ${max}]`, value);
    }
    return value as number;
  };
  const total = integer('shard.replications', replications, 1, Number.MAX_SAFE_INTEGER);
  // Slices ⌊i·N/n⌋ are exact while n·N < 2^53.
  const slices = integer('shard.count', count, 1, Math.floor(Number.MAX_SAFE_INTEGER / total));
  const slice = integer('shard.index', index, 0, slices - 1);
  if (part.replications < 1)
    must('replications', 'be at least 1 in a shard file', part.replications);
  const [first, size] = shardRange(slice, slices, total);
  for (const [i, [a, b]] of part.ranges.entries()) {
    if (a < first || b > first + size) {
      must(
        `ranges[${i}]`,
        `lie in [${first}, ${first + size}), the replications of shard ${slice}/${slices} of ${total}`,
        [a, b],
      );
    }
  }
  const model: unknown = part.model;
  if (typeof model !== 'object' || model === null || !Array.isArray((model as Model).components)) {
    must('model', 'be the evaluated model relkit simulate wrote', model);
  }
  const hash = modelHash(model as Model);
  if (hash !== part.modelHash) {
    must(
      'model',
      `hash to modelHash (${part.modelHash}): the model was changed after the run`,
      hash,
    );
  }
  const components = (model as Model).components.length;
  if (part.criticality.length !== components) {
    must('criticality.length', `be ${components}, the model's components`, part.criticality.length);
  }
  return part;
}

/** Names the files in a mergeSimulationStats message (`parts[2].seed` → `c.json (part 2)`). */
function describeMismatch(error: ParameterError, paths: readonly string[]): string {
  return error.message.replace(/parts\[(\d+)\]/g, (whole, index: string) => {
    const path = paths[Number(index)];
    return path === undefined ? whole : `${path} (part ${index})`;
  });
}

/** The ranges of replications 0 … planned − 1 not in `ranges` (sorted and coalesced). */
function missingRanges(
  ranges: readonly (readonly [number, number])[],
  planned: number,
): [number, number][] {
  const gaps: [number, number][] = [];
  let next = 0;
  for (const [first, end] of ranges) {
    if (first > next) gaps.push([next, first]);
    next = end;
  }
  if (next < planned) gaps.push([next, planned]);
  return gaps;
}
