import type { Model } from './Model.js';

/**
 * Returns why a model's repairable units depend on each other through their repairs, or
 * undefined when they do not: fewer crews than repairable units (a failed unit may wait for a
 * crew), a spare pool (it may wait for a spare), or ageing halted while the system is down. The
 * closed forms and a static fault tree both need independent units, and say this reason when
 * they refuse.
 *
 * @param model - a loaded model
 * @returns the reason, naming the field, or undefined
 *
 * @example
 * ```ts
 * const pair = loadModel('name: a\ncomponents: { x: { count: 2, failure: { mtbf: 10 }, repair: { mttr: 1 } } }\nmaintenance: { crews: 1 }\nsystem: { parallel: [x] }');
 * sharedRepairReason(pair); // → maintenance.crews is 1 for 2 repairable units: a failed unit may wait for a crew, so units are dependent
 * ```
 */
export function sharedRepairReason(model: Model): string | undefined {
  const repairableUnits = model.components.reduce(
    (sum, component) => sum + (component.repair === undefined ? 0 : component.count),
    0,
  );
  if (repairableUnits === 0) return undefined;
  const crews = model.maintenance.crews;
  if (crews !== undefined && crews < repairableUnits) {
    return `maintenance.crews is ${crews} for ${repairableUnits} repairable units: a failed unit may wait for a crew, so units are dependent`;
  }
  const pool = model.maintenance.spares?.[0];
  if (pool !== undefined) {
    const served =
      pool.components.length === 1 ? 'one component' : `${pool.components.length} components`;
    return `the spare pool "${pool.name}" holds ${pool.stock} for ${served}: a failed unit may wait for a spare, so units are dependent`;
  }
  if (model.maintenance.idleWhileDown) {
    return 'maintenance.idle_while_down makes every unit depend on the system state';
  }
  return undefined;
}
