import type { Distribution, Rng } from '../../distributions/types.js';
import { EventQueue } from '../engine/EventQueue.js';
import { nextExponential } from '../exponentialZiggurat.js';
import { LawSampler } from '../lawSampler.js';
import { nextUniform, seedReplicationStream, streamRng } from '../random.js';
import { conditionalResidualLife } from '../conditionalLife.js';
import { hasCosts, type SystemPlan } from './compileSystem.js';
import { CostMeter } from './CostMeter.js';
import { ReplicationRecorder, type ReplicationRecord, type RunOn } from './ReplicationRecorder.js';
import { SparePools } from './SparePools.js';
import { StructureState } from './StructureState.js';

// Unit states of docs/semantics.md ("Units and their states"); working means ≤ DORMANT.
const ACTIVE = 0;
const DORMANT = 1;
const DETECTING = 2;
const WAITING = 3;
const REPAIRING = 4;
const LOST = 5;
/** Failed, and the failure is hidden until a proof test reveals it (or for good). */
const HIDDEN = 6;
/** Working, out of service for a proof test (not ageing). */
const TESTING = 7;
/** Out of service for a preventive replacement (not ageing). */
const REPLACING = 8;
/** Failed and detected, awaiting a spare part from its pool (not ageing). */
const AWAITING = 9;

// Tie-break priorities at equal times (smaller first): returns to service before new failures,
// so a repair and a failure at the same instant never show a zero-length system failure.
const PRIORITY_REPAIR_END = 0;
const PRIORITY_SPARE_ARRIVAL = 1;
const PRIORITY_RECOVERY_END = 2;
const PRIORITY_SWITCH_END = 3;
const PRIORITY_DETECTION_END = 4;
/** Proof tests (start and end), block replacement epochs and the end of a replacement. */
const PRIORITY_UPKEEP = 5;
const PRIORITY_FAILURE = 6;

/** One line of an event log: time, entity (unit name, standby path or `system`), what happened. */
export type TraceEntry = readonly [time: number, entity: string, event: string];

/**
 * Simulates one replication at a time of a compiled model, following docs/semantics.md: unit
 * ageing (with dormancy and idle-while-down freezing by remaining life), coverage with outages,
 * detection, finite crews with priority and FIFO, standby switching with success and delay,
 * hidden failures and proof tests, age and block replacement, Kijima imperfect repair, costs and
 * spare-part pools.
 *
 * @remarks
 * State lives in typed arrays reused across replications; the event queue has one slot per unit
 * (its failure, detection, repair or replacement timer; an age replacement is its ageing timer),
 * one per unit for an outage's recovery, one per standby block for its switch-over, one per
 * component for its proof tests and one for its block replacement epochs, and one per spare pool
 * for its next arrival ({@link SparePools}). An event is one popped timer: a failure, an age
 * replacement, the end of a detection, repair, recovery, switch-over or replacement, a test's start
 * or end, a block epoch, a spare's arrival. Units of components with maintenance (proof tests,
 * preventive replacement, Kijima repair, costs, a spare pool; or every unit when crews cost
 * money) take the general path, which keeps their costs in a {@link CostMeter}. The specialised
 * path allocates nothing per event (the general path may, where the JIT boxes the doubles of a
 * call it does not inline).
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
  /** The root node of each system function (one for a model with one system). */
  private readonly roots: Int32Array;
  private readonly root: number;
  private readonly systemCount: number;
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
  /** Records the statistics of each replication, one recorder per system function. */
  private readonly recorders: readonly ReplicationRecorder[];
  /** Per system: per grid point, 1 when it was up there in this replication (its recorder's). */
  readonly gridUps: readonly Uint8Array[];
  /** Per system: its failures in [0, T] caused by each component, over replications. */
  readonly criticalities: readonly Float64Array[];
  /**
   * Per system: the facts of the last replication run (its recorder's), each as a run of that
   * system alone would record them (its `events` are those handled until its own end).
   */
  readonly records: readonly ReplicationRecord[];
  /** Events the last replication handled: until the last system's end. */
  events = 0;
  private readonly cap: number;
  private readonly horizon: number;
  /**
   * Whether the all-new state regenerates the process (see {@link SystemSimulator}) and cycles
   * are recorded.
   */
  private readonly regenerative: boolean;
  /** Per system: 1 when its recorder keeps regeneration cycles. */
  private readonly systemCycles: Uint8Array;
  /** Per system: 1 once its replication has ended (see advanceMark). */
  private readonly finished: Uint8Array;
  /** Per system: 1 while it is up. */
  private readonly systemUp: Uint8Array;
  /**
   * Whether the first system is up: `systemUp[0]` as a field, which the event loop of a model
   * with one system compares after every event (a field read keeps that loop as fast as it was
   * before several systems).
   */
  private firstUp = true;
  /** Whether time is still in [0, T]. */
  private horizonOpen = true;
  /** Events handled before the present one, for the systems' `events` (set at marks only). */
  private handled = 0;
  /** Per standby block, the component of each of its units in list order (the initial order). */
  private readonly blockInitialComponents: Int32Array;
  /** Units not working (failed, in detection, awaiting a spare, waiting, in repair or lost). */
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
  private frozen = false;
  /** Event times up to `mark` need no bookkeeping of grid, horizon or end (see advanceMark). */
  private mark = 0;
  private cause = -1;
  private trace: TraceEntry[] | null = null;
  // Maintenance (docs/semantics.md, "Hidden failures and proof tests", "Preventive replacement
  // and imperfect repair", "Costs"); read on the general path only.
  /** First queue slot of the per-component proof tests; the block replacement epochs follow. */
  private readonly testSlot: number;
  private readonly blockEpochSlot: number;
  /** Per unit: 1 when its failures are hidden (its component has proof tests). */
  private readonly unitHidden: Uint8Array;
  /** Per unit: 1 when its present hidden failure can be revealed by a test. */
  private readonly revealable: Uint8Array;
  /** Per unit: the age at which it is replaced (`age` policy), 0 when none. */
  private readonly ageLimit: Float64Array;
  /** Per unit: 1 when its ageing timer is an age replacement rather than a failure. */
  private readonly replaceDue: Uint8Array;
  /** Per unit: its Kijima virtual age V, and the life X drawn when last made new or repaired. */
  private readonly virtualAge: Float64Array;
  private readonly life: Float64Array;
  /** Per unit: Kijima type (0 none, 1, 2) and factor q. */
  private readonly kijima: Uint8Array;
  private readonly kijimaFactor: Float64Array;
  /** Per unit: cost per time unit out of service, and of one corrective repair. */
  private readonly downtimeRate: Float64Array;
  private readonly correctiveCost: Float64Array;
  /** Per component: tests done and block epochs passed (next: first + k·interval, (k + 1)·T). */
  private readonly testsDone: Int32Array;
  private readonly blockEpochs: Int32Array;
  /** Per component: 1 while its test is in progress. */
  private readonly testing: Uint8Array;
  /** The costs of the replication, when the model has any. */
  private readonly meter: CostMeter | null;
  private readonly crewCostPerHour: number;
  /** Units whose age matters for regeneration (see {@link regenerationOf}). */
  private readonly memoryUnits: Int32Array;
  /** The component whose block epochs are the only regeneration points, −1 when none. */
  private readonly regenerationBlock: number;
  /** The last block epoch of `regenerationBlock`. */
  private blockEpochAt = -1;
  /** Per unit: its spare pool, −1 when its repairs need no spare. */
  private readonly unitPool: Int32Array;
  /** The queue slot of pool 0's arrivals; pool p's is `poolSlot + p`. */
  private readonly poolSlot: number;
  /** The spare pools, null when the model has none. */
  private readonly pools: SparePools | null;

  /**
   * @param plan - the compiled model
   * @param horizon - T, end of the observed interval, > 0
   * @param gridTimes - times in [0, T] at which up/down is recorded, ascending
   * @param cap - time after which a replication running on past T stops (censored), ≥ T
   * @param runOn - per system function (one per root of the plan), what a replication runs on
   * for past T; the replication ends when every system's has (see advanceMark)
   * @param specialised - whether simple units take the specialised path (false only in tests,
   * which check that both paths give bit-identical replications)
   */
  constructor(
    plan: SystemPlan,
    horizon: number,
    gridTimes: Float64Array,
    cap: number,
    runOn: readonly RunOn[],
    specialised = true,
  ) {
    this.plan = plan;
    const n = plan.unitCount;
    this.unitCount = n;
    this.crews = plan.crews;
    this.idleWhileDown = plan.idleWhileDown;
    const components = plan.componentCount;
    this.testSlot = 2 * n + plan.blockCount;
    this.blockEpochSlot = this.testSlot + components;
    this.poolSlot = this.blockEpochSlot + components;
    this.queue = new EventQueue(this.poolSlot + plan.poolCount);
    this.unitPool = plan.unitPool;
    this.pools =
      plan.poolCount > 0
        ? new SparePools(plan, this.queue, this.poolSlot, PRIORITY_SPARE_ARRIVAL)
        : null;
    this.structure = new StructureState(plan);
    this.structureUp = this.structure.up;
    this.roots = plan.roots;
    this.root = plan.root;
    const systems = plan.roots.length;
    this.systemCount = systems;
    this.finished = new Uint8Array(systems);
    this.systemUp = new Uint8Array(systems);
    const component = plan.unitComponent;
    this.unitCoverage = Float64Array.from(component, (c) => plan.coverage[c]!);
    this.unitRepairable = Uint8Array.from(component, (c) => (plan.repair[c] ? 1 : 0));
    this.unitRank = Int32Array.from(component, (c) => plan.priorityRank[c]!);
    this.unitDetection = Array.from(component, (c) => plan.detection[c]);
    this.unitBlock = plan.unitBlock;
    this.unitLeafStart = plan.unitLeafStart;
    this.unitLeaf = plan.unitLeaf;
    const upkeep = plan.upkeep;
    const regeneration = regenerationOf(plan);
    this.memoryUnits = regeneration?.memoryUnits ?? new Int32Array(0);
    this.regenerationBlock = regeneration?.blockComponent ?? -1;
    const crewCost = plan.crewCostPerHour;
    this.unitSimple = Uint8Array.from(component, (c, u) =>
      specialised &&
      crewCost === 0 &&
      Object.keys(upkeep[c]!).length === 0 &&
      !this.memoryUnits.includes(u) &&
      !plan.idleWhileDown &&
      plan.unitBlock[u]! < 0 &&
      plan.unitPool[u]! < 0 &&
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
    this.unitHidden = Uint8Array.from(component, (c) => (upkeep[c]!.inspection ? 1 : 0));
    this.revealable = new Uint8Array(n);
    this.ageLimit = Float64Array.from(component, (c) => {
      const preventive = upkeep[c]!.preventive;
      return preventive?.policy === 'age' ? preventive.interval : 0;
    });
    this.replaceDue = new Uint8Array(n);
    this.virtualAge = new Float64Array(n);
    this.life = new Float64Array(n);
    this.kijima = Uint8Array.from(component, (c) => {
      const model = upkeep[c]!.imperfectRepair?.model;
      return model === 'kijima-1' ? 1 : model === 'kijima-2' ? 2 : 0;
    });
    this.kijimaFactor = Float64Array.from(
      component,
      (c) => upkeep[c]!.imperfectRepair?.factor ?? 0,
    );
    this.downtimeRate = Float64Array.from(component, (c) => upkeep[c]!.costs?.downtimePerHour ?? 0);
    this.correctiveCost = Float64Array.from(component, (c) => upkeep[c]!.costs?.corrective ?? 0);
    this.testsDone = new Int32Array(components);
    this.blockEpochs = new Int32Array(components);
    this.testing = new Uint8Array(components);
    this.crewCostPerHour = crewCost;
    this.meter = hasCosts(plan) ? new CostMeter(horizon) : null;
    this.cap = cap;
    this.horizon = horizon;
    if (runOn.length !== systems) {
      throw new Error(`internal: ${runOn.length} run-on rules for ${systems} systems`);
    }
    this.systemCycles = Uint8Array.from(runOn, (r) =>
      r.cycles && regeneration !== undefined ? 1 : 0,
    );
    this.regenerative = this.systemCycles.includes(1);
    this.recorders = runOn.map(
      (r, i) =>
        new ReplicationRecorder(horizon, gridTimes, plan.unitComponent, plan.componentCount, {
          firstFailure: r.firstFailure,
          cycles: this.systemCycles[i] === 1,
        }),
    );
    this.records = this.recorders.map((recorder) => recorder.record);
    this.gridUps = this.recorders.map((recorder) => recorder.gridUp);
    this.criticalities = this.recorders.map((recorder) => recorder.criticality);
    this.blockInitialComponents = Int32Array.from(plan.blockUnit, (u) => component[u]!);
    this.stream = new Uint32Array(4);
    this.rng = streamRng(this.stream);
    const failureLaws = Array.from(component, (c) => plan.failure[c]);
    const repairLaws = Array.from(component, (c) => plan.repair[c]);
    this.sampler = new LawSampler([...failureLaws, ...repairLaws], this.stream);
  }

  /**
   * Runs replication `replication` of a run with seed `seed` (its stream is keyed by
   * {@link seedReplicationStream}), filling {@link SystemSimulator.records} and `gridUps`
   * (through the recorders).
   */
  run(seed: number, replication: number, trace: TraceEntry[] | null = null): void {
    seedReplicationStream(this.stream, seed, replication);
    this.trace = trace;
    this.pools?.reset(seed, replication);
    this.reset();
    // The event loop is its own function so that the JIT spends its inlining budget on the
    // event handlers rather than on the keying and reset above.
    this.events = this.processEvents(trace === null);
    const meter = this.meter;
    if (meter !== null) {
      meter.integrate(this.horizon);
      for (const record of this.records) record.missionCost = meter.mission;
    }
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
    const single = this.systemCount === 1;
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
      if (t > this.mark) {
        this.handled = events;
        if (this.advanceMark()) break;
      }
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
      if (single) {
        const up = this.outages === 0 && structureUp[root] === 1;
        if (up !== this.firstUp) this.transition(0, up ? 1 : 0);
      } else this.systemTransitions();
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
      if (s <= DORMANT) {
        if (this.replaceDue[slot] === 1) this.startReplacement(slot);
        else this.fail(slot);
      } else if (s === REPAIRING) this.repairEnd(slot);
      else if (s === REPLACING) this.replacementEnd(slot);
      else this.detectionEnd(slot);
    } else if (slot < 2 * unitCount) this.recoveryEnd(slot - unitCount);
    else if (slot < this.testSlot) this.switchEnd(slot - 2 * unitCount);
    else if (slot < this.blockEpochSlot) {
      const component = slot - this.testSlot;
      if (this.testing[component] === 1) this.testEnd(component);
      else this.testStart(component);
    } else if (slot < this.poolSlot) this.blockEpoch(slot - this.blockEpochSlot);
    else this.spareArrival(slot - this.poolSlot);
  }

  /**
   * Called when the next event time t (in `now`) passes `mark`: has the recorders mark the grid
   * points before t and close the horizon once t > T, ends the replication of each system with
   * nothing left to run on for (horizon closed, see {@link RunOn}) or with t past the cap, and
   * returns true when every system's has ended. Sets the next mark: the next grid time (the last
   * is T), then the cap, then −∞ once a system's run-on is done (so the next event ends its run,
   * as a check at every event would).
   *
   * A system's replication ends exactly where a run of it alone would end, with the events
   * handled until then: the units' process does not depend on the structure (a model with
   * several systems has no standby block and no idle-while-down rule), so the joint run is, for
   * each system, its own run followed by events it does not see.
   */
  private advanceMark(): boolean {
    // Read from a field, not passed: a call the JIT does not inline would box a double argument.
    const t = this.now;
    const recorders = this.recorders;
    const systems = this.systemCount;
    if (this.horizonOpen) {
      for (let s = 0; s < systems; s++) recorders[s]!.advance(t, this.systemUp[s] === 1);
      // The recorders share the grid and T, so they close the horizon together.
      this.horizonOpen = recorders[0]!.horizonOpen;
      if (this.horizonOpen) {
        this.mark = recorders[0]!.nextMark();
        return false;
      }
    }
    let running = 0;
    for (let s = 0; s < systems; s++) {
      if (this.finished[s] === 1) continue;
      const recorder = recorders[s]!;
      if (recorder.runOnDone()) this.finish(s);
      else if (t > this.cap) {
        recorder.censor();
        this.finish(s);
      } else running++;
    }
    this.mark = this.cap;
    return running === 0;
  }

  /** System s's replication ends before the present event. */
  private finish(s: number): void {
    this.finished[s] = 1;
    this.records[s]!.events = this.handled;
  }

  /** Records every running system's transition after an event (several systems). */
  private systemTransitions(): void {
    const structureUp = this.structureUp;
    const roots = this.roots;
    const clear = this.outages === 0;
    for (let s = 0; s < this.systemCount; s++) {
      if (this.finished[s] === 1) continue;
      const up = clear && structureUp[roots[s]!] === 1 ? 1 : 0;
      if (up !== this.systemUp[s]) this.transition(s, up);
    }
  }

  /**
   * Ends the open regeneration cycle now when the process is back in its all-new state: every
   * unit working, no outage or switch-over in progress, every spare pool full (no order
   * outstanding), and every standby block with the same components in the same roles as at 0.
   * Only called when every unit works (`broken` = 0). The recorder closes the cycle; the run ends
   * at the next event when, past T, that was all it ran on for.
   */
  private regenerationCheck(): void {
    if (this.outages !== 0 || this.switching !== 0) return;
    if (this.pools !== null && !this.pools.full()) return;
    const now = this.now;
    // Units with a memory (see regenerationOf) must have age and virtual age 0, and fixed epochs
    // be at their phase.
    const memory = this.memoryUnits;
    for (let i = 0; i < memory.length; i++) {
      const unit = memory[i]!;
      if (this.virtualAge[unit] !== 0 || !this.isNew(unit)) return;
    }
    if (this.regenerationBlock >= 0 && this.blockEpochAt !== now) return;
    if (this.plan.blockCount === 0 || this.blocksInitial()) {
      const cost = this.meter === null ? 0 : this.meter.endCycle(now);
      for (let s = 0; s < this.systemCount; s++) {
        if (this.systemCycles[s] === 0 || this.finished[s] === 1) continue;
        const recorder = this.recorders[s]!;
        recorder.cycleCost = cost;
        if (recorder.endCycle(now)) this.mark = -Infinity;
      }
    }
  }

  /**
   * Whether a working unit has age 0 now: it was made new at this instant, or has not aged since
   * (a cold spare). Its age is its target (life, or replacement age) less its remaining age.
   */
  private isNew(unit: number): boolean {
    const target = this.replaceDue[unit] === 1 ? this.ageLimit[unit]! : this.life[unit]!;
    const speed = this.speed[unit]!;
    const left = this.remaining[unit]! - (speed > 0 ? (this.now - this.since[unit]!) * speed : 0);
    return left === target;
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
    for (const recorder of this.recorders) recorder.reset();
    this.mark = this.recorders[0]!.nextMark();
    this.horizonOpen = true;
    this.finished.fill(0);
    this.cause = -1;
    this.outageUntilRepair.fill(0);
    this.waitHead.fill(0);
    this.waitLength.fill(0);
    this.broken = 0;
    this.switching = 0;
    this.virtualAge.fill(0);
    this.testing.fill(0);
    this.blockEpochAt = -1;
    this.meter?.reset();
    for (let c = 0; c < plan.componentCount; c++) {
      const { inspection, preventive } = plan.upkeep[c]!;
      if (inspection !== undefined) {
        this.testsDone[c] = 0;
        this.queue.schedule(this.testSlot + c, inspection.first, PRIORITY_UPKEEP);
      }
      if (preventive?.policy === 'block') {
        this.blockEpochs[c] = 0;
        this.queue.schedule(this.blockEpochSlot + c, preventive.interval, PRIORITY_UPKEEP);
      }
    }
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
    for (let s = 0; s < this.systemCount; s++) {
      const up = this.structureUp[this.roots[s]!]!;
      this.systemUp[s] = up;
      if (s === 0) this.firstUp = up === 1;
      // Down from the start (e.g. an empty parallel): a failure at 0 that is never up first.
      if (up === 0) this.recorders[s]!.downAtStart();
    }
    // Idle while down: a model with one system only (several refuse it).
    if (this.idleWhileDown && this.systemUp[0] === 0) this.freezeAll(true);
  }

  /**
   * A fresh life for the unit, from its failure law (see {@link LawSampler}), or, with a
   * virtual age V > 0, from the law conditioned on survival to V ({@link conditionalResidualLife});
   * returns the age to its next ageing event: the life, or the replacement age when that comes
   * first (then `replaceDue` is set).
   */
  private sampleLife(unit: number): number {
    const age = this.virtualAge[unit]!;
    const life =
      age > 0
        ? conditionalResidualLife(
            this.plan.failure[this.plan.unitComponent[unit]!]!,
            age,
            nextExponential(this.stream),
          )
        : this.sampler.draw(unit);
    this.life[unit] = life;
    const limit = this.ageLimit[unit]!;
    if (limit > 0 && life >= limit) {
      this.replaceDue[unit] = 1;
      return limit;
    }
    this.replaceDue[unit] = 0;
    return life;
  }

  private fail(unit: number): void {
    const wasActive = this.state[unit] === ACTIVE;
    this.cause = unit;
    this.broken++;
    this.speed[unit] = 0;
    if (this.trace !== null) this.log(this.plan.unitNames[unit]!, 'fail');
    const coverage = this.unitCoverage[unit]!;
    const uncovered = coverage < 1 && nextUniform(this.stream) >= coverage;
    this.meter?.changeRate(this.now, this.downtimeRate[unit]!);
    const kijima = this.kijima[unit]!;
    if (kijima !== 0) {
      // The n-th repair leaves V_n = V + q·X (type I) or q·(V + X) (type II), X the age gained.
      const q = this.kijimaFactor[unit]!;
      const age = this.virtualAge[unit]!;
      const gained = this.life[unit]!;
      this.virtualAge[unit] = kijima === 1 ? age + q * gained : q * (age + gained);
    }
    if (this.unitHidden[unit] === 1) {
      // Hidden until a proof test; the draw decides whether the tests can reveal it.
      this.state[unit] = HIDDEN;
      const reach = this.plan.upkeep[this.plan.unitComponent[unit]!]!.inspection!.coverage;
      this.revealable[unit] = reach >= 1 || nextUniform(this.stream) < reach ? 1 : 0;
      if (this.trace !== null && this.revealable[unit] === 0) {
        this.log(this.plan.unitNames[unit]!, 'hidden for good');
      }
    } else if (this.unitRepairable[unit] === 0) {
      this.state[unit] = LOST;
    } else {
      const detection = this.unitDetection[unit];
      if (detection !== undefined) {
        this.state[unit] = DETECTING;
        this.queue.schedule(unit, this.now + detection.sample(this.rng), PRIORITY_DETECTION_END);
      } else this.requestRepair(unit);
    }
    if (uncovered) this.startOutage(unit);
    const block = this.unitBlock[unit]!;
    if (block >= 0) this.blockUnitFailed(block, unit, wasActive);
    else {
      this.setLeaves(unit, 0);
    }
  }

  private detectionEnd(unit: number): void {
    if (this.trace !== null) this.log(this.plan.unitNames[unit]!, 'detected');
    this.requestRepair(unit);
  }

  /**
   * A detected failure needs a repair: a unit served by a spare pool first takes a spare (which
   * orders another), or awaits one (first come, first served; see {@link SparePools}); then, or
   * at once for a unit without a pool, it joins the repair queue.
   */
  private requestRepair(unit: number): void {
    const pool = this.unitPool[unit]!;
    // `pools` is built whenever some unit has a pool (from the same plan).
    if (pool >= 0 && !this.pools!.demand(pool, unit, this.now)) {
      this.state[unit] = AWAITING;
      if (this.trace !== null) this.log(this.plan.unitNames[unit]!, 'awaiting a spare');
      return;
    }
    this.awaitRepair(unit);
  }

  /**
   * Pool p's earliest order arrives: the longest-awaiting unit takes the spare and joins the
   * crews (or the spare goes on hand).
   */
  private spareArrival(p: number): void {
    const unit = this.pools!.arrive(p); // a pool's slot fires only when the model has pools
    if (this.trace !== null) {
      this.log(
        this.plan.poolNames[p]!,
        unit < 0 ? 'spare arrives' : `spare arrives for ${this.plan.unitNames[unit]!}`,
      );
    }
    if (unit >= 0) this.awaitRepair(unit);
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
    const meter = this.meter;
    if (meter !== null) {
      meter.lump(this.now, this.correctiveCost[unit]!);
      meter.changeRate(this.now, this.crewCostPerHour);
    }
  }

  private repairEnd(unit: number): void {
    if (this.trace !== null) this.log(this.plan.unitNames[unit]!, 'repair end');
    if (this.crews > 0) this.freeCrews++;
    this.broken--;
    if (this.outageUntilRepair[unit] === 1) {
      this.outageUntilRepair[unit] = 0;
      this.outages--;
    }
    this.meter?.changeRate(this.now, -this.crewCostPerHour - this.downtimeRate[unit]!);
    // As good as new (or, with Kijima, at its virtual age): a fresh life, ageing from now.
    this.remaining[unit] = this.sampleLife(unit);
    this.since[unit] = this.now;
    this.returnToService(unit);
    if (this.waiting > 0) this.dispatch();
  }

  /**
   * A unit with a fresh life in `remaining` returns to service: active, or dormant in a standby
   * block that has an active unit or a switch-over in progress; it ages from now.
   */
  private returnToService(unit: number): void {
    const block = this.unitBlock[unit]!;
    if (block >= 0) {
      if (this.blockActive[block]! < 0 && this.blockTarget[block]! < 0) {
        this.state[unit] = ACTIVE;
        this.blockActive[block] = unit;
        this.updateBlockLeaf(block);
      } else this.state[unit] = DORMANT;
    } else {
      this.state[unit] = ACTIVE;
      this.setLeaves(unit, 1);
    }
    this.speed[unit] = 0;
    this.setSpeed(unit, this.effectiveSpeed(unit));
  }

  /**
   * A preventive replacement of a working unit starts (its age reached the limit, or a block
   * epoch): out of service for the duration, not ageing, no crew; with duration 0 the unit is
   * made new in place.
   */
  private startReplacement(unit: number): void {
    const now = this.now;
    const preventive = this.plan.upkeep[this.plan.unitComponent[unit]!]!;
    const duration = preventive.preventive!.duration;
    if (this.trace !== null) this.log(this.plan.unitNames[unit]!, 'replacement start');
    this.meter?.lump(now, preventive.costs?.preventive ?? 0);
    this.virtualAge[unit] = 0;
    if (duration === 0) {
      this.remaining[unit] = this.sampleLife(unit);
      this.since[unit] = now;
      const speed = this.speed[unit]!;
      this.speed[unit] = 0;
      this.setSpeed(unit, speed);
      if (this.trace !== null) this.log(this.plan.unitNames[unit]!, 'replacement end');
      return;
    }
    const wasActive = this.state[unit] === ACTIVE;
    this.state[unit] = REPLACING;
    this.broken++;
    this.speed[unit] = 0;
    this.queue.schedule(unit, now + duration, PRIORITY_UPKEEP);
    this.meter?.changeRate(now, this.downtimeRate[unit]!);
    const block = this.unitBlock[unit]!;
    if (block >= 0) this.blockUnitFailed(block, unit, wasActive);
    else this.setLeaves(unit, 0);
  }

  /** A preventive replacement ends: the unit returns to service as good as new. */
  private replacementEnd(unit: number): void {
    if (this.trace !== null) this.log(this.plan.unitNames[unit]!, 'replacement end');
    this.broken--;
    this.meter?.changeRate(this.now, -this.downtimeRate[unit]!);
    this.remaining[unit] = this.sampleLife(unit);
    this.since[unit] = this.now;
    this.returnToService(unit);
  }

  /** Every unit of the component with block replacement that works now is replaced. */
  private blockEpoch(component: number): void {
    const plan = this.plan;
    const end = plan.componentUnitStart[component + 1]!;
    for (let i = plan.componentUnitStart[component]!; i < end; i++) {
      const unit = plan.componentUnit[i]!;
      if (this.state[unit]! <= DORMANT) this.startReplacement(unit);
    }
    const interval = plan.upkeep[component]!.preventive!.interval;
    const k = ++this.blockEpochs[component]!;
    this.queue.schedule(this.blockEpochSlot + component, (k + 1) * interval, PRIORITY_UPKEEP);
    if (component === this.regenerationBlock) this.blockEpochAt = this.now;
  }

  /**
   * A proof test of the component starts: every working unit goes out of service (not ageing)
   * for the test's duration; the test cost is paid for every unit. With duration 0 it ends at once.
   */
  private testStart(component: number): void {
    const plan = this.plan;
    const { inspection, costs } = plan.upkeep[component]!;
    const start = plan.componentUnitStart[component]!;
    const end = plan.componentUnitStart[component + 1]!;
    if (this.trace !== null) this.log(plan.componentNames[component]!, 'test start');
    this.meter?.lump(this.now, (costs?.inspection ?? 0) * (end - start));
    const duration = inspection!.duration;
    if (duration === 0) {
      this.testEnd(component);
      return;
    }
    for (let i = start; i < end; i++) {
      const unit = plan.componentUnit[i]!;
      if (this.state[unit] !== ACTIVE) continue;
      this.setSpeed(unit, 0);
      this.state[unit] = TESTING;
      this.broken++;
      this.meter?.changeRate(this.now, this.downtimeRate[unit]!);
      this.setLeaves(unit, 0);
    }
    this.testing[component] = 1;
    this.queue.schedule(this.testSlot + component, this.now + duration, PRIORITY_UPKEEP);
  }

  /**
   * A proof test ends: the tested units return to service, every hidden failure the tests can
   * reveal is detected (the unit joins the repair queue, or stays failed without `repair`), and
   * the next test is scheduled at first + k·interval.
   */
  private testEnd(component: number): void {
    const plan = this.plan;
    const end = plan.componentUnitStart[component + 1]!;
    if (this.trace !== null) this.log(plan.componentNames[component]!, 'test end');
    for (let i = plan.componentUnitStart[component]!; i < end; i++) {
      const unit = plan.componentUnit[i]!;
      const s = this.state[unit];
      if (s === TESTING) {
        this.state[unit] = ACTIVE;
        this.broken--;
        this.meter?.changeRate(this.now, -this.downtimeRate[unit]!);
        this.setLeaves(unit, 1);
        this.setSpeed(unit, this.effectiveSpeed(unit));
      } else if (s === HIDDEN && this.revealable[unit] === 1) {
        if (this.trace !== null) this.log(plan.unitNames[unit]!, 'detected');
        if (this.unitRepairable[unit] === 1) this.requestRepair(unit);
        else this.state[unit] = LOST;
      }
    }
    this.testing[component] = 0;
    const { first, interval } = plan.upkeep[component]!.inspection!;
    const k = ++this.testsDone[component]!;
    this.queue.schedule(this.testSlot + component, first + k * interval, PRIORITY_UPKEEP);
  }

  /** Sets every structure leaf of a unit outside standby blocks up (1) or down (0). */
  private setLeaves(unit: number, value: number): void {
    const end = this.unitLeafStart[unit + 1]!;
    for (let i = this.unitLeafStart[unit]!; i < end; i++) {
      this.structure.setLeaf(this.unitLeaf[i]!, value);
    }
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

  /**
   * System s went down (`up` 0) or came up (1) at `now`: recorded, then freezing (idle while
   * down: a model with one system only).
   */
  private transition(s: number, up: number): void {
    const now = this.now;
    this.systemUp[s] = up;
    if (s === 0) this.firstUp = up === 1;
    if (this.trace !== null) this.log('system', up === 1 ? 'up' : 'down');
    const recorder = this.recorders[s]!;
    if (up === 1) recorder.up(now);
    // After T the run may end with this failure: then the next event is past the mark.
    else if (recorder.down(now, this.cause)) this.mark = -Infinity;
    if (this.idleWhileDown) this.freezeAll(up === 0);
  }

  private log(entity: string, event: string): void {
    this.trace!.push([this.now, entity, event]);
  }
}

/** Where the process regenerates (see {@link regenerationOf}). */
export interface Regeneration {
  /** Units whose age matters: a regeneration point needs each of them at age and virtual age 0. */
  readonly memoryUnits: Int32Array;
  /** The component with block replacement whose epochs are the only regeneration points; −1: none. */
  readonly blockComponent: number;
}

/**
 * Returns where the all-new state (every unit working and in service, as good as new, in its
 * initial role, every spare pool full, nothing in progress) is a regeneration point of the
 * model's process, or undefined when the simulator does not use one. Every component must be
 * repaired (so the state recurs) and none may have proof tests (their epochs are fixed in time:
 * the state at a time says nothing of the phase of the next test). Then:
 *
 * - every failure law exponential and no preventive replacement: always (working units do not
 *   age; repair, detection, recovery and switch-over laws may be anything, none is running);
 * - otherwise, in a model with maintenance (preventive replacement, imperfect repair, costs),
 *   when the units whose age matters (a non-exponential life, an age replacement) are at most
 *   one, at age 0 (made new at that instant, or a cold spare not yet aged) with virtual age 0
 *   (a failure law with memory and a Kijima
 *   factor q > 0 never returns to 0 without a replacement); or, with block replacement of duration
 *   0 on one component and every other unit memoryless, at its epochs when every unit works (the
 *   epochs then have the phase they had at 0).
 *
 * Several units with memory are not made new at one instant with probability 1 (continuous laws):
 * such models get the estimators without regeneration.
 */
export function regenerationOf(plan: SystemPlan): Regeneration | undefined {
  const components = plan.componentCount;
  let upkeep = plan.crewCostPerHour > 0;
  let blockComponent = -1;
  for (let c = 0; c < components; c++) {
    const { inspection, preventive, imperfectRepair, costs } = plan.upkeep[c]!;
    if (plan.repair[c] === undefined || inspection !== undefined) return undefined;
    if (preventive !== undefined || imperfectRepair !== undefined || costs !== undefined) {
      upkeep = true;
    }
    if (preventive?.policy === 'block') {
      if (blockComponent >= 0 || preventive.duration > 0) return undefined;
      blockComponent = c;
    }
  }
  const memory: number[] = [];
  for (let u = 0; u < plan.unitCount; u++) {
    const c = plan.unitComponent[u]!;
    const exponential = plan.failureExponentialMean[c]! > 0;
    if (!exponential && !upkeep) return undefined;
    const { preventive, imperfectRepair } = plan.upkeep[c]!;
    if (c === blockComponent || preventive !== undefined || !exponential) memory.push(u);
    // A virtual age above 0 with memory, never reset by a replacement: never new again.
    if (!exponential && preventive === undefined && (imperfectRepair?.factor ?? 0) > 0)
      return undefined;
  }
  if (blockComponent >= 0) {
    if (memory.some((u) => plan.unitComponent[u] !== blockComponent)) return undefined;
  } else if (memory.length > 1) return undefined;
  return { memoryUnits: Int32Array.from(memory), blockComponent };
}

/**
 * Whether the simulator estimates the long-run measures of the model over regeneration cycles
 * ({@link regenerationOf}).
 */
export function isRegenerative(plan: SystemPlan): boolean {
  return regenerationOf(plan) !== undefined;
}
