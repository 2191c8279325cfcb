/**
 * The one result shape of every solver (analytic, markov, simulation): plain JSON data.
 * Keys of {@link Measures} are the measure names used everywhere (DESIGN.md, "Measures").
 */

/** A time-dependent measure at the requested times. */
export interface Curve {
  readonly t: readonly number[];
  readonly values: readonly number[];
  /** Lower ends of the 95 % confidence band (simulation only). */
  readonly lo?: readonly number[];
  /** Upper ends of the 95 % confidence band (simulation only). */
  readonly hi?: readonly number[];
}

/** A scalar estimated by simulation: its mean and 95 % confidence interval. */
export interface Estimate {
  readonly mean: number;
  readonly ci95: readonly [number, number];
  /**
   * The number of independent events the estimate rests on: observed system failures for the
   * steady measures and the MTTF, replications with any down time for interval availability.
   */
  readonly events?: number;
  /** How it was estimated, e.g. `regenerative cycles`, `time average after MSER-5 deletion`. */
  readonly estimator?: string;
  /**
   * Present when the estimate cannot support a verdict yet: why (too few events, a horizon too
   * short for the model's slowest time scale) and what would help. `check` reports INCONCLUSIVE.
   */
  readonly inconclusive?: string;
}

/** An exact number, or a simulated estimate. */
export type Scalar = number | Estimate;

/** What a solver computed; a measure it cannot give is absent (and a warning says why). */
export interface Measures {
  /** R(t): probability of no system failure in [0, t], all units new at 0. */
  readonly reliability?: Curve;
  /** A(t): probability the system is up at t. */
  readonly availability?: Curve;
  /** The limit of A(t) as t → ∞. */
  readonly steadyAvailability?: Scalar;
  /** 1 − steadyAvailability, computed directly so that tiny values keep their digits. */
  readonly steadyUnavailability?: Scalar;
  /** Expected fraction of [0, T] the system is up, T the mission time or horizon. */
  readonly intervalAvailability?: Scalar;
  /** Mean time to first system failure. */
  readonly mttf?: Scalar;
  /**
   * Simulation only, when the MTTF cannot be estimated because replications were censored at
   * τ = `restrictedTo`: the restricted mean E[min(T₁, τ)], a lower bound of the MTTF.
   */
  readonly restrictedMttf?: Estimate & { readonly restrictedTo: number };
  /** Steady-state system failures per unit time. */
  readonly failureFrequency?: Scalar;
  /** Mean time between system failures, 1/failureFrequency. */
  readonly mtbf?: Scalar;
  /** Mean up time between failures, steadyAvailability/failureFrequency. */
  readonly mut?: Scalar;
  /** Mean down time per failure, steadyUnavailability/failureFrequency. */
  readonly mdt?: Scalar;
  /** −log10(steadyUnavailability). */
  readonly nines?: Scalar;
  /**
   * Models with proof tests: the average probability of failure on demand of IEC 61508-6, the
   * time-average unavailability over the mission, 1 − intervalAvailability (docs/semantics.md,
   * "Hidden failures and proof tests").
   */
  readonly pfdAvg?: Scalar;
  /**
   * The safety integrity level (0–4, low-demand mode) whose PFDavg band holds `pfdAvg`; for a
   * simulated `pfdAvg` only when its whole 95 % interval lies in one band.
   */
  readonly sil?: number;
  /** Models with costs: the long-run expected maintenance cost per time unit. */
  readonly costRate?: Scalar;
  /** Models with costs: the expected maintenance cost over [0, T], T the mission time or horizon. */
  readonly missionCost?: Scalar;
  /**
   * Fault trees: P(top event) at the mission time (or with every event at its fixed
   * probability), exact by BDD unless `approximation` says otherwise. A contract: kept.
   */
  readonly topEventProbability?: Scalar;
  /** How `topEventProbability` was computed when not exactly: `rare-event` or `mcub`. */
  readonly approximation?: 'rare-event' | 'mcub';
  /**
   * Minimal cut sets of a coherent structure: event (or unit) names, the sets sorted by
   * probability, largest first; `count` is exact even when `sets` is capped. A contract: kept.
   */
  readonly minimalCutSets?: SetList;
  /** Prime implicants of a non-coherent tree: literals `name` or `not name`. */
  readonly primeImplicants?: SetList;
  /** Importance of every basic event (or unit) at the mission time. A contract: kept. */
  readonly importance?: Readonly<Record<string, ImportanceFactors>>;
  /**
   * Block models in which some component has more than one unit: the factors of every component
   * as the group of its units (docs/concepts.md, "Importance of a group"), at the basis of
   * `importance`. Not sums over the units.
   */
  readonly componentImportance?: Readonly<Record<string, ImportanceFactors>>;
}

/** A list of sets of names with the exact number of sets, of which `sets` may list fewer. */
export interface SetList {
  readonly count: number;
  readonly sets: readonly (readonly string[])[];
}

/**
 * The importance factors of one event (docs/concepts.md): Birnbaum (MIF), criticality (CIF),
 * diagnostic (DIF), Fussell–Vesely, risk achievement worth and risk reduction worth. A ratio
 * without a value (RRW of an event in every cut set, any ratio when P(top) = 0) is null.
 */
export interface ImportanceFactors {
  readonly birnbaum: number;
  readonly criticality: number | null;
  readonly diagnostic: number | null;
  readonly fussellVesely: number | null;
  readonly raw: number | null;
  readonly rrw: number | null;
}

/** The result of solving one model with one method. */
export interface Result {
  readonly method: 'analytic' | 'markov' | 'simulation';
  /** The model's name and a hash of its evaluated form, so results can be matched to models. */
  readonly model: { readonly name: string; readonly hash: string };
  readonly timeUnit: string;
  /** Mission time or horizon used for interval measures, when one applies. */
  readonly horizon?: number;
  readonly measures: Measures;
  /** Advisory conditions: measures left out and why, approximations, numerical notes. */
  readonly warnings: readonly string[];
}
