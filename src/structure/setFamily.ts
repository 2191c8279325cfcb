import { type BddManager, FALSE, TRUE } from './BddManager.js';
import { PairIndex } from './PairIndex.js';

// The Without memo is sized for about this many pairs per node of the diagram solved (15 on
// SCRAM's Baobab1: 110 684 pairs for 7 363 nodes), so it seldom grows (each doubling rehashes
// every entry); at most MAX_PRESIZE pairs (6 MB) are reserved before they are needed.
const WITHOUT_PAIRS_PER_NODE = 16;
const MAX_PRESIZE = 1 << 18;

/**
 * Returns Rauzy's minimal solutions of the monotone function at `root`: the family, as a
 * zero-suppressed diagram in the same manager, of the minimal sets of variables whose being 1
 * makes the function 1.
 *
 * $$
 * \operatorname{MinSol}(x F_1 + \bar{x} F_0) = \operatorname{MinSol}(F_0) \cup
 * \{\{x\} \cup s : s \in \operatorname{MinSol}(F_1) \setminus\!\!\uparrow
 * \operatorname{MinSol}(F_0)\}
 * $$
 * - F_1, F_0: the cofactors of the node (its high and low children); ↑K: every superset of a set
 *   of K, removed by {@link withoutOperation}
 *
 * @param manager - the store holding the diagram of a monotone function
 * @param root - its root
 * @returns the root of the family (FALSE: no solution; TRUE: {∅}, the function is 1)
 *
 * @remarks
 * Runs over the nodes in topological order (ids ascending: children first), so nothing recurses.
 * Every node of the manager up to `root` is solved, so `root` should be the last node created.
 *
 * @see A. Rauzy, "New algorithms for fault trees analysis", Reliability Engineering & System Safety
 * 40(3) (1993) 203–211, https://doi.org/10.1016/0951-8320(93)90060-C (paywalled), §4 (minimal
 * solutions).
 */
export function minimalSolutions(manager: BddManager, root: number): number {
  if (root === FALSE || root === TRUE) return root;
  const without = withoutOperation(manager, Math.min(WITHOUT_PAIRS_PER_NODE * root, MAX_PRESIZE));
  const solved = new Int32Array(root + 1);
  solved[TRUE] = TRUE;
  // Children have smaller ids than their parent, so every `!` read is of a node solved already.
  for (let f = 2; f <= root; f++) {
    const low = solved[manager.low(f)]!;
    solved[f] = manager.familyNode(manager.level(f), low, without(solved[manager.high(f)]!, low));
  }
  return solved[root]!;
}

/**
 * Returns the minimal solutions of at most `maxOrder` variables of the monotone function at
 * `root`, as {@link minimalSolutions} but truncated by order.
 *
 * $$
 * \operatorname{MinSol}_k(x F_1 + \bar{x} F_0) = \operatorname{MinSol}_k(F_0) \cup
 * \{\{x\} \cup s : s \in \operatorname{MinSol}_{k-1}(F_1) \setminus\!\!\uparrow
 * \operatorname{MinSol}_{k-1}(F_0)\}
 * $$
 * - MinSol_k: the minimal solutions of at most k variables; a set of at most k − 1 variables can
 *   only contain sets of at most k − 1, so the truncated F_0 removes all the supersets it must
 *
 * @param manager - the store holding the diagram of a monotone function
 * @param root - its root, the last node of the diagram (ids 2..root are its nodes)
 * @param maxOrder - largest number of variables kept, an integer >= 0
 * @returns the root of the family
 *
 * @remarks
 * The size of the smallest solution below each node, L(f) = min(L(F_0), 1 + L(F_1)), found in one
 * sweep, cuts off the nodes whose solutions are all too long; each (node, order) pair is solved
 * once, on an explicit stack. Cost O(nodes · (maxOrder + 1)) Without operations at most, on
 * families of short sets: far below the whole family when the order is small.
 *
 * @see A. Rauzy, "Mathematical foundations of minimal cutsets", IEEE Transactions on Reliability
 * 50(4) (2001) 389–396, https://doi.org/10.1109/24.983400 (paywalled) (truncation by order).
 */
export function truncatedMinimalSolutions(
  manager: BddManager,
  root: number,
  maxOrder: number,
): number {
  if (root === FALSE || root === TRUE) return root;
  const without = withoutOperation(manager);
  // Children have smaller ids than their parent, so the sweep reads computed entries only.
  const shortest = new Float64Array(root + 1);
  shortest[FALSE] = Infinity;
  for (let f = 2; f <= root; f++) {
    shortest[f] = Math.min(shortest[manager.low(f)]!, 1 + shortest[manager.high(f)]!);
  }
  const solved = new PairIndex(1024); // (node, order) → family
  /** MinSol_k(f) when known at once (terminals, all solutions too long), else −1. */
  const known = (f: number, k: number): number =>
    f === FALSE || f === TRUE ? f : shortest[f]! > k ? FALSE : solved.get(f, k);
  // A non-terminal node of a monotone diagram has L ≥ 1 (its low child is not TRUE), so only
  // orders k ≥ 1 are expanded and k − 1 ≥ 0.
  const stack = [root, maxOrder];
  while (stack.length > 0) {
    const k = stack.at(-1) as number;
    const f = stack.at(-2) as number;
    if (known(f, k) >= 0) {
      stack.length -= 2;
      continue;
    }
    const f0 = manager.low(f);
    const f1 = manager.high(f);
    const low = known(f0, k);
    const lowShorter = known(f0, k - 1);
    const high = known(f1, k - 1);
    if (low < 0 || lowShorter < 0 || high < 0) {
      if (low < 0) stack.push(f0, k);
      if (lowShorter < 0) stack.push(f0, k - 1);
      if (high < 0) stack.push(f1, k - 1);
      continue;
    }
    stack.length -= 2;
    solved.set(f, k, manager.familyNode(manager.level(f), low, without(high, lowShorter)));
  }
  return known(root, maxOrder);
}

/**
 * Returns Rauzy's Without: a function giving the sets of family F that contain no set of
 * antichain G (F minus the supersets of G's sets).
 *
 * $$
 * W(F, G) = \{s \in F : \nexists\, t \in G,\ t \subseteq s\}
 * $$
 *
 * @param manager - the store of both families
 * @param expected - number of memo entries to make room for (it grows beyond as needed)
 * @returns (f, g) → W(f, g), memoised across calls
 *
 * @remarks
 * An antichain that holds ∅ is {∅} (the terminal TRUE), which the terminal cases rely on. Runs on
 * explicit stacks of (f, g, phase) tasks and of results, memoised in a {@link PairIndex}.
 *
 * @see A. Rauzy, "New algorithms for fault trees analysis", Reliability Engineering & System Safety
 * 40(3) (1993) 203–211, https://doi.org/10.1016/0951-8320(93)90060-C (paywalled), §4.
 */
export function withoutOperation(
  manager: BddManager,
  expected: number = 1024,
): (f: number, g: number) => number {
  const memo = new PairIndex(expected);
  const tasks: number[] = [];
  const results: number[] = [];
  const finish = (f: number, g: number, result: number): void => {
    memo.set(f, g, result);
    results.push(result);
  };
  return (f0: number, g0: number): number => {
    tasks.push(f0, g0, 0);
    while (tasks.length > 0) {
      const phase = tasks.pop() as number;
      const g = tasks.pop() as number;
      const f = tasks.pop() as number;
      const lf = manager.level(f);
      switch (phase) {
        case 0: {
          if (f === FALSE || g === TRUE) {
            results.push(FALSE);
            break;
          }
          if (g === FALSE || f === TRUE) {
            results.push(f);
            break;
          }
          const done = memo.get(f, g);
          if (done >= 0) {
            results.push(done);
            break;
          }
          const lg = manager.level(g);
          if (lf < lg) {
            // node(lf, W(f0, g), W(f1, g)): low solved first, so it lies below high.
            tasks.push(f, g, 1, manager.high(f), g, 0, manager.low(f), g, 0);
          } else if (lf > lg) {
            // Sets of G holding g's variable cannot lie inside a set of F, which never holds it.
            tasks.push(f, g, 2, f, manager.low(g), 0);
          } else {
            // high = W(W(f1, g1), g0), low = W(f0, g0).
            tasks.push(f, g, 3, manager.high(f), manager.high(g), 0);
          }
          break;
        }
        case 1: {
          const high = results.pop() as number;
          const low = results.pop() as number;
          finish(f, g, manager.familyNode(lf, low, high));
          break;
        }
        case 2:
          finish(f, g, results.pop() as number);
          break;
        case 3: // results: W(f1, g1); next W(that, g0), which stays on the result stack
          tasks.push(f, g, 4, results.pop() as number, manager.low(g), 0);
          break;
        case 4: // results: high; next low = W(f0, g0)
          tasks.push(f, g, 5, manager.low(f), manager.low(g), 0);
          break;
        case 5: {
          const low = results.pop() as number;
          const high = results.pop() as number;
          finish(f, g, manager.familyNode(lf, low, high));
          break;
        }
      }
    }
    return results.pop() as number;
  };
}

/**
 * Returns the union of two set families: a function (f, g) → f ∪ g on zero-suppressed diagrams.
 *
 * $$
 * (F \cup G)_x = F_x \cup G_x, \qquad (F \cup G)_{\bar x} = F_{\bar x} \cup G_{\bar x}
 * $$
 * - F_x: the sets of F holding x, x removed; F_x̄: those without x
 *
 * @param manager - the store of both families
 * @returns (f, g) → F ∪ G, memoised across calls
 *
 * @remarks
 * Explicit stacks, as {@link withoutOperation}; O(|F|·|G|) nodes at worst, O(|F|) when every
 * variable of F lies above those of G.
 *
 * @see S. Minato, "Zero-suppressed BDDs for set manipulation in combinatorial problems", Proc.
 * 30th Design Automation Conference (1993) 272–277, https://doi.org/10.1145/157485.164890
 * (paywalled).
 */
export function unionOperation(manager: BddManager): (f: number, g: number) => number {
  return mergeOperation(manager, true);
}

/**
 * Returns the difference of two set families: a function (f, g) → f \ g (the sets of F that are
 * not sets of G; no superset test) on zero-suppressed diagrams.
 *
 * $$
 * (F \setminus G)_x = F_x \setminus G_x, \qquad (F \setminus G)_{\bar x} = F_{\bar x}
 * \setminus G_{\bar x}
 * $$
 *
 * @param manager - the store of both families
 * @returns (f, g) → F \ G, memoised across calls
 *
 * @remarks
 * Explicit stacks, as {@link withoutOperation}; O(|F|·|G|) nodes at worst.
 *
 * @see S. Minato, "Zero-suppressed BDDs for set manipulation in combinatorial problems", Proc.
 * 30th Design Automation Conference (1993) 272–277, https://doi.org/10.1145/157485.164890
 * (paywalled).
 */
export function differenceOperation(manager: BddManager): (f: number, g: number) => number {
  return mergeOperation(manager, false);
}

// Phases of mergeOperation's tasks: expand a pair; join two results at the pair's level; join one
// result under a kept high child of f (or of g); pass one result through.
const EXPAND = 0;
const JOIN = 1;
const KEEP_F = 2;
const KEEP_G = 3;
const PASS = 4;

/** Union (`union` true) or difference (false): one expansion, different terminal cases. */
function mergeOperation(manager: BddManager, union: boolean): (f: number, g: number) => number {
  const memo = new PairIndex(1024);
  const tasks: number[] = [];
  const results: number[] = [];
  const finish = (f: number, g: number, result: number): void => {
    memo.set(f, g, result);
    results.push(result);
  };
  return (f0: number, g0: number): number => {
    tasks.push(f0, g0, EXPAND);
    while (tasks.length > 0) {
      const phase = tasks.pop() as number;
      let g = tasks.pop() as number;
      let f = tasks.pop() as number;
      if (phase === EXPAND) {
        if (f === g) {
          results.push(union ? f : FALSE);
          continue;
        }
        if (f === FALSE || g === FALSE) {
          results.push(union ? f + g : f); // the other one (FALSE is 0) / F
          continue;
        }
        if (union && f > g) [f, g] = [g, f]; // union commutes: one memo entry per pair
        const done = memo.get(f, g);
        if (done >= 0) {
          results.push(done);
          continue;
        }
        const lf = manager.level(f);
        const lg = manager.level(g);
        if (lf === lg) {
          tasks.push(f, g, JOIN, manager.high(f), manager.high(g), EXPAND);
          tasks.push(manager.low(f), manager.low(g), EXPAND);
        } else if (lf < lg) {
          tasks.push(f, g, KEEP_F, manager.low(f), g, EXPAND);
        } else {
          // Sets of G holding its top variable are in neither F nor F \ G.
          tasks.push(f, g, union ? KEEP_G : PASS, f, manager.low(g), EXPAND);
        }
        continue;
      }
      if (phase === JOIN) {
        const high = results.pop() as number;
        const low = results.pop() as number;
        finish(f, g, manager.familyNode(manager.level(f), low, high));
      } else if (phase === KEEP_F) {
        finish(
          f,
          g,
          manager.familyNode(manager.level(f), results.pop() as number, manager.high(f)),
        );
      } else if (phase === KEEP_G) {
        finish(
          f,
          g,
          manager.familyNode(manager.level(g), results.pop() as number, manager.high(g)),
        );
      } else {
        finish(f, g, results.pop() as number);
      }
    }
    return results.pop() as number;
  };
}
