import { BddManager, type CompactBdd, FALSE, TRUE } from './BddManager.js';
import { PairIndex } from './PairIndex.js';
import { differenceOperation } from './setFamily.js';

/**
 * Returns, in `family`, the prime implicants of at most `maxOrder` literals of the failure
 * function 1 − Φ of a compiled structure, as a zero-suppressed set family over literals: variable
 * level l of the diagram gives literal level 2l ("the variable is 0": the component failed) and
 * 2l + 1 ("it is 1": it works).
 *
 * $$
 * \operatorname{PI}_k(F) = P \cup \bar{x}\cdot\big(\operatorname{PI}_{k-1}(F_0) \setminus P\big)
 * \cup x\cdot\big(\operatorname{PI}_{k-1}(F_1) \setminus P\big), \qquad
 * P = \operatorname{PI}_k(F_0 \wedge F_1)
 * $$
 * - F = 1 − Φ, x the variable of its top node (1: works), F_0 and F_1 its cofactors (the node's
 *   low and high children); PI_k the primes of at most k literals; \ is plain set difference;
 *   PI_k(0) = ∅, PI_k(1) = {∅}, and PI_k(F) = ∅ when every prime of F is longer than k
 *
 * @param bdd - the structure function Φ
 * @param family - a store with 2·(levels of `bdd`) levels, where the family is built
 * @param maxOrder - largest number of literals kept (Infinity for all)
 * @param maxNodes - node budget of the store of functions (F and the conjunctions F_0 ∧ F_1)
 * @param where - function name for the size-limit error
 * @returns the root of the family in `family`
 *
 * @throws {@link UnsupportedModelError} when either store exceeds its node budget.
 *
 * @remarks
 * Coudert and Madre's recursion, written with Rauzy's meta-products (a term is a path of the
 * family diagram) and truncated by order as Rauzy and Dutuit do: a prime of F_1 that is also a
 * prime of F_0 ∧ F_1 implies F without x, so only the others take the literal x; primes of
 * F_0 ∧ F_1 take neither literal; a prime of at most k literals has at most k − 1 besides x, and
 * those of P that a difference can remove are no longer than that. A lower bound on the length
 * of any prime, L(F) = min(max(L(F_0), L(F_1)), 1 + min(L(F_0), L(F_1))) (a prime free of x
 * implies both cofactors; one with x implies one of them), L(1) = 0, L(0) = ∞, cuts off the
 * functions whose primes are all too long before they are expanded. Each (function, order) is
 * solved once (memoised) on an explicit stack, its conjunction F_0 ∧ F_1 computed once by the
 * manager's AND. For a monotone F the primes are its minimal solutions over failed literals
 * only: the minimal cut sets. Cost: exponential in the worst case, like the number of primes;
 * the order limit is what makes large non-coherent trees tractable.
 *
 * @see O. Coudert and J. C. Madre, "Implicit and incremental computation of primes and essential
 * primes of Boolean functions", Proc. 29th Design Automation Conference (1992) 36–39,
 * https://doi.org/10.1109/DAC.1992.227866 (paywalled).
 * @see A. Rauzy and Y. Dutuit, "Exact and truncated computations of prime implicants of coherent
 * and non-coherent fault trees within Aralia", Reliability Engineering & System Safety 58(2)
 * (1997) 127–144, https://doi.org/10.1016/S0951-8320(97)00034-3 (paywalled).
 */
export function primeImplicantFamily(
  bdd: CompactBdd,
  family: BddManager,
  maxOrder: number,
  maxNodes: number,
  where: string,
): number {
  const functions = new BddManager(bdd.order.length, maxNodes, where);
  // F = 1 − Φ: the diagram of Φ with its terminals exchanged. Compact ids are topological and
  // every array has one entry per node, so the `!` reads are in range.
  const id = new Int32Array(bdd.level.length);
  id[FALSE] = TRUE;
  id[TRUE] = FALSE;
  for (let n = 2; n < bdd.level.length; n++) {
    id[n] = functions.node(bdd.level[n]!, id[bdd.low[n]!]!, id[bdd.high[n]!]!);
  }
  const root = id[bdd.root]!;
  // No prime has more literals than there are variables.
  const top = Math.min(maxOrder, bdd.order.length);
  const difference = differenceOperation(family);
  const shortest = shortestPrimeBound(functions);
  const primes = new PairIndex(1024); // (function, order) → family
  const conjunction = new PairIndex(1024); // (function, 0) → F_0 ∧ F_1
  /** The primes of f of at most k literals when known at once (terminals, too long), else −1. */
  const known = (f: number, k: number): number => {
    if (f === FALSE || f === TRUE) return f;
    if (shortest(f) > k) return FALSE;
    return primes.get(f, k);
  };
  // Tasks: function and order pairs.
  const stack = [root, top];
  while (stack.length > 0) {
    const k = stack.at(-1) as number;
    const f = stack.at(-2) as number;
    if (known(f, k) >= 0) {
      stack.length -= 2;
      continue;
    }
    const f0 = functions.low(f);
    const f1 = functions.high(f);
    let both = conjunction.get(f, 0);
    if (both < 0) {
      both = functions.and(f0, f1);
      conjunction.set(f, 0, both);
    }
    // Parts first: all three lie below f's variable, so this terminates.
    const common = known(both, k);
    const failed = known(f0, k - 1);
    const working = known(f1, k - 1);
    if (common < 0 || failed < 0 || working < 0) {
      if (common < 0) stack.push(both, k);
      if (failed < 0) stack.push(f0, k - 1);
      if (working < 0) stack.push(f1, k - 1);
      continue;
    }
    stack.length -= 2;
    const level = 2 * functions.level(f);
    const low = family.familyNode(level + 1, common, difference(working, common));
    primes.set(f, k, family.familyNode(level, low, difference(failed, common)));
  }
  return known(root, top);
}

/**
 * L(f), a lower bound on the number of literals of every prime implicant of f, for the nodes of
 * `manager` (those created later included), memoised; see {@link primeImplicantFamily}.
 */
function shortestPrimeBound(manager: BddManager): (f: number) => number {
  let bound = new Float64Array(1024).fill(-1); // −1: not computed yet
  bound[FALSE] = Infinity;
  bound[TRUE] = 0;
  const stack: number[] = [];
  return (f0: number): number => {
    if (f0 >= bound.length) {
      const larger = new Float64Array(Math.max(2 * bound.length, f0 + 1)).fill(-1);
      larger.set(bound);
      bound = larger;
    }
    stack.push(f0);
    while (stack.length > 0) {
      const f = stack.at(-1) as number;
      // Children have smaller ids than f, so they index the table too.
      if (bound[f]! >= 0) {
        stack.pop();
        continue;
      }
      const lo = bound[manager.low(f)]!;
      const hi = bound[manager.high(f)]!;
      if (lo < 0 || hi < 0) {
        if (lo < 0) stack.push(manager.low(f));
        if (hi < 0) stack.push(manager.high(f));
        continue;
      }
      stack.pop();
      bound[f] = Math.min(Math.max(lo, hi), 1 + Math.min(lo, hi));
    }
    return bound[f0]!;
  };
}
