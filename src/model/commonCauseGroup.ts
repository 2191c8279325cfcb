import { withArticle } from '../errors.js';
import type { RawCommonCause } from './faultTreeSchema.js';
import { evaluateNumeric, type ParameterValues } from './parameters.js';
import type { Path, PathIssue } from './source.js';

/**
 * The name of a written common-cause group: its `name`, else its place in the list
 * (`common_cause #2`), so messages and results can name a group written without one.
 */
export function commonCauseGroupName(group: RawCommonCause, index: number): string {
  return group.name ?? `common_cause #${index + 1}`;
}

/**
 * Evaluates a group's factors as written: `beta: β` (a beta-factor group's one factor) or
 * `factors: […]`, each at its own path; undefined after pushing located issues (both or neither
 * given, `beta` on another model, a factor that does not evaluate).
 *
 * @param group - the group as written
 * @param path - the group's path (`['common_cause', g]`)
 * @param parameters - the model's parameter values
 * @param issues - where problems go
 * @returns the factors, in the order `commonCauseProbabilities` takes them
 */
export function commonCauseGroupFactors(
  group: RawCommonCause,
  path: Path,
  parameters: ParameterValues,
  issues: PathIssue[],
): number[] | undefined {
  if (group.beta !== undefined && group.factors !== undefined) {
    issues.push({ path, message: 'must give beta or factors, not both' });
    return undefined;
  }
  if (group.beta !== undefined) {
    if (group.model !== 'beta-factor') {
      issues.push({
        path: [...path, 'beta'],
        message: `is the one factor of a beta-factor group; ${withArticle(group.model)} group lists its factors under factors`,
      });
      return undefined;
    }
    const beta = evaluateNumeric(group.beta, parameters, [...path, 'beta'], issues);
    return beta === undefined ? undefined : [beta];
  }
  if (group.factors === undefined) {
    const which = group.model === 'beta-factor' ? 'beta (or factors: [β])' : 'factors';
    issues.push({ path, message: `must give ${which}` });
    return undefined;
  }
  const values = group.factors.map((raw, f) =>
    evaluateNumeric(raw, parameters, [...path, 'factors', f], issues),
  );
  return values.some((value) => value === undefined) ? undefined : (values as number[]);
}

/**
 * Where a problem with a group's factors was written: the path `commonCauseFactorIssues` gives
 * (relative to the group, under `factors`), or `beta` for a group written with `beta`.
 */
export function writtenFactorPath(group: RawCommonCause, relative: Path): Path {
  return group.beta !== undefined && relative[0] === 'factors' ? ['beta'] : relative;
}
