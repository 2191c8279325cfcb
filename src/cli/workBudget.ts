import { ConvergenceError, UnsupportedModelError } from '../errors.js';
import { solveMarkov } from '../markov/measures/solveMarkov.js';
import type { Model } from '../model/Model.js';
import { SETTLING_SCALES, slowestTimeScale } from '../model/timeScales.js';
import {
  DEFAULT_MAX_EVENTS,
  DEFAULT_MTTF_CAP,
  expectedEvents,
  runsOnToFirstFailure,
  simulationHorizon,
  simulationViews,
} from '../sim/simulate.js';
import type { SimulateOptions } from '../sim/types.js';
import { parseIntegerOption, parseNumberOption } from './format.js';
import { EXIT, UsageError } from './io.js';

/** Default of `--max-events` (the library's): about an hour and a half at 20 M events/s. */
export { DEFAULT_MAX_EVENTS };

/** The parseArgs option of the work budget (simulate and check). */
export const WORK_BUDGET_FLAGS = {
  'max-events': { type: 'string' },
} as const;

/**
 * The parseArgs options of the exact solvers' limits (analyze, markov, check, sweep): states of
 * a Markov chain, nodes of the structure function's BDD, matrix–vector products of a transient.
 */
export const EXACT_BUDGET_FLAGS = {
  'max-states': { type: 'string' },
  'max-nodes': { type: 'string' },
  'max-products': { type: 'string' },
} as const;

/** The help lines of {@link EXACT_BUDGET_FLAGS}. */
export const EXACT_BUDGET_HELP = `  --max-states N    largest Markov chain to build (default 5e6); the size is estimated first
  --max-nodes N     largest structure-function BDD (default 5e6); the size is estimated first
  --max-products N  most matrix-vector products of one transient solve of a large chain
                    (default 1e7)`;

/** The exact solvers' limits given on the command line (absent: the library's defaults). */
export interface ExactBudget {
  readonly maxStates?: number;
  readonly maxNodes?: number;
  readonly maxProducts?: number;
}

/**
 * Parses `--max-states`, `--max-nodes` and `--max-products`: integers >= 1, checked before any
 * work so that a bad value never waits for a simulation to end.
 */
export function parseExactBudget(values: {
  readonly 'max-states'?: string;
  readonly 'max-nodes'?: string;
  readonly 'max-products'?: string;
}): ExactBudget {
  const parse = (flag: string, text: string | undefined): number | undefined =>
    text === undefined ? undefined : parseIntegerOption(flag, text, 1);
  const maxStates = parse('--max-states', values['max-states']);
  const maxNodes = parse('--max-nodes', values['max-nodes']);
  const maxProducts = parse('--max-products', values['max-products']);
  return {
    ...(maxStates !== undefined && { maxStates }),
    ...(maxNodes !== undefined && { maxNodes }),
    ...(maxProducts !== undefined && { maxProducts }),
  };
}

/** Parses `--max-events`: a number > 0, default {@link DEFAULT_MAX_EVENTS}. */
export function parseMaxEvents(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_EVENTS;
  const value = parseNumberOption('--max-events', text);
  if (!(value > 0)) {
    throw new UsageError(`--max-events must be a finite number > 0; got ${text}`, EXIT.failed);
  }
  return value;
}

/**
 * Most states of the chain solved for the MTTF of an estimate: solved by dense elimination,
 * (2/3)·200³ ≈ 5·10⁶ operations, a few milliseconds, so estimating never costs much itself.
 */
const ESTIMATE_MAX_STATES = 200;

/** What a run of replications is expected to cost, and the facts the estimate rests on. */
export interface EventEstimate {
  /** Expected events of all the replications. */
  readonly events: number;
  readonly replications: number;
  /** The horizon T the simulator will use, in the model's time unit. */
  readonly horizon: number;
  /** Expected simulated time of one replication, L = max(T, min(MTTF, cap·T)). */
  readonly length: number;
  /** The exact MTTF behind L, when a small Markov chain gave one; else L used the cap. */
  readonly mttf?: number;
  /** The cap: a replication runs on for the MTTF up to cap·T. */
  readonly mttfCap: number;
  readonly timeUnit: string;
}

/**
 * Returns the events a run is expected to process, from the expected simulated time of one
 * replication and the units' event rates:
 *
 * $$
 * E = n \sum_u e_u(L),\qquad
 * e_u(L) = \begin{cases} 2L/m_u & \text{u repairable} \\ \min(1, L/m_u) & \text{otherwise} \end{cases},
 * \qquad L = \max\big(T, \min(\mathrm{MTTF}, c\,T)\big)\ \text{or}\ T
 * $$
 *
 * - n: replications; T: the horizon the simulator will use ({@link simulationHorizon}); c:
 *   `mttfCap` (default 1000); m_u: the mean time to failure of unit u
 * - MTTF: the system's exact mean time to first failure from the Markov engine when every time
 *   is exponential and the chain has at most 200 states; otherwise c·T, the longest a
 *   replication can run
 *
 * @param model - the model to simulate
 * @param options - horizon and MTTF cap, as the simulator will get them
 * @param replications - replications of the run
 * @returns the estimate, with the horizon, L and the MTTF it used
 *
 * @remarks
 * L = T unless the MTTF is asked for of a model that is not regenerative
 * ({@link runsOnToFirstFailure}); a regenerative run only finishes the cycle open at T, short
 * against T. When it runs on, a replication ends at T when its system failed before T; otherwise it
 * goes on to its first system failure or c·T (src/sim/simulate.ts). So its length is max(T, min(T₁, cT))
 * for T₁ the time to first failure, whose mean is at most T + min(MTTF, cT) ≤ 2L: L is at least
 * half the mean length, and with the cap for the MTTF at least all of it. A repairable unit fails about once per mean life and is
 * repaired as often (two events); one that is never repaired fails at most once. Detection,
 * recovery and switch-over events are not counted, nor idle spares' slower ageing: an order of
 * magnitude, enough to refuse runs that would take days. Cost: a few milliseconds for the MTTF.
 */
export function estimateEvents(
  model: Model,
  options: SimulateOptions,
  replications: number,
): EventEstimate {
  const views = simulationViews(model);
  const horizon = simulationHorizon(model, options);
  if (views.length > 1) {
    // One stream runs until the last system's replication ends: the longest of theirs.
    return views
      .map((view) => estimateEvents(view, { ...options, horizon }, replications))
      .reduce((a, b) => (b.events > a.events ? b : a));
  }
  if (!Number.isFinite(horizon)) {
    // Only the default can overflow (--horizon and mission_time are finite): 10 × a mean of 1e308.
    const slowest = slowestTimeScale(model);
    throw new UsageError(
      `the default horizon, ${SETTLING_SCALES} x the model's slowest time scale (${slowest.what}, ${compact(slowest.value)} ${model.timeUnit}), is not a finite number; give --horizon`,
      EXIT.failed,
    );
  }
  const mttfCap = options.mttfCap ?? DEFAULT_MTTF_CAP;
  const runsOn = runsOnToFirstFailure(model, options);
  const mttf = runsOn ? smallChainMttf(model) : undefined;
  const length = runsOn
    ? Math.max(horizon, Math.min(mttf ?? Infinity, mttfCap * horizon))
    : horizon;
  return {
    events: replications * expectedEvents(model, length),
    replications,
    horizon,
    length,
    ...(mttf !== undefined && { mttf }),
    mttfCap,
    timeUnit: model.timeUnit,
  };
}

/**
 * Refuses a run before any work when the estimated events of its parts (one, or a sweep's
 * simulated points) exceed `maxEvents`, naming the estimate, what it rests on, the limit and the
 * flag that raises it (exit 1). An estimate past the largest double (a horizon of 1e300 against a
 * mean life of 1e-10) is refused as `more than 1.8e308 events`, never waved through.
 */
export function checkWorkBudget(
  where: string,
  estimates: readonly EventEstimate[],
  maxEvents: number,
): void {
  const events = estimates.reduce((sum, estimate) => sum + estimate.events, 0);
  if (events <= maxEvents) return;
  const largest = estimates.reduce((a, b) => (b.events > a.events ? b : a));
  const why =
    estimates.length === 1
      ? describeRun(largest)
      : `${estimates.length} simulated points; the largest, ${about(largest.events).replace(/^about /, '')} events: ${describeRun(largest)}`;
  throw new UsageError(
    `${where}: ${about(events)} events (${why}); the limit is ${compact(maxEvents)} (--max-events raises it)`,
    EXIT.failed,
  );
}

/**
 * `20000 replications x horizon 1e11 h`, or, when a replication runs past the horizon, `1000
 * replications x about 46300 h each: the horizon 30000 h, run on to the first system failure,
 * MTTF 46300 h`.
 */
function describeRun(estimate: EventEstimate): string {
  const { replications, horizon, length, mttf, mttfCap, timeUnit } = estimate;
  if (length === horizon)
    return `${replications} replications x horizon ${compact(horizon)} ${timeUnit}`;
  const [each, until] =
    mttf !== undefined && mttf < mttfCap * horizon
      ? ['about', `MTTF ${compact(mttf)} ${timeUnit}`]
      : ['up to', `at most ${mttfCap} x the horizon`];
  return `${replications} replications x ${each} ${compact(length)} ${timeUnit} each: the horizon ${compact(horizon)} ${timeUnit}, run on to the first system failure, ${until}`;
}

/**
 * The system's exact MTTF when it is cheap: every time exponential and a chain of at most
 * {@link ESTIMATE_MAX_STATES} states; undefined otherwise, or when the system never fails.
 */
function smallChainMttf(model: Model): number | undefined {
  try {
    const { mttf } = solveMarkov(model, { mttf: true, maxStates: ESTIMATE_MAX_STATES }).measures;
    return typeof mttf === 'number' ? mttf : undefined;
  } catch (error) {
    if (error instanceof UnsupportedModelError || error instanceof ConvergenceError)
      return undefined;
    throw error;
  }
}

/** `about 3.2e12`, or `more than 1.8e308` for an estimate that overflowed (or is NaN). */
function about(events: number): string {
  return Number.isFinite(events) ? `about ${compact(events)}` : 'more than 1.8e308';
}

/** 20000 and 8760 as is (three significant digits); 3.2e12 and 1e9 in short exponent form. */
function compact(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e6) return String(Number(value.toPrecision(3)));
  const [mantissa, exponent] = value.toExponential(1).split('e');
  const digits = mantissa!.replace(/\.0$/, '');
  const power = Number(exponent);
  return power === 0 ? digits : `${digits}e${power}`;
}
