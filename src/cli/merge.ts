import { parseArgs } from 'node:util';
import { ParameterError } from '../errors.js';
import type { Model } from '../model/Model.js';
import { finalizeSimulation } from '../sim/simulate.js';
import { mergeSimulationStats, type SimulationStats } from '../sim/stats.js';
import { EXIT, readJsonFile, UsageError } from './io.js';
import type { Output } from './main.js';
import { checkWritable, formatOutput, outputFormat, writeOutput } from './simulationOutput.js';

export const MERGE_HELP = `relkit merge PART... [--json | --csv] [--out FILE]

Merges the statistics written by relkit simulate --shard i/n into one simulation result. The
merge of all n shards equals the single run of the same replications, bit for bit. Parts of
different models, seeds, horizons or grids, or with overlapping replications, are refused.

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
  const parts = positionals.map(readShard);
  let stats: SimulationStats;
  try {
    stats = mergeSimulationStats(parts);
  } catch (error) {
    if (!(error instanceof ParameterError)) throw error;
    throw new UsageError(`merge: ${describeMismatch(error, positionals)}`, EXIT.failed);
  }
  const result = finalizeSimulation(parts[0]!.model, stats);
  const planned = Math.max(...parts.map((part) => part.shard.replications));
  const gaps = missingRanges(stats.ranges, planned);
  const warnings = [...result.warnings];
  if (gaps.length > 0) {
    warnings.push(
      `the parts cover ${stats.replications} of ${planned} replications; missing ${gaps.map(([a, b]) => (b - a === 1 ? `${a}` : `${a}-${b - 1}`)).join(', ')} (a shard not run, or interrupted)`,
    );
  }
  writeOutput(formatOutput({ ...result, warnings }, format, output), values.out, output);
  return EXIT.ok;
}

/** Reads one part, checking that it is a shard file from relkit simulate --shard. */
function readShard(path: string): ShardFile {
  const data = readJsonFile(path);
  const part = data as Partial<ShardFile> | null;
  if (
    typeof part !== 'object' ||
    part === null ||
    typeof part.version !== 'number' ||
    !Array.isArray(part.ranges) ||
    typeof part.model !== 'object' ||
    typeof part.shard?.replications !== 'number'
  ) {
    throw new UsageError(
      `${path}: is not a shard file; write parts with relkit simulate MODEL --shard i/n --out FILE`,
      EXIT.failed,
    );
  }
  return part as ShardFile;
}

/** Names the files in a mergeSimulationStats message (`parts[2].seed` → `c.json`). */
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
