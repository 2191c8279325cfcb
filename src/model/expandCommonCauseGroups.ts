import { distributionFromSpec } from '../distributions/registry.js';
import { formatValue, listNames } from '../errors.js';
import type {
  BasicEventModel,
  CommonCauseGroupModel,
  ComponentModel,
  FaultNode,
  UnitModel,
} from './Model.js';
import { commonCauseFactorIssues, expandCommonCause } from './commonCause.js';
import type { RawCommonCause } from './faultTreeSchema.js';
import {
  commonCauseGroupFactors,
  commonCauseGroupName,
  writtenFactorPath,
} from './commonCauseGroup.js';
import type { ParameterValues } from './parameters.js';
import type { PathIssue } from './source.js';

/** The events of a fault tree before and after its common-cause groups are expanded. */
export interface CommonCauseContext {
  readonly events: readonly BasicEventModel[];
  readonly components: readonly ComponentModel[];
  readonly units: readonly UnitModel[];
  readonly parameters: ParameterValues;
  /** Events rejected for their own errors (already reported). */
  readonly rejected: ReadonlySet<string>;
  readonly issues: PathIssue[];
}

/** The expanded events, and the node each written event name stands for. */
export interface ExpandedEvents {
  readonly events: readonly BasicEventModel[];
  readonly components: readonly ComponentModel[];
  readonly units: readonly UnitModel[];
  readonly groups: readonly CommonCauseGroupModel[];
  /** A written event's node: the event itself, or for a group member OR(own part, its CCF events). */
  eventNode(name: string): FaultNode | undefined;
}

/**
 * Expands the common-cause groups of a fault tree into basic events, as the Open-PSA MEF does:
 * each member keeps its independent part (same name, probability Q₁) and each subset of k ≥ 2
 * members with Q_k > 0 becomes one event `[a b …]` that fails them all; a member then stands for
 * the OR of its own part and the events of the subsets it belongs to.
 *
 * Members must be alike, as the group's one distribution in MEF: all fixed probabilities, equal;
 * or all exponential failure times with equal rates and equal repair laws (then the levels
 * expand the rate, λ_k from λ, and every common-cause event is a unit repaired as its members).
 *
 * @returns the expansion, or undefined after recording issues
 */
export function expandCommonCauseGroups(
  written: readonly RawCommonCause[],
  context: CommonCauseContext,
): ExpandedEvents | undefined {
  const { issues } = context;
  const before = issues.length;
  const events = [...context.events];
  const components = [...context.components];
  const units = [...context.units];
  const index = new Map(events.map((event, i) => [event.name, i]));
  const nodes = new Map<string, FaultNode>(
    events.map((event, i) => [event.name, { kind: 'event', event: i }]),
  );
  const groups: CommonCauseGroupModel[] = [];
  const grouped = new Map<string, string>();
  written.forEach((group, g) => {
    const path = ['common_cause', g];
    const groupName = commonCauseGroupName(group, g);
    const members: number[] = [];
    group.members.forEach((name, m) => {
      const i = index.get(name);
      if (i === undefined) {
        if (!context.rejected.has(name)) {
          issues.push({
            path: [...path, 'members', m],
            message: `names the unknown basic event "${name}" (events: ${listNames(index.keys(), index.size)})`,
          });
        }
      } else if (grouped.has(name)) {
        issues.push({
          path: [...path, 'members', m],
          message: `"${name}" is already in the common-cause group ${grouped.get(name)}`,
        });
      } else {
        grouped.set(name, groupName);
        members.push(i);
      }
    });
    const factors = commonCauseGroupFactors(group, path, context.parameters, issues);
    if (members.length !== group.members.length || factors === undefined) return;
    const values = factors;
    for (const issue of commonCauseFactorIssues(group.model, members.length, values)) {
      issues.push({ ...issue, path: [...path, ...writtenFactorPath(group, issue.path)] });
    }
    const total = groupTotal(members, path, context, events, components, units);
    if (total === undefined || issues.length > before) return;
    groups.push({ name: groupName, members: group.members, model: group.model, factors: values });
    const expansion = expandCommonCause(group.model, members.length, values, total.value);
    if (!expansion.some((share) => share.members.length === 1)) {
      // No independent share (β = 1, α₁ = 0, φ₁ = 0): a member fails only with the others.
      if (total.kind === 'rate') {
        issues.push({
          path: [...path, ...writtenFactorPath(group, ['factors'])],
          message: `leave the members no independent share; members with failure times need one (β < 1, α₁ > 0 or φ₁ > 0), or give them fixed probabilities`,
        });
        return;
      }
      // The member's own event stays out of the tree; its probability is its share, 0.
      for (const i of members) events[i] = { name: events[i]!.name, probability: 0 };
    }
    const parts = new Map(members.map((i) => [i, [] as FaultNode[]]));
    for (const share of expansion) {
      if (share.members.length === 1) {
        const i = members[share.members[0]!]!; // indices into `members`
        replaceShare(i, share.probability, total, events, components);
        parts.get(i)!.push({ kind: 'event', event: i });
        continue;
      }
      const name = `[${share.members.map((m) => events[members[m]!]!.name).join(' ')}]`;
      const node: FaultNode = { kind: 'event', event: events.length };
      if (total.kind === 'fixed') events.push({ name, probability: share.probability });
      else {
        const template = components[total.component]!;
        components.push({
          ...template,
          name,
          failure: { dist: 'exponential', rate: share.probability },
        });
        units.push({ name, component: components.length - 1, copy: 0 });
        events.push({ name, unit: units.length - 1 });
      }
      for (const m of share.members) parts.get(members[m]!)!.push(node);
    }
    for (const [i, list] of parts) {
      nodes.set(events[i]!.name, { kind: 'or', children: list });
    }
  });
  if (issues.length > before) return undefined;
  return { events, components, units, groups, eventNode: (name) => nodes.get(name) };
}

/** The group's one total: the members' equal probability, or their equal exponential rate. */
type GroupTotal =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'rate'; readonly value: number; readonly component: number };

function groupTotal(
  members: readonly number[],
  path: (string | number)[],
  context: CommonCauseContext,
  events: readonly BasicEventModel[],
  components: readonly ComponentModel[],
  units: readonly UnitModel[],
): GroupTotal | undefined {
  const { issues } = context;
  const first = events[members[0]!]!;
  if ('probability' in first) {
    for (const i of members) {
      const event = events[i]!;
      if (!('probability' in event) || event.probability !== first.probability) {
        issues.push({
          path: [...path, 'members'],
          message: `must be alike: "${first.name}" has probability ${first.probability} and "${event.name}" ${'probability' in event ? event.probability : 'failure times'} (a group has one distribution)`,
        });
        return undefined;
      }
    }
    return { kind: 'fixed', value: first.probability };
  }
  const component = units[first.unit]!.component;
  const law = components[component]!;
  const rate = law.failure.dist === 'exponential' ? distributionFromSpec(law.failure) : undefined;
  if (rate === undefined || rate.family !== 'exponential') {
    issues.push({
      path: [...path, 'members'],
      message: `must have exponential failure times (the levels share out a rate); "${first.name}" has ${law.failure.dist}`,
    });
    return undefined;
  }
  for (const i of members) {
    const event = events[i]!;
    const other = 'unit' in event ? components[units[event.unit]!.component]! : undefined;
    if (
      !other ||
      JSON.stringify(other.failure) !== JSON.stringify(law.failure) ||
      JSON.stringify(other.repair) !== JSON.stringify(law.repair) ||
      other.coverage !== law.coverage ||
      other.detection !== undefined ||
      other.recovery !== undefined
    ) {
      issues.push({
        path: [...path, 'members'],
        message: `must be alike: "${event.name}" differs from "${first.name}" (equal failure and repair laws, no detection or recovery delays; got ${formatValue(other?.failure ?? 'a fixed probability')})`,
      });
      return undefined;
    }
  }
  return { kind: 'rate', value: rate.parameters.rate!, component };
}

/** Gives member `i` its independent share: probability Q₁, or failure rate λ₁. */
function replaceShare(
  i: number,
  share: number,
  total: GroupTotal,
  events: BasicEventModel[],
  components: ComponentModel[],
): void {
  const event = events[i]!;
  if (total.kind === 'fixed') {
    events[i] = { name: event.name, probability: share };
    return;
  }
  // Each member is its own one-unit component of its name (events are one unit each).
  const c = components.findIndex((component) => component.name === event.name);
  components[c] = { ...components[c]!, failure: { dist: 'exponential', rate: share } };
}
