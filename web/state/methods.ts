/**
 * Which method produced a number, in plain words, and what the page leaves out because of it:
 * pure functions of results and state, unit-tested.
 */
import type { Result } from '../../src/index.js';
import { formatCount } from '../compute/plainWords.js';
import type { Solution } from '../compute/solve.js';
import type { AppState } from './store.js';

/**
 * Most states of a chain for which the tornado and sweep are drawn: each solves the model again
 * (2 per parameter, 25 per sweep), a few seconds each above this.
 */
export const WHAT_IF_STATE_LIMIT = 20_000;

/** Returns the number of states of a Markov result (the engine adds `states` to its result). */
export function chainStates(result: Result): number | undefined {
  const states = (result as { readonly states?: unknown }).states;
  return typeof states === 'number' ? states : undefined;
}

/**
 * Returns how a result was computed, as the page says it: `exact: closed form / structure
 * function`, `exact: Markov chain (N states)`, `simulation: N replications`.
 */
export function methodLabel(result: Result): string {
  if (result.method === 'analytic') return 'exact: closed form / structure function';
  if (result.method === 'markov') {
    const states = chainStates(result);
    return `exact: Markov chain${states === undefined ? '' : ` (${formatCount(states)} states)`}`;
  }
  const replications = (result as { readonly replications?: unknown }).replications;
  return typeof replications === 'number'
    ? `simulation: ${formatCount(replications)} replications`
    : 'simulation';
}

/**
 * Returns why the tornado and sweep are left out for a live solution, or undefined when they are
 * drawn: they need an exact solution, and one that is quick to repeat.
 */
export function whatIfSkipReason(solution: Solution | undefined): string | undefined {
  if (!solution) return undefined;
  if (!solution.ok) {
    return 'the tornado and sweep need an exact solution at every point; the page has none for this model';
  }
  const states = chainStates(solution.result);
  if (states !== undefined && states > WHAT_IF_STATE_LIMIT) {
    return `the Markov chain has ${formatCount(states)} states: the tornado and sweep would solve it dozens of times, so they are left out`;
  }
  return undefined;
}

/**
 * What the what-if panel says for a model without an exact solution, in place of the tornado and
 * sweep: why there are none, and what the user can do instead.
 */
export const NO_EXACT_WHAT_IF =
  'No exact method applies to this model (the reason is under the numbers), so there is no tornado, and the sweep is simulated when you ask: Simulate the sweep runs the model at 9 values of the parameter with the replications and seed of the Simulation panel, the same seed at every value (so neighbouring points differ by the parameter more than by chance), and shades each point’s 95 % interval. To compare two values closely, pin this result and change the value: the numbers table shows both with their intervals.';

/** What the optimise panel says for a model without an exact solution. */
export const NO_EXACT_OPTIMIZE =
  'No optimisation for this model: the search solves it exactly at every value it tries, and no method gives an exact solution here. Simulate the sweep (above) to see the measure over the range with its intervals, or pin a result, change a value and compare both in the numbers table.';

/** The optimise chart's short note for a model without an exact solution. */
export const NO_EXACT_OPTIMIZE_PLOT = 'no optimisation without an exact solution';

/** What the what-if menus offer while a long exact solve runs. */
export const AWAITING_EXACT = 'after the exact solution';

/** What the measure menus offer for a model without an exact solution. */
export const NO_EXACT_MEASURE = 'none without an exact solution';

/** What the what-if measure menu offers before a model without one has simulated results. */
export const AWAITING_SIMULATION = 'after the first simulated results';

/** Whether the page starts a simulation of its own: no exact solution and no run of this scenario. */
export function needsAutoSimulation(state: AppState): boolean {
  return state.exploration?.solution.ok === false && state.simulation === undefined;
}

/**
 * Whether the what-if charts are asked again once a run is over: a model without an exact
 * solution nor a mission time has a horizon (the simulated one) only then, and the importance
 * bars are computed at it.
 */
export function needsHorizonExtras(state: AppState): boolean {
  return (
    state.simulation !== undefined &&
    state.simulation.phase !== 'running' &&
    state.exploration?.solution.ok === false &&
    state.exploration.fileMissionTime === undefined &&
    state.extras?.importance === undefined
  );
}
