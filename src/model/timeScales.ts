import type { Distribution } from '../distributions/types.js';
import { componentFacts, unitLaws } from './componentFacts.js';
import { type ComponentModel, type Model, type SystemNode, unitComponent } from './Model.js';

/**
 * Returns the units that appear in the structure, in increasing order: a unit outside it
 * (a spare part listed under `components` and never used) changes no measure of the system,
 * so it must not set any time scale.
 */
export function unitsInStructure(system: SystemNode): number[] {
  const units = new Set<number>();
  const stack: SystemNode[] = [system];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    switch (node.kind) {
      case 'unit':
        units.add(node.unit);
        break;
      case 'standby':
        for (const unit of node.units) units.add(unit);
        break;
      case 'network':
        for (const edge of node.edges) units.add(edge.unit);
        break;
      default:
        stack.push(...node.children);
    }
  }
  return [...units].sort((a, b) => a - b);
}

/**
 * Returns the units whose times set a model's time scales: those in the structure
 * ({@link unitsInStructure}), or every unit of the model when the structure uses none (an empty
 * series or parallel: a constant system, whose curves still need a time axis).
 */
export function timedUnits(model: Model): number[] {
  const used = model.system ? unitsInStructure(model.system) : [];
  return used.length > 0 ? used : model.units.map((_, unit) => unit);
}

/**
 * Returns the largest mean life of the units that set the model's time scales
 * ({@link timedUnits}): the time scale of a system that is not repaired.
 */
export function longestMeanLife(model: Model): number {
  return Math.max(0, ...timedUnits(model).map((unit) => unitLaws(model, unit).failure.mean));
}

/**
 * Returns the default horizon of a repairable system: ten of its longest relaxation times, by
 * which every transient of A(t) has decayed to e^{-10} ≈ 5·10⁻⁵ of its size.
 *
 * $$
 * T = 10 \max_{i \in S} \tau_i,\qquad
 * \tau_i = \frac{1}{1/\mathrm{MTTF}_i + 1/\mathrm{MDT}_i}\ (\text{repairable}),\quad
 * \tau_i = \mathrm{MTTF}_i\ (\text{not repairable, or repaired at once})
 * $$
 *
 * - S: the units in the structure ({@link timedUnits}); MDT_i: mean detection delay plus
 *   mean repair time; switch-over and recovery delays, spare pools' lead times, preventive
 *   replacement intervals and the first test cycle of proof tests (first + interval) count as
 *   time scales of their own
 *
 * @remarks
 * For one exponential unit τ = 1/(λ + μ) is exactly the decay time of A(t) − A(∞); for
 * independent units the system's transient is a combination of the units'. Finite crews and
 * priorities slow the relaxation; the rule is a default, and `mission_time` or an explicit
 * horizon overrides it. Units outside the structure are ignored, so a spare listed but unused
 * never stretches the horizon.
 *
 * @see M. Rausand, A. Høyland, System Reliability Theory, 2nd ed., Wiley, 2004, §5.3 (point and
 * average availability of a repairable unit; paywalled).
 */
export function repairableHorizon(model: Model): number {
  if (!model.system) return 0;
  const mean = (law: Distribution | undefined): number => law?.mean ?? 0;
  let longest = 0;
  for (const unit of timedUnits(model)) {
    const laws = unitLaws(model, unit);
    const life = laws.failure.mean;
    const down = laws.repair && laws.repair.mean + mean(laws.detection);
    // An instantaneous repair: the unit is never down, but still fails on the scale of its life.
    const relaxation = down === undefined || down === 0 ? life : 1 / (1 / life + 1 / down);
    const { preventive, inspection } = unitComponent(model, unit);
    longest = Math.max(
      longest,
      relaxation,
      mean(laws.recovery),
      preventive?.interval ?? 0,
      inspection ? inspection.first + inspection.interval : 0,
    );
  }
  const { switchDelays, leadTimes } = componentFacts(model);
  for (const delay of [...switchDelays.values(), ...leadTimes]) {
    longest = Math.max(longest, delay.mean);
  }
  return 10 * longest;
}

/** The slowest time scale of a model, and what it is. */
export interface TimeScale {
  /** The largest mean, in the model's time unit; 0 for a model with no structure. */
  readonly value: number;
  /** What it is, e.g. `the mean repair time of disk`. */
  readonly what: string;
}

/** A law that times a model's behaviour, and what it times. */
export interface TimedLaw {
  readonly law: Distribution;
  /** `life`: a unit works through it; `delay`: a unit or the system waits through it. */
  readonly kind: 'life' | 'delay';
  /** What it times, e.g. `repair time of disk`. */
  readonly what: string;
}

/**
 * Returns the laws that time a model's behaviour: the failure, repair, detection and recovery
 * times of each component type with a unit in the structure ({@link timedUnits}), the switch-over
 * times of standby blocks and the lead times of spare pools.
 *
 * @param model - a loaded model
 * @returns the laws in model order, each once per component type; none without a structure
 */
export function timedLaws(model: Model): TimedLaw[] {
  const laws: TimedLaw[] = [];
  if (!model.system) return laws;
  const add = (
    law: Distribution | undefined,
    what: string,
    kind: TimedLaw['kind'] = 'delay',
  ): void => {
    if (law !== undefined) laws.push({ law, kind, what });
  };
  const seen = new Set<ComponentModel>();
  for (const unit of timedUnits(model)) {
    const component = unitComponent(model, unit);
    if (seen.has(component)) continue;
    seen.add(component);
    const { failure, repair, detection, recovery } = unitLaws(model, unit);
    add(failure, `life of ${component.name}`, 'life');
    add(repair, `repair time of ${component.name}`);
    add(detection, `detection time of ${component.name}`);
    add(recovery, `recovery time of ${component.name}`);
  }
  const { switchDelays, leadTimes } = componentFacts(model);
  for (const [node, delay] of switchDelays) add(delay, `switch-over time of ${node.path}`);
  leadTimes.forEach((lead, p) => {
    add(lead, `lead time of the spare pool "${model.maintenance.spares![p]!.name}"`);
  });
  return laws;
}

/**
 * Returns the model's slowest time scale: the largest mean failure, repair, detection or recovery
 * time of a unit in the structure, or mean switch-over time of a standby block.
 *
 * $$
 * \tau_{\max} = \max\big(\{E[X_i], E[R_i], E[D_i], E[V_i] : i \in S\} \cup \{E[W_b]\}\big)
 * $$
 *
 * - S: the units in the structure ({@link timedUnits}); X life, R repair, D detection, V
 *   recovery time; W_b the switch-over time of standby block b; the lead times L_p of the
 *   spare pools join the set ({@link timedLaws})
 *
 * @param model - a loaded model
 * @returns the largest mean and a phrase naming it
 *
 * @remarks The simulator's default horizon is ten of these, and a horizon shorter than that makes
 * its steady estimates inconclusive: averages over a few of the slowest periods do not settle.
 * O(units + nodes).
 */
export function slowestTimeScale(model: Model): TimeScale {
  let slowest: TimeScale = { value: 0, what: 'no time' };
  for (const { law, what } of timedLaws(model)) {
    if (law.mean > slowest.value) slowest = { value: law.mean, what: `the mean ${what}` };
  }
  return slowest;
}

/**
 * How many of the slowest time scale a simulated horizon needs before time averages settle: the
 * default horizon is this many, and a shorter one makes steady estimates inconclusive.
 */
export const SETTLING_SCALES = 10;

/**
 * Returns the default horizon of a simulation: the model's mission time, else
 * {@link SETTLING_SCALES} of its slowest time scale ({@link slowestTimeScale}).
 *
 * $$
 * T = \text{mission\_time}, \text{ else } 10\,\tau_{\max}
 * $$
 *
 * @param model - a loaded model with a `system`
 * @returns T, > 0 (Infinity when 10 τ_max overflows; callers refuse it)
 */
export function defaultHorizon(model: Model): number {
  return model.missionTime ?? SETTLING_SCALES * slowestTimeScale(model).value;
}
