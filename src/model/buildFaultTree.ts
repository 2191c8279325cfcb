import { listNames } from '../errors.js';
import type {
  BasicEventModel,
  ComponentModel,
  FaultNode,
  FaultTreeModel,
  SystemNode,
  UnitModel,
} from './Model.js';
import { buildComponents } from './buildComponents.js';
import { evaluateInteger, evaluateProbability } from './evaluateFields.js';
import { expandCommonCauseGroups } from './expandCommonCauseGroups.js';
import type { RawGate } from './faultTreeSchema.js';
import type { ParameterValues } from './parameters.js';
import type { RawComponent, RawModel } from './schema.js';
import type { Path, PathIssue } from './source.js';

/** What building a fault tree needs from the rest of the model. */
export interface FaultTreeContext {
  readonly parameters: ParameterValues;
  readonly shorthands: Parameters<typeof buildComponents>[2];
  readonly maxUnits: number;
  /** Basic events written in the file but rejected by the schema (already reported). */
  readonly rejectedEvents: ReadonlySet<string>;
  /** House-event values that replace the file's (0 or 1), from the run's overrides. */
  readonly houseOverrides: ReadonlyMap<string, number>;
  readonly issues: PathIssue[];
}

/** The parts of a model a fault tree gives. */
export interface FaultTreeParts {
  readonly faultTree: FaultTreeModel;
  /** The events with failure times, as components of one unit each. */
  readonly components: readonly ComponentModel[];
  readonly units: readonly UnitModel[];
  /** The same function in success logic, when every event has failure times and the tree is coherent. */
  readonly system?: SystemNode;
}

/**
 * Most nodes of the block form derived from a fault tree: the block form is a tree, so gates
 * shared by many parents are copied, and a heavily shared tree would grow without bound.
 */
export const MAX_BLOCK_FORM_NODES = 200_000;

/**
 * Resolves the fault-tree sections (`events`, `house_events`, `fault_tree`, `common_cause`)
 * into a {@link FaultTreeModel}: events evaluated (a fixed probability, or a unit with failure
 * and repair times), house events with their overrides, common-cause groups expanded, gate names
 * resolved into one shared node per gate, cycles and unknown names reported with their path.
 *
 * When the tree has only AND, OR and at-least gates and every event has failure times, it also
 * returns the same function in success logic as a block structure (dual gates:
 * OR → series, AND → parallel, at least k of n failing → n − k + 1 of n working), so that the
 * Markov engine and the simulator solve it as well.
 *
 * @returns the parts, or undefined after recording issues
 */
export function buildFaultTree(
  raw: Partial<RawModel>,
  context: FaultTreeContext,
): FaultTreeParts | undefined {
  const { issues, parameters } = context;
  const before = issues.length;
  const fixed: { name: string; probability: number }[] = [];
  const timed = new Map<string, RawComponent>();
  const order: string[] = [];
  for (const [name, event] of Object.entries(raw.events ?? {})) {
    order.push(name);
    if ('probability' in event) {
      const probability = evaluateProbability(
        event.probability,
        parameters,
        ['events', name, 'probability'],
        issues,
      );
      if (probability !== undefined) fixed.push({ name, probability });
    } else timed.set(name, event);
  }
  const built = buildComponents(
    timed,
    parameters,
    context.shorthands,
    context.maxUnits,
    issues,
    'events',
  );
  const unitOf = new Map(built.units.map((unit, i) => [unit.name, i]));
  const probabilityOf = new Map(fixed.map((event) => [event.name, event.probability]));
  // Events in file order; those left out for their own errors are rejected, not unknown.
  const rejected = new Set(context.rejectedEvents);
  const events: BasicEventModel[] = [];
  for (const name of order) {
    const unit = unitOf.get(name);
    const probability = probabilityOf.get(name);
    if (unit !== undefined) events.push({ name, unit });
    else if (probability !== undefined) events.push({ name, probability });
    else rejected.add(name);
  }
  const houseEvents = houseValues(raw.house_events ?? {}, context);
  const groups = expandCommonCauseGroups(raw.common_cause ?? [], {
    events,
    components: built.components,
    units: built.units,
    parameters,
    rejected,
    issues,
  });
  const tree = raw.fault_tree;
  if (!tree || !groups) return undefined;
  const root = resolveGates(tree.gates, tree.top, {
    eventNode: groups.eventNode,
    houseEvents,
    rejected,
    parameters,
    issues,
    known: [...order, ...Object.keys(houseEvents)],
  });
  if (!root || issues.length > before) return undefined;
  const faultTree: FaultTreeModel = {
    top: tree.top,
    events: groups.events,
    houseEvents,
    root,
    commonCause: groups.groups,
  };
  const system = blockForm(root, groups.events);
  return {
    faultTree,
    components: groups.components,
    units: groups.units,
    ...(system && { system }),
  };
}

/** House-event values with the run's overrides (0 or 1) applied. */
function houseValues(
  written: Readonly<Record<string, boolean>>,
  context: FaultTreeContext,
): Record<string, boolean> {
  const values: Record<string, boolean> = { ...written };
  for (const [name, value] of context.houseOverrides) {
    if (!Object.hasOwn(written, name)) continue;
    if (value === 0 || value === 1) values[name] = value === 1;
    else {
      context.issues.push({
        path: ['house_events', name],
        message: `is a house event: override it with 1 (occurs) or 0; got ${value}`,
      });
    }
  }
  return values;
}

interface GateContext {
  /** The node of a basic event (common-cause members: their expansion), or undefined. */
  readonly eventNode: (name: string) => FaultNode | undefined;
  readonly houseEvents: Readonly<Record<string, boolean>>;
  readonly rejected: ReadonlySet<string>;
  readonly parameters: ParameterValues;
  readonly issues: PathIssue[];
  /** Every event and house-event name, for messages. */
  readonly known: readonly string[];
}

/**
 * Resolves the named gates, children before parents (an explicit stack over gate references, so
 * a chain of any length is fine), each gate into one node shared by every reference.
 */
function resolveGates(
  gates: Readonly<Record<string, RawGate>>,
  top: string,
  context: GateContext,
): FaultNode | undefined {
  const { issues } = context;
  const names = new Map(Object.entries(gates));
  for (const name of names.keys()) {
    if (context.eventNode(name) !== undefined || context.rejected.has(name)) {
      issues.push({
        path: ['fault_tree', 'gates', name],
        message: 'is also a basic event',
        atKey: true,
      });
    } else if (Object.hasOwn(context.houseEvents, name)) {
      issues.push({
        path: ['fault_tree', 'gates', name],
        message: 'is also a house event',
        atKey: true,
      });
    }
  }
  if (!names.has(top)) {
    issues.push({
      path: ['fault_tree', 'top'],
      message: `must name a gate; "${top}" is not one (gates: ${listNames(names.keys(), names.size)})`,
    });
    return undefined;
  }
  // Depth-first over gate references from the top: 0 unvisited, 1 on the stack, 2 done.
  const state = new Map<string, number>();
  const built = new Map<string, FaultNode | null>();
  const stack: { name: string; refs: string[] }[] = [];
  const enter = (name: string): void => {
    state.set(name, 1);
    stack.push({ name, refs: gateReferences(names.get(name)!, names) }); // a gate of `names`
  };
  enter(top);
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const next = frame.refs.pop();
    if (next !== undefined) {
      const seen = state.get(next) ?? 0;
      if (seen === 0) enter(next);
      else if (seen === 1) {
        const cycle = [
          ...stack.slice(stack.findIndex((f) => f.name === next)).map((f) => f.name),
          next,
        ];
        issues.push({
          path: ['fault_tree', 'gates', frame.name],
          message: `is part of a cycle of gates: ${cycle.join(' → ')}`,
        });
        return undefined;
      }
      continue;
    }
    stack.pop();
    state.set(frame.name, 2);
    const path: Path = ['fault_tree', 'gates', frame.name];
    const node = buildGate(names.get(frame.name)!, path, frame.name, built, context);
    built.set(frame.name, node ?? null);
  }
  return built.get(top) ?? undefined;
}

/** The gate names a raw gate refers to, inline gates included. */
function gateReferences(raw: RawGate, gates: ReadonlyMap<string, RawGate>): string[] {
  const found: string[] = [];
  const pending: RawGate[] = [raw];
  for (let gate = pending.pop(); gate !== undefined; gate = pending.pop()) {
    if (typeof gate === 'string') {
      if (gates.has(gate)) found.push(gate);
    } else pending.push(...childrenOf(gate));
  }
  return found;
}

/** The children of a raw gate as written. */
function childrenOf(gate: Exclude<RawGate, string>): readonly RawGate[] {
  if ('not' in gate) return [gate.not];
  if ('atleast' in gate) return gate.atleast.of;
  if ('vote' in gate) return gate.vote.of;
  const [list] = Object.values(gate) as [readonly RawGate[]];
  return list;
}

/** Builds one gate (its inline gates included) from the nodes of the gates it names. */
function buildGate(
  raw: RawGate,
  path: Path,
  name: string | undefined,
  built: ReadonlyMap<string, FaultNode | null>,
  context: GateContext,
): FaultNode | undefined {
  if (typeof raw === 'string') return reference(raw, path, built, context);
  const kindKey = Object.keys(raw)[0] as keyof typeof raw;
  const children = childrenOf(raw);
  const childPath: Path =
    'atleast' in raw || 'vote' in raw ? [...path, kindKey, 'of'] : [...path, kindKey];
  const nodes: FaultNode[] = [];
  let ok = true;
  children.forEach((child, i) => {
    const node = buildGate(
      child,
      'not' in raw ? childPath : [...childPath, i],
      undefined,
      built,
      context,
    );
    if (node) nodes.push(node);
    else ok = false;
  });
  if (!ok) return undefined;
  const named = name === undefined ? {} : { name };
  if ('atleast' in raw || 'vote' in raw) {
    const vote = 'atleast' in raw ? raw.atleast : raw.vote;
    const k = evaluateInteger(
      vote.k,
      context.parameters,
      [...path, kindKey, 'k'],
      1,
      nodes.length,
      context.issues,
    );
    return k === undefined ? undefined : { kind: 'atleast', ...named, k, children: nodes };
  }
  const kind = kindKey as 'and' | 'or' | 'not' | 'xor' | 'nand' | 'nor';
  return { kind, ...named, children: nodes };
}

/** The node a name stands for: a gate already built, a basic event or a house event. */
function reference(
  name: string,
  path: Path,
  built: ReadonlyMap<string, FaultNode | null>,
  context: GateContext,
): FaultNode | undefined {
  const gate = built.get(name);
  if (gate !== undefined) return gate ?? undefined; // null: the gate had its own errors
  const event = context.eventNode(name);
  if (event) return event;
  if (Object.hasOwn(context.houseEvents, name)) {
    return { kind: 'house', name, value: context.houseEvents[name]! }; // checked by hasOwn
  }
  if (!context.rejected.has(name)) {
    context.issues.push({
      path,
      message: `names the unknown event or gate "${name}" (events: ${listNames(context.known, context.known.length)})`,
    });
  }
  return undefined;
}

/**
 * Says why a fault tree has no block form (`model.system`): fixed probabilities, gates that are
 * not AND, OR or at-least, or a tree whose copied form would exceed {@link MAX_BLOCK_FORM_NODES}.
 *
 * @param tree - a fault tree whose model has no `system`
 * @returns the reason, for messages of the solvers that need the block form
 */
export function whyNoBlockForm(tree: FaultTreeModel): string {
  if (tree.events.some((event) => 'probability' in event)) {
    return 'some basic events have fixed probabilities, not failure times';
  }
  const gates: FaultNode[] = [tree.root];
  const seen = new Set<FaultNode>();
  let events = 0;
  for (let node = gates.pop(); node !== undefined; node = gates.pop()) {
    if (node.kind === 'event') events++;
    if (seen.has(node) || !('children' in node)) continue;
    seen.add(node);
    if (node.kind !== 'and' && node.kind !== 'or' && node.kind !== 'atleast') {
      return `it has ${node.kind.toUpperCase()} gates, so it is not coherent`;
    }
    gates.push(...node.children);
  }
  if (events === 0) return 'its top depends on no basic event (house events only)';
  return `its shared gates would copy into more than ${MAX_BLOCK_FORM_NODES} block nodes`;
}

/**
 * The tree in success logic as a block structure over the events' units, when every event has
 * failure times, the gates are AND, OR and at-least only, and the copied tree stays within
 * {@link MAX_BLOCK_FORM_NODES}; else undefined.
 *
 * $$
 * \overline{a \lor b} = \bar a \land \bar b, \qquad
 * \overline{a \land b} = \bar a \lor \bar b, \qquad
 * \overline{\ge k \text{ of } n \text{ fail}} = \ge n-k+1 \text{ of } n \text{ work}
 * $$
 */
function blockForm(root: FaultNode, events: readonly BasicEventModel[]): SystemNode | undefined {
  // Size of each node's copied tree, children first, to refuse before building.
  const size = new Map<FaultNode, number>();
  const pending: FaultNode[] = [root];
  while (pending.length > 0) {
    const node = pending.at(-1)!;
    if (size.has(node)) {
      pending.pop();
      continue;
    }
    if (node.kind === 'event') {
      const event = events[node.event]!; // indices come from `events`
      if (!('unit' in event)) return undefined;
      size.set(node, 1);
      pending.pop();
      continue;
    }
    if (node.kind === 'house') {
      size.set(node, 1);
      pending.pop();
      continue;
    }
    if (node.kind !== 'and' && node.kind !== 'or' && node.kind !== 'atleast') return undefined;
    const missing = node.children.filter((child) => !size.has(child));
    if (missing.length > 0) {
      pending.push(...missing);
      continue;
    }
    const total = node.children.reduce((sum, child) => sum + size.get(child)!, 1);
    if (total > MAX_BLOCK_FORM_NODES) return undefined;
    size.set(node, total);
    pending.pop();
  }
  // Sizes were computed children first, so the same order copies children before parents.
  // A top that no event reaches (house events only) is a constant: no block form.
  if (![...size.keys()].some((node) => node.kind === 'event')) return undefined;
  const copies = new Map<FaultNode, SystemNode>();
  for (const node of size.keys()) copies.set(node, blockOf(node, events, copies));
  return copies.get(root)!; // the root was sized last
}

/** One node of the block form, from the block forms of its children (already made). */
function blockOf(
  node: FaultNode,
  events: readonly BasicEventModel[],
  copies: ReadonlyMap<FaultNode, SystemNode>,
): SystemNode {
  const path = `fault_tree.gates.${'name' in node ? (node.name ?? '') : ''}`;
  switch (node.kind) {
    case 'event':
      return {
        kind: 'unit',
        path: 'fault_tree',
        unit: (events[node.event] as { unit: number }).unit,
      };
    case 'house':
      // An event that occurs is a block that never works (an empty parallel), else an empty series.
      return {
        kind: node.value ? 'parallel' : 'series',
        path: `house_events.${node.name}`,
        children: [],
      };
    default: {
      // Gates are AND, OR and at-least here (checked while sizing); children copied first.
      const children = node.children.map((child) => copies.get(child)!);
      if (node.kind === 'atleast') {
        return { kind: 'koon', path, k: children.length - node.k + 1, children };
      }
      return { kind: node.kind === 'or' ? 'series' : 'parallel', path, children };
    }
  }
}
