import { distributionFromSpec } from '../../distributions/registry.js';
import type { Distribution } from '../../distributions/types.js';
import { componentFacts } from '../../model/componentFacts.js';
import type {
  CostsModel,
  ImperfectRepairModel,
  InspectionModel,
  Model,
  PreventiveModel,
  SystemNode,
} from '../../model/Model.js';

/** Node kinds of the compiled structure. */
export const LEAF = 0;
/** A gate is up while at least `threshold` children are up (series, parallel, k-out-of-n). */
export const GATE = 1;
/** A network node is up while working edges join its source to its sink. */
export const NETWORK = 2;

/** One network node: its graph in compressed rows, each entry naming the edge's leaf node. */
export interface NetworkPlan {
  readonly node: number;
  readonly source: number;
  readonly sink: number;
  /** Row starts per graph vertex (length vertices + 1). */
  readonly rowStart: Int32Array;
  /** Neighbour vertex of each adjacency entry. */
  readonly neighbour: Int32Array;
  /** Leaf node of the edge of each adjacency entry. */
  readonly edgeLeaf: Int32Array;
  /** Scratch: visit marks and a stack, reused by every evaluation. */
  readonly mark: Int32Array;
  readonly stack: Int32Array;
}

/**
 * A model compiled to flat typed arrays for the simulator: per-component samplers, the structure
 * as nodes numbered children-first, standby blocks, the repair policy and the spare pools.
 */
export interface SystemPlan {
  readonly unitCount: number;
  readonly componentCount: number;
  readonly componentNames: readonly string[];
  readonly unitNames: readonly string[];
  readonly unitComponent: Int32Array;
  /** Mean life of an exponential failure law per component; 0 when another family. */
  readonly failureExponentialMean: Float64Array;
  readonly failure: readonly Distribution[];
  readonly repair: readonly (Distribution | undefined)[];
  readonly detection: readonly (Distribution | undefined)[];
  readonly recovery: readonly (Distribution | undefined)[];
  readonly coverage: Float64Array;
  /** Number of crews; 0 means unlimited. */
  readonly crews: number;
  /** Rank of each component in the repair queue (0 first); one rank when no priority is given. */
  readonly priorityRank: Int32Array;
  readonly rankCount: number;
  readonly idleWhileDown: boolean;
  // Structure: nodes numbered so that every child precedes its parent; the root is last.
  readonly nodeCount: number;
  readonly nodeKind: Uint8Array;
  readonly nodeParent: Int32Array;
  readonly nodeThreshold: Int32Array;
  /** For a network node, its index into `networks`; −1 otherwise. */
  readonly nodeNetwork: Int32Array;
  readonly networks: readonly NetworkPlan[];
  /** The root of each system function, in the order compiled (see {@link compileSystems}). */
  readonly roots: Int32Array;
  /** The first system's root (the only one of a model with one system). */
  readonly root: number;
  /** Leaf nodes of each unit (a unit may appear several times), compressed rows. */
  readonly unitLeafStart: Int32Array;
  readonly unitLeaf: Int32Array;
  // Standby blocks.
  readonly blockCount: number;
  readonly blockPath: readonly string[];
  readonly blockLeaf: Int32Array;
  readonly blockUnitStart: Int32Array;
  readonly blockUnit: Int32Array;
  readonly blockDormancy: Float64Array;
  readonly blockSwitchSuccess: Float64Array;
  readonly blockSwitchDelay: readonly (Distribution | undefined)[];
  /** Block of each unit, −1 when the unit is in no standby block. */
  readonly unitBlock: Int32Array;
  /** Units of each component, compressed rows. */
  readonly componentUnitStart: Int32Array;
  readonly componentUnit: Int32Array;
  /** Maintenance of each component (docs/semantics.md), undefined when it has none. */
  readonly upkeep: readonly ComponentUpkeep[];
  /** Cost per time unit a crew spends repairing (`maintenance.crew_cost_per_hour`), 0 if none. */
  readonly crewCostPerHour: number;
  // Spare-part pools (`maintenance.spares`, docs/semantics.md "Spare parts").
  readonly poolCount: number;
  readonly poolNames: readonly string[];
  /** Spares on hand at 0 per pool. */
  readonly poolStock: Float64Array;
  readonly poolLeadTime: readonly Distribution[];
  /** Units each pool serves (the most that can await one of its spares). */
  readonly poolUnitCount: Int32Array;
  /** Pool of each unit, −1 when its repairs need no spare. */
  readonly unitPool: Int32Array;
}

/** The maintenance facts of one component, each absent when the component has none. */
export interface ComponentUpkeep {
  readonly inspection?: InspectionModel;
  readonly preventive?: PreventiveModel;
  readonly imperfectRepair?: ImperfectRepairModel;
  readonly costs?: CostsModel;
}

/** Whether the model counts costs: some component has `costs`, or crews cost money. */
export function hasCosts(plan: SystemPlan): boolean {
  return plan.crewCostPerHour > 0 || plan.upkeep.some((u) => u.costs !== undefined);
}

/**
 * Returns the simulator's flat form of `model` with its `system` tree: every distribution built
 * once, the structure as an array of nodes with parent links for incremental evaluation.
 *
 * @param model - a loaded model with a `system`
 * @param system - the model's structure
 * @returns the compiled plan (typed arrays; built once per run, shared by all replications)
 * @throws {@link ParameterError} when a distribution spec is invalid
 *
 * @remarks Cost O(units + nodes + edges).
 */
export function compileSystem(model: Model, system: SystemNode): SystemPlan {
  return compileSystems(model, [system]);
}

/**
 * Returns the flat form of `model` with several system functions over its units (see
 * {@link compileSystem}): the structures side by side in one node array (a forest), one root
 * each in `roots`, so a unit's leaves in every system change together and one event stream
 * keeps every system's state.
 *
 * @param model - a loaded model
 * @param systems - the structures, at least one
 * @returns the compiled plan; `root` is the first system's
 * @throws {@link ParameterError} when a distribution spec is invalid
 *
 * @remarks Cost O(units + nodes + edges) over all systems.
 */
export function compileSystems(model: Model, systems: readonly SystemNode[]): SystemPlan {
  const components = model.components;
  const facts = componentFacts(model);
  const failure = facts.components.map((laws) => laws.failure);
  const repair = facts.components.map((laws) => laws.repair);
  const exponentialMean = (d: Distribution | undefined): number =>
    d !== undefined && d.family === 'exponential' ? d.mean : 0;

  const unitCount = model.units.length;
  const kinds: number[] = [];
  const parents: number[] = [];
  const thresholds: number[] = [];
  const nodeNetwork: number[] = [];
  const networks: NetworkPlan[] = [];
  const leavesOfUnit: number[][] = model.units.map(() => []);
  const blockLeaf: number[] = [];
  const blockPath: string[] = [];
  const blockUnits: number[][] = [];
  const blockDormancy: number[] = [];
  const blockSwitchSuccess: number[] = [];
  const blockSwitchDelay: (Distribution | undefined)[] = [];
  const unitBlock = new Int32Array(unitCount).fill(-1);

  const addNode = (kind: number, threshold: number): number => {
    kinds.push(kind);
    parents.push(-1);
    thresholds.push(threshold);
    nodeNetwork.push(-1);
    return kinds.length - 1;
  };
  const unitLeaf = (unit: number): number => {
    const leaf = addNode(LEAF, 0);
    leavesOfUnit[unit]!.push(leaf);
    return leaf;
  };
  // Post-order: children get their numbers before their parent.
  const visit = (node: SystemNode): number => {
    switch (node.kind) {
      case 'unit':
        return unitLeaf(node.unit);
      case 'series':
      case 'parallel':
      case 'koon': {
        const children = node.children.map(visit);
        const n = children.length;
        const k = node.kind === 'series' ? n : node.kind === 'parallel' ? 1 : node.k;
        const id = addNode(GATE, k);
        for (const child of children) parents[child] = id;
        return id;
      }
      case 'standby': {
        const leaf = addNode(LEAF, 0);
        const b = blockLeaf.length;
        blockLeaf.push(leaf);
        blockPath.push(node.path);
        blockUnits.push([...node.units]);
        for (const unit of node.units) unitBlock[unit] = b;
        blockDormancy.push(node.dormancy);
        blockSwitchSuccess.push(node.switchSuccess);
        blockSwitchDelay.push(facts.switchDelays.get(node));
        return leaf;
      }
      case 'network': {
        const vertices = new Map<string, number>();
        const vertex = (name: string): number => {
          let v = vertices.get(name);
          if (v === undefined) vertices.set(name, (v = vertices.size));
          return v;
        };
        const edges = node.edges.map((edge) => ({
          from: vertex(edge.from),
          to: vertex(edge.to),
          leaf: unitLeaf(edge.unit),
        }));
        const source = vertex(node.source);
        const sink = vertex(node.sink);
        const id = addNode(NETWORK, 0);
        const count = vertices.size;
        const rowStart = new Int32Array(count + 1);
        for (const e of edges) {
          rowStart[e.from + 1]!++;
          rowStart[e.to + 1]!++;
        }
        for (let v = 0; v < count; v++) rowStart[v + 1]! += rowStart[v]!;
        const fill = rowStart.slice(0, count);
        const neighbour = new Int32Array(2 * edges.length);
        const edgeLeaf = new Int32Array(2 * edges.length);
        for (const e of edges) {
          parents[e.leaf] = id;
          neighbour[fill[e.from]!] = e.to;
          edgeLeaf[fill[e.from]!++] = e.leaf;
          neighbour[fill[e.to]!] = e.from;
          edgeLeaf[fill[e.to]!++] = e.leaf;
        }
        nodeNetwork[id] = networks.length;
        networks.push({
          node: id,
          source,
          sink,
          rowStart,
          neighbour,
          edgeLeaf,
          mark: new Int32Array(count),
          stack: new Int32Array(count),
        });
        return id;
      }
    }
  };
  const roots = Int32Array.from(systems, visit);
  const unitsOfComponents: number[][] = components.map(() => []);
  model.units.forEach((unit, u) => unitsOfComponents[unit.component]!.push(u));
  const nodeCount = kinds.length;

  const priorityRank = new Int32Array(components.length);
  let rankCount = 1;
  const priority = model.maintenance.priority;
  if (priority.length > 0) {
    priorityRank.fill(-1);
    priority.forEach((component, rank) => (priorityRank[component] = rank));
    rankCount = priority.length;
    for (let c = 0; c < components.length; c++)
      if (priorityRank[c]! < 0) priorityRank[c] = rankCount++;
  }

  const pools = model.maintenance.spares ?? [];
  const unitPool = new Int32Array(unitCount).fill(-1);
  const poolUnitCount = new Int32Array(pools.length);
  pools.forEach((pool, p) => {
    // Component indices of a pool are the model's (buildSparePools checked them).
    for (const c of pool.components) {
      for (const u of unitsOfComponents[c]!) unitPool[u] = p;
      poolUnitCount[p]! += unitsOfComponents[c]!.length;
    }
  });

  return {
    unitCount,
    componentCount: components.length,
    componentNames: components.map((c) => c.name),
    unitNames: model.units.map((u) => u.name),
    unitComponent: Int32Array.from(model.units, (u) => u.component),
    failureExponentialMean: Float64Array.from(failure, exponentialMean),
    failure,
    repair,
    detection: facts.components.map((laws) => laws.detection),
    recovery: facts.components.map((laws) => laws.recovery),
    coverage: Float64Array.from(components, (c) => c.coverage),
    crews: model.maintenance.crews ?? 0,
    priorityRank,
    rankCount,
    idleWhileDown: model.maintenance.idleWhileDown,
    nodeCount,
    nodeKind: Uint8Array.from(kinds),
    nodeParent: Int32Array.from(parents),
    nodeThreshold: Int32Array.from(thresholds),
    nodeNetwork: Int32Array.from(nodeNetwork),
    networks,
    roots,
    root: roots[0]!, // at least one system
    ...compressedRows(leavesOfUnit, 'unitLeafStart', 'unitLeaf'),
    blockCount: blockLeaf.length,
    blockPath,
    blockLeaf: Int32Array.from(blockLeaf),
    ...compressedRows(blockUnits, 'blockUnitStart', 'blockUnit'),
    blockDormancy: Float64Array.from(blockDormancy),
    blockSwitchSuccess: Float64Array.from(blockSwitchSuccess),
    blockSwitchDelay,
    unitBlock,
    ...compressedRows(unitsOfComponents, 'componentUnitStart', 'componentUnit'),
    upkeep: components.map((c) => ({
      ...(c.inspection && { inspection: c.inspection }),
      ...(c.preventive && { preventive: c.preventive }),
      ...(c.imperfectRepair && { imperfectRepair: c.imperfectRepair }),
      ...(c.costs && { costs: c.costs }),
    })),
    crewCostPerHour: model.maintenance.crewCostPerHour ?? 0,
    poolCount: pools.length,
    poolNames: pools.map((pool) => pool.name),
    poolStock: Float64Array.from(pools, (pool) => pool.stock),
    poolLeadTime: pools.map((pool) => distributionFromSpec(pool.leadTime)),
    poolUnitCount,
    unitPool,
  } as SystemPlan;
}

function compressedRows<S extends string, E extends string>(
  rows: readonly (readonly number[])[],
  startName: S,
  entryName: E,
): Record<S | E, Int32Array> {
  const start = new Int32Array(rows.length + 1);
  rows.forEach((row, i) => (start[i + 1] = start[i]! + row.length));
  const entries = Int32Array.from(rows.flat());
  return { [startName]: start, [entryName]: entries } as Record<S | E, Int32Array>;
}
