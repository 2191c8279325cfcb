import type { Model } from '../model/Model.js';
import { proofTestEdges, testSchedules } from '../model/timeGrid.js';
import { evaluateStructure } from '../structure/evaluateStructure.js';
import { toStructure } from '../structure/toStructure.js';

/**
 * Returns the time in [0, T] the system is down when no unit fails: during the proof tests that
 * take the units of their components out of service (docs/semantics.md, "Hidden failures and
 * proof tests"). A replication without a failure has exactly this down time, so it is the floor
 * of the interval unavailability, the part that does not vary between replications; the
 * estimate's uncertainty rests on the replications with more.
 *
 * $$
 * D_0(T) = \sum_{j} (e_{j+1} - e_j)\,\big[\Phi(x(m_j)) = 0\big], \quad m_j = (e_j + e_{j+1})/2
 * $$
 * - e_j: 0, the tests' starts and ends in (0, T), and T; x(m): every unit works but those of
 *   components under test at m; Φ: the structure function
 *
 * @param model - a model with a `system` (standby blocks cannot hold proof-tested units)
 * @param horizon - T, > 0
 * @returns D₀(T); 0 without tests that take time
 *
 * @remarks Cost O(E·S), E the test edges in [0, T] and S the structure's size.
 */
export function testDowntime(model: Model, horizon: number): number {
  const schedules = testSchedules(model.components);
  if (!model.system || schedules.every((schedule) => schedule.duration === 0)) return 0;
  const structure = toStructure(model, model.system);
  const evaluate = evaluateStructure(structure.node, structure.variableCount);
  const cuts = [0, ...proofTestEdges(schedules, horizon), horizon];
  const up = new Uint8Array(structure.variableCount);
  let down = 0;
  for (let j = 1; j < cuts.length; j++) {
    const [a, b] = [cuts[j - 1]!, cuts[j]!]; // j in [1, length)
    const middle = (a + b) / 2;
    up.fill(1);
    model.units.forEach((unit, i) => {
      const plan = model.components[unit.component]?.inspection;
      if (plan && underTest(plan, middle)) up[i] = 0;
    });
    if (!evaluate.up(up)) down += b - a;
  }
  return down;
}

/** Whether a test of the plan is in progress at t. */
function underTest(
  plan: { readonly first: number; readonly interval: number; readonly duration: number },
  t: number,
): boolean {
  if (t < plan.first || plan.duration === 0) return false;
  const start = plan.first + Math.floor((t - plan.first) / plan.interval) * plan.interval;
  return t < start + plan.duration;
}
