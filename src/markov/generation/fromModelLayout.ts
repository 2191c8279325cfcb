import { toStructure, type StandbyBlock } from '../../structure/toStructure.js';
import type { StructureNode } from '../../structure/StructureNode.js';
import type { Distribution } from '../../distributions/types.js';
import { componentFacts, exponentialRate } from '../../model/componentFacts.js';
import { UnsupportedModelError, withArticle } from '../../errors.js';
import type { InspectionModel, Model, SystemNode } from '../../model/Model.js';
import { logGamma } from '../../numeric/gamma.js';

/**
 * Slots of one group in the state vector: how many of its units are in each failed state (the
 * working count is the group size minus their sum). Suffix 0: covered failure; 1: uncovered
 * failure whose outage lasts until this unit's repair ends (a component without `recovery`).
 * `hidden`: a hidden failure a proof test can reveal; `never`: one no test reveals; `spare`:
 * awaiting a spare part (only in the layout of a model with spare pools: the others keep the
 * shorter vector).
 */
export const SLOT = {
  detect0: 0,
  detect1: 1,
  wait0: 2,
  wait1: 3,
  repair0: 4,
  repair1: 5,
  lost: 6,
  hidden: 7,
  never: 8,
  spare0: 9,
  spare1: 10,
};
/** Number of slots per group: without spare pools, and with them. */
const GROUP_WIDTH = { plain: 9, withSpares: 11 };

/** The exponential rates of one component type, per time unit; absent rates are absent times. */
export interface ComponentRates {
  readonly failure: number;
  readonly repair?: number;
  readonly detection?: number;
  readonly recovery?: number;
  readonly coverage: number;
  /** Repair priority: lower is served first; equal ranks are served first come, first served. */
  readonly rank: number;
  /** Proof tests: failures are hidden until a test (docs/semantics.md). */
  readonly inspection?: InspectionModel;
  /** A repair that takes no time (`deterministic` 0) after a test reveals a failure. */
  readonly instantRepair?: boolean;
}

/** Units tracked together: exchangeable units of one component (lumped), or a single unit. */
export interface UnitGroup {
  readonly component: number;
  /** Unit indices, in order; the first `working` of them stand for the working ones. */
  readonly units: readonly number[];
  /** Offset of the group's slots in the state vector. */
  readonly offset: number;
  /** Standby block index and position in it, for a unit of a standby block. */
  readonly block?: number;
  readonly position?: number;
}

/** A standby block with its units' groups (one unit each) and its state slots. */
export interface BlockLayout {
  readonly node: StandbyBlock;
  /** Group of each unit, in activation order (primary first). */
  readonly groups: readonly number[];
  /** Slot of the active position + 1 (0: no active unit); the next slot is 1 while switching. */
  readonly offset: number;
  /** Rate of the switch-over, absent when it is instantaneous. */
  readonly switchRate?: number;
}

/**
 * A spare pool in the state vector: the count of orders outstanding, then (when the pool serves
 * more than one kind of waiting unit) the queue of units awaiting a spare, oldest first.
 */
export interface PoolLayout {
  readonly stock: number;
  /** Arrival rate of one outstanding order (exponential lead time). */
  readonly leadRate: number;
  /** Slot of the number of orders outstanding. */
  readonly ordersSlot: number;
  /** Slot of the queue length; tokens (group·2 + uncovered flag) follow it; −1: no queue. */
  readonly queueOffset: number;
  readonly queueCapacity: number;
  /** The one group and flag that can wait, when there is no queue. */
  readonly onlyToken: number;
}

/** How a model's state is laid out in a vector of small integers, and what drives its changes. */
export interface ChainLayout {
  readonly model: Model;
  readonly rates: readonly ComponentRates[];
  readonly groups: readonly UnitGroup[];
  readonly blocks: readonly BlockLayout[];
  /**
   * The structure of each system function over units then blocks, as toStructure gives it, in
   * the order the functions were given (one for a model with one system).
   */
  readonly structures: readonly StructureNode[];
  readonly variableCount: number;
  /** Number of slots per group ({@link SLOT}; the `spare` slots only with spare pools). */
  readonly groupWidth: number;
  /** Slot of the pending recovery count of each component (−1: no recovery outages). */
  readonly recoverySlot: readonly number[];
  /**
   * Slot of the "under test" flag of each component whose proof tests take time (−1: none);
   * the flag is set and cleared only at the test epochs, never by a transition.
   */
  readonly testSlot: readonly number[];
  /**
   * Per group, the slot counting its units back from repair during the current test, which are
   * in service (−1: the group's tests take no time or it has no timed repair).
   */
  readonly backSlot: readonly number[];
  /** Finite crews that can be short (fewer than the repairable units), else undefined. */
  readonly crews?: number;
  /** Slot of the queue length; tokens (group·2 + uncovered flag) follow it. */
  readonly queueOffset: number;
  readonly queueCapacity: number;
  /** The spare pools, in `maintenance.spares` order. */
  readonly pools: readonly PoolLayout[];
  /** Pool of each component (−1: its repairs need no spare). */
  readonly poolOf: readonly number[];
  /** Slot 0 is the `dead` flag: a permanent outage, collapsed into one absorbing state. */
  readonly width: number;
  /** Upper estimate of the number of reachable states, before building. */
  readonly estimatedStates: number;
}

/**
 * Returns the layout of the CTMC state of a model whose times are all exponential: units
 * lumped into groups where they are exchangeable, blocks, recoveries and the repair queue.
 * With several system functions (over the same plant: no standby blocks, buildSystems refuses
 * them), units are lumped only where they are exchangeable in every function, so that one chain
 * serves them all.
 *
 * @param systems - the system functions, at least one; standby blocks only when there is one
 * @throws {@link UnsupportedModelError} naming the first non-exponential time
 */
export function chainLayout(model: Model, systems: readonly SystemNode[]): ChainLayout {
  const [structure, ...others] = systems.map((system) => toStructure(model, system));
  if (structure === undefined || others.some((other) => other.blocks.length > 0)) {
    throw new Error('internal: chainLayout takes one system, or several without standby blocks');
  }
  const priority = model.maintenance.priority;
  const facts = componentFacts(model);
  const rates = model.components.map((component, c): ComponentRates => {
    const laws = facts.components[c]!; // one entry per component, in the same order
    // The rate as the file gives it: 1/(1/λ) would change λ in its last bit one time in seven.
    const rateOf = (law: Distribution | undefined, role: string): number | undefined =>
      law &&
      exponentialRateOf(
        law,
        `component ${component.name} has ${withArticle(law.family)} ${role} time`,
      );
    const listed = priority.indexOf(c);
    const inspection = component.inspection;
    const instantRepair =
      inspection !== undefined && laws.repair?.family === 'deterministic' && laws.repair.mean === 0;
    const repair = instantRepair ? undefined : rateOf(laws.repair, 'repair');
    const detection = repair === undefined ? undefined : rateOf(laws.detection, 'detection');
    const recovery = component.coverage < 1 ? rateOf(laws.recovery, 'recovery') : undefined;
    return {
      failure: exponentialRateOf(
        laws.failure,
        `component ${component.name} has ${withArticle(laws.failure.family)} failure time`,
      ),
      ...(repair !== undefined && { repair }),
      ...(detection !== undefined && { detection }),
      ...(recovery !== undefined && { recovery }),
      coverage: component.coverage,
      rank: priority.length === 0 ? 0 : listed >= 0 ? listed : priority.length + c,
      ...(inspection && { inspection }),
      ...(instantRepair && { instantRepair }),
    };
  });
  const blockUnits = new Set(structure.blocks.flatMap((block) => block.units));
  const lumpable = exchangeableComponents(
    model,
    [structure, ...others].map((each) => each.node),
    blockUnits,
  );

  const groupWidth =
    model.maintenance.spares === undefined ? GROUP_WIDTH.plain : GROUP_WIDTH.withSpares;
  let width = 1;
  const groups: UnitGroup[] = [];
  const groupOfUnit = new Int32Array(model.units.length);
  model.components.forEach((component, c) => {
    const first = model.units.findIndex((unit) => unit.component === c);
    const units = Array.from({ length: component.count }, (_, i) => first + i);
    const sets = lumpable[c] ? [units] : units.map((unit) => [unit]);
    for (const set of sets) {
      for (const unit of set) groupOfUnit[unit] = groups.length;
      groups.push({ component: c, units: set, offset: width });
      width += groupWidth;
    }
  });
  const blocks = structure.blocks.map((node, b): BlockLayout => {
    node.units.forEach((unit, position) => {
      const g = groupOfUnit[unit]!;
      groups[g] = { ...groups[g]!, block: b, position };
    });
    const delay = facts.switchDelays.get(node);
    const switchRate =
      delay &&
      exponentialRateOf(
        delay,
        `the standby block at ${node.path} has ${withArticle(delay.family)} switch delay`,
      );
    const layout: BlockLayout = {
      node,
      groups: node.units.map((unit) => groupOfUnit[unit]!),
      offset: width,
      ...(switchRate !== undefined && { switchRate }),
    };
    width += 2;
    return layout;
  });
  const recoverySlot = rates.map((rate) => (rate.recovery === undefined ? -1 : width++));
  const testSlot = rates.map((rate) => ((rate.inspection?.duration ?? 0) > 0 ? width++ : -1));
  const backSlot = groups.map((group) =>
    testSlot[group.component]! >= 0 && rates[group.component]!.repair !== undefined ? width++ : -1,
  );
  const repairableUnits = groups.reduce(
    (sum, group) => sum + (rates[group.component]!.repair === undefined ? 0 : group.units.length),
    0,
  );
  const crewLimit = model.maintenance.crews;
  const crews = crewLimit !== undefined && crewLimit < repairableUnits ? crewLimit : undefined;
  const queueCapacity = crews === undefined ? 0 : repairableUnits;
  const queueOffset = width;
  width += 1 + queueCapacity;
  const poolOf = model.components.map(() => -1);
  const pools = (model.maintenance.spares ?? []).map((pool, p): PoolLayout => {
    const leadRate = exponentialRateOf(
      facts.leadTimes[p]!, // one law per pool, in the same order
      `the spare pool "${pool.name}" has ${withArticle(facts.leadTimes[p]!.family)} lead time`,
    );
    for (const c of pool.components) poolOf[c] = p;
    const tokens = groups.flatMap((group, g) => {
      if (!pool.components.includes(group.component)) return [];
      const rate = rates[group.component]!;
      if (rate.inspection !== undefined && rate.instantRepair) {
        throw new UnsupportedModelError(
          'markov',
          `component ${model.components[group.component]!.name} draws on the spare pool "${pool.name}" and is repaired at once at its tests; the Markov engine renews such units in place`,
          'use relkit simulate',
        );
      }
      const uncoveredFlag = rate.coverage < 1 && rate.recovery === undefined;
      return uncoveredFlag ? [g * 2, g * 2 + 1] : [g * 2];
    });
    const served = groups.reduce(
      (sum, group) => sum + (pool.components.includes(group.component) ? group.units.length : 0),
      0,
    );
    const ordersSlot = width++;
    const queued = tokens.length > 1;
    const layoutOfPool = {
      stock: pool.stock,
      leadRate,
      ordersSlot,
      queueOffset: queued ? width : -1,
      queueCapacity: queued ? served : 0,
      onlyToken: tokens[0] ?? 0,
    };
    if (queued) width += 1 + served;
    return layoutOfPool;
  });
  const layout = {
    model,
    rates,
    groups,
    blocks,
    structures: [structure.node, ...others.map((other) => other.node)],
    variableCount: structure.variableCount,
    groupWidth,
    recoverySlot,
    testSlot,
    backSlot,
    ...(crews !== undefined && { crews }),
    queueOffset,
    queueCapacity,
    pools,
    poolOf,
    width,
  };
  return { ...layout, estimatedStates: estimateStates(layout) };
}

/** The rate of an exponential law; any other law is refused, saying `what` it is. */
function exponentialRateOf(law: Distribution, what: string): number {
  const rate = exponentialRate(law);
  if (rate === undefined) {
    throw new UnsupportedModelError(
      'markov',
      `${what}; the Markov engine needs exponential times`,
      'use relkit simulate',
    );
  }
  return rate;
}

/**
 * Marks the components whose units can be lumped: in every structure, every unit appears
 * exactly once, all as children of one series, parallel or k-out-of-n node (so the structure
 * is symmetric in them), or none appears at all; and none is in a standby block.
 */
function exchangeableComponents(
  model: Model,
  roots: readonly StructureNode[],
  blockUnits: ReadonlySet<number>,
): boolean[] {
  const each = roots.map((root) => exchangeableIn(model, root, blockUnits));
  return model.components.map((_, c) => each.every((lumpable) => lumpable[c]));
}

/** {@link exchangeableComponents} in one structure. */
function exchangeableIn(
  model: Model,
  root: StructureNode,
  blockUnits: ReadonlySet<number>,
): boolean[] {
  const parents: (StructureNode | undefined)[][] = model.units.map(() => []);
  // Every place in the tree with its parent, on an explicit stack (a tree may be 10^5 deep).
  const stack: [StructureNode, StructureNode | undefined][] = [[root, undefined]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, parent] = top;
    switch (node.kind) {
      case 'component':
        if (node.component < model.units.length) parents[node.component]!.push(parent);
        break;
      case 'network':
        for (const edge of node.edges) parents[edge.component]?.push(node);
        break;
      case 'not':
        stack.push([node.child, node]);
        break;
      default:
        for (const child of node.children) stack.push([child, node]);
    }
  }
  return model.components.map((component, c) => {
    if (component.count === 1) return false;
    const units = model.units.flatMap((unit, u) => (unit.component === c ? [u] : []));
    if (units.some((u) => blockUnits.has(u))) return false;
    if (units.every((u) => parents[u]!.length === 0)) return true;
    const parent = parents[units[0]!]![0];
    return (
      parent !== undefined &&
      parent.kind !== 'network' &&
      units.every((u) => parents[u]!.length === 1 && parents[u]![0] === parent)
    );
  });
}

/**
 * An upper estimate of the reachable states: per group, the count vectors over the failed
 * states it can reach, with the crews busy in all groups together at most `crews`; block
 * positions; recovery counts; orders outstanding per spare pool; and the orderings of the repair
 * queue within each priority class and of each pool's queue.
 * Computed with a running scale factor, so it neither overflows nor underflows.
 *
 * @remarks
 * Counting each group's busy crews up to `crews` on its own overestimated shared crews badly:
 * five classes of six units with three crews were estimated at 5.2·10^6 states against 359 681
 * built. The crews are now shared by convolving, per group, the number of vectors with p units
 * in repair, truncated at `crews` (measured in test/markov/fromModel.test.ts). That costs
 * crews × Σ (busy units per group) steps; above 10^7 the per-group bound is used instead.
 */
function estimateStates(layout: Omit<ChainLayout, 'estimatedStates'>): number {
  const { rates, groups, blocks, crews } = layout;
  let logCount = 0;
  const classTypes = new Map<number, number[]>();
  // ways[P] ∝ vectors of the groups so far with P crews busy (P ≤ crews), times e^{logCount}.
  let ways = [1];
  const busyTotal = groups.reduce((sum, g) => sum + Math.min(g.units.length, crews ?? 0), 0);
  const shareCrews = crews !== undefined && crews < busyTotal && crews * busyTotal <= 1e7;
  for (const group of groups) {
    const rate = rates[group.component]!;
    const n = group.units.length;
    const repairable = rate.repair !== undefined;
    const uncoveredFlag = rate.coverage < 1 && rate.recovery === undefined && repairable;
    const flags = uncoveredFlag ? 2 : 1;
    const hidden = rate.inspection === undefined ? 0 : 2;
    const awaiting = layout.poolOf[group.component]! >= 0 ? flags : 0;
    const other =
      hidden +
      (repairable
        ? (rate.detection === undefined ? 0 : flags) + (crews === undefined ? 0 : flags) + awaiting
        : 1);
    const repairing = repairable ? flags : 0;
    const busyLimit = repairing === 0 ? 0 : Math.min(n, crews ?? n);
    const byBusy = Array.from({ length: busyLimit + 1 }, (_, p) =>
      Math.exp(logMultisets(p, repairing) + logMultisets(n - p, other + 1)),
    );
    if (shareCrews) {
      const next = new Array<number>(Math.min(crews, ways.length - 1 + busyLimit) + 1).fill(0);
      ways.forEach((w, busy) => {
        for (let p = 0; p < byBusy.length && busy + p <= crews; p++)
          next[busy + p]! += w * byBusy[p]!;
      });
      const top = Math.max(...next);
      logCount += Math.log(top);
      ways = next.map((w) => w / top);
    } else {
      logCount += Math.log(byBusy.reduce((a, b) => a + b, 0));
    }
    if (crews !== undefined && repairable) {
      const types = classTypes.get(rate.rank) ?? [];
      for (let f = 0; f < flags; f++) types.push(n);
      classTypes.set(rate.rank, types);
    }
  }
  logCount += Math.log(ways.reduce((a, b) => a + b, 0));
  for (const block of blocks)
    logCount += Math.log((block.groups.length + 1) * (block.switchRate ? 2 : 1));
  layout.recoverySlot.forEach((slot, c) => {
    if (slot >= 0) logCount += Math.log(layout.model.components[c]!.count + 1);
  });
  // A test in progress, and how many of the group's units came back from repair during it.
  for (const slot of layout.testSlot) if (slot >= 0) logCount += Math.log(2);
  layout.backSlot.forEach((slot, g) => {
    if (slot >= 0) logCount += Math.log(groups[g]!.units.length + 1);
  });
  for (const types of classTypes.values()) logCount += logOrderings(types);
  // Orders outstanding (at most the stock plus the units served) and the pool's queue.
  layout.pools.forEach((pool, p) => {
    const types = layout.groups.flatMap((group) => {
      if (layout.poolOf[group.component] !== p) return [];
      const rate = layout.rates[group.component]!;
      return rate.coverage < 1 && rate.recovery === undefined
        ? [group.units.length, group.units.length]
        : [group.units.length];
    });
    const served = types.reduce((sum, n) => sum + n, 0);
    logCount += Math.log(pool.stock + served + 1) + logOrderings(types);
  });
  return Math.exp(logCount) + 1;
}

/**
 * log of the orderings of a full queue of units of several kinds, n of each: the multinomial
 * coefficient (Σn)! / Π n! (0 for one kind: its order never matters).
 */
function logOrderings(types: readonly number[]): number {
  if (types.length < 2) return 0;
  const total = types.reduce((sum, n) => sum + n, 0);
  return logGamma(total + 1) - types.reduce((sum, n) => sum + logGamma(n + 1), 0);
}

/** log C(n + k − 1, k − 1): the number of ways to spread n units over k states (1 when k = 0, n = 0). */
function logMultisets(n: number, k: number): number {
  if (k === 0) return n === 0 ? 0 : -Infinity;
  return logGamma(n + k) - logGamma(n + 1) - logGamma(k);
}
