import { checkInteger, checkPositive, ParameterError } from '../errors.js';
import type { Rng } from '../distributions/types.js';
import { replicationRng } from '../sim/random.js';
import { checkDurabilityInput, type DurabilityInput } from './durabilityInput.js';

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
  const racks = input.domains?.racks ?? 1;
  const perRack = disks / racks;
  const shockRate = input.domains?.failureRate ?? 0;
  const restoreRate = input.domains === undefined ? 0 : 1 / input.domains.restoreTime;
  const byRack = input.domains?.placement === 'rack';
  const perRun = groups * width <= PER_RUN_PLACEMENT_CHUNKS;
  const placeWith = (rng: Rng) => placeGroups(disks, groups, width, byRack ? racks : 0, rng);
  let { start, members } = placeWith(replicationRng(options.seed, 0));

  const lost = new Uint8Array(groups); // lost chunks per group, capped by width
  const counted = new Uint8Array(groups); // 1 once the group has lost data in this run
  const up = new Int32Array(disks); // working disks of racks that are up, unordered
  const place = new Int32Array(disks); // each disk's index in `up`, −1 when not working
  const rackDown = new Uint8Array(racks);
  const downRacks: number[] = [];
  const failed: number[] = []; // failed disks of racks that are up, first failed first
  const lossTimes: number[] = [];
  let lossesByMission = 0;
  let groupsLostSum = 0;
  let groupsLostSquares = 0;
  let failures = 0;

  for (let r = 0; r < replications; r++) {
    const rng = replicationRng(options.seed, r + 1);
    if (perRun && r > 0) ({ start, members } = placeWith(rng));
    lost.fill(0);
    counted.fill(0);
    rackDown.fill(0);
    downRacks.length = 0;
    failed.length = 0;
    let working = disks;
    for (let d = 0; d < disks; d++) {
      up[d] = d;
      place[d] = d;
    }
    let t = 0;
    let firstLoss = Infinity;
    let groupsLost = 0;
    const loseChunks = (disk: number): void => {
      for (let e = start[disk]!; e < start[disk + 1]!; e++) {
        const g = members[e]!; // start and members are the CSR of placeGroups
        if (++lost[g]! > tolerated && counted[g] === 0) {
          counted[g] = 1;
          if (firstLoss === Infinity) firstLoss = t;
          if (t <= mission) groupsLost++;
        }
      }
    };
    const restoreChunks = (disk: number): void => {
      for (let e = start[disk]!; e < start[disk + 1]!; e++) lost[members[e]!]!--;
      up[working] = disk;
      place[disk] = working++;
    };
    const stopWorking = (disk: number): void => {
      const at = place[disk]!;
      const moved = up[--working]!; // working ≥ 1: disk is working
      up[at] = moved;
      place[moved] = at;
      place[disk] = -1;
    };
    for (;;) {
      const j = failed.length;
      const failureTotal = working * failureRate;
      const rebuildTotal = Math.min(j, crews) * mu;
      const shockTotal = (racks - downRacks.length) * shockRate;
      const total = failureTotal + rebuildTotal + shockTotal + downRacks.length * restoreRate;
      t += -Math.log1p(-rng.next()) / total;
      if (t >= horizon || (firstLoss < Infinity && t >= mission)) break;
      const u = rng.next() * total;
      if (u < failureTotal) {
        failures++;
        const disk = up[Math.floor(rng.next() * working)]!; // index < working
        stopWorking(disk);
        failed.push(disk);
        loseChunks(disk);
      } else if (u < failureTotal + rebuildTotal) {
        const at = Math.floor(rng.next() * Math.min(j, crews));
        restoreChunks(failed.splice(at, 1)[0]!); // at < min(j, c) ≤ j
      } else if (u < failureTotal + rebuildTotal + shockTotal) {
        let rack: number;
        do rack = Math.floor(rng.next() * racks);
        while (rackDown[rack] === 1);
        rackDown[rack] = 1;
        downRacks.push(rack);
        for (let disk = rack * perRack; disk < (rack + 1) * perRack; disk++) {
          if (place[disk]! >= 0) {
            stopWorking(disk);
            loseChunks(disk);
          } else {
            failed.splice(failed.indexOf(disk), 1); // lost already; now with its rack
          }
        }
      } else {
        const rack = downRacks.splice(Math.floor(rng.next() * downRacks.length), 1)[0]!;
        rackDown[rack] = 0;
        for (let disk = rack * perRack; disk < (rack + 1) * perRack; disk++) restoreChunks(disk);
      }
    }
    if (firstLoss < Infinity) lossTimes.push(firstLoss);
    if (firstLoss <= mission) lossesByMission++;
    groupsLostSum += groupsLost;
    groupsLostSquares += groupsLost * groupsLost;
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
    groupsLost: meanOfSums(groupsLostSum, groupsLostSquares, replications),
    failures,
    placement: perRun ? 'per-run' : 'once',
  };
}

/**
 * Draws the placement: each group's w disks uniformly among the w-subsets of D, or, with racks
 * (`racks` > 0, disks numbered rack by rack), w distinct racks uniformly and one uniform disk in
 * each (rejection of repeats); returns it disk by disk in compressed rows
 * (`members[start[d] … start[d+1])` are the groups with a chunk on disk d).
 */
function placeGroups(
  disks: number,
  groups: number,
  width: number,
  racks: number,
  rng: Rng,
): { start: Int32Array; members: Int32Array } {
  const perRack = racks > 0 ? disks / racks : 1;
  const units = racks > 0 ? racks : disks; // racks, or disks, drawn without repeats
  const chosen = new Int32Array(groups * width);
  const start = new Int32Array(disks + 1);
  for (let g = 0; g < groups; g++) {
    const base = g * width;
    for (let c = 0; c < width; c++) {
      let unit: number;
      do unit = Math.floor(rng.next() * units);
      while (chosen.subarray(base, base + c).some((d) => Math.floor(d / perRack) === unit));
      const disk = racks > 0 ? unit * perRack + Math.floor(rng.next() * perRack) : unit;
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
