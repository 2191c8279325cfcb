/**
 * Numbers fixed-width integer vectors in the order they are first seen: the state space of a
 * generated chain. The vectors are stored end to end in one Int32Array and found again through
 * an open-addressing hash table of their numbers, so a state costs 4·width bytes for its vector
 * and about 12 for the table and its hash, with no string or object per state.
 *
 * @remarks
 * Linear probing in a power-of-two table kept at most half full, doubled (and rehashed from the
 * stored hashes) when it would pass that; the hash mixes each entry with a multiply and a
 * rotation (in the manner of FxHash) and finishes with the avalanche of MurmurHash3's fmix32.
 * Expected O(width) per lookup. Replaced a Map from string keys, which took about 150 bytes a
 * state and a string built per transition.
 *
 * @see D. E. Knuth, The Art of Computer Programming, vol. 3, 2nd ed., 1998, §6.4 (linear
 * probing; paywalled); A. Appleby, MurmurHash3, https://github.com/aappleby/smhasher (fmix32).
 */
export class StateIndex {
  /** Entries per vector. */
  readonly width: number;
  #vectors: Int32Array;
  #hashes: Uint32Array;
  /** slot → state number + 1, 0 for an empty slot. */
  #table: Int32Array;
  #size = 0;

  constructor(width: number) {
    this.width = width;
    this.#vectors = new Int32Array(Math.max(1, width) * 1024);
    this.#hashes = new Uint32Array(1024);
    this.#table = new Int32Array(2048);
  }

  /** Number of distinct vectors seen. */
  get size(): number {
    return this.#size;
  }

  /** The number of `vector` if it has been seen, else -1. */
  find(vector: Int32Array): number {
    const hash = hashOf(vector);
    const mask = this.#table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#table[slot]!;
      if (entry === 0) return -1;
      if (this.#hashes[entry - 1] === hash && this.#equals(entry - 1, vector)) return entry - 1;
    }
  }

  /** Numbers `vector` (not seen before: call {@link find} first) and returns its number. */
  add(vector: Int32Array): number {
    const state = this.#size++;
    if (state === this.#hashes.length) this.#growStorage();
    this.#vectors.set(vector, state * this.width);
    const hash = hashOf(vector);
    this.#hashes[state] = hash;
    if (2 * this.#size > this.#table.length) this.#growTable();
    else this.#place(state, hash);
    return state;
  }

  /** Copies vector number `state` into `out` (length width). */
  read(state: number, out: Int32Array): void {
    out.set(this.#vectors.subarray(state * this.width, (state + 1) * this.width));
  }

  #equals(state: number, vector: Int32Array): boolean {
    const base = state * this.width;
    for (let k = 0; k < vector.length; k++) if (this.#vectors[base + k] !== vector[k]) return false;
    return true;
  }

  #place(state: number, hash: number): void {
    const mask = this.#table.length - 1;
    let slot = hash & mask;
    while (this.#table[slot] !== 0) slot = (slot + 1) & mask;
    this.#table[slot] = state + 1;
  }

  #growStorage(): void {
    const vectors = new Int32Array(this.#vectors.length * 2);
    vectors.set(this.#vectors);
    this.#vectors = vectors;
    const hashes = new Uint32Array(this.#hashes.length * 2);
    hashes.set(this.#hashes);
    this.#hashes = hashes;
  }

  #growTable(): void {
    this.#table = new Int32Array(this.#table.length * 2);
    for (let state = 0; state < this.#size; state++) this.#place(state, this.#hashes[state]!);
  }
}

/** A 32-bit hash of the entries: rotate, xor, multiply per entry (FxHash), then fmix32. */
function hashOf(vector: Int32Array): number {
  let h = vector.length;
  for (let k = 0; k < vector.length; k++) {
    h = Math.imul(((h << 5) | (h >>> 27)) ^ vector[k]!, 0x9e3779b9);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
