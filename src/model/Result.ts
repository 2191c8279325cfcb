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
