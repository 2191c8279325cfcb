import type { DistributionSpec } from '../distributions/registry.js';

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
  /** A hand-written continuous-time Markov chain (the `markov:` section), when the file has one. */
  readonly chain?: ChainModel;
  readonly maintenance: MaintenanceModel;
  /** Mission time for reliability questions, in `timeUnit`, when the file gives one. */
  readonly missionTime?: number;
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
