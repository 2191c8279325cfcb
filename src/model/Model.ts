import type { DistributionSpec } from '../distributions/registry.js';
import type { LifeFit } from '../fit/fitLifeData.js';
import type { LifeData } from '../fit/lifeData.js';

/**
 * A model after parsing, validation and parameter evaluation: plain, immutable JSON data (it
 * crosses to Web Workers and into result hashes), every number evaluated, every name resolved.
 */
export interface Model {
  readonly name: string;
  readonly description: string;
  /** The one time unit of every time and rate in the model, such as `h`. */
  readonly timeUnit: string;
  /** Evaluated parameter values, in file order. */
  readonly parameters: Readonly<Record<string, number>>;
  /** Component types in file order; each has `count` identical, independent units. */
  readonly components: readonly ComponentModel[];
  /** Every physical unit; a component with count n owns n consecutive units. */
  readonly units: readonly UnitModel[];
  /** The structure: which combinations of working units keep the system up; absent for a model
   * that is only a hand-written Markov chain. */
  readonly system?: SystemNode;
  /**
   * Every system function of a model written with `systems:` or `quorum:` (with `system:`, that
   * one first, named `system`), in file order; `system` is the first's. Absent for a model with
   * one `system:`. Each is solved as the model with that structure (docs/semantics.md).
   */
  readonly systems?: readonly NamedSystem[];
  /** The read and write quorums of `quorum:`, whose systems are `read` and `write`. */
  readonly quorum?: QuorumModel;
  /** Laws fitted from life data (`{ fit: FILE, dist: FAMILY }`), with their estimates' bounds. */
  readonly fits?: readonly FittedLaw[];
  /** A hand-written continuous-time Markov chain (the `markov:` section), when the file has one. */
  readonly chain?: ChainModel;
  readonly maintenance: MaintenanceModel;
  /** Mission time for reliability questions, in `timeUnit`, when the file gives one. */
  readonly missionTime?: number;
  /**
   * The fault-tree form (failure logic), when the file is written as a fault tree: basic events,
   * house events and gates. Its events with failure times are also `units`, and when the tree is
   * coherent and every event has failure times, `system` is the same function in success logic,
   * so that every solver applies.
   */
  readonly faultTree?: FaultTreeModel;
}

/**
 * A fault tree after evaluation: the top event's failure logic over basic events, with house
 * events folded in as constants and common-cause groups expanded into their events.
 */
export interface FaultTreeModel {
  /** Name of the top gate. */
  readonly top: string;
  /** Basic events: those of the file in file order, then the common-cause events. */
  readonly events: readonly BasicEventModel[];
  /** House events and their values after overrides (true: the event occurs). */
  readonly houseEvents: Readonly<Record<string, boolean>>;
  /** The top gate. Gates used at several places are one shared object (a DAG). */
  readonly root: FaultNode;
  /** The common-cause groups as written, after evaluation (for reports and export). */
  readonly commonCause: readonly CommonCauseGroupModel[];
}

/**
 * A basic event: with a fixed probability of occurring, or with failure (and repair) times as a
 * unit of the model, whose unavailability at a time is its probability then.
 */
export type BasicEventModel =
  | { readonly name: string; readonly probability: number }
  | { readonly name: string; readonly unit: number };

/** Common-cause models, as in the Open-PSA Model Exchange Format. */
export type CommonCauseModelKind = 'beta-factor' | 'MGL' | 'alpha-factor' | 'phi-factor';

/** One common-cause group after evaluation. */
export interface CommonCauseGroupModel {
  readonly name: string;
  /** Member basic events (names in the file). */
  readonly members: readonly string[];
  readonly model: CommonCauseModelKind;
  /** The factors as written: [β]; MGL [β, γ, δ, …]; alpha [α1 … αn]; phi [φ1 … φn]. */
  readonly factors: readonly number[];
}

/** A gate kind of a fault tree (failure logic: a gate's output is "the event occurs"). */
export type GateKind = 'and' | 'or' | 'atleast' | 'not' | 'xor' | 'nand' | 'nor';

/**
 * A node of the failure logic. `event` indexes `FaultTreeModel.events`; a house event is a
 * constant; gates carry their name when they are named in the file.
 */
export type FaultNode =
  | { readonly kind: 'event'; readonly event: number }
  | { readonly kind: 'house'; readonly name: string; readonly value: boolean }
  | {
      readonly kind: Exclude<GateKind, 'atleast'>;
      readonly name?: string;
      readonly children: readonly FaultNode[];
    }
  | {
      readonly kind: 'atleast';
      readonly name?: string;
      /** The gate occurs when at least k of its children occur. */
      readonly k: number;
      readonly children: readonly FaultNode[];
    };

/** A time law of the model fitted by maximum likelihood to a data file. */
export interface FittedLaw {
  /** Where in the model: `components.pump.failure`. */
  readonly path: string;
  /** The data file, as the model names it. */
  readonly file: string;
  /** The family fitted. */
  readonly dist: string;
  /** The law used: the estimates as a model-file distribution. */
  readonly law: DistributionSpec;
  /** The maximum-likelihood estimates by parameter name. */
  readonly parameters: Readonly<Record<string, number>>;
  /** Their Fisher-matrix 95 % bounds (null where the data give none). */
  readonly ci95: Readonly<Record<string, readonly [number, number] | null>>;
  /**
   * The estimates' covariance, the inverse observed information in the natural parameters
   * (`names` gives the order; NaN in the row of a parameter without a bound), or null.
   */
  readonly covariance: LifeFit['covariance'];
  /** Units of each kind in the data. */
  readonly n: LifeData['n'];
}

/** One system function of a model with several. */
export interface NamedSystem {
  readonly name: string;
  readonly node: SystemNode;
}

/** `quorum: { of, read, write }` after evaluation. */
export interface QuorumModel {
  /** The replica component's index. */
  readonly component: number;
  /** N, the number of replicas (the component's count). */
  readonly replicas: number;
  /** R: replicas a read needs. */
  readonly read: number;
  /** W: replicas a write needs. */
  readonly write: number;
}

/** One component type as written under `components`. */
export interface ComponentModel {
  readonly name: string;
  /** Number of identical units, at least 1. */
  readonly count: number;
  /** Time to failure of one unit while it operates. */
  readonly failure: DistributionSpec;
  /** Time to repair one failed unit; absent for a non-repairable component. */
  readonly repair?: DistributionSpec;
  /** Probability that a failure is detected and masked; an uncovered failure downs the system. */
  readonly coverage: number;
  /** Time from a failure until it is detected and the unit joins the repair queue; absent: 0. */
  readonly detection?: DistributionSpec;
  /**
   * Time the system stays down after an uncovered failure of this component (a reboot);
   * absent: until the failed unit is repaired.
   */
  readonly recovery?: DistributionSpec;
  /** Periodic proof tests; present: the component's failures are hidden until a test finds them. */
  readonly inspection?: InspectionModel;
  /** Preventive replacement of working units. */
  readonly preventive?: PreventiveModel;
  /** Corrective repairs leave a virtual age (Kijima); absent: as good as new. */
  readonly imperfectRepair?: ImperfectRepairModel;
  /** Maintenance costs of one unit; absent: the component costs nothing. */
  readonly costs?: CostsModel;
}

/**
 * Periodic proof tests of a component (docs/semantics.md, "Hidden failures and proof tests"):
 * every unit of the component is tested at `first`, `first + interval`, … .
 */
export interface InspectionModel {
  /** Time between tests, > 0. */
  readonly interval: number;
  /** Time a test takes every unit of the component out of service, in [0, interval). */
  readonly duration: number;
  /** Probability that a test can find a failure, drawn once per failure, in [0, 1]. */
  readonly coverage: number;
  /** Time of the first test, > 0. */
  readonly first: number;
}

/** Preventive replacement (docs/semantics.md, "Preventive replacement"). */
export interface PreventiveModel {
  /** `age`: a working unit is replaced when its age reaches `interval`; `block`: every working
   * unit at each multiple of `interval`. */
  readonly policy: 'age' | 'block';
  /** Replacement age or period, > 0. */
  readonly interval: number;
  /** Time a replacement takes the unit out of service, ≥ 0. */
  readonly duration: number;
}

/**
 * Kijima's virtual-age models of imperfect repair with restoration factor q: after the n-th
 * repair the virtual age is V_n = V_{n−1} + q·X_n (type I) or V_n = q·(V_{n−1} + X_n) (type II),
 * X_n the age gained since the previous repair.
 */
export interface ImperfectRepairModel {
  readonly model: 'kijima-1' | 'kijima-2';
  /** Restoration factor q in [0, 1]: 0 as good as new, 1 as bad as old. */
  readonly factor: number;
}

/** Maintenance costs of one unit, each ≥ 0 (absent fields are 0). */
export interface CostsModel {
  /** Cost of one corrective repair. */
  readonly corrective: number;
  /** Cost of one preventive replacement. */
  readonly preventive: number;
  /** Cost of testing one unit once. */
  readonly inspection: number;
  /** Cost per time unit the unit is out of service (failed, waiting, in repair, test or replacement). */
  readonly downtimePerHour: number;
}

/** A hand-written CTMC: named states, which are up, the initial state and the rates. */
export interface ChainModel {
  readonly states: readonly { readonly name: string; readonly up: boolean }[];
  /** Index of the initial state. */
  readonly initial: number;
  /** Transitions between state indices with evaluated rates (> 0), in file order. */
  readonly transitions: readonly {
    readonly from: number;
    readonly to: number;
    readonly rate: number;
  }[];
}

/** One physical unit: copy `copy` (0-based) of component `component` (index into components). */
export interface UnitModel {
  readonly name: string;
  readonly component: number;
  readonly copy: number;
}

/**
 * Returns the component type of unit number `unit`.
 *
 * @param model - the components and units of a model
 * @param unit - a unit number, an index into `model.units`
 * @returns the component the unit is a copy of
 * @throws Error (an internal error) when there is no such unit or its component is missing,
 * which a loaded model never has
 */
export function unitComponent(
  model: { readonly components: readonly ComponentModel[]; readonly units: readonly UnitModel[] },
  unit: number,
): ComponentModel {
  const owner = model.units[unit];
  const component = owner && model.components[owner.component];
  if (component === undefined) throw new Error(`internal: unit ${unit} has no component`);
  return component;
}

/** How failed units are repaired. */
export interface MaintenanceModel {
  /** Number of repair crews; absent means unlimited (every failed unit repaired at once). */
  readonly crews?: number;
  /** Component indices in repair order when crews are short; empty: first failed, first served. */
  readonly priority: readonly number[];
  /** Whether surviving units stop ageing while the system is down. */
  readonly idleWhileDown: boolean;
  /** Cost per time unit a crew spends repairing; absent: 0. */
  readonly crewCostPerHour?: number;
  /** Spare-part pools; absent: every repair has its part at once (docs/semantics.md). */
  readonly spares?: readonly SparePoolModel[];
}

/**
 * A pool of spare parts, restocked one for one: every repair of a unit of its components takes a
 * spare when it is needed, a unit waits (first come, first served) while the pool is empty, and
 * every spare taken is reordered at once and arrives after a lead time drawn from `leadTime`.
 */
export interface SparePoolModel {
  /** The name given in the file, or `pool N` (N from 1 in file order). */
  readonly name: string;
  /** Component indices it serves; a component is served by at most one pool. */
  readonly components: readonly number[];
  /** Spares on hand at time 0. */
  readonly stock: number;
  /** Time from an order to the spare's arrival. */
  readonly leadTime: DistributionSpec;
}

/** Standby spares: cold (do not age), warm (age at `dormancy` of the active rate), hot (age fully). */
export type StandbyMode = 'cold' | 'warm' | 'hot';

/** A node of the evaluated structure; each carries the model path it came from, for messages. */
export type SystemNode =
  | { readonly kind: 'unit'; readonly path: string; readonly unit: number }
  | { readonly kind: 'series'; readonly path: string; readonly children: readonly SystemNode[] }
  | { readonly kind: 'parallel'; readonly path: string; readonly children: readonly SystemNode[] }
  | {
      readonly kind: 'koon';
      readonly path: string;
      readonly k: number;
      readonly children: readonly SystemNode[];
    }
  | {
      readonly kind: 'standby';
      readonly path: string;
      readonly mode: StandbyMode;
      /** Dormant ageing speed relative to active: 0 cold, 1 hot, between for warm. */
      readonly dormancy: number;
      /** Probability that switching to the next spare succeeds. */
      readonly switchSuccess: number;
      /** Time the switch-over takes, during which the block is down; absent: instantaneous. */
      readonly switchDelay?: DistributionSpec;
      /** Units in activation order: the primary first, then the spares. */
      readonly units: readonly number[];
    }
  | {
      readonly kind: 'network';
      readonly path: string;
      readonly source: string;
      readonly sink: string;
      /** Undirected links between named nodes, each working while its unit works. */
      readonly edges: readonly {
        readonly from: string;
        readonly to: string;
        readonly unit: number;
      }[];
    };
