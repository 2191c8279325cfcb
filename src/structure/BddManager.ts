import { UnsupportedModelError } from '../errors.js';

/** Index of the terminal node "fails" (constant 0). */
export const FALSE = 0;
/** Index of the terminal node "works" (constant 1). */
export const TRUE = 1;

// Sizes of the first allocation; every table doubles as needed, so these only trade start-up
// time against the first few reallocations.
const INITIAL_CAPACITY = 1 << 10;
const INITIAL_CACHE = 1 << 12;
// A lossy operation cache larger than this (4 Mi entries, 48 MB) stops paying for itself.
const MAX_CACHE = 1 << 22;

/**
 * A reduced ordered binary decision diagram stored as typed arrays, children before parents:
 * nodes 0 and 1 are the terminals, every other node n tests the variable at `level[n]` and goes to
 * `high[n]` when it is 1 and `low[n]` when it is 0.
 */
export interface CompactBdd {
  /** Level → component number: the variable order. */
  readonly order: Int32Array;
  /** Level of each node; the terminals hold `order.length` (below every variable). */
  readonly level: Int32Array;
  /** Component tested by each node; −1 for the terminals. */
  readonly component: Int32Array;
  /** Child when the tested component fails. */
  readonly low: Int32Array;
  /** Child when the tested component works. */
  readonly high: Int32Array;
  /** Index of the root node: 0 or 1 for a constant function, else `level.length − 1`. */
  readonly root: number;
}

/**
 * A store of hash-consed BDD nodes (Bryant's unique table) for one compilation, with
 * the two monotone operations a structure tree needs, AND and OR, memoised in a lossy cache.
 *
 * $$
 * f \circ g = x\,(f_{x=1} \circ g_{x=1}) + \bar{x}\,(f_{x=0} \circ g_{x=0})
 * $$
 * where x is the variable of lowest level in f or g and ∘ is AND or OR.
 *
 * @remarks
 * The same store holds families of sets as zero-suppressed diagrams ({@link familyNode}; Minato),
 * for minimal cut sets and prime implicants. Nodes are never freed: a manager lives for one
 * compilation. Node ids grow in creation order and
 * a node is created after its children, so ids are a topological order. AND and OR expand pairs
 * of nodes on explicit stacks (no recursion), so diagrams of any number of variables are fine.
 * Cost of one operation O(|f|·|g|) nodes; the cache makes it near that bound in practice, and
 * O(|f|) when every variable of f lies above those of g.
 *
 * @see R. E. Bryant, "Graph-Based Algorithms for Boolean Function Manipulation", IEEE Transactions
 * on Computers C-35(8) (1986) 677–691, https://doi.org/10.1109/TC.1986.1676819 (paywalled).
 * @see S. Minato, "Zero-suppressed BDDs for set manipulation in combinatorial problems", Proc.
 * 30th Design Automation Conference (1993) 272–277, https://doi.org/10.1145/157485.164890
 * (paywalled).
 */
export class BddManager {
  /** Number of variables; also the level stored in the terminals. */
  readonly levelCount: number;
  /** Largest number of nodes (terminals included) before {@link UnsupportedModelError}. */
  readonly maxNodes: number;
  /** Name reported in the size-limit error. */
  readonly where: string;
  private size = 2;
  private levels: Int32Array;
  private lows: Int32Array;
  private highs: Int32Array;
  private buckets: Int32Array;
  private chain: Int32Array;
  // The operation cache of AND and OR, made at their first use: a store of set families (MinSol,
  // prime implicants) never uses it, and it is the largest table (4 entries a node).
  private cacheKey = new Float64Array(0);
  private cacheValue = new Int32Array(0);
  // The `!` reads below rest on two invariants: a node id stored in a table or on a stack is
  // below `size` (ids come only from `node`), and hashes and slots are masked to their table.
  // Work stacks of apply, made once at their bound (see apply): (f, g, phase) triples, results.
  private readonly tasks: Int32Array;
  private readonly results: Int32Array;

  /**
   * @param levelCount - number of variables, an integer >= 0
   * @param maxNodes - node budget, an integer >= 1 (the two terminals always exist)
   * @param where - function name for the size-limit error message
   * @param expected - number of nodes to make room for at once (at most `maxNodes`); the tables
   *   double beyond it as needed, each time rehashing every node
   */
  constructor(
    levelCount: number,
    maxNodes: number,
    where: string,
    expected: number = INITIAL_CAPACITY,
  ) {
    this.levelCount = levelCount;
    this.maxNodes = maxNodes;
    this.where = where;
    this.tasks = new Int32Array(3 * (2 * levelCount + 3));
    this.results = new Int32Array(levelCount + 2);
    let capacity = INITIAL_CAPACITY;
    while (capacity < Math.min(expected, maxNodes)) capacity *= 2;
    this.levels = new Int32Array(capacity);
    this.lows = new Int32Array(capacity);
    this.highs = new Int32Array(capacity);
    this.levels[FALSE] = levelCount;
    this.levels[TRUE] = levelCount;
    this.buckets = new Int32Array(capacity).fill(-1);
    this.chain = new Int32Array(capacity);
  }

  /** Number of nodes created so far, terminals included. */
  get nodeCount(): number {
    return this.size;
  }

  /** Level of node `n` (`levelCount` for a terminal). */
  level(n: number): number {
    return this.entry(this.levels, n);
  }

  /** Child of `n` when its variable is 0. */
  low(n: number): number {
    return this.entry(this.lows, n);
  }

  /** Child of `n` when its variable is 1. */
  high(n: number): number {
    return this.entry(this.highs, n);
  }

  /** The function x at `level`. */
  variable(level: number): number {
    return this.node(level, FALSE, TRUE);
  }

  /**
   * The unique node (level, low, high), or `low` when both children agree (the reduction rule).
   *
   * @throws {@link UnsupportedModelError} when the node budget `maxNodes` would be exceeded.
   */
  node(level: number, low: number, high: number): number {
    return low === high ? low : this.unique(level, low, high);
  }

  /**
   * The node of the set family {s : s ∈ low} ∪ {s ∪ {x} : s ∈ high}, x the variable at `level`,
   * as a zero-suppressed diagram: `low` itself when `high` is the empty family (FALSE), the unique
   * node (level, low, high) otherwise (equal children are kept: low ∪ x·low is not low). Read as
   * a family, a path to TRUE lists the variables it leaves on a 1-edge; TRUE is {∅}.
   *
   * @throws {@link UnsupportedModelError} when the node budget `maxNodes` would be exceeded.
   */
  familyNode(level: number, low: number, high: number): number {
    return high === FALSE ? low : this.unique(level, low, high);
  }

  /** The unique node (level, low, high), created when new. */
  private unique(level: number, low: number, high: number): number {
    const mask = this.buckets.length - 1;
    const hash = mix(level, low, high) & mask;
    for (let n = this.buckets[hash]!; n !== -1; n = this.chain[n]!) {
      if (this.levels[n] === level && this.lows[n] === low && this.highs[n] === high) return n;
    }
    if (this.size >= this.maxNodes) throw nodeLimitError(this.where, this.maxNodes);
    if (this.size === this.levels.length) {
      this.grow();
      return this.unique(level, low, high);
    }
    const n = this.size++;
    this.levels[n] = level;
    this.lows[n] = low;
    this.highs[n] = high;
    this.chain[n] = this.buckets[hash]!;
    this.buckets[hash] = n;
    return n;
  }

  /** The conjunction f·g (series of f and g). */
  and(f: number, g: number): number {
    const done = terminalCase(AND, f, g);
    return done >= 0 ? done : this.apply(AND, f, g);
  }

  /** The disjunction f + g − f·g (parallel of f and g). */
  or(f: number, g: number): number {
    const done = terminalCase(OR, f, g);
    return done >= 0 ? done : this.apply(OR, f, g);
  }

  /**
   * The function f with its terminal 1 replaced by `onTrue` and its terminal 0 by `onFalse`:
   * f·onTrue + (1 − f)·onFalse. Every variable of f must lie above (have a smaller level than)
   * every variable of `onTrue` and `onFalse`, so the result is a copy of f's nodes, O(|f|).
   */
  compose(f: number, onTrue: number, onFalse: number): number {
    if (f === TRUE) return onTrue;
    if (f === FALSE) return onFalse;
    if (onTrue === TRUE && onFalse === FALSE) return f;
    const nodes = this.reachable(f);
    const image = new Map<number, number>([
      [FALSE, onFalse],
      [TRUE, onTrue],
    ]);
    // Ids are a topological order (children first), so each node's children are mapped already.
    for (const n of nodes) {
      const low = image.get(this.lows[n]!) as number;
      const high = image.get(this.highs[n]!) as number;
      image.set(n, this.node(this.levels[n]!, low, high));
    }
    return image.get(f) as number;
  }

  /** `table[n]` after checking that the caller's `n` is a node of this manager. */
  private entry(table: Int32Array, n: number): number {
    const value = table[n];
    if (value === undefined || !(n < this.size)) {
      throw new Error(`internal: ${n} is not a node of this decision diagram`);
    }
    return value;
  }

  /** Copies the nodes reachable from `root` into a compact, topologically ordered BDD. */
  compact(root: number, order: Int32Array): CompactBdd {
    // Ids are topological, so one descending sweep from the root marks what it reaches (0 in
    // `index`, −1 unreached) and one ascending sweep numbers it children first.
    const index = new Int32Array(Math.max(root, TRUE) + 1).fill(-1);
    index[FALSE] = FALSE;
    index[TRUE] = TRUE;
    let count = 2;
    if (root >= 2) index[root] = 0;
    for (let n = root; n >= 2; n--) {
      if (index[n] === -1) continue;
      count++;
      if (index[this.lows[n]!] === -1) index[this.lows[n]!] = 0;
      if (index[this.highs[n]!] === -1) index[this.highs[n]!] = 0;
    }
    const level = new Int32Array(count).fill(this.levelCount);
    const component = new Int32Array(count).fill(-1);
    const low = new Int32Array(count);
    const high = new Int32Array(count);
    let i = 2;
    for (let n = 2; n <= root; n++) {
      if (index[n] === -1) continue;
      const nodeLevel = this.levels[n]!;
      const tested = order[nodeLevel];
      if (tested === undefined) throw new Error(`internal: the order has no level ${nodeLevel}`);
      index[n] = i;
      level[i] = nodeLevel;
      component[i] = tested;
      low[i] = index[this.lows[n]!]!;
      high[i] = index[this.highs[n]!]!;
      i++;
    }
    return { order, level, component, low, high, root: index[root]! };
  }

  /** The non-terminal nodes reachable from `root`, ascending (children before parents). */
  private reachable(root: number): number[] {
    const seen = new Set<number>([FALSE, TRUE]);
    const stack = [root];
    const nodes: number[] = [];
    while (stack.length > 0) {
      const n = stack.pop() as number;
      if (seen.has(n)) continue;
      seen.add(n);
      nodes.push(n);
      stack.push(this.lows[n]!, this.highs[n]!);
    }
    return nodes.sort((a, b) => a - b);
  }

  /**
   * Both operations share one expansion: only the terminal cases differ. Runs on explicit
   * stacks, so the depth of the diagrams (the number of variables) is not limited by the call
   * stack: each task is (f, g, phase), phase 0 expanding the pair and phase 1 joining the two
   * cofactor results found on the result stack.
   *
   * The smaller level of a pair's children exceeds the pair's, so a task at depth d of the
   * expansion has a pair of level at least d: at most `levelCount` + 1 pairs are open at once,
   * each leaving on the stacks its join task, at most one unexpanded sibling and one result.
   * The stacks are made at that size once, so the loop grows nothing (a test that throws an
   * internal error stands for the bound) and holds no closures over its stack tops, which lived
   * in a heap context: this is the hottest loop of a compilation.
   */
  private apply(op: number, f0: number, g0: number): number {
    if (this.cacheKey.length === 0) {
      const size = Math.min((this.levels.length / INITIAL_CAPACITY) * INITIAL_CACHE, MAX_CACHE);
      this.cacheKey = new Float64Array(size).fill(-1);
      this.cacheValue = new Int32Array(size);
    }
    const tasks = this.tasks;
    const results = this.results;
    let taskTop = 0;
    let resultTop = 0;
    tasks[taskTop++] = f0;
    tasks[taskTop++] = g0;
    tasks[taskTop++] = 0;
    // Every index below is within the stacks' bound (see above); node ids are below `size`.
    while (taskTop > 0) {
      const phase = tasks[--taskTop]!;
      let g = tasks[--taskTop]!;
      let f = tasks[--taskTop]!;
      if (phase === 1) {
        const high = results[--resultTop]!;
        const low = results[--resultTop]!;
        const result = this.node(Math.min(this.levels[f]!, this.levels[g]!), low, high);
        // The cache may have been resized meanwhile: compute the slot now.
        const slot = mix(op, f, g) & (this.cacheKey.length - 1);
        this.cacheKey[slot] = cacheKey(op, f, g);
        this.cacheValue[slot] = result;
        results[resultTop++] = result;
        continue;
      }
      const done = terminalCase(op, f, g);
      if (done >= 0) {
        results[resultTop++] = done;
        continue;
      }
      if (f > g) {
        // Both operations commute: one cache entry per pair.
        const first = g;
        g = f;
        f = first;
      }
      const slot = mix(op, f, g) & (this.cacheKey.length - 1);
      if (this.cacheKey[slot] === cacheKey(op, f, g)) {
        results[resultTop++] = this.cacheValue[slot]!;
        continue;
      }
      const lf = this.levels[f]!;
      const lg = this.levels[g]!;
      const top = Math.min(lf, lg);
      if (taskTop + 9 > tasks.length) throw new Error('internal: apply outgrew its stack bound');
      tasks[taskTop++] = f;
      tasks[taskTop++] = g;
      tasks[taskTop++] = 1;
      // The high pair is pushed first so that the low pair is solved first, and its result
      // lies below the high one on the result stack when phase 1 joins them.
      tasks[taskTop++] = lf === top ? this.highs[f]! : f;
      tasks[taskTop++] = lg === top ? this.highs[g]! : g;
      tasks[taskTop++] = 0;
      tasks[taskTop++] = lf === top ? this.lows[f]! : f;
      tasks[taskTop++] = lg === top ? this.lows[g]! : g;
      tasks[taskTop++] = 0;
    }
    return results[0]!;
  }

  /** Doubles the node arrays and the hash table, and grows the cache with them. */
  private grow(): void {
    const capacity = this.levels.length * 2;
    this.levels = doubled(this.levels);
    this.lows = doubled(this.lows);
    this.highs = doubled(this.highs);
    this.chain = new Int32Array(capacity);
    this.buckets = new Int32Array(capacity).fill(-1);
    const mask = capacity - 1;
    for (let n = 2; n < this.size; n++) {
      const hash = mix(this.levels[n]!, this.lows[n]!, this.highs[n]!) & mask;
      this.chain[n] = this.buckets[hash]!;
      this.buckets[hash] = n;
    }
    const cache = this.cacheKey.length;
    if (cache > 0 && cache < MAX_CACHE && cache < capacity * 4) {
      // Entries are dropped, not rehashed: the cache is lossy by design.
      this.cacheKey = new Float64Array(this.cacheKey.length * 2).fill(-1);
      this.cacheValue = new Int32Array(this.cacheValue.length * 2);
    }
  }
}

const AND = 0;
const OR = 1;

/** The result of `f op g` when one operand decides it without expansion, else −1. */
function terminalCase(op: number, f: number, g: number): number {
  if (f === g) return f;
  if (op === AND) {
    if (f === FALSE || g === FALSE) return FALSE;
    if (f === TRUE) return g;
    if (g === TRUE) return f;
  } else {
    if (f === TRUE || g === TRUE) return TRUE;
    if (f === FALSE) return g;
    if (g === FALSE) return f;
  }
  return -1;
}

/**
 * The operation-cache key of (op, f, g). Node ids stay below 2^26 (the node budget is checked
 * against memory long before), so the key is an exact integer below 2^53.
 */
function cacheKey(op: number, f: number, g: number): number {
  return (f * 67108864 + g) * 2 + op;
}

/** A copy of `from` in an array twice as long. */
function doubled(from: Int32Array): Int32Array<ArrayBuffer> {
  const to = new Int32Array(from.length * 2);
  to.set(from);
  return to;
}

/**
 * The error thrown when a decision diagram outgrows its node budget: says the limit and how to
 * raise it (the CLI flag; library callers pass the option of the same meaning).
 *
 * @param where - the function that gave up
 * @param limit - the node budget
 * @param needed - a lower bound on the nodes needed, when known before building
 */
export function nodeLimitError(
  where: string,
  limit: number,
  needed?: number,
): UnsupportedModelError {
  const reason =
    needed === undefined
      ? `the decision diagram needs more than ${limit} nodes`
      : `the decision diagram needs at least ${needed} nodes (estimated before building)`;
  return new UnsupportedModelError(
    where,
    reason,
    `the limit is ${limit} (--max-nodes raises it if memory allows), or simulate the model`,
  );
}

/** A 32-bit hash of three small integers (multiplicative mixing, as in MurmurHash3's finaliser). */
function mix(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
