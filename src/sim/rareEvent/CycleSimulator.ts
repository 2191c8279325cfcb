import type { Distribution, Rng } from '../../distributions/types.js';
import { EventQueue } from '../engine/EventQueue.js';
import { nextExponential } from '../exponentialZiggurat.js';
import { nextUniform, seedReplicationStream, streamRng } from '../random.js';
import type { SystemPlan } from '../system/compileSystem.js';
import { StructureState } from '../system/StructureState.js';
import type { TraceEntry } from '../system/SystemSimulator.js';

// Unit states (docs/semantics.md, "Units and their states"; no standby, so no dormant state).
const ACTIVE = 0;
const DETECTING = 1;
const WAITING = 2;
const REPAIRING = 3;

// Tie-break at equal times, as in the simulator: repair ends before detection ends.
const PRIORITY_REPAIR_END = 0;
const PRIORITY_DETECTION_END = 3;

/** What one regeneration cycle (all-new to all-new) did, and its likelihood ratio. */
export interface CycleRecord {
  /** Cycle length L. */
  length: number;
  /** Time the system was down in the cycle, D. */
  down: number;
  /** System failures (up → down) in the cycle, F. */
  failures: number;
  /** min(time to the first system failure, L), X. */
  firstFailure: number;
  /** 1 when the system failed in the cycle, I. */
  failed: number;
  /**
   * ln of the likelihood ratio of the cycle's failure clocks that fired: Σ ln(λ_u/λ'_u) over the
   * biased failures (0 for an unbiased cycle).
   */
  logRatioFired: number;
  /**
   * ln of the likelihood ratio of the failure clocks' exposure: Σ (Λ' − Λ)·Δ over the biased
   * intervals, Λ and Λ' the original and biased total failure rates of the working units.
   */
  logRatioExposure: number;
  /** Events handled: failures and ends of detection and repair. */
  events: number;
  /** Time of the cycle's first unit failure, T₀ (it leaves the all-new state). */
  start: number;
  /** 1/Λ, Λ the total failure rate of the all-new state: E[T₀], exactly. */
  startMean: number;
}

/** A record to fill with {@link CycleSimulator.runCycle}. */
export function emptyCycleRecord(): CycleRecord {
  return {
    length: 0,
    down: 0,
    failures: 0,
    firstFailure: 0,
    failed: 0,
    logRatioFired: 0,
    logRatioExposure: 0,
    events: 0,
    start: 0,
    startMean: 0,
  };
}

/**
 * Which failure biasing a cycle runs under: `none` (the original measure, W = 1), `start` (only
 * the choice of the first failing unit, drawn uniformly: W = λ_u/(Λ/m)), or `full` (that, and
 * failure biasing until the first system failure).
 */
export type CycleBias = 'none' | 'start' | 'full';

/**
 * Simulates regeneration cycles of a model with exponential failure laws, each under the original
 * measure or under balanced failure biasing, and keeps the cycle's likelihood ratio.
 *
 * Biasing: while some unit is not working and the system has not yet failed in the cycle, every
 * working unit fails at rate λ'_u = max(λ_u, Λ'/m), m the working units and
 *
 * $$
 * \Lambda' = \frac{p}{1-p}\,\nu,\qquad \nu = \sum_{\text{timers running}} \frac{1}{\text{mean of the timer's law}}
 * $$
 *
 * so that a failure comes next with probability about p against the running repairs and
 * detections (exactly p for exponential ones, when no λ_u exceeds Λ'/m). In the all-new state
 * the total rate Λ stays (the time to the first failure is not rare) and the failing unit is
 * drawn uniformly, λ'_u = Λ/m: balanced, so a unit that rarely fails but matters (a long repair
 * in series) starts its share of the biased cycles. After the cycle's first system failure the
 * original rates apply. The failure clocks are
 * exponential, so at every event they are drawn afresh at the rates of the new state (memoryless:
 * the same law of the path as per-unit clocks), as one clock of the total rate and a unit chosen
 * in proportion to its rate. The cycle's likelihood ratio dP/dP' is then
 *
 * $$
 * W = \prod_{\text{biased failures}} \frac{\lambda_u}{\lambda'_u}\;
 *     \exp\Big(-\sum_{\text{biased intervals}} (\Lambda - \Lambda')\,\Delta\Big)
 * $$
 *
 * (repair and detection times are drawn from their own laws under both measures, so they do not
 * enter). Any positive biased rates give an unbiased estimator E[h·W] = E_original[h]; the choice
 * only affects the variance.
 *
 * @remarks
 * Units follow docs/semantics.md without standby, coverage or idle-while-down (refused by
 * {@link rareEventPlan}): a failed unit detects (if its component has `detection`), waits for a
 * crew (FIFO within priority ranks), is repaired and returns as new. The cycle ends when every
 * unit works again. Cost per event O(units) (the rates are summed afresh) plus O(depth) for the
 * structure.
 *
 * @see P. Shahabuddin, "Importance sampling for the simulation of highly reliable Markovian
 * systems", Management Science 40 (1994) 333–352 (balanced failure biasing); V. F. Nicola,
 * P. Shahabuddin, P. Heidelberger, P. W. Glynn, "Fast simulation of steady-state availability in
 * non-Markovian highly dependable systems", FTCS-23 (1993) 38–47.
 */
export class CycleSimulator {
  private readonly plan: SystemPlan;
  private readonly queue: EventQueue;
  private readonly structure: StructureState;
  private readonly unitCount: number;
  private readonly crews: number;
  private readonly odds: number;
  private readonly failureRate: Float64Array;
  /** Λ: the total failure rate with every unit working. */
  private readonly allNewRate: number;
  /** 1/mean of each unit's repair law, and of its detection law (0 when none). */
  private readonly repairRate: Float64Array;
  private readonly detectionRate: Float64Array;
  private readonly repair: readonly Distribution[];
  private readonly detection: readonly (Distribution | undefined)[];
  private readonly rank: Int32Array;
  private readonly state: Uint8Array;
  /** Order of joining the repair queue, for FIFO within a rank. */
  private readonly joined: Float64Array;
  /** The xoshiro128** state the cycles draw from; key it with {@link CycleSimulator.seed}. */
  private readonly stream: Uint32Array;
  private readonly rng: Rng;
  private freeCrews = 0;
  private waiting = 0;
  private joins = 0;
  private trace: TraceEntry[] | null = null;
  private now = 0;

  /**
   * @param plan - a plan accepted by {@link rareEventPlan}
   * @param biasProbability - p in (0, 1): the probability aimed at for a failure coming next in
   * a biased state
   */
  constructor(plan: SystemPlan, biasProbability: number) {
    this.plan = plan;
    const n = plan.unitCount;
    this.unitCount = n;
    this.crews = plan.crews;
    this.odds = biasProbability / (1 - biasProbability);
    this.queue = new EventQueue(n);
    this.structure = new StructureState(plan);
    const component = plan.unitComponent;
    this.failureRate = Float64Array.from(component, (c) => 1 / plan.failureExponentialMean[c]!);
    this.allNewRate = this.failureRate.reduce((sum, rate) => sum + rate, 0);
    this.repair = Array.from(component, (c) => plan.repair[c]!);
    this.repairRate = Float64Array.from(component, (c) => 1 / plan.repair[c]!.mean);
    this.detection = Array.from(component, (c) => plan.detection[c]);
    this.detectionRate = Float64Array.from(component, (c) => {
      const law = plan.detection[c];
      return law === undefined ? 0 : 1 / law.mean;
    });
    this.rank = Int32Array.from(component, (c) => plan.priorityRank[c]!);
    this.state = new Uint8Array(n);
    this.joined = new Float64Array(n);
    this.stream = new Uint32Array(4);
    this.rng = streamRng(this.stream);
  }

  /**
   * Keys the stream to replication `replication` of a run with seed `seed`
   * ({@link seedReplicationStream}); the cycles run next draw from it in turn.
   */
  seed(seed: number, replication: number): void {
    seedReplicationStream(this.stream, seed, replication);
  }

  /**
   * Runs one cycle from the all-new state, drawing from the stream, and fills `record`.
   *
   * @param mode - the failure biasing of the cycle ({@link CycleBias})
   * @param record - filled with the cycle's facts
   * @param trace - when given, receives the events `[time, unit or system, event]`
   * @param maxEvents - most events the cycle may take
   * @returns whether the cycle ended within `maxEvents` events (else `record` is not filled)
   */
  runCycle(
    mode: CycleBias,
    record: CycleRecord,
    trace: TraceEntry[] | null = null,
    maxEvents: number = Infinity,
  ): boolean {
    this.trace = trace;
    const { queue, structure, state, failureRate, unitCount, stream } = this;
    queue.clear();
    structure.reset();
    state.fill(ACTIVE);
    this.freeCrews = this.crews;
    this.waiting = 0;
    this.now = 0;
    let broken = 0;
    let up = true;
    let timerRate = 0;
    let down = 0;
    let failures = 0;
    let firstFailure = -1;
    let logFired = 0;
    let logExposure = 0;
    let events = 0;
    let start = -1;
    do {
      const bias = firstFailure < 0 && (mode === 'full' || (mode === 'start' && broken === 0));
      // Every unit working (the cycle's start): the total rate stays, the failing unit is drawn
      // uniformly, λ'_u = Λ/m (balanced). Otherwise λ'_u = max(λ_u, c); c = 0 leaves the rates.
      const uniform = bias && broken === 0;
      let c = 0;
      if (bias && !uniform) c = (this.odds * timerRate) / (unitCount - broken);
      let total = 0;
      let totalBiased = 0;
      for (let u = 0; u < unitCount; u++) {
        if (state[u] !== ACTIVE) continue;
        const rate = failureRate[u]!;
        total += rate;
        totalBiased += rate > c ? rate : c;
      }
      if (uniform) {
        c = total / unitCount;
        totalBiased = total;
      }
      const failureAt =
        totalBiased > 0 ? this.now + nextExponential(stream) / totalBiased : Infinity;
      const timerAt = queue.peekTime();
      const next = failureAt < timerAt ? failureAt : timerAt;
      const elapsed = next - this.now;
      if (bias) logExposure += (totalBiased - total) * elapsed;
      if (!up) down += elapsed;
      this.now = next;
      if (++events > maxEvents) return false;
      if (failureAt < timerAt) {
        const unit = uniform
          ? this.chooseUniformly(unitCount - broken)
          : this.chooseFailing(totalBiased, c);
        if (bias) {
          const rate = failureRate[unit]!;
          logFired += Math.log(rate / (uniform || rate <= c ? c : rate));
        }
        if (start < 0) start = this.now;
        broken++;
        this.log(unit, 'fail');
        this.setLeaves(unit, 0);
        const law = this.detection[unit];
        if (law !== undefined) {
          state[unit] = DETECTING;
          timerRate += this.detectionRate[unit]!;
          queue.schedule(unit, this.now + law.sample(this.rng), PRIORITY_DETECTION_END);
        } else timerRate += this.awaitRepair(unit);
      } else {
        const unit = queue.pop();
        if (state[unit] === DETECTING) {
          timerRate -= this.detectionRate[unit]!;
          this.log(unit, 'detected');
          timerRate += this.awaitRepair(unit);
        } else {
          timerRate -= this.repairRate[unit]!;
          broken--;
          state[unit] = ACTIVE;
          this.log(unit, 'repair end');
          this.setLeaves(unit, 1);
          if (this.crews > 0) {
            this.freeCrews++;
            timerRate += this.dispatch();
          }
        }
      }
      // Sums of rates drift by rounding; with no timer left the sum is 0 exactly.
      if (queue.size === 0) timerRate = 0;
      const nowUp = structure.rootUp;
      if (nowUp !== up) {
        up = nowUp;
        if (trace !== null) trace.push([this.now, 'system', up ? 'up' : 'down']);
        if (!up) {
          failures++;
          if (firstFailure < 0) firstFailure = this.now;
        }
      }
    } while (broken > 0);
    record.length = this.now;
    record.down = down;
    record.failures = failures;
    record.failed = firstFailure >= 0 ? 1 : 0;
    record.firstFailure = firstFailure >= 0 ? firstFailure : this.now;
    record.logRatioFired = logFired;
    record.logRatioExposure = logExposure;
    record.events = events;
    record.start = start;
    record.startMean = 1 / this.allNewRate;
    return true;
  }

  /** The failing unit: one of the `working` working units, each with probability 1/working. */
  private chooseUniformly(working: number): number {
    let k = Math.floor(nextUniform(this.stream) * working);
    for (let u = 0; u < this.unitCount; u++) {
      if (this.state[u] !== ACTIVE) continue;
      if (k-- === 0) return u;
    }
    throw new Error('chooseUniformly: fewer working units than counted'); // unreachable
  }

  /** The failing unit: working unit u with probability max(λ_u, c)/total. */
  private chooseFailing(total: number, c: number): number {
    let target = nextUniform(this.stream) * total;
    let last = -1;
    for (let u = 0; u < this.unitCount; u++) {
      if (this.state[u] !== ACTIVE) continue;
      const rate = this.failureRate[u]!;
      target -= rate > c ? rate : c;
      last = u;
      if (target < 0) return u;
    }
    // Rounding left target ≥ 0 after the last working unit: it is the one.
    return last;
  }

  /**
   * The unit joins the repair queue, or starts its repair when a crew is free (or crews are
   * unlimited); returns the timer rate added (1/mean repair when its repair started, else 0).
   */
  private awaitRepair(unit: number): number {
    if (this.crews === 0 || this.freeCrews > 0) {
      if (this.crews > 0) this.freeCrews--;
      return this.startRepair(unit);
    }
    this.state[unit] = WAITING;
    this.joined[unit] = this.joins++;
    this.waiting++;
    return 0;
  }

  /**
   * A free crew takes the waiting unit of the highest priority rank, the longest waiting within
   * it; returns the timer rate added.
   */
  private dispatch(): number {
    let added = 0;
    while (this.freeCrews > 0 && this.waiting > 0) {
      let best = -1;
      for (let u = 0; u < this.unitCount; u++) {
        if (this.state[u] !== WAITING) continue;
        if (
          best < 0 ||
          this.rank[u]! < this.rank[best]! ||
          (this.rank[u] === this.rank[best] && this.joined[u]! < this.joined[best]!)
        )
          best = u;
      }
      this.waiting--;
      this.freeCrews--;
      added += this.startRepair(best);
    }
    return added;
  }

  private startRepair(unit: number): number {
    this.state[unit] = REPAIRING;
    this.log(unit, 'repair start');
    this.queue.schedule(unit, this.now + this.repair[unit]!.sample(this.rng), PRIORITY_REPAIR_END);
    return this.repairRate[unit]!;
  }

  private setLeaves(unit: number, value: number): void {
    const { unitLeafStart, unitLeaf } = this.plan;
    const end = unitLeafStart[unit + 1]!;
    for (let i = unitLeafStart[unit]!; i < end; i++) this.structure.setLeaf(unitLeaf[i]!, value);
  }

  private log(unit: number, event: string): void {
    if (this.trace !== null) this.trace.push([this.now, this.plan.unitNames[unit]!, event]);
  }
}
