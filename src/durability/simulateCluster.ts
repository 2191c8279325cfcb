import { checkInteger, checkPositive, ParameterError } from '../errors.js';
import type { Rng } from '../distributions/types.js';
import { replicationRng } from '../sim/random.js';
import { checkDurabilityInput, hierarchy, type DurabilityInput } from './durabilityInput.js';

/** Options of {@link simulateCluster}. */
export interface SimulateClusterOptions {
  /** Independent runs of the cluster from all disks up; integer ≥ 2. */
  readonly replications: number;
  /** Seed of the placement and of every run's stream. */
  readonly seed: number;
  /** A run that has seen no loss by this time stops there (censored); default 100 × the mission. */
  readonly horizon?: number;
  /** Called after each run with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A mean over runs with its standard error. */
export interface SampleMean {
  readonly mean: number;
  readonly standardError: number;
  /** The largest single run's value, where a few runs may hold most of the sum. */
  readonly largest?: number;
}

/** What {@link simulateCluster} saw. */
export interface ClusterSimulation {
  readonly replications: number;
  readonly seed: number;
  readonly horizon: number;
  /** Mean time to the first loss; absent when some run reached the horizon without one. */
  readonly mttdl?: SampleMean;
  /** Runs that reached the horizon without a loss. */
  readonly censored: number;
  /** Fraction of runs with a loss by the (first) mission time, with its standard error. */
  readonly lossProbability: SampleMean;
  /** Groups that lost data by the (first) mission time, per run. */
  readonly groupsLost: SampleMean;
  /**
   * With host outages: groups that cannot be read at the (first) mission time (more than m
   * chunks lost or on a host that is out), per run.
   */
  readonly groupsUnavailable?: SampleMean;
  /** Disk failures simulated in all. */
  readonly failures: number;
  /**
   * `per-run`: every run draws its own placement, so the estimates average over placements as
   * the model does (clusters of at most 10⁵ chunks); `once`: one placement for all runs (a large
   * cluster, where placements differ little).
   */
  readonly placement: 'per-run' | 'once';
}

/** Clusters of at most this many chunks (groups × width) draw a placement per run. */
const PER_RUN_PLACEMENT_CHUNKS = 1e5;

/**
 * Simulates the actual cluster: one random placement of P groups of w chunks on w distinct disks
 * out of D, disks failing at rate λ and rebuilt after exponential times of mean T_r (at most c at
 * once, first failed first rebuilt), and a count of lost chunks per group; a run ends at its
 * first data loss (a group reaching m + 1 lost chunks) or at the mission time, whichever is
 * later, or at the horizon.
 *
 * $$
 * \widehat{\mathrm{MTTDL}} = \bar T_{\text{loss}},\quad
 * \hat P_{\text{loss}}(t) = \frac{\#\{T_{\text{loss}} \le t\}}{n},\quad
 * \hat E[N_{\text{lost}}(t)] = \overline{N_{\text{lost}}(t)}
 * $$
 *
 * @param input - the cluster; its first mission time is the one of the probability
 * @param options - replications, seed, horizon, progress
 * @returns the estimates with standard errors; the MTTDL only when no run was censored
 * @throws {@link ParameterError} when an input or option is out of range.
 *
 * @remarks
 * The model averages over random placements. A small cluster (P·w ≤ 10⁵ chunks) draws a new
 * placement at the start of every run, so the estimates do too (with one placement the runs
 * would estimate that placement's figures, which differ from the average by more than the
 * runs' noise when groups are few); a large one draws it once from stream 0 of the seed (drawing
 * 10⁷ chunks per run would dominate the cost, and placements of many groups differ little). Run i
 * uses stream i + 1 ({@link replicationRng}), so results do not depend on anything but the seed.
 * The next event is drawn from the total rate (D − j)λ + min(j, c)μ (all times exponential),
 * plus, with racks, shocks (R − a)λ_R and restores aμ_R (a racks lost); a shock loses every
 * disk of the rack (failed ones stay lost and come back with it) and a restore brings them all
 * back. Cost per failure or rebuild: the P·w/D groups on that disk; per shock or restore, d times
 * that. This is the check of the
 * combinatorial model ({@link durability}), not a rare-event method: at realistic rates it sees
 * no loss, and then says so (every run censored, no MTTDL).
 */
export function simulateCluster(
  input: DurabilityInput,
  options: SimulateClusterOptions,
): ClusterSimulation {
  const where = 'simulateCluster';
  checkDurabilityInput(where, input);
  const replications = checkInteger(where, 'replications', options.replications, 2);
  const mission = input.missionTimes[0] ?? 0;
  const horizon = checkPositive(where, 'horizon', options.horizon ?? 100 * mission);
  if (horizon < mission) {
    throw new ParameterError(
      where,
      'horizon',
      `be ≥ the mission time (${mission}), by which losses are counted`,
      horizon,
    );
  }
  checkInteger(where, 'width', input.width, 1, 255); // lost chunks are counted in bytes
  const { disks, groups, width, tolerated, failureRate } = input;
  const mu = 1 / input.rebuildTime;
  const crews = input.concurrentRebuilds ?? disks;
  const h = hierarchy(input);
  const { racks, hosts, disksPerRack, disksPerHost, hostsPerRack } = h;
  const { rackRate, rackRestore, hostRate, hostRestore } = h;
  const hostLoses = h.hostFailure === 'loss';
  const readability = hostRate > 0 && !hostLoses; // outages: count the groups unreadable
  const unit = { rack: disksPerRack, host: disksPerHost, disk: 1 }[h.placement];
  const perRun = groups * width <= PER_RUN_PLACEMENT_CHUNKS;
  const placeWith = (rng: Rng) => placeGroups(disks, groups, width, unit, rng);
  let { start, members } = placeWith(replicationRng(options.seed, 0));
  const latentRate = input.latentErrors?.rate ?? 0;
  const scrub = input.latentErrors?.scrubInterval ?? Infinity;
  const latent = new LatentErrors(latentRate > 0 ? groups * width : 0, disks, width, scrub);
  if (latentRate > 0) latent.index(start, members);

  const lost = new Uint8Array(groups); // lost chunks per group, capped by width
  const unreadable = new Uint8Array(readability ? groups : 0); // lost or on a host down
  const counted = new Uint8Array(groups); // 1 once the group has lost data in this run
  const diskFailed = new Uint8Array(disks); // failed and waiting for (or in) its rebuild
  const deterministic = input.rebuildLaw === 'deterministic';
  // work left of a started deterministic rebuild, in time at full speed; ∞ before it starts
  const remaining = new Float64Array(deterministic ? disks : 0);
  const shared = input.sharedRebuildRate ?? Infinity; // μ_B: most disks rebuilt per time unit
  const hostState = new Uint8Array(hosts); // 0 up, 1 out (unreadable), 2 lost
  const rackDown = new Uint8Array(racks);
  const diskPool = new Pool(disks); // disks that can fail: not failed, host and rack not lost
  const hostPool = new Pool(hosts); // hosts that can fail: up, in a rack that is up
  const downHosts: number[] = [];
  const downRacks: number[] = [];
  const failed: number[] = []; // failed disks of hosts and racks not lost, first failed first
  const lossTimes: number[] = [];
  let lossesByMission = 0;
  let groupsLostSum = 0;
  let groupsLostSquares = 0;
  let groupsLostLargest = 0;
  let unavailableSum = 0;
  let unavailableSquares = 0;
  let failures = 0;
  /** 2 lost, 1 unreadable (on a host that is out), 0 readable. */
  const status = (disk: number): number => {
    const host = Math.floor(disk / disksPerHost);
    if (
      diskFailed[disk] === 1 ||
      hostState[host] === 2 ||
      rackDown[Math.floor(host / hostsPerRack)] === 1
    ) {
      return 2;
    }
    return hostState[host] === 1 ? 1 : 0;
  };

  for (let r = 0; r < replications; r++) {
    const rng = replicationRng(options.seed, r + 1);
    if (perRun && r > 0) {
      ({ start, members } = placeWith(rng));
      if (latentRate > 0) latent.index(start, members);
    }
    if (latentRate > 0) latent.start(start, latentRate, rng);
    lost.fill(0);
    unreadable.fill(0);
    counted.fill(0);
    diskFailed.fill(0);
    hostState.fill(0);
    rackDown.fill(0);
    diskPool.fill();
    hostPool.fill();
    downHosts.length = 0;
    downRacks.length = 0;
    failed.length = 0;
    remaining.fill(Infinity);
    let t = 0;
    let firstLoss = Infinity;
    let groupsLost = 0;
    let unavailableNow = 0;
    let unavailableAtMission = -1;
    /** Applies a change of one disk's status to the groups with a chunk on it. */
    const change = (disk: number, before: number, after: number): void => {
      const dLost = (after === 2 ? 1 : 0) - (before === 2 ? 1 : 0);
      const dUnread = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
      for (let e = start[disk]!; e < start[disk + 1]!; e++) {
        const g = members[e]!; // start and members are the CSR of placeGroups
        if (dLost !== 0) {
          lost[g]! += dLost;
          if (lost[g]! > tolerated && counted[g] === 0) {
            counted[g] = 1;
            if (firstLoss === Infinity) firstLoss = t;
            if (t <= mission) groupsLost++;
          }
        }
        if (readability && dUnread !== 0) {
          const was = unreadable[g]! > tolerated;
          unreadable[g]! += dUnread;
          unavailableNow += (unreadable[g]! > tolerated ? 1 : 0) - (was ? 1 : 0);
        }
      }
    };
    /** Changes the disks from `first` on, `count` of them, by `mutate`, groups and pools kept. */
    const changeDisks = (first: number, count: number, mutate: () => void): void => {
      const before = new Uint8Array(count);
      for (let i = 0; i < count; i++) before[i] = status(first + i);
      mutate();
      for (let i = 0; i < count; i++) {
        const disk = first + i;
        const after = status(disk);
        const canFail = after !== 2; // not failed, host and rack not lost
        if (canFail && !diskPool.has(disk)) diskPool.add(disk);
        if (!canFail && diskPool.has(disk)) diskPool.remove(disk);
        if (after !== before[i]) change(disk, before[i]!, after);
      }
    };
    const dropFailed = (first: number, count: number): void => {
      for (let disk = first; disk < first + count; disk++) {
        if (diskFailed[disk] === 1) {
          diskFailed[disk] = 0; // lost already; now with its host or rack
          failed.splice(failed.indexOf(disk), 1);
          if (deterministic) remaining[disk] = Infinity;
        }
      }
    };
    /** The rebuild of the failed disk at `at` (< min(j, c)) finishes at t. */
    const finishRebuild = (at: number): void => {
      const disk = failed.splice(at, 1)[0]!; // at < min(j, c) ≤ j
      diskFailed[disk] = 0;
      diskPool.add(disk);
      if (latentRate > 0) {
        for (let e = start[disk]!; e < start[disk + 1]!; e++) {
          const g = members[e]!; // start and members are the CSR of placeGroups
          if (latent.rebuild(g, e, t, lost[g] === tolerated && counted[g] === 0, diskFailed)) {
            counted[g] = 1; // a critical rebuild met a latent error: the group lost data
            if (firstLoss === Infinity) firstLoss = t;
            if (t <= mission) groupsLost++;
          }
        }
      }
      change(disk, 2, status(disk));
    };
    /** Deterministic rebuilds: the failed disks within the first c start now if not started. */
    const startRebuilds = (): void => {
      for (let i = 0; i < Math.min(failed.length, crews); i++) {
        const disk = failed[i]!; // i < failed.length
        if (remaining[disk] === Infinity) remaining[disk] = input.rebuildTime;
      }
    };
    for (;;) {
      if (deterministic) startRebuilds();
      const j = failed.length;
      const failureTotal = diskPool.size * failureRate;
      const active = Math.min(j, crews);
      // each rebuild's share of full speed when the cluster's rebuild bandwidth is the limit
      const speed = active === 0 ? 1 : Math.min(1, shared / (active * mu));
      const rebuildTotal = deterministic ? 0 : active * mu * speed;
      const shockTotal = (racks - downRacks.length) * rackRate;
      const restoreTotal = downRacks.length * rackRestore;
      const hostTotal = hostPool.size * hostRate;
      const latentTotal = diskPool.size * latentRate;
      const total =
        failureTotal +
        rebuildTotal +
        shockTotal +
        restoreTotal +
        hostTotal +
        downHosts.length * hostRestore +
        latentTotal;
      const step = -Math.log1p(-rng.next()) / total;
      let next = -1; // the failed disk whose deterministic rebuild ends first, if within step
      for (let i = 0; deterministic && i < active; i++) {
        const left = remaining[failed[i]!]!; // i < j
        if (left < step * speed && (next < 0 || left < remaining[failed[next]!]!)) next = i;
      }
      const dt = next < 0 ? step : remaining[failed[next]!]! / speed; // memoryless: others restart
      for (let i = 0; deterministic && i < active; i++) remaining[failed[i]!]! -= dt * speed;
      t += dt;
      if (unavailableAtMission < 0 && t >= mission) unavailableAtMission = unavailableNow;
      if (t >= horizon || (firstLoss < Infinity && t >= mission)) break;
      if (next >= 0) {
        remaining[failed[next]!] = Infinity;
        finishRebuild(next);
        continue;
      }
      let u = rng.next() * total;
      if ((u -= failureTotal) < 0) {
        failures++;
        const disk = diskPool.pick(rng);
        diskPool.remove(disk);
        const before = status(disk);
        diskFailed[disk] = 1;
        failed.push(disk);
        change(disk, before, 2);
      } else if ((u -= rebuildTotal) < 0) {
        finishRebuild(Math.floor(rng.next() * Math.min(j, crews)));
      } else if ((u -= shockTotal) < 0) {
        let rack: number;
        do rack = Math.floor(rng.next() * racks);
        while (rackDown[rack] === 1);
        downRacks.push(rack);
        changeDisks(rack * disksPerRack, disksPerRack, () => {
          rackDown[rack] = 1;
          for (let host = rack * hostsPerRack; host < (rack + 1) * hostsPerRack; host++) {
            if (hostPool.has(host)) hostPool.remove(host);
            if (hostState[host] !== 0) downHosts.splice(downHosts.indexOf(host), 1);
            hostState[host] = 0; // comes back with the rack
          }
          dropFailed(rack * disksPerRack, disksPerRack);
        });
      } else if ((u -= restoreTotal) < 0) {
        const rack = downRacks.splice(Math.floor(rng.next() * downRacks.length), 1)[0]!;
        changeDisks(rack * disksPerRack, disksPerRack, () => {
          rackDown[rack] = 0;
          for (let host = rack * hostsPerRack; host < (rack + 1) * hostsPerRack; host++) {
            hostPool.add(host);
          }
        });
      } else if ((u -= hostTotal) < 0) {
        const host = hostPool.pick(rng);
        hostPool.remove(host);
        downHosts.push(host);
        changeDisks(host * disksPerHost, disksPerHost, () => {
          hostState[host] = hostLoses ? 2 : 1;
          if (hostLoses) dropFailed(host * disksPerHost, disksPerHost);
        });
      } else if (latentTotal === 0 || (u -= downHosts.length * hostRestore) < 0) {
        const host = downHosts.splice(Math.floor(rng.next() * downHosts.length), 1)[0]!;
        hostPool.add(host);
        changeDisks(host * disksPerHost, disksPerHost, () => {
          hostState[host] = 0;
        });
      } else {
        const disk = diskPool.pick(rng);
        const chunks = start[disk + 1]! - start[disk]!;
        if (chunks > 0) latent.arrive(start[disk]! + Math.floor(rng.next() * chunks), t);
      }
    }
    if (firstLoss < Infinity) lossTimes.push(firstLoss);
    if (firstLoss <= mission) lossesByMission++;
    groupsLostSum += groupsLost;
    groupsLostSquares += groupsLost * groupsLost;
    groupsLostLargest = Math.max(groupsLostLargest, groupsLost);
    unavailableSum += unavailableAtMission;
    unavailableSquares += unavailableAtMission * unavailableAtMission;
    options.onProgress?.(r + 1, replications);
  }

  const p = lossesByMission / replications;
  const censored = replications - lossTimes.length;
  return {
    replications,
    seed: options.seed,
    horizon,
    ...(censored === 0 ? { mttdl: sampleMean(lossTimes) } : {}),
    censored,
    lossProbability: { mean: p, standardError: Math.sqrt((p * (1 - p)) / replications) },
    groupsLost: {
      ...meanOfSums(groupsLostSum, groupsLostSquares, replications),
      largest: groupsLostLargest,
    },
    ...(readability
      ? { groupsUnavailable: meanOfSums(unavailableSum, unavailableSquares, replications) }
      : {}),
    failures,
    placement: perRun ? 'per-run' : 'once',
  };
}

/**
 * The latent sector errors of every chunk (entry e of the placement's compressed rows): the time
 * of its oldest error not yet found, and each disk's scrub phase; an error is present at t while
 * no scrub of its disk (at phase + kT) has passed since it arose.
 */
class LatentErrors {
  private readonly since: Float64Array; // NaN: no error
  private readonly disk: Int32Array; // each entry's disk
  private readonly chunks: Int32Array; // each group's w entries
  private readonly phase: Float64Array;

  constructor(
    entries: number,
    private readonly disks: number,
    private readonly width: number,
    private readonly interval: number,
  ) {
    this.since = new Float64Array(entries);
    this.disk = new Int32Array(entries);
    this.chunks = new Int32Array(entries);
    this.phase = new Float64Array(entries > 0 ? disks : 0);
  }

  /** Indexes a placement: each entry's disk, each group's entries. */
  index(start: Int32Array, members: Int32Array): void {
    const filled = new Uint8Array(this.chunks.length / this.width);
    for (let d = 0; d < this.disks; d++) {
      for (let e = start[d]!; e < start[d + 1]!; e++) {
        this.disk[e] = d;
        const g = members[e]!; // entries of the CSR
        this.chunks[g * this.width + filled[g]!++] = e;
      }
    }
  }

  /**
   * Starts a run in the scrub cycle's steady state: each disk's phase uniform in [0, T), and the
   * errors that arose since its last scrub (Poisson at λ_L over that age, each on a uniform
   * chunk of the disk).
   */
  start(start: Int32Array, rate: number, rng: Rng): void {
    this.since.fill(NaN);
    for (let d = 0; d < this.disks; d++) {
      const phase = rng.next() * this.interval;
      this.phase[d] = phase;
      const chunks = start[d + 1]! - start[d]!;
      const age = this.interval - phase; // since the scrub at phase − T
      for (let back = -Math.log1p(-rng.next()) / rate; back < age;) {
        const e = start[d]! + Math.floor(rng.next() * chunks);
        if (chunks > 0 && !(this.since[e]! <= -back)) this.since[e] = -back;
        back += -Math.log1p(-rng.next()) / rate;
      }
    }
  }

  /** A latent error arises on entry e at t. */
  arrive(e: number, t: number): void {
    if (!this.present(e, t)) this.since[e] = t;
  }

  /**
   * A rebuild of entry e (group g) finishes at t: it reads the group's other chunks on disks
   * that work, which clears their errors; returns whether the group had no redundancy left
   * (`critical`) and one of them held an error. The rebuilt chunk starts clean.
   */
  rebuild(g: number, e: number, t: number, critical: boolean, failed: Uint8Array): boolean {
    let met = false;
    for (let c = g * this.width; c < (g + 1) * this.width; c++) {
      const other = this.chunks[c]!; // g < groups: its w entries
      if (other === e || failed[this.disk[other]!] === 1) continue;
      if (critical && this.present(other, t)) met = true;
      this.since[other] = NaN;
    }
    this.since[e] = NaN;
    return met;
  }

  private present(e: number, t: number): boolean {
    const since = this.since[e]!;
    if (Number.isNaN(since)) return false;
    const phase = this.phase[this.disk[e]!]!;
    return Math.floor((since - phase) / this.interval) === Math.floor((t - phase) / this.interval);
  }
}

/** A set of the integers 0 … n − 1 with O(1) add, remove, membership and uniform pick. */
class Pool {
  private readonly items: Int32Array;
  private readonly place: Int32Array; // each item's index in items, −1 when absent
  size = 0;

  constructor(n: number) {
    this.items = new Int32Array(n);
    this.place = new Int32Array(n);
  }

  /** Every item in. */
  fill(): void {
    for (let i = 0; i < this.items.length; i++) {
      this.items[i] = i;
      this.place[i] = i;
    }
    this.size = this.items.length;
  }

  has(item: number): boolean {
    return this.place[item]! >= 0;
  }

  add(item: number): void {
    this.items[this.size] = item;
    this.place[item] = this.size++;
  }

  remove(item: number): void {
    const at = this.place[item]!;
    const moved = this.items[--this.size]!; // size ≥ 1: item is in
    this.items[at] = moved;
    this.place[moved] = at;
    this.place[item] = -1;
  }

  pick(rng: Rng): number {
    return this.items[Math.floor(rng.next() * this.size)]!; // index < size
  }
}

/**
 * Draws the placement: each group's w chunks in w distinct units of `unit` disks each (racks,
 * hosts or single disks, numbered disk by disk), the units uniformly among the w-subsets and
 * one uniform disk in each (rejection of repeats); returns it disk by disk in compressed rows
 * (`members[start[d] … start[d+1])` are the groups with a chunk on disk d).
 */
function placeGroups(
  disks: number,
  groups: number,
  width: number,
  unit: number,
  rng: Rng,
): { start: Int32Array; members: Int32Array } {
  const units = disks / unit;
  const chosen = new Int32Array(groups * width);
  const start = new Int32Array(disks + 1);
  for (let g = 0; g < groups; g++) {
    const base = g * width;
    for (let c = 0; c < width; c++) {
      let u: number;
      do u = Math.floor(rng.next() * units);
      while (chosen.subarray(base, base + c).some((d) => Math.floor(d / unit) === u));
      const disk = unit > 1 ? u * unit + Math.floor(rng.next() * unit) : u;
      chosen[base + c] = disk;
      start[disk + 1]!++;
    }
  }
  for (let d = 0; d < disks; d++) start[d + 1]! += start[d]!;
  const fill = start.slice(0, disks);
  const members = new Int32Array(groups * width);
  for (let e = 0; e < chosen.length; e++) members[fill[chosen[e]!]!++] = Math.floor(e / width);
  return { start, members };
}

function sampleMean(values: readonly number[]): SampleMean {
  let sum = 0;
  let squares = 0;
  for (const v of values) {
    sum += v;
    squares += v * v;
  }
  return meanOfSums(sum, squares, values.length);
}

function meanOfSums(sum: number, squares: number, n: number): SampleMean {
  const mean = sum / n;
  const variance = Math.max(0, (squares - n * mean * mean) / (n - 1));
  return { mean, standardError: Math.sqrt(variance / n) };
}
