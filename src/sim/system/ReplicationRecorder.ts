import { BATCH_COUNT } from '../stats.js';

/**
 * Sums over the regeneration cycles of one replication (see {@link ReplicationRecorder}), at
 * these indices of {@link ReplicationRecord.cycleSums}. Per cycle: L its length, D its down time,
 * F its system failures, X the time from its start to its first system failure (L when none), I
 * 1 when it had a system failure; C its maintenance cost (docs/semantics.md, "Costs"); and the
 * products that the delta method needs.
 */
export const CYCLE = {
  L: 0,
  D: 1,
  F: 2,
  X: 3,
  I: 4,
  LL: 5,
  DD: 6,
  FF: 7,
  XX: 8,
  LD: 9,
  LF: 10,
  DF: 11,
  XI: 12,
  C: 13,
  CC: 14,
  LC: 15,
} as const;
/** Number of cycle sums. */
export const CYCLE_SUMS = 16;

/** What a replication runs on for, past the horizon T (each bounded by the cap). */
export interface RunOn {
  /** Until the first system failure (the MTTF when no regeneration is available). */
  readonly firstFailure: boolean;
  /** Until the regeneration cycle open at T ends (regenerative estimators). */
  readonly cycles: boolean;
}

/** Facts of one replication, read by the caller after `SystemSimulator.run`. */
export interface ReplicationRecord {
  /** Time of the first system failure, or −1 when none happened before the run ended. */
  firstFailure: number;
  /** Down time in [0, T]. */
  downtime: number;
  /** System failures (up → down) in [0, T]. */
  failures: number;
  /** Events processed (each popped event counts once, also past T while running on). */
  events: number;
  /**
   * Per batch b of the {@link BATCH_COUNT} equal batches of [0, T] (the b-th is [b·L, (b + 1)·L],
   * L = T/B): down time in it, and system failures (an exact integer count) starting in it. Sums
   * over b equal downtime and failures.
   */
  readonly batchDowntime: Float64Array;
  readonly batchFailures: Float64Array;
  /** Regeneration cycles that started in [0, T] and ended (by the cap at the latest). */
  cycles: number;
  /** Sums over those cycles, indexed by {@link CYCLE}. */
  readonly cycleSums: Float64Array;
  /** 1 when the cycle open at T was still open at the cap (then it is not in the sums). */
  cycleCensored: number;
  /** Length of the longest cycle in the sums. */
  longestCycle: number;
  /** Maintenance cost in [0, T] (0 when the model has no costs). */
  missionCost: number;
}

/**
 * Records the statistics of one replication at a time, as the simulator's event loop reports
 * what happened: the system went down or came up, a regeneration cycle ended, time passed grid
 * points or the horizon T. Owns the {@link ReplicationRecord}, the up/down marks at the grid
 * times and the criticality counts; knows nothing of units, crews or the event queue.
 *
 * @remarks
 * Called from `SystemSimulator` only at system transitions, at regeneration points, when an
 * event time passes the next grid time or T, and once per replication to reset; never per event.
 * Times are passed as arguments: the callers are compiled with these methods inlined (see the
 * inlining notes in docs/benchmarks.md, "Simulator"), so the doubles are not boxed. Allocates
 * nothing after construction.
 *
 * Regeneration cycles (docs/semantics.md, "Simulation estimators"): the open cycle's start, down
 * time, failures and first failure are kept here; {@link ReplicationRecorder.endCycle} adds a
 * cycle that began in [0, T] to the sums. Down time and failures in [0, T] are also split into
 * the batches of [0, T] for MSER, only at a system repair or at T.
 */
export class ReplicationRecorder {
  /** The facts of the last replication run. */
  readonly record: ReplicationRecord = {
    firstFailure: -1,
    downtime: 0,
    failures: 0,
    events: 0,
    batchDowntime: new Float64Array(BATCH_COUNT),
    batchFailures: new Float64Array(BATCH_COUNT),
    cycles: 0,
    cycleSums: new Float64Array(CYCLE_SUMS),
    cycleCensored: 0,
    longestCycle: 0,
    missionCost: 0,
  };
  /** Per grid point, 1 when the system was up there in this replication. */
  readonly gridUp: Uint8Array;
  /** System failures in [0, T] caused by each component, summed over replications. */
  readonly criticality: Float64Array;
  /** Whether time is still in [0, T] (the horizon has not been closed). */
  horizonOpen = true;
  /** Cost of the cycle that the next {@link ReplicationRecorder.endCycle} closes (set by the caller). */
  cycleCost = 0;
  private readonly gridTime: Float64Array;
  private readonly unitComponent: Int32Array;
  private readonly horizon: number;
  /** Length of one batch of [0, T], T/{@link BATCH_COUNT}. */
  private readonly batchLength: number;
  private readonly runOnFirstFailure: boolean;
  private readonly runOnCycles: boolean;
  private nextGrid = 0;
  /** Start of the down period open in [0, T]. */
  private downStart = 0;
  // The open regeneration cycle: start, down time so far, failures, first failure (−1: none).
  private cycleStart = 0;
  private cycleDown = 0;
  private cycleDownStart = 0;
  private cycleFailures = 0;
  private cycleFirst = -1;

  /**
   * @param horizon - T, end of the observed interval, > 0
   * @param gridTimes - times in [0, T] at which up/down is recorded, ascending
   * @param unitComponent - the component of each unit (for criticality)
   * @param componentCount - number of components
   * @param runOn - what a replication runs on for past T (`cycles` only when the model is
   * regenerative)
   */
  constructor(
    horizon: number,
    gridTimes: Float64Array,
    unitComponent: Int32Array,
    componentCount: number,
    runOn: RunOn,
  ) {
    this.horizon = horizon;
    this.batchLength = horizon / BATCH_COUNT;
    this.gridTime = gridTimes;
    this.gridUp = new Uint8Array(gridTimes.length);
    this.unitComponent = unitComponent;
    this.criticality = new Float64Array(componentCount);
    this.runOnFirstFailure = runOn.firstFailure;
    this.runOnCycles = runOn.cycles;
  }

  /** Starts a replication: clears the record, the grid marks and the open cycle (at time 0). */
  reset(): void {
    this.nextGrid = 0;
    this.horizonOpen = true;
    this.gridUp.fill(0);
    const record = this.record;
    record.firstFailure = -1;
    record.downtime = 0;
    record.failures = 0;
    record.batchDowntime.fill(0);
    record.batchFailures.fill(0);
    record.cycles = 0;
    record.cycleSums.fill(0);
    record.cycleCensored = 0;
    record.longestCycle = 0;
    record.missionCost = 0;
    this.cycleCost = 0;
    this.cycleStart = 0;
    this.cycleDown = 0;
    this.cycleDownStart = 0;
    this.cycleFailures = 0;
    this.cycleFirst = -1;
  }

  /** The system is down from time 0 (e.g. an empty parallel): a failure at 0 never up before. */
  downAtStart(): void {
    this.record.firstFailure = 0;
    this.downStart = 0;
  }

  /**
   * The system went down at `now`, the failure of unit `cause` (−1: none) having caused it.
   * Returns true when this first failure, after T, leaves nothing to run on for (see
   * {@link ReplicationRecorder.runOnDone}): the run may end.
   */
  down(now: number, cause: number): boolean {
    const record = this.record;
    let done = false;
    this.cycleFailures++;
    if (this.cycleFirst < 0) this.cycleFirst = now;
    this.cycleDownStart = now;
    if (record.firstFailure < 0) {
      record.firstFailure = now;
      done = !this.horizonOpen && this.runOnDone();
    }
    if (this.horizonOpen) {
      this.downStart = now;
      record.failures++;
      record.batchFailures[this.batchOf(now)]!++;
      if (cause >= 0) this.criticality[this.unitComponent[cause]!]!++;
    }
    return done;
  }

  /** The system came up at `now`. */
  up(now: number): void {
    this.cycleDown += now - this.cycleDownStart;
    if (this.horizonOpen) this.addDowntime(now);
  }

  /**
   * The process is back in its all-new state at `now`: closes the open cycle (into the sums when
   * it began in [0, T]) and opens the next. Returns true when, after T, nothing is left to run on
   * for (see {@link ReplicationRecorder.runOnDone}): the run may end.
   */
  endCycle(now: number): boolean {
    const record = this.record;
    if (this.cycleStart <= this.horizon) {
      const sums = record.cycleSums;
      const length = now - this.cycleStart;
      const failures = this.cycleFailures;
      record.cycles++;
      if (length > record.longestCycle) record.longestCycle = length;
      // Indices as in CYCLE, written as literals for the hot path. A cycle without a system
      // failure (the usual one) adds to L, X, LL and XX only (D = F = I = 0, X = L).
      sums[0]! += length;
      sums[5]! += length * length;
      if (failures === 0) {
        sums[3]! += length;
        sums[8]! += length * length;
      } else {
        const down = this.cycleDown;
        const exposure = this.cycleFirst - this.cycleStart;
        sums[1]! += down;
        sums[2]! += failures;
        sums[3]! += exposure;
        sums[4]! += 1;
        sums[6]! += down * down;
        sums[7]! += failures * failures;
        sums[8]! += exposure * exposure;
        sums[9]! += length * down;
        sums[10]! += length * failures;
        sums[11]! += down * failures;
        sums[12]! += exposure;
      }
      const cost = this.cycleCost;
      if (cost !== 0) {
        sums[13]! += cost;
        sums[14]! += cost * cost;
        sums[15]! += length * cost;
      }
    }
    this.cycleStart = now;
    this.cycleDown = 0;
    this.cycleFailures = 0;
    this.cycleFirst = -1;
    return !this.horizonOpen && this.runOnDone();
  }

  /**
   * Time reached `t`, the next event time: marks the grid times before t with `up` (the state
   * after all events up to t), and once t > T closes the horizon: every grid time left, and a
   * down period still open at T.
   */
  advance(t: number, up: boolean): void {
    const mark = up ? 1 : 0;
    const times = this.gridTime;
    if (t > this.horizon) {
      while (this.nextGrid < times.length) this.gridUp[this.nextGrid++] = mark;
      if (!up) this.addDowntime(this.horizon);
      this.horizonOpen = false;
    } else {
      while (this.nextGrid < times.length && times[this.nextGrid]! < t) {
        this.gridUp[this.nextGrid++] = mark;
      }
    }
  }

  /** The next time that {@link ReplicationRecorder.advance} must see: the next grid time, or T. */
  nextMark(): number {
    return this.nextGrid < this.gridTime.length ? this.gridTime[this.nextGrid]! : this.horizon;
  }

  /** Whether nothing is left to run on for past T (see {@link RunOn}). */
  runOnDone(): boolean {
    return (
      (!this.runOnFirstFailure || this.record.firstFailure >= 0) &&
      (!this.runOnCycles || this.cycleStart > this.horizon)
    );
  }

  /** The run stopped at the cap: the cycle open at T, if cycles are recorded, is censored. */
  censor(): void {
    if (this.runOnCycles) this.record.cycleCensored = 1;
  }

  private addDowntime(end: number): void {
    const start = this.downStart;
    this.record.downtime += end - start;
    if (end > start) {
      // Batches: the down period is split at batch boundaries, only here (at a system repair or
      // at T), so the event loop pays nothing for the batches.
      const down = this.record.batchDowntime;
      const length = this.batchLength;
      const last = this.batchOf(end);
      let b = this.batchOf(start);
      let from = start;
      while (b < last) {
        const boundary = (b + 1) * length;
        if (boundary > from) down[b]! += boundary - from;
        from = boundary > from ? boundary : from;
        b++;
      }
      if (end > from) down[last]! += end - from;
    }
  }

  /** The batch holding time t of [0, T], clamped to [0, B − 1] (T itself is in the last). */
  private batchOf(t: number): number {
    const b = Math.floor(t / this.batchLength);
    return b < 0 ? 0 : b >= BATCH_COUNT ? BATCH_COUNT - 1 : b;
  }
}
