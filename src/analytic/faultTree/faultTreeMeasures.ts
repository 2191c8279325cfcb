import { ParameterError, UnsupportedModelError, checkInteger } from '../../errors.js';
import type { FaultTreeModel, Model } from '../../model/Model.js';
import type { Measures, SetList } from '../../model/Result.js';
import { importanceTable } from '../importanceTable.js';
import { compileStructure } from '../../structure/compileStructure.js';
import { mcubApproximation, rareEventApproximation } from '../../structure/cutSetApproximations.js';
import type { StructureFunction } from '../../structure/structureFunction.js';
import { eventProbabilities } from './eventProbabilities.js';
import { faultTreeStructure } from './faultTreeStructure.js';

/** Options of {@link faultTreeMeasures}. */
export interface FaultTreeOptions {
  /**
   * The time of `topEventProbability`, cut-set probabilities and importance, for events with
   * failure times.
   * @defaultValue the model's mission time
   */
  readonly time?: number;
  /** Compute `topEventProbability` from the minimal cut sets instead of exactly. */
  readonly approximation?: 'rare-event' | 'mcub';
  /** Leave out cut sets (prime implicants) of more events than this (SCRAM's --limit-order). */
  readonly limitOrder?: number;
  /** Leave out cut sets less probable than this (SCRAM's --cut-off). */
  readonly cutOff?: number;
  /**
   * Most cut sets listed, the most probable; `count` stays exact.
   * @defaultValue 1000
   */
  readonly maxCutSets?: number;
  /** Most BDD nodes (see compileStructure). */
  readonly maxNodes?: number;
  /**
   * Compute the importance factors of every basic event. Their exact Fussell–Vesely factors
   * cost a diagram per event, often more than everything else together (Baobab1: about 60 % of
   * the run), so a caller that needs only P(top) and the cut sets can leave them out.
   * @defaultValue true
   */
  readonly importance?: boolean;
}

/** The fault-tree measures of a model and the warnings that go with them. */
export interface FaultTreeResult {
  readonly measures: Measures;
  readonly warnings: readonly string[];
  /** P(top) at time t with exact event probabilities, or undefined where they have no closed form. */
  probabilityAt(t: number): number | undefined;
}

const DEFAULT_MAX_CUT_SETS = 1000;
// Above this many diagram nodes, a non-coherent tree's prime implicants are only listed up to an
// order the caller gives: their family grows far beyond the function's (SCRAM's CEA9601: 1.2
// million nodes, and its prime implicants need more than 5 million, 10 s, before failing).
const PRIME_IMPLICANT_NODES = 200_000;

/**
 * Returns the fault-tree measures of a model: the exact top-event probability by BDD (or a
 * cut-set approximation on request), the minimal cut sets (prime implicants for a non-coherent
 * tree) sorted by probability, and six importance factors of every basic event.
 *
 * $$
 * Q = P(\text{top}) = 1 - \Phi(p), \qquad
 * Q_{\text{rare}} = \sum_{C} \prod_{i \in C} q_i, \qquad
 * Q_{\text{MCUB}} = 1 - \prod_{C} \Big(1 - \prod_{i \in C} q_i\Big)
 * $$
 * - Φ: the tree's success logic ({@link faultTreeStructure}) compiled to a BDD; q_i the events'
 *   probabilities at the time ({@link eventProbabilities}); C ranges over the minimal cut sets
 *   within the order limit and cut-off
 *
 * @param model - a fault-tree model (`model.faultTree`)
 * @param options - time, approximation, cut-set limits
 * @returns the measures `topEventProbability`, `minimalCutSets` or `primeImplicants`, and
 *   `importance`, with warnings for what is left out and why
 * @throws {@link ParameterError} for options out of range
 * @throws {@link UnsupportedModelError} when the BDD exceeds `maxNodes`
 *
 * @see A. Rauzy, "New algorithms for fault trees analysis", Reliability Engineering & System
 * Safety 40(3) (1993) 203–211 (paywalled); W. E. Vesely et al., Fault Tree Handbook,
 * NUREG-0492, U.S. NRC, 1981, ch. XI (cut-set approximations), https://www.nrc.gov/docs/ML1007/ML100780465.pdf.
 */
export function faultTreeMeasures(model: Model, options: FaultTreeOptions = {}): FaultTreeResult {
  const tree = model.faultTree;
  if (!tree) throw new ParameterError('faultTreeMeasures', 'model', 'be a fault tree', model.name);
  const limits = checkOptions(options);
  const warnings: string[] = [];
  const structure = compileStructure(
    faultTreeStructure(tree.root),
    tree.events.length,
    options.maxNodes === undefined ? {} : { maxNodes: options.maxNodes },
  );
  const time = options.time ?? model.missionTime;
  const probabilityAt = (t: number): number | undefined => {
    const at = eventProbabilities(model, t);
    return 'reason' in at ? undefined : structure.failureProbability(at.p, at.q);
  };
  const probabilities = eventProbabilities(model, time);
  if ('reason' in probabilities && structure.nodeCount === 2) {
    // The diagram is a terminal: a top of house events only occurs always or never, whatever
    // the events' probabilities; their importance needs those probabilities.
    warnings.push(`importance is left out: ${probabilities.reason}`);
    const half = new Float64Array(tree.events.length).fill(0.5);
    return {
      measures: {
        topEventProbability: structure.failureProbability(half, half),
        ...setsOf(structure, tree, half, limits, warnings),
      },
      warnings,
      probabilityAt,
    };
  }
  if ('reason' in probabilities) {
    warnings.push(
      `topEventProbability, the cut sets' probabilities and importance are left out: ${probabilities.reason}${time === undefined ? '; give mission_time (or --horizon)' : model.system ? '; relkit simulate estimates the measures over time' : ''}`,
    );
    // Without probabilities the sets are listed by size (every event equally likely).
    const half = new Float64Array(tree.events.length).fill(0.5);
    return { measures: setsOf(structure, tree, half, limits, warnings), warnings, probabilityAt };
  }
  const { p, q } = probabilities;
  const sets = setsOf(structure, tree, q, limits, warnings);
  let topEventProbability = structure.failureProbability(p, q);
  if (options.approximation !== undefined) {
    if (!structure.coherent) {
      warnings.push(
        `the ${options.approximation} approximation needs minimal cut sets, which a non-coherent tree has not; topEventProbability is exact`,
      );
    } else {
      const all = structure.cutSets(q, { ...limits, maxSets: Infinity }).sets;
      topEventProbability =
        options.approximation === 'rare-event'
          ? rareEventApproximation(all, q)
          : mcubApproximation(all, q);
    }
  }
  const approximate = options.approximation !== undefined && structure.coherent;
  return {
    measures: {
      topEventProbability,
      ...(approximate && { approximation: options.approximation }),
      ...sets,
      ...(options.importance !== false && {
        importance: importanceTable(
          structure,
          tree.events.map((event) => event.name),
          p,
          q,
        ),
      }),
    },
    warnings,
    probabilityAt,
  };
}

interface SetLimits {
  readonly maxOrder?: number;
  readonly cutOff?: number;
  readonly maxSets: number;
}

function checkOptions(options: FaultTreeOptions): SetLimits {
  const where = 'faultTreeMeasures';
  const maxSets = checkInteger(where, 'maxCutSets', options.maxCutSets ?? DEFAULT_MAX_CUT_SETS, 0);
  if (options.cutOff !== undefined && !(options.cutOff >= 0 && options.cutOff <= 1)) {
    throw new ParameterError(where, 'cutOff', 'be a probability in [0, 1]', options.cutOff);
  }
  if (options.time !== undefined && !(options.time >= 0 && Number.isFinite(options.time))) {
    throw new ParameterError(where, 'time', 'be finite and >= 0', options.time);
  }
  return {
    maxSets,
    ...(options.limitOrder !== undefined && {
      maxOrder: checkInteger(where, 'limitOrder', options.limitOrder, 1),
    }),
    ...(options.cutOff !== undefined && { cutOff: options.cutOff }),
  };
}

/** Minimal cut sets of a coherent tree, else prime implicants, named. */
function setsOf(
  structure: StructureFunction,
  tree: FaultTreeModel,
  q: ArrayLike<number>,
  limits: SetLimits,
  warnings: string[],
): Measures {
  try {
    return namedSets(structure, tree, q, limits, warnings);
  } catch (error) {
    // The sets' own diagrams can outgrow the node budget where the function's does not (the
    // prime implicants of a large non-coherent tree): the probability and importance stand.
    if (!(error instanceof UnsupportedModelError)) throw error;
    const what = structure.coherent ? 'minimalCutSets' : 'primeImplicants';
    const order = limits.maxOrder === undefined ? '' : ` (order ${limits.maxOrder})`;
    warnings.push(
      `${what} are left out: ${error.reason}${order}; --limit-order N (limitOrder) lists the sets of at most N events, --max-nodes raises the budget`,
    );
    return {};
  }
}

/** {@link setsOf} when the sets' diagrams fit the budget. */
function namedSets(
  structure: StructureFunction,
  tree: FaultTreeModel,
  q: ArrayLike<number>,
  limits: SetLimits,
  warnings: string[],
): Measures {
  const name = (i: number): string => tree.events[i]!.name; // indices of the tree's events
  if (
    !structure.coherent &&
    limits.maxOrder === undefined &&
    structure.nodeCount > PRIME_IMPLICANT_NODES
  ) {
    warnings.push(
      `primeImplicants are left out: the tree's diagram has ${structure.nodeCount} nodes, and the prime implicants of a non-coherent tree that large outgrow memory; --limit-order N (limitOrder) lists those of at most N literals`,
    );
    return {};
  }
  if (structure.coherent) {
    const names = tree.events.map((event) => event.name);
    const { count, sets } = structure.cutSets(q, limits, names);
    if (sets.length < count) {
      warnings.push(`minimalCutSets lists the ${sets.length} most probable of ${count} sets`);
    }
    return { minimalCutSets: { count, sets } };
  }
  const { count, sets } = structure.primeImplicants(q, limits);
  if (sets.length < count) {
    warnings.push(`primeImplicants lists the ${sets.length} most probable of ${count}`);
  }
  const primeImplicants: SetList = {
    count,
    sets: sets.map((set) =>
      set.map((literal) =>
        literal.negated ? `not ${name(literal.component)}` : name(literal.component),
      ),
    ),
  };
  return { primeImplicants };
}
