import type { Distribution, Rng } from '../../distributions/types.js';
import { EventQueue } from '../engine/EventQueue.js';
import { nextExponential } from '../exponentialZiggurat.js';
import { LawSampler } from '../lawSampler.js';
import { nextUniform, seedReplicationStream, streamRng } from '../random.js';
import type { SystemPlan } from './compileSystem.js';
import { ReplicationRecorder, type ReplicationRecord, type RunOn } from './ReplicationRecorder.js';
import { StructureState } from './StructureState.js';

// Unit states of docs/semantics.md ("Units and their states"); working means ≤ DORMANT.
const ACTIVE = 0;
const DORMANT = 1;
const DETECTING = 2;
const WAITING = 3;
const REPAIRING = 4;
const LOST = 5;

// Tie-break priorities at equal times (smaller first): returns to service before new failures,
// so a repair and a failure at the same instant never show a zero-length system failure.
const PRIORITY_REPAIR_END = 0;
const PRIORITY_RECOVERY_END = 1;
const PRIORITY_SWITCH_END = 2;
const PRIORITY_DETECTION_END = 3;
const PRIORITY_FAILURE = 4;

/** One line of an event log: time, entity (unit name, standby path or `system`), what happened. */
export type TraceEntry = readonly [time: number, entity: string, event: string];

/**
 * Simulates one replication at a time of a compiled model, following docs/semantics.md: unit
 * ageing (with dormancy and idle-while-down freezing by remaining life), coverage with outages,
 * detection, finite crews with priority and FIFO, standby switching with success and delay.
 *
 * @remarks
 * State lives in typed arrays reused across replications; the event queue has one slot per unit
 * (its failure, detection or repair timer), one per unit for an outage's recovery, and one per
 * standby block for its switch-over. An event is one popped timer: a failure, the end of a
 * detection, repair, recovery or switch-over. The specialised path allocates nothing per event
 * (the general path may, where the JIT boxes the doubles of a call it does not inline).
 *
 * Statistics are kept by a {@link ReplicationRecorder}, which the event loop calls at system
 * transitions, at regeneration points and when time passes a grid time or T (never per event);
 * the simulator keeps the event logic (units, crews, standby, detection, outages, recovery) and
 * decides when a replication ends.
 *
 * The hot path is specialised without changing what is computed: failure and repair times come
 * from a {@link LawSampler} over the replication's xoshiro128** state (an exponential law as mean
 * times {@link nextExponential}, the ziggurat, inlined in the loop; Weibull, lognormal and normal
 * laws from the ziggurats by a call that passes no double; other families by their own
 * `sample(rng)` on an {@link Rng} view of the same stream), per-unit typed arrays hold the
 * coverage (no draw when it is 1) and the repair facts, the uniforms ({@link nextUniform}) read
 * the same state, and a popped timer that is set again at once costs one sift of the heap (see
 * {@link EventQueue}). Both paths draw from one stream in one order. Detection, recovery and
 * switch-over times are drawn by their laws' `sample(rng)`.
 */
export class SystemSimulator {
  private readonly plan: SystemPlan;
  private readonly queue: EventQueue;
  private readonly structure: StructureState;
  private readonly structureUp: Uint8Array;
  private readonly root: number;
  private readonly unitCount: number;
  private readonly crews: number;
  private readonly idleWhileDown: boolean;
  // Per unit, from its component (hot-path copies of the plan).
  private readonly unitCoverage: Float64Array;
  private readonly unitRepairable: Uint8Array;
  private readonly unitRank: Int32Array;
  /** Draws unit u's lifetimes as law u and its repair times as law unitCount + u, from `stream`. */
  private readonly sampler: LawSampler;
  private readonly unitDetection: readonly (Distribution | undefined)[];
  private readonly unitBlock: Int32Array;
  private readonly unitLeafStart: Int32Array;
  private readonly unitLeaf: Int32Array;
  /**
   * 1 for a unit on the specialised path (see {@link SystemSimulator.processEvents}): in no
   * standby block, repairable, coverage 1, no detection, and the model has no idle-while-down
   * rule.
   */
  private readonly unitSimple: Uint8Array;
  // Unit state.
  private readonly state: Uint8Array;
  private readonly remaining: Float64Array;
  private readonly since: Float64Array;
  private readonly speed: Float64Array;
  private readonly outageUntilRepair: Uint8Array;
  // Standby blocks and the repair queue (one ring buffer per priority rank).
  private readonly blockActive: Int32Array;
  private readonly blockTarget: Int32Array;
  private readonly blockUp: Uint8Array;
  private readonly waitQueue: Int32Array;
  private readonly waitHead: Int32Array;
  private readonly waitLength: Int32Array;
  /** Records the statistics of each replication. */
  private readonly recorder: ReplicationRecorder;
  /** Per grid point, 1 when the system was up there in this replication (the recorder's). */
  readonly gridUp: Uint8Array;
  /** System failures in [0, T] caused by each component, over replications (the recorder's). */
  readonly criticality: Float64Array;
  /** The facts of the last replication run (the recorder's). */
  readonly record: ReplicationRecord;
  private readonly cap: number;
  /**
   * Whether the all-new state regenerates the process (see {@link SystemSimulator}) and cycles
   * are recorded.
   */
  private readonly regenerative: boolean;
  /** Per standby block, the component of each of its units in list order (the initial order). */
  private readonly blockInitialComponents: Int32Array;
  /** Units not working (failed, in detection, waiting, in repair or lost). */
  private broken = 0;
  /** Standby blocks with a switch-over in progress. */
  private switching = 0;
  /** The replication's xoshiro128** state, re-keyed by each run. */
  private readonly stream: Uint32Array;
  /** An Rng view of `stream`, for `Distribution.sample` on the general path. */
  private readonly rng: Rng;
  private now = 0;
  private freeCrews = 0;
  /** Units waiting for a crew, over all ranks. */
  private waiting = 0;
  private outages = 0;
  private systemUp = true;
  private frozen = false;
  /** Event times up to `mark` need no bookkeeping of grid, horizon or end (see advanceMark). */
  private mark = 0;
  private cause = -1;
  private trace: TraceEntry[] | null = null;

  /**
   * @param plan - the compiled model
   * @param horizon - T, end of the observed interval, > 0
   * @param gridTimes - times in [0, T] at which up/down is recorded, ascending
   * @param cap - time after which a replication running on past T stops (censored), ≥ T
   * @param runOn - what a replication runs on for past T
   * @param specialised - whether simple units take the specialised path (false only in tests,
   * which check that both paths give bit-identical replications)
   */
  constructor(
    plan: SystemPlan,
    horizon: number,
    gridTimes: Float64Array,
    cap: number,
    runOn: RunOn,
    specialised = true,
  ) {
    this.plan = plan;
    const n = plan.unitCount;
    this.unitCount = n;
    this.crews = plan.crews;
    this.idleWhileDown = plan.idleWhileDown;
    this.queue = new EventQueue(2 * n + plan.blockCount);
    this.structure = new StructureState(plan);
    this.structureUp = this.structure.up;
    this.root = plan.root;
    const component = plan.unitComponent;
    this.unitCoverage = Float64Array.from(component, (c) => plan.coverage[c]!);
    this.unitRepairable = Uint8Array.from(component, (c) => (plan.repair[c] ? 1 : 0));
    this.unitRank = Int32Array.from(component, (c) => plan.priorityRank[c]!);
    this.unitDetection = Array.from(component, (c) => plan.detection[c]);
    this.unitBlock = plan.unitBlock;
    this.unitLeafStart = plan.unitLeafStart;
    this.unitLeaf = plan.unitLeaf;
    this.unitSimple = Uint8Array.from(component, (c, u) =>
      specialised &&
      !plan.idleWhileDown &&
      plan.unitBlock[u]! < 0 &&
      plan.repair[c] !== undefined &&
      plan.coverage[c]! >= 1 &&
      plan.detection[c] === undefined
        ? 1
        : 0,
    );
    this.state = new Uint8Array(n);
    this.remaining = new Float64Array(n);
    this.since = new Float64Array(n);
    this.speed = new Float64Array(n);
    this.outageUntilRepair = new Uint8Array(n);
    this.blockActive = new Int32Array(plan.blockCount);
    this.blockTarget = new Int32Array(plan.blockCount);
    this.blockUp = new Uint8Array(plan.blockCount);
    this.waitQueue = new Int32Array(plan.rankCount * n);
    this.waitHead = new Int32Array(plan.rankCount);
    this.waitLength = new Int32Array(plan.rankCount);
    this.cap = cap;
    this.regenerative = runOn.cycles && isRegenerative(plan);
    this.recorder = new ReplicationRecorder(
      horizon,
      gridTimes,
      plan.unitComponent,
      plan.componentCount,
      { firstFailure: runOn.firstFailure, cycles: this.regenerative },
    );
    this.record = this.recorder.record;
    this.gridUp = this.recorder.gridUp;
    this.criticality = this.recorder.criticality;
    this.blockInitialComponents = Int32Array.from(plan.blockUnit, (u) => component[u]!);
    this.stream = new Uint32Array(4);
    this.rng = streamRng(this.stream);
    const failureLaws = Array.from(component, (c) => plan.failure[c]);
    const repairLaws = Array.from(component, (c) => plan.repair[c]);
    this.sampler = new LawSampler([...failureLaws, ...repairLaws], this.stream);
  }

  /**
   * Runs replication `replication` of a run with seed `seed` (its stream is keyed by
   * {@link seedReplicationStream}), filling {@link SystemSimulator.record} and `gridUp` (through
   * the recorder).
   */
  run(seed: number, replication: number, trace: TraceEntry[] | null = null): void {
    seedReplicationStream(this.stream, seed, replication);
    this.trace = trace;
    this.reset();
    // The event loop is its own function so that the JIT spends its inlining budget on the
    // event handlers rather than on the keying and reset above.
    this.record.events = this.processEvents(trace === null);
  }

  /**
   * Pops and handles events until the replication ends; returns how many it handled.
   *
   * The timer of a simple unit (see `unitSimple`) is handled here, inline: the steps of
   * {@link SystemSimulator.fail} with `awaitRepair` and `startRepair`, or of `repairEnd` with
   * `sampleLife` and `setSpeed`, in the same order of draws, reduced to what they do for such a
   * unit (no block, coverage draw, detection, outage or freezing). Such a unit is active,
   * waiting or repairing, so its popped timer is a failure or a repair end; its `speed`, `since`
   * and `remaining` are not kept, as nothing reads them. The draw, the queue and the structure
   * each have one call site here, small enough for the JIT to inline them all (a call it does
   * not inline boxes its double arguments and result: an allocation per event).
   */
  private processEvents(fast: boolean): number {
    const queue = this.queue;
    const structure = this.structure;
    const unitCount = this.unitCount;
    const state = this.state;
    const structureUp = this.structureUp;
    const root = this.root;
    const simple = this.unitSimple;
    const sampler = this.sampler;
    const lawMean = sampler.exponentialMean;
    const drawn = sampler.drawn;
    const stream = this.stream;
    const leafStart = this.unitLeafStart;
    const leaves = this.unitLeaf;
    const crews = this.crews;
    const regenerative = this.regenerative;
    // `broken` lives in a register here, written back around the general path, which reads and
    // changes it.
    let broken = this.broken;
    let events = 0;
    for (;;) {
      // The next event: its slot (−1 when none is left, at time Infinity) and time.
      const slot = queue.pop();
      const t = queue.time;
      this.now = t;
      // Grid times, the horizon and the end of the run (see advanceMark); an event past the end
      // is left unhandled (the queue is cleared by the next reset).
      if (t > this.mark && this.advanceMark()) break;
      events++;
      if (fast && slot < unitCount && simple[slot] === 1) {
        const failing = state[slot] === ACTIVE;
        // The law of the timer to set now (see `sampler`); −1 when none (the unit waits).
        let law = -1;
        if (failing) {
          this.cause = slot;
          broken++;
          if (crews === 0 || this.freeCrews > 0) {
            if (crews > 0) this.freeCrews--;
            state[slot] = REPAIRING;
            law = unitCount + slot;
          } else this.awaitRepair(slot);
        } else {
          if (crews > 0) this.freeCrews++;
          broken--;
          state[slot] = ACTIVE;
          law = slot;
        }
        if (law >= 0) {
          // The draw of sampleLife or startRepair (LawSampler.draw, written out: the ziggurat
          // inline, the other families' call passing no double); a new life at speed 1 ends at
          // now + remaining.
          const mean = lawMean[law]!;
          let duration: number;
          if (mean > 0) duration = mean * nextExponential(stream);
          else {
            sampler.drawOther(law);
            duration = drawn[0]!;
          }
          queue.rearm(t + duration, failing ? PRIORITY_REPAIR_END : PRIORITY_FAILURE);
        }
        const value = failing ? 0 : 1;
        const end = leafStart[slot + 1]!;
        for (let i = leafStart[slot]!; i < end; i++) structure.setLeaf(leaves[i]!, value);
        if (!failing && this.waiting > 0) this.dispatch();
      } else {
        this.broken = broken;
        this.handle(slot);
        broken = this.broken;
      }
      const up = this.outages === 0 && structureUp[root] === 1;
      if (up !== this.systemUp) this.transition(up);
      // Every unit working again (after a repair, recovery or switch-over): maybe all new.
      if (broken === 0 && regenerative) this.regenerationCheck();
    }
    this.broken = broken;
    return events;
  }

  /** Handles the popped timer `slot` on the general path. */
  private handle(slot: number): void {
    const unitCount = this.unitCount;
    if (slot < unitCount) {
      const s = this.state[slot]!;
      if (s <= DORMANT) this.fail(slot);
      else if (s === REPAIRING) this.repairEnd(slot);
      else this.detectionEnd(slot);
    } else if (slot < 2 * unitCount) this.recoveryEnd(slot - unitCount);
    else this.switchEnd(slot - 2 * unitCount);
  }

  /**
   * Called when the next event time t (in `now`) passes `mark`: has the recorder mark the grid
   * points before t and close the horizon once t > T, and returns true when the replication ends (horizon closed
   * and nothing left to run on for, see {@link RunOn}, or t past the cap). Sets the next mark: the
   * next grid time (the last is T), then the cap, then −∞ once the run-on is done (so the next
   * event ends the run, as a check at every event would).
   */
  private advanceMark(): boolean {
    // Read from a field, not passed: a call the JIT does not inline would box a double argument.
    const t = this.now;
    const recorder = this.recorder;
    if (recorder.horizonOpen) recorder.advance(t, this.systemUp);
    if (!recorder.horizonOpen) {
      if (recorder.runOnDone()) return true;
      if (t > this.cap) {
        recorder.censor();
        return true;
      }
      this.mark = this.cap;
    } else this.mark = recorder.nextMark();
    return false;
  }

  /**
   * Ends the open regeneration cycle now when the process is back in its all-new state: every
   * unit working, no outage or switch-over in progress, and every standby block with the same
   * components in the same roles as at 0. Only called when every unit works (`broken` = 0).
   * The recorder closes the cycle; the run ends at the next event when, past T, that was all it
   * ran on for.
   */
  private regenerationCheck(): void {
    if (this.outages !== 0 || this.switching !== 0) return;
    if (this.plan.blockCount === 0 || this.blocksInitial()) {
      if (this.recorder.endCycle(this.now)) this.mark = -Infinity;
    }
  }

  /** Whether every standby block has the same components in the same roles as at 0. */
  private blocksInitial(): boolean {
    const plan = this.plan;
    const component = plan.unitComponent;
    for (let b = 0; b < plan.blockCount; b++) {
      const start = plan.blockUnitStart[b]!;
      const end = plan.blockUnitStart[b + 1]!;
      const active = this.blockActive[b]!;
      if (component[active] !== this.blockInitialComponents[start]) return false;
      // The spares in list order must match the initial spares, position by position.
      let k = start + 1;
      for (let i = start; i < end; i++) {
        const unit = plan.blockUnit[i]!;
        if (unit === active) continue;
        if (component[unit] !== this.blockInitialComponents[k]) return false;
        k++;
      }
    }
    return true;
  }

  private reset(): void {
    const plan = this.plan;
    this.queue.clear();
    this.structure.reset();
    this.now = 0;
    this.freeCrews = plan.crews;
    this.waiting = 0;
    this.outages = 0;
    this.frozen = false;
    const recorder = this.recorder;
    recorder.reset();
    this.mark = recorder.nextMark();
    this.cause = -1;
    this.outageUntilRepair.fill(0);
    this.waitHead.fill(0);
    this.waitLength.fill(0);
    this.broken = 0;
    this.switching = 0;
    for (let b = 0; b < plan.blockCount; b++) {
      this.blockActive[b] = plan.blockUnit[plan.blockUnitStart[b]!]!;
      this.blockTarget[b] = -1;
      this.blockUp[b] = 1;
    }
    for (let u = 0; u < this.unitCount; u++) {
      const b = this.unitBlock[u]!;
      const dormant = b >= 0 && this.blockActive[b] !== u;
      this.state[u] = dormant ? DORMANT : ACTIVE;
      this.remaining[u] = this.sampleLife(u);
      this.since[u] = 0;
      this.speed[u] = dormant ? plan.blockDormancy[b]! : 1;
      if (this.speed[u]! > 0) {
        this.queue.schedule(u, this.remaining[u]! / this.speed[u]!, PRIORITY_FAILURE);
      }
    }
    this.systemUp = this.structureUp[this.root] === 1;
    if (!this.systemUp) {
      // Down from the start (e.g. an empty parallel): a failure at 0 that is never up first.
      recorder.downAtStart();
      if (this.idleWhileDown) this.freezeAll(true);
    }
  }

  /** A fresh lifetime, from the unit's failure law (see {@link LawSampler}). */
  private sampleLife(unit: number): number {
    return this.sampler.draw(unit);
  }

  private fail(unit: number): void {
    const wasActive = this.state[unit] === ACTIVE;
    this.cause = unit;
    this.broken++;
    this.speed[unit] = 0;
    if (this.trace !== null) this.log(this.plan.unitNames[unit]!, 'fail');
    const coverage = this.unitCoverage[unit]!;
    const uncovered = coverage < 1 && nextUniform(this.stream) >= coverage;
    if (this.unitRepairable[unit] === 0) {
      this.state[unit] = LOST;
    } else {
      const detection = this.unitDetection[unit];
      if (detection !== undefined) {
        this.state[unit] = DETECTING;
        this.queue.schedule(unit, this.now + detection.sample(this.rng), PRIORITY_DETECTION_END);
      } else this.awaitRepair(unit);
    }
    if (uncovered) this.startOutage(unit);
    const block = this.unitBlock[unit]!;
    if (block >= 0) this.blockUnitFailed(block, unit, wasActive);
    else {
      const end = this.unitLeafStart[unit + 1]!;
      for (let i = this.unitLeafStart[unit]!; i < end; i++) {
        this.structure.setLeaf(this.unitLeaf[i]!, 0);
      }
    }
  }

  private detectionEnd(unit: number): void {
    if (this.trace !== null) this.log(this.plan.unitNames[unit]!, 'detected');
    this.awaitRepair(unit);
  }

  /**
   * The unit joins the repair queue; with unlimited crews its repair starts at once. Invariant:
   * after every dispatch either no crew is free or no unit waits, so a unit finding a free crew
   * takes it at once (what queueing it and dispatching would do).
   */
  private awaitRepair(unit: number): void {
    if (this.crews === 0) {
      this.startRepair(unit);
      return;
    }
    if (this.freeCrews > 0) {
      this.freeCrews--;
      this.startRepair(unit);
      return;
    }
    this.state[unit] = WAITING;
    const rank = this.unitRank[unit]!;
    const n = this.unitCount;
    let at = this.waitHead[rank]! + this.waitLength[rank]!;
    if (at >= n) at -= n;
    this.waitQueue[rank * n + at] = unit;
    this.waitLength[rank]!++;
    this.waiting++;
  }

  /** Free crews take the longest-waiting unit of the highest priority, one at a time. */
  private dispatch(): void {
    const n = this.unitCount;
    while (this.freeCrews > 0 && this.waiting > 0) {
      let rank = 0;
      while (this.waitLength[rank] === 0) rank++;
      const head = this.waitHead[rank]!;
      const unit = this.waitQueue[rank * n + head]!;
      this.waitHead[rank] = head + 1 === n ? 0 : head + 1;
      this.waitLength[rank]!--;
      this.waiting--;
      this.freeCrews--;
      this.startRepair(unit);
    }
  }

  private startRepair(unit: number): void {
    this.state[unit] = REPAIRING;
    if (this.trace !== null) this.log(this.plan.unitNames[unit]!, 'repair start');
    const duration = this.sampler.draw(this.unitCount + unit);
    this.queue.schedule(unit, this.now + duration, PRIORITY_REPAIR_END);
  }

  private repairEnd(unit: number): void {
    if (this.trace !== null) this.log(this.plan.unitNames[unit]!, 'repair end');
    if (this.crews > 0) this.freeCrews++;
    this.broken--;
    if (this.outageUntilRepair[unit] === 1) {
      this.outageUntilRepair[unit] = 0;
      this.outages--;
    }
    // As good as new: a fresh lifetime, ageing from now.
    this.remaining[unit] = this.sampleLife(unit);
    this.since[unit] = this.now;
    const block = this.unitBlock[unit]!;
    if (block >= 0) {
      if (this.blockActive[block]! < 0 && this.blockTarget[block]! < 0) {
        this.state[unit] = ACTIVE;
        this.blockActive[block] = unit;
        this.updateBlockLeaf(block);
      } else this.state[unit] = DORMANT;
    } else {
      this.state[unit] = ACTIVE;
      const end = this.unitLeafStart[unit + 1]!;
      for (let i = this.unitLeafStart[unit]!; i < end; i++) {
        this.structure.setLeaf(this.unitLeaf[i]!, 1);
      }
    }
    this.speed[unit] = 0;
    this.setSpeed(unit, this.effectiveSpeed(unit));
    if (this.waiting > 0) this.dispatch();
  }

  private startOutage(unit: number): void {
    if (this.trace !== null) this.log(this.plan.unitNames[unit]!, 'uncovered');
    const recovery = this.plan.recovery[this.plan.unitComponent[unit]!];
    if (recovery !== undefined) {
      const slot = this.unitCount + unit;
      let end = this.now + recovery.sample(this.rng);
      // Overlapping outages of one unit: the system is down until the later end (their union).
      if (this.queue.isScheduled(slot)) end = Math.max(end, this.queue.timeOf(slot));
      else this.outages++;
      this.queue.schedule(slot, end, PRIORITY_RECOVERY_END);
    } else {
      // Until the unit is repaired; for a non-repairable unit, for good.
      this.outages++;
      if (this.state[unit] !== LOST) this.outageUntilRepair[unit] = 1;
    }
  }

  private recoveryEnd(unit: number): void {
    if (this.trace !== null) this.log(this.plan.unitNames[unit]!, 'recovered');
    this.outages--;
  }

  private blockUnitFailed(block: number, unit: number, wasActive: boolean): void {
    if (unit === this.blockTarget[block]) {
      // The spare being switched in failed during the switch-over: try the next one.
      this.queue.cancel(2 * this.unitCount + block);
      this.blockTarget[block] = -1;
      this.switching--;
      this.startSwitch(block);
    } else if (wasActive) {
      this.blockActive[block] = -1;
      this.startSwitch(block);
    }
    this.updateBlockLeaf(block);
  }

  /** Switches in the first working dormant spare, if any; success and delay per the block. */
  private startSwitch(block: number): void {
    const plan = this.plan;
    let spare = -1;
    for (let i = plan.blockUnitStart[block]!; i < plan.blockUnitStart[block + 1]!; i++) {
      if (this.state[plan.blockUnit[i]!] === DORMANT) {
        spare = plan.blockUnit[i]!;
        break;
      }
    }
    if (spare < 0) return;
    const success = plan.blockSwitchSuccess[block]!;
    if (success < 1 && nextUniform(this.stream) >= success) {
      if (this.trace !== null)
        this.log(plan.blockPath[block]!, `switch to ${plan.unitNames[spare]!} failed`);
      return;
    }
    const delay = plan.blockSwitchDelay[block];
    if (delay !== undefined) {
      this.blockTarget[block] = spare;
      this.switching++;
      if (this.trace !== null)
        this.log(plan.blockPath[block]!, `switch to ${plan.unitNames[spare]!} start`);
      this.queue.schedule(
        2 * this.unitCount + block,
        this.now + delay.sample(this.rng),
        PRIORITY_SWITCH_END,
      );
    } else this.activate(block, spare);
  }

  private switchEnd(block: number): void {
    const spare = this.blockTarget[block]!;
    this.blockTarget[block] = -1;
    this.switching--;
    this.activate(block, spare);
    this.updateBlockLeaf(block);
  }

  private activate(block: number, unit: number): void {
    if (this.trace !== null) {
      this.log(this.plan.blockPath[block]!, `switched to ${this.plan.unitNames[unit]!}`);
    }
    this.blockActive[block] = unit;
    this.state[unit] = ACTIVE;
    this.setSpeed(unit, this.frozen ? 0 : 1);
  }

  private updateBlockLeaf(block: number): void {
    const up = this.blockActive[block]! >= 0 ? 1 : 0;
    if (up !== this.blockUp[block]) {
      this.blockUp[block] = up;
      this.structure.setLeaf(this.plan.blockLeaf[block]!, up);
    }
  }

  private effectiveSpeed(unit: number): number {
    if (this.frozen) return 0;
    const state = this.state[unit];
    if (state === ACTIVE) return 1;
    if (state === DORMANT) return this.plan.blockDormancy[this.unitBlock[unit]!]!;
    return 0;
  }

  /** Changes a working unit's ageing speed, keeping its remaining life (accelerated life). */
  private setSpeed(unit: number, speed: number): void {
    const old = this.speed[unit]!;
    if (old === speed) {
      if (speed > 0 && !this.queue.isScheduled(unit)) {
        this.queue.schedule(
          unit,
          this.since[unit]! + this.remaining[unit]! / speed,
          PRIORITY_FAILURE,
        );
      }
      return;
    }
    if (old > 0) {
      const left = this.remaining[unit]! - (this.now - this.since[unit]!) * old;
      this.remaining[unit] = left > 0 ? left : 0;
    }
    this.since[unit] = this.now;
    this.speed[unit] = speed;
    if (speed > 0) {
      this.queue.schedule(unit, this.now + this.remaining[unit]! / speed, PRIORITY_FAILURE);
    } else this.queue.cancel(unit);
  }

  private freezeAll(frozen: boolean): void {
    this.frozen = frozen;
    for (let u = 0; u < this.unitCount; u++) {
      if (this.state[u]! <= DORMANT) this.setSpeed(u, this.effectiveSpeed(u));
    }
  }

  /** The system went down (`up` false) or came up at `now`: recorded, then freezing. */
  private transition(up: boolean): void {
    const now = this.now;
    this.systemUp = up;
    if (this.trace !== null) this.log('system', up ? 'up' : 'down');
    if (up) this.recorder.up(now);
    // After T the run may end with this failure: then the next event is past the mark.
    else if (this.recorder.down(now, this.cause)) this.mark = -Infinity;
    if (this.idleWhileDown) this.freezeAll(!up);
  }

  private log(entity: string, event: string): void {
    this.trace!.push([this.now, entity, event]);
  }
}

/**
 * Whether the all-new state (every unit working, as good as new, in its initial role) is a
 * regeneration point of the model's process: true when every failure law is exponential (so a
 * working unit's age does not matter, dormant or active) and every component is repaired (so the
 * state recurs). Repair, detection, recovery and switch-over laws may be anything: none is
 * running in that state.
 */
export function isRegenerative(plan: SystemPlan): boolean {
  for (let c = 0; c < plan.componentCount; c++) {
    if (!(plan.failureExponentialMean[c]! > 0) || plan.repair[c] === undefined) return false;
  }
  return true;
}
