import { ModelError, formatValue, type ModelIssue } from '../errors.js';
import { DEFAULT_MODEL_LIMITS } from '../model/ModelLimits.js';
import { parseModelText, type Path, type PathIssue } from '../model/source.js';
import {
  checkDurabilityInput,
  hierarchy,
  rebuildTime,
  type DurabilityInput,
  type HostDomains,
  type LatentErrors,
  type Placement,
  type RackDomains,
} from './durabilityInput.js';

/** A durability study read from a file: the cluster and how its rebuild time was obtained. */
export interface DurabilitySpec {
  readonly name: string;
  readonly description?: string;
  /** The unit of every time and rate. */
  readonly timeUnit: string;
  /** `r-way replication` or `k+m erasure code`. */
  readonly redundancy: string;
  readonly input: DurabilityInput;
  /** How the rebuild time follows from the data and the bandwidth, when it was not given. */
  readonly rebuild?: {
    readonly capacity: number;
    readonly fill: number;
    readonly bandwidth: number;
    readonly parallelism: number;
  };
}

const TOP_KEYS = [
  'name',
  'description',
  'time_unit',
  'mission_time',
  'disks',
  'groups',
  'redundancy',
  'disk',
  'rebuild',
  'racks',
  'hosts',
  'placement',
  'latent_errors',
];

/**
 * Reads a durability study (docs/data-systems.md, "The durability file"): YAML or JSON with
 * `name`, `time_unit`, `mission_time`, `disks`, `groups`, `redundancy` (`{ replicas }` or
 * `{ data, parity }`), `disk` (`mttf` or `failure_rate`, and `capacity`, `fill` when the rebuild
 * is given by bandwidth), `rebuild` (`time`, or `bandwidth` with `parallelism`; and
 * `concurrent`) and optionally `racks` (`count`, `mttf` of shocks that lose a rack's data,
 * `restore_time`, by default the disks of a rack × the disk rebuild time), `hosts` (`count`,
 * `mttf`, `failure`: unavailable (default) or loss, `restore_time`: required for unavailable,
 * by default the disks of a host × the disk rebuild time for loss) and `placement` (rack, host
 * or disk; by default the outermost domain given; also accepted as `racks.placement`), and
 * `latent_errors` (`rate` per disk, `scrub_interval`).
 *
 * @param text - the file's text
 * @param file - its name, for messages
 * @returns the study
 * @throws {@link ModelError} with every problem located at its line and column.
 */
export function parseDurabilitySpec(text: string, file: string = '<input>'): DurabilitySpec {
  const { source, issues } = parseModelText(text, file, DEFAULT_MODEL_LIMITS.maxModelSize);
  if (issues.length > 0) throw new ModelError(issues);
  const problems: PathIssue[] = [];
  const reader = new Reader(source.data, problems);
  const spec = reader.read();
  if (problems.length > 0 || spec === undefined) {
    const located: ModelIssue[] = problems.map((problem) => source.locate(problem));
    throw new ModelError(
      located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)),
    );
  }
  return spec;
}

class Reader {
  constructor(
    private readonly data: unknown,
    private readonly problems: PathIssue[],
  ) {}

  read(): DurabilitySpec | undefined {
    const top = this.mapping([], this.data, TOP_KEYS);
    if (top === undefined) return undefined;
    const name = this.string(['name'], top.name, true);
    const description = this.string(['description'], top.description, false);
    const timeUnit = this.string(['time_unit'], top.time_unit, false) ?? 'h';
    const mission = this.number(['mission_time'], top.mission_time, true, 'positive');
    const disks = this.number(['disks'], top.disks, true, 'integer');
    const groups = this.number(['groups'], top.groups, true, 'integer');
    const redundancy = this.redundancy(top.redundancy);
    const disk = this.mapping(['disk'], top.disk, ['mttf', 'failure_rate', 'capacity', 'fill']);
    const rebuild = this.mapping(['rebuild'], top.rebuild, [
      'time',
      'bandwidth',
      'parallelism',
      'concurrent',
      'law',
      'cluster_bandwidth',
    ]);
    if (disk === undefined || rebuild === undefined) return undefined;
    const failureRate = this.failureRate(disk);
    const concurrent = this.number(['rebuild', 'concurrent'], rebuild.concurrent, false, 'integer');
    const law = rebuild.law ?? 'exponential';
    if (law !== 'exponential' && law !== 'deterministic') {
      this.problem(
        ['rebuild', 'law'],
        `must be exponential or deterministic; got ${formatValue(law)}`,
      );
    }
    const time = this.rebuildTime(disk, rebuild, disks);
    const placement = this.placement(top);
    const domains = this.domains(top.racks, disks, time?.time, placement);
    const hosts = this.hosts(top.hosts, disks, domains, time?.time, placement);
    const latent = this.latentErrors(top.latent_errors);
    if (
      latent !== undefined &&
      ((domains?.failureRate ?? 0) > 0 || (hosts?.failureRate ?? 0) > 0)
    ) {
      this.problem(
        ['latent_errors'],
        'cannot be combined with racks or hosts that fail yet (latent errors are modelled with disk failures only)',
      );
    }
    if (
      this.problems.length > 0 ||
      name === undefined ||
      mission === undefined ||
      disks === undefined ||
      groups === undefined ||
      redundancy === undefined ||
      failureRate === undefined ||
      time === undefined
    ) {
      return undefined;
    }
    const input: DurabilityInput = {
      disks,
      groups,
      width: redundancy.width,
      tolerated: redundancy.tolerated,
      failureRate,
      rebuildTime: time.time,
      ...(concurrent === undefined ? {} : { concurrentRebuilds: concurrent }),
      ...(law === 'deterministic' ? { rebuildLaw: 'deterministic' as const } : {}),
      ...(time.shared === undefined ? {} : { sharedRebuildRate: time.shared }),
      missionTimes: [mission],
      ...(domains === undefined ? {} : { domains }),
      ...(hosts === undefined ? {} : { hosts }),
      ...(latent === undefined ? {} : { latentErrors: latent }),
    };
    if (domains?.placement === 'rack' && domains.racks < redundancy.width) {
      this.problem(
        ['racks', 'count'],
        `must be at least the group width ${redundancy.width} for placement in distinct racks; got ${domains.racks}`,
      );
      return undefined;
    }
    if (
      hierarchy(input).placement === 'host' &&
      hosts !== undefined &&
      hosts.hosts < redundancy.width
    ) {
      this.problem(
        ['hosts', 'count'],
        `must be at least the group width ${redundancy.width} for placement on distinct hosts; got ${hosts.hosts}`,
      );
      return undefined;
    }
    if (disks < redundancy.width) {
      this.problem(['disks'], `must be at least the group width ${redundancy.width}; got ${disks}`);
      return undefined;
    }
    checkDurabilityInput('durability file', input);
    return {
      name,
      ...(description === undefined ? {} : { description }),
      timeUnit,
      redundancy: redundancy.label,
      input,
      ...(time.derived === undefined ? {} : { rebuild: time.derived }),
    };
  }

  private redundancy(
    value: unknown,
  ): { width: number; tolerated: number; label: string } | undefined {
    const path = ['redundancy'];
    const map = this.mapping(path, value, ['replicas', 'data', 'parity']);
    if (map === undefined) return undefined;
    if (map.replicas !== undefined) {
      if (map.data !== undefined || map.parity !== undefined) {
        this.problem(path, 'takes replicas, or data and parity, not both');
        return undefined;
      }
      const r = this.number([...path, 'replicas'], map.replicas, true, 'integer');
      return r === undefined
        ? undefined
        : { width: r, tolerated: r - 1, label: `${r}-way replication` };
    }
    const k = this.number([...path, 'data'], map.data, true, 'integer');
    const m = this.number([...path, 'parity'], map.parity, true, 'count');
    if (k === undefined || m === undefined) return undefined;
    return { width: k + m, tolerated: m, label: `${k}+${m} erasure code` };
  }

  /**
   * The placement: top-level `placement`, or `racks.placement` (not both); checked against the
   * domains that exist.
   */
  private placement(top: Record<string, unknown>): { value: Placement; path: Path } | undefined {
    const racks = top.racks as Record<string, unknown> | undefined;
    const nested = typeof racks === 'object' && racks !== null ? racks.placement : undefined;
    if (top.placement !== undefined && nested !== undefined) {
      this.problem(['placement'], 'is given twice (here and as racks.placement); keep one');
      return undefined;
    }
    const path = nested === undefined ? ['placement'] : ['racks', 'placement'];
    const value = top.placement ?? nested;
    if (value === undefined) return undefined;
    if (value !== 'rack' && value !== 'host' && value !== 'disk') {
      this.problem(path, `must be rack, host or disk; got ${formatValue(value)}`);
      return undefined;
    }
    if (top.racks === undefined && top.hosts === undefined) {
      this.problem(path, 'applies with racks or hosts; without them it would be ignored');
      return undefined;
    }
    if (value === 'rack' && top.racks === undefined) {
      this.problem(path, 'is rack, but no racks are given');
      return undefined;
    }
    if (value === 'host' && top.hosts === undefined) {
      this.problem(path, 'is host, but no hosts are given');
      return undefined;
    }
    return { value, path };
  }

  private domains(
    value: unknown,
    disks: number | undefined,
    diskRebuild: number | undefined,
    placement: { value: Placement } | undefined,
  ): RackDomains | undefined {
    if (value === undefined) return undefined;
    const path = ['racks'];
    const map = this.mapping(path, value, ['count', 'placement', 'mttf', 'restore_time']);
    if (map === undefined) return undefined;
    const racks = this.number([...path, 'count'], map.count, true, 'integer');
    const mttf = this.number([...path, 'mttf'], map.mttf, false, 'positive');
    const restore = this.number([...path, 'restore_time'], map.restore_time, false, 'positive');
    if (restore !== undefined && mttf === undefined) {
      this.problem(
        [...path, 'restore_time'],
        'applies when racks fail (racks.mttf); without it it would be ignored',
      );
    }
    if (racks === undefined || disks === undefined || diskRebuild === undefined) return undefined;
    if (disks % racks !== 0) {
      this.problem([...path, 'count'], `must divide the ${disks} disks; got ${racks}`);
      return undefined;
    }
    return {
      racks,
      placement: placement?.value ?? 'rack',
      failureRate: mttf === undefined ? 0 : 1 / mttf,
      restoreTime: restore ?? (disks / racks) * diskRebuild,
    };
  }

  private hosts(
    value: unknown,
    disks: number | undefined,
    racks: RackDomains | undefined,
    diskRebuild: number | undefined,
    placement: { value: Placement } | undefined,
  ): HostDomains | undefined {
    if (value === undefined) return undefined;
    const path = ['hosts'];
    const map = this.mapping(path, value, ['count', 'mttf', 'restore_time', 'failure']);
    if (map === undefined) return undefined;
    const hosts = this.number([...path, 'count'], map.count, true, 'integer');
    const mttf = this.number([...path, 'mttf'], map.mttf, false, 'positive');
    const failure = map.failure ?? 'unavailable';
    if (failure !== 'unavailable' && failure !== 'loss') {
      this.problem(
        [...path, 'failure'],
        `must be unavailable or loss; got ${formatValue(failure)}`,
      );
    }
    const restore = this.number([...path, 'restore_time'], map.restore_time, false, 'positive');
    for (const key of ['restore_time', 'failure'] as const) {
      if (map[key] !== undefined && mttf === undefined) {
        this.problem(
          [...path, key],
          'applies when hosts fail (hosts.mttf); without it it would be ignored',
        );
      }
    }
    if (mttf !== undefined && failure === 'unavailable' && restore === undefined) {
      this.problem(
        [...path, 'restore_time'],
        'is required for hosts that become unavailable (the time until a host is back)',
      );
    }
    if (hosts === undefined || disks === undefined || diskRebuild === undefined) return undefined;
    if (disks % hosts !== 0) {
      this.problem([...path, 'count'], `must divide the ${disks} disks; got ${hosts}`);
      return undefined;
    }
    if (racks !== undefined && hosts % racks.racks !== 0) {
      this.problem(
        [...path, 'count'],
        `must be a multiple of the ${racks.racks} racks (hosts of equal size in racks of equal size); got ${hosts}`,
      );
      return undefined;
    }
    return {
      hosts,
      failure: failure === 'loss' ? 'loss' : 'unavailable',
      failureRate: mttf === undefined ? 0 : 1 / mttf,
      restoreTime: restore ?? (disks / hosts) * diskRebuild,
      ...(racks === undefined && placement !== undefined
        ? { placement: placement.value === 'disk' ? 'disk' : 'host' }
        : {}),
    };
  }

  private latentErrors(value: unknown): LatentErrors | undefined {
    if (value === undefined) return undefined;
    const path = ['latent_errors'];
    const map = this.mapping(path, value, ['rate', 'scrub_interval']);
    if (map === undefined) return undefined;
    const rate = this.number([...path, 'rate'], map.rate, true, 'positive');
    const interval = this.number([...path, 'scrub_interval'], map.scrub_interval, true, 'positive');
    return rate === undefined || interval === undefined
      ? undefined
      : { rate, scrubInterval: interval };
  }

  private failureRate(disk: Record<string, unknown>): number | undefined {
    const path = ['disk'];
    if ((disk.mttf === undefined) === (disk.failure_rate === undefined)) {
      this.problem(path, 'takes one of mttf and failure_rate (exponential lifetimes)');
      return undefined;
    }
    if (disk.mttf !== undefined) {
      const mttf = this.number([...path, 'mttf'], disk.mttf, true, 'positive');
      return mttf === undefined ? undefined : 1 / mttf;
    }
    return this.number([...path, 'failure_rate'], disk.failure_rate, true, 'positive');
  }

  private rebuildTime(
    disk: Record<string, unknown>,
    rebuild: Record<string, unknown>,
    disks: number | undefined,
  ): { time: number; derived?: DurabilitySpec['rebuild']; shared?: number } | undefined {
    if ((rebuild.time === undefined) === (rebuild.bandwidth === undefined)) {
      this.problem(
        ['rebuild'],
        rebuild.time === undefined
          ? 'needs a time, or a bandwidth (with the disk capacity); got neither'
          : 'takes one of time and bandwidth, not both',
      );
      return undefined;
    }
    if (rebuild.time !== undefined) {
      for (const key of ['parallelism', 'cluster_bandwidth'] as const) {
        if (rebuild[key] !== undefined) {
          this.problem(['rebuild', key], 'applies with bandwidth, not with time');
        }
      }
      for (const key of ['capacity', 'fill'] as const) {
        if (disk[key] !== undefined) {
          this.problem(
            ['disk', key],
            'sets the rebuild time with a bandwidth; with rebuild.time it would be ignored',
          );
        }
      }
      const time = this.number(['rebuild', 'time'], rebuild.time, true, 'positive');
      return time === undefined ? undefined : { time };
    }
    const capacity = this.number(['disk', 'capacity'], disk.capacity, true, 'positive');
    const fill = this.number(['disk', 'fill'], disk.fill, false, 'fraction') ?? 1;
    const bandwidth = this.number(['rebuild', 'bandwidth'], rebuild.bandwidth, true, 'positive');
    const parallelism =
      this.number(['rebuild', 'parallelism'], rebuild.parallelism, false, 'atLeastOne') ?? 1;
    if (capacity === undefined || bandwidth === undefined) return undefined;
    if (disks !== undefined && parallelism > disks - 1) {
      this.problem(
        ['rebuild', 'parallelism'],
        `must be at most the other disks, ${disks - 1} (the peers re-creating a lost disk); got ${parallelism}`,
      );
      return undefined;
    }
    const cluster = this.number(
      ['rebuild', 'cluster_bandwidth'],
      rebuild.cluster_bandwidth,
      false,
      'positive',
    );
    return {
      time: rebuildTime(capacity, fill, bandwidth, parallelism),
      derived: { capacity, fill, bandwidth, parallelism },
      ...(cluster === undefined ? {} : { shared: cluster / (capacity * fill) }),
    };
  }

  private mapping(
    path: Path,
    value: unknown,
    keys: readonly string[],
  ): Record<string, unknown> | undefined {
    if (value === undefined) {
      this.problem(path, path.length === 0 ? 'the file is empty' : 'is required');
      return undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problem(path, `must be a mapping; got ${formatValue(value)}`);
      return undefined;
    }
    const map = value as Record<string, unknown>;
    for (const key of Object.keys(map)) {
      if (!keys.includes(key)) {
        this.problems.push({
          path: [...path, key],
          message: `is not a known key (known: ${keys.join(', ')})`,
          atKey: true,
        });
      }
    }
    return map;
  }

  private string(path: Path, value: unknown, required: boolean): string | undefined {
    if (value === undefined) {
      if (required) this.problem(path, 'is required');
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem(path, `must be a non-empty string; got ${formatValue(value)}`);
      return undefined;
    }
    return value;
  }

  private number(
    path: Path,
    value: unknown,
    required: boolean,
    kind: 'positive' | 'integer' | 'count' | 'fraction' | 'atLeastOne',
  ): number | undefined {
    if (value === undefined) {
      if (required) this.problem(path, 'is required');
      return undefined;
    }
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      {
        positive: value > 0,
        integer: Number.isInteger(value) && value >= 1,
        count: Number.isInteger(value) && value >= 0,
        fraction: value > 0 && value <= 1,
        atLeastOne: value >= 1,
      }[kind];
    if (!ok) {
      const expected = {
        positive: 'a finite number > 0',
        integer: 'an integer ≥ 1',
        count: 'an integer ≥ 0',
        fraction: 'a number in (0, 1]',
        atLeastOne: 'a finite number ≥ 1',
      }[kind];
      this.problem(path, `must be ${expected}; got ${formatValue(value)}`);
      return undefined;
    }
    return value as number;
  }

  private problem(path: Path, message: string): void {
    this.problems.push({ path, message });
  }
}
