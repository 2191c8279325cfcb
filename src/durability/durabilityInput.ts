import { ParameterError, checkInteger, checkPositive } from '../errors.js';

/**
 * Failure domains: the disks in `racks` racks of equal size, each rack losing the data of all its
 * disks at once (a shock: fire, power surge, a controller wiping its disks) at `failureRate`, and
 * its data re-created after an exponential time of mean `restoreTime`, all disks together.
 */
export interface RackDomains {
  /** R, racks; D must be a multiple of R. */
  readonly racks: number;
  /** `rack`: each group's chunks in distinct racks (rack-aware); `disk`: distinct disks only. */
  readonly placement: 'rack' | 'disk';
  /** λ_R, rate per rack of shocks that lose its disks' data; 0 for none. */
  readonly failureRate: number;
  /** 1/μ_R, mean time to re-create a lost rack's data. */
  readonly restoreTime: number;
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
  /** Mission times t of the loss probabilities (a year: 8760 h). */
  readonly missionTimes: readonly number[];
  /** Racks and their shocks; without it, disks fail independently only. */
  readonly domains?: RackDomains;
}

/** Checks a {@link DurabilityInput}; returns it. @throws {@link ParameterError} naming the field. */
export function checkDurabilityInput(where: string, input: DurabilityInput): DurabilityInput {
  checkInteger(where, 'width', input.width, 1);
  checkInteger(where, 'tolerated', input.tolerated, 0, input.width - 1);
  checkInteger(where, 'disks', input.disks, input.width);
  checkInteger(where, 'groups', input.groups, 1);
  checkPositive(where, 'failureRate', input.failureRate);
  checkPositive(where, 'rebuildTime', input.rebuildTime);
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
    if (domains.placement !== 'rack' && domains.placement !== 'disk') {
      throw new ParameterError(where, 'domains.placement', 'be rack or disk', domains.placement);
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
  for (const t of input.missionTimes) {
    if (!(Number.isFinite(t) && t >= 0)) {
      throw new ParameterError(where, 'missionTimes', 'hold finite numbers ≥ 0', t);
    }
  }
  return input;
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
