import type { EventQueue } from '../engine/EventQueue.js';
import { LawSampler } from '../lawSampler.js';
import { seedReplicationStream } from '../random.js';
import type { SystemPlan } from './compileSystem.js';

/**
 * The spare-part pools of a replication (docs/semantics.md, "Spare parts"): stock on hand, the
 * orders outstanding and the units awaiting a spare, restocked one for one.
 *
 * A demand (a failed unit about to join the crews) places an order at once, arriving after a
 * lead time drawn from the pool's law, and takes a spare when one is on hand; otherwise the unit
 * joins the pool's queue, first come, first served across its components, and the next arriving
 * spare goes to its head. So on hand = S − outstanding + awaiting, as the definition says.
 *
 * @remarks
 * Each pool has one event-queue slot (`firstSlot + p`), set at the earliest of its outstanding
 * arrivals, which a binary min-heap of arrival times holds (orders can cross under a random lead
 * time). The lead times of pool p are drawn by a {@link LawSampler} from their own stream, keyed
 * `${seed}/rep/${i}/spares/${p}` ({@link seedReplicationStream}): the k-th order of a pool gets the
 * k-th lead time whatever the stock, and the failure and repair draws of the replication's main
 * stream are not shifted by them (common random numbers across stocks and lead times); keying them
 * costs about 10 µs per pool per replication. Demand and arrival cost O(log outstanding); the
 * heaps grow by doubling (at most S + units served entries).
 */
export class SparePools {
  private readonly queue: EventQueue;
  private readonly firstSlot: number;
  private readonly priority: number;
  private readonly stock: Float64Array;
  /** Per pool: spares on hand. */
  private readonly onHand: Float64Array;
  /** Per pool: a min-heap of outstanding arrival times and its size. */
  private readonly arrivals: Float64Array[];
  private readonly outstanding: Int32Array;
  /** Per pool: a ring buffer of the awaiting units (capacity: the units it serves). */
  private readonly awaiting: readonly Int32Array[];
  private readonly awaitHead: Int32Array;
  private readonly awaitLength: Int32Array;
  private readonly streams: readonly Uint32Array[];
  private readonly samplers: readonly LawSampler[];

  /**
   * @param plan - the compiled model, with at least one pool
   * @param queue - the simulator's event queue
   * @param firstSlot - the queue slot of pool 0; pool p uses `firstSlot + p`
   * @param priority - the tie-break priority of a spare arrival (docs/semantics.md, "Simultaneous
   * events": after repair ends, before recovery ends)
   */
  constructor(plan: SystemPlan, queue: EventQueue, firstSlot: number, priority: number) {
    const pools = plan.poolCount;
    this.queue = queue;
    this.firstSlot = firstSlot;
    this.priority = priority;
    this.stock = plan.poolStock;
    this.onHand = new Float64Array(pools);
    this.arrivals = Array.from(plan.poolStock, () => new Float64Array(8));
    this.outstanding = new Int32Array(pools);
    this.awaiting = Array.from(plan.poolUnitCount, (n) => new Int32Array(n));
    this.awaitHead = new Int32Array(pools);
    this.awaitLength = new Int32Array(pools);
    this.streams = plan.poolLeadTime.map(() => new Uint32Array(4));
    this.samplers = plan.poolLeadTime.map((law, p) => new LawSampler([law], this.streams[p]!));
  }

  /**
   * Starts a replication: every pool full, nothing outstanding or awaiting, each pool's lead-time
   * stream keyed for replication `replication` of seed `seed`. The simulator clears the queue.
   */
  reset(seed: number, replication: number): void {
    this.onHand.set(this.stock);
    this.outstanding.fill(0);
    this.awaitHead.fill(0);
    this.awaitLength.fill(0);
    this.streams.forEach((stream, p) =>
      seedReplicationStream(stream, seed, replication, `spares/${p}`),
    );
  }

  /**
   * A unit of pool p needs a spare at `now`: orders one, and returns true when it takes a spare
   * on hand, false when it joins the pool's queue (it then awaits {@link SparePools.arrive}).
   */
  demand(p: number, unit: number, now: number): boolean {
    this.order(p, now + this.samplers[p]!.draw(0));
    if (this.onHand[p]! > 0) {
      this.onHand[p]!--;
      return true;
    }
    const ring = this.awaiting[p]!;
    let at = this.awaitHead[p]! + this.awaitLength[p]!;
    if (at >= ring.length) at -= ring.length;
    ring[at] = unit;
    this.awaitLength[p]!++;
    return false;
  }

  /**
   * The earliest outstanding order of pool p arrives (its slot was popped): returns the unit that
   * has awaited longest, which takes the spare, or −1 when none awaits (the spare goes on hand).
   */
  arrive(p: number): number {
    this.removeEarliest(p);
    const waiting = this.awaitLength[p]!;
    if (waiting === 0) {
      this.onHand[p]!++;
      return -1;
    }
    const ring = this.awaiting[p]!;
    const head = this.awaitHead[p]!;
    this.awaitHead[p] = head + 1 === ring.length ? 0 : head + 1;
    this.awaitLength[p] = waiting - 1;
    return ring[head]!;
  }

  /** Whether every pool is as at 0: its whole stock on hand, nothing outstanding. */
  full(): boolean {
    const outstanding = this.outstanding;
    for (let p = 0; p < outstanding.length; p++) if (outstanding[p] !== 0) return false;
    return true;
  }

  /** Adds an arrival at `time` to pool p's heap, and moves its slot when it is the earliest. */
  private order(p: number, time: number): void {
    let heap = this.arrivals[p]!;
    let at = this.outstanding[p]!;
    if (at === heap.length) {
      const grown = new Float64Array(2 * heap.length);
      grown.set(heap);
      this.arrivals[p] = heap = grown;
    }
    this.outstanding[p] = at + 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heap[parent]! <= time) break;
      heap[at] = heap[parent]!;
      at = parent;
    }
    heap[at] = time;
    if (at === 0) this.queue.schedule(this.firstSlot + p, time, this.priority);
  }

  /** Removes pool p's earliest arrival, and sets its slot at the next one (or leaves it unset). */
  private removeEarliest(p: number): void {
    const heap = this.arrivals[p]!;
    const n = this.outstanding[p]! - 1;
    this.outstanding[p] = n;
    if (n === 0) return;
    const last = heap[n]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= n) break;
      if (child + 1 < n && heap[child + 1]! < heap[child]!) child++;
      if (heap[child]! >= last) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = last;
    this.queue.schedule(this.firstSlot + p, heap[0]!, this.priority);
  }
}
