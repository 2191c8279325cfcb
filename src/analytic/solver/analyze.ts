import { distributionFromSpec } from '../../dist/registry.js';
import type { Distribution } from '../../dist/types.js';
import { UnsupportedModelError } from '../../errors.js';
import type { Model } from '../../model/Model.js';
import { finiteMeasures } from '../../model/finiteMeasures.js';
import { modelHash } from '../../model/modelHash.js';
import type { Curve, Measures, Result } from '../../model/Result.js';
import { integrate } from '../../numeric/integrate.js';
import { mttfFromReliability } from '../mttfFromReliability.js';
import { pointAvailability, pointUnavailability } from '../pointAvailability.js';
import { steadyStateMeasures } from '../steadyStateMeasures.js';
import { compileStructure, type StructureFunction } from '../structure/compileStructure.js';
import { checkAnalyticSupport } from './analyticSupport.js';
import { standbyBlockReliability } from './standbyBlockReliability.js';
import { toStructure, type ModelStructure } from './toStructure.js';
import { timeGrid } from './timeGrid.js';

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
   * life when the system never fails) or 10 × the largest mean repair time
   */
  readonly horizon?: number;
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
 * coherent systems. Standby blocks of exponential units are solved as sequential chains. MTTF
 * = ∫R dt by adaptive quadrature (relative error about 1e-10). A repairable system's R(t) and
 * MTTF need the Markov engine or simulation; a warning says so.
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
  if (!model.system) {
    throw new UnsupportedModelError(
      'analytic',
      'the model is a hand-written Markov chain',
      'use relkit markov',
    );
  }
  const structure = toStructure(model, model.system);
  checkAnalyticSupport(model, structure.blocks);
  const solver = new ModelSolver(model, structure);
  const warnings: string[] = [];
  const repairable = model.components.some((component) => component.repair !== undefined);
  let measures: Measures;
  let horizon: number;
  if (repairable) {
    const steady = solver.steadyState();
    horizon = options.horizon ?? model.missionTime ?? 10 * solver.largestMeanRepair();
    const exponential = model.components.every(
      (component) =>
        component.failure.dist === 'exponential' &&
        (component.repair?.dist ?? 'exponential') === 'exponential' &&
        component.detection === undefined,
    );
    let transient: Measures = {};
    if (exponential) {
      const times = timeGrid(options, horizon);
      const availability: Curve = {
        t: times,
        values: times.map((t) => solver.pointAvailability(t)),
      };
      const interval =
        integrate((t) => solver.pointAvailability(t), 0, horizon, { tolerance: 1e-12 }).value /
        horizon;
      transient = { availability, intervalAvailability: interval };
    } else {
      warnings.push(
        'availability(t) needs exponential failure and repair times and no detection delay; the steady measures are exact for any distributions',
      );
    }
    warnings.push(
      'reliability and mttf of a repairable system need relkit markov or relkit simulate',
    );
    measures = { ...transient, ...steady };
  } else {
    // A system that survives every unit failing (k = 0, an empty series) never fails.
    const neverFails = solver.reliability(Infinity) > 0;
    const mttf = neverFails
      ? Infinity
      : mttfFromReliability((t) => solver.reliability(t), { scale: solver.largestMeanLife() })
          .value;
    horizon =
      options.horizon ??
      model.missionTime ??
      (neverFails ? 10 * solver.largestMeanLife() : 2 * mttf);
    const times = timeGrid(options, horizon);
    measures = { reliability: { t: times, values: times.map((t) => solver.reliability(t)) }, mttf };
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

/** The model's units and blocks as laws, and the structure evaluated at their probabilities. */
class ModelSolver {
  private readonly lifetimes: Distribution[];
  private readonly repairs: (Distribution | undefined)[];
  /** Mean time a failed unit is down: detection delay plus repair; undefined without repair. */
  private readonly meanDowntimes: (number | undefined)[];
  private readonly coverage: number[];
  private readonly structure: StructureFunction;
  private readonly p: Float64Array;
  private readonly q: Float64Array;

  constructor(
    private readonly model: Model,
    private readonly layout: ModelStructure,
  ) {
    const componentOf = (unit: number) => model.components[model.units[unit]!.component]!;
    this.lifetimes = model.units.map((_, unit) => distributionFromSpec(componentOf(unit).failure));
    this.repairs = model.units.map((_, unit) => {
      const spec = componentOf(unit).repair;
      return spec && distributionFromSpec(spec);
    });
    this.meanDowntimes = model.units.map((_, unit) => {
      const { repair, detection } = componentOf(unit);
      return (
        repair &&
        distributionFromSpec(repair).mean + (detection ? distributionFromSpec(detection).mean : 0)
      );
    });
    this.coverage = model.units.map((_, unit) => componentOf(unit).coverage);
    this.structure = compileStructure(layout.node, layout.variableCount);
    this.p = new Float64Array(layout.variableCount);
    this.q = new Float64Array(layout.variableCount);
  }

  /** R_sys(t) with the separable coverage method (u_i = 0 when coverage is 1). */
  reliability(t: number): number {
    let survivesUncovered = 1;
    this.model.units.forEach((_, unit) => {
      const life = this.lifetimes[unit]!;
      const r = life.sf(t);
      const f = life.cdf(t);
      // Written so that coverage 1 adds exactly nothing, whatever f is.
      const uncovered = this.coverage[unit] === 1 ? 0 : (1 - this.coverage[unit]!) * f;
      const kept = 1 - uncovered;
      survivesUncovered *= kept;
      // Conditional on no uncovered failure; when one is certain, R_sys is 0 whatever p is.
      this.p[unit] = kept > 0 ? r / kept : 0;
      this.q[unit] = kept > 0 ? (this.coverage[unit]! * f) / kept : 1;
    });
    this.setBlocks(t);
    return survivesUncovered * this.structure.probability(this.p, this.q);
  }

  /** A_sys(t) for exponential units: each unit's point availability, or R(t) without repair. */
  pointAvailability(t: number): number {
    this.model.units.forEach((_, unit) => {
      const life = this.lifetimes[unit]!;
      const repair = this.repairs[unit];
      if (repair) {
        this.p[unit] = pointAvailability(1 / life.mean, 1 / repair.mean, t);
        this.q[unit] = pointUnavailability(1 / life.mean, 1 / repair.mean, t);
      } else {
        this.p[unit] = life.sf(t);
        this.q[unit] = life.cdf(t);
      }
    });
    this.setBlocks(t);
    return this.structure.probability(this.p, this.q);
  }

  /** Steady availability, failure frequency and the measures derived from them. */
  steadyState(): Measures {
    const cycleRate = new Float64Array(this.layout.variableCount);
    this.model.units.forEach((_, unit) => {
      const up = this.lifetimes[unit]!.mean;
      const down = this.meanDowntimes[unit];
      // A non-repairable unit is down in the long run and fails no more.
      this.p[unit] = down === undefined ? 0 : up / (up + down);
      this.q[unit] = down === undefined ? 1 : down / (up + down);
      cycleRate[unit] = down === undefined ? 0 : 1 / (up + down);
    });
    const steadyAvailability = this.structure.probability(this.p, this.q);
    const steadyUnavailability = this.structure.failureProbability(this.p, this.q);
    const importance = this.structure.birnbaum(this.p, this.q);
    let failureFrequency = 0;
    for (let unit = 0; unit < cycleRate.length; unit++)
      failureFrequency += importance[unit]! * cycleRate[unit]!;
    return steadyStateMeasures(steadyAvailability, steadyUnavailability, failureFrequency);
  }

  largestMeanRepair(): number {
    return Math.max(...this.meanDowntimes.map((down) => down ?? 0));
  }

  largestMeanLife(): number {
    return Math.max(...this.lifetimes.map((life) => life.mean));
  }

  private setBlocks(t: number): void {
    const offset = this.model.units.length;
    this.layout.blocks.forEach((block, b) => {
      const { reliability, unreliability } = standbyBlockReliability(block, this.lifetimes, t);
      this.p[offset + b] = reliability;
      this.q[offset + b] = unreliability;
    });
  }
}
