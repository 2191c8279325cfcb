import { checkInteger } from '../../errors.js';

// Priority and sequence share one double key: priority · 2^44 + sequence. 2^44 ≈ 1.8e13 events
// per queue lifetime (reset by clear()) keeps the key an exact integer below 2^53 for priorities
// up to 2^8.
const SEQUENCE_SPAN = 2 ** 44;
const MAX_PRIORITY = 255;

/**
 * A pending-event set for discrete-event simulation: an indexed binary min-heap over a fixed set
 * of slots (one timer per entity), ordered by the key (time, priority, sequence number).
 *
 * Each slot holds at most one pending event; scheduling a slot that is pending moves its event,
 * and {@link EventQueue.cancel} removes it at once (index tracking, no lazy deletion). The heap
 * lives in typed arrays, so scheduling and popping allocate nothing.
 *
 * @remarks
 * Equal times are ordered by `priority` (smaller first), then by the order of scheduling, so ties
 * resolve the same way on every run (SimPy `core.py` uses the same (time, priority, id) key).
 * schedule, cancel and pop cost O(log n) with n pending events; peek O(1). A pop leaves its
 * entry at the root until the next operation, so popping a slot and scheduling it again at once
 * costs one sift-down (the held-root trick of heapq's `heapreplace`); the pop order is the same,
 * since it depends only on the keys. The queue knows nothing about what a slot means.
 *
 * @see SimPy `src/simpy/core.py` (`Environment.schedule`, `step`),
 * https://gitlab.com/team-simpy/simpy.
 *
 * @example
 * ```ts
 * const queue = new EventQueue(3);
 * queue.schedule(0, 5, 0); queue.schedule(1, 2, 0); queue.schedule(2, 2, 0);
 * queue.cancel(1);
 * queue.pop(); // → 2
 * queue.pop(); // → 0
 * queue.size; // → 0
 * ```
 */
export class EventQueue {
  /** Number of slots, fixed at construction. */
  readonly slotCount: number;
  private readonly heapTime: Float64Array;
  private readonly heapKey: Float64Array;
  private readonly heapSlot: Int32Array;
  /** Heap position of each slot, −1 when the slot has no pending event. */
  private readonly position: Int32Array;
  private count = 0;
  private sequence = 0;
  private poppedTime = Infinity;
  /**
   * The slot last popped while its entry still sits at the root (−1 when none): a pop only marks
   * the root, and the entry leaves the heap at the next operation, unless that operation
   * reschedules the same slot, which then costs one sift-down instead of a removal and an
   * insertion (the usual case: a timer popped and set again at once).
   */
  private held = -1;

  /**
   * @param slotCount - number of entities that can each have one pending event, integer ≥ 0
   * @throws {@link ParameterError} when slotCount is not an integer in [0, 2^30]
   */
  constructor(slotCount: number) {
    checkInteger('EventQueue', 'slotCount', slotCount, 0, 2 ** 30);
    this.slotCount = slotCount;
    this.heapTime = new Float64Array(slotCount);
    this.heapKey = new Float64Array(slotCount);
    this.heapSlot = new Int32Array(slotCount);
    this.position = new Int32Array(slotCount).fill(-1);
  }

  /** Number of pending events. */
  get size(): number {
    return this.held >= 0 ? this.count - 1 : this.count;
  }

  /** Removes every pending event and restarts the sequence numbers. O(slots). */
  clear(): void {
    this.position.fill(-1);
    this.count = 0;
    this.sequence = 0;
    this.held = -1;
    this.poppedTime = Infinity;
  }

  /**
   * Schedules (or moves) the event of `slot` at `time` with tie-break `priority`.
   * Preconditions, not checked (hot path): slot in [0, slotCount), time not NaN, priority an
   * integer in [0, 255].
   */
  schedule(slot: number, time: number, priority: number): void {
    if (slot === this.held) {
      this.rearm(time, priority);
      return;
    }
    if (this.held >= 0) this.dropHeld();
    let at = this.position[slot]!;
    if (at < 0) at = this.count++;
    this.heapTime[at] = time;
    this.heapKey[at] = priority * SEQUENCE_SPAN + this.sequence++;
    this.heapSlot[at] = slot;
    this.position[slot] = at;
    this.restore(at);
  }

  /**
   * Schedules the slot returned by the last {@link EventQueue.pop} again, at `time` with
   * `priority`: the same as `schedule(slot, time, priority)`, in one sift-down from the root.
   * Preconditions, not checked (hot path): that pop returned a slot, and no schedule, cancel,
   * peekTime or pop came after it (reads such as isScheduled may); time not NaN; priority an
   * integer in [0, 255].
   */
  rearm(time: number, priority: number): void {
    // The held entry is still at the root: it moves down with its new key, written once where
    // it lands. The loop of siftDown, written out from the root: the simulator's loop calls
    // this once per event, and one function of this size the JIT inlines there whole, where it
    // would leave the call to siftDown out of its inlining budget (about 7 % of the time).
    this.held = -1;
    const key = priority * SEQUENCE_SPAN + this.sequence++;
    const heapTime = this.heapTime;
    const heapKey = this.heapKey;
    const heapSlot = this.heapSlot;
    const position = this.position;
    const slot = heapSlot[0]!;
    const n = this.count;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= n) break;
      let childTime = heapTime[child]!;
      const right = child + 1;
      if (right < n) {
        const rightTime = heapTime[right]!;
        if (
          rightTime < childTime ||
          (rightTime === childTime && heapKey[right]! < heapKey[child]!)
        ) {
          child = right;
          childTime = rightTime;
        }
      }
      if (time < childTime || (time === childTime && key < heapKey[child]!)) break;
      const moved = heapSlot[child]!;
      heapTime[at] = childTime;
      heapKey[at] = heapKey[child]!;
      heapSlot[at] = moved;
      position[moved] = at;
      at = child;
    }
    heapTime[at] = time;
    heapKey[at] = key;
    heapSlot[at] = slot;
    position[slot] = at;
  }

  /** Removes the pending event of `slot`, if any. */
  cancel(slot: number): void {
    const at = this.position[slot]!;
    if (at < 0) return;
    if (this.held >= 0) {
      this.dropHeld();
      this.removeAt(this.position[slot]!);
    } else this.removeAt(at);
  }

  /** Whether `slot` has a pending event. */
  isScheduled(slot: number): boolean {
    return this.position[slot]! >= 0;
  }

  /** Time of the pending event of `slot`; NaN when none. */
  timeOf(slot: number): number {
    const at = this.position[slot]!;
    return at < 0 ? NaN : this.heapTime[at]!;
  }

  /** Time of the next event; Infinity when none is pending. */
  peekTime(): number {
    if (this.held >= 0) this.dropHeld();
    return this.count === 0 ? Infinity : this.heapTime[0]!;
  }

  /**
   * Time of the event last returned by {@link EventQueue.pop}; Infinity after a pop that found
   * none. (A field read, so the simulator's loop gets the time without a call returning a
   * double, which the JIT would box when it does not inline the call.)
   */
  get time(): number {
    return this.poppedTime;
  }

  /**
   * Removes the next event and returns its slot, −1 when none is pending; its time is then
   * {@link EventQueue.time}.
   */
  pop(): number {
    if (this.held >= 0) this.dropHeld();
    if (this.count === 0) {
      this.poppedTime = Infinity;
      return -1;
    }
    const slot = this.heapSlot[0]!;
    this.poppedTime = this.heapTime[0]!;
    // Logically removed now; physically at the next operation (see `held`).
    this.position[slot] = -1;
    this.held = slot;
    return slot;
  }

  /** Takes the held entry out of the root. */
  private dropHeld(): void {
    this.held = -1;
    this.removeAt(0);
  }

  /** Removes the entry at heap index `at`, filling the hole with the last entry. */
  private removeAt(at: number): void {
    this.position[this.heapSlot[at]!] = -1;
    const last = --this.count;
    if (at === last) return;
    const slot = this.heapSlot[last]!;
    this.heapTime[at] = this.heapTime[last]!;
    this.heapKey[at] = this.heapKey[last]!;
    this.heapSlot[at] = slot;
    this.position[slot] = at;
    this.restore(at);
  }

  /** Moves the entry at `at`, whose key changed, up or down to its place. */
  private restore(at: number): void {
    if (at > 0) {
      const parent = (at - 1) >> 1;
      const time = this.heapTime[at]!;
      const parentTime = this.heapTime[parent]!;
      if (time < parentTime || (time === parentTime && this.heapKey[at]! < this.heapKey[parent]!)) {
        this.siftUp(at);
        return;
      }
    }
    this.siftDown(at);
  }

  /**
   * Moves the entry at `start` towards the root to its place. The entry is read from the
   * arrays, not passed: a call the JIT does not inline would box double arguments.
   */
  private siftUp(start: number): void {
    const heapTime = this.heapTime;
    const heapKey = this.heapKey;
    const heapSlot = this.heapSlot;
    const position = this.position;
    const time = heapTime[start]!;
    const key = heapKey[start]!;
    const slot = heapSlot[start]!;
    let at = start;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const parentTime = heapTime[parent]!;
      if (parentTime < time || (parentTime === time && heapKey[parent]! < key)) break;
      const moved = heapSlot[parent]!;
      heapTime[at] = parentTime;
      heapKey[at] = heapKey[parent]!;
      heapSlot[at] = moved;
      position[moved] = at;
      at = parent;
    }
    heapTime[at] = time;
    heapKey[at] = key;
    heapSlot[at] = slot;
    position[slot] = at;
  }

  /** Moves the entry at `start` towards the leaves to its place (read as in siftUp). */
  private siftDown(start: number): void {
    const heapTime = this.heapTime;
    const heapKey = this.heapKey;
    const heapSlot = this.heapSlot;
    const position = this.position;
    const time = heapTime[start]!;
    const key = heapKey[start]!;
    const slot = heapSlot[start]!;
    const n = this.count;
    let at = start;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= n) break;
      let childTime = heapTime[child]!;
      const right = child + 1;
      if (right < n) {
        const rightTime = heapTime[right]!;
        if (
          rightTime < childTime ||
          (rightTime === childTime && heapKey[right]! < heapKey[child]!)
        ) {
          child = right;
          childTime = rightTime;
        }
      }
      if (time < childTime || (time === childTime && key < heapKey[child]!)) break;
      const moved = heapSlot[child]!;
      heapTime[at] = childTime;
      heapKey[at] = heapKey[child]!;
      heapSlot[at] = moved;
      position[moved] = at;
      at = child;
    }
    heapTime[at] = time;
    heapKey[at] = key;
    heapSlot[at] = slot;
    position[slot] = at;
  }
}

/** The largest tie-break priority {@link EventQueue.schedule} accepts. */
export const EVENT_QUEUE_MAX_PRIORITY: number = MAX_PRIORITY;
