import type { DistributionSpec } from '../distributions/registry.js';
import { listNames } from '../errors.js';
import {
  type ComponentModel,
  type StandbyMode,
  type SystemNode,
  type UnitModel,
  unitComponent,
} from './Model.js';
import { evaluateDistribution } from './buildComponents.js';
import { evaluateInteger, evaluateProbability } from './evaluateFields.js';
import { evaluateNumeric, type ParameterValues } from './parameters.js';
import type { RawNetwork, RawNode, RawStandby } from './schema.js';
import { formatPath, type Path, type PathIssue } from './source.js';

/** What resolving the structure needs from the rest of the model. */
export interface SystemContext {
  readonly components: readonly ComponentModel[];
  readonly units: readonly UnitModel[];
  readonly parameters: ParameterValues;
  readonly delayShorthands: Readonly<Record<string, string>>;
  /** Components written in the file but left out for their own errors (already reported). */
  readonly rejected: ReadonlySet<string>;
  /** Every component name the file defines, in file order, listed when a name is unknown. */
  readonly written: readonly string[];
  readonly issues: PathIssue[];
}

/**
 * Resolves the `system` section (or one entry of `systems`, at `root`) into a tree over unit
 * indices. A component name stands for all
 * its units: in a list of children they become children; alone, they are in series. Units in a
 * standby block may appear nowhere else, because their state depends on the block.
 */
export function buildSystem(
  raw: RawNode,
  system: SystemContext,
  root: Path = ['system'],
): SystemNode | undefined {
  // Each component's units by name, found once: a lookup per reference would make a model of
  // n components in series cost n² (minutes for 100 000).
  const unitsByName = new Map(
    system.components.map((component) => [component.name, [] as number[]]),
  );
  system.units.forEach((_, i) => unitsByName.get(unitComponent(system, i).name)!.push(i));
  const context: ResolveContext = { ...system, unitsByName };
  const before = context.issues.length;
  const standbyUnits = new Map<number, string>();
  const otherUnits = new Map<number, string>();
  const node = resolve(raw, root, context, standbyUnits, otherUnits);
  for (const [unit, where] of standbyUnits) {
    const elsewhere = otherUnits.get(unit);
    if (elsewhere !== undefined) {
      context.issues.push({
        path: root,
        message: `uses ${context.units[unit]?.name} in a standby block at ${where} and again at ${elsewhere}; a standby unit may appear only in its block`,
      });
    }
    const tested = unitComponent(system, unit);
    if (tested.inspection) {
      context.issues.push({
        path: root,
        message: `uses ${context.units[unit]?.name} in a standby block at ${where}; its component ${tested.name} has proof tests (inspection), which standby blocks do not support yet`,
      });
    }
  }
  return context.issues.length === before ? node : undefined;
}

type Uses = Map<number, string>;

interface ResolveContext extends SystemContext {
  readonly unitsByName: ReadonlyMap<string, readonly number[]>;
}

function resolve(
  raw: RawNode,
  path: Path,
  context: ResolveContext,
  standby: Uses,
  other: Uses,
): SystemNode | undefined {
  const where = formatPath(path);
  if (typeof raw === 'string') {
    const units = unitsOf(raw, path, context);
    if (!units) return undefined;
    units.forEach((unit) => other.set(unit, where));
    if (units.length === 1) return { kind: 'unit', path: where, unit: units[0]! };
    return {
      kind: 'series',
      path: where,
      children: units.map((unit) => ({ kind: 'unit', path: where, unit })),
    };
  }
  if ('series' in raw || 'parallel' in raw) {
    const kind = 'series' in raw ? 'series' : 'parallel';
    const list = 'series' in raw ? raw.series : raw.parallel;
    const children = resolveChildren(list, [...path, kind], context, standby, other);
    return children && { kind, path: formatPath([...path, kind]), children };
  }
  if ('koon' in raw) {
    const koonPath = [...path, 'koon'];
    const single = typeof raw.koon.of === 'string';
    const children = resolveChildren(
      typeof raw.koon.of === 'string' ? [raw.koon.of] : raw.koon.of,
      [...koonPath, 'of'],
      context,
      standby,
      other,
      single,
    );
    if (!children) return undefined;
    const k = evaluateInteger(
      raw.koon.k,
      context.parameters,
      [...koonPath, 'k'],
      0,
      children.length,
      context.issues,
    );
    return k === undefined ? undefined : { kind: 'koon', path: formatPath(koonPath), k, children };
  }
  if ('standby' in raw) return resolveStandby(raw.standby, [...path, 'standby'], context, standby);
  return resolveNetwork(raw.network, [...path, 'network'], context, other);
}

/**
 * The nodes of a list of children; `single`: the list is one name written without a list
 * (`koon: { of: NAME }`), so an unknown name is located at `path` itself.
 */
function resolveChildren(
  list: readonly RawNode[],
  path: Path,
  context: ResolveContext,
  standby: Uses,
  other: Uses,
  single = false,
): SystemNode[] | undefined {
  const children: SystemNode[] = [];
  let ok = true;
  list.forEach((item, index) => {
    const itemPath = [...path, index];
    if (typeof item === 'string') {
      const units = unitsOf(item, single ? path : itemPath, context);
      if (!units) return void (ok = false);
      const where = formatPath(itemPath);
      for (const unit of units) {
        other.set(unit, where);
        children.push({ kind: 'unit', path: where, unit });
      }
    } else {
      const child = resolve(item, itemPath, context, standby, other);
      if (child) children.push(child);
      else ok = false;
    }
  });
  return ok ? children : undefined;
}

function resolveStandby(
  raw: RawStandby,
  path: Path,
  context: ResolveContext,
  standby: Uses,
): SystemNode | undefined {
  const { issues, parameters } = context;
  const before = issues.length;
  let units: number[] = [];
  if ((raw.of === undefined) === (raw.primary === undefined)) {
    issues.push({
      path,
      message: 'must give either "of" (a counted component) or "primary" with "spares"',
    });
  } else if (raw.of !== undefined) {
    units = [...(unitsOf(raw.of, [...path, 'of'], context) ?? [])];
  } else {
    const primary = unitsOf(raw.primary!, [...path, 'primary'], context) ?? [];
    if (primary.length > 1) {
      issues.push({
        path: [...path, 'primary'],
        message: `must be a single unit; ${raw.primary} has count ${primary.length} (use "of")`,
      });
    }
    const spareNames =
      raw.spares === undefined ? [] : typeof raw.spares === 'string' ? [raw.spares] : raw.spares;
    units = [
      ...primary,
      ...spareNames.flatMap((name, i) => unitsOf(name, [...path, 'spares', i], context) ?? []),
    ];
  }
  const mode: StandbyMode = raw.mode ?? 'cold';
  let dormancy = mode === 'hot' ? 1 : 0;
  if (mode === 'warm') {
    if (raw.dormancy === undefined)
      issues.push({ path, message: 'must give dormancy in (0, 1) for mode warm' });
    else {
      const value = evaluateNumeric(raw.dormancy, parameters, [...path, 'dormancy'], issues);
      if (value !== undefined && !(value > 0 && value < 1)) {
        issues.push({
          path: [...path, 'dormancy'],
          message: `must be in (0, 1) for a warm standby; got ${value}`,
        });
      } else if (value !== undefined) dormancy = value;
    }
  } else if (raw.dormancy !== undefined) {
    issues.push({
      path: [...path, 'dormancy'],
      message: `applies to mode warm only; mode is ${mode}`,
    });
  }
  const switchSuccess =
    raw.switch?.success === undefined
      ? 1
      : evaluateProbability(raw.switch.success, parameters, [...path, 'switch', 'success'], issues);
  let switchDelay: DistributionSpec | undefined;
  if (raw.switch?.delay !== undefined) {
    switchDelay = evaluateDistribution(
      raw.switch.delay,
      parameters,
      [...path, 'switch', 'delay'],
      context.delayShorthands,
      issues,
    );
  }
  const where = formatPath(path);
  for (const unit of units) {
    if (standby.has(unit)) {
      issues.push({
        path,
        message: `uses ${context.units[unit]?.name} already used by the standby block at ${standby.get(unit)}`,
      });
    }
    standby.set(unit, where);
  }
  if (issues.length > before || switchSuccess === undefined) return undefined;
  return {
    kind: 'standby',
    path: where,
    mode,
    dormancy,
    switchSuccess,
    ...(switchDelay && { switchDelay }),
    units,
  };
}

function resolveNetwork(
  raw: RawNetwork,
  path: Path,
  context: ResolveContext,
  other: Uses,
): SystemNode | undefined {
  const { issues } = context;
  const before = issues.length;
  if (raw.source === raw.sink) {
    issues.push({
      path: [...path, 'sink'],
      message: `must differ from the source; both are "${raw.sink}"`,
    });
  }
  const nodes = new Set(raw.edges.flatMap((edge) => [edge.from, edge.to]));
  for (const end of ['source', 'sink'] as const) {
    if (!nodes.has(raw[end])) {
      issues.push({
        path: [...path, end],
        message: `"${raw[end]}" must be the end of some edge (nodes: ${listNames(nodes, nodes.size)})`,
      });
    }
  }
  const edges = raw.edges.map((edge, index) => {
    const edgePath = [...path, 'edges', index, 'via'];
    const units = unitsOf(edge.via, edgePath, context) ?? [];
    if (units.length > 1) {
      issues.push({
        path: edgePath,
        message: `must be a single unit; ${edge.via} has count ${units.length}`,
      });
    }
    units.forEach((unit) => other.set(unit, formatPath(edgePath)));
    return { from: edge.from, to: edge.to, unit: units[0] ?? -1 };
  });
  if (issues.length > before) return undefined;
  return { kind: 'network', path: formatPath(path), source: raw.source, sink: raw.sink, edges };
}

/** The units of a named component, or an issue naming the known components. */
function unitsOf(name: string, path: Path, context: ResolveContext): readonly number[] | undefined {
  const units = context.unitsByName.get(name);
  if (!units) {
    if (context.rejected.has(name)) return undefined;
    const known = listNames(context.written, context.written.length);
    context.issues.push({
      path,
      message: `names the unknown component "${name}" (components: ${known})`,
    });
    return undefined;
  }
  return units;
}
