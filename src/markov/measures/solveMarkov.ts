import { timeGrid, withProofTestEdges } from '../../model/timeGrid.js';
import { steadyStateMeasures } from '../../model/steadyStateMeasures.js';
import type { Model } from '../../model/Model.js';
import { ConvergenceError, UnsupportedModelError } from '../../errors.js';
import { finiteMeasures } from '../../model/finiteMeasures.js';
import { longestMeanLife, repairableHorizon } from '../../model/timeScales.js';
import { modelHash } from '../../model/modelHash.js';
import type { Measures, Result } from '../../model/Result.js';
import { exactSum } from '../../numeric/sum.js';
import { checkReachability, type ReachabilityReport } from '../generation/checkReachability.js';
import type { Ctmc } from '../generation/Ctmc.js';
import { checkCtmc } from '../generation/checkCtmc.js';
import { failureFrequency } from './failureFrequency.js';
import {
  chainFromModel,
  estimatedChainSizes,
  type ChainFromModelResult,
  type ChainUpkeep,
} from '../generation/fromModel.js';
import { systemView } from '../../model/systemView.js';
import { checkTransientOptions } from '../linalg/transientPlan.js';
import { expectedRateReward } from './expectedRateReward.js';
import { piecewiseTransient } from './piecewiseTransient.js';
import { proofTestMeasures } from './upkeepMeasures.js';
import { intervalAvailability } from './intervalAvailability.js';
import { meanTimeToAbsorption } from '../linalg/meanTimeToAbsorption.js';
import { pointAvailabilityCurve } from './pointAvailabilityCurve.js';
import { reliabilityCurve } from './reliabilityCurve.js';
import { solveSteadyState } from '../linalg/solveSteadyState.js';
import type { ProgressCallback } from '../linalg/solverProgress.js';

/** Options of {@link solveMarkov}. */
export interface SolveMarkovOptions {
  /** Times at which to give R(t) and A(t), in the model's time unit; overrides `points`. */
  readonly times?: readonly number[];
  /**
   * Number of evenly spaced times on [0, horizon] when `times` is not given.
   * @defaultValue 11
   */
  readonly points?: number;
  /**
   * End of the time grid and of interval availability.
   * @defaultValue the model's mission time; else, with proof tests, 10 × (first + interval) of
   * the latest tested component; else, for a repairable system, ten relaxation times
   * of its slowest unit in the structure (see repairableHorizon), or 2·MTTF (10 × the largest
   * mean life of a unit in the structure when the system never fails)
   */
  readonly horizon?: number;
  /**
   * Give the steady measures (with `mttf` alone: only those asked for, plus curves when `times`
   * or `points` is given).
   * @defaultValue every applicable measure when neither `steady` nor `mttf` is set
   */
  readonly steady?: boolean;
  /** Give the mean time to failure; see `steady`. */
  readonly mttf?: boolean;
  /**
   * Most matrix–vector products one transient solve of a large chain may take (see
   * {@link solveTransient}); a curve over the limit is left out with a warning.
   * @defaultValue 10 000 000
   */
  readonly maxProducts?: number;
  /**
   * Receives the progress of long solves: building the chain, the steady state, the MTTF (see
   * {@link ProgressCallback}).
   */
  readonly onProgress?: ProgressCallback;
  /**
   * Most states the chain may have (see {@link chainFromModel}).
   * @defaultValue 5 000 000
   */
  readonly maxStates?: number;
}

/** The result of {@link solveMarkov}: the common shape plus the size of the chain solved. */
export interface MarkovResult extends Result {
  readonly method: 'markov';
  /** Number of states of the chain. */
  readonly states: number;
  /** Number of transitions (non-zero off-diagonal generator entries). */
  readonly transitions: number;
}

/**
 * Returns the exact measures of a model from its continuous-time Markov chain: steady
 * availability and unavailability, failure frequency, MTBF, MUT, MDT and nines (repairable
 * models), A(t) and interval availability, R(t) and MTTF (down states made absorbing).
 *
 * $$
 * \pi Q = 0,\; A = \sum_{i \in U}\pi_i,\; \bar A = \sum_{i \in D}\pi_i,\;
 * \omega = \sum_{i \in U}\sum_{j \in D}\pi_i q_{ij};\qquad
 * A(t) = p_0 e^{Qt}\mathbf 1_U,\quad R(t) = p_0 e^{\tilde Q t}\mathbf 1_U
 * $$
 *
 * - π: the stationary distribution; U, D: up and down states; q_ij: the generator's rates
 * - p_0: all units new; Q̃: the generator with the down states made absorbing
 *
 * @param model - a loaded model whose times are exponential, or one with a `markov:` chain
 * @param options - times, horizon, which measures, the state limit
 * @returns the common result shape with `method: "markov"`, `states` and `transitions`
 * @throws {@link UnsupportedModelError} for a non-exponential time or too many states (see
 *   {@link chainFromModel})
 * @throws {@link ParameterError} for invalid options (negative times, points outside [2, 100000])
 * @throws {@link ConvergenceError} when the iterative steady-state solver does not converge
 *
 * @remarks
 * Steady state by GTH (up to 2000 states in a closed class) or BiCGSTAB; a chain with several
 * closed classes (units never repaired, a switch-over that can fail, an uncovered failure) has
 * as its long run the mix of the classes' stationary distributions weighted by the probability
 * of ending in each, so A, U and the failure frequency are those expectations and MTBF, MUT,
 * MDT follow from them (see solveSteadyState). A model with proof tests is solved piece by
 * piece between its test epochs ({@link proofTestMeasures}: R(t), A(t), interval
 * availability, pfdAvg and sil; no steady measures, no MTTF). With costs, costRate = π·r from
 * the steady state and missionCost the expected cost over the mission (else the horizon) ({@link piecewiseTransient}).
 * Curves by uniformization with
 * absolute truncation error 1e-12; the unavailabilities are summed over the down states
 * directly, so small ones keep their digits. Measured against closed forms: ≤ 1e-12 relative
 * (k-out-of-n with crews, duplex with coverage, cold standby). Cost: building the chain plus
 * O(transitions · q·t) for the curves.
 *
 * @see W. J. Stewart, Introduction to the Numerical Solution of Markov Chains, Princeton
 * University Press, 1994 (paywalled); K. S. Trivedi, Probability and Statistics with
 * Reliability, Queuing, and Computer Science Applications, 2nd ed., Wiley, 2002, ch. 8–9
 * (paywalled).
 *
 * @example
 * ```ts
 * const pair = loadModel('name: pair\ncomponents:\n  disk: { count: 2, failure: { rate: 0.001 }, repair: { rate: 0.1 } }\nmaintenance: { crews: 1 }\nsystem: { parallel: [disk] }');
 * solveMarkov(pair).measures.mttf; // → ~51500
 * ```
 */
export function solveMarkov(model: Model, options: SolveMarkovOptions = {}): MarkovResult {
  const chain = buildChain(model, options);
  return solveChain(chain.ctmc, modelSource(model), options, chainWarnings(chain), chain.upkeep);
}

/** The result of one system function of a model with several (see {@link solveMarkovSystems}). */
export interface SystemMarkovResult {
  /** The system's name, as the model's `systems` gives it. */
  readonly name: string;
  readonly result: MarkovResult;
}

/**
 * Returns the exact measures of every system function of a model with several (`systems:`,
 * `quorum:`), from one Markov chain of the plant: each system's result is the one
 * {@link solveMarkov} gives for `systemView(model, name)`, to rounding, without generating and
 * solving a chain per system.
 *
 * $$
 * A_k = \sum_{i \in U_k}\pi_i,\quad
 * \omega_k = \sum_{i \in U_k}\sum_{j \notin U_k}\pi_i q_{ij},\quad
 * A_k(t) = p_0 e^{Qt}\mathbf 1_{U_k},\quad R_k(t) = p_0 e^{\tilde Q_k t}\mathbf 1_{U_k}
 * $$
 *
 * - Q: the plant's generator, the same for every system; π its stationary distribution
 * - U_k: the up states of system k (no outage in progress and Φ_k working); Q̃_k: Q with the
 *   states outside U_k made absorbing
 *
 * @param model - a loaded model whose times are exponential; one without `systems` gives one
 *   entry, named `system`, with {@link solveMarkov}'s result
 * @param options - as {@link solveMarkov}
 * @returns each system's name and result, in the model's order
 * @throws as {@link solveMarkov}
 *
 * @remarks
 * The plant's behaviour does not depend on the system: what would make it (idle_while_down,
 * standby blocks) is refused in a model with several systems. So the chain is generated once,
 * with units lumped only where every system is symmetric in them (raft-5: the same 6 states as
 * each system's own chain), the stationary distribution is solved once, and each system takes
 * from them its steady measures, and its own transient curves, MTTF, proof-test and cost
 * measures with its up states. Where every system lumps a component alike, each system's chain
 * is the one {@link solveMarkov} builds for its view, state for state, and the results are the
 * same numbers; where one system uses units of a component apart (a network, a unit named on
 * its own), the shared chain keeps them apart for all, and the others' results agree with their
 * own chains' to rounding (exact lumpability). When that makes the one chain larger, by the
 * estimates made before building, than the systems' own chains together
 * ({@link estimatedChainSizes}), each system is solved on its own chain instead, as
 * {@link solveMarkov} solves its view. Each result's name and hash are its view's.
 *
 * @example
 * ```ts
 * const store = loadModel('name: s\ncomponents: { r: { count: 3, failure: { rate: 0.001 }, repair: { rate: 0.1 } } }\nquorum: { of: r, read: 1, write: 3 }');
 * const [read, write] = solveMarkovSystems(store, { steady: true });
 * read.result.states; // → 4
 * read.result.measures.steadyUnavailability; // → ~9.7059014792764e-7
 * write.result.measures.steadyUnavailability; // → ~0.029409852072356
 * ```
 */
export function solveMarkovSystems(
  model: Model,
  options: SolveMarkovOptions = {},
): SystemMarkovResult[] {
  if (model.systems === undefined) return [{ name: 'system', result: solveMarkov(model, options) }];
  const sizes = estimatedChainSizes(model);
  if (sizes.shared > sizes.own.reduce((sum, n) => sum + n, 0)) {
    return model.systems.map(({ name }) => ({
      name,
      result: solveMarkov(systemView(model, name), options),
    }));
  }
  const chain = buildChain(model, options);
  if (chain.systems === undefined)
    throw new Error('internal: a chain of several systems lost them');
  const warnings = chainWarnings(chain);
  // π does not depend on the up states: solved for the first system, reused by the others.
  const steadyState = once(solveSteadyState);
  return chain.systems.map(({ name, ctmc }) => ({
    name,
    result: solveChain(
      ctmc,
      modelSource(systemView(model, name)),
      options,
      warnings,
      chain.upkeep,
      steadyState,
    ),
  }));
}

/** The chain of a model, saying so to the progress callback. */
function buildChain(model: Model, options: SolveMarkovOptions): ChainFromModelResult {
  options.onProgress?.(undefined, 'markov: building the chain');
  return chainFromModel(
    model,
    options.maxStates === undefined ? {} : { maxStates: options.maxStates },
  );
}

/** The generator's warnings, and why costs are left out when they are. */
function chainWarnings({ warnings, upkeep }: ChainFromModelResult): readonly string[] {
  return upkeep?.costGap
    ? [...warnings, `costRate and missionCost are left out: ${upkeep.costGap}`]
    : warnings;
}

/** A model as the source of its chain: its name, hash, time scales. */
function modelSource(model: Model): ChainSource {
  return {
    name: model.name,
    hash: modelHash(model),
    timeUnit: model.timeUnit,
    ...(model.missionTime !== undefined && { missionTime: model.missionTime }),
    ...(model.system && {
      repairable: model.components.some((component) => component.repair !== undefined),
      relaxationHorizon: repairableHorizon(model),
      lifeScale: longestMeanLife(model),
    }),
  };
}

/**
 * A function that runs `solve` on its first call and gives every later call the same outcome,
 * its value or its error, whatever the arguments.
 */
function once<A extends unknown[], T>(solve: (...args: A) => T): (...args: A) => T {
  let outcome: { value: T } | { error: unknown } | undefined;
  return (...args) => {
    if (outcome === undefined) {
      try {
        outcome = { value: solve(...args) };
      } catch (error) {
        outcome = { error };
      }
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  };
}

/** Where a chain came from, for the result and the default horizon. */
export interface ChainSource {
  /** Name shown in the result, such as the model's name or the chain file's. */
  readonly name: string;
  /** Hash identifying the source (see modelHash; fnv1a64 of a chain file's text). */
  readonly hash: string;
  readonly timeUnit: string;
  /** Mission time, the default horizon. */
  readonly missionTime?: number;
  /** For a chain generated from a structure: whether any component is repairable. */
  readonly repairable?: boolean;
  /**
   * For a chain generated from a structure: the default horizon of a repairable system, ten
   * relaxation times of its slowest unit (see repairableHorizon).
   */
  readonly relaxationHorizon?: number;
  /** For a chain generated from a structure: the largest mean life of a unit in it. */
  readonly lifeScale?: number;
}

/**
 * Returns the measures of a chain given directly (a chain file, a hand-written chain), as
 * {@link solveMarkov} does for a model; unreachable states and traps become warnings.
 *
 * @param ctmc - the chain
 * @param source - its name, hash, time unit and mission time
 * @param options - as {@link solveMarkov} (maxStates is ignored)
 * @returns the common result shape with `method: "markov"`, `states` and `transitions`
 * @throws as {@link solveMarkov}, and {@link ParameterError} when `ctmc` is not a well-formed
 * chain ({@link checkCtmc})
 *
 * @remarks
 * A chain counts as repairable when exactly one closed class is reachable and no trap of down
 * states is; then the steady measures are given. The default horizon is the mission time, else
 * 2·MTTF for a chain that is not repairable, else 10 × the longest mean holding time.
 */
export function solveCtmc(
  ctmc: Ctmc,
  source: ChainSource,
  options: SolveMarkovOptions = {},
): MarkovResult {
  // Checked once here: the solvers solveChain calls find it remembered.
  checkCtmc(ctmc, 'solveCtmc');
  return solveChain(ctmc, source, options, []);
}

/**
 * The measures of a chain. `steadyState` solves πQ = 0: a function shared by the systems of
 * one plant's chain, which differ only in their up states, solves it once for all.
 */
function solveChain(
  ctmc: Ctmc,
  source: ChainSource,
  options: SolveMarkovOptions,
  chainWarnings: readonly string[],
  upkeep?: ChainUpkeep,
  steadyState: typeof solveSteadyState = solveSteadyState,
): MarkovResult {
  const warnings = [...chainWarnings];
  // A generated chain's source knows whether it is repairable; a chain given directly is told
  // by its classes, and warned about.
  let repairable = source.repairable;
  if (repairable === undefined) {
    const reach = checkReachability(ctmc);
    warnings.push(...chainNotes(ctmc, reach));
    repairable = reach.closedClasses.length === 1 && reach.traps.length === 0;
  }
  const all = options.steady === undefined && options.mttf === undefined;
  const curves = all || options.times !== undefined || options.points !== undefined;

  // A measure whose solver hits a limit or does not converge is left out, saying why and what
  // helps; the others are still given.
  const optional = <T>(name: string, solve: () => T): T | undefined => {
    try {
      return solve();
    } catch (error) {
      const is = name.endsWith('measures') ? 'are' : 'is';
      if (error instanceof UnsupportedModelError) {
        warnings.push(`${name} ${is} left out: ${error.reason}; ${error.suggestion}`);
      } else if (error instanceof ConvergenceError) {
        warnings.push(`${name} ${is} left out: ${error.message}; relkit simulate can estimate it`);
      } else throw error;
      return undefined;
    }
  };

  const limits = options.maxProducts === undefined ? {} : { maxProducts: options.maxProducts };
  if (upkeep && upkeep.tests.length > 0) {
    const horizon =
      options.horizon ??
      source.missionTime ??
      10 * Math.max(...upkeep.tests.map((test) => test.first + test.interval));
    // pfdAvg is 1 − intervalAvailability over the same T: the horizon asked for, else the mission.
    const mission = options.horizon ?? source.missionTime;
    const times = withProofTestEdges(options, timeGrid(options, horizon), upkeep.tests, horizon);
    const solved = optional('the measures', () =>
      proofTestMeasures(ctmc, upkeep, {
        ...options,
        times,
        horizon,
        ...(mission !== undefined && { missionTime: mission }),
      }),
    );
    if (solved) warnings.push(...solved.warnings);
    return result(solved?.measures ?? {}, horizon);
  }

  const progressOption = options.onProgress ? { onProgress: options.onProgress } : {};
  let measures: Measures = {};
  if ((all || options.steady) && repairable) {
    const steady = optional('the steady measures', () => steadyState(ctmc, progressOption));
    if (steady) {
      warnings.push(...steady.warnings);
      const pi = steady.probabilities;
      const upMass: number[] = [];
      const downMass: number[] = [];
      for (const [i, p] of pi.entries()) (ctmc.up[i] ? upMass : downMass).push(p);
      measures = steadyStateMeasures(
        exactSum(upMass),
        exactSum(downMass),
        failureFrequency(ctmc, pi),
      );
      if (upkeep?.costRate && curves) {
        measures = { ...measures, costRate: expectedRateReward(pi, upkeep.costRate) };
      }
    }
  } else if (options.steady) {
    warnings.push(
      'steady measures need a repairable system: this one is down for good in the long run',
    );
  }
  if ((all || options.steady) && upkeep?.costRate && measures.costRate === undefined) {
    warnings.push('costRate is left out: the chain has no steady state to give it');
  }
  let mttf: number | undefined;
  if (all || options.mttf || (curves && !repairable && options.horizon === undefined)) {
    const absorption = optional('mttf', () => meanTimeToAbsorption(ctmc, 'down', progressOption));
    mttf = absorption?.meanTime;
    if (absorption && (all || options.mttf)) {
      warnings.push(...absorption.warnings);
      measures = { ...measures, mttf: absorption.meanTime };
    }
  }

  const horizon =
    options.horizon ??
    source.missionTime ??
    (repairable && source.relaxationHorizon !== undefined
      ? source.relaxationHorizon
      : !repairable && mttf !== undefined && Number.isFinite(mttf) && mttf > 0
        ? 2 * mttf
        : 10 * (source.lifeScale ?? longestHoldingTime(ctmc)));
  if (upkeep?.costRate && curves) {
    const costs = upkeep;
    const mission = optional('missionCost', () =>
      piecewiseTransient(ctmc, costs, {
        times: [],
        ends: [source.missionTime ?? horizon],
        maxProducts: checkTransientOptions('missionCost', [horizon], limits).maxProducts,
      }),
    );
    const cost = mission?.integrals[0]?.cost;
    if (cost !== undefined) measures = { ...measures, missionCost: cost };
  }
  if (curves) {
    const times = timeGrid(options, horizon);
    const transient = <T extends { readonly warnings: readonly string[] }>(
      name: string,
      solve: () => T,
    ): T | undefined => {
      const solved = optional(name, solve);
      if (solved) warnings.push(...solved.warnings);
      return solved;
    };
    const reliability = transient('reliability', () => reliabilityCurve(ctmc, times, limits));
    const availability = transient('availability', () =>
      pointAvailabilityCurve(ctmc, times, limits),
    );
    const interval = transient('intervalAvailability', () =>
      intervalAvailability(ctmc, horizon, limits),
    );
    measures = {
      ...(reliability && { reliability: { t: times, values: reliability.reliability } }),
      ...(availability && { availability: { t: times, values: availability.availability } }),
      ...(interval && { intervalAvailability: interval.availability }),
      ...measures,
    };
  }
  return result(measures, horizon);

  function result(solved: Measures, end: number): MarkovResult {
    const finite = finiteMeasures(solved, warnings);
    return {
      method: 'markov',
      model: { name: source.name, hash: source.hash },
      timeUnit: source.timeUnit,
      horizon: end,
      measures: finite,
      warnings: [...new Set(warnings)],
      states: ctmc.stateCount,
      transitions: ctmc.target.length,
    };
  }
}

/** Warnings about a hand-written chain: states never reached, and traps the system never leaves. */
function chainNotes(ctmc: Ctmc, reach: ReachabilityReport): string[] {
  const name = (i: number): string => ctmc.stateNames?.[i] ?? String(i);
  const notes: string[] = [];
  if (reach.unreachable.length > 0) {
    notes.push(
      `markov: states ${reach.unreachable.map(name).join(', ')} cannot be reached from the initial state`,
    );
  }
  for (const trap of reach.traps) {
    notes.push(
      `markov: once in ${trap.map(name).join(', ')} the system stays down for good (a trap of down states)`,
    );
  }
  return notes;
}

/** The longest mean holding time 1/q_i of a state that can be left: a hand chain's time scale. */
function longestHoldingTime(ctmc: Ctmc): number {
  let longest = 0;
  for (const exit of ctmc.exitRate) if (exit > 0) longest = Math.max(longest, 1 / exit);
  return longest;
}
