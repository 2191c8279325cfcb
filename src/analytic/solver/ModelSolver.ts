import type { Distribution } from '../../distributions/types.js';
import type { CostsModel, InspectionModel, Model, PreventiveModel } from '../../model/Model.js';
import type { Measures } from '../../model/Result.js';
import { unitsInStructure } from '../../model/timeScales.js';
import { pointAvailability, pointUnavailability } from '../formulas/pointAvailability.js';
import { hiddenFailureUnavailability } from '../formulas/hiddenFailureUnavailability.js';
import { exactSum } from '../../numeric/sum.js';
import { renewalCycle, type RenewalCycle } from './renewalCycle.js';
import { steadyStateMeasures } from '../../model/steadyStateMeasures.js';
import { componentFacts, rateOf } from '../../model/componentFacts.js';
import {
  compileStructure,
  type CompileStructureOptions,
} from '../../structure/compileStructure.js';
import type { StructureFunction } from '../../structure/structureFunction.js';
import { standbyBlockMttf, standbyBlockReliability } from './standbyBlockReliability.js';
import type { ModelStructure } from '../../structure/toStructure.js';

/** A sum of probabilities computed term by term can exceed 1 by a rounding: keep it in [0, 1]. */
function probability(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** The law shared by every unit of one or more components with the same times and coverage. */
interface UnitLaw {
  readonly life: Distribution;
  readonly repair: Distribution | undefined;
  /** Mean time a failed unit is down, detection delay plus repair; undefined without repair. */
  readonly meanDowntime: number | undefined;
  readonly coverage: number;
  /** Proof tests: the units' failures are hidden until a test (repair instantaneous). */
  readonly inspection: InspectionModel | undefined;
  /** Age replacement of working units. */
  readonly preventive: PreventiveModel | undefined;
  /** Maintenance costs of one unit. */
  readonly costs: CostsModel | undefined;
  /** Number of units that follow this law. */
  readonly units: number;
}

/**
 * The model's units and standby blocks as laws, and the structure function evaluated at their
 * probabilities: R(t), A(t), U(t) and the steady measures of a model of independent units.
 * Units with the same law (same failure, repair and detection times and coverage) share one
 * evaluation per time, so a series of 100 000 identical parts costs one law, not 100 000.
 */
export class ModelSolver {
  /** The distinct laws of the units. */
  private readonly laws: UnitLaw[];
  /** Per unit: the index of its law. */
  private readonly lawOf: Int32Array;
  /** Per unit: its law. */
  private readonly unitLaws: UnitLaw[];
  /** Per unit: its lifetime (one object per law), as the standby solver takes them. */
  private readonly lifetimes: Distribution[];
  private readonly structure: StructureFunction;
  private readonly p: Float64Array;
  private readonly q: Float64Array;
  /** Per law: the probabilities its units share at the time being evaluated. */
  private readonly pl: Float64Array;
  private readonly ql: Float64Array;
  /** Units that appear in the structure; the others change nothing. */
  private readonly used: number[];

  constructor(
    private readonly model: Model,
    private readonly layout: ModelStructure,
    options: CompileStructureOptions = {},
  ) {
    // The distinct laws in order of first use, each with its index; `units` grows as the
    // components that share the law are read.
    const entries = new Map<string, { readonly index: number; law: UnitLaw }>();
    const facts = componentFacts(model).components;
    const componentLaws = model.components.map((component, c) => {
      const key = JSON.stringify([
        component.failure,
        component.repair,
        component.detection,
        component.coverage,
        component.inspection,
        component.preventive,
        component.costs,
      ]);
      let entry = entries.get(key);
      if (entry === undefined) {
        const { failure, repair, detection } = facts[c]!; // one entry per component
        entry = {
          index: entries.size,
          law: {
            life: failure,
            repair,
            meanDowntime: repair && repair.mean + (detection ? detection.mean : 0),
            coverage: component.coverage,
            inspection: component.inspection,
            preventive: component.preventive,
            costs: component.costs,
            units: 0,
          },
        };
        entries.set(key, entry);
      }
      entry.law = { ...entry.law, units: entry.law.units + component.count };
      return entry;
    });
    const unitEntries = model.units.map((unit) => {
      const entry = componentLaws[unit.component];
      if (entry === undefined) throw new Error(`internal: unit ${unit.name} has no component`);
      return entry;
    });
    this.laws = [...entries.values()].map((entry) => entry.law);
    this.lawOf = Int32Array.from(unitEntries, (entry) => entry.index);
    this.unitLaws = unitEntries.map((entry) => entry.law);
    this.lifetimes = this.unitLaws.map((law) => law.life);
    this.structure = compileStructure(layout.node, layout.variableCount, options);
    this.p = new Float64Array(layout.variableCount);
    this.q = new Float64Array(layout.variableCount);
    this.pl = new Float64Array(entries.size);
    this.ql = new Float64Array(entries.size);
    this.used = model.system ? unitsInStructure(model.system) : [];
  }

  /** R_sys(t) with the separable coverage method (u_i = 0 when coverage is 1). */
  reliability(t: number): number {
    // The probability that no unit has had an uncovered failure.
    let survivesUncovered = 1;
    this.laws.forEach((law, l) => {
      const r = law.life.sf(t);
      const f = law.life.cdf(t);
      // Written so that coverage 1 adds exactly nothing, whatever f is.
      const uncovered = law.coverage === 1 ? 0 : (1 - law.coverage) * f;
      const kept = 1 - uncovered;
      survivesUncovered *= kept ** law.units;
      // Conditional on no uncovered failure; when one is certain, R_sys is 0 whatever p is.
      this.pl[l] = kept > 0 ? r / kept : 0;
      this.ql[l] = kept > 0 ? (law.coverage * f) / kept : 1;
    });
    this.spreadToUnits();
    this.setBlocks(t);
    return probability(survivesUncovered * this.structure.probability(this.p, this.q));
  }

  /**
   * A_sys(t) for exponential units: each unit's point availability, or R(t) without repair; an
   * uncovered failure of a unit that is not repaired downs the system for good (separable
   * method, as for R(t)).
   */
  pointAvailability(t: number): number {
    const logKept = this.setPointAvailabilities(t);
    return probability(Math.exp(logKept) * this.structure.probability(this.p, this.q));
  }

  /**
   * U_sys(t) = 1 − A_sys(t), computed on the failure side so that small values keep digits:
   * U = (1 − K) + K·Φ̄(q) with K the probability of no uncovered failure so far.
   */
  pointUnavailability(t: number): number {
    const logKept = this.setPointAvailabilities(t);
    const failed = this.structure.failureProbability(this.p, this.q);
    return probability(-Math.expm1(logKept) + Math.exp(logKept) * failed);
  }

  /**
   * Whether some unit is not repaired and has coverage below 1: its uncovered failure downs the
   * system for good, so the long run depends on the path and has no steady state.
   */
  hasUncoveredLoss(): boolean {
    return this.laws.some((law) => law.repair === undefined && law.coverage < 1);
  }

  /**
   * Steady availability, failure frequency and the measures derived from them: each unit an
   * alternating renewal process (with age replacement, cycles end at failure or at the
   * replacement age; {@link renewalCycle}), combined through the structure function.
   */
  steadyState(): Measures {
    const cycleRate = new Float64Array(this.laws.length);
    this.laws.forEach((law, l) => {
      const cycle = this.cycle(law);
      // A non-repairable unit is down in the long run and fails no more.
      this.pl[l] = cycle === undefined ? 0 : cycle.up / cycle.length;
      this.ql[l] = cycle === undefined ? 1 : cycle.down / cycle.length;
      cycleRate[l] = cycle === undefined ? 0 : cycle.downs / cycle.length;
    });
    this.spreadToUnits();
    // Standby blocks are not repairable (checkAnalyticSupport): down in the long run.
    const offset = this.model.units.length;
    this.layout.blocks.forEach((_, b) => {
      this.p[offset + b] = 0;
      this.q[offset + b] = 1;
    });
    const steadyAvailability = probability(this.structure.probability(this.p, this.q));
    const steadyUnavailability = probability(this.structure.failureProbability(this.p, this.q));
    const importance = this.structure.birnbaum(this.p, this.q);
    let failureFrequency = 0;
    // importance has an entry per variable, units first; cycleRate one per law.
    this.lawOf.forEach((l, unit) => {
      failureFrequency += importance[unit]! * cycleRate[l]!;
    });
    return steadyStateMeasures(steadyAvailability, steadyUnavailability, failureFrequency);
  }

  /**
   * The long-run maintenance cost per time unit (docs/semantics.md, "Costs"): the sum over units
   * of each one's renewal-reward rate, cost per cycle over cycle length; a unit never repaired
   * is down for good and costs its downtime rate.
   *
   * @param crewCostPerHour - cost per time unit a crew spends repairing
   */
  costRate(crewCostPerHour: number): number {
    const rates = this.laws.map((law) => {
      const cycle = this.cycle(law, crewCostPerHour);
      const perUnit =
        cycle === undefined ? (law.costs?.downtimePerHour ?? 0) : cycle.cost / cycle.length;
      return perUnit * law.units;
    });
    return exactSum(rates);
  }

  /** The renewal cycle of a repairable law; undefined when its units are not repaired. */
  private cycle(law: UnitLaw, crewCostPerHour = 0): RenewalCycle | undefined {
    if (law.repair === undefined || law.meanDowntime === undefined) return undefined;
    return renewalCycle(law.life, {
      meanDowntime: law.meanDowntime,
      meanRepair: law.repair.mean,
      ...(law.preventive && { preventive: law.preventive }),
      ...(law.costs && { costs: law.costs }),
      crewCostPerHour,
    });
  }

  /**
   * The shortest time on which R(t) can change: a millionth-quantile of a unit's life, or a
   * thousandth of the mean life of all units in series.
   */
  shortestLifeScale(): number {
    let shortest = Infinity;
    let totalRate = 0;
    for (const unit of this.used) {
      const { life } = this.unitLaw(unit);
      totalRate += rateOf(life);
      const early = life.quantile(1e-6);
      if (early > 0) shortest = Math.min(shortest, early);
    }
    return Math.min(shortest, 1e-3 / totalRate);
  }

  /**
   * The shortest time on which A(t) can change (exponential units): a thousandth of
   * 1/Σ(λ_i + μ_i), the fastest rate in the combined transient.
   */
  shortestAvailabilityScale(): number {
    let totalRate = 0;
    for (const unit of this.used) {
      const { life, repair } = this.unitLaw(unit);
      totalRate += rateOf(life) + (repair ? rateOf(repair) : 0);
    }
    return 1e-3 / totalRate;
  }

  /**
   * The time after which A(t) equals its limit to double precision: 40 times the slowest unit
   * transient (e^{−40} ≈ 4·10⁻¹⁸), 1/(λ + μ) or, without repair, the mean life.
   */
  availabilitySettlingTime(): number {
    let slowest = 0;
    for (const unit of this.used) {
      const { life, repair } = this.unitLaw(unit);
      const rate = rateOf(life) + (repair ? rateOf(repair) : 0);
      slowest = Math.max(slowest, 1 / rate);
    }
    // A standby block's life is at most the sum of its units' lives.
    for (const block of this.layout.blocks) {
      slowest = Math.max(
        slowest,
        block.units.reduce((sum, unit) => sum + this.unitLaw(unit).life.mean, 0),
      );
    }
    return 40 * slowest;
  }

  /** The unit whose structure is the whole system, when it is one unit: its law is the answer. */
  singleUnit(): number | undefined {
    return this.layout.node.kind === 'component' &&
      this.layout.node.component < this.model.units.length
      ? this.layout.node.component
      : undefined;
  }

  /** The MTTF of the system when it is one standby block, by its closed form; else undefined. */
  singleBlockMttf(): number | undefined {
    const node = this.layout.node;
    if (node.kind !== 'component' || node.component < this.model.units.length) return undefined;
    const block = this.layout.blocks[node.component - this.model.units.length];
    return block && standbyBlockMttf(block, this.lifetimes);
  }

  /** The mean life of one unit, exact. */
  meanLife(unit: number): number {
    return this.unitLaw(unit).life.mean;
  }

  /** The law of `unit`, checked: unit numbers come from the structure and the callers. */
  private unitLaw(unit: number): UnitLaw {
    const law = this.unitLaws[unit];
    if (law === undefined) throw new Error(`internal: the model has no unit ${unit}`);
    return law;
  }

  /**
   * Sets every unit's point availability at t, conditional on no uncovered failure, and returns
   * ln K, K the probability of no uncovered failure of a non-repaired unit by t.
   */
  private setPointAvailabilities(t: number): number {
    let logKept = 0;
    this.laws.forEach((law, l) => {
      if (law.inspection) {
        // Repair is instantaneous or absent (checked by the caller).
        const down = hiddenFailureUnavailability(
          rateOf(law.life),
          law.inspection,
          t,
          law.repair !== undefined,
        );
        this.ql[l] = down;
        this.pl[l] = 1 - down;
      } else if (law.repair) {
        this.pl[l] = pointAvailability(rateOf(law.life), rateOf(law.repair), t);
        this.ql[l] = pointUnavailability(rateOf(law.life), rateOf(law.repair), t);
      } else {
        const r = law.life.sf(t);
        const f = law.life.cdf(t);
        // Coverage 1 adds exactly nothing, whatever f is.
        const uncovered = law.coverage === 1 ? 0 : (1 - law.coverage) * f;
        const kept = 1 - uncovered;
        logKept += law.units * Math.log1p(-uncovered);
        this.pl[l] = kept > 0 ? r / kept : 0;
        this.ql[l] = kept > 0 ? (law.coverage * f) / kept : 1;
      }
    });
    this.spreadToUnits();
    this.setBlocks(t);
    return logKept;
  }

  /** Copies each law's probabilities to its units. */
  private spreadToUnits(): void {
    // p and q have an entry per variable, units first; pl and ql one per law.
    for (let unit = 0; unit < this.lawOf.length; unit++) {
      const l = this.lawOf[unit]!;
      this.p[unit] = this.pl[l]!;
      this.q[unit] = this.ql[l]!;
    }
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
