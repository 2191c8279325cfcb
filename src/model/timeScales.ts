import { distributionFromSpec } from '../distributions/registry.js';
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
 * Returns the default horizon of a repairable system: ten of its longest relaxation times, by
 * which every transient of A(t) has decayed to e^{-10} ≈ 5·10⁻⁵ of its size.
 *
 * $$
 * T = 10 \max_{i \in S} \tau_i,\qquad
 * \tau_i = \frac{1}{1/\mathrm{MTTF}_i + 1/\mathrm{MDT}_i}\ (\text{repairable}),\quad
 * \tau_i = \mathrm{MTTF}_i\ (\text{not repairable})
 * $$
 *
 * - S: the units in the structure ({@link unitsInStructure}); MDT_i: mean detection delay plus
 *   mean repair time; switch-over and recovery delays count as relaxation times of their own
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
  const mean = (spec: Parameters<typeof distributionFromSpec>[0] | undefined): number =>
    spec === undefined ? 0 : distributionFromSpec(spec).mean;
  let longest = 0;
  for (const unit of unitsInStructure(model.system)) {
    const component = unitComponent(model, unit);
    const life = mean(component.failure);
    const down = component.repair && mean(component.repair) + mean(component.detection);
    const relaxation = down === undefined ? life : 1 / (1 / life + 1 / down);
    longest = Math.max(longest, relaxation, mean(component.recovery));
  }
  const delays: SystemNode[] = [model.system];
  for (let node = delays.pop(); node !== undefined; node = delays.pop()) {
    if (node.kind === 'standby') longest = Math.max(longest, mean(node.switchDelay));
    else if ('children' in node) delays.push(...node.children);
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

/**
 * Returns the model's slowest time scale: the largest mean failure, repair, detection or recovery
 * time of a unit in the structure, or mean switch-over time of a standby block.
 *
 * $$
 * \tau_{\max} = \max\big(\{E[X_i], E[R_i], E[D_i], E[V_i] : i \in S\} \cup \{E[W_b]\}\big)
 * $$
 *
 * - S: the units in the structure ({@link unitsInStructure}); X life, R repair, D detection, V
 *   recovery time; W_b the switch-over time of standby block b
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
  if (!model.system) return slowest;
  const consider = (
    spec: Parameters<typeof distributionFromSpec>[0] | undefined,
    what: string,
  ): void => {
    if (spec === undefined) return;
    const value = distributionFromSpec(spec).mean;
    if (value > slowest.value) slowest = { value, what };
  };
  const seen = new Set<ComponentModel>();
  for (const unit of unitsInStructure(model.system)) {
    const component = unitComponent(model, unit);
    if (seen.has(component)) continue;
    seen.add(component);
    consider(component.failure, `the mean life of ${component.name}`);
    consider(component.repair, `the mean repair time of ${component.name}`);
    consider(component.detection, `the mean detection time of ${component.name}`);
    consider(component.recovery, `the mean recovery time of ${component.name}`);
  }
  const nodes: SystemNode[] = [model.system];
  for (let node = nodes.pop(); node !== undefined; node = nodes.pop()) {
    if (node.kind === 'standby')
      consider(node.switchDelay, `the mean switch-over time of ${node.path}`);
    else if ('children' in node) nodes.push(...node.children);
  }
  return slowest;
}
