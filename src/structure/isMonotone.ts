import { type CompactBdd, FALSE, TRUE } from './BddManager.js';
import { PairIndex } from './PairIndex.js';

/**
 * Returns whether the function of a reduced ordered BDD is monotone non-decreasing in every
 * variable (a coherent structure function, irrelevant variables allowed): whether the low child of
 * every node implies its high child.
 *
 * $$
 * \Phi \text{ monotone} \iff \forall v:\ \mathrm{low}(v) \le \mathrm{high}(v), \qquad
 * (l \le h) \iff (l_0 \le h_0) \wedge (l_1 \le h_1)
 * $$
 * - l_0, l_1 (h_0, h_1): the cofactors of l (h) on the variable of smallest level in either;
 *   l ≤ h holds at once when l = 0, h = 1 or l = h, and fails when l = 1 or h = 0 otherwise
 *
 * @param bdd - the diagram
 * @returns true when Φ(x) ≤ Φ(y) whenever x ≤ y componentwise
 *
 * @remarks
 * Each node's function is a cofactor of Φ on the variables above it, so Φ is monotone iff every
 * node is monotone in its own variable given monotone children, which is the test above, node by
 * node from the terminals up. The pairs (l, h) met are expanded once each on an explicit stack:
 * the first pair that fails answers false, so a pair met again needs no second look. Cost
 * O(pairs reached), at most the square of the diagram's size, in practice a small multiple of it.
 *
 * @see R. E. Barlow and F. Proschan, Statistical Theory of Reliability and Life Testing, Holt,
 * Rinehart and Winston, 1975, ch. 1 §2 (coherent structures) (paywalled).
 * @see R. E. Bryant, "Graph-Based Algorithms for Boolean Function Manipulation", IEEE Transactions
 * on Computers C-35(8) (1986) 677–691, https://doi.org/10.1109/TC.1986.1676819 (paywalled)
 * (pairwise expansion).
 */
export function isMonotone(bdd: CompactBdd): boolean {
  const { level, low, high } = bdd;
  const size = level.length;
  const seen = new PairIndex(size);
  const stack: number[] = [];
  // Node ids come from the diagram's arrays, so the `!` reads are in range.
  for (let v = 2; v < size; v++) {
    stack.push(low[v]!, high[v]!);
    while (stack.length > 0) {
      const h = stack.pop() as number;
      const l = stack.pop() as number;
      if (l === FALSE || h === TRUE || l === h) continue;
      if (l === TRUE || h === FALSE) return false;
      if (seen.get(l, h) >= 0) continue;
      seen.set(l, h, 1);
      const top = Math.min(level[l]!, level[h]!);
      const lTop = level[l] === top;
      const hTop = level[h] === top;
      stack.push(lTop ? low[l]! : l, hTop ? low[h]! : h);
      stack.push(lTop ? high[l]! : l, hTop ? high[h]! : h);
    }
  }
  return true;
}
