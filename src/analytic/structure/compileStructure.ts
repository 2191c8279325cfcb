import { ParameterError, checkInteger } from '../../errors.js';
import { BddManager, type CompactBdd } from './BddManager.js';
import { buildStructureBdd } from './buildStructureBdd.js';
import { minimalSets } from './minimalSets.js';
import type { StructureNode } from './StructureNode.js';
import { validateStructure } from './validateStructure.js';

// Node budget: three Int32Arrays plus hash chains take about 20 bytes a node, so 5 million nodes
// is about 100 MB, below the default heap of Node and of browsers' workers.
const DEFAULT_MAX_NODES = 5_000_000;
// Listing more sets than this is a report nobody reads, and the list costs O(sets · m) memory.
const DEFAULT_MAX_SETS = 100_000;

/** Options of {@link compileStructure}. */
export interface CompileStructureOptions {
  /**
   * Largest number of BDD nodes created while compiling (intermediate results included) before
   * giving up with an error instead of running out of memory.
   *
   * @defaultValue 5 000 000
   */
  readonly maxNodes?: number;
}

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
  /** Nodes of the reduced ordered BDD, the two terminals included. */
  readonly nodeCount: number;
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
   * component, each in [0, 1]; 0 for components absent from the tree.
   *
   * @throws {@link ParameterError} when `p` or `q` does not have length `componentCount`.
   */
  birnbaum(p: ArrayLike<number>, q?: ArrayLike<number>): Float64Array;
  /**
   * Returns the minimal path sets: minimal sets of components whose working makes the system work.
   *
   * @throws {@link UnsupportedModelError} when there are more than `maxSets` sets.
   */
  minimalPathSets(options?: MinimalSetsOptions): number[][];
  /**
   * Returns the minimal cut sets: minimal sets of components whose failure makes the system fail.
   *
   * @throws {@link UnsupportedModelError} when there are more than `maxSets` sets.
   */
  minimalCutSets(options?: MinimalSetsOptions): number[][];
}

/**
 * Returns the structure function of a tree of independent binary components compiled once to a
 * reduced ordered binary decision diagram, ready to evaluate exactly many times (curves over time).
 *
 * $$
 * \Phi = x_i\,\Phi_{x_i=1} + (1 - x_i)\,\Phi_{x_i=0}, \qquad
 * P(\Phi = 1) = p_i\,P(\Phi_{x_i=1}) + q_i\,P(\Phi_{x_i=0})
 * $$
 * - x_i: state of component i (1 works), the variable tested by a BDD node
 * - p_i, q_i: probabilities that component i works and fails, arrays `p` and `q`
 * - Φ: the structure function of `node` (see {@link StructureNode} for each kind)
 *
 * Birnbaum importance uses the same diagram, one pass up and one pass down:
 * $$
 * I_B(i) = \frac{\partial P(\Phi = 1)}{\partial p_i} = \sum_{v:\ \mathrm{var}(v) = i}
 * \pi(v)\,\big(P(\mathrm{high}(v)) - P(\mathrm{low}(v))\big)
 * $$
 * with π(v) the probability that evaluation passes through node v.
 *
 * @param node - the structure tree over components 0..m−1; a component may appear several times
 * @param componentCount - m, an integer >= 0 (components absent from the tree are irrelevant)
 * @param options - node budget, see {@link CompileStructureOptions}
 * @returns a frozen {@link StructureFunction}
 *
 * @throws {@link ParameterError} when `componentCount` is not an integer >= 0; a component
 * number is not an integer in [0, m − 1]; a koon's `k` is not an integer in [0, children.length];
 * a network has no edges, a source or sink named in no edge, or a sink equal to its source;
 * a node has an unknown kind; `maxNodes` is not an integer >= 2.
 * @throws {@link UnsupportedModelError} when the BDD needs more than `maxNodes` nodes.
 *
 * @remarks
 * Assumes independent components and a coherent (monotone) structure; every StructureNode kind
 * is monotone. Shared components are handled exactly: the BDD tests each variable at most once on
 * any path. The variable order is first appearance in a depth-first walk (network edges breadth-
 * first from the source). Evaluation sums products of non-negative numbers only, so both
 * probabilities have relative error at most about 2·m·ε: measured ≤ 2.2e-16 relative against
 * exact rational references, Birnbaum importances ≤ 2.0e-15. Cost: compiling O(tree size) BDD
 * operations, each O(|f|·|g|) nodes; networks by the frontier method, O(E·S) nodes for S frontier
 * partitions (measured: bridge 10 nodes; 6×6 grid, 60 edges, 4 971 nodes in 70 ms; complete graph
 * K9, 36 edges, 10 329 nodes in 90 ms). Evaluating costs O(nodeCount + m) with no allocation
 * except the array `birnbaum` returns (about 5 ns a node).
 *
 * @see R. E. Bryant, "Graph-Based Algorithms for Boolean Function Manipulation", IEEE Transactions
 * on Computers C-35(8) (1986) 677–691, https://doi.org/10.1109/TC.1986.1676819 (paywalled).
 * @see A. Rauzy, "New algorithms for fault trees analysis", Reliability Engineering & System Safety
 * 40(3) (1993) 203–211, https://doi.org/10.1016/0951-8320(93)90060-C (paywalled).
 * @see Z. W. Birnbaum, "On the importance of different components in a multicomponent system", in
 * P. R. Krishnaiah (ed.), Multivariate Analysis II, Academic Press, 1969, 581–592.
 * @see G. Hardy, C. Lucet and N. Limnios, "K-Terminal Network Reliability Measures With Binary
 * Decision Diagrams", IEEE Transactions on Reliability 56(3) (2007) 506–515,
 * https://doi.org/10.1109/TR.2007.898572 (paywalled) (the frontier method for networks).
 * @see M. Rausand and A. Høyland, System Reliability Theory, 2nd ed., Wiley, 2004, ch. 4 (bridge
 * structure, 2p² + 2p³ − 5p⁴ + 2p⁵ for equal p) (paywalled).
 *
 * @example
 * ```ts
 * const bridge = compileStructure({ kind: 'network', source: 's', sink: 't', edges: [{ from: 's', to: 'a', component: 0 }, { from: 's', to: 'b', component: 1 }, { from: 'a', to: 'b', component: 2 }, { from: 'a', to: 't', component: 3 }, { from: 'b', to: 't', component: 4 }] }, 5);
 * bridge.probability([0.9, 0.9, 0.9, 0.9, 0.9]); // → 0.97848
 * bridge.birnbaum([0.9, 0.9, 0.9, 0.9, 0.9])[2]; // → ~0.0162
 * JSON.stringify(bridge.minimalCutSets()); // → [[0,1],[3,4],[0,2,4],[1,2,3]]
 * const shared = compileStructure({ kind: 'parallel', children: [{ kind: 'series', children: [{ kind: 'component', component: 0 }, { kind: 'component', component: 1 }] }, { kind: 'series', children: [{ kind: 'component', component: 0 }, { kind: 'component', component: 2 }] }] }, 3);
 * shared.probability([0.5, 0.5, 0.5]); // → 0.375
 * shared.failureProbability([1, 1 - 1e-9, 1 - 1e-9], [0, 1e-9, 1e-9]); // → 1e-18
 * ```
 */
export function compileStructure(
  node: StructureNode,
  componentCount: number,
  options: CompileStructureOptions = {},
): StructureFunction {
  const maxNodes = checkInteger(
    'compileStructure',
    'maxNodes',
    options.maxNodes ?? DEFAULT_MAX_NODES,
    2,
  );
  const order = validateStructure(node, componentCount);
  const levelOf = new Int32Array(componentCount).fill(-1);
  order.forEach((component, level) => (levelOf[component] = level));
  const manager = new BddManager(order.length, maxNodes, 'compileStructure');
  const bdd = manager.compact(buildStructureBdd(manager, node, levelOf), order);
  return structureFunction(bdd, componentCount, maxNodes);
}

/** The frozen evaluator of a compiled BDD, with its scratch buffers. */
function structureFunction(bdd: CompactBdd, m: number, maxNodes: number): StructureFunction {
  const size = bdd.level.length;
  const { component, low, high, root } = bdd;
  const up = new Float64Array(size); // P(works) below each node
  const down = new Float64Array(size); // P(fails) below each node
  const through = new Float64Array(size); // π(v): probability evaluation passes through v
  const complement = new Float64Array(m); // q = 1 − p when q is not given

  /** Checks lengths and returns q, computing 1 − p into the scratch buffer when absent. */
  const failing = (
    where: string,
    p: ArrayLike<number>,
    q?: ArrayLike<number>,
  ): ArrayLike<number> => {
    if (p.length !== m)
      throw new ParameterError(where, 'p.length', `equal componentCount ${m}`, p.length);
    if (q === undefined) {
      for (let i = 0; i < m; i++) complement[i] = 1 - p[i];
      return complement;
    }
    if (q.length !== m)
      throw new ParameterError(where, 'q.length', `equal componentCount ${m}`, q.length);
    return q;
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
      const c = component[v];
      out[v] = p[c] * out[high[v]] + q[c] * out[low[v]];
    }
    return out[root];
  };

  return Object.freeze({
    componentCount: m,
    nodeCount: size,
    probability: (p: ArrayLike<number>, q?: ArrayLike<number>): number =>
      evaluate(up, p, failing('probability', p, q), 0, 1),
    failureProbability: (p: ArrayLike<number>, q?: ArrayLike<number>): number =>
      evaluate(down, p, failing('failureProbability', p, q), 1, 0),
    birnbaum: (p: ArrayLike<number>, q?: ArrayLike<number>): Float64Array => {
      const qs = failing('birnbaum', p, q);
      evaluate(up, p, qs, 0, 1);
      evaluate(down, p, qs, 1, 0);
      const importance = new Float64Array(m);
      through.fill(0);
      through[root] = 1;
      // Parents have larger ids than children, so a descending sweep is top-down.
      for (let v = root; v >= 2; v--) {
        const c = component[v];
        const reach = through[v];
        through[high[v]] += reach * p[c];
        through[low[v]] += reach * qs[c];
        // P(high) − P(low) equals F(low) − F(high); take the pair of smaller numbers so that
        // nothing cancels when both sides are close to 1.
        const lo = low[v];
        const hi = high[v];
        const delta = up[lo] <= 0.5 ? up[hi] - up[lo] : down[lo] - down[hi];
        importance[c] += reach * delta;
      }
      return importance;
    },
    minimalPathSets: (options: MinimalSetsOptions = {}): number[][] =>
      listSets(bdd, 'path', options, maxNodes),
    minimalCutSets: (options: MinimalSetsOptions = {}): number[][] =>
      listSets(bdd, 'cut', options, maxNodes),
  });
}

function listSets(
  bdd: CompactBdd,
  kind: 'path' | 'cut',
  options: MinimalSetsOptions,
  maxNodes: number,
): number[][] {
  const where = kind === 'path' ? 'minimalPathSets' : 'minimalCutSets';
  const maxSets = checkInteger(where, 'maxSets', options.maxSets ?? DEFAULT_MAX_SETS, 0);
  return minimalSets(bdd, kind, maxSets, maxNodes, where);
}
