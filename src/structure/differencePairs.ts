import { type CompactBdd, FALSE, TRUE } from './BddManager.js';
import { PairIndex } from './PairIndex.js';

/** What a difference refers to: nothing (0), P(node works), P(node fails), or another pair. */
const ZERO = 0;
const WORKS = 1;
const FAILS = 2;
const PAIR = 3;

/**
 * The differences P(h) − P(l) of the two children of every node of a monotone BDD, written as
 * probabilities of "h works and l fails", ready to evaluate without subtraction.
 */
export interface DifferencePairs {
  /** Number of pairs (h, l) that need their own expansion. */
  readonly size: number;
  /**
   * Writes D(v) = P(high(v)) − P(low(v)) for every node v of the diagram into `out` (indexed by
   * node), given the diagram's P(works) and P(fails) below each node and the variables' p and q.
   */
  evaluate(
    up: Float64Array,
    down: Float64Array,
    p: ArrayLike<number>,
    q: ArrayLike<number>,
    out: Float64Array,
  ): void;
}

/**
 * Returns the difference pairs of a monotone BDD: for every node v, P(high) − P(low) expanded as
 * the probability of a product of a function and a complement, which has no cancellation; or
 * undefined when more than `maxPairs` pairs would be needed.
 *
 * $$
 * D(h, l) = P(h \wedge \neg l) = p_x\,D(h_1, l_1) + q_x\,D(h_0, l_0), \qquad
 * D(h, 0) = P(h),\quad D(1, l) = P(\neg l),\quad D(h, h) = 0
 * $$
 * - h, l: the high and low children of a node; for a monotone function l ≤ h, so
 *   P(h) − P(l) = P(h ∧ ¬l)
 * - x: the variable of smallest level in h or l; h_1, h_0 (l_1, l_0) its cofactors
 *
 * @param bdd - a reduced ordered BDD of a monotone function
 * @param maxPairs - largest number of pairs to create
 * @returns the pairs, or undefined above `maxPairs`
 *
 * @remarks
 * Every term is a product of probabilities, so D has the relative accuracy of P itself, where the
 * subtraction P(high) − P(low) loses all digits when the two are close (an importance of 1e-24
 * beside probabilities near 1). The pairs reachable from the nodes' children are found once, on an
 * explicit stack, and numbered children first; evaluating them is one sweep, O(pairs). Their number
 * is at most the product of the diagram's size with itself and in practice a small multiple of it.
 *
 * @see Z. W. Birnbaum, "On the importance of different components in a multicomponent system", in
 * P. R. Krishnaiah (ed.), Multivariate Analysis II, Academic Press, 1969, 581–592.
 * @see R. E. Bryant, "Graph-Based Algorithms for Boolean Function Manipulation", IEEE Transactions
 * on Computers C-35(8) (1986) 677–691, https://doi.org/10.1109/TC.1986.1676819 (paywalled) (the
 * pairwise expansion of apply).
 */
export function differencePairs(bdd: CompactBdd, maxPairs: number): DifferencePairs | undefined {
  // The `!` reads below rest on the invariants of a CompactBdd (its arrays have `size` entries
  // and hold node ids below `size`), on the stack holding `top` entries, and on pair ids being
  // below `count`.
  const { level, component, low, high } = bdd;
  const size = level.length;
  const index = new PairIndex(size);
  // Per pair: the variable's component, then the kind and id of its high and low parts.
  let variable = new Int32Array(1024);
  let highKind = new Int8Array(1024);
  let highId = new Int32Array(1024);
  let lowKind = new Int8Array(1024);
  let lowId = new Int32Array(1024);
  let count = 0;

  /** The reference of D(h, l), kind + 4·id, or −1 when the pair is not numbered yet. */
  const reference = (h: number, l: number): number => {
    if (h === l || h === FALSE || l === TRUE) return ZERO;
    if (l === FALSE) return WORKS + 4 * h;
    if (h === TRUE) return FAILS + 4 * l;
    const known = index.get(h, l);
    return known < 0 ? -1 : PAIR + 4 * known;
  };

  // Post-order over pairs on an explicit stack: a pair is numbered once both parts are known.
  let stack = new Int32Array(64);
  let top = 0;
  const push = (h: number, l: number): void => {
    if (top + 2 > stack.length) {
      const larger = new Int32Array(stack.length * 2);
      larger.set(stack);
      stack = larger;
    }
    stack[top++] = h;
    stack[top++] = l;
  };
  for (let v = 2; v < size; v++) {
    if (reference(high[v]!, low[v]!) >= 0) continue;
    push(high[v]!, low[v]!);
    while (top > 0) {
      const h = stack[top - 2]!;
      const l = stack[top - 1]!;
      if (reference(h, l) >= 0) {
        top -= 2;
        continue;
      }
      const first = Math.min(level[h]!, level[l]!);
      const hTop = level[h] === first;
      const lTop = level[l] === first;
      const h1 = hTop ? high[h]! : h;
      const l1 = lTop ? high[l]! : l;
      const one = reference(h1, l1);
      if (one < 0) {
        push(h1, l1);
        continue;
      }
      const h0 = hTop ? low[h]! : h;
      const l0 = lTop ? low[l]! : l;
      const zero = reference(h0, l0);
      if (zero < 0) {
        push(h0, l0);
        continue;
      }
      if (count === maxPairs) return undefined;
      if (count === variable.length) {
        variable = grown(variable);
        highKind = grown(highKind);
        highId = grown(highId);
        lowKind = grown(lowKind);
        lowId = grown(lowId);
      }
      index.set(h, l, count);
      variable[count] = component[hTop ? h : l]!;
      highKind[count] = one % 4;
      highId[count] = Math.floor(one / 4);
      lowKind[count] = zero % 4;
      lowId[count] = Math.floor(zero / 4);
      count++;
      top -= 2;
    }
  }
  // The reference of each node's own difference.
  const rootKind = new Int8Array(size);
  const rootId = new Int32Array(size);
  for (let v = 2; v < size; v++) {
    const code = reference(high[v]!, low[v]!);
    rootKind[v] = code % 4;
    rootId[v] = Math.floor(code / 4);
  }
  const values = new Float64Array(count);

  return {
    size: count,
    evaluate(up, down, p, q, out): void {
      const value = (kind: number, id: number): number =>
        kind === PAIR ? values[id]! : kind === WORKS ? up[id]! : kind === FAILS ? down[id]! : 0;
      for (let k = 0; k < count; k++) {
        const c = variable[k]!;
        values[k] = p[c]! * value(highKind[k]!, highId[k]!) + q[c]! * value(lowKind[k]!, lowId[k]!);
      }
      for (let v = 2; v < size; v++) out[v] = value(rootKind[v]!, rootId[v]!);
    },
  };
}

/** A copy of `from` in an array twice as long. */
function grown<T extends Int8Array | Int32Array>(from: T): T {
  const to = new (from.constructor as new (length: number) => T)(from.length * 2);
  to.set(from);
  return to;
}
