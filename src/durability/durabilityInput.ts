import { ParameterError, checkInteger, checkPositive } from '../errors.js';

/**
 * Failure domains: the disks in `racks` racks of equal size, each rack losing the data of all its
 * disks at once (a shock: fire, power surge, a controller wiping its disks) at `failureRate`, and
 * its data re-created after an exponential time of mean `restoreTime`, all disks together.
 */
export interface RackDomains {
  /** R, racks; D must be a multiple of R. */
  readonly racks: number;
  /**
   * `rack`: each group's chunks in distinct racks (rack-aware); `host`: in distinct hosts, racks
   * shared (needs {@link DurabilityInput.hosts}); `disk`: distinct disks only.
   */
  readonly placement: Placement;
  /** λ_R, rate per rack of shocks that lose its disks' data; 0 for none. */
  readonly failureRate: number;
  /** 1/μ_R, mean time to re-create a lost rack's data. */
  readonly restoreTime: number;
}

/** The failure domain whose units each group's chunks occupy at most once. */
export type Placement = 'rack' | 'host' | 'disk';

/**
 * Hosts (servers) of equal size, inside the racks when there are racks, each failing as a whole
 * at `failureRate`: its disks' chunks become unreadable until it is back (`unavailable`: a crash
 * or a restart, the data intact) or are lost and re-created (`loss`), after an exponential time
 * of mean `restoreTime`.
 */
export interface HostDomains {
  /** H, hosts; D must be a multiple of H, and H of the racks R. */
  readonly hosts: number;
  /** `unavailable`: outages that lose no data; `loss`: failures that lose the host's data. */
  readonly failure: 'unavailable' | 'loss';
  /** λ_H, rate per host of its failures; 0 for none. */
  readonly failureRate: number;
  /** 1/μ_H, mean time until a failed host is back (its data re-created, for `loss`). */
  readonly restoreTime: number;
  /**
   * Without racks: `host` (default), each group's chunks on distinct hosts, or `disk`, on
   * distinct disks only. With racks the placement is {@link RackDomains.placement}.
   */
  readonly placement?: 'host' | 'disk';
}

/**
 * A storage cluster for the durability measures: D disks failing independently at one constant
 * rate, P placement groups (stripes) of w chunks on w distinct disks, each group surviving while
 * at most m of its chunks are lost, and each failed disk re-created after an exponential rebuild.
 */
export interface DurabilityInput {
  /** D, disks in the cluster (w for a single array). */
  readonly disks: number;
  /** P, placement groups (1 for a single array). */
  readonly groups: number;
  /** w, chunks of a group: k + m for an erasure code, r for r-way replication. */
  readonly width: number;
  /** m, chunks a group can lose and still be read: w − k, or r − 1. */
  readonly tolerated: number;
  /** λ, failure rate of one disk per time unit. */
  readonly failureRate: number;
  /** Mean time to rebuild one failed disk (1/μ), in time units. */
  readonly rebuildTime: number;
  /** At most this many failed disks are rebuilt at once (others wait); default unlimited. */
  readonly concurrentRebuilds?: number;
  /**
   * The law of one rebuild's duration: `exponential` (default; the Markov models' assumption) or
   * `deterministic` (exactly the rebuild time), which only the simulation follows: the chains then
   * give the exponential approximation, and say so.
   */
  readonly rebuildLaw?: 'exponential' | 'deterministic';
  /**
   * μ_B, the most disks' worth of data the cluster can rebuild per time unit in all (its shared
   * rebuild bandwidth over a disk's data): j rebuilds at once then go at min(jμ, μ_B) in all,
   * each slower. Default unlimited.
   */
  readonly sharedRebuildRate?: number;
  /** Mission times t of the loss probabilities (a year: 8760 h). */
  readonly missionTimes: readonly number[];
  /** Racks and their shocks; without it, disks fail independently only. */
  readonly domains?: RackDomains;
  /** Hosts (in the racks) and their failures; without it, each disk is its own host. */
  readonly hosts?: HostDomains;
  /** Latent sector errors found by scrubbing; without it, every surviving chunk reads. */
  readonly latentErrors?: LatentErrors;
}

/**
 * Latent sector errors: each disk gets them at `rate` (a Poisson process, each error making one
 * uniformly chosen chunk of the disk silently unreadable), and a scrub of every disk every
 * `scrubInterval` (deterministic) finds and repairs them; a rebuild that must read every
 * surviving chunk of a group (no redundancy left) and meets one loses data.
 */
export interface LatentErrors {
  /** λ_L, latent errors per disk per time unit. */
  readonly rate: number;
  /** T, time between scrubs of a disk. */
  readonly scrubInterval: number;
}

/**
 * Returns p̄, the long-run probability that one chunk holds a latent error not yet found, with a
 * scrub every T, read at a time independent of the scrub phase. A disk's errors (λ_L per disk)
 * fall on its chunks alike, so a chunk sharing its disk with X others gets λ_L/(1 + X); X, the
 * other groups' chunks on that disk, is Binomial(P − 1, w/D) under placement at random:
 *
 * $$
 * \bar p = \mathrm E_X\!\left[f\!\left(\frac{\lambda_L T}{1 + X}\right)\right],\qquad
 * f(x) = 1 - \frac{1 - e^{-x}}{x},\qquad X \sim \mathrm{Bin}\!\left(P - 1, \frac{w}{D}\right)
 * $$
 *
 * For many chunks per disk this is f(λ_L·D/(P·w)·T) to within the spread of X; with fewer chunks
 * than disks a chunk mostly has its disk to itself (λ_L, not more: the disk's rate spread over
 * less than one chunk would exceed the disk's own).
 *
 * @param input - the cluster, with `latentErrors`
 * @returns p̄ in [0, 1); 0 without latent errors
 */
export function latentChunkProbability(input: DurabilityInput): number {
  const latent = input.latentErrors;
  if (latent === undefined) return 0;
  const x = latent.rate * latent.scrubInterval;
  return binomialAverage(input.groups - 1, input.width / input.disks, (k) =>
    unscrubbedShare(x / (1 + k)),
  );
}

/**
 * E[g(X)] for X ~ Binomial(n, π): the pmf's terms by their ratio outward from the mode, until
 * they no longer add to the sums, normalised by their own sum (no factorials, no underflow).
 */
function binomialAverage(n: number, pi: number, g: (k: number) => number): number {
  if (n === 0 || pi <= 0) return g(0);
  if (pi >= 1) return g(n);
  const odds = pi / (1 - pi);
  const mode = Math.min(n, Math.floor((n + 1) * pi));
  let weights = 1;
  let total = g(mode);
  for (const step of [1, -1]) {
    let weight = 1;
    for (let k = mode; ; k += step) {
      const next = k + step;
      if (next < 0 || next > n) break;
      weight *= step > 0 ? ((n - k) / (k + 1)) * odds : k / (n - k + 1) / odds;
      if (weight < 1e-18 * weights) break;
      weights += weight;
      total += weight * g(next);
    }
  }
  return total / weights;
}

/** f(x) = 1 − (1 − e^{−x})/x, the share of a scrub interval a chunk with errors at x/T holds one. */
function unscrubbedShare(x: number): number {
  // (x + expm1(−x))/x = Σ_{n≥1} (−x)^{n−1} x/(n + 1)!, by the series below 0.1, where the
  // difference cancels (16 terms: truncation below 1e-17 relative)
  if (x >= 0.1) return (x + Math.expm1(-x)) / x;
  let term = x / 2;
  let sum = 0;
  for (let n = 1; n <= 16; n++) {
    sum += term;
    term *= -x / (n + 2);
  }
  return sum;
}

/**
 * Returns q, the probability that a rebuild of a group with m chunks lost meets a latent error
 * on one of the w − m chunks it must read: q = 1 − (1 − p̄)^{w−m}
 * ({@link latentChunkProbability}; chunks independent).
 */
export function latentRebuildLoss(input: DurabilityInput): number {
  const p = latentChunkProbability(input);
  return -Math.expm1((input.width - input.tolerated) * Math.log1p(-p));
}

/** The sizes and rates of the failure domains of a {@link DurabilityInput}, all levels filled in. */
export interface Hierarchy {
  /** R (1 without racks). */
  readonly racks: number;
  /** H (D without hosts: each disk its own). */
  readonly hosts: number;
  readonly hostsPerRack: number;
  readonly disksPerHost: number;
  readonly disksPerRack: number;
  readonly placement: Placement;
  /** λ_R and μ_R (0 and 0 without racks). */
  readonly rackRate: number;
  readonly rackRestore: number;
  /** λ_H and μ_H (0 and 0 without hosts). */
  readonly hostRate: number;
  readonly hostRestore: number;
  readonly hostFailure: HostDomains['failure'];
}

/** Returns the {@link Hierarchy} of a checked input. */
export function hierarchy(input: DurabilityInput): Hierarchy {
  const racks = input.domains?.racks ?? 1;
  const hosts = input.hosts?.hosts ?? input.disks;
  return {
    racks,
    hosts,
    hostsPerRack: hosts / racks,
    disksPerHost: input.disks / hosts,
    disksPerRack: input.disks / racks,
    placement:
      input.domains?.placement ??
      input.hosts?.placement ??
      (input.hosts === undefined ? 'disk' : 'host'),
    rackRate: input.domains?.failureRate ?? 0,
    rackRestore: input.domains === undefined ? 0 : 1 / input.domains.restoreTime,
    hostRate: input.hosts?.failureRate ?? 0,
    hostRestore: input.hosts === undefined ? 0 : 1 / input.hosts.restoreTime,
    hostFailure: input.hosts?.failure ?? 'loss',
  };
}

/** Checks a {@link DurabilityInput}; returns it. @throws {@link ParameterError} naming the field. */
export function checkDurabilityInput(where: string, input: DurabilityInput): DurabilityInput {
  checkInteger(where, 'width', input.width, 1);
  checkInteger(where, 'tolerated', input.tolerated, 0, input.width - 1);
  checkInteger(where, 'disks', input.disks, input.width);
  checkInteger(where, 'groups', input.groups, 1);
  checkPositive(where, 'failureRate', input.failureRate);
  checkPositive(where, 'rebuildTime', input.rebuildTime);
  if (
    input.rebuildLaw !== undefined &&
    !['exponential', 'deterministic'].includes(input.rebuildLaw)
  ) {
    throw new ParameterError(
      where,
      'rebuildLaw',
      'be exponential or deterministic',
      input.rebuildLaw,
    );
  }
  if (input.sharedRebuildRate !== undefined) {
    checkPositive(where, 'sharedRebuildRate', input.sharedRebuildRate);
  }
  if (input.concurrentRebuilds !== undefined) {
    checkInteger(where, 'concurrentRebuilds', input.concurrentRebuilds, 1);
  }
  const domains = input.domains;
  if (domains !== undefined) {
    checkInteger(where, 'domains.racks', domains.racks, 1, input.disks);
    if (input.disks % domains.racks !== 0) {
      throw new ParameterError(
        where,
        'disks',
        `be a multiple of the ${domains.racks} racks`,
        input.disks,
      );
    }
    if (!['rack', 'host', 'disk'].includes(domains.placement)) {
      throw new ParameterError(
        where,
        'domains.placement',
        'be rack, host or disk',
        domains.placement,
      );
    }
    if (domains.placement === 'host' && input.hosts === undefined) {
      throw new ParameterError(where, 'domains.placement', 'name hosts (none given)', 'host');
    }
    if (domains.placement === 'rack' && domains.racks < input.width) {
      throw new ParameterError(
        where,
        'domains.racks',
        `be ≥ the width ${input.width} for rack placement`,
        domains.racks,
      );
    }
    if (!(Number.isFinite(domains.failureRate) && domains.failureRate >= 0)) {
      throw new ParameterError(
        where,
        'domains.failureRate',
        'be a finite number ≥ 0',
        domains.failureRate,
      );
    }
    checkPositive(where, 'domains.restoreTime', domains.restoreTime);
  }
  if (input.hosts !== undefined) checkHosts(where, input, input.hosts);
  if (input.latentErrors !== undefined) {
    checkPositive(where, 'latentErrors.rate', input.latentErrors.rate);
    checkPositive(where, 'latentErrors.scrubInterval', input.latentErrors.scrubInterval);
    const h = hierarchy(input);
    if (h.rackRate > 0 || h.hostRate > 0) {
      throw new ParameterError(
        where,
        'latentErrors',
        'be left out when racks or hosts fail (latent errors are modelled with disk failures only)',
        'given',
      );
    }
  }
  for (const t of input.missionTimes) {
    if (!(Number.isFinite(t) && t >= 0)) {
      throw new ParameterError(where, 'missionTimes', 'hold finite numbers ≥ 0', t);
    }
  }
  return input;
}

function checkHosts(where: string, input: DurabilityInput, hosts: HostDomains): void {
  const racks = input.domains?.racks ?? 1;
  checkInteger(where, 'hosts.hosts', hosts.hosts, racks, input.disks);
  if (input.disks % hosts.hosts !== 0) {
    throw new ParameterError(
      where,
      'disks',
      `be a multiple of the ${hosts.hosts} hosts`,
      input.disks,
    );
  }
  if (hosts.hosts % racks !== 0) {
    throw new ParameterError(
      where,
      'hosts.hosts',
      `be a multiple of the ${racks} racks`,
      hosts.hosts,
    );
  }
  if (hosts.failure !== 'unavailable' && hosts.failure !== 'loss') {
    throw new ParameterError(where, 'hosts.failure', 'be unavailable or loss', hosts.failure);
  }
  if (hosts.placement !== undefined) {
    if (input.domains !== undefined) {
      throw new ParameterError(
        where,
        'hosts.placement',
        'be left out with racks (the placement is domains.placement)',
        hosts.placement,
      );
    }
    if (hosts.placement !== 'host' && hosts.placement !== 'disk') {
      throw new ParameterError(where, 'hosts.placement', 'be host or disk', hosts.placement);
    }
  }
  if (hierarchy(input).placement === 'host' && hosts.hosts < input.width) {
    throw new ParameterError(
      where,
      'hosts.hosts',
      `be ≥ the width ${input.width} for host placement`,
      hosts.hosts,
    );
  }
  if (!(Number.isFinite(hosts.failureRate) && hosts.failureRate >= 0)) {
    throw new ParameterError(
      where,
      'hosts.failureRate',
      'be a finite number ≥ 0',
      hosts.failureRate,
    );
  }
  checkPositive(where, 'hosts.restoreTime', hosts.restoreTime);
}

/**
 * Returns the mean time to rebuild one failed disk from its data and the rebuild bandwidth:
 *
 * $$
 * T_r = \frac{C\,f}{b\,p}
 * $$
 *
 * - C: disk capacity; f: fill, the fraction of it holding data
 * - b: rebuild bandwidth of one disk taking part (data per time unit)
 * - p: disks taking part at once: 1 when one replacement disk is written (classic RAID), up to
 *   D − 1 in declustered placement, where the lost disk's chunks are re-created by the disks of
 *   its groups in parallel
 *
 * @param capacity - C, in any data unit (TB)
 * @param fill - f in (0, 1]
 * @param bandwidth - b, in the data unit per time unit (TB/h)
 * @param parallelism - p ≥ 1
 * @returns T_r in time units
 * @throws {@link ParameterError} when an argument is out of range.
 *
 * @remarks
 * The rebuild is treated as one exponential time of this mean by the Markov models (the classic
 * assumption; docs/data-systems.md, "Pitfalls").
 *
 * @example
 * ```ts
 * rebuildTime(16, 0.75, 0.18, 1); // → ~66.666666667
 * rebuildTime(16, 0.75, 0.18, 100); // → ~0.666666667
 * ```
 */
export function rebuildTime(
  capacity: number,
  fill: number,
  bandwidth: number,
  parallelism: number,
): number {
  const where = 'rebuildTime';
  checkPositive(where, 'capacity', capacity);
  if (!(fill > 0 && fill <= 1)) throw new ParameterError(where, 'fill', 'be in (0, 1]', fill);
  checkPositive(where, 'bandwidth', bandwidth);
  if (!(Number.isFinite(parallelism) && parallelism >= 1)) {
    throw new ParameterError(where, 'parallelism', 'be a finite number ≥ 1', parallelism);
  }
  return (capacity * fill) / (bandwidth * parallelism);
}
