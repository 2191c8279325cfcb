import { ParameterError } from '../errors.js';
import { compileStructure } from './compileStructure.js';
import { fussellVeselyOf, type ImportanceMeasures } from './importanceMeasures.js';
import type { StructureNode } from './StructureNode.js';
import { substituteComponents } from './substituteComponents.js';

/** Options of {@link groupImportance}. */
export interface GroupImportanceOptions {
  /** BDD node budget of the augmented structure and of its cut-set diagrams (compileStructure's). */
  readonly maxNodes?: number;
}

// As in importanceMeasures: a conditional probability obtained by a subtraction that loses more
// than 6 bits (below Q/64) is recomputed on the diagram with the group conditioned.
const CANCELLATION = 1 / 64;

/**
 * Returns the importance measures of groups of components (the units of one block-model
 * component, a set of basic events) exactly, with Q = P(system fails), q_i = P(component i fails)
 * and Q(G = 1), Q(G = 0) the probability that the system fails when every component of G has
 * failed, works.
 *
 * $$
 * \begin{aligned}
 * I_B(G) &= Q(G{=}1) - Q(G{=}0), &
 * \mathrm{CIF}(G) &= \frac{Q - Q(G{=}0)}{Q}, &
 * \mathrm{DIF}(G) &= P\Big(\bigcup_{i \in G} \{i \text{ failed}\} \,\Big|\, \text{system failed}\Big), \\
 * \mathrm{FV}(G) &= \frac{P\big(\bigcup_{C \cap G \neq \emptyset} E_C\big)}{Q}, &
 * \mathrm{RAW}(G) &= \frac{Q(G{=}1)}{Q}, &
 * \mathrm{RRW}(G) &= \frac{Q}{Q(G{=}0)}
 * \end{aligned}
 * $$
 * - E_C: every component of the minimal cut set C has failed; C ranges over the minimal cut sets
 *   holding at least one component of G
 * - DIF(G) = (Q − P(no component of G failed)·Q(G = 0))/Q (Bayes)
 *
 * Each reduces to the measure of one component ({@link importanceMeasures}) when G = {i}: Q is
 * linear in q_i, so Q − Q(q_i = 0) = q_i·I_B(i). I_B(G) is the probability that the group is
 * critical in the sense "all failed fails the system, all working does not"; it lies in [0, 1]
 * for a coherent structure, unlike a sum of the members' I_B(i), which can exceed 1. The other
 * five are those of a "group of basic events" (a component group) in PSA codes.
 *
 * @param node - the structure tree over components 0..componentCount − 1
 * @param componentCount - m, the number of components
 * @param groups - each group's components (non-empty, distinct, each in [0, m)); groups may
 *   overlap
 * @param p - p[i] = P(component i works), length m
 * @param q - q[i] = P(component i fails); 1 − p[i] when omitted
 * @param options - the BDD node budget
 * @returns one Float64Array per measure, indexed by group, with the conventions of
 *   {@link importanceMeasures}: when Q = 0, CIF, DIF, FV and RRW are NaN and RAW is Infinity
 *   where Q(G = 1) > 0 (NaN elsewhere); RRW is Infinity when Q(G = 0) = 0; FV is NaN for a
 *   non-coherent structure and when the cut-set diagrams exceed the node budget.
 * @throws {@link ParameterError} when a length, a group or a component number is invalid.
 * @throws {@link UnsupportedModelError} when the augmented structure exceeds the node budget, or a
 *   `network` holding a grouped component has more than 10 000 minimal path sets.
 *
 * @remarks
 * Method: each component i of some group becomes, in a copy of the tree, the component whose
 * failure is (x_i ∧ ⋀_{G ∋ i} z_G) ∨ ⋁_{G ∋ i} w_G, with two new variables per group, and the copy
 * is evaluated at q(z_G) = 1 and q(w_G) = 0, where it is the original structure (Q' = Q). Q' is
 * multilinear in z_G and w_G, so their Birnbaum importances in the copy are Q − Q(G = 0) and
 * Q(G = 1) − Q, both computed on the diagram without subtraction for a coherent structure; the
 * minimal cut sets of the copy are those of the original with z_G added to each that meets G
 * (and sets holding a w_G, of probability 0), so the Fussell–Vesely importance of z_G in the copy
 * is FV(G): the same exact cut-set-union method as the one-component measure. I_B(G) is the sum
 * of the two differences, DIF(G)·Q = (Q − Q(G = 0)) + P(some of G failed)·Q(G = 0), sums of
 * non-negative terms; a conditional below Q/64 reached by a subtraction (non-coherent trees) is
 * recomputed with z_G or w_G fixed. A `network` node holding a grouped component is rewritten as
 * the union of its minimal path sets first. Cost: one compilation of a structure with 2·|groups|
 * more variables, then as {@link importanceMeasures}.
 *
 * @see M. Rausand and A. Høyland, System Reliability Theory: Models, Statistical Methods, and
 * Applications, 2nd ed., Wiley, 2004, ch. 5 (importance measures) (paywalled).
 * @see W. E. Vesely, T. C. Davis, R. S. Denning and N. Saltos, Measures of Risk Importance and
 * Their Applications, NUREG/CR-3385, U.S. Nuclear Regulatory Commission, 1983 (risk achievement
 * and reduction worth of a group of events).
 * @see Z. W. Birnbaum, "On the importance of different components in a multicomponent system",
 * in P. R. Krishnaiah (ed.), Multivariate Analysis II, Academic Press, 1969, 581–592.
 *
 * @example
 * ```ts
 * const c = (component) => ({ kind: 'component', component });
 * const pair = { kind: 'parallel', children: [c(0), c(1)] };
 * const g = groupImportance(pair, 2, [[0, 1]], [0.9, 0.9]);
 * g.birnbaum[0]; // → 1
 * g.raw[0]; // → ~100
 * g.rrw[0]; // → Infinity
 * const twoOfThree = { kind: 'koon', k: 2, children: [c(0), c(1), c(2)] };
 * const h = groupImportance(twoOfThree, 3, [[0, 1]], [0.9, 0.9, 0.9]);
 * h.birnbaum[0]; // → ~1
 * h.fussellVesely[0]; // → 1
 * ```
 */
export function groupImportance(
  node: StructureNode,
  componentCount: number,
  groups: readonly (readonly number[])[],
  p: ArrayLike<number>,
  q?: ArrayLike<number>,
  options: GroupImportanceOptions = {},
): ImportanceMeasures {
  const where = 'groupImportance';
  const m = componentCount;
  if (p.length !== m)
    throw new ParameterError(where, 'p.length', `equal componentCount ${m}`, p.length);
  if (q !== undefined && q.length !== m) {
    throw new ParameterError(where, 'q.length', `equal componentCount ${m}`, q.length);
  }
  checkGroups(groups, m);
  const g = groups.length;
  const copy = augmented(node, m, groups, options.maxNodes);
  const structure = compileStructure(copy, m + 2 * g, {
    ...(options.maxNodes !== undefined && { maxNodes: options.maxNodes }),
  });
  // z_G = m + 2G surely failed, w_G = m + 2G + 1 surely working: the copy is the original.
  const ps = new Float64Array(m + 2 * g);
  const qs = new Float64Array(m + 2 * g);
  for (let i = 0; i < m; i++) {
    ps[i] = p[i]!; // i < m = p.length
    qs[i] = q === undefined ? 1 - p[i]! : q[i]!;
  }
  for (let k = 0; k < g; k++) {
    qs[m + 2 * k] = 1;
    ps[m + 2 * k + 1] = 1;
  }
  const total = structure.failureProbability(ps, qs);
  const differences = structure.birnbaum(ps, qs);
  const unions = fussellVeselyOf(structure, ps, qs);
  /** Q with variable v set working (`works`) or failed. */
  const conditioned = (v: number, works: boolean): number => {
    const [pv, qv] = [ps[v]!, qs[v]!];
    ps[v] = works ? 1 : 0;
    qs[v] = works ? 0 : 1;
    const value = structure.failureProbability(ps, qs);
    ps[v] = pv;
    qs[v] = qv;
    return value;
  };
  const result: ImportanceMeasures = {
    birnbaum: new Float64Array(g),
    criticality: new Float64Array(g),
    diagnostic: new Float64Array(g),
    fussellVesely: new Float64Array(g),
    raw: new Float64Array(g),
    rrw: new Float64Array(g),
  };
  groups.forEach((members, k) => {
    const z = m + 2 * k;
    const w = z + 1;
    const removed = differences[z]!; // Q − Q(G = 0)
    const added = differences[w]!; // Q(G = 1) − Q
    let perfect = total - removed; // Q(G = 0)
    let failed = total + added; // Q(G = 1)
    if (perfect < CANCELLATION * total) perfect = conditioned(z, true);
    if (failed < CANCELLATION * total) failed = conditioned(w, false);
    result.birnbaum[k] = added >= 0 && removed >= 0 ? added + removed : failed - perfect;
    result.fussellVesely[k] = unions[z]!;
    if (total > 0) {
      result.criticality[k] = removed / total;
      result.diagnostic[k] = (removed + someFailed(members, ps, qs) * perfect) / total;
      result.raw[k] = failed / total;
      result.rrw[k] = perfect > 0 ? total / perfect : Infinity;
    } else {
      result.criticality[k] = NaN;
      result.diagnostic[k] = NaN;
      result.raw[k] = failed > 0 ? Infinity : NaN;
      result.rrw[k] = NaN;
    }
  });
  return result;
}

/** Throws unless every group is a non-empty list of distinct component numbers in [0, m). */
function checkGroups(groups: readonly (readonly number[])[], m: number): void {
  groups.forEach((members, k) => {
    if (members.length === 0) {
      throw new ParameterError('groupImportance', `groups[${k}]`, 'be non-empty', '[]');
    }
    const seen = new Set<number>();
    for (const i of members) {
      if (!Number.isInteger(i) || i < 0 || i >= m || seen.has(i)) {
        throw new ParameterError(
          'groupImportance',
          `groups[${k}]`,
          `hold distinct integers in [0, ${m - 1}]`,
          i,
        );
      }
      seen.add(i);
    }
  });
}

/**
 * P(at least one member failed) = q_1 + p_1·q_2 + p_1·p_2·q_3 + …, a sum of non-negative terms
 * (1 − ∏ p_i would cancel when every q_i is small).
 */
function someFailed(members: readonly number[], p: Float64Array, q: Float64Array): number {
  let sum = 0;
  let allWork = 1;
  for (const i of members) {
    sum += allWork * q[i]!; // members checked in [0, m)
    allWork *= p[i]!;
  }
  return sum;
}

/**
 * Returns the tree with each grouped component i replaced by the component failing on
 * (x_i ∧ ⋀ z_G) ∨ ⋁ w_G over its groups G (in terms of working states: a series of the w_G and
 * of a parallel of x_i and the z_G), z_G = m + 2G and w_G = m + 2G + 1; a network holding a
 * grouped component becomes the parallel of its minimal path sets first.
 */
function augmented(
  node: StructureNode,
  m: number,
  groups: readonly (readonly number[])[],
  maxNodes: number | undefined,
): StructureNode {
  const leaf = (component: number): StructureNode => ({ kind: 'component', component });
  const extra: number[][] = Array.from({ length: m }, () => []);
  groups.forEach((members, k) => members.forEach((i) => extra[i]!.push(k)));
  const replaced = extra.map((ks, i): StructureNode => {
    if (ks.length === 0) return leaf(i);
    return {
      kind: 'series',
      children: [
        { kind: 'parallel', children: [leaf(i), ...ks.map((k) => leaf(m + 2 * k))] },
        ...ks.map((k) => leaf(m + 2 * k + 1)),
      ],
    };
  });
  return substituteComponents(node, m, (i) => replaced[i]!, maxNodes); // i < m
}
