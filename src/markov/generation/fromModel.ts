import { evaluateStructure } from '../../structure/evaluateStructure.js';
import { whyNoBlockForm } from '../../model/buildFaultTree.js';
import { refuseUnsupportedUpkeep } from '../../model/upkeepSupport.js';
import { UnsupportedModelError, checkInteger } from '../../errors.js';
import type { ChainModel, Model } from '../../model/Model.js';
import { buildCtmc } from './buildCtmc.js';
import type { Ctmc } from './Ctmc.js';
import { chainLayout } from './fromModelLayout.js';
import { emitTransitions, readVariables, testEnd, testStart } from './fromModelState.js';
import { markCtmcChecked } from './checkCtmc.js';
import { hasCosts, repairStartCost, stateCostRate, testEndCost } from './fromModelCosts.js';
import { StateIndex } from './StateIndex.js';

// 5 million states: the state index (4·width + 12 bytes a state) and ~100 bytes of transitions
// a state keep a chain near 1 GB at the limit.
const DEFAULT_MAX_STATES = 5_000_000;

/** Options of {@link chainFromModel}. */
export interface ChainFromModelOptions {
  /**
   * Most states the chain may have; the size is estimated before building and the model is
   * refused above it.
   * @defaultValue 5 000 000
   */
  readonly maxStates?: number;
}

/**
 * The proof tests of one component, as maps of the chain's states applied at its test epochs
 * first, first + interval, … (docs/semantics.md, "Hidden failures and proof tests").
 */
export interface ProofTestMaps {
  /** The component's name. */
  readonly name: string;
  readonly first: number;
  readonly interval: number;
  /** Time a test takes; the end map applies `duration` after the start map. */
  readonly duration: number;
  /** State each state goes to when a test begins (tests that take time only). */
  readonly start?: Int32Array;
  /** State each state goes to when a test ends (at its epoch when it takes no time). */
  readonly end: Int32Array;
  /** Corrective cost of the repairs the end starts, per state before it (with costs). */
  readonly endCost?: Float64Array;
  /** Cost of one test of all the component's units. */
  readonly testCost: number;
}

/** What the chain needs besides its generator for proof tests and costs. */
export interface ChainUpkeep {
  /** One entry per component with proof tests, in file order. */
  readonly tests: readonly ProofTestMaps[];
  /**
   * With costs: the cost per time unit in each state, the expected corrective cost of the
   * repairs its transitions start included (Σ_j q_ij·c_ij).
   */
  readonly costRate?: Float64Array;
  /** With costs that the chain cannot give (a permanent outage is reachable): why. */
  readonly costGap?: string;
}

/** A model's CTMC, with what the generator noticed. */
export interface ChainFromModelResult {
  /** The chain, its up states those of the model's `system` (the first of several). */
  readonly ctmc: Ctmc;
  /**
   * For a model with several system functions (`systems`): the chain of each, in the model's
   * order, `ctmc` with that system's up states (the other arrays shared).
   */
  readonly systems?: readonly { readonly name: string; readonly ctmc: Ctmc }[];
  /** Proof tests and costs, when the model has either. */
  readonly upkeep?: ChainUpkeep;
  /** The upper estimate of the state count made before building (the state count itself for a hand-written chain). */
  readonly estimatedStates: number;
  /** Advisory conditions, such as overlapping recoveries merged. */
  readonly warnings: readonly string[];
}

/**
 * Returns the continuous-time Markov chain of a model whose times are all exponential
 * (semantics.md), or the model's hand-written chain.
 *
 * $$
 * Q_{xy} = \sum_{e:\ x \xrightarrow{e} y} r_e\,p_e,\qquad
 * \mathrm{up}(x) = \Phi\big(\xi(x)\big)\,[\text{no outage in } x]
 * $$
 *
 * - x, y: states (per group of exchangeable units, the count in each failed state; the active
 *   unit of each standby block and whether it is being switched in; pending recoveries per
 *   component; the repair queue in serving order); r_e: the rate of event e (failure,
 *   detection, repair, recovery, switch-over) and p_e the probability of its branch (coverage,
 *   switch success)
 * - Φ: the structure function, ξ(x): a representative 0/1 state of the units and blocks
 *
 * A model with several system functions (`systems`) has one chain: the plant's states and
 * transitions do not depend on the system (buildSystems refuses what would make them:
 * idle_while_down, standby blocks), only the up states do, Φ_k for system k; units are lumped
 * only where every Φ_k is symmetric in them.
 *
 * @param model - a loaded model with exponential failure, repair, detection, recovery and
 *   switch-delay times, or with a `markov:` chain
 * @param options - the state limit
 * @returns the chain (states explored breadth-first from all units new), its size estimate,
 *   warnings, the proof-test maps and cost rates when the model has them, and each system's
 *   chain when it has several
 * @throws {@link UnsupportedModelError} naming the component and time that is not exponential,
 *   when the estimated state count exceeds `maxStates`, or when the chain outgrows the memory
 *   available while it is built
 * @throws {@link ParameterError} when `maxStates` is not an integer >= 1
 *
 * @remarks
 * Units of a component that are all children of one series, parallel or k-out-of-n node are
 * exchangeable and lumped: 50 such disks with one crew give 51 states, not 2^50. Other units
 * (standby blocks, networks, shared positions) are tracked one by one. The repair queue is
 * kept in arrival order within each priority rank (an empty `priority` is one rank: first
 * failed, first served), so finite crews are exact. Uncovered failures of a component with
 * `recovery` are counted per component up to its unit count; a further overlapping one is
 * merged into those in progress, and a warning says so. A non-repairable unit's uncovered
 * failure leads to one absorbing down state. A component with proof tests adds, per group, its
 * hidden failures (revealable or not) and, when its tests take time, an "under test" flag and the
 * count of units back from repair during the test; the tests themselves are not transitions but
 * maps of the states (`upkeep.tests`), applied at their epochs by the piecewise solver, and their
 * images are explored with the rest. With costs, `upkeep.costRate` holds each state's cost per
 * time unit, the corrective cost of the repairs its transitions start included. Cost:
 * O(states · events · width) time; memory
 * about 4·width + 12 bytes a state (StateIndex) plus 16 bytes a transition.
 *
 * @see K. S. Trivedi, Probability and Statistics with Reliability, Queuing, and Computer
 * Science Applications, 2nd ed., Wiley, 2002, ch. 8 and 9 (Markov availability and coverage
 * models) (paywalled); J. B. Dugan, K. S. Trivedi, "Coverage modeling for dependability
 * analysis of fault-tolerant systems", IEEE Trans. Computers 38(6), 1989,
 * https://doi.org/10.1109/12.24286 (paywalled).
 *
 * @example
 * ```ts
 * const raid = loadModel('name: r\ncomponents:\n  disk: { count: 50, failure: { rate: 1e-5 }, repair: { mttr: 24 } }\nmaintenance: { crews: 1 }\nsystem: { koon: { k: 48, of: disk } }');
 * chainFromModel(raid).ctmc.stateCount; // → 51
 * ```
 */
export function chainFromModel(
  model: Model,
  options: ChainFromModelOptions = {},
): ChainFromModelResult {
  const maxStates = checkInteger('markov', 'maxStates', options.maxStates ?? DEFAULT_MAX_STATES, 1);
  if (!model.system) {
    if (model.faultTree) {
      throw new UnsupportedModelError(
        'markov',
        `the fault tree has no block form: ${whyNoBlockForm(model.faultTree)}`,
        'relkit analyze gives its top-event probability, cut sets and importance',
      );
    }
    if (!model.chain) {
      throw new UnsupportedModelError('markov', 'the model has no system and no chain', 'add one');
    }
    return { ...chainFromChainModel(model.chain), warnings: [] };
  }
  refuseUnsupportedUpkeep(model, 'markov', ['inspection'], 'use relkit simulate');
  if (model.maintenance.idleWhileDown && model.components.some((c) => c.inspection)) {
    throw new UnsupportedModelError(
      'markov',
      'maintenance.idle_while_down with proof tests is not solved by the Markov engine yet',
      'use relkit simulate',
    );
  }
  const functions = model.systems ?? [{ name: 'system', node: model.system }];
  const layout = chainLayout(
    model,
    functions.map((entry) => entry.node),
  );
  if (layout.estimatedStates > maxStates) {
    throw new UnsupportedModelError(
      'markov',
      `the chain would have about ${formatCount(layout.estimatedStates, 1)} states`,
      `the limit is ${formatCount(maxStates)} (--max-states raises it)`,
    );
  }
  // Φ by the Boolean evaluator, not the BDD the analytic solver uses, so that the two engines
  // agreeing also checks the structure function.
  const [structure, ...others] = layout.structures.map((node) =>
    evaluateStructure(node, layout.variableCount),
  );
  if (structure === undefined) throw new Error('internal: a chain layout without a structure');
  const x = new Uint8Array(layout.variableCount);

  // States are explored breadth-first; each is a vector of `width` small integers, numbered
  // by a StateIndex in the order first reached.
  const width = layout.width;
  const states = new StateIndex(width);
  const from = new GrowingInt32();
  const to = new GrowingInt32();
  const rates = new GrowingFloat64();
  const stateOf = (vector: Int32Array): number => {
    const known = states.find(vector);
    if (known >= 0) return known;
    if (states.size >= maxStates) {
      throw new UnsupportedModelError(
        'markov',
        `the chain has more than ${formatCount(maxStates)} states`,
        `the limit is ${formatCount(maxStates)} (--max-states raises it)`,
      );
    }
    return states.add(vector);
  };
  const initial = new Int32Array(width);
  layout.blocks.forEach((block) => (initial[block.offset] = 1));
  stateOf(initial);
  const upFlags: number[] = [];
  const otherUpFlags = others.map((): number[] => []);
  let capped = false;
  const inspected = layout.rates.flatMap((rate, c) => (rate.inspection ? [c] : []));
  const costs = hasCosts(layout);
  // Per state in order: the image of each test map, the end's repair cost, the cost rate.
  const starts = inspected.map(() => new GrowingInt32());
  const ends = inspected.map(() => new GrowingInt32());
  const endCosts = inspected.map(() => new GrowingFloat64());
  const costRate = new GrowingFloat64();
  let dead = false;
  try {
    for (let current = 0; current < states.size; current++) {
      const s = new Int32Array(width);
      states.read(current, s);
      const working = readVariables(layout, x, s);
      const up = working && structure.up(x) ? 1 : 0;
      upFlags.push(up);
      others.forEach((other, k) => otherUpFlags[k]!.push(working && other.up(x) ? 1 : 0)); // `!`: one list per other system
      let cost = costs ? stateCostRate(layout, s) : 0;
      inspected.forEach((c, i) => {
        const slot = layout.testSlot[c]!; // `!`: one slot per component (chainLayout)
        const testing = slot >= 0 && s[slot] === 1;
        starts[i]!.push(slot >= 0 && !testing ? stateOf(testStart(layout, s, c)) : current);
        const next = slot < 0 || testing ? testEnd(layout, s, c) : s;
        ends[i]!.push(next === s ? current : stateOf(next));
        endCosts[i]!.push(costs && next !== s ? testEndCost(layout, s, next) : 0);
      });
      if (s[0] === 1) {
        // the permanent outage is absorbing
        dead = true;
        costRate.push(0);
        continue;
      }
      const emit = (next: Int32Array, rate: number, completed?: number): void => {
        const target = stateOf(next);
        if (target === current || !(rate > 0)) return;
        from.push(current);
        to.push(target);
        rates.push(rate);
        if (costs) cost += rate * repairStartCost(layout, s, next, completed);
      };
      if (emitTransitions(layout, s, up, emit)) capped = true;
      costRate.push(cost);
    }
  } catch (error) {
    // A typed array that cannot grow any more (over 2^32 entries, or no memory left).
    if (!(error instanceof RangeError)) throw error;
    throw new UnsupportedModelError(
      'markov',
      `the chain outgrew the memory available at ${formatCount(states.size, 2)} states and ${formatCount(from.view().length, 2)} transitions (${error.message})`,
      'lower --max-states to be told before building, or use relkit simulate',
    );
  }
  const ctmc = buildCtmc(
    states.size,
    { from: from.view(), to: to.view(), rate: rates.view() },
    upFlags,
    0,
  );
  const warnings: string[] = [];
  if (capped) {
    warnings.push(
      'markov: an uncovered failure can start while every unit of its component already has a recovery in progress; the chain merges it with those (overlapping recoveries are capped at the unit count)',
    );
  }
  const tests = inspected.map((c, i): ProofTestMaps => {
    // `!`: one entry per inspected component, filled for every state above.
    const component = model.components[c]!;
    const { first, interval, duration } = component.inspection!;
    const start = starts[i]!.view();
    return {
      name: component.name,
      first,
      interval,
      duration,
      ...(duration > 0 && { start }),
      end: ends[i]!.view(),
      ...(costs && { endCost: endCosts[i]!.view() }),
      testCost: component.count * (component.costs?.inspection ?? 0),
    };
  });
  const upkeep: ChainUpkeep | undefined =
    tests.length > 0 || costs
      ? {
          tests,
          ...(costs &&
            (dead
              ? {
                  costGap:
                    'a non-repairable unit can fail uncovered, a permanent outage whose units the chain does not track',
                }
              : { costRate: costRate.view() })),
        }
      : undefined;
  // The same states, transitions and initial state; only the up states differ: a well-formed
  // chain as `ctmc` is.
  const systems = model.systems?.map((entry, k) => ({
    name: entry.name,
    ctmc: k === 0 ? ctmc : markCtmcChecked({ ...ctmc, up: Uint8Array.from(otherUpFlags[k - 1]!) }), // `!`: one list per system after the first
  }));
  return {
    ctmc,
    ...(systems && { systems }),
    ...(upkeep && { upkeep }),
    estimatedStates: layout.estimatedStates,
    warnings,
  };
}

/**
 * Returns the estimated state counts, made before building, of the one chain
 * {@link chainFromModel} builds for a model with several system functions and of the chain of
 * each function alone (`systemView`): the shared chain lumps a component's units only where
 * every function is symmetric in them, so it can be larger than the functions' own chains
 * together (a component of nine units lumped into 10 states in one function and tracked as 2^9
 * in another's).
 *
 * $$
 * \hat n_{\mathrm{shared}} \text{ against } \sum_k \hat n_k
 * $$
 *
 * - n̂: the upper estimates of reachable states of chainFromModel (`estimatedStates`)
 *
 * @param model - a loaded model with `systems` and exponential times
 * @returns `shared`, the estimate of the one chain, and `own`, each function's, in the model's order
 * @throws {@link UnsupportedModelError} as {@link chainFromModel}, for a time that is not exponential
 * @throws Error when the model has no `systems`
 */
export function estimatedChainSizes(model: Model): { shared: number; own: number[] } {
  if (model.systems === undefined) throw new Error('internal: estimatedChainSizes needs systems');
  const nodes = model.systems.map((entry) => entry.node);
  return {
    shared: chainLayout(model, nodes).estimatedStates,
    own: nodes.map((node) => chainLayout(model, [node]).estimatedStates),
  };
}

/**
 * Returns a hand-written chain (the `markov:` section) as a Ctmc: its states, up flags,
 * initial state and rates, with the state names.
 */
export function chainFromChainModel(chain: ChainModel): {
  ctmc: Ctmc;
  estimatedStates: number;
} {
  const ctmc = buildCtmc(
    chain.states.length,
    chain.transitions,
    chain.states.map((state) => state.up),
    chain.initial,
    { stateNames: chain.states.map((state) => state.name) },
  );
  return { ctmc, estimatedStates: chain.states.length };
}

/** A state count for messages: `7.2e7`, `5e6`. */
function formatCount(count: number, digits?: number): string {
  const text = digits === undefined ? count.toExponential() : count.toExponential(digits);
  return text.replace('e+', 'e').replace(/\.0e/, 'e');
}

/** An append-only Int32Array that doubles as it fills. */
class GrowingInt32 {
  private data = new Int32Array(1024);
  private length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const larger = new Int32Array(this.data.length * 2);
      larger.set(this.data);
      this.data = larger;
    }
    this.data[this.length++] = value;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** An append-only Float64Array that doubles as it fills. */
class GrowingFloat64 {
  private data = new Float64Array(1024);
  private length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const larger = new Float64Array(this.data.length * 2);
      larger.set(this.data);
      this.data = larger;
    }
    this.data[this.length++] = value;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
