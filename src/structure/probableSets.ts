import { type CompactBdd, FALSE, TRUE } from './BddManager.js';

/** The limits of {@link probableSets}, validated by the caller. */
export interface SetLimits {
  /** Largest number of literals a set may have; Infinity for no limit. */
  readonly maxOrder: number;
  /** Smallest probability a set may have, in [0, 1]; 0 for no limit. */
  readonly cutOff: number;
  /** Largest number of sets to list (the most probable); Infinity for all. */
  readonly maxSets: number;
}

/** The sets of {@link probableSets}: how many pass the limits, and the listed ones. */
export interface ProbableSets<T> {
  /** Number of sets of the family within `maxOrder` and `cutOff`. */
  readonly count: number;
  /** At most `maxSets` of them, each its literals ascending (decoded), the most probable first. */
  readonly sets: T[][];
}

// Relative slack of the pruning tests: a bound is a product taken in another order than the
// set's own probability, so the two may differ by a few ulps. Pruning waits until the bound is
// clearly beyond the limit; the sets themselves are compared exactly.
const SLACK = 1e-9;

/**
 * Returns the number of sets of a family of literal sets within an order limit and a probability
 * cut-off, and the `maxSets` most probable of them, sorted by probability (largest first), then
 * by size, then lexicographically.
 *
 * $$
 * P(S) = \prod_{\ell \in S} w_\ell, \qquad
 * N_r(v) = N_r(\mathrm{low}(v)) + N_{r-1}(\mathrm{high}(v)), \qquad
 * B_r(v) = \max\big(B_r(\mathrm{low}(v)),\ w_{\ell(v)}\,B_{r-1}(\mathrm{high}(v))\big)
 * $$
 * - w_ℓ: the probability of literal ℓ (`weight[ℓ]`: q_i for "i failed", p_i for "i works")
 * - N_r(v), B_r(v): the number of sets below node v with at most r literals, and the largest
 *   probability among them (the smallest, W_r, the same with min); N_r(1) = 1, N_r(0) = 0
 *
 * @param family - the family, compacted, each node's `component` entry its literal (≥ 0)
 * @param weight - literal → probability
 * @param limits - order limit, cut-off and number of sets to list
 * @param decoded - literal → the value listed for it (`decoded[ℓ]`, one per literal of `weight`)
 * @returns the count and the listed sets
 *
 * @remarks
 * Without a cut-off the count is N at the root, exact without listing. The listing is a
 * depth-first walk of the diagram with branch and bound: a node is left when the probability so
 * far times B cannot reach the cut-off, or, once `maxSets` sets are held, the least probable of
 * them; the more probable child is walked first, so the held sets improve fast. With a cut-off
 * the count needs the walk too, but a node whose every set passes (probability so far times W at
 * least the cut-off) and none of which can be listed adds its N without being walked. The product
 * only shrinks as a set grows, so no set that passes is missed. Tables O(nodes · (maxOrder + 1))
 * doubles (one column without an order limit); the walk costs O(m) per set reached, the held
 * sets one flat array and a heap, O(log maxSets) per set listed.
 *
 * @see A. Rauzy, "Mathematical foundations of minimal cutsets", IEEE Transactions on Reliability
 * 50(4) (2001) 389–396, https://doi.org/10.1109/24.983400 (paywalled) (truncation of cut sets
 * by order and probability on decision diagrams).
 */
export function probableSets<T>(
  family: CompactBdd,
  weight: Float64Array,
  limits: SetLimits,
  decoded: readonly T[],
): ProbableSets<T> {
  const { low, high, component: literal, root } = family;
  const { maxOrder, cutOff, maxSets } = limits;
  if (root === FALSE) return { count: 0, sets: [] };
  const { longest, bounded, width, count, best, worst } = setTables(family, weight, maxOrder);
  // The `!` reads below index the family's arrays by node ids from those arrays, the tables by
  // node·width + r with 0 ≤ r < width, and `weight` by literals of the family.
  const budget = bounded ? maxOrder : 0;
  const counting = cutOff > 0;
  const total = counting ? 0 : count[root * width + budget]!;
  if (!counting && (maxSets === 0 || total === 0)) return { count: total, sets: [] };

  const stride = Math.min(longest, bounded ? maxOrder : Infinity);
  // Without a cut-off, exactly min(maxSets, total) sets are held in the end: room for them (and
  // the spare slot) is made at once. With one, how many pass is unknown: the store grows.
  const listed = Math.min(maxSets, total);
  const held = counting
    ? new HeldSets(maxSets, stride, Math.min(maxSets, 1024))
    : new HeldSets(listed, stride, listed + 1);
  let counted = 0;
  const path = new Int32Array(stride);
  // Entries of five numbers: node, budget, probability so far, depth, literal written at
  // depth − 1 (−1 for none).
  const stack: number[] = [root, budget, 1, 0, -1];
  while (stack.length > 0) {
    const added = stack.pop() as number;
    const depth = stack.pop() as number;
    const probability = stack.pop() as number;
    const r = stack.pop() as number;
    const n = stack.pop() as number;
    if (added >= 0) path[depth - 1] = added;
    if (n === TRUE) {
      if (probability >= cutOff) {
        counted++;
        held.offer(probability, path, depth);
      }
      continue;
    }
    const at = n * width + r;
    const bound = probability * best[at]!;
    if (bound < cutOff * (1 - SLACK)) continue;
    if (held.full() && bound < held.worstProbability() * (1 - SLACK)) {
      if (!counting) continue;
      if (probability * worst[at]! >= cutOff * (1 + SLACK)) {
        counted += count[at]!;
        continue;
      }
    }
    const w = weight[literal[n]!]!;
    const hi = high[n]!;
    const lo = low[n]!;
    const rHigh = bounded ? r - 1 : 0;
    // −1 where the child holds no set within its budget.
    const highBest = rHigh >= 0 ? best[hi * width + rHigh]! : -1;
    const lowBest = best[lo * width + r]!;
    // The child of larger bound is pushed last, so it is walked first.
    const highFirst = w * highBest >= lowBest;
    if (highFirst && lowBest >= 0) stack.push(lo, r, probability, depth, -1);
    if (highBest >= 0) stack.push(hi, rHigh, probability * w, depth + 1, literal[n]!);
    if (!highFirst && lowBest >= 0) stack.push(lo, r, probability, depth, -1);
  }
  return { count: counting ? counted : total, sets: held.sorted(decoded) };
}

/** The tables of {@link probableSets}, `width` columns r = 0..width − 1 per node. */
interface SetTables {
  /** The most literals in a set of the family. */
  readonly longest: number;
  /** Whether the order limit is below `longest` (else one column, r unlimited). */
  readonly bounded: boolean;
  readonly width: number;
  /** N_r(v), B_r(v) (−1: no set) and W_r(v) at v·width + r. */
  readonly count: Float64Array;
  readonly best: Float64Array;
  readonly worst: Float64Array;
}

/**
 * The tables N_r, B_r and W_r of {@link probableSets}, over the nodes in topological order. A
 * function of its own, so its loops are optimised apart from the walk's (one function held both,
 * and it was compiled twice, once for each).
 */
function setTables(family: CompactBdd, weight: Float64Array, maxOrder: number): SetTables {
  const { low, high, component: literal, root } = family;
  const size = low.length;
  // The `!` reads below index the family's arrays by node ids from those arrays, the tables by
  // node·width + r with 0 ≤ r < width, and `weight` by literals of the family.
  const length = new Float64Array(size);
  length[FALSE] = -Infinity;
  for (let n = 2; n < size; n++) length[n] = Math.max(length[low[n]!]!, length[high[n]!]! + 1);
  const longest = length[root]!;
  const bounded = maxOrder < longest;
  const width = bounded ? maxOrder + 1 : 1;
  const count = new Float64Array(size * width);
  const best = new Float64Array(size * width).fill(-1); // −1: no set
  const worst = new Float64Array(size * width).fill(Infinity);
  for (let r = 0; r < width; r++) {
    count[TRUE * width + r] = 1;
    best[TRUE * width + r] = 1;
    worst[TRUE * width + r] = 1;
  }
  for (let n = 2; n < size; n++) {
    const w = weight[literal[n]!]!;
    for (let r = 0; r < width; r++) {
      const lo = low[n]! * width + r;
      const at = n * width + r;
      count[at] = count[lo]!;
      best[at] = best[lo]!;
      worst[at] = worst[lo]!;
      if (bounded && r === 0) continue;
      const hi = high[n]! * width + (bounded ? r - 1 : 0);
      count[at]! += count[hi]!;
      if (best[hi]! >= 0) {
        best[at] = Math.max(best[at]!, w * best[hi]!);
        worst[at] = Math.min(worst[at]!, w * worst[hi]!);
      }
    }
  }
  return { longest, bounded, width, count, best, worst };
}

/**
 * The best `capacity` sets offered so far, each its literals ascending in a slot of `stride`
 * entries of one flat array. Once full, the slots form a binary heap whose root is the worst set
 * held (the first to go): least probable, then largest, then lexicographically last; it is
 * ordered so when first asked for the worst set, so a listing of every set never builds it.
 */
class HeldSets {
  private literals: Int32Array;
  private probabilities: Float64Array;
  private lengths: Int32Array;
  /** Slot numbers; a heap once `heaped`. */
  private heap: Int32Array;
  private size = 0;
  /** Whether `heap` is ordered as a heap (done once full, when a bound first needs it). */
  private heaped = false;

  /**
   * @param capacity - the most sets held
   * @param stride - the most literals in a set
   * @param initial - the sets to make room for at once, at most `capacity` + 1 (the spare slot
   *   an offered set is copied into); room grows beyond it by doubling, copying what is held
   */
  constructor(
    private readonly capacity: number,
    private readonly stride: number,
    initial: number,
  ) {
    this.literals = new Int32Array(initial * stride);
    this.probabilities = new Float64Array(initial);
    this.lengths = new Int32Array(initial);
    this.heap = new Int32Array(initial);
  }

  full(): boolean {
    return this.size >= this.capacity;
  }

  /** The probability of the worst set held (call only when full). */
  worstProbability(): number {
    if (!this.heaped) {
      // Ordered into a heap when first needed: never when every set offered is held.
      for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
      this.heaped = true;
    }
    return this.probabilities[this.heap[0]!]!;
  }

  /** Holds the set `path[0..length)` of probability `p` if it ranks among the best. */
  offer(p: number, path: Int32Array, length: number): void {
    if (this.capacity === 0) return;
    let slot: number;
    if (this.size < this.capacity) {
      if (this.size === this.heap.length) this.grow();
      slot = this.size;
      this.heap[this.size++] = slot;
    } else {
      if (p < this.worstProbability()) return; // cannot rank: spare the copy
      slot = this.capacity; // the spare slot past the held ones
      if (slot === this.heap.length) this.grow();
    }
    this.store(slot, p, path, length);
    if (slot === this.capacity) {
      // Swap the offered set into the root's slot when it ranks before the worst held.
      const root = this.heap[0]!;
      if (this.compare(slot, root) >= 0) return;
      this.copySlot(slot, root);
      this.down(0);
    }
  }

  /**
   * The held sets, best first, each literal decoded: read from a table, not by a call per literal
   * (the 46 188 sets of SCRAM's Baobab1 hold 370 000 literals, decoded by code not yet optimised).
   */
  sorted<T>(decoded: readonly T[]): T[][] {
    const order = this.ranked();
    const sets = new Array<T[]>(order.length);
    const literals = this.literals;
    for (let i = 0; i < order.length; i++) {
      // The `!` reads index the held slots and their literals, which are decoded's indices.
      const slot = order[i]!;
      const from = slot * this.stride;
      // Made at its length: grown by push, each of a list of 46 188 sets held three times the
      // room it needed, and the young generation copied it all.
      const set = new Array<T>(this.lengths[slot]!);
      for (let k = 0; k < set.length; k++) set[k] = decoded[literals[from + k]!]!;
      sets[i] = set;
    }
    return sets;
  }

  /**
   * The held slots in the order of {@link compare}: a counting sort by probability (largest
   * first) over the distinct probabilities, then each run of equal probability sorted by size and
   * literals. Sorting them all by {@link compare} made most of its calls to tell probabilities
   * apart (SCRAM's Baobab1: 46 188 sets, 1 745 distinct probabilities, the largest run 576
   * sets), each a call of a function not yet optimised.
   */
  private ranked(): Int32Array {
    const { size, heap, probabilities, lengths, literals, stride } = this;
    // The `!` reads below index the held slots (heap[0..size)), their literals, and the arrays
    // made here at their sizes: size, distinct, distinct + 1.
    const values = new Float64Array(size);
    for (let i = 0; i < size; i++) values[i] = probabilities[heap[i]!]!;
    values.sort(); // ascending, without a comparator: no calls back into JavaScript
    let distinct = 0;
    for (let i = 0; i < size; i++) {
      if (distinct === 0 || values[i]! !== values[distinct - 1]!) values[distinct++] = values[i]!;
    }
    // Run r holds the sets of the (r + 1)-th largest probability, values[distinct − 1 − r]: a
    // binary search finds it, the counts give where each run starts.
    const run = new Int32Array(size);
    const start = new Int32Array(distinct + 1);
    for (let i = 0; i < size; i++) {
      const p = probabilities[heap[i]!]!;
      let lo = 0;
      let hi = distinct - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (values[mid]! < p) lo = mid + 1;
        else hi = mid;
      }
      run[i] = distinct - 1 - lo;
      start[distinct - lo]!++;
    }
    for (let r = 0; r < distinct; r++) start[r + 1]! += start[r]!;
    const order = new Int32Array(size);
    const next = start.slice(0, distinct);
    for (let i = 0; i < size; i++) order[next[run[i]!]!++] = heap[i]!;
    // compare's order for sets of equal probability, in one function (not one calling another).
    const tie = (a: number, b: number): number => {
      const length = lengths[a]!;
      if (length !== lengths[b]!) return length - lengths[b]!;
      const from = a * stride;
      const to = b * stride;
      for (let k = 0; k < length; k++) {
        const d = literals[from + k]! - literals[to + k]!;
        if (d !== 0) return d;
      }
      return 0;
    };
    for (let r = 0; r < distinct; r++) {
      if (start[r + 1]! - start[r]! > 1) order.subarray(start[r]!, start[r + 1]!).sort(tie);
    }
    return order;
  }

  /** Writes the set into `slot`, its literals sorted ascending (insertion sort: sets are short). */
  private store(slot: number, p: number, path: Int32Array, length: number): void {
    const from = slot * this.stride;
    const literals = this.literals;
    for (let k = 0; k < length; k++) {
      const x = path[k]!;
      let j = from + k;
      while (j > from && literals[j - 1]! > x) {
        literals[j] = literals[j - 1]!;
        j--;
      }
      literals[j] = x;
    }
    this.probabilities[slot] = p;
    this.lengths[slot] = length;
  }

  private copySlot(from: number, to: number): void {
    this.literals.copyWithin(to * this.stride, from * this.stride, (from + 1) * this.stride);
    this.probabilities[to] = this.probabilities[from]!;
    this.lengths[to] = this.lengths[from]!;
  }

  /** Restores the heap below position i (a parent ranks after, or equal to, its children). */
  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      let worst = i;
      const left = 2 * i + 1;
      const right = left + 1;
      if (left < this.size && this.compare(heap[left]!, heap[worst]!) > 0) worst = left;
      if (right < this.size && this.compare(heap[right]!, heap[worst]!) > 0) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  }

  /** Negative when the set in slot a ranks before the one in slot b. */
  private compare(a: number, b: number): number {
    const pa = this.probabilities[a]!;
    const pb = this.probabilities[b]!;
    if (pa !== pb) return pa > pb ? -1 : 1;
    const length = this.lengths[a]!;
    if (length !== this.lengths[b]) return length - this.lengths[b]!;
    const from = a * this.stride;
    const to = b * this.stride;
    for (let k = 0; k < length; k++) {
      const d = this.literals[from + k]! - this.literals[to + k]!;
      if (d !== 0) return d;
    }
    return 0;
  }

  /** Doubles the storage (up to the capacity and its spare slot). */
  private grow(): void {
    const slots = Math.min(this.heap.length * 2, this.capacity + 1);
    const literals = new Int32Array(slots * this.stride);
    literals.set(this.literals);
    this.literals = literals;
    const probabilities = new Float64Array(slots);
    probabilities.set(this.probabilities);
    this.probabilities = probabilities;
    const lengths = new Int32Array(slots);
    lengths.set(this.lengths);
    this.lengths = lengths;
    const heap = new Int32Array(slots);
    heap.set(this.heap);
    this.heap = heap;
  }
}
