import { listNames } from '../errors.js';
import { evaluateDistribution } from './buildComponents.js';
import { evaluateInteger } from './evaluateFields.js';
import type { ComponentModel, SparePoolModel, UnitModel } from './Model.js';
import type { ParameterValues } from './parameters.js';
import type { RawCommonCause } from './faultTreeSchema.js';
import type { RawSparePool } from './schema.js';
import type { PathIssue } from './source.js';

/** What the pools are checked against. */
export interface SparePoolContext {
  readonly components: readonly ComponentModel[];
  readonly units: readonly UnitModel[];
  readonly parameters: ParameterValues;
  readonly delayShorthands: Readonly<Record<string, string>>;
  /** The model's common-cause groups as written (their members may not draw on a pool). */
  readonly commonCause: readonly RawCommonCause[];
  /** Components rejected earlier (already reported): named silently. */
  readonly rejected: ReadonlySet<string>;
  /** Every component the file defines, for messages. */
  readonly written: readonly string[];
  readonly issues: PathIssue[];
}

/**
 * Evaluates `maintenance.spares`: each pool's stock, lead time and the components it serves.
 * A served component must be repairable (a pool supplies repairs), served by one pool only, and
 * neither preventively replaced nor a member of a common-cause group (whose shared failures
 * would draw several spares at once; neither is modelled with spares yet).
 *
 * @returns the pools in file order, or undefined after recording issues
 */
export function buildSparePools(
  written: readonly RawSparePool[],
  context: SparePoolContext,
): SparePoolModel[] | undefined {
  const { components, issues } = context;
  const before = issues.length;
  const index = new Map(components.map((component, c) => [component.name, c]));
  const servedBy = new Map<number, string>();
  const named = new Map<string, number>();
  const pools = written.map((raw, p): SparePoolModel | undefined => {
    const path = ['maintenance', 'spares', p];
    const name = raw.name ?? `pool ${p + 1}`;
    const first = named.get(name);
    if (first !== undefined) {
      issues.push({
        path: [...path, 'name'],
        message: `"${name}" is the name of pool ${first + 1} already; pool names must differ`,
      });
    }
    named.set(name, p);
    const stock = evaluateInteger(
      raw.stock,
      context.parameters,
      [...path, 'stock'],
      0,
      1e6,
      issues,
    );
    const leadTime = evaluateDistribution(
      raw.lead_time,
      context.parameters,
      [...path, 'lead_time'],
      context.delayShorthands,
      issues,
    );
    const served: number[] = [];
    raw.components.forEach((componentName, entry) => {
      const where = [...path, 'components', entry];
      const c = index.get(componentName);
      if (c === undefined) {
        if (!context.rejected.has(componentName)) {
          issues.push({
            path: where,
            message: `names the unknown component "${componentName}" (components: ${listNames(context.written, context.written.length)})`,
          });
        }
        return;
      }
      const reason = unservable(components[c]!, context); // c comes from `index`
      const other = servedBy.get(c);
      if (reason !== undefined)
        issues.push({ path: where, message: `"${componentName}" ${reason}` });
      else if (served.includes(c)) {
        issues.push({ path: where, message: `"${componentName}" is listed twice in this pool` });
      } else if (other !== undefined) {
        issues.push({ path: where, message: `"${componentName}" is already served by ${other}` });
      } else {
        servedBy.set(c, name);
        served.push(c);
      }
    });
    if (stock === undefined || leadTime === undefined) return undefined;
    return { name, components: served, stock, leadTime };
  });
  if (issues.length > before) return undefined;
  return pools.filter((pool): pool is SparePoolModel => pool !== undefined);
}

/** Why a pool cannot serve this component, or undefined when it can. */
function unservable(component: ComponentModel, context: SparePoolContext): string | undefined {
  if (component.repair === undefined) {
    return 'has no repair: a pool supplies the parts of repairs';
  }
  if (component.preventive !== undefined) {
    return 'has preventive replacement, which does not draw on a pool; spares serve corrective repairs only';
  }
  const unitNames = new Set(
    context.units
      .filter((unit) => context.components[unit.component] === component)
      .map((unit) => unit.name),
  );
  const member = context.commonCause.find((group) =>
    group.members.some((m) => m === component.name || unitNames.has(m)),
  );
  if (member !== undefined) {
    return 'is in a common-cause group, whose shared failures would draw several spares at once; spares for common-cause members are not modelled';
  }
  return undefined;
}
