/**
 * A link whose parameter values do not fit its model (a name the model has no parameter or house
 * event for, a value out of the parameter's range): the page opens the model with its file's
 * values and says so, rather than a page without a model. Pure, unit-tested.
 */
import type { AppState } from './store.js';

/**
 * Returns the banner for a page whose first answer refused the scenario the link set (no model
 * solved yet, and the link gave values or a mission time), or undefined when that is not the case.
 */
export function unfitLinkValues(state: AppState): string | undefined {
  if (state.exploration !== undefined) return undefined;
  if (Object.keys(state.overrides).length === 0 && state.missionTime === undefined)
    return undefined;
  const issue = state.issues[0];
  const why = issue ? `: ${[issue.path, issue.message].filter(Boolean).join(' ')}` : '';
  return `the link's values do not fit the model${why}. Showing it with its file's values instead.`;
}
