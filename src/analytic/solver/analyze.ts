import { ConvergenceError, UnsupportedModelError } from '../../errors.js';
import type { FaultTreeModel, Model } from '../../model/Model.js';
import { whyNoBlockForm } from '../../model/buildFaultTree.js';
import { faultTreeMeasures, type FaultTreeOptions } from '../faultTree/faultTreeMeasures.js';
import { finiteMeasures } from '../../model/finiteMeasures.js';
import { modelHash } from '../../model/modelHash.js';
import type { Curve, Measures, Result } from '../../model/Result.js';
import {
  longestMeanLife,
  repairableHorizon,
  timedUnits,
  unitsInStructure,
} from '../../model/timeScales.js';
import { integrateAcrossScales } from '../../numeric/integrateAcrossScales.js';
import { checkAnalyticSupport } from './analyticSupport.js';
import { refuseUnsupportedUpkeep } from '../../model/upkeepSupport.js';

/** Who solves the maintenance features the closed forms do not. */
const UPKEEP_INSTEAD = 'use relkit simulate';
import { blockImportance } from './blockImportance.js';
import { ModelSolver } from './ModelSolver.js';
import { checkProofTestSupport, proofTestedMeasures } from './proofTestedMeasures.js';
import { toStructure } from '../../structure/toStructure.js';
import { timeGrid } from '../../model/timeGrid.js';

/** Options of {@link analyze}. */
export interface AnalyzeOptions {
  /** Times at which to give R(t) and A(t), in the model's time unit; overrides `points`. */
  readonly times?: readonly number[];
  /**
   * Number of evenly spaced times on [0, horizon] when `times` is not given.
   * @defaultValue 11
   */
  readonly points?: number;
  /**
   * End of the time grid and of interval availability.
   * @defaultValue the model's mission time; else 2·MTTF (non-repairable; 10 × the largest mean
   * life of a unit in the structure when the system never fails) or, for a repairable system,
   * ten of its units' longest relaxation time (see {@link repairableHorizon})
   */
  readonly horizon?: number;
  /**
   * Most BDD nodes the structure function may need (see {@link compileStructure}).
   * @defaultValue 5 000 000
   */
  readonly maxNodes?: number;
  /** Fault trees: the approximation and cut-set limits (see {@link FaultTreeOptions}). */
  readonly faultTree?: Omit<FaultTreeOptions, 'maxNodes' | 'time' | 'importance'>;
  /**
   * Compute the importance factors (of every basic event, or every unit of a block model).
   * @defaultValue true
   */
  readonly importance?: boolean;
}

/**
 * Returns the exact measures of a model whose units are independent, from the structure
 * function and closed forms: R(t) and MTTF for non-repairable systems; steady availability,
 * failure frequency, MTBF, MUT, MDT and nines for repairable ones, and A(t) when their times
 * are exponential.
 *
 * $$
 * R_{sys}(t) = \prod_i (1-u_i)\;\Phi\!\Big(\frac{R_i}{1-u_i}\Big),\quad u_i = (1-c_i)F_i(t);
 * \qquad A = \Phi(A_i),\; A_i = \frac{MTTF_i}{MTTF_i + MDT_i};\qquad
 * \omega = \sum_i I_B(i)\,\frac{1}{MTTF_i + MDT_i}
 * $$
 *
 * - Φ: the structure function (exact, by BDD); R_i, F_i: unit reliability and unreliability
 * - c_i: coverage; u_i: probability of an uncovered failure by t, which downs the system
 * - I_B(i): Birnbaum importance of unit i at the steady availabilities
 * - MDT_i: mean down time of unit i, its mean detection delay plus its mean repair time
 *
 * @param model - a loaded model
 * @param options - times for the curves and the horizon
 * @returns the common result shape with `method: "analytic"`
 * @throws {@link UnsupportedModelError} when units are dependent (finite crews, coverage with
 * repair, repairable standby, idle while down), naming the reason and the command that can solve it
 * @throws {@link ParameterError} for invalid options (negative times, points outside [2, 100000])
 *
 * @remarks
 * Assumptions: units independent, repair as good as new, alternating renewal (steady measures
 * hold for any distributions). Coverage uses the separable method: exact for non-repairable
 * coherent systems. Standby blocks of exponential units are solved as sequential chains. MTTF:
 * the unit's mean when the system is one unit, else ∫R dt by adaptive quadrature on pieces at
 * every time scale from a millionth-quantile of the shortest life upwards
 * ({@link integrateAcrossScales}, relative tolerance 1e-12; R below 1e-280, where the tail
 * pieces would turn subnormal, counted as 0). Interval availability:
 * 1 − (1/T)∫₀ᵀ U(t) dt with U on the failure side, integrated the same way up to the time the
 * slowest unit transient has decayed by e^{−40}, the steady U beyond. A repairable system's R(t)
 * and MTTF need the Markov engine or simulation; a warning says so. A measure whose quadrature
 * does not converge is left out with a warning, the others are still given.
 *
 * @see Amari, Dugan & Misra, "A separable method for incorporating imperfect fault-coverage into
 * combinatorial models", IEEE Trans. Reliability 48(3), 1999, https://doi.org/10.1109/24.799900
 * (paywalled); Rausand & Høyland, System Reliability Theory, 2nd ed., Wiley 2004, ch. 4 and 5
 * (structure functions; system availability and failure frequency) (paywalled).
 *
 * @example
 * ```ts
 * const pair = loadModel('name: pair\ncomponents:\n  disk: { count: 2, failure: { rate: 0.001 } }\nsystem: { parallel: [disk] }');
 * analyze(pair).measures.mttf; // → ~1500
 * ```
 */
export function analyze(model: Model, options: AnalyzeOptions = {}): Result {
  refuseUnsupportedUpkeep(
    model,
    'analytic',
    model.faultTree ? [] : ['inspection', 'preventive'],
    UPKEEP_INSTEAD,
  );
  if (model.faultTree) return analyzeFaultTree(model, options);
  return analyzeBlocks(model, options);
}

/** A fault tree: its own measures, and those of its block form when it has one. */
function analyzeFaultTree(model: Model, options: AnalyzeOptions): Result {
  // The top event at the end of the time grid: the mission time unless the caller moves it.
  const time = options.horizon ?? model.missionTime;
  const tree = faultTreeMeasures(model, {
    ...options.faultTree,
    ...(time !== undefined && { time }),
    ...(options.maxNodes !== undefined && { maxNodes: options.maxNodes }),
    ...(options.importance !== undefined && { importance: options.importance }),
  });
  if (model.system) {
    const blocks = analyzeBlocks(model, options);
    return {
      ...blocks,
      measures: { ...blocks.measures, ...tree.measures },
      warnings: [...tree.warnings, ...blocks.warnings],
    };
  }
  const warnings = [...tree.warnings, noBlockForm(model.faultTree!)]; // checked by the caller
  const timed = model.faultTree!.events.some((event) => 'unit' in event);
  let measures: Measures = tree.measures;
  let horizon: number | undefined;
  if (timed) {
    horizon = options.horizon ?? model.missionTime;
    const times = horizon === undefined ? [] : timeGrid(options, horizon);
    const values = times.map((t) => tree.probabilityAt(t));
    if (horizon !== undefined && values.every((v) => v !== undefined)) {
      // A(t) = 1 − P(top at t): exact for independent events, whatever the gates.
      measures = { availability: { t: times, values: values.map((v) => 1 - v!) }, ...measures };
    }
  }
  return {
    method: 'analytic',
    model: { name: model.name, hash: modelHash(model) },
    timeUnit: model.timeUnit,
    ...(horizon !== undefined && { horizon }),
    measures: finiteMeasures(measures, warnings),
    warnings,
  };
}

/** Why a fault tree has no block form, so that only its own measures are given. */
/** Whether any maintenance of the model costs something. */
function hasCosts(model: Model): boolean {
  return (
    model.components.some((component) => component.costs !== undefined) ||
    (model.maintenance.crewCostPerHour ?? 0) > 0
  );
}

function noBlockForm(tree: FaultTreeModel): string {
  return `reliability, mttf and the steady measures are left out: ${whyNoBlockForm(tree)}; they need every event to have failure times and AND, OR and at-least gates only`;
}

/** A block model, or a fault tree's block form. */
function analyzeBlocks(model: Model, options: AnalyzeOptions): Result {
  if (!model.system) {
    throw new UnsupportedModelError(
      'analytic',
      'the model is a hand-written Markov chain',
      'use relkit markov',
    );
  }
  if (unitsInStructure(model.system).length === 0) {
    // Empty series and parallels only: the time scales of the closed forms come from units.
    throw new UnsupportedModelError(
      'analytic',
      'the system uses no component, so it is always up or always down',
      'relkit markov gives its constant measures',
    );
  }
  const structure = toStructure(model, model.system);
  checkAnalyticSupport(model, structure.blocks);
  const solver = new ModelSolver(
    model,
    structure,
    options.maxNodes === undefined ? {} : { maxNodes: options.maxNodes },
  );
  const warnings: string[] = [];
  const repairable = model.components.some((component) => component.repair !== undefined);
  let measures: Measures;
  let horizon: number;
  if (model.components.some((component) => component.inspection)) {
    checkProofTestSupport(model);
    ({ measures, horizon } = proofTestedMeasures(
      model,
      solver,
      options,
      options.horizon ?? model.missionTime,
      warnings,
    ));
  } else if (repairable) {
    let steady: Measures = {};
    if (solver.hasUncoveredLoss()) {
      warnings.push(
        'steady measures are left out: an uncovered failure of a component that is not repaired downs the system for good, so the long run depends on whether one happens; availability(t) and intervalAvailability are given',
      );
    } else {
      steady = solver.steadyState();
      if (hasCosts(model)) {
        steady = { ...steady, costRate: solver.costRate(model.maintenance.crewCostPerHour ?? 0) };
        warnings.push(
          'missionCost needs a transient solution: relkit markov (exponential times, no preventive replacement) or relkit simulate',
        );
      }
    }
    horizon = options.horizon ?? model.missionTime ?? repairableHorizon(model);
    // Units outside the structure do not change A(t): only the components used need the laws.
    const used = new Set(timedUnits(model).map((unit) => model.units[unit]!.component));
    const exponential = model.components.every(
      (component, c) =>
        !used.has(c) ||
        (component.failure.dist === 'exponential' &&
          (component.repair?.dist ?? 'exponential') === 'exponential' &&
          component.detection === undefined &&
          component.preventive === undefined),
    );
    let transient: Measures = {};
    if (exponential) {
      const times = timeGrid(options, horizon);
      const availability: Curve = {
        t: times,
        values: times.map((t) => solver.pointAvailability(t)),
      };
      transient = { availability, ...intervalAvailability(solver, horizon, warnings) };
    } else {
      warnings.push(
        'availability(t) needs exponential failure and repair times, no detection delay and no preventive replacement; the steady measures are exact for any distributions',
      );
    }
    warnings.push(
      'reliability and mttf of a repairable system need relkit markov or relkit simulate',
    );
    measures = { ...transient, ...steady };
  } else {
    // A system that survives every unit failing (k = 0, an empty series) never fails.
    const neverFails = solver.reliability(Infinity) > 0;
    const mttf = neverFails ? Infinity : systemMttf(solver, warnings);
    horizon =
      options.horizon ??
      model.missionTime ??
      // A system down from the start (MTTF 0) needs a grid too: its units' time scale.
      (mttf !== undefined && Number.isFinite(mttf) && mttf > 0
        ? 2 * mttf
        : 10 * longestMeanLife(model));
    const times = timeGrid(options, horizon);
    measures = {
      reliability: { t: times, values: times.map((t) => solver.reliability(t)) },
      ...(mttf !== undefined && { mttf }),
    };
  }
  if (hasCosts(model) && measures.costRate === undefined) {
    warnings.push(
      'costRate and missionCost are left out: the closed forms give the cost rate of repairable units in the steady state only; relkit markov (exponential times, no preventive replacement) or relkit simulate give them',
    );
  }
  // A fault tree reports the importance of its events itself (common-cause events included).
  if (!model.faultTree && options.importance !== false) {
    // At the mission time; without one, a repairable system in the steady state and a
    // non-repairable one at the end of its curve: at the horizon, or a note says steady state.
    const found = blockImportance(
      model,
      structure,
      options.horizon ?? model.missionTime ?? (repairable ? undefined : horizon),
      options.maxNodes,
    );
    if ('reason' in found) warnings.push(`importance is left out: ${found.reason}`);
    else {
      measures = {
        ...measures,
        importance: found.importance,
        ...(found.componentImportance && { componentImportance: found.componentImportance }),
      };
      // At the horizon (the end of the curves) unless this note says otherwise.
      if (found.basis === 'steady') warnings.push('importance is in the steady state');
    }
  }
  return {
    method: 'analytic',
    model: { name: model.name, hash: modelHash(model) },
    timeUnit: model.timeUnit,
    horizon,
    measures: finiteMeasures(measures, warnings),
    warnings,
  };
}

// R(t) below this is integrated as 0. The quadrature holds every piece of ∫R to a relative
// tolerance of its own value, and the stopping rule of integrateAcrossScales asks for three
// negligible breakpoints in a row, so the last piece can lie where R is subnormal (below
// 2.2e-308), where doubles carry fewer than 53 bits and no rule meets 1e-12 relative: seed
// 117207 of the differential test (R = 8.5e-313 at t = 4.7e9, MTTF 6.5e6) lost its MTTF so.
// The part dropped is at most ∫ of R beyond the point where R < 1e-280, below 1e-250 of the
// MTTF for every lifetime family of relkit (a Weibull of shape 0.05 included).
const NEGLIGIBLE_RELIABILITY = 1e-280;

/**
 * MTTF = ∫R dt of a non-repairable system: the unit's own mean when the system is one unit,
 * the closed form of a standby block when it is one block, else quadrature across every time scale of R (R below 1e-280 counted as 0); undefined, with a
 * warning, when the quadrature does not converge.
 */
function systemMttf(solver: ModelSolver, warnings: string[]): number | undefined {
  const unit = solver.singleUnit();
  if (unit !== undefined) return solver.meanLife(unit);
  const block = solver.singleBlockMttf();
  if (block !== undefined) return block;
  try {
    return integrateAcrossScales(
      (t) => {
        const r = solver.reliability(t);
        return r < NEGLIGIBLE_RELIABILITY ? 0 : r;
      },
      Infinity,
      { smallest: solver.shortestLifeScale() },
    ).value;
  } catch (error) {
    if (!(error instanceof ConvergenceError)) throw error;
    warnings.push(
      `mttf is left out: the integral of R(t) did not reach a relative accuracy of 1e-12 (${error.message}); relkit markov (exponential times) or relkit simulate can estimate it`,
    );
    return undefined;
  }
}

/**
 * Interval availability on [0, T] as 1 − (1/T)∫U(t)dt, U integrated on the failure side across
 * every time scale of the transient, and the steady value beyond the time A(t) has settled.
 */
function intervalAvailability(solver: ModelSolver, horizon: number, warnings: string[]): Measures {
  if (horizon === 0) return { intervalAvailability: solver.pointAvailability(0) };
  const settled = Math.min(horizon, solver.availabilitySettlingTime());
  try {
    const transient = integrateAcrossScales((t) => solver.pointUnavailability(t), settled, {
      smallest: solver.shortestAvailabilityScale(),
    }).value;
    const rest = (horizon - settled) * solver.pointUnavailability(horizon);
    return { intervalAvailability: 1 - (transient + rest) / horizon };
  } catch (error) {
    if (!(error instanceof ConvergenceError)) throw error;
    warnings.push(
      `intervalAvailability is left out: the integral of U(t) did not reach a relative accuracy of 1e-12 (${error.message}); relkit markov can compute it`,
    );
    return {};
  }
}
