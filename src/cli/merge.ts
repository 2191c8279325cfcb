import { parseCommandLine } from './commandLine.js';
import { formatValue, ParameterError } from '../errors.js';
import type { Model } from '../model/Model.js';
import { modelHash } from '../model/modelHash.js';
import { systemView } from '../model/systemView.js';
import { finalizeSimulation, finalizeSystems } from '../sim/simulate.js';
import {
  mergeSimulationStats,
  mergeSystemsStats,
  type SimulationStats,
  type SystemsSimulationStats,
} from '../sim/stats.js';
import { validateSimulationStats, validateStatsParts } from '../sim/statsValidation.js';
import type { SimulationResult } from '../sim/types.js';
import { EXIT, readJsonFile, UsageError } from './io.js';
import type { Output } from './io.js';
import {
  checkWritable,
  formatOutput,
  formatSystemsOutput,
  outputFormat,
  writeOutput,
} from './simulationOutput.js';
import { shardRange } from './simulationFlags.js';

export const MERGE_HELP = `relkit merge PART... [--json | --csv] [--out FILE]

Merges the statistics written by relkit simulate --shard i/n into one simulation result (for a
model with several systems simulated together, the result of each system). The merge of all n
shards equals the single run of the same replications, bit for bit. Parts of
different models, seeds, horizons or grids, or with overlapping replications, are refused, and
so is a part with a field of the wrong type, length or range (the message names the file and
the field).

  --json | --csv  the result as JSON, or as CSV rows measure,t,value,lo,hi
  --out FILE      write the output to FILE atomically

Exit 0 on success, 1 when a part cannot be read or the parts do not belong together, 64 for a
usage error.`;

/** Which slice of how many replications a shard was. */
interface ShardSlice {
  readonly index: number;
  readonly count: number;
  readonly replications: number;
}

/**
 * A shard file: the mergeable statistics, plus the evaluated model they were simulated on (so
 * merge needs no model file) and which slice of how many replications the shard was.
 */
export type ShardFile = SimulationStats & { readonly model: Model; readonly shard: ShardSlice };

/** A shard file of every system of a model simulated together: per system its statistics. */
export type SystemsShardFile = SystemsSimulationStats & {
  readonly model: Model;
  readonly shard: ShardSlice;
};

/** `relkit merge`: shards' statistics into one result. */
export function mergeCommand(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandLine({
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
  const several = parts.map(
    (part) => typeof part === 'object' && part !== null && 'systems' in part,
  );
  const odd = several.indexOf(!several[0]);
  if (odd >= 0) {
    throw new UsageError(
      `merge: ${positionals[odd]}: ${several[odd] ? 'holds several systems' : 'holds one system'}, and ${positionals[0]} does not: parts of different runs do not merge`,
      EXIT.failed,
    );
  }
  if (several[0]) {
    const { model, systems } = mergeSystemShards(parts, positionals);
    writeOutput(formatSystemsOutput(model, systems, format, output), values.out, output);
  } else {
    writeOutput(formatOutput(mergeShards(parts, positionals), format, output), values.out, output);
  }
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
  return withGaps(finalizeSimulation(shards[0]!.model, stats), stats, shards);
}

/**
 * Merges parsed shard files of a joint run of a model's several systems
 * (`relkit simulate MODEL --shard i/n` on such a model), as {@link mergeShards} does one
 * system's: every system's statistics checked and merged, then each system's result.
 *
 * @param parts - the parsed JSON of each file, at least one
 * @param paths - the file names, for messages
 * @returns the model and each system's result, in the model's order
 * @throws {@link UsageError} (exit 1) naming the file and the field when a part is refused
 */
export function mergeSystemShards(
  parts: readonly unknown[],
  paths: readonly string[],
): { model: Model; systems: { name: string; result: SimulationResult }[] } {
  const shards = parts.map((part, i) => checkSystemsShard(part, paths[i] ?? `part ${i}`));
  const model = shards[0]!.model;
  const names = paths.map((path, i) => `${path} (part ${i})`);
  let merged: SystemsSimulationStats;
  try {
    model.systems?.forEach(({ name }, s) =>
      validateStatsParts(
        shards.map((part) => part.systems[s]!.stats), // checked against the model's systems
        names.map((part) => `${part}.systems[${s}] (${name})`),
      ),
    );
    merged = mergeSystemsStats(shards);
  } catch (error) {
    if (!(error instanceof ParameterError)) throw error;
    throw new UsageError(`merge: ${describeMismatch(error, paths)}`, EXIT.failed);
  }
  const { systems } = finalizeSystems(model, merged);
  return {
    model,
    systems: merged.systems.map(({ name, stats }) => ({
      name,
      result: withGaps(systems[name]!, stats, shards), // finalized above
    })),
  };
}

/** The result with a warning naming the replications no part covers, if any. */
function withGaps(
  result: SimulationResult,
  stats: SimulationStats,
  shards: readonly { readonly shard: ShardSlice }[],
): SimulationResult {
  const planned = Math.max(...shards.map((part) => part.shard.replications));
  const gaps = missingRanges(stats.ranges, planned);
  if (gaps.length === 0) return result;
  const warning = `the parts cover ${stats.replications} of ${planned} replications; missing ${gaps.map(([a, b]) => (b - a === 1 ? `${a}` : `${a}-${b - 1}`)).join(', ')} (a shard not run, or interrupted)`;
  return { ...result, warnings: [...result.warnings, warning] };
}

/**
 * Checks one part: a shard file from relkit simulate --shard, whose statistics have the layout
 * and invariants of {@link validateSimulationStats}, whose `shard` is a slice i of n of N
 * replications holding only replications of that slice, and whose `model` hashes to its
 * `modelHash` and has one criticality counter per component.
 */
function checkShard(data: unknown, path: string): ShardFile {
  const { model, slice } = checkEnvelope(data, path);
  checkStats(data, model, slice, '', path);
  return data as ShardFile;
}

/**
 * Checks one part of a joint run of several systems: as {@link checkShard}, with per system of
 * the model (same names, same order) statistics whose `modelHash` is that of the system's view.
 */
function checkSystemsShard(data: unknown, path: string): SystemsShardFile {
  const { model, slice } = checkEnvelope(data, path);
  const systems = (data as { systems?: unknown }).systems;
  const names = model.systems?.map(({ name }) => name) ?? [];
  const given = Array.isArray(systems)
    ? systems.map((entry: unknown) => (entry as { name?: unknown } | null)?.name)
    : undefined;
  if (given === undefined || given.join('\n') !== names.join('\n')) {
    throw new UsageError(
      `merge: ${path}: systems must be [{ name, stats }] for the model's systems (${names.join(', ')}); got ${formatValue(given ?? systems)}`,
      EXIT.failed,
    );
  }
  names.forEach((name, s) => {
    const stats = (systems as { stats?: unknown }[])[s]!.stats; // as many as the names
    checkStats(stats, systemView(model, name), slice, `systems[${s}].stats.`, path);
  });
  return data as SystemsShardFile;
}

/**
 * Checks what every shard file carries besides its statistics: `shard`, a slice i of n of N
 * replications, and `model`, the evaluated model; returns the model and the slice's range.
 */
function checkEnvelope(
  data: unknown,
  path: string,
): { model: Model; slice: { index: number; count: number; first: number; size: number } } {
  const refuse = (message: string): never => {
    throw new UsageError(`merge: ${path}: ${message}`, EXIT.failed);
  };
  const must = (field: string, expectation: string, value: unknown): never =>
    refuse(`${field} must ${expectation}; got ${formatValue(value)}`);
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('shard' in data)) {
    refuse('is not a shard file; write parts with relkit simulate MODEL --shard i/n --out FILE');
  }
  const part = data as { shard?: unknown; model?: unknown };
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
  const model: unknown = part.model;
  if (typeof model !== 'object' || model === null || !Array.isArray((model as Model).components)) {
    must('model', 'be the evaluated model relkit simulate wrote', model);
  }
  const [first, size] = shardRange(slice, slices, total);
  return { model: model as Model, slice: { index: slice, count: slices, first, size } };
}

/**
 * Checks one part's statistics (at `prefix` in the file): their layout and invariants
 * ({@link validateSimulationStats}), replications only of the part's slice, a `modelHash` that
 * is the model's, one criticality counter per component.
 */
function checkStats(
  data: unknown,
  model: Model,
  slice: { index: number; count: number; first: number; size: number },
  prefix: string,
  path: string,
): void {
  const must = (field: string, expectation: string, value: unknown): never => {
    throw new UsageError(
      `merge: ${path}: ${prefix}${field} must ${expectation}; got ${formatValue(value)}`,
      EXIT.failed,
    );
  };
  try {
    validateSimulationStats(data, '');
  } catch (error) {
    if (!(error instanceof ParameterError)) throw error;
    must(error.parameter, error.expectation, error.value);
  }
  const part = data as SimulationStats;
  if (part.replications < 1)
    must('replications', 'be at least 1 in a shard file', part.replications);
  const { first, size, index, count } = slice;
  for (const [i, [a, b]] of part.ranges.entries()) {
    if (a < first || b > first + size) {
      must(
        `ranges[${i}]`,
        `lie in [${first}, ${first + size}), the replications of shard ${index}/${count}`,
        [a, b],
      );
    }
  }
  const hash = modelHash(model);
  if (hash !== part.modelHash) {
    throw new UsageError(
      `merge: ${path}: model must hash to ${prefix}modelHash (${part.modelHash}): the model was changed after the run; got ${formatValue(hash)}`,
      EXIT.failed,
    );
  }
  const components = model.components.length;
  if (part.criticality.length !== components) {
    must('criticality.length', `be ${components}, the model's components`, part.criticality.length);
  }
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
