import { ParameterError, UnsupportedModelError } from '../errors.js';
import { BddManager, type CompactBdd } from './BddManager.js';
import type { Block } from './collapseBlocks.js';
import { type CutSetUnions, cutSetUnions } from './cutSetUnions.js';
import { expandFamily } from './expandFamily.js';
import { minimalSetFamily, minimalSets } from './minimalSets.js';
import { primeImplicantFamily } from './primeImplicantFamily.js';
import { type ProbableSets, type SetLimits, probableSets } from './probableSets.js';

/** Options of the minimal sets, cut sets and prime implicants of a compiled structure. */
export interface CutSetOptions {
  /**
   * Largest number of components (literals) a set may have; larger ones are left out of the
   * count and the list (SCRAM's `--limit-order`).
   *
   * @defaultValue Infinity
   */
  readonly maxOrder?: number;
  /**
   * Smallest probability a set may have, in [0, 1]; less probable ones are left out of the count
   * and the list (SCRAM's `--cut-off`).
   *
   * @defaultValue 0
   */
  readonly cutOff?: number;
  /**
   * Largest number of sets listed, the most probable; `count` still counts them all. An integer
   * >= 0 or Infinity.
   *
   * @defaultValue 10 000
   */
  readonly maxSets?: number;
}

/** One literal of a prime implicant: a component and its state. */
export interface ImplicantLiteral {
  /** The component number. */
  readonly component: number;
  /** false: "the component has failed"; true: "the component works". */
  readonly negated: boolean;
}

/** The sets of {@link StructureSets.cutSets} and {@link StructureSets.primeImplicants}. */
export interface RankedSets<T> {
  /** Exact number of sets within `maxOrder` and `cutOff` (a double, so a huge count stays finite). */
  readonly count: number;
  /** At most `maxSets` of them, the most probable first (ties: smaller, then lexicographic). */
  readonly sets: T[][];
}

/** The set-valued answers of a compiled structure, computed on demand and kept. */
export interface StructureSets {
  /** Minimal path or cut sets, by size then lexicographically; throws above `maxSets`. */
  minimalSets(kind: 'path' | 'cut', maxSets: number): number[][];
  /** The minimal cut sets within the limits, by probability; each component as `labels` lists it. */
  cutSets<T>(
    q: ArrayLike<number>,
    options: CutSetOptions,
    labels?: readonly T[],
  ): RankedSets<T | number>;
  /** The prime implicants of the failure function within the limits, by probability. */
  primeImplicants(q: ArrayLike<number>, options: CutSetOptions): RankedSets<ImplicantLiteral>;
  /** The unions "some minimal cut set containing i has failed" (coherent structures only). */
  cutSetUnions(): CutSetUnions;
}

// A list of more sets than this is a report nobody reads; `count` says how many there are.
const DEFAULT_MAX_SETS = 10_000;

/**
 * Returns the minimal sets, ranked cut sets and prime implicants of a compiled structure, each
 * family built at its first use and kept: minimal cut sets by Rauzy's MinSol on the dual diagram
 * (coherent structures), prime implicants by Coudert and Madre's recursion (any structure), both
 * with blocks expanded into components ({@link expandFamily}).
 *
 * $$
 * \mathcal{C} = \operatorname{MinSol}(\Phi^d), \qquad
 * \mathcal{I} = \operatorname{PI}(1 - \Phi) \ (= \mathcal{C}\text{ as failed literals when }
 * \Phi \text{ is coherent})
 * $$
 *
 * @param bdd - the compiled diagram; variables m + b stand for block b
 * @param m - number of components
 * @param blocks - the blocks
 * @param maxNodes - node budget of every set diagram
 * @param coherent - whether Φ is monotone (decides which families exist)
 * @returns the set answers
 *
 * @remarks
 * A family is built for the order limit asked (truncated MinSol or truncated primes, far smaller
 * than the whole family when the limit is low) and kept; a later call with a higher limit builds
 * it again, one with a lower limit reuses it. The limits are applied by {@link probableSets} on
 * the expanded family: the count without a cut-off by a table over the diagram, the list by
 * branch and bound. Cost: the families once, O(diagram nodes · (maxOrder + 1)) for a count, O(m)
 * per set reached for a list. Measured (Node 20, warm) on SCRAM's Baobab1 (61 events, 46 188
 * minimal cut sets): the family about 50 ms, all sets listed and sorted 30 ms, counted up to
 * order 8 (25 892) 1 ms; compile, P(top) and the sorted list together 90 ms (250–400 ms in a
 * fresh process, most of it compiling JavaScript). CEA9601 (non-coherent, 1.2 million diagram
 * nodes): its 924 prime implicants of at most 3 literals in 7 s.
 *
 * @see A. Rauzy, "New algorithms for fault trees analysis", Reliability Engineering & System Safety
 * 40(3) (1993) 203–211, https://doi.org/10.1016/0951-8320(93)90060-C (paywalled).
 * @see O. Coudert and J. C. Madre, "Implicit and incremental computation of primes and essential
 * primes of Boolean functions", Proc. 29th Design Automation Conference (1992) 36–39,
 * https://doi.org/10.1109/DAC.1992.227866 (paywalled).
 */
export function structureSets(
  bdd: CompactBdd,
  m: number,
  blocks: readonly Block[],
  maxNodes: number,
  coherent: boolean,
): StructureSets {
  // The families kept, each with the order it was truncated at (Infinity: whole).
  let cuts: { family: CompactBdd; maxOrder: number } | undefined;
  let implicants: { family: CompactBdd; maxOrder: number } | undefined;
  let unions: CutSetUnions | undefined;

  const requireCoherent = (where: string, what: string): void => {
    if (coherent) return;
    throw new UnsupportedModelError(
      where,
      `the structure is not coherent (through a not node, the failure of some component can make the system work), so it has no ${what}`,
      'list its prime implicants with primeImplicants()',
    );
  };
  /**
   * The minimal cut sets up to the order asked: the family is kept with its order, and one of a
   * higher order (or Infinity) serves every lower one.
   */
  const cutFamily = (where: string, maxOrder: number): CompactBdd => {
    if (cuts === undefined || cuts.maxOrder < maxOrder) {
      // The family's store holds a copy of the diagram and the family: about 3 times the
      // diagram's nodes (SCRAM's Baobab1: 23 163 for 7 363).
      const manager = new BddManager(2 * bdd.order.length, maxNodes, where, 4 * bdd.level.length);
      const root = minimalSetFamily(bdd, 'cut', manager, maxOrder);
      const family = expandFamily(manager, root, bdd.order, m, blocks, maxNodes, where);
      cuts = { family, maxOrder };
    }
    return cuts.family;
  };
  /**
   * The prime implicants of a non-coherent structure up to the order asked: the family is kept
   * with its order, and one of a higher order (or Infinity) serves every lower one.
   */
  const implicantFamily = (maxOrder: number): CompactBdd => {
    const where = 'primeImplicants';
    if (implicants === undefined || implicants.maxOrder < maxOrder) {
      const manager = new BddManager(2 * bdd.order.length, maxNodes, where);
      const root = primeImplicantFamily(bdd, manager, maxOrder, maxNodes, where);
      const family = expandFamily(manager, root, bdd.order, m, blocks, maxNodes, where);
      implicants = { family, maxOrder };
    }
    return implicants.family;
  };
  /** Checks q and the options, then ranks the sets of the family of the order asked. */
  const ranked = <T>(
    where: string,
    familyOf: (maxOrder: number) => CompactBdd,
    q: ArrayLike<number>,
    options: CutSetOptions,
    decode: (literal: number) => T,
  ): ProbableSets<T> => {
    if (q.length !== m) {
      throw new ParameterError(where, 'q.length', `equal componentCount ${m}`, q.length);
    }
    const limits = limitsOf(where, options);
    // Literal 2i is "i failed", 2i + 1 "i works"; `!` reads below m = q.length.
    const weight = new Float64Array(2 * m);
    for (let i = 0; i < m; i++) {
      weight[2 * i] = q[i]!;
      weight[2 * i + 1] = 1 - q[i]!;
    }
    // Each literal's value made once: sets holding a literal share it (an ImplicantLiteral is
    // read-only).
    const decoded = Array.from({ length: 2 * m }, (_, literal) => decode(literal));
    return probableSets(familyOf(limits.maxOrder), weight, limits, decoded);
  };

  return {
    minimalSets(kind, maxSets) {
      const where = kind === 'path' ? 'minimalPathSets' : 'minimalCutSets';
      requireCoherent(where, `minimal ${kind} sets`);
      return minimalSets(bdd, kind, maxSets, maxNodes, where, m, blocks);
    },
    cutSets<T>(q: ArrayLike<number>, options: CutSetOptions, labels?: readonly T[]) {
      requireCoherent('cutSets', 'minimal cut sets');
      if (labels !== undefined && labels.length !== m) {
        throw new ParameterError(
          'cutSets',
          'labels.length',
          `equal componentCount ${m}`,
          labels.length,
        );
      }
      const family = (maxOrder: number): CompactBdd => cutFamily('cutSets', maxOrder);
      // Literals of the family are 2i (i < m, checked above), so labels[literal >> 1] exists.
      const decode =
        labels === undefined
          ? (literal: number): T | number => literal >> 1
          : (literal: number): T | number => labels[literal >> 1]!;
      return ranked('cutSets', family, q, options, decode);
    },
    primeImplicants(q, options) {
      const where = 'primeImplicants';
      const family = (maxOrder: number): CompactBdd =>
        coherent ? cutFamily(where, maxOrder) : implicantFamily(maxOrder);
      return ranked(where, family, q, options, (literal) => ({
        component: literal >> 1,
        negated: (literal & 1) === 1,
      }));
    },
    cutSetUnions() {
      requireCoherent('fussellVesely', 'minimal cut sets');
      unions ??= cutSetUnions(cutFamily('fussellVesely', Infinity), maxNodes, 'fussellVesely');
      return unions;
    },
  };
}

/** The options checked, with their defaults. */
function limitsOf(where: string, options: CutSetOptions): SetLimits {
  const { maxOrder = Infinity, cutOff = 0, maxSets = DEFAULT_MAX_SETS } = options;
  const integerOrInfinity = (name: string, value: number): number => {
    if (value === Infinity || (Number.isSafeInteger(value) && value >= 0)) return value;
    throw new ParameterError(where, name, 'be an integer >= 0 or Infinity', value);
  };
  if (!(cutOff >= 0 && cutOff <= 1)) {
    throw new ParameterError(where, 'cutOff', 'be a probability in [0, 1]', cutOff);
  }
  return {
    maxOrder: integerOrInfinity('maxOrder', maxOrder),
    cutOff,
    maxSets: integerOrInfinity('maxSets', maxSets),
  };
}
