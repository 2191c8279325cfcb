import { formatValue } from '../errors.js';
import type {
  CostsModel,
  ImperfectRepairModel,
  InspectionModel,
  PreventiveModel,
} from './Model.js';
import { evaluateNonNegative, evaluateProbability } from './evaluateFields.js';
import type { ParameterValues } from './parameters.js';
import type { RawComponent, RawCosts } from './schema.js';
import type { Numeric } from './schemaKit.js';
import type { Path, PathIssue } from './source.js';

/** Largest cost of one event or time unit: a mission's sum stays finite. */
const MAX_COST = 1e100;

/** The evaluated field of each cost key of the file. */
const COST_FIELDS: Readonly<Record<keyof RawCosts, keyof CostsModel>> = {
  corrective: 'corrective',
  preventive: 'preventive',
  inspection: 'inspection',
  downtime_per_hour: 'downtimePerHour',
};

/** A component's proof tests, preventive replacement, repair quality and costs, evaluated. */
export interface Upkeep {
  readonly inspection?: InspectionModel;
  readonly preventive?: PreventiveModel;
  readonly imperfectRepair?: ImperfectRepairModel;
  readonly costs?: CostsModel;
}

/**
 * Evaluates the `inspection`, `preventive`, `imperfect_repair` and `costs` fields of one
 * component and checks how they combine with its other fields. Every problem becomes an issue at
 * its path.
 *
 * @returns the evaluated fields, or undefined after recording issues
 */
export function evaluateUpkeep(
  component: RawComponent,
  parameters: ParameterValues,
  path: Path,
  issues: PathIssue[],
): Upkeep | undefined {
  const before = issues.length;
  // NaN after an issue: the result is then discarded.
  const number = (raw: Numeric | undefined, at: string, fallback: number, positive = false) =>
    raw === undefined
      ? fallback
      : (evaluateNonNegative(raw, parameters, [...path, ...at.split('.')], issues, positive) ??
        NaN);
  const upkeep: {
    inspection?: InspectionModel;
    preventive?: PreventiveModel;
    imperfectRepair?: ImperfectRepairModel;
    costs?: CostsModel;
  } = {};
  const { inspection, preventive, imperfect_repair: imperfect, costs } = component;
  if (inspection) {
    const interval = number(inspection.interval, 'inspection.interval', NaN, true);
    const duration = number(inspection.duration, 'inspection.duration', 0);
    const coverage =
      inspection.coverage === undefined
        ? 1
        : evaluateProbability(
            inspection.coverage,
            parameters,
            [...path, 'inspection', 'coverage'],
            issues,
          );
    const first = number(inspection.first, 'inspection.first', interval, true);
    if (duration >= interval && Number.isFinite(interval)) {
      issues.push({
        path: [...path, 'inspection', 'duration'],
        message: `must be shorter than the interval ${formatValue(interval)}; got ${formatValue(duration)}`,
      });
    }
    if (coverage !== undefined) upkeep.inspection = { interval, duration, coverage, first };
    const clash = [
      component.detection && 'a detection delay (announced failures)',
      component.coverage !== undefined && 'coverage (uncovered failures downing the system)',
      preventive && 'preventive replacement',
    ].filter(Boolean);
    if (clash.length > 0) {
      issues.push({
        path: [...path, 'inspection'],
        message: `cannot be combined with ${clash.join(' or ')} yet: its failures are hidden until a proof test finds them`,
      });
    }
  }
  if (preventive) {
    const interval = number(preventive.interval, 'preventive.interval', NaN, true);
    const duration = number(preventive.duration, 'preventive.duration', 0);
    upkeep.preventive = { policy: preventive.policy, interval, duration };
    if (preventive.policy === 'block' && duration >= interval) {
      issues.push({
        path: [...path, 'preventive', 'duration'],
        message: `must be shorter than the block interval ${formatValue(interval)}; got ${formatValue(duration)}`,
      });
    }
  }
  if (imperfect) {
    const factor = evaluateProbability(
      imperfect.factor,
      parameters,
      [...path, 'imperfect_repair', 'factor'],
      issues,
    );
    if (factor !== undefined) upkeep.imperfectRepair = { model: imperfect.model, factor };
    if (component.repair === undefined) {
      issues.push({
        path: [...path, 'imperfect_repair'],
        message: 'needs a repair: a component without repair is never repaired',
      });
    }
  }
  if (costs) {
    if (costs.corrective !== undefined && component.repair === undefined) {
      issues.push({
        path: [...path, 'costs', 'corrective'],
        message: 'is never paid: the component has no repair (add one, or remove this cost)',
      });
    }
    upkeep.costs = {
      corrective: number(costs.corrective, 'costs.corrective', 0),
      preventive: number(costs.preventive, 'costs.preventive', 0),
      inspection: number(costs.inspection, 'costs.inspection', 0),
      downtimePerHour: number(costs.downtime_per_hour, 'costs.downtime_per_hour', 0),
    };
    for (const [key, value] of Object.entries(costs)) {
      const cost = Number(upkeep.costs[COST_FIELDS[key as keyof RawCosts]]);
      if (!(cost > MAX_COST)) continue;
      issues.push({
        path: [...path, 'costs', key],
        message: `must be at most 1e100 (sums of larger costs overflow); got ${formatValue(value)}`,
      });
    }
  }
  return issues.length === before ? upkeep : undefined;
}
