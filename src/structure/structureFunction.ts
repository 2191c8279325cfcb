import { ParameterError, checkInteger } from '../errors.js';
import type { CompactBdd } from './BddManager.js';
import { blockGradient, blockScratchLength, blockTails } from './blockProbability.js';
import type { Block } from './collapseBlocks.js';
import { type DifferencePairs, differencePairs } from './differencePairs.js';
import {
  type CutSetOptions,
  type ImplicantLiteral,
  type RankedSets,
  structureSets,
} from './structureSets.js';

/** Options of {@link StructureFunction.minimalPathSets} and {@link StructureFunction.minimalCutSets}. */
export interface MinimalSetsOptions {
  /**
   * Largest number of sets to list; the sets are counted first and an error is thrown above this.
   *
   * @defaultValue 100 000
   */
  readonly maxSets?: number;
}

/**
 * A compiled structure function: probabilities and importances of one structure tree for any
 * component probabilities, evaluated on its BDD without allocation (methods share scratch buffers,
 * so the object is not re-entrant; JavaScript never runs two calls at once).
 *
 * Arguments `p` and `q` have length `componentCount`: p[i] is the probability that component i
 * works (reliability at a time, or availability), q[i] that it fails. When `q` is omitted it is
 * taken as 1 − p[i]; pass it when failure probabilities are small to keep them exact. The methods
 * trust their inputs beyond the lengths: values outside [0, 1] give meaningless results and NaN
 * gives NaN.
 */
export interface StructureFunction {
  /** Number of components m, as passed to {@link compileStructure}. */
  readonly componentCount: number;
  /**
   * Nodes of the reduced ordered BDD of Φ over the components (in the order described at
   * {@link compileStructure}), the two terminals included. Series, parallel and k-of-n blocks of
   * components used nowhere else are stored as one node each and evaluated in closed form, so
   * this counts the nodes their diagrams would have (n, n and k(n − k + 1)) rather than what is
   * stored, and may exceed `maxNodes`.
   */
  readonly nodeCount: number;
  /**
   * Whether Φ is coherent: monotone non-decreasing in every component (repairing a component
   * never makes the system fail). Always true for a tree without `not`; with `not`, decided
   * exactly on the diagram (every node's low child implies its high child). Minimal cut and path
   * sets and Fussell–Vesely importance exist only for coherent structures; prime implicants
   * describe any.
   */
  readonly coherent: boolean;
  /**
   * Returns P(system works), a probability in [0, 1].
   *
   * @throws {@link ParameterError} when `p` or `q` does not have length `componentCount`.
   */
  probability(p: ArrayLike<number>, q?: ArrayLike<number>): number;
  /**
   * Returns P(system fails), computed on the failure side of the BDD (no 1 − x cancellation),
   * so that a failure probability of 1e-15 keeps its digits when `q` is passed.
   *
   * @throws {@link ParameterError} when `p` or `q` does not have length `componentCount`.
   */
  failureProbability(p: ArrayLike<number>, q?: ArrayLike<number>): number;
  /**
   * Returns the Birnbaum importance I_B(i) = P(sys | i works) − P(sys | i fails) of every
   * component, each in [0, 1] for a coherent structure and in [−1, 1] otherwise (negative where
   * repairing i makes the system likelier to fail); 0 for components absent from the tree. For a
   * coherent structure computed without subtracting probabilities, so an importance of 1e-24
   * beside probabilities near 1 keeps its digits (unless the diagram needs more than 8 difference
   * pairs a node or `maxNodes` pairs); otherwise, and then, by subtraction, exact to a few ε of
   * the probabilities.
   *
   * @throws {@link ParameterError} when `p` or `q` does not have length `componentCount`.
   */
  birnbaum(p: ArrayLike<number>, q?: ArrayLike<number>): Float64Array;
  /**
   * Returns the Fussell–Vesely importance of every component, P(some minimal cut set containing
   * i has failed)/P(system fails), in [0, 1], exactly (no cut-set approximation); 0 for a
   * component in no cut set, NaN when P(system fails) = 0 and for every component of a
   * non-coherent structure (the measure is defined on minimal cut sets). See
   * {@link importanceMeasures} for the formula.
   *
   * @throws {@link ParameterError} when `p` or `q` does not have length `componentCount`.
   * @throws {@link UnsupportedModelError} when the diagrams of the cut sets exceed `maxNodes`.
   */
  fussellVesely(p: ArrayLike<number>, q?: ArrayLike<number>): Float64Array;
  /**
   * Returns the minimal path sets: minimal sets of components whose working makes the system
   * work, each ascending, by size then lexicographically.
   *
   * @throws {@link UnsupportedModelError} when there are more than `maxSets` sets, or the
   * structure is not coherent.
   */
  minimalPathSets(options?: MinimalSetsOptions): number[][];
  /**
   * Returns the minimal cut sets: minimal sets of components whose failure makes the system fail,
   * each ascending, by size then lexicographically.
   *
   * @throws {@link UnsupportedModelError} when there are more than `maxSets` sets, or the
   * structure is not coherent (then see {@link primeImplicants}).
   */
  minimalCutSets(options?: MinimalSetsOptions): number[][];
  /**
   * Returns the minimal cut sets of at most `maxOrder` components and of probability
   * ∏_{i∈C} q_i at least `cutOff`: their exact `count`, and the `maxSets` most probable of them
   * (each ascending), sorted by probability, largest first (ties: smaller first, then
   * lexicographically).
   *
   * @param q - q[i] = P(component i fails), length `componentCount`
   * @param options - order limit, cut-off and number listed ({@link CutSetOptions})
   * @param labels - what lists component i: `labels[i]` (its name, say) instead of i, so a long
   *   list is not made twice; length `componentCount`
   * @throws {@link ParameterError} when `q` (or `labels`) does not have length `componentCount`
   * or an option is out of range.
   * @throws {@link UnsupportedModelError} when the structure is not coherent (it has prime
   * implicants instead) or the set diagrams exceed `maxNodes`.
   */
  cutSets(q: ArrayLike<number>, options?: CutSetOptions): RankedSets<number>;
  cutSets<T>(
    q: ArrayLike<number>,
    options: CutSetOptions | undefined,
    labels: readonly T[],
  ): RankedSets<T>;
  /**
   * Returns the prime implicants of the failure function 1 − Φ (minimal conjunctions of component
   * states that make the system fail; for a coherent structure the minimal cut sets) within
   * `maxOrder` literals and probability at least `cutOff`: their exact `count`, and the
   * `maxSets` most probable, each by component, sorted as {@link cutSets}. A literal
   * `{ component: i, negated: false }` is "i has failed" (probability q_i), `negated: true` "i
   * works" (1 − q_i).
   *
   * @param q - q[i] = P(component i fails), length `componentCount`
   * @param options - order limit, cut-off and number listed ({@link CutSetOptions})
   * @throws {@link ParameterError} when `q` does not have length `componentCount` or an option is
   * out of range.
   * @throws {@link UnsupportedModelError} when the set diagrams exceed `maxNodes`.
   */
  primeImplicants(q: ArrayLike<number>, options?: CutSetOptions): RankedSets<ImplicantLiteral>;
}

// Listing more minimal sets than this is a report nobody reads, and the list costs O(sets · m)
// memory.
const DEFAULT_MAX_SETS = 100_000;
// Difference pairs per diagram node allowed before Birnbaum importance falls back to subtracting
// probabilities (measured: 0.75 to 6 pairs a node on ladders, grids and complete graphs). A pair
// takes about 40 bytes while they are listed, twice a node of the compiling manager.
const PAIRS_PER_NODE = 8;

/**
 * Returns the evaluator of a compiled structure: the BDD over the components and the block
 * variables, and the blocks evaluated in closed form, with scratch buffers shared by its methods.
 *
 * $$
 * P(\Phi = 1) = \text{value}(\text{root}), \quad
 * \text{value}(v) = p_{c(v)}\,\text{value}(\text{high}(v)) + q_{c(v)}\,\text{value}(\text{low}(v)),
 * \qquad I_B(i \in B_b) = I_B(b)\,\frac{\partial P_b}{\partial p_i}
 * $$
 * - c(v): the variable node v tests: a component, or block b (number m + b) with p = P(block b
 *   works) and q = P(block b fails) from {@link blockTails}
 * - I_B(b): the block variable's Birnbaum importance in the diagram, Σ π(v)·P(high(v) ∧ ¬low(v))
 *   over its nodes ({@link differencePairs}); ∂P_b/∂p_i from {@link blockGradient} (the chain
 *   rule: the block is a module)
 *
 * @param bdd - the compacted diagram; variables m + b stand for block b
 * @param m - number of components
 * @param blocks - the collapsed blocks, block b being variable m + b
 * @param maxNodes - node budget of the set diagrams of minimal sets
 * @param coherent - whether Φ is monotone ({@link isMonotone}); decides how Birnbaum importance is
 *   computed and which set answers exist
 * @returns the frozen {@link StructureFunction}
 *
 * @remarks
 * Evaluation is a bottom-up sweep of the nodes in topological order (children first), Birnbaum
 * importance a sweep over the difference pairs and one more sweep down; nothing recurses. The
 * pairs are listed at the first `birnbaum` call; when there would be more than 8 per node (or
 * `maxNodes`), or Φ is not coherent (low ≤ high fails, so P(high) − P(low) is no probability),
 * the differences are taken by subtraction instead, each from the side (works or fails) of
 * smaller probabilities. Cut sets, prime implicants and the unions of Fussell–Vesely come from
 * {@link structureSets}, built at their first call. Cost O(diagram nodes + pairs + m + block work) per call with no
 * allocation except the array `birnbaum` returns.
 *
 * @see R. E. Bryant, "Graph-Based Algorithms for Boolean Function Manipulation", IEEE Transactions
 * on Computers C-35(8) (1986) 677–691, https://doi.org/10.1109/TC.1986.1676819 (paywalled).
 */
export function structureFunction(
  bdd: CompactBdd,
  m: number,
  blocks: readonly Block[],
  maxNodes: number,
  coherent: boolean,
): StructureFunction {
  const size = bdd.level.length;
  const { component, low, high, root } = bdd;
  const variables = m + blocks.length;
  const up = new Float64Array(size); // P(works) below each node
  const down = new Float64Array(size); // P(fails) below each node
  const through = new Float64Array(size); // π(v): probability evaluation passes through v
  const complement = new Float64Array(m); // q = 1 − p when q is not given
  // Probabilities of every variable, blocks included, and the diagram's importances.
  const pAll = new Float64Array(variables);
  const qAll = new Float64Array(variables);
  const importanceAll = new Float64Array(variables);
  const tails = new Float64Array(2);
  const difference = new Float64Array(size); // P(high(v)) − P(low(v)), without subtraction
  let pairs: DifferencePairs | undefined | null = null; // built at the first birnbaum call
  const scratch = new Float64Array(blocks.reduce((n, b) => Math.max(n, blockScratchLength(b)), 0));
  const gradient = new Float64Array(blocks.reduce((n, b) => Math.max(n, b.members.length), 0));
  // The `!` reads below rest on the invariants of a CompactBdd (component, low and high have
  // `size` entries, children below their parent, components below `variables`), on p and q
  // having m entries (checked by `failing`) and on the buffers sized above.

  /** Block b of variable m + b (an internal error for any other variable). */
  const blockOf = (variable: number): Block => {
    const block = blocks[variable - m];
    if (block === undefined) throw new Error(`internal: variable ${variable} is not a block`);
    return block;
  };

  /** Checks lengths and returns q, computing 1 − p into the scratch buffer when absent. */
  const failing = (
    where: string,
    p: ArrayLike<number>,
    q?: ArrayLike<number>,
  ): ArrayLike<number> => {
    if (p.length !== m)
      throw new ParameterError(where, 'p.length', `equal componentCount ${m}`, p.length);
    if (q === undefined) {
      for (let i = 0; i < m; i++) complement[i] = 1 - p[i]!;
      return complement;
    }
    if (q.length !== m)
      throw new ParameterError(where, 'q.length', `equal componentCount ${m}`, q.length);
    return q;
  };

  /** The probabilities of every variable: the components', then each block's in closed form. */
  const variablesOf = (
    p: ArrayLike<number>,
    q: ArrayLike<number>,
  ): [ArrayLike<number>, ArrayLike<number>] => {
    if (blocks.length === 0) return [p, q];
    for (let i = 0; i < m; i++) {
      pAll[i] = p[i]!;
      qAll[i] = q[i]!;
    }
    blocks.forEach((block, b) => {
      blockTails(block, p, q, scratch, tails);
      pAll[m + b] = tails[0]!;
      qAll[m + b] = tails[1]!;
    });
    return [pAll, qAll];
  };

  /**
   * The one evaluation kernel: values at the terminals, then bottom-up Shannon expansion
   * value(v) = p·value(high) + q·value(low). Terminals (0, 1) give P(works); (1, 0) P(fails).
   */
  const evaluate = (
    out: Float64Array,
    p: ArrayLike<number>,
    q: ArrayLike<number>,
    atFalse: number,
    atTrue: number,
  ): number => {
    out[0] = atFalse;
    out[1] = atTrue;
    for (let v = 2; v < size; v++) {
      const c = component[v]!;
      out[v] = p[c]! * out[high[v]!]! + q[c]! * out[low[v]!]!;
    }
    return out[root]!;
  };

  const sets = structureSets(bdd, m, blocks, maxNodes, coherent);
  const listSets = (kind: 'path' | 'cut', options: MinimalSetsOptions): number[][] => {
    const where = kind === 'path' ? 'minimalPathSets' : 'minimalCutSets';
    return sets.minimalSets(
      kind,
      checkInteger(where, 'maxSets', options.maxSets ?? DEFAULT_MAX_SETS, 0),
    );
  };

  // Nodes of the diagram over components only: each node testing block b stands for the block's
  // own diagram, n nodes for series and parallel and k(n − k + 1) for k-of-n (distinct
  // continuations keep the copies distinct and reduced).
  let nodeCount = size;
  for (let v = 2; v < size; v++) {
    const c = component[v]!;
    if (c >= m) {
      const { k, members } = blockOf(c);
      nodeCount += k * (members.length - k + 1) - 1;
    }
  }

  return Object.freeze({
    componentCount: m,
    nodeCount,
    coherent,
    probability: (p: ArrayLike<number>, q?: ArrayLike<number>): number =>
      evaluate(up, ...variablesOf(p, failing('probability', p, q)), 0, 1),
    failureProbability: (p: ArrayLike<number>, q?: ArrayLike<number>): number =>
      evaluate(down, ...variablesOf(p, failing('failureProbability', p, q)), 1, 0),
    birnbaum: (p: ArrayLike<number>, q?: ArrayLike<number>): Float64Array => {
      const qs = failing('birnbaum', p, q);
      const [ps, qv] = variablesOf(p, qs);
      evaluate(up, ps, qv, 0, 1);
      evaluate(down, ps, qv, 1, 0);
      if (pairs === null) {
        pairs = coherent
          ? differencePairs(bdd, Math.min(PAIRS_PER_NODE * size + 1024, maxNodes))
          : undefined;
      }
      if (pairs !== undefined) {
        pairs.evaluate(up, down, ps, qv, difference);
      } else {
        // Too many pairs, or not coherent: subtract, taking the pair of smaller numbers
        // (P(high) − P(low) equals F(low) − F(high)), exact to a few ε of the larger of them.
        for (let v = 2; v < size; v++) {
          const lo = low[v]!;
          const hi = high[v]!;
          difference[v] = up[lo]! <= 0.5 ? up[hi]! - up[lo]! : down[lo]! - down[hi]!;
        }
      }
      importanceAll.fill(0);
      through.fill(0);
      through[root] = 1;
      // Parents have larger ids than children, so a descending sweep is top-down.
      for (let v = root; v >= 2; v--) {
        const c = component[v]!;
        const reach = through[v]!;
        through[high[v]!]! += reach * ps[c]!;
        through[low[v]!]! += reach * qv[c]!;
        importanceAll[c]! += reach * difference[v]!;
      }
      const importance = importanceAll.slice(0, m);
      blocks.forEach((block, b) => {
        blockGradient(block, p, qs, scratch, gradient);
        const outer = importanceAll[m + b]!;
        block.members.forEach((c, j) => (importance[c] = outer * gradient[j]!));
      });
      return importance;
    },
    fussellVesely: (p: ArrayLike<number>, q?: ArrayLike<number>): Float64Array => {
      const qs = failing('fussellVesely', p, q);
      if (!coherent) return new Float64Array(m).fill(NaN);
      const total = evaluate(down, ...variablesOf(p, qs), 1, 0);
      const measure = new Float64Array(m);
      sets.cutSetUnions().evaluate(p, qs, measure);
      for (let i = 0; i < m; i++) measure[i] = total > 0 ? measure[i]! / total : NaN;
      return measure;
    },
    minimalPathSets: (options: MinimalSetsOptions = {}): number[][] => listSets('path', options),
    minimalCutSets: (options: MinimalSetsOptions = {}): number[][] => listSets('cut', options),
    cutSets: <T>(
      q: ArrayLike<number>,
      options: CutSetOptions = {},
      labels?: readonly T[],
    ): RankedSets<T | number> => sets.cutSets(q, options, labels),
    primeImplicants: (
      q: ArrayLike<number>,
      options: CutSetOptions = {},
    ): RankedSets<ImplicantLiteral> => sets.primeImplicants(q, options),
  });
}
