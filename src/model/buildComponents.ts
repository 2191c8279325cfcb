import { distributionFromSpec, specKey } from '../distributions/registry.js';
import { ParameterError, formatValue } from '../errors.js';
import type { DistributionSpec } from '../distributions/registry.js';
import type { ComponentModel, UnitModel } from './Model.js';
import { limitReached } from './ModelLimits.js';
import { evaluateUpkeep } from './buildUpkeep.js';
import { evaluateInteger, evaluateProbability } from './evaluateFields.js';
import { evaluateNumeric, type ParameterValues } from './parameters.js';
import type { RawComponent, RawDistribution } from './schema.js';
import type { Path, PathIssue } from './source.js';

/**
 * Evaluates the `components` section (or the basic events with failure times of a fault tree,
 * `section` "events"): counts, distributions (checked by their factories), coverage. Every
 * problem becomes an issue at its path; components with problems are left out, and so is a
 * component whose count brings the units over `maxUnits` (see ModelLimits).
 */
export function buildComponents(
  raw: ReadonlyMap<string, RawComponent>,
  parameters: ParameterValues,
  shorthands: {
    failure: Readonly<Record<string, string>>;
    repair: Readonly<Record<string, string>>;
    delay: Readonly<Record<string, string>>;
  },
  maxUnits: number,
  issues: PathIssue[],
  section: 'components' | 'events' = 'components',
): { components: ComponentModel[]; units: UnitModel[] } {
  const components: ComponentModel[] = [];
  const units: UnitModel[] = [];
  // Specs the factories accepted: a model's many equal laws are checked once.
  const accepted = new Set<string>();
  for (const [name, component] of raw) {
    const path = [section, name];
    const count =
      component.count === undefined
        ? 1
        : evaluateInteger(component.count, parameters, [...path, 'count'], 1, Infinity, issues);
    const failure = evaluateDistribution(
      component.failure,
      parameters,
      [...path, 'failure'],
      shorthands.failure,
      issues,
      accepted,
    );
    const repair =
      component.repair === undefined
        ? undefined
        : evaluateDistribution(
            component.repair,
            parameters,
            [...path, 'repair'],
            shorthands.repair,
            issues,
            accepted,
          );
    const coverage =
      component.coverage === undefined
        ? 1
        : evaluateProbability(component.coverage, parameters, [...path, 'coverage'], issues);
    const delays: { detection?: DistributionSpec; recovery?: DistributionSpec } = {};
    for (const role of ['detection', 'recovery'] as const) {
      const raw = component[role];
      if (raw === undefined) continue;
      const spec = evaluateDistribution(
        raw,
        parameters,
        [...path, role],
        shorthands.delay,
        issues,
        accepted,
      );
      if (spec) delays[role] = spec;
    }
    const upkeep = evaluateUpkeep(component, parameters, path, issues);
    if (count === undefined || failure === undefined || coverage === undefined) continue;
    if (upkeep === undefined) continue;
    if (component.repair !== undefined && repair === undefined) continue;
    if (component.detection !== undefined && !delays.detection) continue;
    if (component.recovery !== undefined && !delays.recovery) continue;
    if (units.length + count > maxUnits) {
      issues.push({
        path: [...path, 'count'],
        message: `brings the number of units to ${units.length + count}; ${limitReached('maxUnits', maxUnits)}`,
      });
      continue;
    }
    const index = components.length;
    components.push({
      name,
      count,
      failure,
      ...(repair && { repair }),
      coverage,
      ...delays,
      ...upkeep,
    });
    for (let copy = 0; copy < count; copy++) {
      units.push({ name: count === 1 ? name : `${name}[${copy + 1}]`, component: index, copy });
    }
  }
  return { components, units };
}

/**
 * Evaluates a distribution's parameters and checks them with the family's factory, so the model
 * accepts exactly what the library accepts. Shorthands become exponentials. A spec whose key
 * (see specKey) is in `accepted` is not checked again; one that passes joins it.
 */
export function evaluateDistribution(
  raw: RawDistribution,
  parameters: ParameterValues,
  path: Path,
  shorthands: Readonly<Record<string, string>>,
  issues: PathIssue[],
  accepted?: Set<string>,
): DistributionSpec | undefined {
  let complete = true;
  const { dist, ...values } = raw;
  // Which key of the file each canonical parameter came from, to point messages at it.
  const keyOf = new Map<string, string>();
  const spec: Record<string, number | string> = { dist: dist ?? 'exponential' };
  for (const [key, value] of Object.entries(values)) {
    // Own keys only: a key such as "constructor" must not find Object's.
    const shorthand = Object.hasOwn(shorthands, key) ? shorthands[key] : undefined;
    const parameter = dist === undefined ? (shorthand ?? key) : key;
    keyOf.set(parameter, key);
    const evaluated = evaluateNumeric(value, parameters, [...path, key], issues);
    if (evaluated !== undefined) spec[parameter] = evaluated;
    // Undefined after an issue, or silently for a parameter whose own definition failed.
    else complete = false;
  }
  if (!complete) return undefined;
  const checked = spec as DistributionSpec;
  const key = accepted ? specKey(checked) : undefined;
  if (key !== undefined && accepted?.has(key)) return checked;
  try {
    distributionFromSpec(checked);
  } catch (error) {
    if (!(error instanceof ParameterError)) throw error;
    const key = keyOf.get(error.parameter);
    issues.push(
      key === undefined
        ? { path, message: `${dist ?? 'exponential'}: ${error.message.replace(/^[^:]*: /, '')}` }
        : {
            path: [...path, key],
            message: `must ${error.expectation}; got ${formatValue(error.value)}`,
          },
    );
    return undefined;
  }
  if (key !== undefined) accepted?.add(key);
  return checked;
}
