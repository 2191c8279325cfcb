import { evaluateStructure } from '../../structure/evaluateStructure.js';
import { whyNoBlockForm } from '../../model/buildFaultTree.js';
import { refuseUnsupportedUpkeep } from '../../model/upkeepSupport.js';
import { UnsupportedModelError, checkInteger } from '../../errors.js';
import type { ChainModel, Model } from '../../model/Model.js';
import { buildCtmc } from './buildCtmc.js';
import type { Ctmc } from './Ctmc.js';
import { chainLayout } from './fromModelLayout.js';
import { emitTransitions, isStateUp } from './fromModelState.js';
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

/** A model's CTMC, with what the generator noticed. */
export interface ChainFromModelResult {
  readonly ctmc: Ctmc;
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
 * @param model - a loaded model with exponential failure, repair, detection, recovery and
 *   switch-delay times, or with a `markov:` chain
 * @param options - the state limit
 * @returns the chain (states explored breadth-first from all units new), its size estimate and
 *   warnings
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
 * failure leads to one absorbing down state. Cost: O(states · events · width) time; memory
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
  refuseUnsupportedUpkeep(model, 'markov', [], 'relkit simulate models it');
  const layout = chainLayout(model, model.system);
  if (layout.estimatedStates > maxStates) {
    throw new UnsupportedModelError(
      'markov',
      `the chain would have about ${formatCount(layout.estimatedStates, 1)} states`,
      `the limit is ${formatCount(maxStates)} (--max-states raises it)`,
    );
  }
  // Φ by the Boolean evaluator, not the BDD the analytic solver uses, so that the two engines
  // agreeing also checks the structure function.
  const structure = evaluateStructure(layout.structure, layout.variableCount);
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
  let capped = false;
  try {
    for (let current = 0; current < states.size; current++) {
      const s = new Int32Array(width);
      states.read(current, s);
      const up = isStateUp(layout, structure, x, s);
      upFlags.push(up);
      if (s[0] === 1) continue; // the permanent outage is absorbing
      const emit = (next: Int32Array, rate: number): void => {
        const target = stateOf(next);
        if (target === current || !(rate > 0)) return;
        from.push(current);
        to.push(target);
        rates.push(rate);
      };
      if (emitTransitions(layout, s, up, emit)) capped = true;
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
  return { ctmc, estimatedStates: layout.estimatedStates, warnings };
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
