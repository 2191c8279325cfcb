import { SLOT, type ChainLayout } from './fromModelLayout.js';
import { failedCount } from './fromModelState.js';

// `!` on state vectors s and next: both have layout.width entries and every slot read is a
// group's, a test or a back slot that chainLayout placed inside them; groups index components
// of the layout.

/** Whether the model has any cost: a component's `costs`, or a crew cost per time unit. */
export function hasCosts(layout: ChainLayout): boolean {
  return (
    layout.model.components.some((component) => component.costs !== undefined) ||
    (layout.model.maintenance.crewCostPerHour ?? 0) > 0
  );
}

/**
 * Returns the cost per time unit earned in state s (docs/semantics.md, "Costs"):
 *
 * $$
 * r(s) = \sum_g d_{c(g)}\,(f_g + o_g) + w \sum_g r_g
 * $$
 *
 * - f_g: failed units of group g (hidden, detecting, awaiting a spare, waiting, in repair, lost); o_g: its working
 *   units out of service in a test; r_g: its units in repair; d_c: `downtime_per_hour` of
 *   component c; w: `crew_cost_per_hour` (every unit in repair holds one crew)
 */
export function stateCostRate(layout: ChainLayout, s: Int32Array): number {
  const crew = layout.model.maintenance.crewCostPerHour ?? 0;
  let cost = 0;
  layout.groups.forEach((group, g) => {
    const o = group.offset;
    const failed = failedCount(layout, s, o);
    const repairing = s[o + SLOT.repair0]! + s[o + SLOT.repair1]!;
    const testing = layout.testSlot[group.component]!;
    const back = layout.backSlot[g]!;
    const tested =
      testing >= 0 && s[testing] === 1
        ? group.units.length - failed - (back >= 0 ? s[back]! : 0)
        : 0;
    const downtime = layout.model.components[group.component]!.costs?.downtimePerHour ?? 0;
    cost += downtime * (failed + tested) + crew * repairing;
  });
  return cost;
}

/**
 * Returns the corrective cost of the repairs that start when the state goes from s to next by
 * a transition: per group, the growth of its units in repair, plus one when the transition is
 * the end of a repair of that group (`completed`: a crew freed takes the next unit).
 */
export function repairStartCost(
  layout: ChainLayout,
  s: Int32Array,
  next: Int32Array,
  completed = -1,
): number {
  let cost = 0;
  layout.groups.forEach((group, g) => {
    const corrective = layout.model.components[group.component]!.costs?.corrective ?? 0;
    const o = group.offset;
    const inRepair = (x: Int32Array): number => x[o + SLOT.repair0]! + x[o + SLOT.repair1]!;
    cost += corrective * (inRepair(next) - inRepair(s) + (g === completed ? 1 : 0));
  });
  return cost;
}

/**
 * Returns the corrective cost of the repairs a test's end starts (s before, next after): those
 * that take a crew, and the units renewed at once by a repair that takes no time.
 */
export function testEndCost(layout: ChainLayout, s: Int32Array, next: Int32Array): number {
  let cost = repairStartCost(layout, s, next);
  for (const group of layout.groups) {
    if (!layout.rates[group.component]!.instantRepair) continue;
    const corrective = layout.model.components[group.component]!.costs?.corrective ?? 0;
    const hidden = group.offset + SLOT.hidden;
    cost += corrective * (s[hidden]! - next[hidden]!);
  }
  return cost;
}
