import { formatValue, ParameterError } from '../errors.js';
import { fitLifeData } from '../fit/fitLifeData.js';
import type { FitFamilyName } from '../fit/families.js';
import { LifeDataError, parseLifeData } from '../fit/lifeData.js';
import type { FittedLaw } from './Model.js';
import type { RawDistribution } from './schema.js';
import type { Path, PathIssue } from './source.js';

/** Reads a data file a model names (`fit: data.csv`), by its name as written in the model. */
export type DataReader = (file: string) => string;

/** The time fields of a component or basic event that may be fitted from data. */
const FITTABLE = ['failure', 'repair', 'detection', 'recovery'] as const;

/**
 * Replaces every law written as `{ fit: FILE, dist: FAMILY }` in the components (or basic
 * events) by the maximum-likelihood fit of that family to the life data of FILE (docs/fitting.md),
 * once per parse: parameters cannot change a fit. Each fit is recorded with its bounds, so the
 * model says where its numbers came from.
 *
 * @param entries - the components or events that passed the schema, by name
 * @param section - `components` or `events`, for paths
 * @param readData - how to read a data file; without one, a fitted law is an issue
 * @returns the entries with fitted laws replaced by their estimates (an entry whose fit failed,
 * with its issue recorded, is left out and named in `rejected`), and the fits
 */
export function resolveFits<T extends object>(
  entries: Readonly<Record<string, T>>,
  section: string,
  readData: DataReader | undefined,
  issues: PathIssue[],
): {
  readonly entries: Record<string, T>;
  readonly fits: FittedLaw[];
  readonly rejected: string[];
} {
  const fits: FittedLaw[] = [];
  // Entries as pairs, made an object by fromEntries: a name such as `__proto__` stays an own key.
  const resolved: [string, T][] = [];
  const rejected: string[] = [];
  for (const [name, entry] of Object.entries(entries)) {
    let next: T | undefined = entry;
    for (const field of FITTABLE) {
      const law = (entry as Partial<Record<(typeof FITTABLE)[number], RawDistribution>>)[field];
      if (law === undefined || !Object.hasOwn(law, 'fit')) continue;
      const fitted = fitLaw(law, [section, name, field], readData, issues);
      if (fitted === undefined) next = undefined;
      else {
        fits.push(fitted);
        if (next !== undefined) next = { ...next, [field]: fitted.law };
      }
    }
    if (next === undefined) rejected.push(name);
    else resolved.push([name, next]);
  }
  return { entries: Object.fromEntries(resolved) as Record<string, T>, fits, rejected };
}

function fitLaw(
  law: RawDistribution,
  path: Path,
  readData: DataReader | undefined,
  issues: PathIssue[],
): FittedLaw | undefined {
  const file = String(law.fit);
  const dist = String(law.dist) as FitFamilyName;
  const at = [...path, 'fit'];
  if (readData === undefined) {
    issues.push({
      path: at,
      message: `reads life data from "${file}", and no data file can be read here (a model given as text needs its data read by the caller: the library's readData option)`,
    });
    return undefined;
  }
  let text: string;
  try {
    text = readData(file);
  } catch (error) {
    issues.push({ path: at, message: `cannot read "${file}": ${(error as Error).message}` });
    return undefined;
  }
  try {
    const fit = fitLifeData(parseLifeData(text, file), dist);
    if (!fit.convergence.converged) {
      issues.push({
        path: at,
        message: `the ${dist} fit to "${file}" did not converge (${fit.notes.join('; ')}); relkit fit ${file} --dist all compares the families`,
      });
      return undefined;
    }
    if (fit.failure === null) {
      issues.push({
        path: [...path, 'dist'],
        message: `${dist} has no law in the model format; fit a family the format has (exponential, weibull, lognormal, gamma, normal)`,
      });
      return undefined;
    }
    return {
      path: path.join('.'),
      file,
      dist,
      law: fit.failure,
      parameters: fit.parameters,
      ci95: fit.ci95,
      covariance: fit.covariance,
      n: fit.n,
    };
  } catch (error) {
    if (!(error instanceof LifeDataError) && !(error instanceof ParameterError)) throw error;
    // A refusal of the fit reads as one of the data, without the function's name.
    const message =
      error instanceof ParameterError
        ? `${error.parameter} must ${error.expectation}; got ${formatValue(error.value)}`
        : error.message.split('\n').join('; ');
    issues.push({ path: at, message: `"${file}": ${message}` });
    return undefined;
  }
}
