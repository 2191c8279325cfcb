/**
 * An open-addressing hash table from pairs of node ids (integers ≥ 0) to integers ≥ 0, in typed
 * arrays: the exact memo of the pairwise operations on decision diagrams, which allocates nothing
 * per entry (a Map keyed by a·2^26 + b boxes every key above 2^30).
 *
 * @remarks
 * Linear probing, load factor at most 1/2, doubled when full; no deletion. Cost O(1) expected per
 * operation.
 */
export class PairIndex {
  private firsts: Int32Array;
  private seconds: Int32Array;
  private values: Int32Array;
  private count = 0;

  /** @param expected - number of entries expected; the table grows beyond it as needed */
  constructor(expected: number) {
    const capacity = 1 << Math.ceil(Math.log2(Math.max(16, expected * 2)));
    this.firsts = new Int32Array(capacity).fill(-1);
    this.seconds = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
  }

  /** The value of pair (a, b), or −1 when it has none. */
  get(a: number, b: number): number {
    // Slots are masked to the table, so the `!` read is in range. The probe starts one slot
    // before the hash and steps first, so the step runs on every lookup: a step first run after
    // the callers were optimised (probes are rare in a table presized for its entries)
    // deoptimised them, and MinSol's Without was compiled twice.
    const mask = this.firsts.length - 1;
    for (let slot = hash(a, b) - 1; ;) {
      slot = (slot + 1) & mask;
      const first = this.firsts[slot];
      if (first === -1) return -1;
      if (first === a && this.seconds[slot] === b) return this.values[slot]!;
    }
  }

  /** Gives pair (a, b), which must have no value yet, the value `value`. */
  set(a: number, b: number, value: number): void {
    if (2 * (this.count + 1) > this.firsts.length) this.grow();
    const mask = this.firsts.length - 1;
    let slot = hash(a, b) & mask;
    while (this.firsts[slot] !== -1) slot = (slot + 1) & mask;
    this.firsts[slot] = a;
    this.seconds[slot] = b;
    this.values[slot] = value;
    this.count++;
  }

  /** Doubles the table, every entry rehashed in place of a call to {@link set} per entry. */
  private grow(): void {
    const { firsts, seconds, values } = this;
    const capacity = firsts.length * 2;
    const mask = capacity - 1;
    this.firsts = new Int32Array(capacity).fill(-1);
    this.seconds = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    // slot < firsts.length, the length of all three old arrays; `at` is masked to the new ones.
    for (let slot = 0; slot < firsts.length; slot++) {
      const a = firsts[slot]!;
      if (a === -1) continue;
      const b = seconds[slot]!;
      let at = hash(a, b) & mask;
      while (this.firsts[at] !== -1) at = (at + 1) & mask;
      this.firsts[at] = a;
      this.seconds[at] = b;
      this.values[at] = values[slot]!;
    }
  }
}

/** A 32-bit hash of two small integers (multiplicative mixing, as in MurmurHash3's finaliser). */
function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}
