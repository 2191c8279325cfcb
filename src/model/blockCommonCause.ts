import { distributionFromSpec, type DistributionSpec } from '../distributions/registry.js';
import { formatValue, listNames } from '../errors.js';
import type { ComponentModel, CostsModel, SystemNode, UnitModel } from './Model.js';
import { limitReached } from './ModelLimits.js';
import { commonCauseFactorIssues, expandCommonCause } from './commonCause.js';
import type { RawCommonCause } from './faultTreeSchema.js';
import {
  commonCauseGroupFactors,
  commonCauseGroupName,
  writtenFactorPath,
} from './commonCauseGroup.js';
import type { ParameterValues } from './parameters.js';
import type { Path, PathIssue } from './source.js';

/** A block model's parts that its common-cause groups change. */
export interface BlockParts {
  readonly components: readonly ComponentModel[];
  readonly units: readonly UnitModel[];
  readonly system: SystemNode;
  /** `maintenance.priority`: component indices in repair order. */
  readonly priority: readonly number[];
}

/** A block model before its groups are expanded, and what checking them needs. */
export interface BlockCommonCauseContext extends Omit<BlockParts, 'system'> {
  /** Undefined when the structure had errors: the groups are still checked. */
  readonly system: SystemNode | undefined;
  readonly parameters: ParameterValues;
  /** Components left out for their own errors (already reported). */
  readonly rejected: ReadonlySet<string>;
  /** Every component the file defines, in file order, for messages. */
  readonly written: readonly string[];
  readonly maxUnits: number;
  /** Whether `maintenance.crews` limits the repairs. */
  readonly limitedCrews: boolean;
  readonly issues: PathIssue[];
}

/**
 * Expands the common-cause groups of a block model (components and system) as a fault tree's
 * are expanded (expandCommonCauseGroups), so that the three solvers see the same shocks: the
 * members are units (a component name stands for all its units); each member keeps its
 * independent rate λ₁, and each subset of k ≥ 2 members with λ_k > 0 becomes a new component of
 * one unit `[a b …]` failing at rate λ_k and repaired with the members' repair law. In the
 * structure each member's leaf becomes the series of its own unit and the common-cause units of
 * the subsets it is in: it works iff its own part and every event containing it work.
 *
 * The members must be alike (equal exponential failure rates λ, the total the levels share out,
 * equal repair laws, coverage 1, no detection or recovery delay). A component must have all its
 * units in the group or none: its units share one law, which the group changes. Units of a
 * standby block or network edges cannot be members. A common-cause unit is repaired, under
 * `maintenance.priority`, right after the first listed member component. Factors that leave the
 * members no independent share (β = 1) make each member's leaf its common-cause units alone; its
 * own unit stays in the model, outside the structure, so such factors are refused when crews are
 * limited (the unit would take a crew).
 *
 * @returns the expanded parts (unchanged without groups), or undefined after recording issues
 */
export function expandBlockCommonCause(
  written: readonly RawCommonCause[],
  context: BlockCommonCauseContext,
): BlockParts | undefined {
  // Every `units[i]!` and `components[c]!` below reads an index taken from `units` itself or
  // from a unit's `component`, the layout buildComponents made (and the pushes below extend).
  const { issues } = context;
  const before = issues.length;
  const components = [...context.components];
  const units = [...context.units];
  const names = new Map<string, number[]>(context.components.map((c) => [c.name, []]));
  units.forEach((unit, i) => names.get(components[unit.component]!.name)!.push(i));
  for (const [i, unit] of units.entries()) if (!names.has(unit.name)) names.set(unit.name, [i]);
  const fixed = context.system ? fixedUnits(context.system, new Map()) : new Map<number, string>();
  const grouped = new Map<number, string>();
  const shocks = new Map<number, number[]>(); // member unit → its common-cause units
  const own = new Set<number>(); // member units with an independent share λ₁ > 0
  const served: { readonly members: ReadonlySet<number>; readonly added: number[] }[] = [];
  written.forEach((group, g) => {
    const path = ['common_cause', g];
    const groupName = commonCauseGroupName(group, g);
    const start = issues.length;
    const members: { unit: number; entry: number }[] = [];
    // A member whose component was rejected (and reported) leaves the group unchecked: its size
    // and laws would be those of a group the file does not write.
    let incomplete = false;
    group.members.forEach((name, entry) => {
      const named = unitsNamed(name, [...path, 'members', entry], names, context);
      if (named === undefined) incomplete = true;
      for (const unit of named ?? []) {
        const where = [...path, 'members', entry];
        const unitName = units[unit]!.name;
        const other = grouped.get(unit);
        const why = fixed.get(unit);
        if (other !== undefined) {
          issues.push({
            path: where,
            message: `"${unitName}" is already in the common-cause group ${other}`,
          });
        } else if (why !== undefined) {
          issues.push({ path: where, message: `"${unitName}" ${why}` });
        }
        if (other === undefined) grouped.set(unit, groupName);
        members.push({ unit, entry });
      }
    });
    const factors = commonCauseGroupFactors(group, path, context.parameters, issues);
    if (incomplete || issues.length > start || factors === undefined) return;
    const values = factors;
    const n = members.length;
    for (const issue of commonCauseFactorIssues(group.model, n, values)) {
      issues.push({ ...issue, path: [...path, ...writtenFactorPath(group, issue.path)] });
    }
    const rate = alikeRate(members, path, components, units, issues);
    if (rate === undefined || issues.length > start) return;
    const expansion = expandCommonCause(group.model, n, values, rate);
    if (context.limitedCrews && !expansion.some((share) => share.members.length === 1)) {
      issues.push({
        path: [...path, ...writtenFactorPath(group, ['factors'])],
        message: `must leave the members an independent share when maintenance.crews is set; got ${formatValue(values)}: every failure of a member is then a common-cause failure, and its own unit, left out of the structure, would still take a crew`,
      });
      return;
    }
    if (units.length + expansion.length - n > context.maxUnits) {
      issues.push({
        path,
        message: `expands into ${expansion.length - n} common-cause units, bringing the number of units to ${units.length + expansion.length - n}; ${limitReached('maxUnits', context.maxUnits)}`,
      });
      return;
    }
    const added: number[] = [];
    for (const share of expansion) {
      // Indices into `members`, which has n entries.
      const sharers = share.members.map((m) => members[m]!.unit);
      const failure: DistributionSpec = { dist: 'exponential', rate: share.probability };
      if (sharers.length === 1) {
        const [unit] = sharers as [number];
        const c = units[unit]!.component;
        components[c] = { ...components[c]!, failure };
        own.add(unit);
        continue;
      }
      const name = `[${sharers.map((unit) => units[unit]!.name).join(' ')}]`;
      added.push(components.length);
      const member = components[units[sharers[0]!]!.component]!;
      const costs = member.costs && scaledCosts(member.costs, sharers.length);
      // Tested with its members at the start of their test, taking no test time itself: they
      // are out of service for the test and pay its downtime (docs/semantics.md).
      const inspection = member.inspection && { ...member.inspection, duration: 0 };
      components.push({
        ...member,
        name,
        count: 1,
        failure,
        ...(costs && { costs }),
        ...(inspection && { inspection }),
      });
      units.push({ name, component: components.length - 1, copy: 0 });
      for (const unit of sharers) shocks.set(unit, [...(shocks.get(unit) ?? []), units.length - 1]);
    }
    served.push({ members: new Set(members.map((m) => units[m.unit]!.component)), added });
  });
  if (issues.length > before || !context.system) return undefined;
  const after = new Map<number, number[]>(); // priority position → components served next
  for (const { members, added } of served) {
    const position = context.priority.findIndex((c) => members.has(c));
    if (position >= 0) after.set(position, [...(after.get(position) ?? []), ...added]);
  }
  return {
    components,
    units,
    system: withShocks(context.system, shocks, own),
    priority: context.priority.flatMap((c, i) => [c, ...(after.get(i) ?? [])]),
  };
}

/** The units a member names: all units of a component, or one unit (`pump[2]`). */
function unitsNamed(
  name: string,
  path: Path,
  names: ReadonlyMap<string, readonly number[]>,
  context: BlockCommonCauseContext,
): readonly number[] | undefined {
  const units = names.get(name);
  if (units) return units;
  const owner = /^(.+)\[\d+\]$/.exec(name)?.[1];
  if (context.rejected.has(name) || (owner !== undefined && context.rejected.has(owner))) return;
  const count = owner === undefined ? undefined : names.get(owner)?.length;
  context.issues.push({
    path,
    message:
      count === undefined
        ? `names the unknown component or unit "${name}" (components: ${listNames(context.written, context.written.length)})`
        : `names no unit of ${owner}, whose units are ${owner}[1] … ${owner}[${count}]`,
  });
  return undefined;
}

/** Units of standby blocks and network edges, with the words that say why they cannot join. */
function fixedUnits(node: SystemNode, found: Map<number, string>): Map<number, string> {
  switch (node.kind) {
    case 'unit':
      break;
    case 'standby':
      for (const unit of node.units) {
        found.set(
          unit,
          `is a unit of the standby block at ${node.path}, which cannot be in a common-cause group: a standby block's units have their own state (active, dormant spare, switched in), which a series with common-cause units would not follow`,
        );
      }
      break;
    case 'network':
      node.edges.forEach((edge, i) => {
        found.set(
          edge.unit,
          `is the link of the network edge at ${node.path}.edges[${i}], which cannot be in a common-cause group: an edge is one unit, and cannot become the series of its unit and common-cause units`,
        );
      });
      break;
    default:
      for (const child of node.children) fixedUnits(child, found);
  }
  return found;
}

/**
 * The members' one exponential rate λ, when their components are alike and whole (every unit in
 * the group); otherwise undefined after an issue at each member that differs.
 */
function alikeRate(
  members: readonly { readonly unit: number; readonly entry: number }[],
  path: Path,
  components: readonly ComponentModel[],
  units: readonly UnitModel[],
  issues: PathIssue[],
): number | undefined {
  const held = new Map<number, { entry: number; count: number }>(); // component → first entry, units held
  for (const { unit, entry } of members) {
    const c = units[unit]!.component;
    const seen = held.get(c);
    held.set(c, { entry: seen?.entry ?? entry, count: (seen?.count ?? 0) + 1 });
  }
  // Neither `members` nor `held` is empty: the schema asks for an entry, which names a unit.
  const [first, { entry: firstEntry }] = [...held][0]!;
  const before = issues.length;
  for (const [c, { entry, count }] of held) {
    const { name, count: all } = components[c]!;
    if (count < all) {
      issues.push({
        path: [...path, 'members', entry],
        message: `holds ${count} of the ${all} units of "${name}", whose units share one failure law that the group changes: give the grouped units a component of their own`,
      });
    }
  }
  const reference = components[first]!;
  const law = distributionFromSpec(reference.failure);
  if (law.family !== 'exponential') {
    issues.push({
      path: [...path, 'members', firstEntry],
      message: `must have exponential failure times (the levels share out a rate); "${reference.name}" has ${law.family}`,
    });
    return undefined;
  }
  const rate = law.parameters.rate!;
  for (const [c, { entry }] of held) {
    const { name, failure, repair, coverage, detection, recovery, inspection } = components[c]!;
    const differences: string[] = [];
    const other = distributionFromSpec(failure);
    if (other.family !== 'exponential') differences.push(`${other.family} failure times`);
    else if (other.parameters.rate !== rate) {
      differences.push(`failure rate ${other.parameters.rate}, not ${rate}`);
    }
    if (!sameLaw(repair, reference.repair)) {
      differences.push(`repair ${lawText(repair)}, not ${lawText(reference.repair)}`);
    }
    if (coverage < 1) differences.push(`coverage ${coverage}`);
    if (detection) differences.push('a detection delay');
    if (recovery) differences.push('a recovery time');
    if (JSON.stringify(inspection) !== JSON.stringify(reference.inspection)) {
      differences.push(inspection ? 'other proof tests' : 'no proof tests');
    }
    if (components[c]!.preventive) differences.push('preventive replacement');
    if (components[c]!.imperfectRepair) differences.push('imperfect repair');
    if (JSON.stringify(components[c]!.costs) !== JSON.stringify(reference.costs)) {
      differences.push('other costs');
    }
    if (differences.length === 0) continue;
    const expectation =
      c === first
        ? 'have coverage 1, no detection or recovery delay, no preventive replacement and no imperfect repair (a common-cause unit has none)'
        : `be alike with "${reference.name}" (one exponential failure rate, one repair law, one proof-test plan and one set of costs, coverage 1, no detection or recovery delay)`;
    issues.push({
      path: [...path, 'members', entry],
      message: `must ${expectation}; "${name}" has ${differences.join(', ')}`,
    });
  }
  return issues.length > before ? undefined : rate;
}

/**
 * The costs of a common-cause unit whose failure fails `members` units: each is repaired and out
 * of service, so those costs count once per member; tests are paid by the members' own units.
 */
function scaledCosts(costs: CostsModel, members: number): CostsModel {
  return {
    corrective: costs.corrective * members,
    preventive: 0,
    inspection: 0,
    downtimePerHour: costs.downtimePerHour * members,
  };
}

/** `exponential (mean 24)`, or `none`. */
function lawText(spec: DistributionSpec | undefined): string {
  if (!spec) return 'none';
  const { dist, ...values } = spec;
  return `${dist} (${Object.entries(values)
    .map(([key, value]) => `${key} ${formatValue(value)}`)
    .join(', ')})`;
}

/** Whether two optional laws are the same distribution (`mttr: 24` equals `rate: 1/24`). */
function sameLaw(a: DistributionSpec | undefined, b: DistributionSpec | undefined): boolean {
  if (!a || !b) return a === b;
  const [x, y] = [distributionFromSpec(a), distributionFromSpec(b)];
  return x.family === y.family && JSON.stringify(x.parameters) === JSON.stringify(y.parameters);
}

/** The structure with each member's leaf the series of its own part and its shocks. */
function withShocks(
  node: SystemNode,
  shocks: ReadonlyMap<number, readonly number[]>,
  own: ReadonlySet<number>,
): SystemNode {
  switch (node.kind) {
    case 'unit': {
      const extra = shocks.get(node.unit);
      if (!extra) return node;
      // Without an independent share (β = 1) the member fails only with its group.
      const children: SystemNode[] = [
        ...(own.has(node.unit) ? [node] : []),
        ...extra.map((unit): SystemNode => ({ kind: 'unit', path: node.path, unit })),
      ];
      return children.length === 1 ? children[0]! : { kind: 'series', path: node.path, children };
    }
    case 'standby':
    case 'network':
      return node; // members are refused there
    default:
      return { ...node, children: node.children.map((child) => withShocks(child, shocks, own)) };
  }
}
