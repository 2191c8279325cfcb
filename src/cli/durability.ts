import { parseCommandLine } from './commandLine.js';
import { compareSimulation, type DurabilityComparison } from '../durability/compareSimulation.js';
import { durability, type DurabilityResult } from '../durability/durability.js';
import { parseDurabilitySpec, type DurabilitySpec } from '../durability/readDurabilitySpec.js';
import { simulateCluster, type ClusterSimulation } from '../durability/simulateCluster.js';
import { formatNumber, parseIntegerOption, parseNumberOption } from './format.js';
import { EXIT, readText, UsageError, type Output } from './io.js';
import { resultJson } from './json.js';
import { createProgress } from './progress.js';

export const DURABILITY_HELP: string = `relkit durability STUDY.yaml [--simulate N [--seed S] [--horizon T] [--progress]] [--json]

Durability of replicated or erasure-coded storage (docs/data-systems.md): mean time to data loss
(MTTDL, from all disks up) and the probability of data loss by the mission time, for one
placement group (exact, Markov engine) and for the whole cluster (a combinatorial model, stated
as such with its assumptions), and the expected number of groups lost by the mission time.

STUDY.yaml names the disks, groups, redundancy ({ replicas } or { data, parity }), the disks'
mttf and the rebuild (a time, or capacity, fill, bandwidth and parallelism), and optionally
racks and hosts (failure domains: shocks that lose their data, or host outages that only make
it unreadable for a while) and the placement across them, and latent_errors (a rate per disk
and a scrub interval: a rebuild with no redundancy left that meets one loses data).

  --simulate N  also simulate the actual cluster N times (one random placement, per-group lost
                chunks) and compare: |z| ≤ 4 agrees; exit 1 when a measure differs. At realistic
                rates no run sees a loss: the comparison then says INCONCLUSIVE; check with
                accelerated rates (a shorter mttf)
  --seed S      seed of the placement and the runs (default 1)
  --horizon T   a run without loss stops at T, ≥ mission_time (default 100 × mission_time)
  --progress    draw the progress line on standard error even when it is not a terminal
  --json        { study, result, simulation?, comparison? } as JSON

Exit 0 on success, 1 when the file is invalid or the simulation differs from the model, 64 for
a usage error.`;

/** The most runs `--simulate` takes: each run simulates the whole cluster. */
const MAX_RUNS = 1e6;

/** `relkit durability STUDY.yaml`: the durability measures, and optionally their check. */
export function durabilityCommand(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandLine({
    args: [...args],
    allowPositionals: true,
    options: {
      simulate: { type: 'string' },
      seed: { type: 'string' },
      horizon: { type: 'string' },
      progress: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) {
    throw new UsageError(`durability takes one study file\n\n${DURABILITY_HELP}`);
  }
  if (values.simulate === undefined) {
    for (const flag of ['seed', 'horizon'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} applies with --simulate`);
    }
  }
  const path = positionals[0]!; // one positional, checked above
  const spec = parseDurabilitySpec(readText(path), path);
  const result = durability(spec.input);
  let simulation: ClusterSimulation | undefined;
  let comparison: DurabilityComparison[] | undefined;
  if (values.simulate !== undefined) {
    const progress = createProgress({
      write: (text) => process.stderr.write(text),
      isTTY: values.progress || process.stderr.isTTY === true,
    });
    const mission = spec.input.missionTimes[0] ?? 0;
    const horizon =
      values.horizon === undefined ? undefined : parseNumberOption('--horizon', values.horizon);
    if (horizon !== undefined && !(horizon >= mission)) {
      throw new UsageError(
        `--horizon must be ≥ the mission time (${mission}), by which losses are counted; got ${values.horizon}`,
        EXIT.failed,
      );
    }
    simulation = simulateCluster(spec.input, {
      replications: parseIntegerOption('--simulate', values.simulate, 2, MAX_RUNS),
      seed: values.seed === undefined ? 1 : parseNumberOption('--seed', values.seed),
      ...(horizon === undefined ? {} : { horizon }),
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.finish();
    comparison = compareSimulation(result, simulation);
  }
  output.stdout(
    values.json
      ? resultJson({ study: spec, result, simulation, comparison })
      : formatDurability(spec, result, simulation, comparison),
  );
  return comparison?.some((c) => c.verdict === 'differs') ? EXIT.failed : EXIT.ok;
}

function formatDurability(
  spec: DurabilitySpec,
  result: DurabilityResult,
  simulation: ClusterSimulation | undefined,
  comparison: readonly DurabilityComparison[] | undefined,
): string {
  const { input, timeUnit } = spec;
  const t = formatNumber(input.missionTimes[0] ?? NaN);
  const { group, cluster } = result;
  const domains = input.domains;
  const hosts = input.hosts;
  const lines = [
    `${spec.name}: ${spec.redundancy}, ${input.disks} disks, ${input.groups} groups`,
    `  disk failure rate ${number(input.failureRate)} /${timeUnit}, rebuild time ${number(input.rebuildTime)} ${timeUnit}${rebuildNote(spec)}`,
    ...rebuildLimits(input, timeUnit),
    ...(domains === undefined
      ? []
      : [
          `  ${domains.racks} racks, placement on distinct ${domains.placement}s, ${
            domains.failureRate > 0
              ? `rack failure rate ${number(domains.failureRate)} /${timeUnit}, restore time ${number(domains.restoreTime)} ${timeUnit}`
              : 'racks that do not fail (placement only)'
          }`,
        ]),
    ...(hosts === undefined
      ? []
      : [
          `  ${hosts.hosts} hosts${domains === undefined ? `, placement on distinct ${hosts.placement ?? 'host'}s` : ''}, host failure rate ${number(hosts.failureRate)} /${timeUnit} (${hosts.failure === 'loss' ? 'losing its data' : 'unavailable, no data lost'}), ${hosts.failure === 'loss' ? 'restore' : 'back after'} ${number(hosts.restoreTime)} ${timeUnit}`,
        ]),
    ...(input.latentErrors === undefined
      ? []
      : [
          `  latent sector errors ${number(input.latentErrors.rate)} /${timeUnit} per disk, a scrub every ${number(input.latentErrors.scrubInterval)} ${timeUnit}`,
        ]),
    ...(group === undefined
      ? []
      : [
          '',
          `one group (${group.accuracy}${input.rebuildLaw === 'deterministic' ? ': rebuilds taken as exponential' : ''}${input.latentErrors === undefined ? '' : ' for latent errors taken at the scrub’s time average, an approximation'}, Markov engine):`,
          row('mttdl', group.mttdl, timeUnit),
          row(`lossProbability(${t})`, group.lossProbability[0]),
          ...(group.unavailability === undefined
            ? []
            : [
                row(`unavailability(${t})`, group.unavailability[0]),
                row('steadyUnavailability', group.steadyUnavailability),
              ]),
          ...(group.latentRebuildLoss === undefined
            ? []
            : [row('latentRebuildLoss', group.latentRebuildLoss)]),
        ]),
    '',
    cluster.states === 0
      ? `cluster (one group: the ${group?.accuracy ?? 'exact'} group figures):`
      : `cluster (combinatorial model: an approximation, ${cluster.states} states):`,
    row('mttdl', cluster.mttdl, timeUnit),
    row(`lossProbability(${t})`, cluster.lossProbability[0]),
    ...(cluster.expectedGroupsLost === undefined
      ? []
      : [row(`expectedGroupsLost(${t})`, cluster.expectedGroupsLost[0])]),
    ...(cluster.expectedGroupsUnavailable === undefined
      ? []
      : [row(`expectedGroupsUnavailable(${t})`, cluster.expectedGroupsUnavailable[0])]),
    '  assumptions:',
    ...result.cluster.assumptions.map((a) => `    - ${a}`),
  ];
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  if (simulation !== undefined && comparison !== undefined) {
    lines.push(
      '',
      `simulation of the cluster (${simulation.replications} runs, seed ${simulation.seed}, ${simulation.placement === 'per-run' ? 'a placement drawn per run' : 'one placement for all runs'}, ${simulation.failures} disk failures):`,
    );
    for (const c of comparison) {
      const estimate =
        c.estimate === undefined
          ? ''
          : `${number(c.estimate)} (standard error ${number(c.standardError ?? NaN)}) against ${number(c.model)}`;
      const verdict =
        c.verdict === 'inconclusive'
          ? `INCONCLUSIVE: ${c.note ?? ''}`
          : `z = ${(c.z ?? NaN).toFixed(2)}, ${c.verdict === 'agrees' ? 'agrees' : 'DIFFERS'}`;
      lines.push(
        `  ${c.measure.padEnd(LABEL_WIDTH - 1)} ${estimate}${estimate === '' ? '' : '; '}${verdict}`,
      );
    }
    if (result.rebuildLaw === 'deterministic') {
      lines.push(
        '  (the model takes the deterministic rebuilds as exponential of the same mean, an approximation; the simulation as they are: a difference may be that approximation)',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const LABEL_WIDTH = 28;

function row(label: string, value: number | undefined, unit: string = ''): string {
  return `  ${label.padEnd(LABEL_WIDTH - 1)} ${number(value ?? NaN)}${unit === '' ? '' : ` ${unit}`}`;
}

/** {@link formatNumber}, with large exponents written as small ones are (`2.5e21`). */
function number(value: number): string {
  return formatNumber(value).replace('e+', 'e');
}

/** The limits on rebuilds at once, when the study sets them: one header line, or none. */
function rebuildLimits(input: DurabilitySpec['input'], timeUnit: string): string[] {
  const limits = [
    ...(input.concurrentRebuilds === undefined
      ? []
      : [`at most ${input.concurrentRebuilds} rebuilds at once`]),
    ...(input.sharedRebuildRate === undefined
      ? []
      : [
          `the cluster's rebuild bandwidth shared, at most ${number(input.sharedRebuildRate)} disks' data /${timeUnit} in all`,
        ]),
  ];
  return limits.length === 0 ? [] : [`  ${limits.join('; ')}`];
}

function rebuildNote(spec: DurabilitySpec): string {
  const r = spec.rebuild;
  if (r === undefined) return '';
  return ` = ${formatNumber(r.capacity)} × ${formatNumber(r.fill)} / (${formatNumber(r.bandwidth)} × ${formatNumber(r.parallelism)})`;
}
